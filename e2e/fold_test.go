package e2e

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// camps is a drawn graph of n actors for the folding test: each takes a
// stance on topic one (claims 1-4; lopsided, all but the first six take
// support) and every fifth also the next stance on topic two (one claim);
// every tenth is affiliated with the one before. It returns the graph as
// the API sends it, the bundles the grouped layout should fold its stance
// edges into ("camp stance topic" to actors and claims) and how many
// stance and affiliation edges it has.
func camps(n int, lopsided bool) (elements string, bundles map[string][2]int, stanceEdges, affiliations int) {
	type data map[string]any
	type stance struct {
		topic, stance string
		claims        int
	}
	stances := []string{"support", "oppose", "cautious"}
	types := map[string]string{"support": "SUPPORTS", "oppose": "OPPOSES", "cautious": "CAUTIOUS_ON"}
	nodes := []map[string]data{
		{"data": {"id": "t1", "label": "Topic one", "type": "topic"}},
		{"data": {"id": "t2", "label": "Topic two", "type": "topic"}},
	}
	var edges []map[string]data
	bundles = map[string][2]int{}
	for i := range n {
		id := fmt.Sprintf("a%d", i)
		nodes = append(nodes, map[string]data{"data": {"id": id, "label": "Actor " + id, "type": "actor", "kind": "person", "evidence": 1}})
		first := stances[i%3]
		if lopsided && i >= 6 {
			first = "support"
		}
		mine := []stance{{"t1", first, 1 + i%4}}
		if i%5 == 0 {
			mine = append(mine, stance{"t2", stances[(i+1)%3], 1})
		}
		claims := map[string]int{}
		for k, st := range mine {
			claims[st.stance] += st.claims
			edges = append(edges, map[string]data{"data": {"id": fmt.Sprintf("s%d%s", k, id), "source": id, "target": st.topic,
				"type": types[st.stance], "stance": st.stance, "claims": st.claims}})
		}
		if i%10 == 0 && i > 0 {
			edges = append(edges, map[string]data{"data": {"id": "f" + id, "source": id, "target": fmt.Sprintf("a%d", i-1), "type": "AFFILIATED_WITH"}})
			affiliations++
		}
		// the camp: the stance with the most claims, ties to the earlier camp
		camp := ""
		for _, s := range []string{"support", "cautious", "oppose"} {
			if c, ok := claims[s]; ok && (camp == "" || c > claims[camp]) {
				camp = s
			}
		}
		for _, st := range mine {
			k := camp + " " + st.stance + " " + st.topic
			bundles[k] = [2]int{bundles[k][0] + 1, bundles[k][1] + st.claims}
			stanceEdges++
		}
	}
	b, err := json.Marshal(map[string]any{"nodes": nodes, "edges": edges})
	if err != nil {
		panic(err)
	}
	return string(b), bundles, stanceEdges, affiliations
}

// TestFoldedCampsInChromium: past 1,000 stance edges the grouped layout
// draws one edge per camp, stance and topic, from the camp's heading,
// counting its actors and claims, instead of one per actor; affiliations
// stay; the rings layout draws every edge again; the topic's panel still
// counts every actor; a folded edge's panel says what it folds. However
// many actors, the camps' headings stay readable and apart.
func TestFoldedCampsInChromium(t *testing.T) {
	// numbers as the page writes them, with thousands separators
	commas := message.NewPrinter(language.English).Sprint
	ctx, base, shots := site(t)
	if err := run(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(`#graph`),
		chromedp.Poll[chromedp.Void](`window.stancegraph && window.stancegraph.cy.nodes().length > 0`)); err != nil {
		t.Fatal(err)
	}
	type bundle struct {
		ID, Source, Target, Stance string
		Actors, Claims             int
	}
	type drawn struct {
		Stance, Affiliations int
		Bundles              []bundle
		// the smallest heading's and topic's font size on screen; where
		// the topics end, the headings start and end and the actors start
		HeadingPx, TopicPx                                   float64
		TopicsBottom, HeadingsTop, HeadingsBottom, ActorsTop float64
		Fits                                                 bool // the view holds every element
		HeadingsApart                                        bool // no heading's box meets the next one's
	}
	read := `(() => {
  const cy = window.stancegraph.cy;
  return {
    stance: cy.edges('[type != "bundle"][type != "AFFILIATED_WITH"]').length,
    affiliations: cy.edges('[type = "AFFILIATED_WITH"]').length,
    headingPx: Math.min(...cy.nodes('[type = "heading"]').map(n => parseFloat(n.style('font-size')) * cy.zoom())),
    topicPx: Math.min(...cy.nodes('[type = "topic"]').map(n => parseFloat(n.style('font-size')) * cy.zoom())),
    headingsTop: cy.nodes('[type = "heading"]').boundingBox().y1,
    headingsBottom: cy.nodes('[type = "heading"]').boundingBox().y2,
    actorsTop: cy.nodes('[type = "actor"]').boundingBox({includeLabels: false}).y1,
    topicsBottom: cy.nodes('[type = "topic"]').boundingBox().y2,
    headingsApart: cy.nodes('[type = "heading"]').map(n => n.boundingBox()).sort((a, b) => a.x1 - b.x1).every((b, i, all) => i === 0 || all[i - 1].x2 < b.x1),
    fits: (() => { const e = cy.extent(), b = cy.elements().boundingBox(); return e.x1 <= b.x1 && e.y1 <= b.y1 && e.x2 >= b.x2 && e.y2 >= b.y2; })(),
    bundles: cy.edges('[type = "bundle"]').map(e => ({id: e.id(), source: e.data('source'), target: e.data('target'), stance: e.data('stance'), actors: e.data('actors'), claims: e.data('claims')})),
  };
})()`
	for _, tc := range []struct {
		actors         int
		lopsided, fold bool
	}{
		{actors: 7},               // camps of one to three actors
		{actors: 830},             // 996 stance edges
		{actors: 840, fold: true}, // 1,008
		{actors: 3000, fold: true},
		// camps of two beside one of 1,494: large headings over small blocks
		{actors: 1500, lopsided: true, fold: true},
	} {
		t.Run(fmt.Sprint(tc.actors, map[bool]string{true: "-lopsided"}[tc.lopsided]), func(t *testing.T) {
			elements, bundles, stanceEdges, affiliations := camps(tc.actors, tc.lopsided)
			if (stanceEdges > 1000) != tc.fold {
				t.Fatalf("%d actors make %d stance edges: the case's fold=%v is wrong", tc.actors, stanceEdges, tc.fold)
			}
			var grouped, rings, regrouped drawn
			if err := run(ctx,
				chromedp.Evaluate[chromedp.Void](`window.stancegraph.setLayout('grouped'); window.stancegraph.replace(`+elements+`)`),
				eval(&grouped, read),
				chromedp.Evaluate[chromedp.Void](`window.stancegraph.setLayout('concentric')`),
				eval(&rings, read),
				chromedp.Evaluate[chromedp.Void](`window.stancegraph.setLayout('grouped')`),
				eval(&regrouped, read)); err != nil {
				t.Fatal(err)
			}
			// However many actors, the camps' headings fit between the
			// topics and the actors and stay readable when all are in view.
			for name, d := range map[string]drawn{"grouped": grouped, "grouped again": regrouped} {
				if !d.Fits || !d.HeadingsApart || d.HeadingPx < 10 || d.TopicPx < 9 || d.TopicsBottom >= d.HeadingsTop || d.HeadingsBottom >= d.ActorsTop {
					t.Errorf("%s: fits the view %v, headings apart %v, %.1f px on screen, topics %.1f px; topics to y %.0f, headings %.0f-%.0f, actors from %.0f; want all in view, apart, >= 10 and 9 px, in that order",
						name, d.Fits, d.HeadingsApart, d.HeadingPx, d.TopicPx, d.TopicsBottom, d.HeadingsTop, d.HeadingsBottom, d.ActorsTop)
				}
			}
			every := drawn{Stance: stanceEdges, Affiliations: affiliations}
			if !tc.fold {
				if grouped.Stance != stanceEdges || len(grouped.Bundles) != 0 || grouped.Affiliations != affiliations {
					t.Fatalf("grouped, %d stance edges: drew %+v; want every edge", stanceEdges, grouped)
				}
				return
			}
			if rings.Stance != every.Stance || rings.Affiliations != every.Affiliations || len(rings.Bundles) != 0 {
				t.Errorf("rings: drew %d stance edges, %d affiliations, %d folds; want %+v", rings.Stance, rings.Affiliations, len(rings.Bundles), every)
			}
			for name, d := range map[string]drawn{"grouped": grouped, "grouped again": regrouped} {
				if d.Stance != 0 || d.Affiliations != affiliations {
					t.Errorf("%s: drew %d stance edges and %d affiliations; want 0 and %d", name, d.Stance, d.Affiliations, affiliations)
				}
				got := map[string][2]int{}
				for _, b := range d.Bundles {
					camp := strings.TrimPrefix(b.Source, "heading:")
					got[camp+" "+b.Stance+" "+b.Target] = [2]int{b.Actors, b.Claims}
				}
				if !maps.Equal(got, bundles) {
					t.Errorf("%s: folds (actors, claims) %v; want %v", name, got, bundles)
				}
			}
			// The topic's panel counts every actor's stance on it (not on the
			// other topic), drawn or folded; a fold's panel names its count
			// and stance.
			var topicPanel, foldTitle, foldBody string
			ids := slices.Sorted(maps.Keys(bundles))
			first := ids[0]
			var fold bundle
			for _, b := range grouped.Bundles {
				if strings.TrimPrefix(b.Source, "heading:")+" "+b.Stance+" "+b.Target == first {
					fold = b
				}
			}
			if err := run(ctx,
				chromedp.Evaluate[chromedp.Void](`(window.stancegraph.cy.getElementById('t1').emit('tap'), true)`),
				chromedp.Poll[chromedp.Void](`document.querySelector('#panel-heading').textContent === 'Topic one'`),
				into(&topicPanel, chromedp.Text(`#panel-body .stance-summary`)),
				chromedp.Evaluate[chromedp.Void](`(window.stancegraph.cy.getElementById('`+fold.ID+`').emit('tap'), true)`),
				chromedp.Poll[chromedp.Void](`document.querySelector('#panel-heading').textContent !== 'Topic one'`),
				into(&foldTitle, chromedp.Text(`#panel-heading`)),
				into(&foldBody, chromedp.Text(`#panel-body`))); err != nil {
				t.Fatal(err)
			}
			supporters := 0
			for k, v := range bundles {
				if strings.HasSuffix(k, " support t1") {
					supporters += v[0]
				}
			}
			if !strings.Contains(topicPanel, commas(supporters)+" actors in this view") {
				t.Errorf("topic panel %q: want %d supporters counted", topicPanel, supporters)
			}
			verb := map[string]string{"support": "support", "oppose": "oppose", "cautious": "are cautious on"}[fold.Stance]
			topic := map[string]string{"t1": "Topic one", "t2": "Topic two"}[fold.Target]
			if want := fmt.Sprintf("%s actors %s %s", commas(fold.Actors), verb, topic); foldTitle != want || !strings.Contains(foldBody, commas(fold.Claims)+" claims") {
				t.Errorf("fold %+v: panel %q / %q; want the title %q and its claims", fold, foldTitle, foldBody, want)
			}
			if tc.actors == 3000 {
				shot(t, ctx, shots, "17-folded-camps")
			}
		})
	}
}
