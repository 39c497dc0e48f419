// Package export writes what the explorer shows in the formats analysts
// take elsewhere: tables as CSV that spreadsheets open safely, and graphs
// as GraphML for Gephi. The API's downloads and the command line share
// it.
package export

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/graph"
)

// Table is a result as a table: what the API's ?format=json downloads and
// the command line's -o json print.
type Table struct {
	Columns   []string       `json:"columns"`
	Rows      [][]any        `json:"rows"`
	Truncated bool           `json:"truncated"`
	Cypher    string         `json:"cypher,omitempty"`
	Params    map[string]any `json:"params,omitempty"`
}

// Actors is the actor list as a table: one row per actor and stance.
func Actors(actors []graph.Actor) Table {
	t := Table{Columns: []string{"id", "name", "kind", "stance", "claims", "documents"}, Rows: [][]any{}}
	for _, a := range actors {
		for _, st := range a.Stances {
			t.Rows = append(t.Rows, []any{a.ID, a.Name, string(a.Kind), string(st.Stance), st.Claims, st.Documents})
		}
	}
	return t
}

// CSV writes a header of columns and one record per row.
func CSV(w io.Writer, columns []string, rows [][]any) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(columns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := make([]string, len(r))
		for i, v := range r {
			rec[i] = Cell(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Cell renders a value for CSV: scalars as text, the rest as JSON. Text a
// spreadsheet would run as a formula (a leading =, +, -, @, tab or carriage
// return) gets a leading apostrophe; numbers, negative ones included, are
// left as they are.
func Cell(v any) string {
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

// GraphML writes a subgraph: actors and topics as nodes, stance edges and
// affiliations as directed edges, with the same ids the explorer's graph
// uses.
func GraphML(w io.Writer, sg graph.Subgraph) error {
	g := graphML{XMLNS: "http://graphml.graphdrawing.org/xmlns", Keys: []graphMLKey{
		{"label", "node", "label", "string"}, {"kind", "node", "kind", "string"}, {"evidence", "node", "evidence", "long"},
		{"type", "edge", "type", "string"}, {"stance", "edge", "stance", "string"}, {"claims", "edge", "claims", "long"},
		{"documents", "edge", "documents", "long"}, {"role", "edge", "role", "string"},
	}}
	g.Graph.EdgeDefault = "directed"
	for _, a := range sg.Actors {
		g.Graph.Nodes = append(g.Graph.Nodes, graphMLElem{ID: a.ID, Data: []graphMLData{
			{"label", a.Name}, {"kind", string(a.Kind)}, {"evidence", fmt.Sprint(a.Evidence)}}})
	}
	for _, t := range sg.Topics {
		g.Graph.Nodes = append(g.Graph.Nodes, graphMLElem{ID: t.ID, Data: []graphMLData{{"label", t.Name}, {"kind", "topic"}, {"evidence", "0"}}})
	}
	for _, e := range sg.Stances {
		g.Graph.Edges = append(g.Graph.Edges, graphMLElem{ID: e.ID(), Source: e.Actor, Target: e.Topic,
			Data: []graphMLData{{"type", e.Type()}, {"stance", string(e.Stance)}, {"claims", fmt.Sprint(e.Claims)},
				{"documents", fmt.Sprint(e.Documents)}, {"role", ""}}})
	}
	for _, f := range sg.Affiliations {
		g.Graph.Edges = append(g.Graph.Edges, graphMLElem{ID: f.ID(), Source: f.Person, Target: f.Org,
			Data: []graphMLData{{"type", "AFFILIATED_WITH"}, {"stance", ""}, {"claims", "0"}, {"documents", "0"}, {"role", f.Role}}})
	}
	sort.Slice(g.Graph.Edges, func(i, j int) bool { return g.Graph.Edges[i].ID < g.Graph.Edges[j].ID })
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	return enc.Encode(g)
}
