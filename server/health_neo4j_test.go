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
// same store, i.e. without restarting stancegraph. Its 503 gives nothing
// away; the API's, behind the token, names the cause.
func TestHealthzFollowsRealNeo4j(t *testing.T) {
	st := neo4jtest.Open(t)
	srv := neo4jtest.Server(t)
	h := newTestServer(t, st)
	ctx := context.Background()
	get := func(target string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, localRequest(http.MethodGet, target, ""))
		return rec.Code, rec.Body.String()
	}
	if code, body := get("/healthz"); code != http.StatusOK {
		t.Fatalf("with Neo4j up: %d %s", code, body)
	}
	if err := srv.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Start(ctx, st.Ping) }) // leave it up for later tests even on failure
	code, body := get("/healthz")
	if code != http.StatusServiceUnavailable {
		t.Fatalf("with Neo4j stopped: %d %s", code, body)
	}
	var e errorBody
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Code != "unavailable" {
		t.Fatalf("503 body: %s", body)
	}
	if strings.Contains(body, srv.URI()) || strings.Contains(body, "refused") {
		t.Fatalf("/healthz gives the cause away: %s", body)
	}
	code, body = get("/api/actors")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "unreachable") || !strings.Contains(body, srv.URI()) {
		t.Fatalf("the API's 503 does not name the cause: %d %s", code, body)
	}
	if err := srv.Start(ctx, st.Ping); err != nil {
		t.Fatal(err)
	}
	if code, body := get("/healthz"); code != http.StatusOK {
		t.Fatalf("after Neo4j came back: %d %s", code, body)
	}
}
