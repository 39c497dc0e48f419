package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/web"
)

// heldActors is a graph whose actor lists of the sizes it holds report
// that they started, then wait for their size's release. They hold on past
// their request's time, so that a page waiting for the turn times out
// first. A list of panicSize panics.
type heldActors struct {
	graphAPI
	started chan int
	release map[int]chan struct{}
}

func (heldActors) CheckTopic(context.Context, string) error { return nil }

const panicSize = 999

func (h heldActors) Actors(_ context.Context, f graph.ActorFilter) ([]graph.Actor, int, error) {
	if f.Page.Limit == panicSize {
		panic("a handler's bug")
	}
	if release, held := h.release[f.Page.Limit]; held {
		h.started <- f.Page.Limit
		<-release
	}
	return []graph.Actor{}, 0, nil
}

// TestLargePagesTakeTurns: with one turn, a large page waits while
// another is built and answers 429 with Retry-After when its time runs
// out; a page of the default size does not wait, nor a question that
// cannot be asked; the turn comes back when the first is done, and when a
// handler panics.
func TestLargePagesTakeTurns(t *testing.T) {
	g := heldActors{started: make(chan int, 8), release: map[int]chan struct{}{5000: make(chan struct{}, 2), 200: make(chan struct{}, 1)}}
	s, err := New(Options{Graph: g, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Templates(),
		Topic: "T", QueryTimeout: 300 * time.Millisecond, LargePages: 1})
	if err != nil {
		t.Fatal(err)
	}
	h := conforming(t, s.Handler())
	get := func(target string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, localRequest(http.MethodGet, target, ""))
		return rec
	}
	inBackground := func(target string) chan *httptest.ResponseRecorder {
		out := make(chan *httptest.ResponseRecorder, 1)
		go func() { out <- get(target) }()
		return out
	}
	wait := func(what string, started int) {
		t.Helper()
		select {
		case n := <-g.started:
			if n != started {
				t.Fatalf("%s: a page of %d started, want %d", what, n, started)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s did not start", what)
		}
	}
	answer := func(what string, rec chan *httptest.ResponseRecorder) {
		t.Helper()
		select {
		case r := <-rec:
			if r.Code != http.StatusOK {
				t.Errorf("%s: %d %s", what, r.Code, r.Body)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s did not answer", what)
		}
	}

	first := inBackground("/api/actors?limit=5000")
	wait("the first large page", 5000)
	for _, target := range []string{"/api/actors?limit=201", "/api/actors?format=csv"} {
		rec := get(target)
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), `"code":"busy"`) {
			t.Errorf("%s while a large page is built: %d, Retry-After %q, %s; want 429 busy with Retry-After", target, rec.Code,
				rec.Header().Get("Retry-After"), rec.Body)
		}
	}

	if rec := get("/api/ask?q=+&limit=5000"); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "parameter q") {
		t.Errorf("an empty question for a large page while one is built: %d %s, want 400 at once", rec.Code, rec.Body)
	}

	small := inBackground("/api/actors?limit=200")
	wait("a page of 200 while a large one is built", 200)
	g.release[200] <- struct{}{}
	answer("a page of 200 while a large one is built", small)
	g.release[5000] <- struct{}{}
	answer("the first large page", first)

	if rec := get(fmt.Sprintf("/api/actors?limit=%d", panicSize)); rec.Code != http.StatusInternalServerError {
		t.Fatalf("a large page whose handler panics: %d %s", rec.Code, rec.Body)
	}
	next := inBackground("/api/actors?limit=5000")
	wait("a large page after the first and the one that panicked", 5000)
	g.release[5000] <- struct{}{}
	answer("a large page after the first", next)
}
