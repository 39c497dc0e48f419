package extract

import (
	"context"
	"fmt"
	"slices"

	"github.com/stancegraph/stancegraph/model"
)

// Topics extracts each document's claims about several topics at once:
// every topic the document is about, or the one it is pinned to. A
// document is read once for all the topics it names (see readTogether).
type Topics struct {
	xs     []*Extractor
	parser Parser
	// needs holds every topic's needed words (see topicMatcher.needs),
	// and neededBy, by the words' order in needs.list, the topics (by
	// index into xs) that need each: a document is searched for all of
	// them in one pass, where each topic's own search read the whole
	// document, named or not.
	needs    *triggerSet
	neededBy [][]int
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
	var needs []string
	for _, x := range ts.xs {
		if x.topic.needs != nil {
			needs = append(needs, x.topic.needs.list...)
		}
	}
	ts.needs = newTriggerSet(needs)
	ts.neededBy = make([][]int, len(ts.needs.list))
	for i, x := range ts.xs {
		if x.topic.needs == nil {
			continue
		}
		for _, w := range x.topic.needs.list {
			k, _ := slices.BinarySearch(ts.needs.list, w) // the list is sorted
			ts.neededBy[k] = append(ts.neededBy[k], i)
		}
	}
	return ts, nil
}

// mayName marks, by ts's order, the topics a document (lower-cased
// normalized text) may name: those with none of their needed words in it
// do not.
func (ts *Topics) mayName(lower string) []bool {
	out := make([]bool, len(ts.xs))
	left := len(ts.xs) // topics not yet marked
	for i, x := range ts.xs {
		if x.topic.needs == nil { // a term with no word of its own
			out[i] = true
			left--
		}
	}
	if left == 0 {
		return out // not a word to look for
	}
	for k := range ts.needs.occurring(lower) {
		for _, i := range ts.neededBy[k] {
			if !out[i] {
				out[i] = true
				left--
			}
		}
		if left == 0 {
			break
		}
	}
	return out
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
	named := ts.mayName(t.lower)
	for i, x := range ts.xs {
		named[i] = named[i] && x.topic.search(t.lower, 1, len(t.lower)-1) != nil
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
	var out []Result
	switch len(readers) {
	case 0:
	case 1:
		i := readers[0]
		r, err := ts.xs[i].extract(ctx, doc, t, ts.parser, named[i] || pin != "")
		if err != nil {
			return nil, err
		}
		out = []Result{r}
	default:
		rs, err := ts.readTogether(ctx, doc, t, readers)
		if err != nil {
			return nil, err
		}
		out = rs
	}
	if len(ts.xs) > 1 {
		names := &sentenceNames{ts: ts, named: named}
		for i := range out {
			out[i].Claims = ts.ownClaims(out[i], names)
		}
	}
	return out, nil
}

// ownClaims drops from a topic's result the claims whose sentence names
// another of the document's topics and not this one: in an article about
// two deals, "backed the dam accord" is not about the port lease, though
// "the accord" alone would be read as the article's event. Only the
// topics the document names (names.named, by ts's order) can be named by
// its sentences: a document that names no other, as most do, keeps every
// claim unread (with config.yaml's two topics, every claim's sentence
// was normalized, lower-cased and searched for the other).
func (ts *Topics) ownClaims(r Result, names *sentenceNames) []model.Claim {
	own := slices.IndexFunc(ts.xs, func(x *Extractor) bool { return x.topic.t.ID == r.Topic.ID })
	if !anyBut(names.named, own) {
		return r.Claims
	}
	out := r.Claims[:0]
	for _, c := range r.Claims {
		// of marks no topic the document does not name, but own.
		if named := names.of(c.Evidence, own); !anyBut(named, own) || named[own] {
			out = append(out, c)
		}
	}
	return out
}

// anyBut reports whether marks holds a topic marked but own.
func anyBut(marks []bool, own int) bool {
	for i, m := range marks {
		if m && i != own {
			return true
		}
	}
	return false
}

// sentenceNames says which topics the sentences of a document's claims
// name, each sentence read once: the claims of a document's topics share
// their sentences (the dev corpus read for its eight events' topics made
// 657 claims of 188 sentences).
type sentenceNames struct {
	ts *Topics
	// named marks the topics the document names, by ts's order: no other
	// can be named by its sentences.
	named []bool
	seen  map[string][]bool
}

// of is, by ts's order, whether evidence names each topic the document
// names, and topic own.
func (s *sentenceNames) of(evidence string, own int) []bool {
	b, ok := s.seen[evidence]
	if !ok {
		if s.seen == nil {
			s.seen = map[string][]bool{}
		}
		lower := asciiLower(normalize(evidence).text)
		b = make([]bool, len(s.ts.xs))
		for i, x := range s.ts.xs {
			b[i] = s.named[i] && x.topic.about(lower)
		}
		s.seen[evidence] = b
	}
	if !s.named[own] {
		// A topic the document is pinned to but does not name: read for
		// this result alone.
		b = slices.Clone(b)
		b[own] = s.ts.xs[own].topic.about(asciiLower(normalize(evidence).text))
	}
	return b
}

// readTogether reads a document for the several topics it names (readers,
// by ts's order): what does not depend on the topic (its sentences,
// quotes, people, parses, actors, label blocks and speakers) once, then
// each topic's marks and stances on a copy, or, where an earlier topic
// marked the same words and answers alike what else its stances asked,
// that topic's result (see reading). A sentence that names any of the
// topics is parsed for all. Read apart, each topic paid for all of
// it again: the eight dev events' topics, which most articles name four
// of, read 5.2x slower than one.
func (ts *Topics) readTogether(ctx context.Context, doc Document, t docText, readers []int) ([]Result, error) {
	xs := make([]*Extractor, len(readers))
	for k, i := range readers {
		xs[k] = ts.xs[i]
	}
	named := func(lower string) bool {
		return slices.ContainsFunc(xs, func(x *Extractor) bool { return x.topic.about(lower) })
	}
	base := newDocState(xs[0], doc, t, true)
	if err := base.read(ctx, ts.parser, named); err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(xs))
	var done []reading
	n := base.parsedTokens()
	for _, x := range xs {
		marks := make([]bool, n)
		base.topicMarks(x.topic, marks)
		if k := slices.IndexFunc(done, func(r reading) bool { return r.same(x.topic, marks) }); k >= 0 {
			out = append(out, done[k].r.forTopic(x.topic.t))
			continue
		}
		c := base.copyFor(x, marks)
		c.asked = new([]question)
		r := c.claims()
		done = append(done, reading{marks: marks, asked: *c.asked, r: r})
		out = append(out, r)
	}
	xs[0].release(base)
	return out, nil
}

// reading is one topic's reading of a document: its marks, what its
// stances asked of the topic besides them, and its result. The stances
// depend on the topic through nothing else, so another topic with the
// same marks and the same answers reads the same claims: the dev
// corpus's articles name four of its eight events' topics on average,
// by the words they share ("the deal", "the agreement"), and half of
// those readings marked the very words another had.
type reading struct {
	marks []bool
	asked []question
	r     Result
}

// same reports whether topic m with marks would read what r read.
func (r *reading) same(m *topicMatcher, marks []bool) bool {
	if !slices.Equal(r.marks, marks) {
		return false
	}
	for _, q := range r.asked {
		if m.answer(q) != q.answer {
			return false
		}
	}
	return true
}

// forTopic is r as topic t's result: the claims' topic is t, and the
// lists are its own (ownClaims filters the claims in place); the aliases
// in them are r's, which nothing changes.
func (r Result) forTopic(t model.Topic) Result {
	r.Topic = t
	r.Claims = slices.Clone(r.Claims)
	for i := range r.Claims {
		r.Claims[i].Topic = t.ID
	}
	r.Actors, r.Affiliations = slices.Clone(r.Actors), slices.Clone(r.Affiliations)
	return r
}

// question is one of the things the stances ask of the topic besides its
// marks, with the answer they got.
type question struct {
	kind   askKind
	arg    string
	answer bool
}

type askKind uint8

const (
	// askLeadName: is arg the first word of a name of the topic ("anti-Mercosur")?
	askLeadName askKind = iota
	// askHeadNoun: does a name of the topic end in the noun arg?
	askHeadNoun
	// askAbout: does the text arg (lower-cased) name the topic?
	askAbout
)

// answer is the topic's answer to q.
func (m *topicMatcher) answer(q question) bool {
	switch q.kind {
	case askLeadName:
		return m.leadNames[q.arg]
	case askHeadNoun:
		return m.headNouns[q.arg]
	default:
		return m.about(q.arg)
	}
}

// ask answers q for the reader's topic, and records it when d is asked
// to.
func (d *docState) ask(q question) bool {
	q.answer = d.x.topic.answer(q)
	if d.asked != nil {
		*d.asked = append(*d.asked, q)
	}
	return q.answer
}
