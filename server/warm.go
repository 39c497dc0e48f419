package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/graph"
)

// warmFor bounds the warm-up: past it, a read not yet warmed is planned
// when first asked for, as it would be without one.
const warmFor = 30 * time.Second

// warmPaths are the reads the explorer's first page makes, the page of
// the actor top (nil in an empty graph) and its quotes as an opened answer
// row reads them, a question of each common kind, those about one actor
// asked of top, so they hold for any graph, and the disagreements report.
func warmPaths(top *graph.Actor) []string {
	paths := []string{"/api/topics", "/api/documents", "/api/actors", "/api/graph", "/api/queries"}
	questions := []string{"who opposed it?", "what did %s say?", "who is %s?", "which documents mention %s?"}
	for _, q := range questions {
		if strings.Contains(q, "%s") {
			if top == nil {
				continue
			}
			q = fmt.Sprintf(q, top.Name)
		}
		paths = append(paths, "/api/ask?q="+url.QueryEscape(q))
	}
	if top != nil {
		paths = append(paths, "/api/actors/"+url.PathEscape(top.ID), "/api/actors/"+url.PathEscape(top.ID)+"/evidence?stance=oppose",
			"/api/graph/neighbourhood/"+url.PathEscape(top.ID))
	}
	return append(paths, "/api/disagreements")
}

// Warm sends, one at a time through the server's own routes, the reads the
// explorer's first page and its commonest questions make, so that Neo4j
// has planned their queries before the first burst of requests. Neo4j
// plans each distinct query once, but a dozen planned at the same time on
// a cold server and two cores took over 5 s and timed requests out (64
// connections, faults.TestLoad); one after another they take 1-10 s in all
// (on the seeds and on 100,000 documents) and no request waits behind
// them. It never fails: with Neo4j down, or past warmFor, a read not
// warmed is planned when first asked for. It returns how many reads it
// sent and those that failed.
func (s *Server) Warm(ctx context.Context) (sent int, failed []string) {
	ctx, cancel := context.WithTimeout(ctx, warmFor)
	defer cancel()
	if err := s.Graph.Ping(ctx); err != nil {
		s.log.Info("query plans not warmed: neo4j is not reachable yet", "err", err)
		return 0, nil
	}
	start := time.Now()
	var top *graph.Actor
	if actors, _, err := s.Graph.Actors(ctx, graph.ActorFilter{Page: graph.Page{Limit: 1}}); err == nil && len(actors) == 1 {
		top = &actors[0]
	}
	h := s.Handler()
	for _, p := range warmPaths(top) {
		if ctx.Err() != nil {
			break
		}
		req := httptest.NewRequestWithContext(ctx, http.MethodGet, p, nil)
		req.Host = "127.0.0.1"
		if s.Token != "" {
			req.Header.Set("Authorization", "Bearer "+s.Token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		sent++
		if rec.Code != http.StatusOK {
			failed = append(failed, p)
			s.log.Warn("warm-up read failed", "path", p, "status", rec.Code)
		}
	}
	s.log.Info("query plans warmed", "reads", sent, "failed", len(failed), "dur", time.Since(start).Round(time.Millisecond))
	return sent, failed
}
