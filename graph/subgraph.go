package graph

import (
	"cmp"
	"context"
	"slices"
	"sort"

	"github.com/stancegraph/stancegraph/model"
)

// Subgraph is a part of the graph to draw: actors, the topics they take
// stances on, their summary stance edges and the affiliations among them.
// How it is drawn (Cytoscape elements, GraphML) is the server's business.
type Subgraph struct {
	// Actors come with their stances; an actor asked for by id that has
	// no claim has none.
	Actors       []Actor
	Topics       []TopicRef
	Stances      []StanceEdge
	Affiliations []Link
	// Total is how many actors matched, of which Actors are the page
	// asked for (0 when the actors were asked for by id).
	Total int
}

// TopicRef names a topic.
type TopicRef struct {
	ID, Name string
}

// StanceEdge is one actor's summary edge to one topic for one stance.
type StanceEdge struct {
	Actor, Topic      string
	Stance            model.Stance
	Claims, Documents int64
}

// ID names the edge in drawings and exports.
func (e StanceEdge) ID() string { return e.Actor + "|" + string(e.Stance) + "|" + e.Topic }

// Type is the edge's relationship type, "" for a value read from the
// graph that is no stance.
func (e StanceEdge) Type() string {
	if _, err := model.ParseStance(string(e.Stance)); err != nil {
		return ""
	}
	return e.Stance.Relationship()
}

// Link is an affiliation: a person of a state or group, in a role.
type Link struct {
	Person, Org, Role string
}

// ID names the link in drawings and exports.
func (l Link) ID() string { return l.Person + "|aff|" + l.Org }

// Graph returns the actors whose claims match the filter (the page its
// Limit and Offset ask for, most evidence first), each joined to each
// topic it has a stance on by one edge per stance (sized by the matching
// claims), plus the affiliations among them.
func (s *Store) Graph(ctx context.Context, f ActorFilter) (Subgraph, error) {
	return together(ctx, s, func(ctx context.Context) (Subgraph, error) { return s.graph(ctx, f) })
}

// graph reads Graph's actors, then their stance edges and affiliations.
func (s *Store) graph(ctx context.Context, f ActorFilter) (Subgraph, error) {
	actors, total, err := s.Actors(ctx, f)
	if err != nil {
		return Subgraph{}, err
	}
	ids := make([]string, 0, len(actors))
	for _, a := range actors {
		ids = append(ids, a.ID)
	}
	sg := Subgraph{Actors: actors, Total: total}
	if sg.Stances, sg.Topics, err = s.stanceEdges(ctx, ids, f); err != nil {
		return sg, err
	}
	sg.Affiliations, err = s.affiliationsAmong(ctx, ids)
	return sg, err
}

// Subgraph returns the given actors with their stance edges (on one topic
// unless topic is "") and the affiliations among them: the graph part of
// an answer.
func (s *Store) Subgraph(ctx context.Context, ids []string, topic string) (Subgraph, error) {
	// One read gives the actors, all their summary edges (their stances
	// count every topic, the edges drawn only the one asked for) and their
	// affiliations among them: a second read cost an answer on 100,000
	// documents a transaction of its own.
	recs, err := s.read(ctx, `MATCH (a:Actor) WHERE a.id IN $ids
OPTIONAL MATCH (a)-[s:`+stanceRels()+`]->(t:Topic)
WITH a, collect(CASE WHEN s IS NOT NULL THEN {stance: `+stanceOfRel("s")+`, topic: t.id, topic_name: t.name, claims: s.claims, documents: s.documents} END) AS edges
RETURN a {.id, .name, .kind, .aliases} AS actor, edges,
  COLLECT { MATCH (a)-[r:AFFILIATED_WITH]->(o:Actor) WHERE o.id IN $ids RETURN {org: o.id, role: coalesce(r.role, '')} } AS affiliations`,
		map[string]any{"ids": ids})
	if err != nil {
		return Subgraph{}, err
	}
	sg := Subgraph{Actors: make([]Actor, 0, len(recs)), Stances: []StanceEdge{}, Affiliations: []Link{}}
	names := map[string]string{}
	for _, r := range recs {
		m, _ := field(r, "actor").(map[string]any)
		a := actorFrom(m)
		affiliations, _ := field(r, "affiliations").([]any)
		for _, x := range affiliations {
			l := x.(map[string]any)
			sg.Affiliations = append(sg.Affiliations, Link{Person: a.ID, Org: str(l["org"]), Role: str(l["role"])})
		}
		by := map[model.Stance]*StanceCount{}
		edges, _ := field(r, "edges").([]any)
		for _, x := range edges {
			e := x.(map[string]any)
			st := model.Stance(str(e["stance"]))
			claims, _ := e["claims"].(int64)
			documents, _ := e["documents"].(int64)
			if by[st] == nil {
				by[st] = &StanceCount{Stance: st}
			}
			by[st].Claims += claims
			by[st].Documents += documents
			a.Evidence += claims
			if t := str(e["topic"]); topic == "" || t == topic {
				sg.Stances = append(sg.Stances, StanceEdge{Actor: a.ID, Topic: t, Stance: st, Claims: claims, Documents: documents})
				names[t] = str(e["topic_name"])
			}
		}
		for _, sc := range by {
			a.Stances = append(a.Stances, *sc)
		}
		sort.Slice(a.Stances, func(i, j int) bool { return a.Stances[i].Stance < a.Stances[j].Stance })
		sg.Actors = append(sg.Actors, a)
	}
	// Most evidence first, as lists are; an actor without claims last.
	sort.SliceStable(sg.Actors, func(i, j int) bool {
		if sg.Actors[i].Evidence != sg.Actors[j].Evidence {
			return sg.Actors[i].Evidence > sg.Actors[j].Evidence
		}
		return sg.Actors[i].Name < sg.Actors[j].Name
	})
	sort.Slice(sg.Stances, func(i, j int) bool { return sg.Stances[i].ID() < sg.Stances[j].ID() })
	slices.SortFunc(sg.Affiliations, func(x, y Link) int {
		return cmp.Or(cmp.Compare(x.Person, y.Person), cmp.Compare(x.Org, y.Org), cmp.Compare(x.Role, y.Role))
	})
	sg.Topics = topicRefs(names)
	return sg, nil
}

// Neighbourhood returns an actor, its stance edges (on one topic unless
// topic is ""), and every actor affiliated with it in either direction,
// with theirs.
func (s *Store) Neighbourhood(ctx context.Context, id, topic string) (Subgraph, error) {
	return together(ctx, s, func(ctx context.Context) (Subgraph, error) { return s.neighbourhood(ctx, id, topic) })
}

// neighbourhood reads Neighbourhood's actors, then their subgraph.
func (s *Store) neighbourhood(ctx context.Context, id, topic string) (Subgraph, error) {
	// Grouped by a, so that an unknown id gives no row rather than an
	// empty list.
	recs, err := s.read(ctx, `MATCH (a:Actor {id: $id}) OPTIONAL MATCH (a)-[:AFFILIATED_WITH]-(o:Actor)
RETURN a.id AS id, collect(DISTINCT o.id) AS affiliated`, map[string]any{"id": id})
	if err != nil {
		return Subgraph{}, err
	}
	if len(recs) == 0 {
		return Subgraph{}, model.Errorf(model.NotFound, "no actor %q", id)
	}
	ids := append([]string{id}, strs(field(recs[0], "affiliated"))...)
	return s.Subgraph(ctx, ids, topic)
}

// stanceEdges are the summary edges of the given actors, per topic, that
// match the filter: from the summary edges themselves, or counted from the
// claims when the filter names a document; with the topics they reach.
func (s *Store) stanceEdges(ctx context.Context, ids []string, f ActorFilter) ([]StanceEdge, []TopicRef, error) {
	p := f.params()
	p["ids"] = ids
	query := `MATCH (a:Actor)-[s:` + stanceRels() + `]->(t:Topic)
WHERE a.id IN $ids AND ($topic IS NULL OR t.id = $topic)
WITH a, t, s, ` + stanceOfRel("s") + ` AS stance
WHERE $stance = '' OR stance = $stance
RETURN a.id AS actor, t.id AS topic, t.name AS topic_name, stance, s.claims AS claims, s.documents AS documents`
	if f.Doc != "" {
		query = `MATCH (a:Actor)-[:MADE]->(c:Claim)-[:IN]->(d:Document {id: $doc}), (c)-[:ABOUT]->(t:Topic)
WHERE a.id IN $ids AND ` + counted + ` AND ($topic IS NULL OR t.id = $topic)
  AND ($stance = '' OR c.stance = $stance)
RETURN a.id AS actor, t.id AS topic, t.name AS topic_name, c.stance AS stance,
  count(DISTINCT c) AS claims, count(DISTINCT d) AS documents`
	}
	recs, err := s.read(ctx, query, p)
	if err != nil {
		return nil, nil, err
	}
	edges := make([]StanceEdge, 0, len(recs))
	names := map[string]string{}
	for _, r := range recs {
		e := StanceEdge{Actor: str(field(r, "actor")), Topic: str(field(r, "topic")), Stance: model.Stance(str(field(r, "stance")))}
		e.Claims, _ = field(r, "claims").(int64)
		e.Documents, _ = field(r, "documents").(int64)
		names[e.Topic] = str(field(r, "topic_name"))
		edges = append(edges, e)
	}
	return edges, topicRefs(names), nil
}

// topicRefs lists the topics named, by id.
func topicRefs(names map[string]string) []TopicRef {
	topics := make([]TopicRef, 0, len(names))
	for id, name := range names {
		topics = append(topics, TopicRef{ID: id, Name: name})
	}
	sort.Slice(topics, func(i, j int) bool { return topics[i].ID < topics[j].ID })
	return topics
}

// affiliationsAmong returns the affiliations whose both ends are among ids.
func (s *Store) affiliationsAmong(ctx context.Context, ids []string) ([]Link, error) {
	recs, err := s.read(ctx, `MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor) WHERE p.id IN $ids AND o.id IN $ids
RETURN p.id AS person, o.id AS org, coalesce(r.role, '') AS role`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	links := []Link{}
	for _, r := range recs {
		links = append(links, Link{Person: str(field(r, "person")), Org: str(field(r, "org")), Role: str(field(r, "role"))})
	}
	return links, nil
}
