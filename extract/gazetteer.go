package extract

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/stancegraph/stancegraph/model"
)

//go:embed gazetteer/*.yaml
var builtin embed.FS

// Entry is one known actor in a gazetteer file.
type Entry struct {
	ID       string     `yaml:"id"`
	Name     string     `yaml:"name"`
	Kind     model.Kind `yaml:"kind"`
	Aliases  []string   `yaml:"aliases"`
	Demonyms []string   `yaml:"demonyms"`
	Metonyms []string   `yaml:"metonyms"`
}

// Gazetteer maps the names news uses to known actors.
type Gazetteer struct {
	entries map[string]*Entry
	// names: surface forms (names, aliases, metonyms) as token sequences.
	names *trie
	// demonyms only name a state before an institutional noun
	// ("Iranian state media"), so they live apart.
	demonyms *trie
	// firstWords holds the first words of names and demonyms: most words
	// of a sentence begin neither, and need no look-up in either trie.
	firstWords *wordBits
}

// LoadGazetteer reads the built-in gazetteer and then each of the user's
// files; a later entry with the same id replaces an earlier one.
func LoadGazetteer(userFiles ...string) (*Gazetteer, error) {
	g := &Gazetteer{entries: map[string]*Entry{}, names: newTrie(), demonyms: newTrie()}
	paths, err := fs.Glob(builtin, "gazetteer/*.yaml")
	if err != nil {
		return nil, err
	}
	var all []Entry
	for _, p := range paths {
		b, err := builtin.ReadFile(p)
		if err != nil {
			return nil, err
		}
		es, err := parseGazetteer(p, b)
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
	}
	for _, p := range userFiles {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("gazetteer %s: %w", p, err)
		}
		es, err := parseGazetteer(p, b)
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
	}
	for i := range all {
		e := &all[i]
		g.entries[e.ID] = e
	}
	// In id order, so that the tries are the same in every process.
	ids := make([]string, 0, len(g.entries))
	for id := range g.entries {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		e := g.entries[id]
		for _, f := range append(append([]string{e.Name}, e.Aliases...), e.Metonyms...) {
			g.names.add(f, e.ID)
		}
		for _, f := range e.Demonyms {
			g.demonyms.add(f, e.ID)
		}
	}
	// About a thousand first words in 65,536 bits.
	g.firstWords = newWordBits(10)
	for _, t := range []*trie{g.names, g.demonyms} {
		for w := range t.next {
			g.firstWords.add(w)
		}
	}
	return g, nil
}

// wordBits is a set of lower-cased ASCII words kept as one bit per hash
// (see hashLower): a word whose bit is clear is not in the set; one whose
// bit is set may be.
type wordBits struct{ bits []uint64 }

// newWordBits makes a set of 64<<logWords bits: a few bits per word it
// will hold keep the chance that an absent word's bit is set low.
func newWordBits(logWords int) *wordBits { return &wordBits{make([]uint64, 1<<logWords)} }

// add puts a lower-cased word in the set; a word that is not ASCII is
// never asked for (hashLower refuses it).
func (b *wordBits) add(lower string) {
	if h, ok := hashLower(lower); ok {
		b.bits[h>>6&uint32(len(b.bits)-1)] |= 1 << (h & 63)
	}
}

// has reports whether a word with hash h may be in the set.
func (b *wordBits) has(h uint32) bool { return b.bits[h>>6&uint32(len(b.bits)-1)]&(1<<(h&63)) != 0 }

// hashLower is the FNV-1a hash of a word with its ASCII letters
// lower-cased; ok is false for a word that is not ASCII, whose lower case
// is more than its ASCII letters lowered.
func hashLower(w string) (h uint32, ok bool) {
	h = fnvOffset
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h, true
}

// The 32-bit FNV-1a hash's start and multiplier.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func parseGazetteer(name string, b []byte) ([]Entry, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var es []Entry
	if err := dec.Decode(&es); err != nil && err != io.EOF {
		return nil, fmt.Errorf("gazetteer %s: %w", name, err)
	}
	for i, e := range es {
		where := fmt.Sprintf("gazetteer %s: entry %d", name, i+1)
		if e.ID == "" || e.Name == "" {
			return nil, fmt.Errorf("%s: id and name are required", where)
		}
		if e.Kind != model.State && e.Kind != model.Group && e.Kind != model.Person {
			return nil, fmt.Errorf("%s (%s): kind %q is not state, group or person", where, e.ID, e.Kind)
		}
	}
	return es, nil
}

// Entry returns the actor with this id.
func (g *Gazetteer) Entry(id string) (*Entry, bool) {
	e, ok := g.entries[id]
	return e, ok
}

// Len is the number of known actors.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entries returns a copy of every known actor, sorted by id.
func (g *Gazetteer) Entries() []Entry {
	out := make([]Entry, 0, len(g.entries))
	for _, e := range g.entries {
		c := *e
		c.Aliases = slices.Clone(e.Aliases)
		c.Demonyms = slices.Clone(e.Demonyms)
		c.Metonyms = slices.Clone(e.Metonyms)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// trie indexes surface forms by their lower-cased word tokens.
type trie struct {
	next map[string]*trie
	// kids holds next's ASCII words by their hashLower, which each token
	// carries, in a table open-addressed on the hash: a look-up hashes
	// and lowers no string, and reads one or two slots (the names are
	// looked up at most capitalised words of a text, where a map's
	// look-up waited on memory). Its length is a power of two, at least
	// twice nkids. A hash two of next's words share is in clash, and
	// looked up in next.
	kids  []slot
	nkids int
	clash map[uint32]bool
	word  string // the lower-cased word that leads here
	forms []form
	// lower is whether a form here or below is in lower case: only such
	// a form can begin at a word in small letters (see match).
	lower bool
}

// slot is a child in trie.kids: its word's hash and node, nil for none.
type slot struct {
	h uint32
	n *trie
}

type form struct {
	text string // the surface form as written in the gazetteer
	id   string
	// acronym and lower say how the form matches text (see matches):
	// known when it is added, not worked out at every word it is tried at.
	acronym, lower bool
}

func newTrie() *trie { return &trie{next: map[string]*trie{}} }

func (t *trie) add(surface, id string) {
	surface = strings.TrimSpace(strings.TrimPrefix(surface, "the "))
	toks := tokenize(surface)
	if len(toks) == 0 {
		return
	}
	lower := isLower(surface)
	n := t
	n.lower = n.lower || lower
	for _, tk := range toks {
		key := strings.ToLower(surface[tk.start:tk.end])
		c, ok := n.next[key]
		if !ok {
			c = newTrie()
			c.word = key
			n.next[key] = c
			n.index(c)
		}
		n = c
		n.lower = n.lower || lower
	}
	n.forms = append(n.forms, form{text: surface, id: id, acronym: isAcronym(surface), lower: lower})
}

// match finds the longest form starting at token i of text, honouring
// case: acronyms match exactly, lower-case forms in any case, other names
// case-insensitively but only where the text starts with a capital.
func (t *trie) match(text string, toks []token, i int) (id string, end int, ok bool) {
	// At a word in small letters only a form in lower case can match: an
	// acronym has none, and another name needs a capital. Most words the
	// tries are asked about and know ("is", "new", "state") begin no such
	// form, and no demonym is one.
	small := i < len(toks) && 'a' <= text[toks[i].start] && text[toks[i].start] <= 'z'
	if small && !t.lower {
		return "", 0, false
	}
	n := t
	for j := i; j < len(toks); j++ {
		c, found := n.child(text, toks[j])
		if !found || small && !c.lower {
			break
		}
		n = c
		// Forms can share their words ("OPEC", "OPEC+"): the longest one
		// the text spells out wins.
		best := -1
		for k := range n.forms {
			f, start := &n.forms[k], toks[i].start
			if start+len(f.text) > len(text) || len(f.text) <= best {
				continue
			}
			if seen := text[start : start+len(f.text)]; f.matches(seen) {
				id, end, ok, best = f.id, j+1, true, len(f.text)
			}
		}
	}
	return id, end, ok
}

// index puts the new child c in kids, or its hash in clash.
func (t *trie) index(c *trie) {
	h, ascii := hashLower(c.word)
	if !ascii || t.clash[h] {
		return
	}
	if 2*(t.nkids+1) > len(t.kids) {
		old := t.kids
		t.kids, t.nkids = make([]slot, max(4, 2*len(old))), 0
		for _, s := range old {
			if s.n != nil {
				t.put(s)
			}
		}
	}
	if !t.put(slot{h: h, n: c}) {
		if t.clash == nil {
			t.clash = map[uint32]bool{}
		}
		t.clash[h] = true
	}
}

// put adds s to kids, which has room; false if a slot has its hash.
func (t *trie) put(s slot) bool {
	mask := uint32(len(t.kids) - 1)
	for k := s.h; ; k++ {
		switch at := &t.kids[k&mask]; {
		case at.n == nil:
			*at = s
			t.nkids++
			return true
		case at.h == s.h:
			return false
		}
	}
}

// child is the node after token tk of text, in any case.
func (t *trie) child(text string, tk token) (*trie, bool) {
	if !tk.ascii || len(t.clash) > 0 && t.clash[tk.h] {
		return lowerLookup(t.next, text[tk.start:tk.end])
	}
	if len(t.kids) == 0 {
		return nil, false
	}
	mask := uint32(len(t.kids) - 1)
	for k := tk.h; ; k++ {
		switch at := &t.kids[k&mask]; {
		case at.n == nil:
			return nil, false // the word read only where its hash is found
		case at.h == tk.h:
			return at.n, lowerIs(text[tk.start:tk.end], at.n.word)
		}
	}
}

// lowerIs reports whether the ASCII word lower-cased is lower.
func lowerIs(word, lower string) bool {
	if len(word) != len(lower) {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i]|0x20 != lower[i] { // word is letters and digits: |0x20 lowers a letter, keeps a digit
			return false
		}
	}
	return true
}

// lowerLookup is m's value for word lower-cased, and whether it holds
// it: an ASCII word is lowered in place, with no string of its own.
func lowerLookup[V any](m map[string]V, word string) (V, bool) {
	var buf [32]byte
	if b, ok := lowerInto(&buf, word); ok {
		v, ok := m[string(b)]
		return v, ok
	}
	v, ok := m[strings.ToLower(word)]
	return v, ok
}

// lowerInto lower-cases an ASCII word into buf; ok is false for a longer
// or non-ASCII one. The look-ups that use it run for every word of every
// sentence, and most begin with a capital, so strings.ToLower would
// allocate for most of them.
func lowerInto(buf *[32]byte, word string) ([]byte, bool) {
	if len(word) > len(buf) {
		return nil, false
	}
	b := buf[:len(word)]
	for i := 0; i < len(word); i++ {
		ch := word[i]
		if ch >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= ch && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		b[i] = ch
	}
	return b, true
}

// matches reports whether seen, the text where the form would be, spells
// it out.
func (f *form) matches(seen string) bool {
	switch {
	case f.acronym:
		return f.text == seen
	case f.lower:
		return strings.EqualFold(f.text, seen)
	default:
		// "MANAMA, Nov. 12 -" is a dateline, not Bahrain speaking: a name
		// written in capitals matches only where the name is an acronym.
		// Written as the gazetteer writes it, as most names are, a form
		// that is no acronym matches with no case to fold.
		first, _ := utf8.DecodeRuneInString(seen)
		return seen != "" && unicode.IsUpper(first) &&
			(seen == f.text || strings.EqualFold(f.text, seen) && (utf8.RuneCountInString(seen) < 2 || !isAcronym(seen)))
	}
}

// isLower reports s == strings.ToLower(s) without a lower-cased copy of
// a word in ASCII (a form is tried against every word that may be it).
func isLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return s == strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0 && letters <= 6
}

// Lookup resolves a whole name, alias, capital or demonym ("the UAE",
// "Ankara", "Turkish") to a known actor's id, ignoring case.
func (g *Gazetteer) Lookup(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = strings.TrimSpace(name[4:])
	}
	toks := tokenize(name)
	if len(toks) == 0 {
		return "", false
	}
	for _, t := range []*trie{g.names, g.demonyms} {
		n := t
		for _, tk := range toks {
			c, ok := n.next[strings.ToLower(name[tk.start:tk.end])]
			if !ok {
				n = nil
				break
			}
			n = c
		}
		if n != nil && len(n.forms) > 0 {
			return n.forms[0].id, true
		}
	}
	return "", false
}

// demonymState resolves a demonym ("Chinese", "Greek") to its state's id.
func (g *Gazetteer) demonymState(word string) (string, bool) {
	// Most words asked about are one word of ASCII letters or digits, one
	// token, which the set of first words turns away without a token list
	// or a look-up.
	var one [1]token
	toks := one[:0]
	if h, ok := hashLower(word); ok && oneASCIIWord(word) {
		if !g.firstWords.has(h) {
			return "", false
		}
		toks = append(toks, token{start: 0, end: len(word), h: h, ascii: true})
	} else {
		toks = tokenize(word)
	}
	if len(toks) == 0 {
		return "", false
	}
	id, end, ok := g.demonyms.match(word, toks, 0)
	if !ok || end != len(toks) || !strings.HasPrefix(id, "state:") {
		return "", false
	}
	return id, true
}

// oneASCIIWord reports a word of ASCII letters and digits only, which
// tokenize would make one token.
func oneASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !asciiAlnum(w[i]) {
			return false
		}
	}
	return w != ""
}

// isDemonym reports a demonym of a state ("Palestinians", "Greeks").
func (g *Gazetteer) isDemonym(word string) bool {
	_, ok := g.demonymState(word)
	return ok
}
