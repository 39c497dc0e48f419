// Package extract finds actors and their stated stances on a topic in news
// text, each with the sentence that shows it. It knows nothing of Neo4j or
// HTTP: text in, claims out, deterministic for a given parser.
//
// A document goes through named stages, each in its own file:
//   - segmentation (sentences.go): paragraphs, sentences, quotation marks;
//   - relevance (topic.go): whether the article is about the topic and
//     which words of a sentence refer to it ("the deal", "the move");
//   - structure (the Parser): parts of speech, named entities and
//     dependencies of the sentences that can carry a stance;
//   - actors (mentions.go): who a noun phrase or pronoun names, including
//     people and groups in no gazetteer and states speaking through
//     ministries, spokespeople and capitals;
//   - speakers (speaker.go): who says each quotation, across sentences and
//     paragraphs;
//   - stances (clause.go, lexicon.go): cues with their holders (clause
//     subjects, coordinated subjects, passive agents, third parties
//     reported by others), negation, conditions and hedges;
//   - resolution (resolve.go): one claim per actor per document, the most
//     direct evidence winning.
package extract

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// Parser gives sentences their structure. The CoreNLP parser gives a full
// dependency parse; the built-in shallow parser approximates one.
type Parser interface {
	Parse(ctx context.Context, sentences []string) ([]syntax.Sentence, error)
}

// reusingParser is a Parser that can fill the sentences of an earlier
// call again, their lists' room kept (the shallow parser): the extractor
// hands a document's parses back once it is done with them. lower holds
// the sentences with their ASCII capitals lowered, which the document
// has already.
type reusingParser interface {
	ParseReusing(ctx context.Context, sentences, lower []string, old []syntax.Sentence) ([]syntax.Sentence, error)
}

// entityBlind is a Parser that tags no named entities (the shallow
// parser): no token of its parses has an NER.
type entityBlind interface {
	TagsNoEntities()
}

// Extractor turns documents into claims. It is safe for concurrent use if
// its parser is.
type Extractor struct {
	gaz    *Gazetteer
	lex    *Lexicon
	topic  *topicMatcher
	parser Parser
	// spare holds the *scratch of finished documents, for the next ones
	// to fill again.
	spare sync.Pool
}

// scratch is a document's working lists, none of which its result
// holds: a finished document's are filled again by the next (emptied),
// with the room they grew to. With the shallow parser the parses alone
// were half of the bytes a document allocated.
type scratch struct {
	// parsed are the parses of a reusingParser.
	parsed []syntax.Sentence
	// actors and marks are the parsed sentences' sent.actor and
	// sent.topic, one array each; quoted is docState.quoted.
	actors []string
	marks  []bool
	quoted []byte
	// anaphoric is the parsed sentences' sent.anaphoric, one array.
	anaphoric []uint8
	// lines, segs and sents are docState's lines and sentences, and the
	// sentences as segment found them; texts, lowers and which, the
	// sentences parse hands the parser and their indexes.
	lines  []line
	segs   []sentence
	sents  []sent
	texts  []string
	lowers []string
	which  []int
	// cands is docState's; acts, what the document learns of its
	// actors, is emptied as a whole (its maps keep their room).
	cands []candidate
	acts  *docActors
}

// lists returns the working lists of a document the extractor finished,
// emptied, or new ones.
func (x *Extractor) lists() *scratch {
	sc, _ := x.spare.Get().(*scratch)
	if sc == nil {
		return &scratch{acts: newDocActors(x.gaz)}
	}
	sc.acts.reset()
	return sc
}

// emptied returns n zero elements of a, in its room if it has enough.
func emptied[E any](a []E, n int) []E {
	if cap(a) < n {
		return make([]E, n)
	}
	a = a[:n]
	clear(a)
	return a
}

// New builds an extractor for one topic.
func New(g *Gazetteer, lx *Lexicon, t model.Topic, p Parser) (*Extractor, error) {
	tm, err := newTopicMatcher(t, g)
	if err != nil {
		return nil, err
	}
	return &Extractor{gaz: g, lex: lx, topic: tm, parser: p}, nil
}

// Result is what one document yields for one topic.
type Result struct {
	Doc string
	// Topic is the topic the claims are about; About says whether the
	// document's text names it (a document that does not yields no claims).
	Topic model.Topic
	About bool

	Claims       []model.Claim
	Actors       []model.Actor
	Affiliations []model.Affiliation
}

// Extract finds the claims in one document. It fails only when the parser
// does.
func (x *Extractor) Extract(ctx context.Context, doc Document) (Result, error) {
	t := readText(doc)
	return x.extract(ctx, doc, t, x.parser, x.topic.about(t.lower))
}

// extract is Extract with the document's text read and the parser given,
// and whether the document is about the topic: its text names it, or it
// is pinned to it. Topics knows that before it picks the readers, so the
// text is searched for each topic once.
func (x *Extractor) extract(ctx context.Context, doc Document, t docText, p Parser, about bool) (Result, error) {
	d := newDocState(x, doc, t, about)
	if err := d.read(ctx, p, x.topic.about); err != nil {
		return Result{}, err
	}
	d.scratch.marks = emptied(d.scratch.marks, d.parsedTokens())
	d.markTopic(d.scratch.marks)
	r := d.claims()
	x.release(d)
	return r, nil
}

// read parses the document and finds its actors, label blocks and
// speakers: all that does not depend on the topic but for which sentences
// are parsed (those that can carry a stance, and those named says name a
// topic the document is read for).
func (d *docState) read(ctx context.Context, p Parser, named func(lower string) bool) error {
	if err := d.parse(ctx, p, named); err != nil {
		return fmt.Errorf("extract %s: %w", d.doc.Name, err)
	}
	// A parser that tags no entities leaves registerEntities nothing to
	// find in its tokens, which it would read every one of.
	_, blind := p.(entityBlind)
	d.findActors(!blind)
	d.findLabels()
	d.findSpeakers()
	return nil
}

// claims reads the stances on the topic, its names marked, of a document
// about it, and assembles the result.
func (d *docState) claims() Result {
	if d.about {
		for i := range d.sents {
			d.stances(i)
		}
	}
	return d.result()
}

// release hands a finished document's working lists to x for the next;
// the result holds none of them. A document whose reading failed is not
// released: a parser that gave up may still be reading its sentences
// (CoreNLP's reader, its context cancelled).
func (x *Extractor) release(d *docState) {
	sc := d.scratch
	sc.cands = d.cands // as it grew
	// The lists of texts would keep the document's text, and earlier
	// ones' in their room, until the next document is read.
	clear(sc.texts[:cap(sc.texts)])
	clear(sc.lowers[:cap(sc.lowers)])
	if len(d.n.text) <= keptText {
		x.spare.Put(sc)
	}
}

// keptText is the longest document whose working lists the extractor
// keeps for the next: a rare outsized one (a transcript, a whole report)
// would leave every later document's lists at its size until a collection
// empties the pool. News articles are a few tens of kilobytes.
const keptText = 1 << 20

// result assembles the document's claims (one per actor), actors and
// affiliations.
func (d *docState) result() Result {
	r := Result{Doc: d.doc.Name, Topic: d.x.topic.t, About: d.about}
	claims := d.resolve()
	orgs := map[string]bool{}
	// In the order of their ids: an organisation first met here joins the
	// actors in this order, which a map's would make differ run to run.
	for _, id := range sortedKeys(d.acts.people) {
		p := d.acts.people[id]
		if p.orgID == "" || d.acts.actors[p.id] == nil || d.acts.actors[p.id].mentions == 0 {
			continue
		}
		if d.actorFor(p.orgID) == nil {
			continue
		}
		orgs[p.orgID] = true
		r.Affiliations = append(r.Affiliations, model.Affiliation{PersonID: p.id, OrgID: p.orgID, Role: p.role})
	}
	sort.Slice(r.Affiliations, func(i, j int) bool { return r.Affiliations[i].PersonID < r.Affiliations[j].PersonID })
	// The actors to list are picked first, so that the list and their
	// aliases' are made at their size (an article names dozens), each
	// asked of the maps once. An actor is listed for its mentions, its
	// claim or a person affiliated with it: the claims are asked only of
	// the few with none of the others (a map of them made for each
	// document cost more).
	listed := make([]*actorInfo, 0, len(d.acts.ordered))
	names := 0
	for _, id := range d.acts.ordered {
		a := d.acts.actors[id]
		if a.mentions > 0 || orgs[a.id] || slices.ContainsFunc(claims, func(c model.Claim) bool { return c.ActorID == a.id }) {
			listed = append(listed, a)
			names += len(a.aliases)
		}
	}
	if len(listed) > 0 {
		r.Actors = make([]model.Actor, 0, len(listed))
	}
	store := make([]string, 0, names)
	for _, a := range listed {
		r.Actors = append(r.Actors, model.Actor{ID: a.id, Name: a.name, Kind: a.kind, Aliases: sortedIn(&store, a.aliases), Mentions: a.mentions})
	}
	r.Claims = claims
	return r
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
