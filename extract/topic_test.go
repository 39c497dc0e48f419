package extract

import (
	"reflect"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// TestTopicWordsSpareOnlySentencesWithoutTerms: a sentence holding none of
// the words the topic's terms spell out is not run through the terms'
// pattern, and every sentence is marked as the pattern alone would mark
// it.
func TestTopicWordsSpareOnlySentencesWithoutTerms(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		terms     []string
		needs     []string
		sentences []string
	}{
		{[]string{"water accord", "US-led pact", "Lake Vanter agreement"}, []string{"accord", "pact", "agreement"}, []string{
			"Chile welcomed the water accord on Monday.",
			"The U.S.-led pact drew criticism; the United States-led pact too.",
			"Nobody mentioned it at the summit.",
			"The Lake  Vanter agreement stalled.",
		}},
		// "France" alone is a state's name: no word to look for, every
		// sentence goes through the pattern.
		{[]string{"France", "grain deal"}, nil, []string{"Paris said France would wait.", "The grain deal held."}},
	}
	for _, tt := range tests {
		m, err := newTopicMatcher(model.Topic{ID: "t", Terms: tt.terms}, g)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m.needs, tt.needs) {
			t.Errorf("%v: words %q, want %q", tt.terms, m.needs, tt.needs)
		}
		every := &topicMatcher{t: m.t, terms: m.terms}
		for _, text := range tt.sentences {
			s := &syntax.Sentence{Text: text}
			for _, w := range tokenize(text) {
				s.Tokens = append(s.Tokens, syntax.Token{Text: text[w.start:w.end], Start: w.start, End: w.end})
			}
			got, want := m.mark(s, asciiLower(text)), every.mark(s, asciiLower(text))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q: marked %v, the pattern alone %v", text, got, want)
			}
			// A lower-cased text that is not the parser's is not trusted.
			if own := m.mark(s, ""); !reflect.DeepEqual(own, got) {
				t.Errorf("%q: marked %v on the parser's own text, %v given it", text, own, got)
			}
			if named := slices.Contains(got, true); named != (text != "Nobody mentioned it at the summit.") {
				t.Errorf("%q: names the topic: %v", text, named)
			}
		}
	}
}
