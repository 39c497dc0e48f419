package extract

import (
	"context"
	"fmt"

	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// Topics extracts each document's claims about several topics at once:
// every topic the document is about, or the one it is pinned to. A
// sentence two topics need is parsed once.
type Topics struct {
	xs     []*Extractor
	parser Parser
}

// NewTopics builds the extractors for topics, which share the gazetteer,
// the lexicon and the parser. Topic ids must be unique.
func NewTopics(g *Gazetteer, lx *Lexicon, topics []model.Topic, p Parser) (*Topics, error) {
	ts := &Topics{parser: p}
	seen := map[string]bool{}
	for _, t := range topics {
		if seen[t.ID] {
			return nil, fmt.Errorf("extract: topic %q is listed twice", t.ID)
		}
		seen[t.ID] = true
		x, err := New(g, lx, t, p)
		if err != nil {
			return nil, err
		}
		ts.xs = append(ts.xs, x)
	}
	if len(ts.xs) == 0 {
		return nil, fmt.Errorf("extract: no topic")
	}
	return ts, nil
}

// List returns the topics in the order they were given.
func (ts *Topics) List() []model.Topic {
	out := make([]model.Topic, len(ts.xs))
	for i, x := range ts.xs {
		out[i] = x.topic.t
	}
	return out
}

// Extract returns one result for each topic the document is about, in the
// topics' order; with pin set, the result for that topic alone, which the
// document is taken to be about whether or not it names it.
func (ts *Topics) Extract(ctx context.Context, doc Document, pin string) ([]Result, error) {
	t := readText(doc)
	var readers []int // indexes into ts.xs
	// named marks the topics the document names, whether or not it is
	// pinned to one (ownClaims reads it).
	named := make([]bool, len(ts.xs))
	for i, x := range ts.xs {
		named[i] = x.topic.about(t.lower)
		if pin != "" && x.topic.t.ID != pin {
			continue
		}
		if pin == "" && !named[i] {
			// Only the topics a document is about have a result: the
			// people, actors and speakers of the others (about a third
			// of what the document costs a topic it names) are not
			// looked for.
			continue
		}
		readers = append(readers, i)
	}
	// Most documents name one topic: its reader parses for itself, with
	// no copy of each parse to keep a second reader's repairs apart (the
	// copies and their lookups were about 3% of such a document's
	// instructions).
	p := ts.parser
	if len(readers) > 1 {
		p = &sharedParses{p: ts.parser, done: map[string]syntax.Sentence{}}
	}
	var out []Result
	for _, i := range readers {
		r, err := ts.xs[i].extract(ctx, doc, t, p, named[i] || pin != "")
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if len(ts.xs) > 1 {
		for i := range out {
			out[i].Claims = ts.ownClaims(out[i], named)
		}
	}
	return out, nil
}

// ownClaims drops from a topic's result the claims whose sentence names
// another of the document's topics and not this one: in an article about
// two deals, "backed the dam accord" is not about the port lease, though
// "the accord" alone would be read as the article's event. Only the
// topics the document names (named, by ts's order) can be named by its
// sentences: a document that names no other, as most do, keeps every
// claim unread (with config.yaml's two topics, every claim's sentence
// was normalized, lower-cased and searched for the other).
func (ts *Topics) ownClaims(r Result, named []bool) []model.Claim {
	var own *topicMatcher
	var others []*topicMatcher
	for i, x := range ts.xs {
		switch {
		case x.topic.t.ID == r.Topic.ID:
			own = x.topic
		case named[i]:
			others = append(others, x.topic)
		}
	}
	if len(others) == 0 {
		return r.Claims
	}
	out := r.Claims[:0]
	for _, c := range r.Claims {
		lower := asciiLower(normalize(c.Evidence).text)
		other := false
		for _, m := range others {
			other = other || m.about(lower)
		}
		if !other || own.about(lower) {
			out = append(out, c)
		}
	}
	return out
}

// sharedParses parses each sentence of one document once for all its
// topics, handing each reader its own copy: the extractor repairs parses
// in place.
type sharedParses struct {
	p    Parser
	done map[string]syntax.Sentence
}

func (s *sharedParses) Parse(ctx context.Context, texts []string) ([]syntax.Sentence, error) {
	var missing []string
	for _, t := range texts {
		if _, ok := s.done[t]; !ok {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		parsed, err := s.p.Parse(ctx, missing)
		if err != nil {
			return nil, err
		}
		for i, t := range missing {
			s.done[t] = parsed[i]
		}
	}
	out := make([]syntax.Sentence, len(texts))
	for i, t := range texts {
		out[i] = s.done[t].Clone()
	}
	return out, nil
}
