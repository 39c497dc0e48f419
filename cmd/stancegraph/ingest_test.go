package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

// TestIngestFromTheWeb: a feed and a page given on the command line are
// read, a second run fetches nothing, a feed that cannot be read fails
// naming its URL, and the document page links to where the text came from.
func TestIngestFromTheWeb(t *testing.T) {
	st := neo4jtest.Empty(t)
	useTestNeo4j(t)
	t.Setenv("STANCEGRAPH_NLP_PARSER", "fast")
	t.Setenv("STANCEGRAPH_FETCH_DELAY", "0s")
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id><updated>2026-04-01T00:00:00Z</updated>
<entry><title>Chile backs the coalition</title><id>urn:w:1</id><link href="%s/chile"/><updated>2026-04-01T00:00:00Z</updated></entry>
<entry><title>Peru stays out</title><id>urn:w:2</id><link href="/peru"/><updated>2026-04-02T00:00:00Z</updated></entry></feed>`, srv.URL)
		case "/chile", "/peru", "/norway":
			w.Header().Set("Content-Type", "text/html")
			name := strings.ToUpper(r.URL.Path[1:2]) + r.URL.Path[2:]
			fmt.Fprintf(w, `<html><body><nav><a href="/">Front page</a></nav><article><h1>%[1]s and the coalition</h1>
<p>%[1]s said on Monday that it supported the coalition and would send advisers in the spring.</p>
<p>The announcement came after a week of talks between the foreign ministers of the region.</p></article></body></html>`, name)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	code, out, errOut := runCLI(t, "ingest", "--feed", srv.URL+"/feed", srv.URL+"/norway")
	if code != 0 || !strings.Contains(out, "ingested 3 documents") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "ingest", "--feed", srv.URL+"/feed", srv.URL+"/norway")
	if code != 0 || !strings.Contains(out, "ingested 0 documents") || !strings.Contains(out, "3 already seen") {
		t.Fatalf("second run: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "ingest", "--feed", srv.URL+"/missing")
	if code != 1 || !strings.Contains(errOut, srv.URL+"/missing: HTTP 404") {
		t.Fatalf("a missing feed: exit %d\n%s", code, errOut)
	}
	r, err := st.ReadQuery(t.Context(), `MATCH (d:Document {url: $u}) RETURN d.id, d.title`, map[string]any{"u": srv.URL + "/peru"}, 30*time.Second, 1)
	if err != nil || len(r.Rows) != 1 || r.Rows[0][1] != "Peru stays out" {
		t.Fatalf("the feed's second item: %v %v", r, err)
	}
	page := string(apiGet(t, st, "/documents/"+r.Rows[0][0].(string)))
	link := regexp.MustCompile(`<a class="source-link" href="([^"]+)" rel="noopener noreferrer nofollow">([^<]+)</a>`).FindStringSubmatch(page)
	if link == nil || link[1] != srv.URL+"/peru" || link[2] != srv.URL+"/peru" {
		t.Errorf("document page's source link: %v", link)
	}
	if code, out, errOut := runCLI(t, "documents", "rm", srv.URL+"/peru"); code != 0 || !strings.Contains(out, "removed 1 of 1") {
		t.Errorf("documents rm URL: exit %d %q %q", code, out, errOut)
	}
}

// TestIngestBulkLoadsTheLocalServer: with ingest.bulk_from reached, the
// first ingest into the local server's empty database goes through
// neo4j-admin's import and says so; an ingest of fewer articles, or into
// a graph that is no longer empty, writes transactions; and a server
// stancegraph does not run (neo4j.uri set) is never stopped for a bulk
// load.
func TestIngestBulkLoadsTheLocalServer(t *testing.T) {
	st := neo4jtest.Empty(t)
	srv := neo4jtest.Server(t)
	t.Setenv("STANCEGRAPH_NLP_PARSER", "fast")
	t.Setenv("STANCEGRAPH_INGEST_BULK_FROM", "3") // the seeds are 5 articles, the Tarvo folder 2
	seeds, tarvo := neo4jtest.SeedsDir(t), neo4jtest.TarvoDir(t)
	articles := filepath.Join(neo4jtest.Root(t), "examples", "articles")
	local := func() {
		t.Setenv("STANCEGRAPH_NEO4J_URI", "")
		t.Setenv("STANCEGRAPH_LOCAL_HOME", srv.Home)
		t.Setenv("STANCEGRAPH_LOCAL_PORT", fmt.Sprint(srv.Port))
		t.Setenv("STANCEGRAPH_LOCAL_HTTP_PORT", fmt.Sprint(srv.HTTPPort))
		t.Setenv("STANCEGRAPH_LOCAL_HEAP", srv.Heap)
		t.Setenv("STANCEGRAPH_LOCAL_PAGECACHE", srv.PageCache)
	}
	for _, step := range []struct {
		name      string
		setup     func()
		path      string
		bulk      bool
		thenEmpty bool // the graph is emptied after the step
	}{
		{"a server of its own", func() { useTestNeo4j(t) }, seeds, false, true},
		{"fewer articles than bulk_from", local, tarvo, false, true},
		{"a first load", func() {}, seeds, true, false},
		{"a graph no longer empty", func() {}, articles, false, false},
	} {
		step.setup()
		code, out, errOut := runCLI(t, "ingest", step.path)
		if code != 0 || strings.Contains(out, "(bulk load)") != step.bulk || strings.Contains(out, "ingested 0 documents") {
			t.Fatalf("%s: want bulk %v: exit %d\n%s%s", step.name, step.bulk, code, out, errOut)
		}
		if step.thenEmpty {
			if err := st.DeleteAll(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
	}
	r, err := st.ReadQuery(t.Context(), `MATCH (d:Document) WITH count(d) AS docs
MATCH (a:Actor)-[:OPPOSES]->(:Topic) RETURN docs, count(a)`, nil, 30*time.Second, 1)
	if err != nil || len(r.Rows) != 1 || r.Rows[0][0].(int64) < 6 || r.Rows[0][1].(int64) == 0 {
		t.Fatalf("the bulk-loaded seeds and the articles after: %v %v", r, err)
	}
}
