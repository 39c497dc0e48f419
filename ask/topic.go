package ask

import (
	"strings"

	"github.com/stancegraph/stancegraph/model"
)

// nameTopic finds the topic the question names by its name, one of its
// terms or its id ("who opposed the Tarvo accord?"), the longest such
// mention winning, and reads the mention as "it", as the questions about
// the one event are written ("who opposed it?"): an event's name is no
// actor's. It returns the topic's id, "" when the question names none.
func nameTopic(t *text, topics []model.Topic) string {
	best, from, to, longest := "", 0, 0, 0
	for _, tp := range topics {
		names := append([]string{tp.Name, strings.ReplaceAll(tp.ID, "-", " ")}, tp.Terms...)
		for _, n := range names {
			words := normalize(n).lower
			l := len(strings.Join(words, " "))
			if l < 3 {
				continue
			}
			if i := indexWords(t.lower, words); i >= 0 && l > longest {
				best, from, to, longest = tp.ID, i, i+len(words), l
			}
		}
	}
	if best == "" {
		return ""
	}
	if from > 0 && t.lower[from-1] == "the" {
		from--
	}
	t.replace(from, to, "it")
	return best
}

// indexWords is where words occur in order, one after another, in the
// question's words, or -1.
func indexWords(in, words []string) int {
	for i := 0; i+len(words) <= len(in); i++ {
		if hasPrefix(in[i:], words) {
			return i
		}
	}
	return -1
}
