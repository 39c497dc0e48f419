package extract

import (
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/syntax"
)

// shortcutSentences are written for the checks below: cues alone and
// coordinated, lists of reactions after a colon, a colon with no list,
// and quotes passed on by "quote".
var shortcutSentences = []string{
	"Chile welcomed the pact.",
	"Chile and Peru strongly opposed the harbour pact on Monday.",
	"Reactions were mixed: Chile supportive, Peru strongly opposed.",
	"The vote is set for one date: Monday.",
	"The agency quoted the minister as saying the pact was a mistake.",
	"The minister was quoted as saying she backed the pact.",
	"Lima quoted the treaty in its reply and rejected the pact.",
	"The pact, which Quito endorsed, was signed after long talks.",
}

// TestCueHeadFromVisitsEveryCue: the stances read every token at which a
// cue begins, found by cueHeadFrom from the one after the last.
func TestCueHeadFromVisitsEveryCue(t *testing.T) {
	x := fuzzExtractor(t)
	cues := 0
	for _, s := range shortcutSentences {
		_, p := stageDoc(t, x, s)
		var visited []int
		for c := cueHeadFrom(x.lex.byHead, p, 0); c < len(p.Tokens); c = cueHeadFrom(x.lex.byHead, p, c+1) {
			visited = append(visited, c)
		}
		for c := range p.Tokens {
			if len(x.lex.cuesAt(p, c)) == 0 {
				continue
			}
			cues++
			if !slices.Contains(visited, c) {
				t.Errorf("%q: the cue at %q is not visited (%v)", s, p.Tokens[c].Text, visited)
			}
		}
	}
	if cues == 0 {
		t.Error("no cue: the sentences test nothing")
	}
}

// TestListReactionsNeedsAColon: a sentence without a colon in its text
// lists no reactions; with one, the list after it is still read, and a
// colon before no list lists nothing.
func TestListReactionsNeedsAColon(t *testing.T) {
	x := fuzzExtractor(t)
	for _, tc := range []struct {
		sentence string
		listed   bool
	}{
		{"Reactions were mixed: Chile supportive, Peru strongly opposed.", true},
		{"The vote is set for one date: Monday.", false},
		{"Chile and Peru strongly opposed the harbour pact on Monday.", false},
	} {
		d, p := stageDoc(t, x, tc.sentence)
		listed := d.listReactions(1)
		if got := len(listed) > 0; got != tc.listed {
			t.Errorf("%q: listed %v, want a list: %v", tc.sentence, listed, tc.listed)
		}
		colon := slices.ContainsFunc(p.Tokens, func(tok syntax.Token) bool { return tok.Text == ":" })
		if !colon && listed != nil {
			t.Errorf("%q: no colon, yet a list %v", tc.sentence, listed)
		}
	}
}

// TestExpandLendsTheSentenceList: a holder that is one marked actor gets
// the sentence's own list, which appending to leaves as it was;
// coordinated holders still get each actor.
func TestExpandLendsTheSentenceList(t *testing.T) {
	x := fuzzExtractor(t)
	for _, tc := range []struct {
		sentence, holder string
		want             []string
	}{
		{"Chile welcomed the pact.", "Chile", []string{"state:chl"}},
		{"Chile and Peru strongly opposed the harbour pact on Monday.", "Chile", []string{"state:chl", "state:per"}},
		{"Chile and Peru strongly opposed the harbour pact on Monday.", "Peru", []string{"state:per"}},
	} {
		d, p := stageDoc(t, x, tc.sentence)
		h := slices.IndexFunc(p.Tokens, func(tok syntax.Token) bool { return tok.Text == tc.holder })
		actors := slices.Clone(d.sents[1].actor)
		got := d.expand(1, h)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: expand(%q) = %q, want %q", tc.sentence, tc.holder, got, tc.want)
		}
		_ = append(got, "state:nor")
		if !slices.Equal(d.sents[1].actor, actors) {
			t.Errorf("%q: appending to expand(%q) changed the sentence's actors to %q", tc.sentence, tc.holder, d.sents[1].actor)
		}
	}
}

// TestQuotedPersonAsked: quotedPerson, which turns away at once a token
// neither "quote" nor under it, answers at every token as when it asked
// a speech verb for its "as" first; the sentences hold tokens it reads
// on.
func TestQuotedPersonAsked(t *testing.T) {
	x := fuzzExtractor(t)
	readOn := 0
	for _, s := range shortcutSentences {
		d, p := stageDoc(t, x, s)
		for c := range p.Tokens {
			got := d.quotedPerson(1, c)
			if want := quotedPersonAsBefore(d, p, c); !slices.Equal(got, want) {
				t.Errorf("%q at %q: quotedPerson = %v, want %v", s, p.Tokens[c].Text, got, want)
			}
			if h, _ := p.Head(c); p.LowerLemma(c) == "quote" || h >= 0 && p.LowerLemma(h) == "quote" {
				readOn++
			}
		}
	}
	if readOn == 0 {
		t.Error("no token is or hangs on \"quote\": the sentences test nothing")
	}
}

// quotedPersonAsBefore is quotedPerson as it read before it asked for
// "quote" first: the test's reference.
func quotedPersonAsBefore(d *docState, p *syntax.Sentence, c int) []int {
	q := c
	if h, _ := p.Head(c); speechLemmas.Has(p.LowerLemma(c)) && d.markerOf(1, c) == "as" && h >= 0 {
		q = h
	}
	if p.LowerLemma(q) != "quote" {
		return nil
	}
	if d.passive(1, q) {
		return p.Children(q, "nsubj:pass")
	}
	if q == c {
		return nil
	}
	return p.Children(q, "obj")
}
