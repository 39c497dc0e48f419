package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/syntax"
)

// stageSentences are written for the checks below: phrases of the
// evaluative lexicon, indirect questions, past positions, conditions and
// owners, and sentences with none of them. Each has a word that can
// state a position, so that it is parsed.
var stageSentences = []string{
	"Lima called the harbour pact a step forward and a new direction for the region.",
	"Critics said it was a bad deal that would run counter to the old treaty.",
	"Critics said the pact ran counter to the treaty and is contrary to its aims.",
	"The minister warned the pact could start an arms race, which would be contrary to its aims.",
	"Oslo asked why the pact failed.",
	"Nobody said what the pact would mean for the port.",
	"She said what a disaster it would be.",
	"He explained how good the deal is.",
	"Quito wondered whether the accord would hold.",
	"Peru initially opposed the pact.",
	"At first Chile opposed the pact, but it backed it in May.",
	"Peru will first back the pact for two years.",
	"Peru backed the pact provided it protected farmers.",
	"The ministry provided support for it.",
	"If Chile signs it, Bolivia will back the pact.",
	"Chile welcomed the pact.",
	"Chile's pact was welcomed on Monday.",
	"Her pact was welcomed on Monday.",
	"This is what they backed: that the pact holds.",
	"Peru backed the pact.",
}

// stageDoc reads sentence s as the second line of an article about the
// pact, as Extract reads it before the stances.
func stageDoc(t *testing.T, x *Extractor, s string) (*docState, *syntax.Sentence) {
	t.Helper()
	d := docOf(t, x, "Pact signed\n\n"+s)
	if err := d.read(context.Background(), x.parser, x.topic.about); err != nil {
		t.Fatal(err)
	}
	d.scratch.marks = emptied(d.scratch.marks, d.parsedTokens())
	d.markTopic(d.scratch.marks)
	if len(d.sents) != 2 || d.sents[1].p == nil {
		t.Fatalf("%q: want one parsed sentence after the headline", s)
	}
	return d, d.sents[1].p
}

// TestPhraseValenceAtStarts: phraseValence, reading phrases only where
// the filter of their first words lets one begin, sums what every
// phrase matched at every word of the span sums, for every span.
func TestPhraseValenceAtStarts(t *testing.T) {
	x := fuzzExtractor(t)
	for _, ph := range x.lex.phrases {
		if !x.lex.phraseStarts.May(ph.words[0]) {
			t.Errorf("phrase %q: its first word is not in the filter", ph.words)
		}
	}
	matched := 0
	for _, s := range stageSentences {
		d, p := stageDoc(t, x, s)
		for first := range p.Tokens {
			for last := first; last < len(p.Tokens); last++ {
				var want float64
				for _, ph := range x.lex.phrases {
					for k := first; k+len(ph.words)-1 <= last; k++ {
						if phraseAt(p, k, ph.words) {
							want += ph.v
						}
					}
				}
				if got := d.phraseValence(1, first, last); got != want {
					t.Errorf("%q [%d, %d]: phraseValence = %v, want %v", s, first, last, got, want)
				}
				if want != 0 {
					matched++
				}
			}
		}
	}
	if matched == 0 {
		t.Error("no span matched a phrase: the sentences test nothing")
	}
}

// phraseAt reports words at tokens k, k+1, ... of p, each the token's
// lemma or word.
func phraseAt(p *syntax.Sentence, k int, words []string) bool {
	for j, w := range words {
		if !wordIs(p, k+j, w) {
			return false
		}
	}
	return true
}

// TestAskedNeedsAQuestionWord: a clause asked opens with a question
// word before its predicate, which questionWordBefore finds; the
// sentences hold clauses asked.
func TestAskedNeedsAQuestionWord(t *testing.T) {
	x := fuzzExtractor(t)
	questions := 0
	for _, s := range stageSentences {
		_, p := stageDoc(t, x, s)
		for pr := range p.Tokens {
			if first, _ := p.Subtree(pr); first < pr && !questionWordBefore(p, pr) {
				switch p.Lower(first) {
				case "why", "whether", "what", "how":
					t.Errorf("%q: %q opens the clause of %q, not found before it", s, p.Tokens[first].Text, p.Tokens[pr].Text)
				}
			}
			if asked(p, pr) {
				questions++
			}
		}
	}
	if questions == 0 {
		t.Error("no clause asked: the sentences test nothing")
	}
}

// TestSupersededNeedsItsWords: superseded asks a cue's dependents only in
// a sentence with "initially" or "first", and still finds them there.
func TestSupersededNeedsItsWords(t *testing.T) {
	x := fuzzExtractor(t)
	want := map[string]bool{
		"Peru initially opposed the pact.":             true,
		"Peru will first back the pact for two years.": false,
		"Peru backed the pact.":                        false,
	}
	for _, s := range stageSentences {
		d, p := stageDoc(t, x, s)
		found := false
		for c := range p.Tokens {
			for _, k := range p.Children(c) {
				if w := p.Lower(k); (w == "initially" || w == "first") && !hasWord(p, "initially", "first") {
					t.Errorf("%q: %q under %q, not found", s, w, p.Tokens[c].Text)
				}
			}
			if p.Tokens[c].Text == "opposed" {
				found = found || d.superseded(1, c)
			}
		}
		if w, ok := want[s]; ok && found != w {
			t.Errorf("%q: superseded = %v, want %v", s, found, w)
		}
	}
}

// TestPronounAnaphorLengths: every word pronounAnaphor takes is as long
// as mayBePronounAnaphor says, so mayRefer's check before the call
// passes over none.
func TestPronounAnaphorLengths(t *testing.T) {
	x := fuzzExtractor(t)
	for _, s := range stageSentences {
		_, p := stageDoc(t, x, s)
		for k := range p.Tokens {
			if pronounAnaphor(p, k) && !mayBePronounAnaphor(p.Lower(k)) {
				t.Errorf("%q: %q is an anaphor mayBePronounAnaphor passes over", s, p.Tokens[k].Text)
			}
		}
	}
	for _, w := range []string{"it", "this", "that"} {
		if !mayBePronounAnaphor(w) {
			t.Errorf("mayBePronounAnaphor(%q) = false", w)
		}
	}
}

// TestConditionalProvided: a condition with "provided" after the cue is
// still found once the loop over the words has seen the word; a
// ministry that provided something sets none.
func TestConditionalProvided(t *testing.T) {
	x := fuzzExtractor(t)
	for _, tc := range []struct {
		sentence, cue string
		want          bool
	}{
		{"Peru backed the pact provided it protected farmers.", "backed", true},
		{"The ministry provided support for it.", "provided", false},
		{"Peru backed the pact.", "backed", false},
	} {
		d, p := stageDoc(t, x, tc.sentence)
		c := slices.IndexFunc(p.Tokens, func(tok syntax.Token) bool { return tok.Text == tc.cue })
		if got := d.conditional(1, c); got != tc.want {
			t.Errorf("%q: conditional at %q = %v, want %v", tc.sentence, tc.cue, got, tc.want)
		}
	}
}

// TestOwnersNamed: owners asks what a deal refers to only when a name
// owns it, and still credits the named owner; "her pact" credits nobody.
func TestOwnersNamed(t *testing.T) {
	x := fuzzExtractor(t)
	for _, tc := range []struct {
		sentence string
		owner    bool
	}{
		{"Chile's pact was welcomed on Monday.", true},
		{"Her pact was welcomed on Monday.", false},
		{"Peru backed the pact.", false},
	} {
		d, _ := stageDoc(t, x, tc.sentence)
		d.owners(1)
		got := slices.ContainsFunc(d.cands, func(c candidate) bool { return c.actor == "state:chl" })
		if got != tc.owner || !tc.owner && len(d.cands) > 0 {
			t.Errorf("%q: candidates %+v, want an owner: %v", tc.sentence, d.cands, tc.owner)
		}
	}
}

// TestCueTargetsKept: the targets onTarget found are what finding them
// again gives authors; found by asking which actor a phrase names ("the
// backing of Chile"), they are not kept but found again.
func TestCueTargetsKept(t *testing.T) {
	x := fuzzExtractor(t)
	kept := 0
	for _, s := range append(stageSentences, "Peru won the backing of Chile for the pact.") {
		d, p := stageDoc(t, x, s)
		for c := range p.Tokens {
			var found cueTargets
			first := slices.Clone(found.of(d, 1, c))
			again, settled := d.targets(nil, 1, c)
			if !slices.Equal(first, again) || !slices.Equal(found.of(d, 1, c), again) {
				t.Errorf("%q at %q: targets %v, then %v, kept %v", s, p.Tokens[c].Text, first, again, found.of(d, 1, c))
			}
			if found.kept != settled {
				t.Errorf("%q at %q: kept %v, settled %v", s, p.Tokens[c].Text, found.kept, settled)
			}
			if found.kept {
				kept++
			}
			if p.Tokens[c].Text == "backing" && settled {
				t.Errorf("%q: the backing of Chile asks who Chile is, yet settled", s)
			}
		}
	}
	if kept == 0 {
		t.Error("no targets kept: the sentences test nothing")
	}
}
