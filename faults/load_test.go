package faults

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/bintest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

// loadSeconds is 60 by default; STANCEGRAPH_LOAD_SECONDS shortens a local run.
func loadSeconds(t *testing.T) int {
	if s := os.Getenv("STANCEGRAPH_LOAD_SECONDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("STANCEGRAPH_LOAD_SECONDS=%q", s)
		}
		return n
	}
	return 60
}

// TestLoad drives the real binary with 64 concurrent connections over a
// mix of routes for 60 seconds (loopback only, bounded in time): no 5xx,
// resident memory stable.
func TestLoad(t *testing.T) {
	const conns = 64
	st := neo4jtest.Open(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	s := bintest.Serve(t)
	pid := s.Cmd.Process.Pid
	routes := []struct{ method, path, body string }{
		{"GET", "/api/ask?q=who+opposed+the+deal%3F", ""},
		{"GET", "/api/ask?q=what+did+Turkey+say", ""},
		{"GET", "/api/actors", ""},
		{"GET", "/api/actors/state:tur", ""},
		{"GET", "/api/graph?stance=oppose", ""},
		{"GET", "/api/documents", ""},
		{"GET", "/api/disagreements", ""},
		{"GET", "/api/queries", ""},
		{"POST", "/api/queries/stance-by-kind/run", `{"params": {"kind": "state"}}`},
		{"POST", "/api/cypher", `{"query": "MATCH (a:Actor) RETURN a.name LIMIT 20"}`},
		{"GET", "/", ""},
		{"GET", "/healthz", ""},
	}
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()

	type result struct {
		status int
		d      time.Duration
	}
	var mu sync.Mutex
	var results []result
	var rss []int64
	deadline := time.Now().Add(time.Duration(loadSeconds(t)) * time.Second)
	warm := time.Now().Add(5 * time.Second)
	var rssWarm int64
	var wg sync.WaitGroup
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := i; time.Now().Before(deadline); n++ {
				r := routes[n%len(routes)]
				req, _ := http.NewRequest(r.method, s.Base+r.path, strings.NewReader(r.body))
				req.Header.Set("Content-Type", "application/json")
				t0 := time.Now()
				resp, err := client.Do(req)
				res := result{d: time.Since(t0)}
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					res.status = resp.StatusCode
				}
				mu.Lock()
				results = append(results, res)
				mu.Unlock()
			}
		}()
	}
	for time.Now().Before(deadline) {
		time.Sleep(time.Second)
		kb := rssKB(t, pid)
		mu.Lock()
		rss = append(rss, kb)
		if rssWarm == 0 && time.Now().After(warm) {
			rssWarm = kb
		}
		mu.Unlock()
	}
	wg.Wait()

	byStatus := map[int]int{}
	lat := make([]time.Duration, 0, len(results))
	for _, r := range results {
		byStatus[r.status]++
		lat = append(lat, r.d)
	}
	slices.Sort(lat)
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	five := 0
	for code, n := range byStatus {
		if code >= 500 || code == 0 {
			five += n
		}
	}
	rssEnd, rssMax := rss[len(rss)-1], slices.Max(rss)
	if five > 0 {
		t.Errorf("%d requests failed with 5xx or no answer: %v\nserver stderr:\n%s", five, byStatus, s.Stderr.String())
	}
	if rssWarm > 0 && rssEnd > rssWarm*3/2+50*1024 {
		t.Errorf("RSS grew from %d MB after warm-up to %d MB at the end", rssWarm/1024, rssEnd/1024)
	}
	table.Record(t, fmt.Sprintf("%d s of load at %d concurrent connections over %d routes (real binary, loopback)", loadSeconds(t), conns, len(routes)),
		"no 5xx; resident memory stable after warm-up",
		fmt.Sprintf("%d requests (%.0f/s), statuses %v, p50 %s, p99 %s; RSS %d MB after warm-up, %d MB at the end, %d MB at most",
			len(results), float64(len(results))/float64(loadSeconds(t)), byStatus, p50.Round(time.Millisecond),
			p99.Round(time.Millisecond), rssWarm/1024, rssEnd/1024, rssMax/1024))
}
