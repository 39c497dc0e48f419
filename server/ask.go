package server

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/ask"
	"github.com/stancegraph/stancegraph/export"
)

// answer is an answer as the API sends it: the graph drawn for the page.
type answer struct {
	ask.Answer
	Graph *Elements `json:"graph,omitempty"`
}

// ask answers a plain question: the Cypher it ran, the rows with the
// evidence behind each, and the graph of the actors involved. A question
// it does not understand gets the forms it does, never an error.
func (s *Server) ask(c *gin.Context) {
	// A question that cannot be asked is refused before a large page
	// waits for its turn.
	if err := ask.Check(c.Query("q")); err != nil {
		fail(c, s.log, err)
		return
	}
	page, ok := s.pageOf(c, answerPage)
	if !ok {
		return
	}
	quotes, ok := s.intParam(c, "quotes", ask.RowQuotes, 0, ask.MaxQuotes)
	if !ok {
		return
	}
	if c.Query("format") != "" {
		quotes = 0 // a download holds the rows and the graph, not quotes
	}
	var a ask.Answer
	err := s.Graph.ReadTogether(c.Request.Context(), s.QueryTimeout, func(ctx context.Context) error {
		var err error
		a, err = ask.Respond(ctx, s.Graph, s.Resolver, c.Query("q"), c.Query("topic"),
			ask.Limits{Timeout: s.QueryTimeout, Rows: s.RowCap, Page: page, Quotes: quotes})
		return err
	})
	if err != nil {
		fail(c, s.log, err)
		return
	}
	if !a.Understood {
		c.JSON(http.StatusOK, answer{Answer: a})
		return
	}
	out := answer{Answer: a}
	if a.Graph != nil {
		el := elements(*a.Graph)
		out.Graph = &el
	}
	switch c.Query("format") {
	case "graphml":
		writeGraphML(c, *a.Graph)
	case "csv", "json":
		vals := make([][]any, len(a.Rows))
		for i, r := range a.Rows {
			vals[i] = r.Values
		}
		s.exportTable(c, c.Query("format"), "answer", export.Table{Columns: a.Columns, Rows: vals, Cypher: a.Cypher, Params: a.Params})
	default:
		c.JSON(http.StatusOK, out)
	}
}
