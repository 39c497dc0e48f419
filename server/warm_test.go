package server

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/web"
)

// readLog is a fake graph of one actor that records the reads it is asked
// for.
type readLog struct {
	fakeGraph
	top   graph.Actor
	mu    sync.Mutex
	reads []string
}

func (r *readLog) note(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reads = append(r.reads, s)
}

func (r *readLog) Actors(context.Context, graph.ActorFilter) ([]graph.Actor, int, error) {
	r.note("actors")
	return []graph.Actor{r.top}, 1, nil
}
func (r *readLog) Actor(_ context.Context, id, _ string, _ graph.Page) (graph.ActorDetail, error) {
	r.note("actor " + id)
	return graph.ActorDetail{Actor: r.top}, nil
}
func (r *readLog) Topics(context.Context) ([]graph.TopicSummary, error) {
	r.note("topics")
	return nil, nil
}
func (r *readLog) TopicNames(context.Context) ([]model.Topic, error) { return nil, nil }
func (r *readLog) CheckTopic(context.Context, string) error          { return nil }
func (r *readLog) Documents(context.Context, graph.DocumentFilter) ([]graph.DocumentSummary, int, error) {
	r.note("documents")
	return nil, 0, nil
}
func (r *readLog) Graph(context.Context, graph.ActorFilter) (graph.Subgraph, error) {
	r.note("graph")
	return graph.Subgraph{}, nil
}
func (r *readLog) Neighbourhood(_ context.Context, id, _ string) (graph.Subgraph, error) {
	r.note("neighbourhood " + id)
	return graph.Subgraph{}, nil
}
func (r *readLog) Disagreements(context.Context, string, graph.Page) ([]graph.Disagreement, int, error) {
	r.note("disagreements")
	return nil, 0, nil
}
func (r *readLog) SavedQueries(context.Context) ([]cypher.Query, error) {
	r.note("saved queries")
	return nil, nil
}
func (r *readLog) ResolveActor(_ context.Context, name string) (string, bool, error) {
	return r.top.ID, name == r.top.Name, nil
}
func (r *readLog) ReadPage(context.Context, string, map[string]any, time.Duration, int, graph.Page) (graph.Rows, int, error) {
	r.note("question")
	return graph.Rows{}, 0, nil
}
func (r *readLog) Evidence(context.Context, []string, string, string, int) ([]graph.Quote, error) {
	return nil, nil
}
func (r *readLog) Quotes(_ context.Context, id, _, _ string, _ graph.Page) (graph.QuotePage, error) {
	r.note("evidence " + id)
	return graph.QuotePage{Quotes: []graph.Quote{}}, nil
}

// ReadTogether notes that the reads inside share one transaction and runs
// fn: the fake has no transactions.
func (r *readLog) ReadTogether(ctx context.Context, _ time.Duration, fn func(context.Context) error) error {
	r.note("together")
	return fn(ctx)
}
func (r *readLog) Subgraph(context.Context, []string, string) (graph.Subgraph, error) {
	return graph.Subgraph{}, nil
}
func (r *readLog) DocumentCount(context.Context) (int64, error) { return 0, nil }

// TestWarmReadsTheFirstPageAndTheQuestions: the warm-up sends every read
// of the explorer's first page, the top actor's page and neighbourhood and
// one question of each common kind (each question's reads in one
// transaction), through the routes (past the token), and none when Neo4j
// is down.
func TestWarmReadsTheFirstPageAndTheQuestions(t *testing.T) {
	all := []string{"actors", "topics", "documents", "actors", "graph", "saved queries",
		"together", "question", "together", "question", "together", "question", "together", "question", "actor state:tur", "evidence state:tur", "neighbourhood state:tur", "disagreements"}
	tests := []struct {
		name      string
		token     string
		down      bool
		wantReads []string
	}{
		{"open", "", false, all},
		{"with a token", "s3cret", false, all},
		{"neo4j down", "", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &readLog{top: graph.Actor{ID: "state:tur", Name: "Turkey", Kind: model.State}}
			g.ping = func(context.Context) error {
				if tt.down {
					return errors.New("connection refused")
				}
				return nil
			}
			s, err := New(Options{Graph: g, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Templates(),
				Topic: "T", Token: tt.token})
			if err != nil {
				t.Fatal(err)
			}
			sent, failed := s.Warm(context.Background())
			if len(failed) > 0 {
				t.Errorf("reads that did not answer 200: %v", failed)
			}
			if want := len(warmPaths(&g.top)); !tt.down && sent != want {
				t.Errorf("sent %d reads, want %d", sent, want)
			}
			if !slices.Equal(g.reads, tt.wantReads) {
				t.Errorf("reads\n got %v\nwant %v", g.reads, tt.wantReads)
			}
		})
	}
}
