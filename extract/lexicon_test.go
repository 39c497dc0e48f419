package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/model"
)

// TestMayCarryReadsWordsInPlace: a sentence is parsed when one of its
// words (runs of letters and hyphens, lower case) can state a position,
// or it quotes someone; words glued to digits or accented letters are
// still words.
func TestMayCarryReadsWordsInPlace(t *testing.T) {
	lx, err := LoadLexicon([]Cue{{Phrase: "lionize", POS: "verb", Stance: model.Support}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence string
		want     bool
	}{
		{"the ministers lionized the pact.", true},
		{"lionize", true},
		{"the city of lima.", false},
		{"the anti-deal camp.", true},
		{"the anti camp.", false},
		{"the pro-treaty camp met.", true},
		{"2024lionizes·the pact", true},
		{"ölionize", true},
		{"lionizers met.", false},
		{`he said "nothing" at all.`, true},
		{"", false},
	}
	for _, tc := range tests {
		if got := lx.mayCarry(asciiLower(tc.sentence), tokenize(tc.sentence), 0); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestFormAmongIsFormIn: a sentence's tokens find a form or a camp only
// where its words, read byte by byte, do, wherever in a document it
// stands; the sentences are read at the document's start, after a
// sentence whose last word runs up to them, and before one that goes on
// from their last byte.
func TestFormAmongIsFormIn(t *testing.T) {
	lx, err := LoadLexicon([]Cue{{Phrase: "lionize", POS: "verb", Stance: model.Support}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence string
		among    bool // formAmong's own answer, at the document's start
	}{
		{"The ministers lionized the pact.", true},
		{"LIONIZE", true},
		{"lionize", true},
		{"The anti-deal camp.", true},
		{"A pro-treaty camp met.", true},
		{"The anti camp and the pro camp.", false},
		{"An ultra-anti-deal group.", false},
		{"2024lionizes the pact", false},
		{"lionizes2024 the pact", false},
		{"Ölionize and lionizeö.", false},
		{"The well-lionized pact.", false},
		{"The lionized-looking pact.", false},
		{"Lionizers met by Lima.", false},
		{"-lionize- them", false},
		{"", false},
	}
	for _, tc := range tests {
		for _, doc := range []struct{ before, after string }{{"", ""}, {"Zz.", ""}, {"", "s met."}, {"Oslo, 2024. ", " Then"}} {
			text := doc.before + tc.sentence + doc.after
			from, end := len(doc.before), len(doc.before)+len(tc.sentence)
			lower, words := asciiLower(text), tokenize(text)
			k := 0
			for k < len(words) && words[k].start < from {
				k++
			}
			sent := lower[from:end]
			among := lx.formAmong(sent, words[k:], from)
			if among && !lx.formIn(sent) {
				t.Errorf("%q in %q: formAmong true, formIn false", tc.sentence, text)
			}
			if doc.before == "" && doc.after == "" && among != tc.among {
				t.Errorf("%q: formAmong %v, want %v", tc.sentence, among, tc.among)
			}
		}
	}
}
