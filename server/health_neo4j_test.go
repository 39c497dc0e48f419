package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

// TestHealthzFollowsRealNeo4j stops the real local Neo4j under a running
// handler and starts it again: /healthz must go 200 -> 503 -> 200 with the
// same store, i.e. without restarting stancegraph.
func TestHealthzFollowsRealNeo4j(t *testing.T) {
	st := neo4jtest.Open(t)
	srv := neo4jtest.Server(t)
	h := newTestServer(t, st)
	ctx := context.Background()
	get := func() (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, localRequest(http.MethodGet, "/healthz", ""))
		return rec.Code, rec.Body.String()
	}
	if code, body := get(); code != http.StatusOK {
		t.Fatalf("with Neo4j up: %d %s", code, body)
	}
	if err := srv.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Start(ctx, st.Ping) }) // leave it up for later tests even on failure
	code, body := get()
	if code != http.StatusServiceUnavailable {
		t.Fatalf("with Neo4j stopped: %d %s", code, body)
	}
	var e errorBody
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("503 body is not JSON: %s", body)
	}
	if !strings.Contains(e.Error, "unreachable") || !strings.Contains(e.Error, srv.URI()) {
		t.Fatalf("503 error does not name the cause: %q", e.Error)
	}
	if err := srv.Start(ctx, st.Ping); err != nil {
		t.Fatal(err)
	}
	if code, body := get(); code != http.StatusOK {
		t.Fatalf("after Neo4j came back: %d %s", code, body)
	}
}
