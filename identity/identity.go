// Package identity decides when two names news gives a person are the
// same person: "Ahmed al-Sharaa" and "Ahmad al-Sharaa", "Recep Tayyip
// Erdoğan" and "Erdogan". It knows nothing of the graph; the ingester
// keeps an Index of the people it has written and maps each new name onto
// the person it already knows.
package identity

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letters that do not decompose into a base letter and a mark.
var letters = strings.NewReplacer("ı", "i", "ø", "o", "ß", "ss", "ł", "l", "đ", "d", "æ", "ae", "œ", "oe", "þ", "th")

// Fold lower-cases a name and strips its accents: "Erdoğan" -> "erdogan".
func Fold(name string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, err := transform.String(t, name)
	if err != nil {
		s = name
	}
	return letters.Replace(strings.ToLower(s))
}

// particles join a family name without being part of how it is matched:
// "al-Sharaa", "el-Sisi", "bin Salman", "van der Leyen".
var particles = map[string]bool{"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true,
	"at": true, "az": true, "bin": true, "ibn": true, "de": true, "da": true, "di": true, "der": true,
	"van": true, "von": true, "la": true, "le": true}

// titles come before a name and are no part of it.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true,
	"president": true, "prime": true, "minister": true, "senator": true, "sen": true, "rep": true,
	"gov": true, "governor": true, "general": true, "gen": true, "king": true, "prince": true,
	"sheikh": true, "pope": true, "chancellor": true, "secretary": true, "ambassador": true}

// Words are a name's folded words without titles and particles:
// "President Ahmed al-Sharaa" -> [ahmed sharaa].
func Words(name string) []string {
	f := strings.FieldsFunc(Fold(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make([]string, 0, len(f))
	for i, w := range f {
		if particles[w] || titles[w] && i < len(f)-1 {
			continue
		}
		out = append(out, w)
	}
	return out
}

// Same reports two full names of one person: the same words once folded,
// except that one word may differ from its match in one vowel, as
// transliterations do ("Ahmed"/"Ahmad"), but not in its length or its
// consonants ("Sharaa"/"Sharawi" are two people), and not in two places
// ("Anna Berg"/"Anne Borg").
func Same(a, b string) bool { return sameWords(Words(a), Words(b)) }

func sameWords(wa, wb []string) bool {
	if len(wa) != len(wb) || len(wa) == 0 {
		return false
	}
	changed := 0
	for i := range wa {
		d := vowelChanges(wa[i], wb[i])
		if d < 0 {
			return false
		}
		changed += d
	}
	return changed <= 1
}

// variant: equal, or one vowel apart.
func variant(a, b string) bool {
	d := vowelChanges(a, b)
	return d == 0 || d == 1
}

// vowelChanges counts the vowels in which two words differ, each vowel
// swapped or one vowel more ("Sharawi"/"Sharawai"), or -1 when they
// differ otherwise (a short word must match exactly).
func vowelChanges(a, b string) int {
	if a == b {
		return 0
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(ra) < 4 {
		return -1
	}
	if len(rb) == len(ra)+1 {
		for i := range rb {
			if vowel(rb[i]) && string(rb[:i])+string(rb[i+1:]) == string(ra) {
				return 1
			}
		}
		return -1
	}
	if len(ra) != len(rb) {
		return -1
	}
	diff := 0
	for i := range ra {
		if ra[i] != rb[i] {
			if !vowel(ra[i]) || !vowel(rb[i]) {
				return -1
			}
			diff++
		}
	}
	return diff
}

func vowel(r rune) bool { return strings.ContainsRune("aeiou", r) }

// Person is a person the index starts from: an id and its names.
type Person struct {
	ID    string
	Names []string
}

// Index maps names onto the people already known. It is safe for
// concurrent use: the ingester's workers share one.
type Index struct {
	mu     sync.Mutex
	people []*person
	byID   map[string]*person
	merged map[string]string
	split  map[string]string // folded name -> id
}

// person is a known person with each name's words, worked out once.
type person struct {
	id    string
	names []string
	words [][]string
}

// NewIndex starts an index from the people already in the graph and the
// analysts' decisions, which win over any name match: merges (merged id
// -> the id it became) and splits (a name split off -> the id it became).
// Two known people that are one person (written apart by an earlier
// version) are both the first one from now on.
func NewIndex(known []Person, merged, split map[string]string) *Index {
	x := &Index{byID: map[string]*person{}, merged: merged, split: map[string]string{}}
	for name, id := range split {
		x.split[Fold(name)] = id
	}
	for _, p := range known {
		if m := x.match(p.Names); m != nil {
			x.byID[p.ID] = m
			x.add(m.id, p.Names...)
			continue
		}
		x.add(p.ID, p.Names...)
	}
	return x
}

func (x *Index) add(id string, names ...string) *person {
	p := x.byID[id]
	if p == nil {
		p = &person{id: id}
		x.byID[id] = p
		x.people = append(x.people, p)
	}
	for _, n := range names {
		if n != "" && !containsFold(p.names, n) {
			p.names = append(p.names, n)
			p.words = append(p.words, Words(n))
		}
	}
	return p
}

// Resolve returns the id of the person with this id or name: the actor
// an analyst split the name off to or merged the id into, or the known
// person the name belongs to; it
// learns the name: the same full name in another spelling, or a surname
// alone that only one known person has. A name that matches nobody, or a
// surname several people share, becomes (or stays) its own id.
func (x *Index) Resolve(id string, names ...string) string {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, n := range names {
		if into, ok := x.split[Fold(n)]; ok {
			return into
		}
	}
	id = x.Merged(id)
	if p := x.byID[id]; p != nil {
		x.add(p.id, names...)
		return p.id
	}
	if p := x.match(names); p != nil {
		x.add(p.id, names...)
		return p.id
	}
	x.add(id, names...)
	return id
}

// Merged is the id an analyst merged this actor into (any kind), or the
// id itself.
func (x *Index) Merged(id string) string {
	if into, ok := x.merged[id]; ok {
		return into
	}
	return id
}

// match finds the one known person any of the names is.
func (x *Index) match(names []string) *person {
	for _, n := range names {
		words := Words(n)
		var found *person
		for _, p := range x.people {
			if !p.is(words) {
				continue
			}
			if found != nil && found != p {
				found = nil // a surname two people share names neither
				break
			}
			found = p
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// is reports whether a name's words are this person's: a full name in
// another spelling, or a surname alone matching the last word of the
// other's full name, whichever of the two came first.
func (p *person) is(words []string) bool {
	for _, kw := range p.words {
		if sameWords(words, kw) ||
			len(words) == 1 && len(kw) > 1 && variant(words[0], kw[len(kw)-1]) ||
			len(kw) == 1 && len(words) > 1 && variant(kw[0], words[len(words)-1]) {
			return true
		}
	}
	return false
}

func containsFold(names []string, n string) bool {
	for _, m := range names {
		if strings.EqualFold(m, n) {
			return true
		}
	}
	return false
}
