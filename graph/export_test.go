package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// WriteDocumentPerRow is the benchmarks' baseline: the same document
// written the naive way, one auto-commit query per actor, mention and
// claim. It exists only in tests.
func (s *Store) WriteDocumentPerRow(ctx context.Context, in DocumentInput) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	run := func(q string, p map[string]any) error {
		res, err := sess.Run(ctx, q, p)
		if err != nil {
			return err
		}
		_, err = res.Consume(ctx)
		return err
	}
	for _, t := range in.Topics {
		if err := run(cypherTopics, map[string]any{"topics": []map[string]any{{"id": t.ID, "name": t.Name, "terms": t.Terms}}}); err != nil {
			return err
		}
	}
	if err := run(cypherDocument, map[string]any{"doc": map[string]any{"id": in.ID, "name": in.Name, "title": in.Title,
		"source": in.Source, "sha256": in.SHA256, "chars": len(in.Text), "text": in.Text}}); err != nil {
		return err
	}
	for _, a := range in.Actors {
		row := map[string]any{"id": a.ID, "name": a.Name, "kind": string(a.Kind), "aliases": a.Aliases}
		if err := run(cypherActors, map[string]any{"actors": []map[string]any{row}}); err != nil {
			return err
		}
		if err := run(`MATCH (d:Document {id: $id}), (a:Actor {id: $actor}) CREATE (d)-[:MENTIONS {count: $count}]->(a)`,
			map[string]any{"id": in.ID, "actor": a.ID, "count": a.Mentions}); err != nil {
			return err
		}
	}
	for _, c := range in.Claims {
		row := map[string]any{"id": ClaimID(in.ID, c), "actor": c.ActorID, "stance": string(c.Stance), "quote": c.Evidence,
			"start": c.Start, "end": c.End, "attribution": string(c.Attribution), "cue": c.Cue, "confidence": c.Confidence, "topic": c.Topic}
		if err := run(cypherClaims, map[string]any{"id": in.ID, "claims": []map[string]any{row}}); err != nil {
			return err
		}
		if err := run(cypherSummaryDeltas(), map[string]any{"rows": []map[string]any{
			{"actor": c.ActorID, "stance": string(c.Stance), "topic": c.Topic, "claims": 1, "documents": 0}}}); err != nil {
			return err
		}
	}
	return nil
}

// WriteForTest runs one write statement, for tests that set up what an
// older version wrote.
func (s *Store) WriteForTest(ctx context.Context, query string, params map[string]any) error {
	_, err := s.inWrite(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		return nil, exec(ctx, tx, query, params)
	}, "test write")
	return err
}
