package shallow

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/syntax"
)

// TestAdjectiveEnding: words with an adjective's ending and enough
// letters before it read as adjectives; short words and other endings do
// not.
func TestAdjectiveEnding(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"famous", true}, {"massive", true}, {"useful", true}, {"hopeless", true}, {"capable", true},
		{"visible", true}, {"tonic", true}, {"tactical", true}, {"primary", true}, {"different", true},
		{"important", true}, {"foolish", true}, {"national", true},
		{"usual", false}, {"chic", false}, {"fish", false}, {"bus", false}, {"running", false},
		{"harbour", false}, {"", false},
		// Enough letters before the ending: more than two.
		{"durable", true}, {"viable", false}, {"panic", true}, {"toxic", true}, {"medical", true},
		{"rival", false}, {"zealous", true}, {"pious", false}, {"selfless", true}, {"bless", false},
	}
	for _, tc := range tests {
		if got := adjectiveEnding(tc.word); got != tc.want {
			t.Errorf("adjectiveEnding(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

// TestPossessive: where "'s" or "’s" starts in a word, 0 for a word that
// is only the ending or has none.
func TestPossessive(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"Peru's", 4}, {"Peru’s", 4}, {"x's", 1}, {"'s", 0}, {"’s", 0},
		{"its", 0}, {"James", 0}, {"s", 0}, {"", 0}, {"Peru'S", 0},
	}
	for _, tt := range tests {
		if got := possessive(tt.word); got != tt.want {
			t.Errorf("possessive(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

// TestClasses: each word's class says what every list says of it, and
// nothing for a word no list holds, so that one look-up answers them all.
func TestClasses(t *testing.T) {
	words := listWords()
	words["harbour"], words[""] = true, true
	for w := range words {
		c := classes.get(w)
		want := class{closed: closed[w], aux: auxiliaries[w], verb: forms[w], particle: particles[w],
			trailing: trailingAdverbs[w], brk: clauseBreaks[w], closedBits: bitsOf(closed[w]), verbBits: bitsOf(forms[w][1])}
		if closed[w] == "IN" {
			want.nmod, want.obl = "nmod:"+w, "obl:"+w
		}
		if *c != want {
			t.Errorf("class of %q: %+v, want %+v", w, *c, want)
		}
	}
}

// TestLexicon: each word finds its own class, those whose search starts
// at one place ("slant", "scant" and "start" share their first, middle
// and last byte and length) included, short words told apart by their
// keys alone, longer words by their ends, whichever of their bytes
// differs, and a word it does not hold finds none.
func TestLexicon(t *testing.T) {
	slant, scant, start := &class{closed: "JJ"}, &class{aux: "be"}, &class{particle: true}
	ox, o, owl := &class{brk: true}, &class{trailing: true}, &class{closed: "NN"}
	long, longest := &class{aux: "do"}, &class{brk: true}
	x := newLexicon(map[string]*class{"slant": slant, "scant": scant, "start": start, "ox": ox, "o": o, "owl": owl,
		"withdrawing": long, "strengthenings": longest})
	if x.place("slant") != x.place("scant") || x.place("slant") != x.place("start") {
		t.Fatal("the words meant to share a place do not")
	}
	slant256, owl256 := "s"+strings.Repeat("a", 259)+"t", "o"+strings.Repeat("w", 257)+"l"
	if lexKey(slant256) != lexKey("slant") || lexKey(owl256) != lexKey("owl") {
		t.Fatal("the words meant to share a key with slant and owl do not")
	}
	tests := []struct {
		word string
		want *class
	}{
		{"slant", slant}, {"scant", scant}, {"start", start},
		{"ox", ox}, {"o", o}, {"owl", owl}, {"withdrawing", long}, {"strengthenings", longest},
		{"smart", &none}, {"slants", &none}, {"s", &none}, {"", &none},
		{"on", &none}, {"x", &none}, {"oil", &none}, {"oxl", &none},
		{"withdrawINg", &none}, {"strengthenings ", &none},
		// The length in a key is its low byte: a word 256 bytes longer
		// than "slant" or "owl", with its first, middle and last bytes,
		// has its key.
		{slant256, &none}, {owl256, &none},
	}
	for _, tt := range tests {
		if got := x.get(tt.word); got != tt.want {
			t.Errorf("get(%q) = %+v, want %+v", tt.word, *got, *tt.want)
		}
	}
	// Every word of the lists with one byte changed, or cut by one,
	// finds none unless the lists hold it too.
	words := listWords()
	for w := range words {
		for i := range len(w) + 1 {
			for _, c := range []byte{1, 0x20, 0x80} {
				b := []byte(w)
				if i < len(w) {
					b[i] ^= c
				} else {
					b = b[:len(w)-1]
				}
				if got := classes.get(string(b)); got != &none && !words[string(b)] {
					t.Errorf("get(%q) = %+v, want none", b, *got)
				}
			}
		}
	}
}

// listWords is every word of the lists the lexicon is made of.
func listWords() map[string]bool {
	words := map[string]bool{}
	for _, list := range []map[string]bool{particles, trailingAdverbs, clauseBreaks} {
		for w := range list {
			words[w] = true
		}
	}
	for w := range closed {
		words[w] = true
	}
	for w := range auxiliaries {
		words[w] = true
	}
	for w := range forms {
		words[w] = true
	}
	return words
}

// TestFirstKinds: the table tag reads for an ASCII first character
// gives what unicode's tests give, for every ASCII character, and
// capitalised words after opening quotation marks still open the
// sentence.
func TestFirstKinds(t *testing.T) {
	for c := range utf8.RuneSelf {
		if got, want := asciiKinds[c], runeKind(string(rune(c))); got != want {
			t.Errorf("asciiKinds[%q] = %b, want %b", rune(c), got, want)
		}
	}
	tests := []struct {
		sentence, word, pos string
	}{
		{"Reports said the plan failed.", "Reports", "VBZ"},
		{"\"Reports said the plan failed.\"", "Reports", "VBZ"},
		{"“ ( Reports said it failed.", "Reports", "VBZ"},
		{"The Reports said it failed.", "Reports", "NNP"},
		{"- Reports said it failed.", "Reports", "NNP"},
		{"Élysée officials said it failed.", "Élysée", "NNP"},
		{"2024 was a hard year.", "2024", "CD"},
	}
	for _, tc := range tests {
		s := Analyse(tc.sentence)
		found := false
		for _, tk := range s.Tokens {
			if tk.Text == tc.word {
				found = true
				if tk.POS != tc.pos {
					t.Errorf("%q: %q tagged %s, want %s", tc.sentence, tc.word, tk.POS, tc.pos)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tc.sentence, tc.word)
		}
	}
}

// TestAfterDeterminer: the bits tag gives the token before a word tell
// what its tag, DT, PRP$, JJ or POS, told, after every other tag too;
// each of the four is before a word here.
func TestAfterDeterminer(t *testing.T) {
	seen := map[string]bool{}
	for _, sentence := range []string{
		"The plan drew strong support from Chile's envoys and their allies.",
		"Its backers hope 40 delegates vote for every clause, but some fear defeat.",
		"A careful review of Peru's offer showed no dangerous gaps; officials agreed.",
		"Lima's reply, \"we will not sign\", angered the Ecuadorian trade minister.",
	} {
		s := syntax.Sentence{Text: sentence}
		s.Tokens, _ = tokenize(nil, sentence, strings.ToLower(sentence))
		_, bits := tag(&s, nil, nil)
		for i := range s.Tokens {
			want := i > 0 && slices.Contains([]string{"DT", "PRP$", "JJ", "POS"}, s.Tokens[i-1].POS)
			if want {
				seen[s.Tokens[i-1].POS] = true
			}
			if got := afterDeterminer(bits, i); got != want {
				t.Errorf("%q: after %q tagged %s: %v, want %v", sentence, s.Tokens[i-1].Text, s.Tokens[i-1].POS, got, want)
			}
		}
	}
	if len(seen) != 4 {
		t.Errorf("only %v seen before a word", seen)
	}
}
