package server

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/web"
)

// TestWarmOnTheSeeds: on the real Neo4j, every warm-up read answers 200 and
// every warm question is understood and answered with rows, so the
// warm-up plans the queries real requests run rather than failing early.
func TestWarmOnTheSeeds(t *testing.T) {
	h, st := seededServer(t)
	ctx := context.Background()
	top, _, err := st.Actors(ctx, graph.ActorFilter{Page: graph.Page{Limit: 1}})
	if err != nil || len(top) != 1 {
		t.Fatalf("top actor: %v %v", top, err)
	}
	for _, p := range warmPaths(&top[0]) {
		if !strings.HasPrefix(p, "/api/ask") {
			getJSON(t, h, p, &map[string]any{})
			continue
		}
		var a struct {
			Understood bool             `json:"understood"`
			Rows       []map[string]any `json:"rows"`
		}
		getJSON(t, h, p, &a)
		if !a.Understood || len(a.Rows) == 0 {
			t.Errorf("%s: understood %v, %d rows", p, a.Understood, len(a.Rows))
		}
	}
	s, err := New(Options{Graph: st, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Static(),
		Topic: "T", QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if sent, failed := s.Warm(ctx); sent != len(warmPaths(&top[0])) || len(failed) > 0 {
		t.Errorf("warm-up sent %d reads of %d; failed: %v", sent, len(warmPaths(&top[0])), failed)
	}
}
