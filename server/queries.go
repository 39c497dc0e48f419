package server

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// allQueries lists file queries, then the saved ones.
func (s *Server) allQueries(c *gin.Context) ([]cypher.Query, error) {
	saved, err := s.Graph.SavedQueries(c.Request.Context())
	if err != nil {
		return nil, err
	}
	return append(append([]cypher.Query{}, s.FileQueries...), saved...), nil
}

func (s *Server) findQuery(c *gin.Context, name string) (cypher.Query, error) {
	qs, err := s.allQueries(c)
	if err != nil {
		return cypher.Query{}, err
	}
	return cypher.Find(qs, name)
}

func (s *Server) listQueries(c *gin.Context) {
	qs, err := s.allQueries(c)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"queries": qs})
}

func (s *Server) getQuery(c *gin.Context) {
	q, err := s.findQuery(c, c.Param("name"))
	if err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, q)
}

// Caps on saved queries: they live in the graph, which an API client
// should not be able to fill.
const (
	maxSavedQueries = 200
	maxQueryBytes   = 20000
	maxQueryParams  = 50
)

// saveQuery stores a query once Neo4j's plan of it shows a plain read
// (the reason otherwise); an existing name needs "overwrite": true.
func (s *Server) saveQuery(c *gin.Context) {
	var body struct {
		cypher.Query
		Overwrite bool `json:"overwrite"`
	}
	if !s.bindJSON(c, &body) {
		return
	}
	q := body.Query
	q.Source, q.Cypher = "saved", strings.TrimSpace(q.Cypher)
	if q.Params == nil {
		q.Params = []cypher.Param{}
	}
	if err := validQuery(q, s.FileQueries); err != nil {
		fail(c, s.log, err)
		return
	}
	if err := s.Graph.CheckQuery(c.Request.Context(), q.Cypher, q.Defaults()); err != nil {
		fail(c, s.log, err)
		return
	}
	if err := s.Graph.SaveQuery(c.Request.Context(), q, body.Overwrite, maxSavedQueries); err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusCreated, q)
}

// validQuery checks what can be checked without Neo4j.
func validQuery(q cypher.Query, shipped []cypher.Query) error {
	switch {
	case !cypher.ValidName(q.Name):
		return model.Errorf(model.Invalid, "name %q: use 1-63 lower-case letters, digits and dashes", q.Name)
	case q.Cypher == "":
		return model.Errorf(model.Invalid, "cypher must not be empty")
	case len(q.Cypher) > maxQueryBytes:
		return model.Errorf(model.TooLarge, "cypher of %d bytes is over the %d-byte cap for saved queries", len(q.Cypher), maxQueryBytes)
	case len(q.Description) > 500:
		return model.Errorf(model.Invalid, "description over 500 characters")
	case len(q.Params) > maxQueryParams:
		return model.Errorf(model.TooLarge, "%d parameters is over the cap of %d", len(q.Params), maxQueryParams)
	}
	for _, p := range q.Params {
		if !cypher.ValidParamName(p.Name) {
			return model.Errorf(model.Invalid, "parameter name %q is not an identifier", p.Name)
		}
	}
	for _, f := range shipped {
		if f.Name == q.Name {
			return model.Errorf(model.Conflict, "%q is a query shipped with stancegraph; choose another name", q.Name)
		}
	}
	return nil
}

func (s *Server) deleteQuery(c *gin.Context) {
	q, err := s.findQuery(c, c.Param("name"))
	if err != nil {
		fail(c, s.log, err)
		return
	}
	if q.Source == "file" {
		fail(c, s.log, model.Errorf(model.Forbidden, "%q ships with stancegraph as a .cypher file and cannot be deleted here", q.Name))
		return
	}
	if err := s.Graph.DeleteSavedQuery(c.Request.Context(), q.Name); err != nil {
		fail(c, s.log, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// runQuery runs a saved query with the body's parameters over its
// defaults; unknown parameters are refused.
func (s *Server) runQuery(c *gin.Context) {
	q, err := s.findQuery(c, c.Param("name"))
	if err != nil {
		fail(c, s.log, err)
		return
	}
	var body struct {
		Params map[string]any `json:"params"`
	}
	if c.Request.ContentLength != 0 && !s.bindJSON(c, &body) {
		return
	}
	params, err := q.Bind(body.Params)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	s.runReadOnly(c, q.Cypher, params)
}

// runCypher runs ad-hoc read-only Cypher.
func (s *Server) runCypher(c *gin.Context) {
	var body struct {
		Query  string         `json:"query"`
		Params map[string]any `json:"params"`
	}
	if !s.bindJSON(c, &body) {
		return
	}
	if strings.TrimSpace(body.Query) == "" {
		fail(c, s.log, model.Errorf(model.Invalid, `body needs "query"`))
		return
	}
	if body.Params == nil {
		body.Params = map[string]any{}
	}
	s.runReadOnly(c, body.Query, body.Params)
}

// runReadOnly runs an analyst's Cypher once Neo4j's plan of it shows a
// plain read, in a read transaction with the configured timeout and caps.
func (s *Server) runReadOnly(c *gin.Context, query string, params map[string]any) {
	rows, err := s.Graph.UserQuery(c.Request.Context(), query, params,
		graph.Limits{Timeout: s.QueryTimeout, Rows: s.RowCap, Bytes: s.ByteCap})
	if err != nil {
		fail(c, s.log, err)
		return
	}
	t := export.Table{Columns: rows.Columns, Rows: rows.Rows, Truncated: rows.Truncated, Cypher: query, Params: params}
	if t.Rows == nil {
		t.Rows = [][]any{}
	}
	if f, ok := exportFormat(c); ok {
		s.exportTable(c, f, "result", t)
		return
	}
	c.JSON(http.StatusOK, t)
}
