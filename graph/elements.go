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
// each topic it has a stance on by one edge per stance (sized by the
// matching claims), plus the affiliations among them.
func (s *Store) Graph(ctx context.Context, f ActorFilter) (Elements, error) {
	actors, err := s.Actors(ctx, f)
	if err != nil {
		return Elements{}, err
	}
	ids := make([]string, 0, len(actors))
	for _, a := range actors {
		ids = append(ids, a.ID)
	}
	return s.elementsFor(ctx, actors, ids, f)
}

// Subgraph returns the given actors with their stance edges (on one topic
// unless topic is "") and the affiliations among them: the graph part of
// an answer.
func (s *Store) Subgraph(ctx context.Context, ids []string, topic string) (Elements, error) {
	actors, err := s.actorsByID(ctx, ids)
	if err != nil {
		return Elements{}, err
	}
	return s.elementsFor(ctx, actors, ids, ActorFilter{Topic: topic})
}

// Neighbourhood returns an actor, its stance edges (on one topic unless
// topic is ""), and every actor affiliated with it in either direction,
// with theirs.
func (s *Store) Neighbourhood(ctx context.Context, id, topic string) (Elements, error) {
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
	return s.Subgraph(ctx, ids, topic)
}

// stanceEdges are the summary edges of the given actors, per topic, that
// match the filter: from the summary edges themselves, or counted from the
// claims when the filter names a document.
func (s *Store) stanceEdges(ctx context.Context, ids []string, f ActorFilter) ([]Edge, map[string]string, error) {
	p := f.params()
	p["ids"] = ids
	query := `MATCH (a:Actor)-[s:` + stanceRels() + `]->(t:Topic)
WHERE a.id IN $ids AND ($topic IS NULL OR t.id = $topic)
WITH a, t, s, ` + stanceOfRel("s") + ` AS stance
WHERE $stance IS NULL OR stance = $stance
RETURN a.id AS actor, t.id AS topic, t.name AS topic_name, stance, s.claims AS claims, s.documents AS documents`
	if f.Doc != "" {
		query = `MATCH (a:Actor)-[:MADE]->(c:Claim)-[:IN]->(d:Document {id: $doc}), (c)-[:ABOUT]->(t:Topic)
WHERE a.id IN $ids AND ` + counted + ` AND ($topic IS NULL OR t.id = $topic)
  AND ($stance IS NULL OR c.stance = $stance)
RETURN a.id AS actor, t.id AS topic, t.name AS topic_name, c.stance AS stance,
  count(DISTINCT c) AS claims, count(DISTINCT d) AS documents`
	}
	recs, err := s.read(ctx, query, p)
	if err != nil {
		return nil, nil, err
	}
	var edges []Edge
	topics := map[string]string{}
	for _, r := range recs {
		actor, topic, stance := str(field(r, "actor")), str(field(r, "topic")), str(field(r, "stance"))
		claims, _ := field(r, "claims").(int64)
		docs, _ := field(r, "documents").(int64)
		topics[topic] = str(field(r, "topic_name"))
		edges = append(edges, Edge{Data: EdgeData{ID: actor + "|" + stance + "|" + topic, Source: actor, Target: topic,
			Type: relType(stance), Stance: stance, Claims: claims, Documents: docs}})
	}
	return edges, topics, nil
}

// elementsFor builds nodes for actors (and for ids without claims, which
// still appear, unconnected to any topic), the topics they have stances
// on, the stance edges matching the filter and the affiliations among
// them.
func (s *Store) elementsFor(ctx context.Context, actors []Actor, ids []string, f ActorFilter) (Elements, error) {
	el := Elements{Nodes: []Node{}, Edges: []Edge{}}
	seen := map[string]bool{}
	for _, a := range actors {
		n := Node{Data: NodeData{ID: a.ID, Label: a.Name, Kind: string(a.Kind), Type: "actor", Evidence: a.Evidence, Stances: []string{}}}
		for _, st := range a.Stances {
			n.Data.Stances = append(n.Data.Stances, string(st.Stance))
		}
		seen[a.ID] = true
		el.Nodes = append(el.Nodes, n)
	}
	edges, topics, err := s.stanceEdges(ctx, ids, f)
	if err != nil {
		return el, err
	}
	el.Edges = append(el.Edges, edges...)
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
	topicIDs := make([]string, 0, len(topics))
	for id := range topics {
		topicIDs = append(topicIDs, id)
	}
	sort.Strings(topicIDs)
	for _, id := range topicIDs {
		el.Nodes = append(el.Nodes, Node{Data: NodeData{ID: id, Label: topics[id], Kind: "topic", Type: "topic", Stances: []string{}}})
	}
	all := make([]string, 0, len(seen))
	for id := range seen {
		all = append(all, id)
	}
	recs, err := s.read(ctx, `MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor) WHERE p.id IN $ids AND o.id IN $ids
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
