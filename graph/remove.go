package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
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
		res, err := tx.Run(ctx, cypherRemoveTouched, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		docs, _ := field(rec, "docs").(int64)
		actors, _ := field(rec, "actors").([]any)
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
				return nil, err
			}
		}
		return int(docs), nil
	}, "remove %d documents", len(ids))
	if err != nil {
		return 0, err
	}
	return out.(int), nil
}

// Reset deletes everything the ingester and the analysts' merges wrote;
// saved queries stay.
func (s *Store) Reset(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "MATCH (n) WHERE NOT n:SavedQuery CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return s.translate(ctx, err, "reset")
	}
	return nil
}
