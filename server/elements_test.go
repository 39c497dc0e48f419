package server

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

func TestElementsDrawASubgraph(t *testing.T) {
	sg := graph.Subgraph{
		Actors: []graph.Actor{
			{ID: "state:nor", Name: "Norway", Kind: model.State, Evidence: 3, Stances: []graph.StanceCount{{Stance: model.Support}}},
			{ID: "person:kaisa-lindholm", Name: "Kaisa Lindholm", Kind: model.Person},
		},
		Topics: []graph.TopicRef{{ID: "dam", Name: "The dam accord"}, {ID: "port", Name: "The port lease"}},
		Stances: []graph.StanceEdge{
			{Actor: "state:nor", Topic: "port", Stance: model.Oppose, Claims: 1, Documents: 1},
			{Actor: "state:nor", Topic: "dam", Stance: model.Support, Claims: 2, Documents: 2},
			{Actor: "state:nor", Topic: "dam", Stance: "shrug"},
		},
		Affiliations: []graph.Link{{Person: "person:kaisa-lindholm", Org: "state:nor", Role: "Environment Minister"}},
	}
	el := elements(sg)
	nodes := map[string]NodeData{}
	for _, n := range el.Nodes {
		nodes[n.Data.ID] = n.Data
	}
	if len(el.Nodes) != 4 || nodes["dam"].Type != "topic" || nodes["port"].Label != "The port lease" ||
		nodes["state:nor"].Type != "actor" || nodes["state:nor"].Kind != "state" || nodes["state:nor"].Evidence != 3 ||
		len(nodes["state:nor"].Stances) != 1 || nodes["person:kaisa-lindholm"].Stances == nil {
		t.Fatalf("nodes %+v", el.Nodes)
	}
	tests := []struct {
		id, source, target, typ, role string
		claims                        int64
	}{
		{"person:kaisa-lindholm|aff|state:nor", "person:kaisa-lindholm", "state:nor", "AFFILIATED_WITH", "Environment Minister", 0},
		{"state:nor|oppose|port", "state:nor", "port", "OPPOSES", "", 1},
		{"state:nor|shrug|dam", "state:nor", "dam", "", "", 0}, // no stance: no edge type
		{"state:nor|support|dam", "state:nor", "dam", "SUPPORTS", "", 2},
	}
	if len(el.Edges) != len(tests) {
		t.Fatalf("edges %+v", el.Edges)
	}
	for i, tt := range tests {
		e := el.Edges[i].Data
		if e.ID != tt.id || e.Source != tt.source || e.Target != tt.target || e.Type != tt.typ || e.Role != tt.role || e.Claims != tt.claims {
			t.Errorf("edge %d: %+v, want %+v (in id order)", i, e, tt)
		}
	}
}
