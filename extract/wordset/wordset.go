// Package wordset holds maps keyed by words that turn most words away
// without hashing them. The extractor and the shallow parser look up
// nearly every word of a text in maps that hold few of them (verb forms,
// cue words, closed word classes): a bit per first byte, last byte and
// length answers most of those look-ups with no hash.
package wordset

import (
	"iter"
	"maps"
	"slices"
)

// Filter tells that most words are none of a set's: false from May means
// the word was never added.
type Filter struct{ bits [1024]uint64 }

func slot(w string) uint16 {
	if w == "" {
		return 0
	}
	return (uint16(w[0])<<8 | uint16(w[len(w)-1])) + uint16(len(w))*0x9e37
}

// Add adds w.
func (f *Filter) Add(w string) { k := slot(w); f.bits[k/64] |= 1 << (k % 64) }

// May reports whether w may have been added.
func (f *Filter) May(w string) bool { k := slot(w); return f.bits[k/64]&(1<<(k%64)) != 0 }

// Map is a map from words with a Filter in front. It is only read once
// made, and safe for concurrent use.
type Map[V any] struct {
	f Filter
	m map[string]V
	// Lookup reads the words in a table of its own, not m (see there),
	// made by Indexed alone (Of leaves slots nil). Slot k holds 1 + the
	// index in keys and vals of a key, 0 none; len(slots) is a power of
	// two, at least four times the keys, and shift takes a hash's top
	// bits to a slot.
	slots []int32
	keys  []string
	vals  []V
	shift uint
}

// Of returns the Map of m, which it keeps and which must not change.
func Of[V any](m map[string]V) *Map[V] {
	s := &Map[V]{m: m}
	for w := range m {
		s.f.Add(w)
	}
	return s
}

// Indexed is Of with the table Lookup reads, which holds every key and
// value again: only a map asked with Lookup needs it (the cue heads).
func Indexed[V any](m map[string]V) *Map[V] {
	s := Of(m)
	s.shift = 30
	for len(m)*4 > 1<<(32-s.shift) {
		s.shift--
	}
	s.slots = make([]int32, 1<<(32-s.shift))
	s.keys, s.vals = make([]string, 0, len(m)), make([]V, 0, len(m))
	// In order, so that which keys are a probe away from home is the
	// same at every run.
	for _, w := range slices.Sorted(maps.Keys(m)) {
		k := s.home(w)
		for s.slots[k] != 0 {
			k = (k + 1) & (len(s.slots) - 1)
		}
		s.keys, s.vals = append(s.keys, w), append(s.vals, m[w])
		s.slots[k] = int32(len(s.keys))
	}
	return s
}

// home is the slot a look-up for w starts at: the filter's slot and the
// middle byte, mixed, so that words the filter cannot tell apart
// ("coalition" and "condition") mostly start at different slots.
func (s *Map[V]) home(w string) int {
	h := uint32(slot(w))
	if w != "" {
		h |= uint32(w[len(w)/2]) << 16
	}
	return int((h * 0x9e3779b1) >> s.shift)
}

// May reports whether w may be a key: false means it is not.
func (s *Map[V]) May(w string) bool { return s.f.May(w) }

// Get is m[w] and whether m holds w.
func (s *Map[V]) Get(w string) (V, bool) {
	if !s.f.May(w) {
		var zero V
		return zero, false
	}
	v, ok := s.m[w]
	return v, ok
}

// Lookup is Get for words the filter mostly lets through: a call, where
// Get is inlined and a word the filter turns away costs none. Half the
// words it lets through are no key (a cue head's first byte, last byte
// and length are "coalition"'s), and m's look-up hashes every byte and
// probes a group, where the table reads three bytes and, mostly, one
// slot, empty or the key. On a Map made by Of, with no table, it is Get.
func (s *Map[V]) Lookup(w string) (V, bool) {
	if s.slots == nil {
		return s.Get(w)
	}
	if s.f.May(w) {
		for k := s.home(w); ; k = (k + 1) & (len(s.slots) - 1) {
			j := s.slots[k] - 1
			if j < 0 {
				break
			}
			if s.keys[j] == w {
				return s.vals[j], true
			}
		}
	}
	var zero V
	return zero, false
}

// Has reports whether m holds w. Small enough to be inlined where it
// is called, so that a word the filter turns away costs no call.
func (s *Map[V]) Has(w string) bool {
	return s.f.May(w) && s.holds(w)
}

// holds is whether m has the key w, which the filter has let through.
func (s *Map[V]) holds(w string) bool {
	_, ok := s.m[w]
	return ok
}

// Keys are m's keys, in no order.
func (s *Map[V]) Keys() iter.Seq[string] { return maps.Keys(s.m) }
