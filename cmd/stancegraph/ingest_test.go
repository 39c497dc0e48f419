package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
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
