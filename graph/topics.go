package graph

import (
	"context"
	"strings"

	"github.com/stancegraph/stancegraph/model"
)

// TopicSummary is a topic with how much the graph holds on it: documents
// about it, claims on it that count (not rejected), and actors with a
// stance on it.
type TopicSummary struct {
	model.Topic
	Documents int64 `json:"documents"`
	Claims    int64 `json:"claims"`
	Actors    int64 `json:"actors"`
}

// TopicNames lists the topics with their names and terms but no counts:
// what reading a question needs, at the cost of a look-up per topic
// rather than a count over the claims.
func (s *Store) TopicNames(ctx context.Context) ([]model.Topic, error) {
	recs, err := s.read(ctx, `MATCH (t:Topic)
RETURN t.id AS id, t.name AS name, coalesce(t.terms, []) AS terms, toString(t.start) AS start, toString(t.end) AS end
ORDER BY t.id`, nil)
	if err != nil {
		return nil, err
	}
	out := make([]model.Topic, len(recs))
	for i, r := range recs {
		decode(r, &out[i])
	}
	return out, nil
}

// Topics lists the topics in the graph, earliest start first, then by
// name.
func (s *Store) Topics(ctx context.Context) ([]TopicSummary, error) {
	// Claims and actors are read from the summary edges, which count the
	// claims that count (not rejected) per actor, stance and topic:
	// counting the claims themselves took seconds on 100,000 documents.
	recs, err := s.read(ctx, `MATCH (t:Topic)
CALL {
  WITH t
  OPTIONAL MATCH (a:Actor)-[s:`+stanceRels()+`]->(t)
  RETURN coalesce(sum(s.claims), 0) AS claims, count(DISTINCT a) AS actors
}
RETURN t.id AS id, t.name AS name, coalesce(t.terms, []) AS terms,
  toString(t.start) AS start, toString(t.end) AS end, claims, actors
ORDER BY t.start IS NULL, t.start, t.name, t.id`, nil)
	if err != nil {
		return nil, err
	}
	// A topic's ABOUT edges are mostly its claims': its documents are
	// counted from the documents' side.
	docs, err := s.read(ctx, `MATCH (d:Document)-[:ABOUT]->(t:Topic) USING SCAN d:Document
RETURN t.id AS id, count(d) AS documents`, nil)
	if err != nil {
		return nil, err
	}
	perTopic := make(map[string]int64, len(docs))
	for _, r := range docs {
		perTopic[str(field(r, "id"))], _ = field(r, "documents").(int64)
	}
	out := make([]TopicSummary, 0, len(recs))
	for _, r := range recs {
		get := func(k string) any { return field(r, k) }
		t := TopicSummary{Topic: model.Topic{ID: str(get("id")), Name: str(get("name")), Terms: strs(get("terms")),
			Start: str(get("start")), End: str(get("end"))}}
		t.Documents = perTopic[t.ID]
		t.Claims, _ = get("claims").(int64)
		t.Actors, _ = get("actors").(int64)
		out = append(out, t)
	}
	return out, nil
}

// DocumentCount is how many documents the graph holds.
func (s *Store) DocumentCount(ctx context.Context) (int64, error) {
	recs, err := s.read(ctx, `MATCH (d:Document) RETURN count(d) AS n`, nil)
	if err != nil {
		return 0, err
	}
	n, _ := field(recs[0], "n").(int64)
	return n, nil
}

// CheckTopic reports a NotFound error, naming the topics there are, when
// the graph has no topic id; "" (no topic asked for) passes.
func (s *Store) CheckTopic(ctx context.Context, id string) error {
	if id == "" {
		return nil
	}
	recs, err := s.read(ctx, `MATCH (t:Topic) RETURN t.id AS id ORDER BY t.id`, nil)
	if err != nil {
		return err
	}
	var ids []string
	for _, r := range recs {
		if str(field(r, "id")) == id {
			return nil
		}
		ids = append(ids, str(field(r, "id")))
	}
	if len(ids) == 0 {
		return model.Errorf(model.NotFound, "parameter topic: no topic %q (the graph has none yet: ingest some articles)", id)
	}
	return model.Errorf(model.NotFound, "parameter topic: no topic %q (topics: %s)", id, strings.Join(ids, ", "))
}
