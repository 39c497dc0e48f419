package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/model"
)

// TestCheckQueryOnRealPlans has the real Neo4j plan each query; the guard
// lets reads of the graph through and refuses the rest, saying why.
func TestCheckQueryOnRealPlans(t *testing.T) {
	st := neo4jtest.Open(t)
	tests := []struct {
		query string
		want  string // "" allowed, else a part of the reason
	}{
		{"MATCH (a:Actor) RETURN a.name LIMIT 3", ""},
		{"MATCH (a:Actor {kind: $kind}) RETURN a.name", ""},
		{"CALL db.labels()", ""},
		{"CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType", ""},
		{"CALL db.propertyKeys()", ""},
		{"CALL db.schema.visualization()", ""},
		{"CALL db.index.fulltext.queryNodes('actor_names', 'Turkey') YIELD node RETURN node.name", ""},
		{"USE neo4j MATCH (n) RETURN count(n)", ""},
		{"CYPHER runtime=slotted MATCH (n) RETURN count(n)", ""},
		{"CREATE (:Pwned)", "writes"},
		{"MATCH (n) DETACH DELETE n", "writes"},
		{"MATCH (a:Actor) SET a.name = 'x'", "writes"},
		{"MERGE (:Pwned {x: 1})", "writes"},
		{"LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS r RETURN r", "LOAD CSV"},
		{"LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", "LOAD CSV"},
		{"LOAD CSV FROM $url AS r RETURN r", "LOAD CSV"},
		{"MATCH (a:Actor) WITH a LIMIT 1 LOAD CSV FROM 'http://127.0.0.1:9/' + a.name AS r RETURN r", "LOAD CSV"},
		{"SHOW TRANSACTIONS", "SHOW TRANSACTIONS"},
		{"TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE TRANSACTIONS"},
		{"SHOW SETTINGS", "SHOW SETTINGS"},
		{"SHOW PROCEDURES", "SHOW PROCEDURES"},
		{"SHOW INDEXES", "SHOW INDEXES"},
		{"CALL dbms.queryJmx('*:*')", "dbms.queryJmx"},
		{"CALL db.clearQueryCaches()", "db.clearQueryCaches"},
		{"CALL dbms.components()", "dbms.components"},
		{"CALL db.labels() YIELD label CALL dbms.queryJmx('*:*') YIELD name RETURN label, name", "dbms.queryJmx"},
		{"SHOW USERS", "administration"},
		{"CREATE USER mallory SET PASSWORD 'secret-secret'", "administration"},
		{"SHOW DATABASES", "administration"},
		{"USE system CALL dbms.components()", `database "system"`},
		{"CREATE INDEX pwned IF NOT EXISTS FOR (n:Pwned) ON (n.x)", "schema"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			err := st.CheckQuery(context.Background(), tt.query, map[string]any{"kind": "state", "url": "http://127.0.0.1:9/"})
			if tt.want == "" {
				if err != nil {
					t.Fatalf("a read was refused: %v", err)
				}
				return
			}
			if model.ErrorCode(err) != model.Forbidden || !strings.Contains(model.ErrorMessage(err), tt.want) {
				t.Fatalf("got %v (%s), want forbidden with %q", err, model.ErrorCode(err), tt.want)
			}
		})
	}
	// Text Neo4j cannot plan is invalid, with Neo4j's reason.
	if err := st.CheckQuery(context.Background(), "MATCH (n RETURN n", nil); model.ErrorCode(err) != model.Invalid {
		t.Fatalf("a syntax error: %v (%s)", err, model.ErrorCode(err))
	}
}

func TestUserQueryCapsRowsAndBytes(t *testing.T) {
	st := neo4jtest.Open(t)
	ctx := context.Background()
	q := "UNWIND range(1, 500) AS i RETURN i, '" + strings.Repeat("x", 100) + "' AS pad"
	rows, err := st.UserQuery(ctx, q, nil, graph.Limits{Timeout: 10 * time.Second, Rows: 1000, Bytes: 10000})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rows.Rows)
	if !rows.Truncated || len(rows.Rows) == 0 || len(rows.Rows) >= 500 || len(b) > 10000 {
		t.Fatalf("byte cap: %d rows, %d bytes, truncated %v", len(rows.Rows), len(b), rows.Truncated)
	}
	rows, err = st.UserQuery(ctx, q, nil, graph.Limits{Timeout: 10 * time.Second, Rows: 7, Bytes: 1 << 20})
	if err != nil || !rows.Truncated || len(rows.Rows) != 7 {
		t.Fatalf("row cap: %v, %d rows, truncated %v", err, len(rows.Rows), rows.Truncated)
	}
	rows, err = st.UserQuery(ctx, "RETURN 1 AS one", nil, graph.Limits{Timeout: 10 * time.Second, Rows: 7, Bytes: 1 << 20})
	if err != nil || rows.Truncated || len(rows.Rows) != 1 {
		t.Fatalf("small result: %v %+v", err, rows)
	}
}

func TestSlowQueryTimesOut(t *testing.T) {
	st := neo4jtest.Open(t)
	slow := "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(*)"
	_, err := st.UserQuery(context.Background(), slow, nil, graph.Limits{Timeout: time.Second, Rows: 10, Bytes: 1 << 20})
	if model.ErrorCode(err) != model.Timeout || !strings.Contains(model.ErrorMessage(err), "query timed out") {
		t.Fatalf("got %v (%s), want a timeout", err, model.ErrorCode(err))
	}
	// The server is fine afterwards.
	if err := st.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestSaveQueryCollisionsAndCap(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	q := cypher.Query{Name: "mine", Cypher: "RETURN 1", Params: []cypher.Param{}}
	if err := st.SaveQuery(ctx, q, false, 3); err != nil {
		t.Fatal(err)
	}
	q.Cypher = "RETURN 2"
	if err := st.SaveQuery(ctx, q, false, 3); model.ErrorCode(err) != model.Conflict || !strings.Contains(err.Error(), "overwrite") {
		t.Fatalf("same name without overwrite: %v", err)
	}
	if err := st.SaveQuery(ctx, q, true, 3); err != nil {
		t.Fatalf("overwrite: %v", err)
	}
	saved, err := st.SavedQueries(ctx)
	if err != nil || len(saved) != 1 || saved[0].Cypher != "RETURN 2" {
		t.Fatalf("after overwrite: %v %+v", err, saved)
	}
	for _, name := range []string{"two", "three"} {
		if err := st.SaveQuery(ctx, cypher.Query{Name: name, Cypher: "RETURN 1"}, false, 3); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveQuery(ctx, cypher.Query{Name: "four", Cypher: "RETURN 1"}, false, 3); model.ErrorCode(err) != model.Conflict {
		t.Fatalf("past the cap: %v", err)
	}
	// Replacing one at the cap is still allowed.
	if err := st.SaveQuery(ctx, cypher.Query{Name: "three", Cypher: "RETURN 3"}, true, 3); err != nil {
		t.Fatalf("overwrite at the cap: %v", err)
	}
}

// A request's time budget can run out in any read, not only a user's
// Cypher: while Neo4j still answers, that is a timeout (504), never the
// "unavailable" that tells the page the database is down.
func TestSpentBudgetIsATimeoutNotAnOutage(t *testing.T) {
	st := neo4jtest.Open(t)
	reads := []struct {
		name string
		run  func(context.Context) error
	}{
		{"subgraph", func(ctx context.Context) error { _, err := st.Subgraph(ctx, []string{"x"}, ""); return err }},
		{"actors", func(ctx context.Context) error { _, _, err := st.Actors(ctx, graph.ActorFilter{}); return err }},
		{"evidence", func(ctx context.Context) error {
			_, err := st.Evidence(ctx, []string{"x"}, "oppose", "", 1)
			return err
		}},
		{"quotes", func(ctx context.Context) error { _, err := st.Quotes(ctx, "x", "oppose", "", graph.Page{}); return err }},
		{"reads together", func(ctx context.Context) error {
			return st.ReadTogether(ctx, time.Second, func(ctx context.Context) error {
				_, err := st.Subgraph(ctx, []string{"x"}, "")
				return err
			})
		}},
		{"read query", func(ctx context.Context) error {
			_, err := st.ReadQuery(ctx, "RETURN 1", nil, time.Second, 10)
			return err
		}},
	}
	for _, r := range reads {
		t.Run(r.name, func(t *testing.T) {
			ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Millisecond))
			defer cancel()
			err := r.run(ctx)
			if model.ErrorCode(err) != model.Timeout || !strings.Contains(model.ErrorMessage(err), "query timed out") {
				t.Fatalf("got %v (%s), want a timeout", err, model.ErrorCode(err))
			}
		})
	}
}
