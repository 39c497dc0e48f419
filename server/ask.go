package server

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/ask"
	"github.com/stancegraph/stancegraph/model"
)

// maxQuestion bounds a question; longer ones are refused, not truncated.
const maxQuestion = 1000

// evidence is one quote behind an answer row.
type evidence struct {
	ClaimID     string       `json:"claim_id"`
	Quote       string       `json:"quote"`
	Doc         string       `json:"doc"`
	DocTitle    string       `json:"doc_title"`
	Stance      model.Stance `json:"stance"`
	Attribution string       `json:"attribution"`
}

type answerRow struct {
	Values []any `json:"values"`
	// ActorID is the actor the row is about ("" for none: a path), so
	// that the page never guesses it from the columns.
	ActorID  string     `json:"actor_id,omitempty"`
	Evidence []evidence `json:"evidence"`
}

type answer struct {
	Understood bool       `json:"understood"`
	Question   string     `json:"question"`
	Intent     ask.Intent `json:"intent,omitempty"`
	// Topic is the topic answered on: the one the question named, else the
	// one asked for with topic=; empty for every topic.
	Topic     string         `json:"topic,omitempty"`
	Cypher    string         `json:"cypher,omitempty"`
	Params    map[string]any `json:"params,omitempty"`
	Columns   []string       `json:"columns,omitempty"`
	Rows      []answerRow    `json:"rows,omitempty"`
	Truncated bool           `json:"truncated,omitempty"`
	Graph     *Elements      `json:"graph,omitempty"`
	Message   string         `json:"message,omitempty"`
	Forms     []ask.Form     `json:"forms,omitempty"`
}

// ask answers a plain question: the Cypher it ran, the rows with the
// evidence behind each, and the graph of the actors involved. A question
// it does not understand gets the forms it does, never an error.
func (s *Server) ask(c *gin.Context) {
	q := c.Query("q")
	switch {
	case q == "":
		fail(c, s.log, model.Errorf(model.Invalid, "parameter q: ask a question, e.g. ?q=who opposed the deal"))
		return
	case len(q) > maxQuestion:
		fail(c, s.log, model.Errorf(model.Invalid, "parameter q: questions are limited to %d bytes", maxQuestion))
		return
	case !utf8.ValidString(q):
		fail(c, s.log, model.Errorf(model.Invalid, "parameter q: not valid UTF-8"))
		return
	}
	topic, ok := s.topicOf(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	topics, err := s.Graph.Topics(ctx)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	known := make([]model.Topic, len(topics))
	for i, t := range topics {
		known[i] = t.Topic
	}
	parsed, ok, err := ask.Parse(ctx, q, s.Resolver, known, topic)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	if !ok {
		c.JSON(http.StatusOK, answer{Question: q, Message: "I did not understand that question. These are the questions I can answer:", Forms: ask.Forms()})
		return
	}
	rows, err := s.Graph.ReadQuery(ctx, parsed.Cypher, parsed.Params, s.QueryTimeout, s.RowCap)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	a := answer{Understood: true, Question: q, Intent: parsed.Intent, Topic: parsed.Topic, Cypher: parsed.Cypher, Params: parsed.Params,
		Columns: rows.Columns, Truncated: rows.Truncated, Rows: []answerRow{}}
	ids := append([]string{}, parsed.Actors...)
	idCol := slices.Index(rows.Columns, "id")
	for _, r := range rows.Rows {
		row := answerRow{Values: r, Evidence: []evidence{}}
		if idCol >= 0 {
			row.ActorID, _ = r[idCol].(string)
			if row.ActorID != "" && !slices.Contains(ids, row.ActorID) {
				ids = append(ids, row.ActorID)
			}
		} else if parsed.Intent == ask.Mentions {
			row.ActorID = parsed.Actors[0] // each row is a document mentioning it
		}
		a.Rows = append(a.Rows, row)
	}
	if err := s.attachEvidence(c, &a, parsed, idCol); err != nil {
		fail(c, s.log, err)
		return
	}
	sg, err := s.Graph.Subgraph(ctx, ids, parsed.Topic)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	el := elements(sg)
	a.Graph = &el
	if a.Message, err = s.explain(ctx, q, parsed, len(a.Rows) == 0); err != nil {
		fail(c, s.log, err)
		return
	}
	switch c.Query("format") {
	case "graphml":
		writeGraphML(c, el)
	case "csv", "json":
		vals := make([][]any, len(a.Rows))
		for i, r := range a.Rows {
			vals[i] = r.Values
		}
		s.exportTable(c, c.Query("format"), "answer", table{Columns: a.Columns, Rows: vals, Cypher: a.Cypher, Params: a.Params})
	default:
		c.JSON(http.StatusOK, a)
	}
}

// attachEvidence gives each row the claims behind it: a row that is a
// claim is its own evidence; a row about an actor gets a sample of that
// actor's claims (in the asked stance, if any).
func (s *Server) attachEvidence(c *gin.Context, a *answer, q ask.Question, idCol int) error {
	col := func(name string) int { return slices.Index(a.Columns, name) }
	if claimCol := col("claim_id"); claimCol >= 0 {
		quote, doc, title, stance, attr := col("quote"), col("doc"), col("doc_title"), col("stance"), col("attribution")
		at := func(r []any, i int) string {
			if i < 0 {
				return ""
			}
			v, _ := r[i].(string)
			return v
		}
		for i, r := range a.Rows {
			a.Rows[i].Evidence = append(a.Rows[i].Evidence, evidence{ClaimID: at(r.Values, claimCol), Quote: at(r.Values, quote),
				Doc: at(r.Values, doc), DocTitle: at(r.Values, title), Stance: model.Stance(at(r.Values, stance)), Attribution: at(r.Values, attr)})
		}
		return nil
	}
	if idCol < 0 {
		return nil
	}
	var actorIDs []string
	for _, r := range a.Rows {
		if id, _ := r.Values[idCol].(string); id != "" {
			actorIDs = append(actorIDs, id)
		}
	}
	if len(actorIDs) == 0 {
		return nil
	}
	stance, _ := q.Params["stance"].(string)
	claims, err := s.Graph.ClaimsOf(c.Request.Context(), actorIDs, stance, q.Topic)
	if err != nil {
		return err
	}
	topicCol := col("topic_id")
	for i, r := range a.Rows {
		id, _ := r.Values[idCol].(string)
		topic := ""
		if topicCol >= 0 {
			topic, _ = r.Values[topicCol].(string)
		}
		for _, cl := range claims {
			// A row about one topic shows the claims on it.
			if cl.ActorID == id && (topic == "" || cl.Topic == topic) {
				a.Rows[i].Evidence = append(a.Rows[i].Evidence, evidence{ClaimID: cl.ID, Quote: cl.Quote, Doc: cl.Doc,
					DocTitle: cl.DocTitle, Stance: cl.Stance, Attribution: cl.Attribution})
			}
		}
	}
	return nil
}

// stanceWords say what a stance question asked for, in an empty answer.
var stanceWords = map[string]string{"support": "supporting", "oppose": "opposing", "cautious": "cautious about"}

// explain says how an answer read the question's names, when the graph
// knows them by other names ("Sharawi" read as Ahmad Sharawai), and why
// an answer is empty: no documents at all, nobody with that stance, no
// claims for that actor.
func (s *Server) explain(ctx context.Context, q string, parsed ask.Question, empty bool) (string, error) {
	var notes, names []string
	lower := strings.ToLower(q)
	for _, id := range parsed.Actors {
		d, err := s.Graph.Actor(ctx, id, parsed.Topic)
		if err != nil {
			return "", err
		}
		names = append(names, d.Actor.Name)
		written := slices.ContainsFunc(append([]string{d.Actor.Name}, d.Actor.Aliases...), func(n string) bool {
			return n != "" && strings.Contains(lower, strings.ToLower(n))
		})
		if !written {
			notes = append(notes, fmt.Sprintf("Read as a question about %s, the name the graph has.", d.Actor.Name))
		}
	}
	if !empty {
		return strings.Join(notes, " "), nil
	}
	docs, err := s.Graph.ReadQuery(ctx, "MATCH (d:Document) RETURN count(d) AS n", nil, s.QueryTimeout, 1)
	if err != nil {
		return "", err
	}
	if n, _ := docs.Rows[0][0].(int64); n == 0 {
		return "The graph holds no documents yet: ingest some articles (stancegraph ingest PATH).", nil
	}
	switch parsed.Intent {
	case ask.Stance:
		kind := "actor"
		if k, _ := parsed.Params["kind"].(string); k != "" {
			kind = k
		}
		stance, _ := parsed.Params["stance"].(string)
		notes = append(notes, fmt.Sprintf("No %s is recorded as %s the event (rejected claims do not count).", kind, stanceWords[stance]))
	case ask.Said, ask.Mentions, ask.Who:
		notes = append(notes, fmt.Sprintf("No claims or mentions are recorded for %s (rejected claims do not count).", strings.Join(names, "")))
	case ask.Path:
		notes = append(notes, fmt.Sprintf("No path of up to six steps links %s.", strings.Join(names, " and ")))
	case ask.Disagree:
		notes = append(notes, "No actor takes more than one stance across the documents.")
	}
	return strings.Join(notes, " "), nil
}
