package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestTrieFindsWordsInAnyCase: a name's words are found however the text
// cases them, ASCII or not, short or longer than the lower-casing buffer.
func TestTrieFindsWordsInAnyCase(t *testing.T) {
	long := "Verylongnamethatrunspastthirtytwobytes"
	tr := newTrie()
	tr.add("Lake Council", "group:lake-council")
	tr.add("Ösel Front", "group:osel-front")
	tr.add(long+" Union", "group:long-union")
	tests := []struct {
		text string
		want string
	}{
		{"the Lake Council met", "group:lake-council"},
		{"LAKE COUNCIL", "group:lake-council"},
		{"ÖSEL FRONT", "group:osel-front"},
		{"a lake council", ""}, // a name, not a lower-case form: only after a capital
		{"the Ösel Front", "group:osel-front"},
		{"The " + long + " Union spoke", "group:long-union"},
		{"Lake Counsel", ""},
	}
	for _, tc := range tests {
		if got := firstMatch(tr, tc.text); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
	// The words themselves, however cased.
	for _, w := range []string{"lake", "LAKE", "Lake", "ösel", "ÖSEL", "Ösel", long, "VERYLONGNAMETHATRUNSPASTTHIRTYTWOBYTES"} {
		if _, ok := tr.child(w, tokenize(w)[0]); !ok {
			t.Errorf("%q: no node", w)
		}
	}
	if _, ok := tr.child("Laker", tokenize("Laker")[0]); ok {
		t.Error(`"Laker" found a node`)
	}
}

// TestTrieWordsSharingAHash: two words of one node with one hash each
// lead to their own node, and a word with the hash of one it does not
// hold leads nowhere.
func TestTrieWordsSharingAHash(t *testing.T) {
	// "glbvs" and "yacxa" share their 32-bit FNV-1a hash.
	a, _ := hashLower("glbvs")
	if b, _ := hashLower("yacxa"); a != b {
		t.Fatal("the two words' hashes differ")
	}
	both, one := newTrie(), newTrie()
	both.add("Glbvs Union", "group:glbvs")
	both.add("Yacxa Union", "group:yacxa")
	one.add("Glbvs", "group:glbvs")
	tests := []struct {
		tr   *trie
		word string
		want string // the word of the node reached, "" for none
	}{
		{both, "Glbvs", "glbvs"},
		{both, "YACXA", "yacxa"},
		{both, "Glbvx", ""},
		{one, "glbvs", "glbvs"},
		{one, "Yacxa", ""},
	}
	for _, tc := range tests {
		got := ""
		if c, ok := tc.tr.child(tc.word, tokenize(tc.word)[0]); ok {
			got = c.word
		}
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.word, got, tc.want)
		}
	}
	if id := firstMatch(both, "the YACXA UNION said"); id != "group:yacxa" {
		t.Errorf("YACXA UNION: %q", id)
	}
}

// firstMatch is the id of the first form tr finds in text, or "".
func firstMatch(tr *trie, text string) string {
	toks := tokenize(text)
	for i := range toks {
		if id, _, ok := tr.match(text, toks, i); ok {
			return id
		}
	}
	return ""
}

// TestFormsMatchByTheirCase: an acronym matches only as written, a form
// in lower case in any case, a name only where the text has a capital,
// and a short name in capitals is a dateline, not the name.
func TestFormsMatchByTheirCase(t *testing.T) {
	tr := newTrie()
	tr.add("WFO", "group:wfo")
	tr.add("river councils", "group:river-councils")
	tr.add("Tarvo", "state:tarvo")
	tests := []struct {
		text string
		want string
	}{
		{"the WFO said", "group:wfo"},
		{"the wfo said", ""},
		{"the Wfo said", ""},
		{"river councils said", "group:river-councils"},
		{"River Councils said", "group:river-councils"},
		{"RIVER COUNCILS said", "group:river-councils"},
		{"Tarvo said", "state:tarvo"},
		{"tarvo said", ""},
		{"TARVO, May 2 - the talks", ""},
	}
	for _, tc := range tests {
		if got := firstMatch(tr, tc.text); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestSmallLettersMatchOnlyLowerForms: a word in small letters that
// begins both a name and a form in lower case finds the form, not the
// name; in a trie with no form in lower case it finds nothing, nor does
// a text with no words.
func TestSmallLettersMatchOnlyLowerForms(t *testing.T) {
	tr := newTrie()
	tr.add("river councils", "group:river-councils")
	tr.add("River Guard", "group:river-guard")
	tr.add("River", "state:river")
	caps := newTrie()
	caps.add("Tarvan", "state:tarvo")
	tests := []struct {
		tr   *trie
		text string
		want string
	}{
		{tr, "river councils said", "group:river-councils"},
		{tr, "River Councils said", "group:river-councils"},
		{tr, "river guard said", ""},
		{tr, "River Guard said", "group:river-guard"},
		{tr, "river said", ""},
		{tr, "River said", "state:river"},
		{caps, "tarvan farmers", ""},
		{caps, "Tarvan farmers", "state:tarvo"},
	}
	for _, tc := range tests {
		if got := firstMatch(tc.tr, tc.text); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
	if _, _, ok := caps.match("", nil, 0); ok {
		t.Error("a text with no words matched")
	}
}

// TestWordBits: a word put in the set is found however its ASCII letters
// are cased; a word not put in is not; a word that is not ASCII has no
// hash, so the set is never asked about it.
func TestWordBits(t *testing.T) {
	b := newWordBits(7)
	b.add("ruiz")
	b.add("al")
	tests := []struct {
		word      string
		hashed    bool
		maybeHeld bool
	}{
		{"ruiz", true, true},
		{"Ruiz", true, true},
		{"RUIZ", true, true},
		{"Al", true, true},
		{"Ruis", true, false},
		{"said", true, false},
		{"Özdemir", false, false},
	}
	for _, tc := range tests {
		h, ok := hashLower(tc.word)
		if ok != tc.hashed || ok && b.has(h) != tc.maybeHeld {
			t.Errorf("%q: hashed %v, held %v; want %v, %v", tc.word, ok, ok && b.has(h), tc.hashed, tc.maybeHeld)
		}
	}
}

// TestDemonymState: a state's demonym, alone or as the words and marks
// around it tokenize to, names the state; anything else does not. One
// word of ASCII letters takes the short way (no token list), the rest
// the long one.
func TestDemonymState(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ word, want string }{
		{"Norwegian", "state:nor"},
		{"Norwegian,", "state:nor"},
		{"South Korean", "state:kor"},
		{"Saudi Arabian", ""},
		{"Norwegian-born", ""},
		{"norwegian", ""}, // a demonym is capitalised
		{"Kurdish", ""},   // a people's, not a state's
		{"rejected", ""},
		{"Brazilian2", ""},
		{"Ünal", ""},
		{"", ""},
	}
	for _, tc := range tests {
		id, ok := g.demonymState(tc.word)
		if id != tc.want || ok != (tc.want != "") {
			t.Errorf("demonymState(%q) = %q, %v; want %q", tc.word, id, ok, tc.want)
		}
	}
}

// TestIsLower: the same answer as comparing a form with its lower-cased
// copy, for words in ASCII and out of it.
func TestIsLower(t *testing.T) {
	for _, s := range []string{"", "syria", "Syria", "u.s.", "U.S.", "türkiye", "Türkiye", "ÉIRE", "éire", "x\xffy", "İ"} {
		if got, want := isLower(s), s == strings.ToLower(s); got != want {
			t.Errorf("isLower(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestTrieManyWords: a node's table of words grows as they are added,
// and finds each of them, and none it was not given.
func TestTrieManyWords(t *testing.T) {
	tr := newTrie()
	for i := range 300 {
		w := fmt.Sprintf("Vale%d", i)
		tr.add(w+" Council", "group:"+strings.ToLower(w))
	}
	if tr.nkids != 300 || len(tr.kids) < 600 {
		t.Fatalf("%d words in %d slots", tr.nkids, len(tr.kids))
	}
	for i := range 300 {
		text := fmt.Sprintf("the VALE%d Council met", i)
		if got, want := firstMatch(tr, text), fmt.Sprintf("group:vale%d", i); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
	for _, w := range []string{"Vale300", "Vale", "Vale12x"} {
		if _, ok := tr.child(w, tokenize(w)[0]); ok {
			t.Errorf("%q found a node", w)
		}
	}
}
