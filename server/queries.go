package server

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/model"
)

// table is a query result as the API returns it.
type table struct {
	Columns   []string       `json:"columns"`
	Rows      [][]any        `json:"rows"`
	Truncated bool           `json:"truncated"`
	Cypher    string         `json:"cypher,omitempty"`
	Params    map[string]any `json:"params,omitempty"`
}

// allQueries lists file queries, then the saved ones.
func (s *Server) allQueries(c *gin.Context) ([]cypher.Query, error) {
	saved, err := s.Graph.SavedQueries(c.Request.Context())
	if err != nil {
		return nil, err
	}
	return append(append([]cypher.Query{}, s.FileQueries...), saved...), nil
}

func (s *Server) findQuery(c *gin.Context, name string) (cypher.Query, error) {
	if !cypher.ValidName(name) {
		return cypher.Query{}, model.Errorf(model.Invalid, "query name %q: use lower-case letters, digits and dashes", name)
	}
	qs, err := s.allQueries(c)
	if err != nil {
		return cypher.Query{}, err
	}
	for _, q := range qs {
		if q.Name == name {
			return q, nil
		}
	}
	return cypher.Query{}, model.Errorf(model.NotFound, "no saved query %q", name)
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

func (s *Server) saveQuery(c *gin.Context) {
	var q cypher.Query
	if !s.bindJSON(c, &q) {
		return
	}
	q.Source, q.Cypher = "saved", strings.TrimSpace(q.Cypher)
	if q.Params == nil {
		q.Params = []cypher.Param{}
	}
	switch {
	case !cypher.ValidName(q.Name):
		fail(c, s.log, model.Errorf(model.Invalid, "name %q: use 1-63 lower-case letters, digits and dashes", q.Name))
		return
	case q.Cypher == "":
		fail(c, s.log, model.Errorf(model.Invalid, "cypher must not be empty"))
		return
	case len(q.Description) > 500:
		fail(c, s.log, model.Errorf(model.Invalid, "description over 500 characters"))
		return
	}
	for _, p := range q.Params {
		if !cypher.ValidParamName(p.Name) {
			fail(c, s.log, model.Errorf(model.Invalid, "parameter name %q is not an identifier", p.Name))
			return
		}
	}
	for _, f := range s.FileQueries {
		if f.Name == q.Name {
			fail(c, s.log, model.Errorf(model.Conflict, "%q is a query shipped with stancegraph; choose another name", q.Name))
			return
		}
	}
	if err := s.Graph.SaveQuery(c.Request.Context(), q); err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusCreated, q)
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
	params := map[string]any{}
	for _, p := range q.Params {
		params[p.Name] = p.Default
	}
	for k, v := range body.Params {
		if _, ok := params[k]; !ok {
			fail(c, s.log, model.Errorf(model.Invalid, "query %s has no parameter %q", q.Name, k))
			return
		}
		params[k] = v
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

// runReadOnly runs Cypher in a read transaction with the configured
// timeout and row cap: Neo4j itself refuses writes.
func (s *Server) runReadOnly(c *gin.Context, query string, params map[string]any) {
	rows, err := s.Graph.ReadQuery(c.Request.Context(), query, params, s.QueryTimeout, s.RowCap)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	t := table{Columns: rows.Columns, Rows: rows.Rows, Truncated: rows.Truncated, Cypher: query, Params: params}
	if t.Rows == nil {
		t.Rows = [][]any{}
	}
	if f, ok := exportFormat(c); ok {
		s.exportTable(c, f, "result", t)
		return
	}
	c.JSON(http.StatusOK, t)
}
