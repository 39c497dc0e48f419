// Package e2e drives the real explorer in headless Chromium (Debian's
// chromium package) against the real server on the real local Neo4j.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/web"
)

// hostile is an article whose quotes carry markup that must render as text.
const hostile = `Syria joined the anti-ISIS coalition on Tuesday.

"This deal is a betrayal of everything we stood for <script>window.__xss = 1</script> <img src=x onerror=window.__xss=2>," said Jane Mallory, a senior fellow at the Levant Policy Forum.
`

// dated are two articles of our own, dated, in which one (invented)
// senator changes her position: the timeline's test.
var dated = map[string]string{
	"dated-1.md":  "---\ndate: 2025-11-12\n---\n# Coalition news\n\nSenator Ola Nordmann welcomed the decision to join the anti-ISIS coalition.\n",
	"dated-2.txt": "Coalition news\n\nOSLO, Nov. 20, 2025 (Stancegraph Wire) - Senator Ola Nordmann criticised the decision to join the anti-ISIS coalition.\n",
	"other.txt":   "Coalition news\n\nSenator Kari Nordmann-Berg criticised the decision to join the anti-ISIS coalition.\n",
}

// site starts the server on loopback over the seeds plus the hostile
// article and the dated ones, and a headless Chromium; screenshots go to
// out/screenshots.
// with, if given, changes the server's options.
func site(t testing.TB, with ...func(*server.Options)) (context.Context, string, string) {
	t.Helper()
	return siteOn(t, func(st *graph.Store, extra string) { neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t), extra) }, with...)
}

// siteOn is site with the graph loaded by seed, given the folder of the
// hostile and dated articles.
func siteOn(t testing.TB, seed func(st *graph.Store, extra string), with ...func(*server.Options)) (context.Context, string, string) {
	t.Helper()
	return serve(t, serverOn(t, seed, with...))
}

// serverOn is siteOn's server, not yet serving.
func serverOn(t testing.TB, seed func(st *graph.Store, extra string), with ...func(*server.Options)) *server.Server {
	t.Helper()
	extra := t.TempDir()
	if err := os.WriteFile(filepath.Join(extra, "hostile.txt"), []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, body := range dated {
		if err := os.WriteFile(filepath.Join(extra, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := neo4jtest.Open(t)
	seed(st, extra)
	files, err := cypher.Saved()
	if err != nil {
		t.Fatal(err)
	}
	// QueryTimeout well above the product's 10 s: every test seeds a graph
	// of another size, so Neo4j plans the page's queries anew, and on a
	// busy shared machine a fresh Neo4j took 5-10 s for a plan (the
	// browser tests check the page, not Neo4j's speed; BENCHMARKS.md does).
	so := server.Options{Graph: st, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(),
		Static: web.Static(), Topic: neo4jtest.Topic.Name, QueryTimeout: 30 * time.Second, RowCap: 500, FileQueries: files}
	for _, w := range with {
		w(&so)
	}
	s, err := server.New(so)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// serve serves s on loopback and starts a headless Chromium.
func serve(t testing.TB, s *server.Server) (context.Context, string, string) {
	t.Helper()
	srv := httptest.NewServer(s.Handler()) // binds 127.0.0.1
	t.Cleanup(srv.Close)
	ctx, shots := chromium(t)
	return ctx, srv.URL, shots
}

// chromium starts a headless Debian Chromium for the test; screenshots go
// to the folder it returns, out/screenshots.
func chromium(t testing.TB) (context.Context, string) {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("Debian's chromium is needed for browser tests (scripts/deps.sh chromium installs it): %v", err)
	}
	shots := filepath.Join(neo4jtest.Root(t), "out", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	// Not t.TempDir: Chromium's helpers may still be writing as it exits,
	// and a failed removal would fail the test.
	profile, err := os.MkdirTemp("", "stancegraph-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.WindowSize(1366, 768), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(profile))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA(); _ = os.RemoveAll(profile) })
	// The first Run starts the browser; it must use the long-lived context,
	// not one of the bounded ones below, or the browser dies with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, shots
}

// run runs browser steps with a bound, so a missing element fails the
// test instead of hanging it. The bound leaves room for a few requests
// that each take most of the QueryTimeout on a busy machine.
func run(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// into is a step that runs a and, if it succeeds, keeps its value in *v,
// so that one bounded run can read several values between its steps.
func into[T any](v *T, a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := a(ctx, t)
		if err == nil {
			*v = r
		}
		return err
	})
}

// eval is a step that evaluates the JavaScript expr into *v.
func eval[T any](v *T, expr string, opts ...chromedp.EvaluateOption) chromedp.Action[chromedp.Void] {
	return into(v, chromedp.Evaluate[T](expr, opts...))
}

func shot(t testing.TB, ctx context.Context, dir, name string) {
	t.Helper()
	var png []byte
	if err := run(ctx, into(&png, chromedp.FullScreenshot(100))); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExplorerInChromium(t *testing.T) {
	ctx, base, shots := site(t)
	downloads := t.TempDir()
	var opponents, graphLabels []string
	err := run(ctx,
		chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
			_, err := cdp.Call(ctx, tab, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, EventsEnabled: new(true)})
			return err
		}),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#ask-input`),
		chromedp.SendKeys(`#ask-input`, "who opposed the deal?"),
		chromedp.Click(`#ask-form button[type="submit"]`),
		chromedp.WaitVisible(`#answer-rows .answer-row`),
		eval(&opponents, `[...document.querySelectorAll('#answer-rows .answer-row')].map(r => r.textContent)`),
		chromedp.Poll[chromedp.Void](`window.stancegraph.cy.nodes().length > 3`, chromedp.WithPollingTimeout(10*time.Second)),
		eval(&graphLabels, `window.stancegraph.cy.nodes().map(n => n.data('label'))`),
	)
	shot(t, ctx, shots, "01-who-opposed")
	if err != nil {
		t.Fatalf("ask: %v", err)
	}
	for _, want := range []string{"Turkey", "Israel", "Russia", "Iran", "Lindsey Graham", "Chris Murphy"} {
		if !slices.ContainsFunc(opponents, func(r string) bool { return strings.Contains(r, want) }) {
			t.Errorf("answer list lacks %s: %q", want, opponents)
		}
		if !slices.Contains(graphLabels, want) {
			t.Errorf("graph lacks a node for %s: %q", want, graphLabels)
		}
	}

	// Clicking Turkey opens its claims with quotes and documents.
	var quotes, docLinks []string
	err = run(ctx,
		chromedp.Click(`#answer-rows .answer-row[data-actor-id="state:tur"] button.row-details`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#panel-claims .claim .quote`),
		eval(&quotes, `[...document.querySelectorAll('#panel-claims .claim .quote')].map(q => q.textContent)`),
		eval(&docLinks, `[...document.querySelectorAll('#panel-claims .claim .doc-link')].map(a => a.getAttribute('href'))`),
	)
	shot(t, ctx, shots, "02-turkey-panel")
	if err != nil {
		t.Fatalf("open Turkey: %v", err)
	}
	if len(quotes) < 2 || !slices.ContainsFunc(quotes, func(q string) bool {
		return strings.Contains(q, "Strong Opposition") || strings.Contains(q, "cautiously welcomed")
	}) {
		t.Errorf("Turkey's quotes: %q", quotes)
	}
	if len(docLinks) == 0 || !strings.HasPrefix(docLinks[0], "/documents/") {
		t.Errorf("document links: %q", docLinks)
	}

	// A row comes with its actor's first quote; opening it reads the rest.
	var before, after int
	var label string
	syria := `#answer-rows .answer-row[data-actor-id="state:syr"]`
	err = run(ctx,
		chromedp.SetValue(`#ask-input`, "who supported the deal?"),
		chromedp.Click(`#ask-form button[type="submit"]`),
		chromedp.WaitVisible(syria+` .evidence-open button`),
		eval(&before, `document.querySelectorAll('`+syria+` .evidence-item').length`),
		into(&label, chromedp.Text(syria+` .evidence-open button`)),
		chromedp.Click(syria+` .evidence-open button`),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll('`+syria+` .evidence-item').length > 1`, chromedp.WithPollingTimeout(10*time.Second)),
		eval(&after, `document.querySelectorAll('`+syria+` .evidence-item').length`),
	)
	if err != nil {
		t.Fatalf("open Syria's quotes: %v", err)
	}
	var n int
	if _, err := fmt.Sscanf(label, "All %d quotes", &n); err != nil || before != 1 || n < 2 || after != n {
		t.Errorf("Syria's row: %d quote(s), then %q opened %d; want 1, then all of them", before, label, after)
	}

	// A saved query runs with a parameter, and its table exports as CSV.
	var cells []string
	err = run(ctx,
		chromedp.Click(`#queries .query[data-name="stance-by-kind"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#query-form input[name="kind"]`),
		chromedp.SetValue(`#query-form input[name="kind"]`, "person"),
		chromedp.Click(`#query-run`),
		chromedp.WaitVisible(`#result-table tbody tr`),
		eval(&cells, `[...document.querySelectorAll('#result-table tbody tr td:first-child')].map(td => td.textContent)`),
		chromedp.Click(`#export-csv`),
	)
	shot(t, ctx, shots, "03-saved-query")
	if err != nil {
		t.Fatalf("saved query: %v", err)
	}
	if !slices.Contains(cells, "Lindsey Graham") || slices.Contains(cells, "Turkey") {
		t.Errorf("stance-by-kind(person) rows: %q", cells)
	}
	csvFile := waitForFile(t, downloads, ".csv")
	b, err := os.ReadFile(csvFile)
	if err != nil || !strings.HasPrefix(string(b), "actor,stance,claims,documents") || !strings.Contains(string(b), "Lindsey Graham") {
		t.Errorf("exported CSV %s: %q %v", csvFile, b, err)
	}
}

func waitForFile(t *testing.T, dir, ext string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		m, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		for _, f := range m {
			if info, err := os.Stat(f); err == nil && info.Size() > 0 {
				return f
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no %s download in %s", ext, dir)
	return ""
}

// TestUntrustedTextRendersAsText opens the hostile quote in the side panel
// and on its document page: the markup shows as text and no script runs.
// TestTimelineInChromium opens a senator who changed her position: the
// panel's timeline shows her claims by publication date, welcome first.
func TestTimelineInChromium(t *testing.T) {
	ctx, base, shots := site(t)
	var items []string
	err := run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Click(`#actor-list li.actor[data-actor-id="person:ola-nordmann"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#panel .timeline-item`),
		eval(&items, `[...document.querySelectorAll('#panel .timeline-item')].map(li => li.textContent.replace(/\s+/g, ' ').trim())`),
	)
	shot(t, ctx, shots, "08-timeline")
	if err != nil {
		t.Fatalf("timeline: %v", err)
	}
	if len(items) != 2 || !strings.HasPrefix(items[0], "2025-11-12 support") || !strings.HasPrefix(items[1], "2025-11-20 oppose") {
		t.Errorf("timeline %q, want the welcome of 2025-11-12, then the criticism of 2025-11-20", items)
	}
}

// TestMergeAndSplitInChromium: an analyst says in the panel that Kari
// Nordmann-Berg is Ola Nordmann, then takes the name back off.
func TestMergeAndSplitInChromium(t *testing.T) {
	ctx, base, shots := site(t)
	var merged, split, heading string
	err := run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Click(`#actor-list li.actor[data-actor-id="person:ola-nordmann"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#panel .identity summary`),
		chromedp.Click(`#panel .identity summary`),
		chromedp.SendKeys(`#panel .merge-input`, "Kari Nordmann-Berg"),
		chromedp.Click(`#panel .merge-button`),
		chromedp.WaitVisible(`#panel .split-button[data-alias="Kari Nordmann-Berg"]`),
		into(&merged, chromedp.Text(`#panel .claims-heading`)),
	)
	shot(t, ctx, shots, "09-merged")
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	err = run(ctx,
		chromedp.Click(`#panel .identity summary`),
		chromedp.Click(`#panel .split-button[data-alias="Kari Nordmann-Berg"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#panel-heading`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#panel-heading').textContent === 'Kari Nordmann-Berg'`, chromedp.WithPollingTimeout(20*time.Second)),
		into(&heading, chromedp.Text(`#panel-heading`)),
		into(&split, chromedp.Text(`#panel .claims-heading`)),
	)
	if err != nil {
		t.Fatalf("split: %v", err)
	}
	if merged != "Claims (3)" || heading != "Kari Nordmann-Berg" || split != "Claims (1)" {
		t.Errorf("merged panel %q, then %q with %q; want Claims (3), then Kari Nordmann-Berg with Claims (1)", merged, heading, split)
	}
}

func TestUntrustedTextRendersAsText(t *testing.T) {
	ctx, base, shots := site(t)
	var xss any
	var panelText, pageText string
	var injected int
	err := run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#ask-input`),
		chromedp.SendKeys(`#ask-input`, "what did Jane Mallory say?"),
		chromedp.Click(`#ask-form button[type="submit"]`),
		chromedp.WaitVisible(`#answer-rows .answer-row`),
		chromedp.Click(`#actor-list li.actor[data-actor-id="person:jane-mallory"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#panel-claims .claim .quote`),
		into(&panelText, chromedp.Text(`#panel-claims .claim .quote`)),
		eval(&xss, `window.__xss`),
		eval(&injected, `document.querySelectorAll('#answer script, #panel script, #answer img, #panel img').length`),
	)
	shot(t, ctx, shots, "04-hostile-panel")
	if err != nil {
		t.Fatalf("panel: %v", err)
	}
	if !strings.Contains(panelText, "<script>") || !strings.Contains(panelText, "<img src=x onerror=") {
		t.Errorf("markup not shown as text in the panel: %q", panelText)
	}
	if xss != nil || injected != 0 {
		t.Fatalf("injected markup became live: __xss=%v, %d elements", xss, injected)
	}
	err = run(ctx,
		chromedp.Navigate(base+"/documents/"+documentID(t, base, "hostile.txt")),
		chromedp.WaitVisible(`mark.claim`),
		into(&pageText, chromedp.Text(`body`)),
		eval(&xss, `window.__xss`),
		eval(&injected, `document.querySelectorAll('main script, main img, article script, article img').length`),
	)
	shot(t, ctx, shots, "05-hostile-document")
	if err != nil {
		t.Fatalf("document page: %v", err)
	}
	if !strings.Contains(pageText, "<script>window.__xss = 1</script>") || xss != nil || injected != 0 {
		t.Fatalf("document page: __xss=%v, %d injected, text %q", xss, injected, pageText)
	}
}

// documentID finds the id of the document read from a file of this name.
func documentID(t *testing.T, base, name string) string {
	t.Helper()
	resp, err := http.Get(base + "/api/documents")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Documents []graph.DocumentSummary `json:"documents"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	for _, d := range list.Documents {
		if d.Name == name {
			return d.ID
		}
	}
	t.Fatalf("no document named %s in %+v", name, list.Documents)
	return ""
}

// TestTimeoutAndLogoutInChromium: with a token, a saved query that runs
// past the timeout says so in the results (504), without the outage
// banner; Log out clears the cookie and the page asks for the token again.
func TestTimeoutAndLogoutInChromium(t *testing.T) {
	const token = "e2e-t0ken-4f1d"
	ctx, base, shots := site(t, func(o *server.Options) {
		o.Token, o.QueryTimeout = token, 2*time.Second
		o.FileQueries = append(o.FileQueries, cypher.Query{Name: "slow-count", Description: "Runs past any timeout.", Source: "file",
			Params: []cypher.Param{}, Cypher: "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(*) AS n"})
	})
	var status string
	var bannerHidden, logoutVisible bool
	err := run(ctx,
		chromedp.Navigate(base+"/?token="+token),
		chromedp.WaitVisible(`#queries .query[data-name="slow-count"]`),
		chromedp.Click(`#queries .query[data-name="slow-count"]`, chromedp.NodeVisible),
		chromedp.Click(`#query-run`, chromedp.NodeVisible),
		chromedp.Poll[chromedp.Void](`document.querySelector('#results-status').textContent.includes('timed out')`, chromedp.WithPollingTimeout(20*time.Second)),
		into(&status, chromedp.Text(`#results-status`)),
		eval(&bannerHidden, `document.querySelector('#banner').hidden`),
		eval(&logoutVisible, `!document.querySelector('#logout').hidden`),
	)
	shot(t, ctx, shots, "06-query-timed-out")
	if err != nil {
		t.Fatalf("slow query: %v (status %q)", err, status)
	}
	if !bannerHidden || !logoutVisible {
		t.Errorf("banner hidden %v (want true), logout button visible %v", bannerHidden, logoutVisible)
	}
	var after int
	err = run(ctx,
		chromedp.Click(`#logout`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#token-form`),
		eval(&after, `fetch('/api/actors').then(r => r.status)`, chromedp.EvalAwaitPromise),
	)
	shot(t, ctx, shots, "07-logged-out")
	if err != nil {
		t.Fatalf("logout: %v", err)
	}
	if after != http.StatusUnauthorized {
		t.Fatalf("after logout /api/actors answered %d, want 401", after)
	}
}

// TestTopicsInChromium: with two events in the graph, the topic picker
// keeps the list, graph and panel to one, and the address keeps the topic,
// filters, open actor and question, so that the link shows the same view.
func TestTopicsInChromium(t *testing.T) {
	ctx, base, shots := siteOn(t, func(st *graph.Store, extra string) {
		neo4jtest.SeedWith(t, st, neo4jtest.BothTopics(t), neo4jtest.SeedsDir(t), neo4jtest.TarvoDir(t), extra)
	})
	tarvo := neo4jtest.TarvoTopic.ID
	actors := `[...document.querySelectorAll('#actor-list li.actor .actor-name')].map(e => e.textContent)`
	topicNodes := `window.stancegraph.cy.nodes('[type = "topic"]').map(n => n.id())`
	var options int
	var names, drawn []string
	var address, heading string
	err := run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitReady(`#filter-topic option[value="`+tarvo+`"]`),
		eval(&options, `document.querySelectorAll('#filter-topic option').length`),
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('filter-topic'); s.value = '`+tarvo+`';
			s.dispatchEvent(new Event('change', { bubbles: true })); })()`),
		chromedp.WaitVisible(`#actor-list li.actor[data-actor-id="person:kaisa-lindholm"]`),
		chromedp.Poll[chromedp.Void](`!document.querySelector('#actor-list li.actor[data-actor-id="state:tur"]')`),
		chromedp.Click(`#actor-list li.actor[data-actor-id="state:fin"] .actor-open`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#panel .timeline-item`),
		eval(&address, `location.search`),
	)
	shot(t, ctx, shots, "09-topics")
	if err != nil {
		t.Fatalf("picking a topic: %v", err)
	}
	if options != 3 {
		t.Errorf("the picker has %d options, want all topics and the two", options)
	}
	if !strings.Contains(address, "topic="+tarvo) || !strings.Contains(address, "actor=state%3Afin") {
		t.Fatalf("address %q does not keep the topic and the open actor", address)
	}

	// The link, opened afresh with a stance filter added, shows the same view.
	err = run(ctx,
		chromedp.Navigate(base+"/"+address+"&stance=support"),
		chromedp.WaitVisible(`#panel .timeline-item`),
		chromedp.WaitVisible(`#actor-list li.actor[data-actor-id="state:fin"]`),
		chromedp.Poll[chromedp.Void](`window.stancegraph.cy.nodes('[type = "topic"]').length > 0`),
		eval(&names, actors),
		eval(&drawn, topicNodes),
		into(&heading, chromedp.Text(`#panel-heading`)),
	)
	if err != nil {
		t.Fatalf("opening the link: %v", err)
	}
	if heading != "Finland" || slices.Contains(names, "Turkey") || slices.Contains(names, "Erik Dahlgren") || !slices.Equal(drawn, []string{tarvo}) {
		t.Errorf("from the link: panel %q, actors %v, topics drawn %v; want Finland, supporters of %s only", heading, names, drawn, tarvo)
	}

	// The topic's node opens its timeline: every actor's claims on it by date.
	var topicItems []string
	err = run(ctx,
		chromedp.Evaluate[chromedp.Void](`(window.stancegraph.cy.getElementById('`+tarvo+`').emit('tap'), true)`),
		chromedp.WaitVisible(`#panel .timeline-item .timeline-actor`),
		eval(&topicItems, `[...document.querySelectorAll('#panel .timeline-item')].map(li => li.textContent.replace(/\s+/g, ' ').trim())`),
	)
	shot(t, ctx, shots, "10-topic-timeline")
	if err != nil {
		t.Fatalf("the topic's timeline: %v", err)
	}
	if len(topicItems) < 2 || !strings.HasPrefix(topicItems[0], "2026-03-04") || !strings.HasPrefix(topicItems[len(topicItems)-1], "2026-03-18") ||
		!slices.ContainsFunc(topicItems, func(s string) bool { return strings.Contains(s, "Finland support") }) {
		t.Errorf("topic timeline %q, want the supporters' claims of 4 March, then 18 March", topicItems)
	}

	// A question in the address is asked on the address's topic.
	var rows []string
	err = run(ctx,
		chromedp.Navigate(base+"/?topic="+tarvo+"&q="+url.QueryEscape("who opposed it?")),
		chromedp.WaitVisible(`#answer-rows .answer-row`),
		eval(&rows, `[...document.querySelectorAll('#answer-rows .answer-row')].map(r => r.textContent)`),
	)
	if err != nil {
		t.Fatalf("question from the address: %v", err)
	}
	joined := strings.Join(rows, "\n")
	if !strings.Contains(joined, "Erik Dahlgren") || strings.Contains(joined, "Turkey") {
		t.Errorf("answer rows %q, want the Tarvo accord's opponents only", rows)
	}
}

// TestForceDirectedLayoutInChromium: the page's force-directed layout is
// fcose (registered in the bundle) and spreads the actors out.
func TestForceDirectedLayoutInChromium(t *testing.T) {
	ctx, base, shots := site(t)
	var spread float64
	err := run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Poll[chromedp.Void](`window.stancegraph && window.stancegraph.cy.nodes().length > 5`),
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('layout'); s.value = 'fcose';
			s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`),
		chromedp.Poll[chromedp.Void](`(() => { const bb = window.stancegraph.cy.nodes().boundingBox(); return bb.w > 0 && bb.h > 0; })()`),
		eval(&spread, `(() => { const ps = window.stancegraph.cy.nodes().map(n => n.position());
			return new Set(ps.map(p => Math.round(p.x) + ',' + Math.round(p.y))).size / ps.length; })()`),
	)
	shot(t, ctx, shots, "13-force-directed")
	if err != nil {
		t.Fatalf("force-directed layout: %v", err)
	}
	var errText string
	if err := run(ctx, eval(&errText, `(() => { try { window.stancegraph.cy.layout({ name: 'fcose', animate: false }).run(); return ''; }
		catch (e) { return String(e); } })()`)); err != nil || errText != "" {
		t.Fatalf("fcose is not registered in the page: %v %s", err, errText)
	}
	if spread < 0.9 {
		t.Errorf("only %.0f%% of the actors have a place of their own", spread*100)
	}
}
