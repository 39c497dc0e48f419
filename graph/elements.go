package graph

import (
	"context"
	"sort"

	"github.com/stancegraph/stancegraph/model"
)

// Node is a Cytoscape.js node, in the shape the library takes directly.
type Node struct {
	Data NodeData `json:"data"`
}

// NodeData describes an actor or the topic.
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
}

// Graph returns the actors whose claims match the filter, each joined to
// the topic by one edge per stance (sized by the matching claims), plus the
// affiliations among them.
func (s *Store) Graph(ctx context.Context, f ActorFilter) (Elements, error) {
	actors, err := s.Actors(ctx, f)
	if err != nil {
		return Elements{}, err
	}
	ids := make([]string, 0, len(actors))
	for _, a := range actors {
		ids = append(ids, a.ID)
	}
	return s.elementsFor(ctx, actors, ids)
}

// Subgraph returns the given actors with their stance edges and the
// affiliations among them: the graph part of an answer.
func (s *Store) Subgraph(ctx context.Context, ids []string) (Elements, error) {
	actors, err := s.actorsByID(ctx, ids)
	if err != nil {
		return Elements{}, err
	}
	return s.elementsFor(ctx, actors, ids)
}

// Neighbourhood returns an actor, its stance edges, and every actor
// affiliated with it in either direction, with theirs.
func (s *Store) Neighbourhood(ctx context.Context, id string) (Elements, error) {
	// Grouped by a, so that an unknown id gives no row rather than an
	// empty list.
	recs, err := s.read(ctx, `MATCH (a:Actor {id: $id}) OPTIONAL MATCH (a)-[:AFFILIATED_WITH]-(o:Actor)
RETURN a.id AS id, collect(DISTINCT o.id) AS affiliated`, map[string]any{"id": id})
	if err != nil {
		return Elements{}, err
	}
	if len(recs) == 0 {
		return Elements{}, model.Errorf(model.NotFound, "no actor %q", id)
	}
	ids := append([]string{id}, strs(field(recs[0], "affiliated"))...)
	return s.Subgraph(ctx, ids)
}

// elementsFor builds nodes for actors (and for ids without claims, which
// still appear, unconnected to the topic), the topic, the stance edges and
// the affiliations among them.
func (s *Store) elementsFor(ctx context.Context, actors []Actor, ids []string) (Elements, error) {
	el := Elements{Nodes: []Node{}, Edges: []Edge{}}
	seen := map[string]bool{}
	topics := map[string]bool{}
	recs, err := s.read(ctx, `MATCH (t:Topic) RETURN t.id AS id, t.name AS name ORDER BY t.id`, nil)
	if err != nil {
		return el, err
	}
	topicID, topicName := "", ""
	if len(recs) > 0 {
		topicID, topicName = str(field(recs[0], "id")), str(field(recs[0], "name"))
	}
	for _, a := range actors {
		n := Node{Data: NodeData{ID: a.ID, Label: a.Name, Kind: a.Kind, Type: "actor", Evidence: a.Evidence, Stances: []string{}}}
		for _, st := range a.Stances {
			n.Data.Stances = append(n.Data.Stances, st.Stance)
			if topicID != "" {
				topics[topicID] = true
				el.Edges = append(el.Edges, Edge{Data: EdgeData{ID: a.ID + "|" + st.Stance, Source: a.ID, Target: topicID,
					Type: relType(st.Stance), Stance: st.Stance, Claims: st.Claims, Documents: st.Documents}})
			}
		}
		seen[a.ID] = true
		el.Nodes = append(el.Nodes, n)
	}
	var missing []string
	for _, id := range ids {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		recs, err := s.read(ctx, `MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id, a.name AS name, a.kind AS kind`, map[string]any{"ids": missing})
		if err != nil {
			return el, err
		}
		for _, r := range recs {
			id := str(field(r, "id"))
			seen[id] = true
			el.Nodes = append(el.Nodes, Node{Data: NodeData{ID: id, Label: str(field(r, "name")), Kind: str(field(r, "kind")), Type: "actor", Stances: []string{}}})
		}
	}
	if topics[topicID] {
		el.Nodes = append(el.Nodes, Node{Data: NodeData{ID: topicID, Label: topicName, Kind: "topic", Type: "topic", Stances: []string{}}})
	}
	all := make([]string, 0, len(seen))
	for id := range seen {
		all = append(all, id)
	}
	recs, err = s.read(ctx, `MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor) WHERE p.id IN $ids AND o.id IN $ids
RETURN p.id AS person, o.id AS org, coalesce(r.role, '') AS role`, map[string]any{"ids": all})
	if err != nil {
		return el, err
	}
	for _, r := range recs {
		src, dst := str(field(r, "person")), str(field(r, "org"))
		el.Edges = append(el.Edges, Edge{Data: EdgeData{ID: src + "|aff|" + dst, Source: src, Target: dst,
			Type: "AFFILIATED_WITH", Role: str(field(r, "role"))}})
	}
	sort.Slice(el.Edges, func(i, j int) bool { return el.Edges[i].Data.ID < el.Edges[j].Data.ID })
	return el, nil
}
