package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
)

// TestPagesInChromium: on a graph with more actors than a page, the graph
// draws the 40 with the most evidence and the list the first 100, each
// saying how many there are; "Show more" adds the next page to both.
func TestPagesInChromium(t *testing.T) {
	var store *graph.Store
	ctx, base, shots := siteOn(t, func(st *graph.Store, _ string) {
		store = st
		neo4jtest.SeedWith(t, st, nlptest.FastTopics(t, neo4jtest.Topic), neo4jtest.Synthetic(t, 3, 400))
	})
	actors := `window.stancegraph.cy.nodes('[type = "actor"]').length`
	var drawn, listed int
	var graphLine, listCount string
	err := run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#graph-more .more-line`),
		chromedp.WaitVisible(`#actor-more .more-line`),
		eval(&drawn, actors),
		eval(&listed, `document.querySelectorAll('#actor-list li.actor').length`),
		into(&graphLine, chromedp.Text(`#graph-more .more-line`)),
		into(&listCount, chromedp.Text(`#actor-count`)),
	)
	shot(t, ctx, shots, "14-graph-page")
	if err != nil {
		t.Fatal(err)
	}
	var total int
	if _, err := fmt.Sscanf(strings.ReplaceAll(listCount, ",", ""), "(100 of %d)", &total); err != nil || total <= 100 {
		t.Fatalf("actor count %q: want the first 100 of more than 100 (%v)", listCount, err)
	}
	// numbers are shown with thousands separators
	if drawn != 40 || listed != 100 || !strings.HasPrefix(strings.ReplaceAll(graphLine, ",", ""), fmt.Sprintf("Showing 40 of %d actors", total)) {
		t.Fatalf("drawn %d, listed %d, graph line %q; want 40 and 100 of %d", drawn, listed, graphLine, total)
	}
	// The document filter lists the first 200 documents and says how many
	// more there are.
	var docOptions int
	var moreDocs string
	if err := run(ctx,
		eval(&docOptions, `document.querySelectorAll('#filter-doc option:not([disabled]):not([value=""])').length`),
		eval(&moreDocs, `(document.querySelector('#filter-doc option[disabled]') || {}).textContent || ''`)); err != nil {
		t.Fatal(err)
	}
	var unlisted int
	if _, err := fmt.Sscanf(moreDocs, "… %d more documents not listed", &unlisted); err != nil || docOptions != 200 || unlisted < 100 {
		t.Errorf("document filter: %d documents, then %q; want 200, then how many more (%v)", docOptions, moreDocs, err)
	}
	// Typing in the document search narrows the filter to the documents
	// whose title, source or file name holds the text.
	const clearSearch = `(document.querySelector('#filter-doc-search').value = '') === ''`
	searches := []struct{ typed, more string }{
		{"SYNTH-00012", ""},
		{"synth-0", "… 200 more documents match: search for more words"},
		{"no such words anywhere", "No document's title, source or file name holds “no such words anywhere”"},
	}
	for _, sc := range searches {
		want, total, err := store.Documents(context.Background(), graph.DocumentFilter{Text: sc.typed, Page: graph.Page{Limit: 200}})
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]string, len(want))
		for i, d := range want {
			ids[i] = d.ID
		}
		if sc.typed == "SYNTH-00012" && total != 10 {
			t.Fatalf("the graph has %d documents named synth-00012*, want 10", total)
		}
		listed := `[...document.querySelectorAll('#filter-doc option:not([disabled]):not([value=""])')].map(o => o.value)`
		var got []string
		var more string
		var cleared bool
		err = run(ctx,
			eval(&cleared, clearSearch),
			chromedp.SendKeys(`#filter-doc-search`, sc.typed),
			chromedp.Poll[chromedp.Void](fmt.Sprintf(`JSON.stringify(%s) === JSON.stringify(%s)`, listed, jsonOf(t, ids)), chromedp.WithPollingTimeout(10*time.Second)),
			eval(&got, listed),
			eval(&more, `(document.querySelector('#filter-doc option[disabled]') || {}).textContent || ''`))
		if err != nil {
			t.Fatalf("searching the documents for %q: %v (listed %v, want %v)", sc.typed, err, got, ids)
		}
		if more != sc.more {
			t.Errorf("searching the documents for %q: then %q, want %q", sc.typed, more, sc.more)
		}
	}
	var cleared bool
	if err := run(ctx, eval(&cleared, clearSearch), chromedp.SendKeys(`#filter-doc-search`, " "),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll('#filter-doc option:not([disabled]):not([value=""])').length === 200`,
			chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("an empty search lists the first 200 again: %v", err)
	}
	// The default layout groups the actors by the stance most of their
	// claims take, left to right, each group's block clear of the next, the
	// topic above them all.
	var blocks []struct {
		Group  string  `json:"group"`
		Left   float64 `json:"left"`
		Right  float64 `json:"right"`
		Actors int     `json:"actors"`
	}
	var headings []struct {
		Group string  `json:"group"`
		Label string  `json:"label"`
		X     float64 `json:"x"`
		Y     float64 `json:"y"`
	}
	var topicY, actorsTop float64
	err = run(ctx,
		eval(&blocks, `(() => {
  const order = ['support', 'cautious', 'oppose', 'none'], by = {};
  window.stancegraph.cy.nodes('[type = "actor"]').forEach(n => {
    const claims = {};
    n.connectedEdges('[stance != ""]').forEach(e => { claims[e.data('stance')] = (claims[e.data('stance')] || 0) + e.data('claims'); });
    const g = order.reduce((best, s) => claims[s] !== undefined && (best === 'none' || claims[s] > claims[best]) ? s : best, 'none');
    const x = n.position('x');
    by[g] = by[g] ? {group: g, left: Math.min(by[g].left, x), right: Math.max(by[g].right, x), actors: by[g].actors + 1} : {group: g, left: x, right: x, actors: 1};
  });
  return order.filter(g => by[g]).map(g => by[g]);
})()`),
		eval(&headings, `window.stancegraph.cy.nodes('[type = "heading"]').map(n => ({group: n.data('group'), label: n.data('label'), x: n.position('x'), y: n.position('y')}))`),
		eval(&topicY, `window.stancegraph.cy.nodes('[type = "topic"]').position('y')`),
		eval(&actorsTop, `Math.min(...window.stancegraph.cy.nodes('[type = "actor"]').map(n => n.position('y')))`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) < 2 || topicY >= actorsTop {
		t.Fatalf("groups %+v, topic at y %v, actors from y %v: want two or more groups below the topic", blocks, topicY, actorsTop)
	}
	for i := 1; i < len(blocks); i++ {
		if blocks[i].Left <= blocks[i-1].Right {
			t.Errorf("group %s (x %v-%v) overlaps group %s (x %v-%v)", blocks[i].Group, blocks[i].Left, blocks[i].Right,
				blocks[i-1].Group, blocks[i-1].Left, blocks[i-1].Right)
		}
	}
	// Each group has a heading above its block, between it and the topic,
	// that names the group and counts its actors.
	names := map[string]string{"support": "Support", "cautious": "Cautious", "oppose": "Oppose", "none": "Affiliated only"}
	if len(headings) != len(blocks) {
		t.Errorf("%d headings %+v for %d groups", len(headings), headings, len(blocks))
	}
	for i, b := range blocks {
		if i >= len(headings) {
			break
		}
		hd := headings[i]
		want := fmt.Sprintf("%s: %d actors", names[b.Group], b.Actors)
		if b.Actors == 1 {
			want = names[b.Group] + ": 1 actor"
		}
		if hd.Group != b.Group || !strings.HasPrefix(hd.Label, want) || hd.X < b.Left || hd.X > b.Right || hd.Y <= topicY || hd.Y >= actorsTop {
			t.Errorf("heading %+v for group %s (x %v-%v, %d actors, below y %v, above y %v): want %q over its block",
				hd, b.Group, b.Left, b.Right, b.Actors, topicY, actorsTop, want)
		}
	}
	err = run(ctx,
		chromedp.Click(`#graph-more button.more`, chromedp.NodeVisible),
		chromedp.Poll[chromedp.Void](actors+` === 80`, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Click(`#actor-more button.more`, chromedp.NodeVisible),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelectorAll('#actor-list li.actor').length === %d`, min(200, total)),
			chromedp.WithPollingTimeout(20*time.Second)),
		into(&graphLine, chromedp.Text(`#graph-more`)),
	)
	if err != nil {
		t.Fatalf("show more: %v (graph line %q)", err, graphLine)
	}
	if want := fmt.Sprintf("Showing 80 of %d actors", total); total > 80 && !strings.HasPrefix(strings.ReplaceAll(graphLine, ",", ""), want) {
		t.Errorf("graph line %q, want %q", graphLine, want)
	}

	// Finding an actor far down the lists draws it with its neighbourhood
	// and opens it in the panel.
	var far struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	var heading, caption string
	var drawnIt bool
	err = run(ctx,
		eval(&far, `(() => { const li = document.querySelectorAll('#actor-list li.actor')[150];
  return {id: li.dataset.actorId, name: li.querySelector('.actor-name').textContent}; })()`),
	)
	if err != nil || far.ID == "" {
		t.Fatalf("the 151st actor: %+v %v", far, err)
	}
	err = run(ctx,
		chromedp.SetValue(chromedp.CSS(`#graph-search-input`), far.Name),
		chromedp.Click(chromedp.CSS(`#graph-search button[type="submit"]`)),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.getElementById('panel-heading').textContent === %q`, far.Name),
			chromedp.WithPollingTimeout(20*time.Second)),
		eval(&drawnIt, fmt.Sprintf(`window.stancegraph.cy.getElementById(%q).selected()`, far.ID)),
		into(&heading, chromedp.Text(`#panel-heading`)),
		into(&caption, chromedp.Text(`#graph-caption`)),
	)
	shot(t, ctx, shots, "15-find-actor")
	if err != nil {
		t.Fatalf("find %s: %v", far.Name, err)
	}
	if !drawnIt || heading != far.Name || !strings.HasPrefix(caption, far.Name) {
		t.Errorf("after finding %s: drawn and selected %v, panel %q, caption %q", far.Name, drawnIt, heading, caption)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
