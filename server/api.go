package server

import (
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// topicOf is the request's topic= parameter ("" for every topic); a topic
// the graph does not have fails the request, naming those it has.
func (s *Server) topicOf(c *gin.Context) (string, bool) {
	topic := c.Query("topic")
	if err := s.Graph.CheckTopic(c.Request.Context(), topic); err != nil {
		fail(c, s.log, err)
		return "", false
	}
	return topic, true
}

// filterOf reads the actor filter from the query string; ok is false when
// the request has been failed.
func (s *Server) filterOf(c *gin.Context, defaultLimit int) (graph.ActorFilter, bool) {
	topic, ok := s.topicOf(c)
	if !ok {
		return graph.ActorFilter{}, false
	}
	page, ok := s.pageOf(c, defaultLimit)
	return graph.ActorFilter{Stance: c.Query("stance"), Kind: c.Query("kind"), Doc: c.Query("doc"), Name: c.Query("name"),
		Topic: topic, Page: page}, ok
}

// The pages of a large graph: lists, drawings and answers show the first
// items with the most evidence and say how many there are; ?limit= and
// ?offset= ask for others. A download (?format=) has everything unless it
// asks for a page.
const (
	actorsPage = 100
	graphPage  = 40
	claimsPage = 100
	answerPage = 50
	// evidencePage quotes of an answer row's actor come when the row is
	// opened.
	evidencePage = 20
	// disagreementsPage rows, each with its first quotes per stance.
	disagreementsPage = 50
	// documentsPage fills the page's document filter.
	documentsPage = 200
	maxPage       = 10000
	// largePage: a page of more items than any page asks for by default,
	// or a download without a limit, waits for its turn (admitLarge).
	largePage = max(actorsPage, graphPage, claimsPage, answerPage, evidencePage, disagreementsPage, documentsPage)
)

// pageOf reads ?limit= and ?offset=; an answer with an error has been
// sent when ok is false.
func (s *Server) pageOf(c *gin.Context, defaultLimit int) (graph.Page, bool) {
	p := graph.Page{Limit: defaultLimit}
	if c.Query("format") != "" {
		p.Limit = 0
	}
	var ok bool
	if p.Limit, ok = s.intParam(c, "limit", p.Limit, 1, maxPage); !ok {
		return p, false
	}
	if p.Offset, ok = s.intParam(c, "offset", 0, 0, math.MaxInt32); !ok {
		return p, false
	}
	if p.Limit == 0 || p.Limit > largePage {
		return p, s.admitLarge(c)
	}
	return p, true
}

// intParam reads a whole-number parameter from min to max, def when
// absent; an answer with an error has been sent when ok is false.
func (s *Server) intParam(c *gin.Context, name string, def, min, max int) (int, bool) {
	v, given := c.GetQuery(name)
	if !given {
		return def, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		fail(c, s.log, model.Errorf(model.Invalid, "parameter %s: want a whole number from %d to %d, got %q", name, min, max, v))
		return 0, false
	}
	return n, true
}

// topics lists the topics with how many documents, claims and actors each
// has.
func (s *Server) topics(c *gin.Context) {
	topics, err := s.Graph.Topics(c.Request.Context())
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"topics": topics})
}

func (s *Server) actors(c *gin.Context) {
	f, ok := s.filterOf(c, actorsPage)
	if !ok {
		return
	}
	actors, total, err := s.Graph.Actors(c.Request.Context(), f)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	if t, ok := exportFormat(c); ok {
		s.exportTable(c, t, "actors", export.Actors(actors))
		return
	}
	c.JSON(http.StatusOK, gin.H{"actors": actors, "total": total, "offset": f.Offset})
}

func (s *Server) actor(c *gin.Context) {
	topic, ok := s.topicOf(c)
	if !ok {
		return
	}
	page, ok := s.pageOf(c, claimsPage)
	if !ok {
		return
	}
	d, err := s.Graph.Actor(c.Request.Context(), c.Param("id"), topic, page)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, d)
}

// evidence answers a page of one actor's quotes (?stance=, ?topic=): the
// rest of an answer row's evidence, when the row is opened.
func (s *Server) evidence(c *gin.Context) {
	topic, ok := s.topicOf(c)
	if !ok {
		return
	}
	page, ok := s.pageOf(c, evidencePage)
	if !ok {
		return
	}
	q, err := s.Graph.Quotes(c.Request.Context(), c.Param("id"), c.Query("stance"), topic, page)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, q)
}

func (s *Server) documents(c *gin.Context) {
	topic, ok := s.topicOf(c)
	if !ok {
		return
	}
	page, ok := s.pageOf(c, documentsPage)
	if !ok {
		return
	}
	docs, total, err := s.Graph.Documents(c.Request.Context(), graph.DocumentFilter{Topic: topic, Text: c.Query("text"), Page: page})
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"documents": docs, "total": total})
}

func (s *Server) document(c *gin.Context) {
	d, err := s.Graph.Document(c.Request.Context(), c.Param("id"))
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, d)
}

func (s *Server) graph(c *gin.Context) {
	f, ok := s.filterOf(c, graphPage)
	if !ok {
		return
	}
	sg, err := s.Graph.Graph(c.Request.Context(), f)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	s.sendGraph(c, sg)
}

func (s *Server) neighbourhood(c *gin.Context) {
	topic, ok := s.topicOf(c)
	if !ok {
		return
	}
	sg, err := s.Graph.Neighbourhood(c.Request.Context(), c.Param("id"), topic)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	s.sendGraph(c, sg)
}

// sendGraph answers with Cytoscape elements, or GraphML with
// ?format=graphml.
func (s *Server) sendGraph(c *gin.Context, sg graph.Subgraph) {
	if c.Query("format") == "graphml" {
		writeGraphML(c, sg)
		return
	}
	c.JSON(http.StatusOK, elements(sg))
}

func (s *Server) disagreements(c *gin.Context) {
	topic, ok := s.topicOf(c)
	if !ok {
		return
	}
	page, ok := s.pageOf(c, disagreementsPage)
	if !ok {
		return
	}
	rows, total, err := s.Graph.Disagreements(c.Request.Context(), topic, page)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"rows": rows, "total": total, "offset": page.Offset})
}

func (s *Server) review(c *gin.Context) {
	var body struct {
		Review *model.Review `json:"review"`
	}
	if !s.bindJSON(c, &body) {
		return
	}
	if body.Review == nil {
		fail(c, s.log, model.Errorf(model.Invalid, `body needs "review": "confirmed", "rejected" or ""`))
		return
	}
	ctx := c.Request.Context()
	if _, err := s.Graph.SetReview(ctx, c.Param("id"), *body.Review); err != nil {
		fail(c, s.log, err)
		return
	}
	claim, err := s.Graph.ClaimByID(ctx, c.Param("id"))
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"claim": claim})
}

// mergeActors makes the "from" actors one with "into" (by id, name or
// alias) and answers with the actor they became.
func (s *Server) mergeActors(c *gin.Context) {
	var body struct {
		Into string   `json:"into"`
		From []string `json:"from"`
	}
	if !s.bindJSON(c, &body) {
		return
	}
	if strings.TrimSpace(body.Into) == "" || len(body.From) == 0 {
		fail(c, s.log, model.Errorf(model.Invalid, `body needs "into": an actor and "from": a list of actors to merge into it`))
		return
	}
	a, err := s.Graph.MergeActors(c.Request.Context(), body.Into, body.From)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"actor": actorJSON(a)})
}

// splitActor takes "names" off "actor" (by id, name or alias) and answers
// with the actor they became.
func (s *Server) splitActor(c *gin.Context) {
	var body struct {
		Actor string   `json:"actor"`
		Names []string `json:"names"`
	}
	if !s.bindJSON(c, &body) {
		return
	}
	if strings.TrimSpace(body.Actor) == "" || len(body.Names) == 0 {
		fail(c, s.log, model.Errorf(model.Invalid, `body needs "actor": an actor and "names": the spellings to split off it`))
		return
	}
	a, err := s.Graph.SplitActor(c.Request.Context(), body.Actor, body.Names)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"actor": actorJSON(a)})
}

// actorJSON is an actor as the merge and split routes answer it.
func actorJSON(a model.Actor) gin.H {
	aliases := a.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return gin.H{"id": a.ID, "name": a.Name, "kind": a.Kind, "aliases": aliases}
}

// timeline answers the claims of one actor (?actor= id, name or alias) or
// of all, in order of publication date, undated last.
func (s *Server) timeline(c *gin.Context) {
	topic, ok := s.topicOf(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	id := ""
	if name := strings.TrimSpace(c.Query("actor")); name != "" {
		var err error
		if id, err = s.Graph.ActorID(ctx, name); err != nil {
			fail(c, s.log, err)
			return
		}
	}
	claims, err := s.Graph.Timeline(ctx, id, topic)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	if claims == nil {
		claims = []graph.Claim{}
	}
	c.JSON(http.StatusOK, gin.H{"actor": id, "claims": claims, "truncated": len(claims) == graph.TimelineCap})
}
