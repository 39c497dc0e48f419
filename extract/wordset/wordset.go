// Package wordset holds maps keyed by words that turn most words away
// without hashing them. The extractor and the shallow parser look up
// nearly every word of a text in maps that hold few of them (verb forms,
// cue words, closed word classes): a bit per first byte, last byte and
// length answers most of those look-ups with no hash.
package wordset

import (
	"iter"
	"maps"
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
}

// Of returns the Map of m, which it keeps and which must not change.
func Of[V any](m map[string]V) *Map[V] {
	s := &Map[V]{m: m}
	for w := range m {
		s.f.Add(w)
	}
	return s
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
