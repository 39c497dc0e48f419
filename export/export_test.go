package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

func TestCSVCellsDefuseFormulasButNotNumbers(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"-", "'-"},
		{"Turkey", "Turkey"},
		{"", ""},
		{"-5", "-5"},
		{"+5", "+5"},
		{"-0.25", "-0.25"},
		{"-1e3", "-1e3"},
		{int64(-5), "-5"},
		{float64(-0.5), "-0.5"},
		{int64(12), "12"},
		{true, "true"},
		{nil, ""},
		{[]any{"=x"}, `["=x"]`},
	}
	for _, tt := range tests {
		if got := Cell(tt.in); got != tt.want {
			t.Errorf("Cell(%#v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGraphMLHoldsTheSubgraph(t *testing.T) {
	sg := graph.Subgraph{
		Actors:       []graph.Actor{{ID: "state:nor", Name: "Norway", Kind: model.State, Evidence: 2}},
		Topics:       []graph.TopicRef{{ID: "dam", Name: "The dam accord"}},
		Stances:      []graph.StanceEdge{{Actor: "state:nor", Topic: "dam", Stance: model.Support, Claims: 2, Documents: 1}},
		Affiliations: []graph.Link{{Person: "person:kaisa-lindholm", Org: "state:nor", Role: "=Minister"}},
	}
	var b bytes.Buffer
	if err := GraphML(&b, sg); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Nodes []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"graph>node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
		} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(doc.Nodes) != 2 || doc.Nodes[1].ID != "dam" || doc.Nodes[1].Data[1].Value != "topic" {
		t.Errorf("nodes %+v", doc.Nodes)
	}
	if len(doc.Edges) != 2 || doc.Edges[0].ID != "person:kaisa-lindholm|aff|state:nor" || doc.Edges[1].ID != "state:nor|support|dam" ||
		doc.Edges[1].Target != "dam" {
		t.Errorf("edges %+v, want both in id order", doc.Edges)
	}
	if !strings.Contains(b.String(), ">SUPPORTS<") || !strings.Contains(b.String(), ">=Minister<") {
		t.Errorf("GraphML lacks the edge type or the role:\n%s", b.String())
	}
}
