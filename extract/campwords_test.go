package extract

import (
	"context"
	"strings"
	"testing"
)

// TestCampWordsNeedAHyphen: a word is its sentence's text, so a sentence
// with no hyphen holds no "anti-" or "pro-" word and camps passes it by;
// one whose dash normalizing made a hyphen is read.
func TestCampWordsNeedAHyphen(t *testing.T) {
	x := fuzzExtractor(t)
	for _, tt := range []struct {
		text string
		camp bool
	}{
		{"Anti-pact protesters marched in Lima on Sunday.", true},
		{"Pro\u2013pact groups rallied in Quito on Monday.", true},
		{"Protesters against the pact marched in Lima on Sunday.", false},
		{"The anti pact crowd (about 200 people) gathered outside.", false},
		{"A long-standing pro-growth group backed the pact.", false},
	} {
		d := docOf(t, x, tt.text)
		if err := d.read(context.Background(), x.parser, x.topic.about); err != nil {
			t.Fatal(err)
		}
		d.cands = nil
		for i := range d.sents {
			p := d.sents[i].p
			if p == nil {
				continue
			}
			for c := range p.Tokens {
				if strings.Contains(p.Lower(c), "-") && !strings.Contains(p.Text, "-") {
					t.Errorf("%q: word %q has a hyphen its sentence %q lacks", tt.text, p.Lower(c), p.Text)
				}
			}
			d.camps(i)
		}
		if got := len(d.cands) > 0; got != tt.camp {
			t.Errorf("%q: camp claims %v, want %v", tt.text, d.cands, tt.camp)
		}
	}
}
