package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/web"
)

// fakeGraph is a fake of the server's own Graph interface: methods a test
// does not set panic through the nil embedded interface.
type fakeGraph struct {
	graphAPI // named apart from Graph's own Graph method
	ping     func(context.Context) error
}

type graphAPI = Graph

func (f fakeGraph) Ping(ctx context.Context) error { return f.ping(ctx) }

func pingFunc(f func(context.Context) error) fakeGraph { return fakeGraph{ping: f} }

func newTestServer(t *testing.T, g Graph) http.Handler {
	t.Helper()
	s, err := New(Options{Graph: g, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Templates(), Topic: "T"})
	if err != nil {
		t.Fatal(err)
	}
	return s.Handler()
}

func TestHealthz(t *testing.T) {
	tests := []struct {
		name       string
		ping       error
		wantStatus int
		wantCode   model.Code
	}{
		{"up", nil, http.StatusOK, ""},
		{"neo4j unreachable", model.Errorf(model.Unavailable, "neo4j at bolt://x is unreachable (connection refused)"),
			http.StatusServiceUnavailable, model.Unavailable},
		{"unexpected failure", io.ErrUnexpectedEOF, http.StatusInternalServerError, model.Internal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newTestServer(t, pingFunc(func(context.Context) error { return tt.ping }))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d (%s)", rec.Code, tt.wantStatus, rec.Body)
			}
			if tt.wantCode == "" {
				return
			}
			var body errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("error body is not JSON: %s", rec.Body)
			}
			if body.Code != tt.wantCode || body.Error == "" {
				t.Fatalf("body %+v, want code %s and a message", body, tt.wantCode)
			}
		})
	}
}

func TestIndexRenders(t *testing.T) {
	h := newTestServer(t, pingFunc(func(context.Context) error { return nil }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET / = %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
}
