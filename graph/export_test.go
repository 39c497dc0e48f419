package graph

import (
	"context"
	"fmt"
	"time"

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
	w := prepare(in)
	for _, t := range in.Topics {
		if err := run(cypherUpsertDocuments, map[string]any{"docs": []map[string]any{},
			"topics": []map[string]any{{"id": t.ID, "name": t.Name, "terms": t.Terms}}}); err != nil {
			return err
		}
	}
	if err := run(cypherUpsertDocuments, map[string]any{"topics": []map[string]any{}, "docs": []map[string]any{w.doc}}); err != nil {
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

// cypherBare is the fewest writes that store a batch of documents' rows:
// documents, actors merged by id, mentions and claims created, with none
// of WriteDocuments' care (no rewrite, review marks, aliases, affiliations
// or summary edges). The benchmarks' upper bound for writing the same rows.
const cypherBare = `UNWIND $docs AS doc
CREATE (d:Document {id: doc.id, name: doc.name, text: doc.text})
WITH d, doc
CALL { WITH d, doc UNWIND doc.actors AS r
  MERGE (a:Actor {id: r.id}) ON CREATE SET a.name = r.name, a.kind = r.kind
  CREATE (d)-[:MENTIONS]->(a) }
CALL { WITH d, doc UNWIND doc.claims AS r
  MATCH (a:Actor {id: r.actor})
  CREATE (a)-[:MADE]->(:Claim {id: r.id, stance: r.stance, quote: r.quote, start: r.start, end: r.end})-[:IN]->(d) }`

// WriteBare writes documents' rows with cypherBare in one transaction.
func (s *Store) WriteBare(ctx context.Context, ins []DocumentInput) error {
	docs := make([]map[string]any, len(ins))
	for i, in := range ins {
		w := prepare(in)
		docs[i] = map[string]any{"id": in.ID, "name": in.Name, "text": in.Text, "actors": w.actorRows, "claims": w.claimRows}
	}
	return s.WriteForTest(ctx, cypherBare, map[string]any{"docs": docs})
}

// TransactionIDs are the ids of the transactions two reads run in, one
// through read and one through inRead (ReadQuery's path), for tests of
// which reads share one. marker tells their queries from any other
// test's.
func (s *Store) TransactionIDs(ctx context.Context, marker string) (string, string, error) {
	q := "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS '" + marker + "' RETURN transactionId"
	recs, err := s.read(ctx, q, nil)
	if err != nil || len(recs) != 1 {
		return "", "", fmt.Errorf("read: %d records, %v", len(recs), err)
	}
	rows, err := s.ReadQuery(ctx, q, nil, 10*time.Second, 10)
	if err != nil || len(rows.Rows) != 1 {
		return "", "", fmt.Errorf("inRead: %d rows, %v", len(rows.Rows), err)
	}
	return str(field(recs[0], "transactionId")), str(rows.Rows[0][0]), nil
}

// DocumentPlans are the operators of the plans Neo4j runs for the
// document list's page and count under f (profiled: the EXPLAIN plans
// the driver gave here lacked the index scans), for tests of the indexes
// they use.
func (s *Store) DocumentPlans(ctx context.Context, f DocumentFilter) (page, count []string, err error) {
	pageQuery, countQuery, p := documentQueries(f)
	plan := func(q string) ([]string, error) {
		res, err := neo4j.ExecuteQuery(ctx, s.driver, "PROFILE "+q, p, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			return nil, err
		}
		var ops []string
		var walk func(neo4j.ProfiledPlan)
		walk = func(n neo4j.ProfiledPlan) {
			ops = append(ops, n.Operator())
			for _, c := range n.Children() {
				walk(c)
			}
		}
		walk(res.Summary.Profile())
		return ops, nil
	}
	if page, err = plan(pageQuery); err != nil {
		return nil, nil, err
	}
	count, err = plan(countQuery)
	return page, count, err
}
