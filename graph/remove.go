package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/model"
)

// Removal statements, run in one transaction: the documents' claims, the
// documents with their mentions, then the summary edges of the actors they
// touched, then the actors and topics nothing refers to any more.
const (
	cypherRemoveTouched = `MATCH (d:Document) WHERE d.id IN $ids
OPTIONAL MATCH (d)<-[:IN]-(:Claim)<-[:MADE]-(a:Actor)
OPTIONAL MATCH (d)-[:MENTIONS]->(m:Actor)
RETURN count(DISTINCT d) AS docs, collect(DISTINCT a.id) + collect(DISTINCT m.id) AS actors`

	cypherRemoveClaims = `MATCH (d:Document)<-[:IN]-(c:Claim) WHERE d.id IN $ids DETACH DELETE c`

	cypherRemoveDocuments = `MATCH (d:Document) WHERE d.id IN $ids DETACH DELETE d`

	// An actor that no claim or document names any more goes; the
	// analysts' merge decisions stay, for when its documents come back.
	cypherRemoveOrphans = `UNWIND $actors AS aid
MATCH (a:Actor {id: aid})
WHERE NOT (a)-[:MADE]->() AND NOT ()-[:MENTIONS]->(a)
DETACH DELETE a`

	cypherRemoveEmptyTopics = `MATCH (t:Topic) WHERE NOT ()-[:ABOUT]->(t) DETACH DELETE t`
)

// RemoveDocuments deletes the documents with these ids, their claims and
// mentions, keeps the summary edges of the actors they touched in step,
// and drops actors and topics nothing refers to any more. It returns how
// many of the ids were documents in the graph.
func (s *Store) RemoveDocuments(ctx context.Context, ids []string) (int, error) {
	out, err := s.inWrite(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		return removeDocuments(ctx, tx, ids, nil)
	}, "remove %d documents", len(ids))
	if err != nil {
		return 0, err
	}
	return out.(int), nil
}

// removeDocuments is RemoveDocuments inside a transaction; more are actors
// whose summary edges need recomputing besides those the documents touch.
func removeDocuments(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, more []any) (int, error) {
	res, err := tx.Run(ctx, cypherRemoveTouched, map[string]any{"ids": ids})
	if err != nil {
		return 0, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return 0, err
	}
	docs, _ := field(rec, "docs").(int64)
	actors, _ := field(rec, "actors").([]any)
	actors = append(actors, more...)
	steps := []struct {
		q string
		p map[string]any
	}{
		{cypherRemoveClaims, map[string]any{"ids": ids}},
		{cypherRemoveDocuments, map[string]any{"ids": ids}},
		{cypherSummaries(), map[string]any{"actors": actors}},
		{cypherRemoveOrphans, map[string]any{"actors": actors}},
		{cypherRemoveEmptyTopics, nil},
	}
	for _, st := range steps {
		if err := exec(ctx, tx, st.q, st.p); err != nil {
			return 0, err
		}
	}
	return int(docs), nil
}

// TopicRemoval is what removing a topic took away.
type TopicRemoval struct {
	Claims    int
	Documents int // about that topic alone
}

// RemoveTopic deletes a topic with its claims, and the documents about it
// alone with their mentions, in one transaction; documents also about
// another topic stay with their claims on it. Summary edges, actors and
// topics are kept in step as RemoveDocuments does.
func (s *Store) RemoveTopic(ctx context.Context, id string) (TopicRemoval, error) {
	out, err := s.inWrite(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		rec, err := first(ctx, tx, `MATCH (t:Topic {id: $id})
OPTIONAL MATCH (t)<-[:ABOUT]-(c:Claim)<-[:MADE]-(a:Actor)
WITH t, count(DISTINCT c) AS claims, collect(DISTINCT a.id) AS actors
OPTIONAL MATCH (t)<-[:ABOUT]-(d:Document) WHERE NOT EXISTS { (d)-[:ABOUT]->(o:Topic) WHERE o <> t }
RETURN claims, actors, collect(d.id) AS docs`, map[string]any{"id": id}, model.Errorf(model.NotFound, "no topic %q", id))
		if err != nil {
			return nil, err
		}
		claims, _ := field(rec, "claims").(int64)
		actors, _ := field(rec, "actors").([]any)
		if err := exec(ctx, tx, `MATCH (t:Topic {id: $id})
CALL { WITH t MATCH (t)<-[:ABOUT]-(c:Claim) DETACH DELETE c }
DETACH DELETE t`, map[string]any{"id": id}); err != nil {
			return nil, err
		}
		docs, err := removeDocuments(ctx, tx, strs(field(rec, "docs")), actors)
		return TopicRemoval{Claims: int(claims), Documents: docs}, err
	}, "remove topic %s", id)
	if err != nil {
		return TopicRemoval{}, err
	}
	return out.(TopicRemoval), nil
}

// Reset deletes everything the ingester and the analysts' merges wrote;
// saved queries stay.
func (s *Store) Reset(ctx context.Context) error {
	return s.autoCommit(ctx, "MATCH (n) WHERE NOT n:SavedQuery CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS", "reset")
}
