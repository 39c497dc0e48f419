package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/neo4jlocal"
)

// TestNeo4jBrowserOnLoopback: the local server serves Neo4j Browser, from
// its jar on Maven Central, on a loopback port; the page loads in
// Chromium and offers to connect over Bolt.
func TestNeo4jBrowserOnLoopback(t *testing.T) {
	neo4jtest.Open(t)
	page := neo4jtest.Server(t).BrowserURL()
	if !strings.HasPrefix(page, "http://127.0.0.1:") {
		t.Fatalf("Neo4j Browser at %q, want a loopback address", page)
	}
	ctx, shots := chromium(t)
	var title, text string
	err := run(ctx,
		chromedp.Navigate(page),
		chromedp.Poll[chromedp.Void](`document.title.includes('Neo4j') && document.body.innerText.includes('Connect')`),
		into(&title, chromedp.Title()),
		eval(&text, `document.body.innerText`),
	)
	shot(t, ctx, shots, "11-neo4j-browser")
	if err != nil {
		t.Fatalf("Neo4j Browser at %s: %v", page, err)
	}
	if !strings.Contains(text, "neo4j") {
		t.Errorf("page %q shows no Bolt connection form:\n%.500s", title, text)
	}

	// With the password stancegraph generated, it connects and runs Cypher
	// on the same data.
	neo4jtest.Seed(t, neo4jtest.Open(t), neo4jtest.SeedsDir(t))
	err = run(ctx,
		chromedp.SendKeys(`input[data-testid="username"]`, neo4jlocal.User),
		chromedp.SendKeys(`input[data-testid="password"]`, neo4jtest.Password(t)),
		chromedp.Click(`button[data-testid="connect"]`),
		chromedp.Poll[chromedp.Void](`document.body.innerText.includes('You are connected as user')`),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('.monaco-editor textarea').focus()`),
		chromedp.KeyEvent("MATCH (a:Actor)-[r:OPPOSES]->(t:Topic) RETURN a, r, t"),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`svg .node`),
	)
	shot(t, ctx, shots, "12-neo4j-browser-graph")
	if err != nil {
		t.Fatalf("connecting Neo4j Browser and drawing the opponents: %v", err)
	}
}
