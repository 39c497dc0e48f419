package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

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

// localRequest is a request as a browser on this machine sends it: to a
// loopback host.
func localRequest(method, target, body string) *http.Request {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.Host = "127.0.0.1:8080"
	return req
}

func newTestServer(t *testing.T, g Graph) http.Handler {
	t.Helper()
	s, err := New(Options{Graph: g, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Templates(), Topic: "T"})
	if err != nil {
		t.Fatal(err)
	}
	return conforming(t, s.Handler())
}

// TestHealthz: /healthz needs no token, so it says up or down and nothing
// of the cause, which can carry the server's address, its user or the
// driver's own words.
func TestHealthz(t *testing.T) {
	cause := "neo4j at bolt://neo4j:s3cret@db.internal:7687 is unreachable (dial tcp 10.1.2.3:7687: connection refused)"
	tests := []struct {
		name       string
		ping       error
		wantStatus int
	}{
		{"up", nil, http.StatusOK},
		{"neo4j unreachable", model.Errorf(model.Unavailable, "%s", cause), http.StatusServiceUnavailable},
		{"unexpected failure", errors.New(cause), http.StatusServiceUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newTestServer(t, pingFunc(func(context.Context) error { return tt.ping }))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, localRequest(http.MethodGet, "/healthz", ""))
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d (%s)", rec.Code, tt.wantStatus, rec.Body)
			}
			for _, secret := range []string{"s3cret", "db.internal", "10.1.2.3", "refused", "bolt://"} {
				if strings.Contains(rec.Body.String(), secret) {
					t.Errorf("/healthz body gives away %q: %s", secret, rec.Body)
				}
			}
			if tt.ping == nil {
				return
			}
			var body errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("error body is not JSON: %s", rec.Body)
			}
			if body.Code != model.Unavailable || body.Error == "" {
				t.Fatalf("body %+v, want code unavailable and a message", body)
			}
		})
	}
}

func TestIndexRenders(t *testing.T) {
	h := newTestServer(t, pingFunc(func(context.Context) error { return nil }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, localRequest(http.MethodGet, "/", ""))
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET / = %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// A binary built without the front-end bundle says so on the page; one
// with it does not.
func TestPageSaysWhenTheBundleIsMissing(t *testing.T) {
	for _, tt := range []struct {
		name   string
		static fstest.MapFS
		says   bool
	}{
		{"without the bundle", fstest.MapFS{"app.css": {Data: []byte("body{}")}}, true},
		{"with it", fstest.MapFS{"app.css": {Data: []byte("body{}")}, "dist/app.js": {Data: []byte("export {}")}}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(Options{Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: tt.static, Topic: "T"})
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, localRequest("GET", "/", ""))
			says := strings.Contains(rec.Body.String(), "built without its front end")
			if rec.Code != 200 || says != tt.says {
				t.Errorf("%d, says it has no bundle: %v, want %v", rec.Code, says, tt.says)
			}
		})
	}
}
