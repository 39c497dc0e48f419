package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// drawJS replaces the page's graph with n actors around one topic (plus
// affiliations between neighbours) and times, inside the page, adding
// them, laying them out with the named layout and rendering the next
// frame.
const drawJS = `new Promise(resolve => {
  const cy = window.stancegraph.cy;
  const n = %d, stances = ['support', 'oppose', 'cautious'], kinds = ['person', 'state', 'group'];
  const els = [{group: 'nodes', data: {id: 't', label: 'Topic', kind: 'topic', type: 'topic', evidence: 0, stances: []}}];
  for (let i = 0; i < n; i++) {
    const s = stances[i %% 3];
    els.push({group: 'nodes', data: {id: 'a' + i, label: 'Actor ' + i, kind: kinds[i %% 3], type: 'actor', evidence: 1 + i %% 7, stances: [s]}});
    els.push({group: 'edges', data: {id: 'e' + i, source: 'a' + i, target: 't', type: s === 'support' ? 'SUPPORTS' : s === 'oppose' ? 'OPPOSES' : 'CAUTIOUS_ON', stance: s, claims: 1 + i %% 5, documents: 1}});
    if (i > 0 && i %% 4 === 0) els.push({group: 'edges', data: {id: 'f' + i, source: 'a' + i, target: 'a' + (i - 1), type: 'AFFILIATED_WITH', stance: '', claims: 0, documents: 0, role: 'r'}});
  }
  const t0 = performance.now();
  cy.elements().remove();
  cy.add(els);
  const layout = cy.layout({name: '%s', animate: false});
  layout.one('layoutstop', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))));
  layout.run();
})`

// BenchmarkDraw2000 is the time the browser takes to draw a 2,000-node
// graph, measured in headless Chromium on the real page.
func BenchmarkDraw2000(b *testing.B) {
	ctx, base, _ := site(b)
	if err := run(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(`#graph`),
		chromedp.Poll[chromedp.Void](`window.stancegraph && window.stancegraph.cy.nodes().length > 0`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.Fatal(err)
	}
	var total float64
	for b.Loop() {
		var ms float64
		if err := run(ctx, eval(&ms, fmt.Sprintf(drawJS, 2000, "concentric"), chromedp.EvalAwaitPromise)); err != nil {
			b.Fatal(err)
		}
		total += ms
	}
	b.ReportMetric(total/float64(b.N), "draw-ms")
}

// BenchmarkForceLayout500 lays out 500 actors with the force-directed
// layout the page uses (fcose) and, as the baseline in the same run,
// Cytoscape's built-in cose, which it replaced.
func BenchmarkForceLayout500(b *testing.B) {
	ctx, base, _ := site(b)
	if err := run(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(`#graph`),
		chromedp.Poll[chromedp.Void](`window.stancegraph && window.stancegraph.cy.nodes().length > 0`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.Fatal(err)
	}
	for _, layout := range []string{"fcose", "cose"} {
		b.Run(layout, func(b *testing.B) {
			var total float64
			for b.Loop() {
				ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(drawJS, 500, layout), chromedp.EvalAwaitPromise))
				if err != nil {
					b.Fatal(err)
				}
				total += ms
			}
			b.ReportMetric(total/float64(b.N), "layout-ms")
		})
	}
}

// drawPageJS is drawJS laid out by the page's own layouts (setLayout):
// the grouped layout, the default, places nodes by stance group without
// a simulation.
const drawPageJS = `new Promise(resolve => {
  const cy = window.stancegraph.cy;
  const n = %d, stances = ['support', 'oppose', 'cautious'], kinds = ['person', 'state', 'group'];
  const els = [{group: 'nodes', data: {id: 't', label: 'Topic', kind: 'topic', type: 'topic', evidence: 0, stances: []}}];
  for (let i = 0; i < n; i++) {
    const s = stances[i %% 3];
    els.push({group: 'nodes', data: {id: 'a' + i, label: 'Actor ' + i, kind: kinds[i %% 3], type: 'actor', evidence: 1 + i %% 7, stances: [s]}});
    els.push({group: 'edges', data: {id: 'e' + i, source: 'a' + i, target: 't', type: s === 'support' ? 'SUPPORTS' : s === 'oppose' ? 'OPPOSES' : 'CAUTIOUS_ON', stance: s, claims: 1 + i %% 5, documents: 1}});
  }
  const t0 = performance.now();
  cy.elements().remove();
  cy.add(els);
  window.stancegraph.setLayout('%s');
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
})`

// BenchmarkDraw5000 draws 5,000 actors, as a reader asking for them all
// would, with the page's default grouped layout and, as the baseline in
// the same run, the rings it replaced as the default.
func BenchmarkDraw5000(b *testing.B) {
	ctx, base, _ := site(b)
	if err := run(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(`#graph`),
		chromedp.Poll[chromedp.Void](`window.stancegraph && window.stancegraph.cy.nodes().length > 0`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.Fatal(err)
	}
	for _, layout := range []string{"grouped", "concentric"} {
		b.Run(layout, func(b *testing.B) {
			var total float64
			for b.Loop() {
				ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(drawPageJS, 5000, layout), chromedp.EvalAwaitPromise))
				if err != nil {
					b.Fatal(err)
				}
				total += ms
			}
			b.ReportMetric(total/float64(b.N), "draw-ms")
		})
	}
}
