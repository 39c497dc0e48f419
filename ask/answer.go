package ask

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// Reader is what answering a question reads from the graph.
type Reader interface {
	TopicNames(ctx context.Context) ([]model.Topic, error)
	ReadPage(ctx context.Context, query string, params map[string]any, timeout time.Duration, rowCap int, page graph.Page) (graph.Rows, int, error)
	Evidence(ctx context.Context, actorIDs []string, stance, topic string, per int) ([]graph.Quote, error)
	Subgraph(ctx context.Context, ids []string, topic string) (graph.Subgraph, error)
	DocumentCount(ctx context.Context) (int64, error)
}

// Limits bound the query an answer runs, and Page the rows it returns
// (with their evidence and graph): all when Page.Limit is 0. Quotes is
// how many quotes each actor row gets (none when 0): a page that can open
// a row reads the rest then (graph.Store.Quotes), not with every answer.
type Limits struct {
	Timeout time.Duration
	Rows    int
	Page    graph.Page
	Quotes  int
}

// RowQuotes is how many quotes an actor row comes with unless asked
// otherwise: the page reads a row's others when it is opened
// (graph.Store.Quotes): on 100,000 documents an answer with one a row
// costs Neo4j 0.58 of one with five. MaxQuotes bounds Limits.Quotes.
const (
	RowQuotes = 1
	MaxQuotes = 20
)

// MaxBytes bounds a question; longer ones are refused, not truncated.
const MaxBytes = 1000

// Evidence is one quote behind an answer row.
type Evidence struct {
	ClaimID     string       `json:"claim_id"`
	Quote       string       `json:"quote"`
	Doc         string       `json:"doc"`
	DocTitle    string       `json:"doc_title"`
	Stance      model.Stance `json:"stance"`
	Attribution string       `json:"attribution"`
}

// Row is one row of an answer.
type Row struct {
	Values []any `json:"values"`
	// ActorID is the actor the row is about ("" for none: a path), so
	// that a reader never guesses it from the columns.
	ActorID  string     `json:"actor_id,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// Answer is a question's answer: the Cypher it ran, its rows with the
// evidence behind each and the graph of the actors involved; or, for a
// question not understood, the forms that are.
type Answer struct {
	Understood bool   `json:"understood"`
	Question   string `json:"question"`
	Intent     Intent `json:"intent,omitempty"`
	// Topic is the topic answered on: the one the question named, else
	// the one asked for; empty for every topic.
	Topic   string         `json:"topic,omitempty"`
	Cypher  string         `json:"cypher,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
	Columns []string       `json:"columns,omitempty"`
	Rows    []Row          `json:"rows,omitempty"`
	// Total is how many rows the query gave, of which Rows are the page
	// asked for, from Offset on.
	Total     int  `json:"total"`
	Offset    int  `json:"offset,omitempty"`
	Truncated bool `json:"truncated,omitempty"`
	// Graph is the answer's actors with their stance edges, for drawing.
	Graph   *graph.Subgraph `json:"-"`
	Message string          `json:"message,omitempty"`
	Forms   []Form          `json:"forms,omitempty"`
}

// Check refuses a question that cannot be asked at all (empty, too long,
// not UTF-8), naming the parameter, before anything is read for it.
func Check(q string) error {
	switch {
	case strings.TrimSpace(q) == "":
		return model.Errorf(model.Invalid, "parameter q: ask a question, e.g. ?q=who opposed the deal")
	case len(q) > MaxBytes:
		return model.Errorf(model.Invalid, "parameter q: questions are limited to %d bytes", MaxBytes)
	case !utf8.ValidString(q):
		return model.Errorf(model.Invalid, "parameter q: not valid UTF-8")
	}
	return nil
}

// Respond answers the question q, on topic (an id, "" for every topic)
// unless q names one. A question it does not understand gets the forms
// it does, not an error; errors are a bad q or topic (Invalid, NotFound,
// naming the parameter) or the graph's.
func Respond(ctx context.Context, r Reader, names Resolver, q, topic string, lim Limits) (Answer, error) {
	if err := Check(q); err != nil {
		return Answer{}, err
	}
	known, err := topics(ctx, r, topic)
	if err != nil {
		return Answer{}, err
	}
	parsed, ok, err := Parse(ctx, q, names, known, topic)
	if err != nil {
		return Answer{}, err
	}
	if !ok {
		return Answer{Question: q, Message: "I did not understand that question. These are the questions I can answer:", Forms: Forms()}, nil
	}
	if err := lim.Page.Validate(); err != nil {
		return Answer{}, err
	}
	if lim.Quotes < 0 || lim.Quotes > MaxQuotes {
		return Answer{}, model.Errorf(model.Invalid, "parameter quotes: want a whole number from 0 to %d, got %d", MaxQuotes, lim.Quotes)
	}
	// Only the page's rows are read, and they alone get evidence and a
	// place in the graph.
	rows, total, err := r.ReadPage(ctx, parsed.Cypher, parsed.Params, lim.Timeout, lim.Rows, lim.Page)
	if err != nil {
		return Answer{}, err
	}
	a := Answer{Understood: true, Question: q, Intent: parsed.Intent, Topic: parsed.Topic, Cypher: parsed.Cypher, Params: parsed.Params,
		Columns: rows.Columns, Truncated: rows.Truncated, Rows: []Row{}, Total: total, Offset: lim.Page.Offset}
	ids := append([]string{}, parsed.Actors...)
	idCol := slices.Index(rows.Columns, "id")
	for _, v := range rows.Rows {
		row := Row{Values: v, Evidence: []Evidence{}}
		if idCol >= 0 {
			row.ActorID, _ = v[idCol].(string)
			if row.ActorID != "" && !slices.Contains(ids, row.ActorID) {
				ids = append(ids, row.ActorID)
			}
		} else if parsed.Intent == Mentions {
			row.ActorID = parsed.Actors[0] // each row is a document mentioning it
		}
		a.Rows = append(a.Rows, row)
	}
	if err := attachEvidence(ctx, r, &a, parsed, lim.Quotes); err != nil {
		return Answer{}, err
	}
	sg, err := r.Subgraph(ctx, ids, parsed.Topic)
	if err != nil {
		return Answer{}, err
	}
	a.Graph = &sg
	if a.Message, err = explain(ctx, r, q, parsed, sg, a.Total == 0); err != nil {
		return Answer{}, err
	}
	return a, nil
}

// topics are the graph's topics, which a question may name; a topic
// asked for that is not among them is refused, naming those there are.
func topics(ctx context.Context, r Reader, asked string) ([]model.Topic, error) {
	out, err := r.TopicNames(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(out))
	for i, t := range out {
		ids[i] = t.ID
	}
	switch {
	case asked == "" || slices.Contains(ids, asked):
	case len(ids) == 0:
		return nil, model.Errorf(model.NotFound, "parameter topic: no topic %q (the graph has none yet: ingest some articles)", asked)
	default:
		return nil, model.Errorf(model.NotFound, "parameter topic: no topic %q (topics: %s)", asked, strings.Join(ids, ", "))
	}
	return out, nil
}

// attachEvidence gives each row the claims behind it: a row that is a
// claim is its own evidence; a row about an actor gets up to quotes of
// that actor's claims (in the asked stance, if any; on the row's topic, if
// it has one).
func attachEvidence(ctx context.Context, r Reader, a *Answer, q Question, quotes int) error {
	col := func(name string) int { return slices.Index(a.Columns, name) }
	at := func(v []any, i int) string {
		if i < 0 {
			return ""
		}
		s, _ := v[i].(string)
		return s
	}
	if claimCol := col("claim_id"); claimCol >= 0 {
		quote, doc, title, stance, attr := col("quote"), col("doc"), col("doc_title"), col("stance"), col("attribution")
		for i, row := range a.Rows {
			a.Rows[i].Evidence = append(a.Rows[i].Evidence, Evidence{ClaimID: at(row.Values, claimCol), Quote: at(row.Values, quote),
				Doc: at(row.Values, doc), DocTitle: at(row.Values, title), Stance: model.Stance(at(row.Values, stance)),
				Attribution: at(row.Values, attr)})
		}
		return nil
	}
	if col("id") < 0 || quotes == 0 {
		return nil
	}
	var actorIDs []string
	for _, row := range a.Rows {
		if row.ActorID != "" {
			actorIDs = append(actorIDs, row.ActorID)
		}
	}
	if len(actorIDs) == 0 {
		return nil
	}
	stance, _ := q.Params["stance"].(string)
	read, err := r.Evidence(ctx, actorIDs, stance, q.Topic, quotes)
	if err != nil {
		return err
	}
	// Grouped by actor once: a page of a thousand rows matched each row
	// against every quote.
	byActor := map[string][]graph.Quote{}
	for _, qu := range read {
		byActor[qu.ActorID] = append(byActor[qu.ActorID], qu)
	}
	topicCol := col("topic_id")
	for i, row := range a.Rows {
		topic := at(row.Values, topicCol)
		for _, qu := range byActor[row.ActorID] {
			if topic == "" || qu.Topic == topic {
				a.Rows[i].Evidence = append(a.Rows[i].Evidence, Evidence{ClaimID: qu.ClaimID, Quote: qu.Quote, Doc: qu.Doc,
					DocTitle: qu.DocTitle, Stance: qu.Stance, Attribution: qu.Attribution})
			}
		}
	}
	return nil
}

// explain says how an answer read the question's names, when the graph
// knows them by other names ("Sharawi" read as Ahmad Sharawai), and why
// an answer is empty: no documents at all, nobody with that stance, no
// claims for that actor. The names come from the answer's graph, which
// holds every actor the question named.
func explain(ctx context.Context, r Reader, q string, parsed Question, sg graph.Subgraph, empty bool) (string, error) {
	var notes, names []string
	lower := strings.ToLower(q)
	for _, id := range parsed.Actors {
		i := slices.IndexFunc(sg.Actors, func(a graph.Actor) bool { return a.ID == id })
		if i < 0 {
			continue
		}
		a := sg.Actors[i]
		names = append(names, a.Name)
		written := slices.ContainsFunc(append([]string{a.Name}, a.Aliases...), func(n string) bool {
			return n != "" && strings.Contains(lower, strings.ToLower(n))
		})
		if !written {
			notes = append(notes, fmt.Sprintf("Read as a question about %s, the name the graph has.", a.Name))
		}
	}
	if !empty {
		return strings.Join(notes, " "), nil
	}
	n, err := r.DocumentCount(ctx)
	if err != nil {
		return "", err
	}
	if n == 0 {
		return "The graph holds no documents yet: ingest some articles (stancegraph ingest PATH).", nil
	}
	switch parsed.Intent {
	case Stance:
		kind := "actor"
		if k, _ := parsed.Params["kind"].(string); k != "" {
			kind = k
		}
		stance, _ := parsed.Params["stance"].(string)
		notes = append(notes, fmt.Sprintf("No %s is recorded as %s the event (rejected claims do not count).", kind, askedFor(model.Stance(stance))))
	case Said, Mentions, Who:
		notes = append(notes, fmt.Sprintf("No claims or mentions are recorded for %s (rejected claims do not count).", strings.Join(names, "")))
	case Path:
		notes = append(notes, fmt.Sprintf("No path of up to six steps links %s.", strings.Join(names, " and ")))
	case Disagree:
		notes = append(notes, "No actor takes more than one stance across the documents.")
	}
	return strings.Join(notes, " "), nil
}

// askedFor says what a stance question asked for, in an empty answer.
func askedFor(s model.Stance) string {
	switch s {
	case model.Support:
		return "supporting"
	case model.Oppose:
		return "opposing"
	}
	return "cautious about"
}
