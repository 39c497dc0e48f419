package wordset

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestMap: a Map answers as its map does, for words it holds (the empty
// one and one outside ASCII among them) and words it does not.
func TestMap(t *testing.T) {
	m := Of(map[string]int{"": 1, "deal": 2, "ünal": 3, "a": 4})
	tests := []struct {
		word string
		want int
		ok   bool
	}{
		{"", 1, true}, {"deal", 2, true}, {"ünal", 3, true}, {"a", 4, true},
		{"dial", 0, false}, {"deals", 0, false}, {"b", 0, false}, {"Deal", 0, false},
	}
	for _, tt := range tests {
		got, ok := m.Get(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Get(%q) = %d, %v, want %d, %v", tt.word, got, ok, tt.want, tt.ok)
		}
		if m.Has(tt.word) != tt.ok {
			t.Errorf("Has(%q) = %v, want %v", tt.word, !tt.ok, tt.ok)
		}
		if tt.ok && !m.May(tt.word) {
			t.Errorf("May(%q) = false for a key", tt.word)
		}
	}
	if got := slices.Sorted(m.Keys()); !slices.Equal(got, []string{"", "a", "deal", "ünal"}) {
		t.Errorf("Keys() = %q", got)
	}
}

// TestFilterTurnsMostAway: with a few hundred words added, most other
// words are turned away, or the filter saves nothing. The words are
// random letters of news-like lengths, both sets drawn alike.
func TestFilterTurnsMostAway(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string { return randomWord(rng, 2, 9) }
	var f Filter
	added := map[string]bool{}
	for range 300 {
		w := word()
		f.Add(w)
		added[w] = true
	}
	passed, asked := 0, 0
	for range 10000 {
		if w := word(); !added[w] {
			asked++
			if f.May(w) {
				passed++
			}
		}
	}
	if passed*10 > asked {
		t.Errorf("%d of %d words not added passed", passed, asked)
	}
}

// TestLookup: Lookup answers as Get does, on a Map with its table
// (Indexed) and one without (Of), for every key of maps small
// and large (whose tables differ in size) and for words that share a
// key's first byte, last byte and length, or its middle byte, or are
// a key cut short or run on, in any case, outside ASCII, or empty.
func TestLookup(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string { return randomWord(rng, 1, 10) }
	for _, n := range []int{0, 1, 5, 300, 5000} {
		m := map[string]int{}
		for len(m) < n {
			m[word()] = len(m)
		}
		if n > 0 {
			m["condition"], m["zürich"], m[""] = -1, -2, -3
		}
		s, plain := Indexed(m), Of(m)
		if plain.slots != nil {
			t.Fatal("Of made a table for Lookup")
		}
		asked := []string{"coalition", "condition", "conditions", "Condition", "zürich", "ZÜRICH", "zurich", "", "a", "é"}
		for w := range m {
			asked = append(asked, w, w[:len(w)/2], w+"s", strings.ToUpper(w), "x"+w[min(1, len(w)):])
		}
		for range 20000 {
			asked = append(asked, word())
		}
		for _, w := range asked {
			want, wantOK := m[w]
			if got, ok := s.Lookup(w); got != want || ok != wantOK {
				t.Fatalf("%d keys: Lookup(%q) = %d, %v, want %d, %v", n, w, got, ok, want, wantOK)
			}
			if got, ok := plain.Lookup(w); got != want || ok != wantOK {
				t.Fatalf("%d keys, no table: Lookup(%q) = %d, %v, want %d, %v", n, w, got, ok, want, wantOK)
			}
		}
	}
}

// randomWord is least to least+spread-1 random small letters drawn from rng.
func randomWord(rng *rand.Rand, least, spread int) string {
	b := make([]byte, least+rng.IntN(spread))
	for i := range b {
		b[i] = byte('a' + rng.IntN(26))
	}
	return string(b)
}
