package server

import (
	"sort"

	"github.com/stancegraph/stancegraph/graph"
)

// Node is a Cytoscape.js node, in the shape the library takes directly.
type Node struct {
	Data NodeData `json:"data"`
}

// NodeData describes an actor or a topic.
type NodeData struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Kind     string   `json:"kind"` // person, state, group or topic
	Type     string   `json:"type"` // actor or topic
	Evidence int64    `json:"evidence"`
	Stances  []string `json:"stances"`
}

// Edge is a Cytoscape.js edge.
type Edge struct {
	Data EdgeData `json:"data"`
}

// EdgeData describes a summary stance edge or an affiliation.
type EdgeData struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Type      string `json:"type"`
	Stance    string `json:"stance"`
	Claims    int64  `json:"claims"`
	Documents int64  `json:"documents"`
	Role      string `json:"role"`
}

// Elements is a graph for the browser.
type Elements struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// ActorsTotal is how many actors matched when the drawing is a page of
	// them (the actor nodes); absent for an answer's or an actor's graph.
	ActorsTotal int `json:"actors_total,omitempty"`
}

// elements draws a subgraph as Cytoscape elements: actors, then topics;
// edges in id order, so that the same graph gives the same answer.
func elements(sg graph.Subgraph) Elements {
	el := Elements{Nodes: make([]Node, 0, len(sg.Actors)+len(sg.Topics)), Edges: make([]Edge, 0, len(sg.Stances)+len(sg.Affiliations)),
		ActorsTotal: sg.Total}
	for _, a := range sg.Actors {
		n := Node{Data: NodeData{ID: a.ID, Label: a.Name, Kind: string(a.Kind), Type: "actor", Evidence: a.Evidence, Stances: []string{}}}
		for _, st := range a.Stances {
			n.Data.Stances = append(n.Data.Stances, string(st.Stance))
		}
		el.Nodes = append(el.Nodes, n)
	}
	for _, t := range sg.Topics {
		el.Nodes = append(el.Nodes, Node{Data: NodeData{ID: t.ID, Label: t.Name, Kind: "topic", Type: "topic", Stances: []string{}}})
	}
	for _, e := range sg.Stances {
		el.Edges = append(el.Edges, Edge{Data: EdgeData{ID: e.ID(), Source: e.Actor, Target: e.Topic,
			Type: e.Type(), Stance: string(e.Stance), Claims: e.Claims, Documents: e.Documents}})
	}
	for _, f := range sg.Affiliations {
		el.Edges = append(el.Edges, Edge{Data: EdgeData{ID: f.ID(), Source: f.Person, Target: f.Org,
			Type: "AFFILIATED_WITH", Role: f.Role}})
	}
	sort.Slice(el.Edges, func(i, j int) bool { return el.Edges[i].Data.ID < el.Edges[j].Data.ID })
	return el
}
