package wordset

import (
	"fmt"
	"slices"
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
// words are turned away, or the filter saves nothing.
func TestFilterTurnsMostAway(t *testing.T) {
	var f Filter
	for i := range 300 {
		f.Add(fmt.Sprintf("cue%dword", i))
	}
	passed := 0
	for i := range 10000 {
		if f.May(fmt.Sprintf("other%dtext", i)) {
			passed++
		}
	}
	if passed > 2500 {
		t.Errorf("%d of 10000 words not added passed", passed)
	}
}
