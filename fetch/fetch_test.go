package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/fetch"
	"github.com/stancegraph/stancegraph/model"
)

// options are small enough for tests: a short timeout, a 64 KiB cap and
// no pause between requests unless a test sets one.
func options() fetch.Options {
	return fetch.Options{UserAgent: "stancegraph-test/1", Timeout: 2 * time.Second, MaxBytes: 64 << 10, MaxRedirects: 3}
}

// newsPage is an article page as news sites serve them: the story inside
// a site's menus, a list of other stories and a footer.
func newsPage(title, date string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title + ` | The Harbour Courier</title>`)
	if date != "" {
		b.WriteString(`<meta property="article:published_time" content="` + date + `T08:30:00Z">`)
	}
	b.WriteString(`</head><body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>` +
		`<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>` +
		`<main><article><h1>` + title + `</h1><p class="byline">By Ines Marlow</p>`)
	for _, p := range paragraphs {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</article><aside><h2>Most read</h2><ul><li><a href="/a">Ferry timetable changes for winter</a></li>` +
		`<li><a href="/b">Local bakery wins regional prize</a></li><li><a href="/c">Storm warning for the coast</a></li></ul></aside></main>` +
		`<footer><p>Subscribe to our newsletter for the morning briefing.</p><p>© The Harbour Courier. All rights reserved.</p></footer></body></html>`)
	return b.String()
}

var story = []string{
	"The port authority of Velmora signed the harbour accord with its two neighbours on Tuesday, ending a decade of quarrels over fishing rights and shipping lanes.",
	"Mayor Anja Korhonen welcomed the accord, saying it would protect jobs on both sides of the bay and bring the three towns closer together.",
	"The fishermen's union said it opposed the accord because the new quotas were drawn up without consulting the crews who work the grounds every day.",
	"Officials expect the first joint patrols to begin in the spring, once each town council has approved the budget for them.",
}

func TestPageKeepsTheStoryAndDropsTheSite(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, newsPage("Three towns sign the harbour accord", "2026-03-10", story...))
	}))
	defer srv.Close()
	p, err := fetch.New(options(), srv.URL).Page(context.Background(), srv.URL+"/world/harbour-accord#comments")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Three towns sign the harbour accord" {
		t.Errorf("title %q", p.Title)
	}
	if p.Published != "2026-03-10" {
		t.Errorf("published %q", p.Published)
	}
	if p.URL != srv.URL+"/world/harbour-accord" {
		t.Errorf("URL %q: want the page's address without its fragment", p.URL)
	}
	page := string(p.HTML)
	for _, want := range []string{"<h1>Three towns sign the harbour accord</h1>", "Mayor Anja Korhonen welcomed the accord", "joint patrols"} {
		if !strings.Contains(page, want) {
			t.Errorf("the article lacks %q:\n%s", want, page)
		}
	}
	for _, boiler := range []string{"Weather", "Most read", "Local bakery", "Subscribe to our newsletter", "All rights reserved"} {
		if strings.Contains(page, boiler) {
			t.Errorf("boilerplate %q kept:\n%s", boiler, page)
		}
	}
}

// A page in windows-1252, as its Content-Type header says, arrives in
// UTF-8 with its curly quotes and accents.
func TestPageInTheCharsetItsHeaderDeclares(t *testing.T) {
	para := "Councillor Ren\xe9e Aubert called the accord \x93a fair bargain for every crew\x94 and urged the council to approve it."
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		fmt.Fprint(w, strings.Replace(newsPage("Council debates the accord", "", append([]string{para}, story...)...), `<meta charset="utf-8">`, "", 1))
	}))
	defer srv.Close()
	p, err := fetch.New(options(), srv.URL).Page(context.Background(), srv.URL+"/council")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Councillor Renée Aubert called the accord “a fair bargain for every crew”"; !strings.Contains(string(p.HTML), want) {
		t.Errorf("want %q in\n%s", want, p.HTML)
	}
}

func TestFeedListsItsItems(t *testing.T) {
	rss := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Courier: World</title><link>http://example.invalid/</link>
<item><title>Three towns sign the harbour accord</title><link>/world/harbour-accord</link><pubDate>Tue, 10 Mar 2026 08:30:00 GMT</pubDate></item>
<item><title>Union objects to new quotas</title><link>https://courier.example.org/world/quotas#top</link></item>
<item><title>An item with no link</title></item>
</channel></rss>`
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Bay Gazette</title><id>urn:bay</id><updated>2026-03-12T10:00:00Z</updated>
<entry><title>Patrols to begin in spring</title><id>urn:bay:1</id><link href="patrols"/><updated>2026-03-12T10:00:00Z</updated></entry>
</feed>`
	var accept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		accept = r.Header.Get("Accept")
		if r.URL.Path == "/atom/" {
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprint(w, atom)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, rss)
	}))
	defer srv.Close()
	c := fetch.New(options(), srv.URL)
	f, problems, err := c.Feed(context.Background(), srv.URL+"/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := []fetch.Item{
		{Title: "Three towns sign the harbour accord", URL: srv.URL + "/world/harbour-accord", Published: "2026-03-10"},
		{Title: "Union objects to new quotas", URL: "https://courier.example.org/world/quotas"},
	}
	if f.Title != "Harbour Courier: World" || fmt.Sprint(f.Items) != fmt.Sprint(want) {
		t.Errorf("feed %q items %+v, want %+v", f.Title, f.Items, want)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), `item 3 ("An item with no link") has no usable link`) {
		t.Errorf("problems %v", problems)
	}
	if !strings.HasPrefix(accept, "application/rss+xml, application/atom+xml") {
		t.Errorf("Accept header for a feed: %q", accept)
	}
	f, _, err = c.Feed(context.Background(), srv.URL+"/atom/")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 1 || f.Items[0].URL != srv.URL+"/atom/patrols" || f.Items[0].Published != "2026-03-12" {
		t.Errorf("atom items %+v", f.Items)
	}
}

// Hostile or broken servers end in one clear error naming the URL, and
// the client reads no more of a body than the cap allows.
func TestHostileServers(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, newsPage("Internal page", "", story...))
	}))
	defer other.Close()
	var sent atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>and on and on</p>", 200))
		for r.Context().Err() == nil {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/gigabyte", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(1<<30))
		chunk := make([]byte, 1<<16)
		for range (1 << 30) / len(chunk) {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for r.Context().Err() == nil {
			if _, err := w.Write([]byte("<p>")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			time.Sleep(50 * time.Millisecond)
		}
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte{0x7f, 'E', 'L', 'F', 0, 1, 2, 3})
	})
	mux.HandleFunc("/to-other-port", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/admin", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusFound)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	mux.HandleFunc("/feed-is-html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, newsPage("Not a feed", "", story...))
	})
	mux.HandleFunc("/broken-feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss><channel><item><title>cut off")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := fetch.New(options(), srv.URL)

	tests := []struct {
		path, feed string
		code       model.Code
		want       string
	}{
		{path: "/endless", code: model.TooLarge, want: "over the 65536-byte cap"},
		{path: "/gigabyte", code: model.TooLarge, want: "1073741824 bytes is over the 65536-byte cap (ingest.max_bytes); not read"},
		{path: "/trickle", code: model.Invalid, want: "no complete answer within 2s (fetch.timeout)"},
		{path: "/image", code: model.Invalid, want: "content type image/png is not an article page"},
		{path: "/binary", code: model.Invalid, want: "without a content type and is not HTML"},
		{path: "/to-other-port", code: model.Invalid, want: strings.TrimPrefix(other.URL, "http://") + " (127.0.0.1) is a loopback address that was not given on the command line: refused"},
		{path: "/loop", code: model.Invalid, want: "stopped after 3 redirects"},
		{path: "/to-file", code: model.Invalid, want: "redirect to a file: address refused"},
		{path: "/gone", code: model.Invalid, want: "HTTP 410 Gone"},
		{feed: "/feed-is-html", code: model.Invalid, want: "content type text/html is not a feed"},
		{feed: "/broken-feed", code: model.Invalid, want: "not a feed"},
	}
	for _, tc := range tests {
		t.Run(tc.path+tc.feed, func(t *testing.T) {
			sent.Store(0)
			var err error
			if tc.feed != "" {
				_, _, err = c.Feed(context.Background(), srv.URL+tc.feed)
			} else {
				_, err = c.Page(context.Background(), srv.URL+tc.path)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), srv.URL+tc.path+tc.feed+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q: want the URL and %q", err, tc.want)
			}
			if got := model.ErrorCode(err); got != tc.code {
				t.Errorf("code %s, want %s", got, tc.code)
			}
		})
	}
	// The cap stops reading: what the server managed to send is the cap
	// plus what sat in the connection's buffers, nowhere near a gigabyte.
	sent.Store(0)
	if _, err := c.Page(context.Background(), srv.URL+"/endless"); err == nil {
		t.Fatal("endless body read")
	}
	time.Sleep(100 * time.Millisecond)
	if n := sent.Load(); n > 16<<20 {
		t.Errorf("the server sent %d bytes before the client hung up", n)
	}
}

// A page or feed on loopback or a private network is fetched only at a
// host and port the user named.
func TestLoopbackOnlyWhereNamed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, newsPage("Local", "", story...))
	}))
	defer srv.Close()
	_, err := fetch.New(options(), "http://127.0.0.1:1/feed").Page(context.Background(), srv.URL+"/")
	if err == nil || !strings.Contains(err.Error(), "loopback address that was not given on the command line") {
		t.Errorf("unnamed loopback port fetched: %v", err)
	}
	localhost := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	if _, err := fetch.New(options(), srv.URL).Page(context.Background(), localhost+"/"); err == nil {
		t.Error("a loopback page fetched under another name than the one given")
	}
	if _, err := fetch.New(options(), localhost).Page(context.Background(), localhost+"/"); err != nil {
		t.Errorf("the named host refused: %v", err)
	}
}

// Politeness: one request at a time to a host, the pause between them,
// and the User-Agent on every request.
func TestOneRequestAtATimePerHost(t *testing.T) {
	var mu sync.Mutex
	var inFlight, most int
	var starts []time.Time
	agents, accepts := map[string]bool{}, map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		starts = append(starts, time.Now())
		agents[r.UserAgent()] = true
		accepts[r.Header.Get("Accept")] = true
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, newsPage("Story "+r.URL.Path, "", story...))
		mu.Lock()
		inFlight--
		mu.Unlock()
	}))
	defer srv.Close()
	o := options()
	o.Delay = 30 * time.Millisecond
	c := fetch.New(o, srv.URL)
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			if _, err := c.Page(context.Background(), fmt.Sprintf("%s/story/%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if most != 1 {
		t.Errorf("%d requests at once to one host", most)
	}
	// Each request starts at least the delay after the previous one ended,
	// so after the previous one started plus the handler's 20 ms.
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < o.Delay {
			t.Errorf("request %d began %s after the one before, under the %s delay", i, gap, o.Delay)
		}
	}
	if len(agents) != 1 || !agents["stancegraph-test/1"] {
		t.Errorf("User-Agents sent: %v", agents)
	}
	if len(accepts) != 1 || !accepts["text/html, application/xhtml+xml;q=0.9"] {
		t.Errorf("Accept headers sent for pages: %v", accepts)
	}
}

func TestOnlyWebAddresses(t *testing.T) {
	for _, raw := range []string{"file:///etc/passwd", "ftp://example.org/x", "http://", "javascript:alert(1)"} {
		if _, err := fetch.Parse(raw); err == nil {
			t.Errorf("%q accepted", raw)
		}
	}
	if u, err := fetch.Parse(" https://news.example.org/a#b "); err != nil || u.String() != "https://news.example.org/a" {
		t.Errorf("got %v, %v", u, err)
	}
}
