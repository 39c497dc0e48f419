package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/fetch"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

// stories are five article pages the team wrote, each with a date and a
// stance on the tests' topic.
var stories = []struct{ slug, title, date, body string }{
	{"jordan", "Jordan hails the coalition decision", "2026-02-02",
		"Jordan's foreign minister welcomed the decision to join the coalition, calling it overdue and good for the region."},
	{"turkey", "Ankara voices objections", "2026-02-03",
		"Turkey opposed the move, saying the coalition still armed fighters it regards as a threat to its border."},
	{"egypt", "Cairo backs the move", "2026-02-04",
		"Egypt said it supported the coalition membership and offered to share intelligence with the new partner."},
	{"iran", "Tehran rejects the step", "2026-02-05",
		"Iran rejected the step, calling the coalition an instrument of foreign interference."},
	{"france", "Paris urges caution", "2026-02-06",
		"France said it would support the coalition membership only if the new partner met strict conditions on prisoners."},
}

// articlePage is a story inside a news site's menus and footer.
func articlePage(title, date, body string) string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>` + title + ` - Bay Courier</title>` +
		`<meta property="article:published_time" content="` + date + `T07:00:00Z"></head><body>` +
		`<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>` +
		`<article><h1>` + title + `</h1><p>` + body + `</p>` +
		`<p>Diplomats from several capitals met on the same day to discuss the timetable, and more talks are planned for next month.</p>` +
		`<p>The decision follows months of negotiation between the governments involved and their partners abroad.</p></article>` +
		`<footer>Subscribe to the Bay Courier newsletter. All rights reserved.</footer></body></html>`
}

func rss(base string, paths []string, titles []string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bay Courier: World</title><link>` + base + `/</link>`)
	for i, p := range paths {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s%s</link></item>`, titles[i], base, p)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// newsSite serves a feed of the five stories and the stories; it counts
// the requests for each path.
type newsSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newNewsSite(t *testing.T, extra map[string]http.HandlerFunc) *newsSite {
	s := &newsSite{hits: map[string]int{}}
	mux := http.NewServeMux()
	var paths, titles []string
	for _, st := range stories {
		p := "/world/" + st.slug
		paths, titles = append(paths, p), append(titles, st.title)
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, articlePage(st.title, st.date, st.body))
		})
	}
	for p, h := range extra {
		paths, titles = append(paths, p), append(titles, "Item at "+p)
		mux.HandleFunc(p, h)
	}
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss(s.URL, paths, titles))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) pageHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, c := range s.hits {
		if p != "/rss.xml" {
			n += c
		}
	}
	return n
}

func webOptions(t *testing.T, st ingest.Store, feeds ...string) ingest.Options {
	o := options(t, st)
	o.Feeds = feeds
	o.Fetcher = fetch.New(fetch.Options{UserAgent: "stancegraph-test", Timeout: 2 * time.Second, MaxBytes: o.MaxBytes, MaxRedirects: 3}, feeds...)
	return o
}

// The must-show: a local RSS feed of five article pages gives five
// documents with their titles, dates and URLs; a second run fetches no
// page and writes nothing.
func TestFeedOfFivePages(t *testing.T) {
	st := &countingStore{Store: neo4jtest.Empty(t)}
	site := newNewsSite(t, nil)
	feed := site.URL + "/rss.xml"
	sum, err := ingest.Run(context.Background(), webOptions(t, st, feed), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 5 || sum.Failed != 0 || sum.Claims == 0 {
		t.Fatalf("summary %+v", sum)
	}
	rows := query(t, st.Store, `MATCH (d:Document) RETURN d.title, toString(d.published), d.source, d.url, d.text ORDER BY d.published`, nil)
	if len(rows) != 5 {
		t.Fatalf("%d documents", len(rows))
	}
	for i, r := range rows {
		want := stories[i]
		addr := site.URL + "/world/" + want.slug
		if r[0] != want.title || r[1] != want.date || r[2] != addr || r[3] != addr {
			t.Errorf("document %d: title %v, published %v, source %v, url %v; want %q, %s, %s", i, r[0], r[1], r[2], r[3], want.title, want.date, addr)
		}
		text := r[4].(string)
		if !strings.Contains(text, want.body) || strings.Contains(text, "Subscribe") || strings.Contains(text, "Sport") {
			t.Errorf("document %d text is not the story alone:\n%s", i, text)
		}
	}
	if n := query(t, st.Store, `MATCH (a:Actor {name: 'Turkey'})-[:OPPOSES]->(:Topic) RETURN count(*)`, nil)[0][0].(int64); n != 1 {
		t.Errorf("Turkey's opposition from the fetched page: %d edges", n)
	}

	hits, writes := site.pageHits(), st.writes
	again, err := ingest.Run(context.Background(), webOptions(t, st, feed), nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Seen != 5 || again.Documents != 0 || again.Failed != 0 {
		t.Errorf("second run %+v", again)
	}
	if st.writes != writes || site.pageHits() != hits {
		t.Errorf("second run wrote %d documents and fetched %d pages", st.writes-writes, site.pageHits()-hits)
	}
}

// Each hostile item of a feed fails on its own, naming its URL and why;
// the good items are written and nothing of the bad ones is.
func TestHostileFeedItems(t *testing.T) {
	st := neo4jtest.Empty(t)
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articlePage("Private service", "2026-02-09", stories[1].body))
	}))
	defer elsewhere.Close()
	site := newNewsSite(t, map[string]http.HandlerFunc{
		"/endless": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><article><p>"+stories[1].body)
			for r.Context().Err() == nil {
				if _, err := fmt.Fprint(w, " and so on"); err != nil {
					return
				}
			}
		},
		"/gigabyte": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Length", fmt.Sprint(1<<30))
			fmt.Fprint(w, articlePage("Huge", "2026-02-09", stories[1].body))
		},
		"/redirect": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, elsewhere.URL+"/", http.StatusFound)
		},
		"/photo": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/jpeg")
			w.Write([]byte{0xff, 0xd8, 0xff})
		},
	})
	sum, err := ingest.Run(context.Background(), webOptions(t, st, site.URL+"/rss.xml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 5 || sum.Failed != 4 {
		t.Fatalf("summary %+v", sum)
	}
	reasons := map[string]string{
		"/endless":  "over the 1048576-byte cap",
		"/gigabyte": "1073741824 bytes is over the 1048576-byte cap",
		"/redirect": "is a loopback address that was not given on the command line: refused",
		"/photo":    "content type image/jpeg is not an article page",
	}
	for _, f := range sum.Failures {
		path := strings.TrimPrefix(f.File, site.URL)
		if !strings.Contains(f.Err.Error(), f.File+": ") || !strings.Contains(f.Err.Error(), reasons[path]) {
			t.Errorf("failure for %s: %v; want its URL and %q", path, f.Err, reasons[path])
		}
	}
	if n := query(t, st, `MATCH (d:Document) WHERE NOT d.source CONTAINS '/world/' RETURN count(d)`, nil)[0][0].(int64); n != 0 {
		t.Errorf("%d documents written for hostile items", n)
	}
	if n := query(t, st, `MATCH (c:Claim) WHERE NOT (c)-[:IN]->(:Document) RETURN count(c)`, nil)[0][0].(int64); n != 0 {
		t.Errorf("%d claims without a document", n)
	}
	if n := query(t, st, `MATCH (a:Actor {name: 'Turkey'})-[r:OPPOSES]->(:Topic) RETURN r.claims`, nil); len(n) != 1 || n[0][0].(int64) != 1 {
		t.Errorf("Turkey's opposition counted %v: the hostile pages repeat its sentence and must not count", n)
	}
}
