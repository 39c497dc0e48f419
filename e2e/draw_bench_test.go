package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

// drawJS replaces the page's graph with n actors around one topic (plus,
// with affiliations, links between neighbours) and times, inside the page,
// adding them, laying them out and rendering the frame after. byPage draws
// them as the page draws an answer (its replace, with the layout picked
// first, untimed: the grouped layout places nodes without a simulation and
// folds thousands of stance edges into one per camp); otherwise they are
// added to Cytoscape as they are and its layout of that name runs on them.
func drawJS(n int, layout string, affiliations, byPage bool) string {
	return fmt.Sprintf(`new Promise(resolve => {
  const cy = window.stancegraph.cy;
  const n = %d, stances = ['support', 'oppose', 'cautious'], kinds = ['person', 'state', 'group'];
  const nodes = [{data: {id: 't', label: 'Topic', kind: 'topic', type: 'topic', evidence: 0, stances: []}}], edges = [];
  for (let i = 0; i < n; i++) {
    const s = stances[i %% 3];
    nodes.push({data: {id: 'a' + i, label: 'Actor ' + i, kind: kinds[i %% 3], type: 'actor', evidence: 1 + i %% 7, stances: [s]}});
    edges.push({data: {id: 'e' + i, source: 'a' + i, target: 't', type: s === 'support' ? 'SUPPORTS' : s === 'oppose' ? 'OPPOSES' : 'CAUTIOUS_ON', stance: s, claims: 1 + i %% 5, documents: 1}});
    if (%t && i > 0 && i %% 4 === 0) edges.push({data: {id: 'f' + i, source: 'a' + i, target: 'a' + (i - 1), type: 'AFFILIATED_WITH', stance: '', claims: 0, documents: 0, role: 'r'}});
  }
  const done = (t0) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  if (%t) {
    window.stancegraph.setLayout('%s');
    const t0 = performance.now();
    window.stancegraph.replace({nodes, edges});
    done(t0);
    return;
  }
  const t0 = performance.now();
  cy.elements().remove();
  cy.add([...nodes.map(d => ({group: 'nodes', ...d})), ...edges.map(d => ({group: 'edges', ...d}))]);
  const layout = cy.layout({name: '%[4]s', animate: false});
  layout.one('layoutstop', () => done(t0));
  layout.run();
})`, n, affiliations, byPage, layout)
}

// drawing times each layout drawing n actors on the real page in headless
// Chromium, reporting the mean as metric.
func drawing(b *testing.B, n int, affiliations, byPage bool, metric string, layouts ...string) {
	ctx, base, _ := site(b)
	if err := run(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(`#graph`),
		chromedp.Poll[chromedp.Void](`window.stancegraph && window.stancegraph.cy.nodes().length > 0`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.Fatal(err)
	}
	// One untimed drawing first, so that the first layout timed does not
	// also pay for warming the page's JavaScript up.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[float64](drawJS(n, layouts[0], affiliations, byPage), chromedp.EvalAwaitPromise)); err != nil {
		b.Fatal(err)
	}
	for _, layout := range layouts {
		b.Run(layout, func(b *testing.B) {
			var total float64
			for b.Loop() {
				ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](drawJS(n, layout, affiliations, byPage), chromedp.EvalAwaitPromise))
				if err != nil {
					b.Fatal(err)
				}
				total += ms
			}
			b.ReportMetric(total/float64(b.N), metric)
		})
	}
}

// BenchmarkDraw2000 is the time the browser takes to draw a 2,000-node
// graph in rings, measured in headless Chromium on the real page.
func BenchmarkDraw2000(b *testing.B) { drawing(b, 2000, true, false, "draw-ms", "concentric") }

// BenchmarkForceLayout500 lays out 500 actors with the force-directed
// layout the page uses (fcose) and, as the baseline in the same run,
// Cytoscape's built-in cose, which it replaced.
func BenchmarkForceLayout500(b *testing.B) {
	drawing(b, 500, true, false, "layout-ms", "fcose", "cose")
}

// BenchmarkDraw5000 draws 5,000 actors, as a reader asking for them all
// would, with the page's default grouped layout and, as the baseline in
// the same run, the rings it replaced as the default.
func BenchmarkDraw5000(b *testing.B) {
	drawing(b, 5000, false, true, "draw-ms", "grouped", "concentric")
}

// BenchmarkDefaultViewLarge opens the explorer on the benchmarks' large
// synthetic graph (100,000 documents by default, the one the ingest
// benchmark left) in headless Chromium, as a reader would: the time from
// navigation until the default view, the graph's first page with its
// "Showing 40 of N" line, is drawn; then a screenshot of it. The server
// warms Neo4j's plans first, as serve does before it answers: without
// that the first open timed the plans' compiling, which no reader of
// serve waits for. The first open is reported beside the mean.
func BenchmarkDefaultViewLarge(b *testing.B) {
	s := serverOn(b, func(*graph.Store, string) { neo4jtest.LargeGraph(b) })
	if _, failed := s.Warm(context.Background()); len(failed) > 0 {
		b.Fatalf("warm-up reads failed: %v", failed)
	}
	ctx, base, shots := serve(b, s)
	drawn := `window.stancegraph && window.stancegraph.cy.nodes('[type = "actor"]').length > 0 && document.querySelector('#graph-more .more-line') !== null`
	var total, first float64
	var actors int
	var line string
	for b.Loop() {
		var ms float64
		if err := run(ctx, chromedp.Navigate(base+"/"),
			chromedp.Poll[chromedp.Void](drawn, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(25*time.Second)),
			eval(&ms, `performance.now()`),
			eval(&actors, `window.stancegraph.cy.nodes('[type = "actor"]').length`),
			into(&line, chromedp.Text(`#graph-more .more-line`))); err != nil {
			b.Fatal(err)
		}
		if first == 0 {
			first = ms
		}
		total += ms
	}
	if actors != 40 || !strings.Contains(line, "Showing 40 of") {
		b.Fatalf("default view: %d actors drawn, %q", actors, line)
	}
	b.ReportMetric(total/float64(b.N), "open-ms")
	b.ReportMetric(first, "first-open-ms")
	shot(b, ctx, shots, "16-default-view-large")
}
