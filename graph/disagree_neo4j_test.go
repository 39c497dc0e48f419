package graph_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/model"
)

// TestDisagreementsComeInPagesFromTheSummaryEdges: the disputed pairs read
// from the summary edges are those the claims themselves give (a rejected
// claim no longer counts), most evidence first; pages are slices of the
// whole list with its total; each side counts all its claims and shows
// the earliest few.
func TestDisagreementsComeInPagesFromTheSummaryEdges(t *testing.T) {
	st := neo4jtest.Empty(t)
	neo4jtest.SeedWith(t, st, nlptest.FastTopics(t, neo4jtest.Topic), neo4jtest.Synthetic(t, 5, 200))
	ctx := context.Background()
	r, err := st.ReadQuery(ctx, "MATCH (c:Claim) RETURN c.id ORDER BY c.id LIMIT 1", nil, 10*time.Second, 1)
	if err != nil || len(r.Rows) != 1 {
		t.Fatalf("a claim to reject: %v %v", r.Rows, err)
	}
	if _, err := st.SetReview(ctx, r.Rows[0][0].(string), model.Rejected); err != nil {
		t.Fatal(err)
	}
	// The claims' own count of each disputed actor, topic and stance.
	r, err = st.ReadQuery(ctx, `MATCH (a:Actor)-[:MADE]->(c:Claim)-[:ABOUT]->(t:Topic)
WHERE coalesce(c.review, '') <> 'rejected'
WITH a, t, c.stance AS stance, count(c) AS n ORDER BY stance
WITH a, t, collect([stance, n]) AS stances WHERE size(stances) > 1
RETURN a.id + '|' + t.id, stances`, nil, 30*time.Second, 10000)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[model.Stance]int64{}
	for _, row := range r.Rows {
		want[row[0].(string)] = map[model.Stance]int64{}
		for _, s := range row[1].([]any) {
			pair := s.([]any)
			want[row[0].(string)][model.Stance(pair[0].(string))] = pair[1].(int64)
		}
	}
	if len(want) < 5 {
		t.Fatalf("only %d disputed pairs in the synthetic corpus", len(want))
	}

	all, total, err := st.Disagreements(ctx, "", graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(want) || len(all) != len(want) {
		t.Fatalf("%d rows, total %d; the claims dispute %d pairs", len(all), total, len(want))
	}
	for i, d := range all {
		key := d.Actor.ID + "|" + d.Topic
		got := map[model.Stance]int64{}
		var evidence int64
		for _, s := range d.Stances {
			got[s.Stance] = s.Total
			evidence += s.Total
			if int64(len(s.Claims)) != min(s.Total, graph.QuotesPerStance) {
				t.Errorf("%s %s: %d quotes of %d", key, s.Stance, len(s.Claims), s.Total)
			}
			for j, c := range s.Claims {
				if c.Stance != s.Stance || c.ActorID != d.Actor.ID || c.Topic != d.Topic || c.Quote == "" || c.Review == model.Rejected {
					t.Errorf("%s %s: quote %+v", key, s.Stance, c)
				}
				if j > 0 && s.Claims[j-1].Published != "" && (c.Published == "" || c.Published < s.Claims[j-1].Published) {
					t.Errorf("%s %s: quotes out of date order: %q then %q", key, s.Stance, s.Claims[j-1].Published, c.Published)
				}
			}
		}
		if !reflect.DeepEqual(got, want[key]) {
			t.Errorf("%s: stances %v, the claims give %v", key, got, want[key])
		}
		if evidence != d.Actor.Evidence {
			t.Errorf("%s: evidence %d, its stances sum to %d", key, d.Actor.Evidence, evidence)
		}
		if i > 0 && all[i-1].Actor.Evidence < d.Actor.Evidence {
			t.Errorf("row %d (%d claims) after one with %d: want most evidence first", i, d.Actor.Evidence, all[i-1].Actor.Evidence)
		}
	}

	// A page's quotes are those Neo4j reaches first, which a new plan may
	// change: pages are compared on their pairs and counts.
	counts := func(ds []graph.Disagreement) []string {
		out := []string{}
		for _, d := range ds {
			out = append(out, fmt.Sprintf("%s|%s %+v", d.Actor.ID, d.Topic, d.Actor.Stances))
		}
		return out
	}
	tests := []struct {
		name string
		page graph.Page
		want []graph.Disagreement
	}{
		{"first page", graph.Page{Limit: 2}, all[:2]},
		{"a page further on", graph.Page{Limit: 3, Offset: 2}, all[2:5]},
		{"past the end", graph.Page{Limit: 2, Offset: len(all)}, nil},
	}
	for _, tt := range tests {
		rows, n, err := st.Disagreements(ctx, "", tt.page)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got, want := counts(rows), counts(tt.want); n != total || !slices.Equal(got, want) {
			t.Errorf("%s: %v of %d, want %v of %d", tt.name, got, n, want, total)
		}
	}
	if _, _, err := st.Disagreements(ctx, "", graph.Page{Offset: -1}); model.ErrorCode(err) != model.Invalid {
		t.Errorf("a negative offset: %v, want invalid", err)
	}

	// The question lists the same pairs; its timeline gives each change of
	// stance, and none for an actor with more claims than the bound.
	bound := all[len(all)/2].Actor.Evidence
	rows, n, err := st.ReadPage(ctx, graph.QuestionDisagree(), map[string]any{"topic": nil, "timeline_claims": bound}, 30*time.Second, 10000, graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if n != total {
		t.Errorf("the question gives %d rows, the report %d", n, total)
	}
	col := func(name string) int { return slices.Index(rows.Columns, name) }
	id, topic, claims, stances, timeline := col("id"), col("topic_id"), col("claims"), col("stances"), col("timeline")
	withTimeline := 0
	for _, row := range rows.Rows {
		key := row[id].(string) + "|" + row[topic].(string)
		steps, _ := row[timeline].([]any)
		if row[claims].(int64) > bound {
			if row[timeline] != nil {
				t.Errorf("%s (%d claims, past %d): timeline %v, want none", key, row[claims], bound, steps)
			}
			continue
		}
		withTimeline++
		seen := map[string]bool{}
		for i, step := range steps {
			stance := strings.Fields(step.(string))[1]
			seen[stance] = true
			if i > 0 && strings.Fields(steps[i-1].(string))[1] == stance {
				t.Errorf("%s: timeline %v repeats a stance without a change", key, steps)
			}
		}
		if len(seen) != len(want[key]) || len(row[stances].([]any)) != len(want[key]) {
			t.Errorf("%s: timeline %v and stances %v, the claims give %v", key, steps, row[stances], want[key])
		}
	}
	if withTimeline == 0 || withTimeline == len(rows.Rows) {
		t.Errorf("%d of %d rows have a timeline: the bound %d should split them", withTimeline, len(rows.Rows), bound)
	}
}
