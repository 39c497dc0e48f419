package extract

import (
	"strings"
	"testing"
)

// TestLastWord: addPerson's last word and single-word answer are those
// of strings.Fields, whatever the spaces between the words.
func TestLastWord(t *testing.T) {
	for _, name := range []string{
		"Ana Ruiz", "Ruiz", "Jon  Vik", "Eva\tMaria Lind", "Ünal Kaya", "Kaya Ünal",
		"Ana\u00a0Ruiz", "Ana\u2003Ruiz", "Rosa de la Vega", "X",
	} {
		parts := strings.Fields(name)
		last, single := lastWord(name)
		if last != parts[len(parts)-1] || single != (len(parts) == 1) {
			t.Errorf("lastWord(%q) = %q, %v; want %q, %v", name, last, single, parts[len(parts)-1], len(parts) == 1)
		}
	}
}

// TestDeterminerInHeadsSubtree: a noun's determiner is in its subtree,
// which therefore begins no later than it: roleHolder reads the role
// from the word after the determiner.
func TestDeterminerInHeadsSubtree(t *testing.T) {
	x := fuzzExtractor(t)
	d := parsedDocOf(t, x, "Pact signed\n\n"+
		"The trade minister said the pact was fair. "+
		"All the Vellish farm ministers and the rest of the council met. "+
		"The very old and tired party leader of the north spoke to the press on Monday. "+
		"\"The deal,\" the prime minister said, \"is the best one.\"")
	seen := 0
	for i := range d.sents {
		p := d.sents[i].p
		if p == nil {
			continue
		}
		for h := range p.Tokens {
			for _, k := range p.ChildrenIn(h, relsDet) {
				seen++
				if first, _ := p.Subtree(h); first > k {
					t.Errorf("%q: the subtree of %q begins at %d, after its determiner %q at %d", d.text(i), p.Tokens[h].Text, first, p.Tokens[k].Text, k)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no determiner parsed")
	}
}

// TestPlausibleNameOfManyWords: a name longer than plausibleName's room
// on the stack is read whole.
func TestPlausibleNameOfManyWords(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Ana Maria Luisa Rosa Eva de la Vega y Lind Ruiz", true},
		{"Ana Maria Luisa Rosa Eva de la Vega y Lind Minister", false},
		{"Kenya", false},
	} {
		if got := g.plausibleName(tc.name); got != tc.want {
			t.Errorf("plausibleName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
