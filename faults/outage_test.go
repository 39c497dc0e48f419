package faults

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/web"
)

// TestNeo4jRestartedUnderLoad stops Neo4j under a steady load on the
// server: requests during the outage must answer 503 within the timeout
// (or 504, a question the restarting server took but did not answer in
// time), the server must recover without a restart, and its goroutines and
// heap must come back to where they were.
func TestNeo4jRestartedUnderLoad(t *testing.T) {
	const timeout = 3 * time.Second
	srv := neo4jtest.Server(t)
	st := neo4jtest.Open(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	s, err := server.New(server.Options{Graph: st, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(),
		Static: web.Static(), QueryTimeout: timeout, RowCap: 100})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	client := &http.Client{Timeout: 3 * timeout}

	paths := []string{"/api/actors", "/healthz", "/api/graph?stance=oppose", "/api/ask?q=who+opposed+the+deal"}
	var phase atomic.Int32 // 0 before, 1 outage, 2 after
	type tally struct{ ok, unavailable, timedOut, other, slow int }
	var mu sync.Mutex
	tallies := [3]tally{}
	var worst [3]time.Duration
	var strays []string // what answered other than 200 outside the outage, to name the route
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				p := phase.Load()
				t0 := time.Now()
				resp, err := client.Get(hs.URL + paths[(i+n)%len(paths)])
				d := time.Since(t0)
				if phase.Load() == 1 {
					p = 1 // it overlapped the stop: an outage request, whenever it began
				}
				mu.Lock()
				tl := &tallies[p]
				worst[p] = max(worst[p], d)
				switch {
				case err != nil:
					tl.other++
				case resp.StatusCode == http.StatusOK:
					tl.ok++
				case resp.StatusCode == http.StatusServiceUnavailable:
					tl.unavailable++
				case resp.StatusCode == http.StatusGatewayTimeout:
					tl.timedOut++
				default:
					tl.other++
				}
				if p != 1 && (err != nil || resp.StatusCode != http.StatusOK) {
					strays = append(strays, fmt.Sprintf("phase %d %s after %s: %s", p, paths[(i+n)%len(paths)], d.Round(time.Millisecond), statusOrErr(resp, err)))
				}
				if d > timeout+time.Second {
					tl.slow++
				}
				mu.Unlock()
				if resp != nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}
	time.Sleep(3 * time.Second)
	g0, h0 := stats()

	phase.Store(1)
	ctx := context.Background()
	if err := srv.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Second)
	if err := srv.Start(ctx, st.Ping); err != nil {
		t.Fatal(err)
	}
	// Recovered once every route answers, not just the first to reconnect.
	recovered := waitFor(ctx, 60*time.Second, func() bool {
		for _, p := range paths {
			resp, err := client.Get(hs.URL + p)
			if err != nil {
				return false
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return false
			}
		}
		return true
	})
	phase.Store(2)
	time.Sleep(3 * time.Second)
	close(stop)
	wg.Wait()
	client.CloseIdleConnections()
	time.Sleep(time.Second)
	g1, h1 := stats()

	mu.Lock()
	defer mu.Unlock()
	if !recovered {
		t.Fatal("the server did not recover after Neo4j came back")
	}
	out := tallies[1]
	if out.unavailable == 0 || out.other > 0 || out.slow > 0 {
		t.Errorf("during the outage: %+v (want only 200/503/504, none slower than %s)", out, timeout+time.Second)
	}
	if tallies[0].other+tallies[0].unavailable+tallies[0].timedOut > 0 || tallies[2].other+tallies[2].unavailable+tallies[2].timedOut > 0 {
		t.Errorf("errors outside the outage: before %+v after %+v: %v", tallies[0], tallies[2], strays)
	}
	if g1 > g0+10 {
		t.Errorf("goroutines %d before the outage, %d after", g0, g1)
	}
	if h1 > 2*h0+(16<<20) {
		t.Errorf("heap %d MB before the outage, %d MB after", h0>>20, h1>>20)
	}
	table.Record(t, "Neo4j stopped for 5 s and restarted under a steady load of 8 clients",
		"requests during the outage answered 503 within the timeout (no hangs), or 504 for a question the restarting server took but did not answer in time; the server recovered without a restart; goroutines and heap returned to their level",
		fmt.Sprintf("before: %d ok; outage: %d × 503, %d × 504, %d ok, slowest %s; after: %d ok; goroutines %d -> %d; heap %.1f -> %.1f MB",
			tallies[0].ok, out.unavailable, out.timedOut, out.ok, worst[1].Round(time.Millisecond), tallies[2].ok, g0, g1,
			float64(h0)/(1<<20), float64(h1)/(1<<20)))
}

// statusOrErr says what a failed request got: the transport error, or the
// status and the start of the body (which holds the server's reason). It
// reads the body, which the caller then drains.
func statusOrErr(resp *http.Response, err error) string {
	if err != nil {
		return err.Error()
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
	return fmt.Sprintf("%d %s", resp.StatusCode, body)
}

// stats is the process's goroutines and live heap after a collection.
func stats() (int, uint64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}
