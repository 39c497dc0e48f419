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
		if got := lx.mayCarry(tc.sentence); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}
