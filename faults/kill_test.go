package faults

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/bintest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

func count(t *testing.T, st *graph.Store, q string) int64 {
	t.Helper()
	r, err := st.ReadQuery(context.Background(), q, nil, 30*time.Second, 1)
	if err != nil {
		t.Fatal(err)
	}
	return r.Rows[0][0].(int64)
}

// claimsPerDocument is each document's number of claims.
func claimsPerDocument(t *testing.T, st *graph.Store) map[string]int64 {
	t.Helper()
	r, err := st.ReadQuery(context.Background(), "MATCH (d:Document) RETURN d.id, count {(d)<-[:IN]-(:Claim)}", nil, 30*time.Second, 1000000)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, row := range r.Rows {
		out[row[0].(string)] = row[1].(int64)
	}
	return out
}

// TestNeo4jKilledMidIngest SIGKILLs Neo4j while the real binary ingests
// 1,200 documents, restarts it, ingests again, and compares the graph with
// a clean ingest of the same files.
func TestNeo4jKilledMidIngest(t *testing.T) {
	const docs = 1200
	srv := neo4jtest.Server(t)
	st := neo4jtest.Empty(t)
	dir := neo4jtest.Synthetic(t, 3, docs)
	ctx := context.Background()

	cmd := bintest.Command(t, nil, "ingest", dir)
	var stderr bintest.LockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once some documents are in, well before the end.
	waitFor(ctx, 120*time.Second, func() bool {
		r, err := st.ReadQuery(ctx, "MATCH (d:Document) RETURN count(d)", nil, 5*time.Second, 1)
		return err == nil && r.Rows[0][0].(int64) >= 100
	})
	killedAt := time.Now()
	if err := srv.Kill(); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	exited := time.Since(killedAt)
	if err == nil {
		t.Fatalf("ingest exited 0 although Neo4j was killed; stderr:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "unreachable") && !strings.Contains(stderr.String(), "stopped after") {
		t.Errorf("ingest's error does not say what failed:\n%s", stderr.String())
	}

	if err := srv.Start(ctx, st.Ping); err != nil {
		t.Fatal(err)
	}
	partial := count(t, st, "MATCH (d:Document) RETURN count(d)")
	if out, err := bintest.Command(t, nil, "ingest", dir).CombinedOutput(); err != nil {
		t.Fatalf("ingest after restart: %v\n%s", err, out)
	}
	recovered, err := st.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	recoveredClaims := claimsPerDocument(t, st)
	for _, q := range []string{
		// every actor's summary edges agree with its claims (none rejected here)
		`MATCH (a:Actor)-[:MADE]->(c:Claim)-[:ABOUT]->(t:Topic) WITH a, t, c.stance AS st, count(c) AS n
		 OPTIONAL MATCH (a)-[s]->(t) WHERE type(s) = CASE st WHEN 'support' THEN 'SUPPORTS' WHEN 'oppose' THEN 'OPPOSES' ELSE 'CAUTIOUS_ON' END
		 WITH a, st, n, collect(s.claims) AS edges WHERE edges <> [n] RETURN [a.id, st, n, edges]`,
	} {
		r, err := st.ReadQuery(ctx, q, nil, 60*time.Second, 20)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range r.Rows {
			t.Errorf("after recovery: %v", row[0])
		}
	}
	orphans := count(t, st, "MATCH (c:Claim) WHERE NOT (c)-[:IN]->(:Document) RETURN count(c)")
	noActor := count(t, st, "MATCH (c:Claim) WHERE NOT (:Actor)-[:MADE]->(c) RETURN count(c)")

	if err := st.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if out, err := bintest.Command(t, nil, "ingest", dir).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	clean, err := st.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cleanClaims := claimsPerDocument(t, st)

	if !reflect.DeepEqual(recovered, clean) {
		t.Errorf("counts after recovery differ from a clean ingest:\nrecovered %v\nclean     %v", recovered, clean)
	}
	if !reflect.DeepEqual(recoveredClaims, cleanClaims) {
		t.Errorf("some document's claims differ between the recovered and the clean graph")
	}
	if orphans != 0 || noActor != 0 {
		t.Errorf("%d claims without a document, %d without an actor", orphans, noActor)
	}
	table.Record(t, fmt.Sprintf("SIGKILL of Neo4j while ingesting %d documents with the real binary", docs),
		"ingest exited non-zero naming the unreachable server; after restarting Neo4j a second ingest skipped what was committed and wrote the rest; node and relationship counts and every document's claims equal a clean ingest; no claim lacks its document or actor",
		fmt.Sprintf("%d documents committed before the kill; ingest exited %.1f s after it; %d nodes, %d claims; orphans %d",
			partial, exited.Seconds(), sum(clean.Nodes), clean.Nodes["Claim"], orphans))
}

func sum(m map[string]int64) int64 {
	var n int64
	for k, v := range m {
		if k != "Person" && k != "State" && k != "Group" { // second labels of actors
			n += v
		}
	}
	return n
}
