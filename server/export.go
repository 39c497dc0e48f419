package server

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/gin-gonic/gin"
)

// exportFormat reads ?format=csv|json, which turns a response into a
// download.
func exportFormat(c *gin.Context) (string, bool) {
	switch f := c.Query("format"); f {
	case "csv", "json":
		return f, true
	}
	return "", false
}

func (s *Server) exportTable(c *gin.Context, format, name string, t table) {
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, name, format))
	if format == "json" {
		c.JSON(http.StatusOK, t)
		return
	}
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	_ = w.Write(t.Columns)
	for _, r := range t.Rows {
		rec := make([]string, len(r))
		for i, v := range r {
			rec[i] = cell(v)
		}
		_ = w.Write(rec)
	}
	w.Flush()
}

// cell renders a value for CSV: scalars as text, the rest as JSON. Text a
// spreadsheet would run as a formula (a leading =, +, -, @, tab or carriage
// return) gets a leading apostrophe; numbers, negative ones included, are
// left as they are.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case int64, float64, bool:
		return fmt.Sprint(x)
	case string:
		return defuse(x)
	}
	b, _ := json.Marshal(v)
	return defuse(string(b))
}

// reNumber is a plain decimal number, which a spreadsheet reads as one.
var reNumber = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

func defuse(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || reNumber.MatchString(s) {
		return s
	}
	return "'" + s
}

// GraphML, as Gephi reads it.
type graphML struct {
	XMLName xml.Name     `xml:"graphml"`
	XMLNS   string       `xml:"xmlns,attr"`
	Keys    []graphMLKey `xml:"key"`
	Graph   struct {
		EdgeDefault string        `xml:"edgedefault,attr"`
		Nodes       []graphMLElem `xml:"node"`
		Edges       []graphMLElem `xml:"edge"`
	} `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLElem struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr,omitempty"`
	Target string        `xml:"target,attr,omitempty"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func writeGraphML(c *gin.Context, el Elements) {
	g := graphML{XMLNS: "http://graphml.graphdrawing.org/xmlns", Keys: []graphMLKey{
		{"label", "node", "label", "string"}, {"kind", "node", "kind", "string"}, {"evidence", "node", "evidence", "long"},
		{"type", "edge", "type", "string"}, {"stance", "edge", "stance", "string"}, {"claims", "edge", "claims", "long"},
		{"documents", "edge", "documents", "long"}, {"role", "edge", "role", "string"},
	}}
	g.Graph.EdgeDefault = "directed"
	for _, n := range el.Nodes {
		g.Graph.Nodes = append(g.Graph.Nodes, graphMLElem{ID: n.Data.ID, Data: []graphMLData{
			{"label", n.Data.Label}, {"kind", n.Data.Kind}, {"evidence", fmt.Sprint(n.Data.Evidence)}}})
	}
	for _, e := range el.Edges {
		g.Graph.Edges = append(g.Graph.Edges, graphMLElem{ID: e.Data.ID, Source: e.Data.Source, Target: e.Data.Target,
			Data: []graphMLData{{"type", e.Data.Type}, {"stance", e.Data.Stance}, {"claims", fmt.Sprint(e.Data.Claims)},
				{"documents", fmt.Sprint(e.Data.Documents)}, {"role", e.Data.Role}}})
	}
	c.Header("Content-Disposition", `attachment; filename="stancegraph.graphml"`)
	c.Header("Content-Type", "application/graphml+xml; charset=utf-8")
	c.Status(http.StatusOK)
	_, _ = c.Writer.WriteString(xml.Header)
	enc := xml.NewEncoder(c.Writer)
	enc.Indent("", " ")
	_ = enc.Encode(g)
}
