package graph_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/model"
)

// TestReadPageCutsAQuestionsRowsInCypher: a page of a question's rows is
// the same slice of them the whole result holds, with how many there are
// in all; a page past the row cap is cut there and says so.
func TestReadPageCutsAQuestionsRowsInCypher(t *testing.T) {
	st := neo4jtest.Empty(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	ctx := context.Background()
	q, params := graph.QuestionStance(model.Support), map[string]any{"stance": "support", "kind": nil, "topic": nil}
	all, err := st.ReadQuery(ctx, q, params, 10*time.Second, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Rows) < 5 {
		t.Fatalf("supporters on the seeds: %d, want at least 5", len(all.Rows))
	}
	tests := []struct {
		name      string
		rowCap    int
		page      graph.Page
		want      [][]any
		truncated bool
	}{
		{"first page", 1000, graph.Page{Limit: 2}, all.Rows[:2], false},
		{"a page further on", 1000, graph.Page{Limit: 2, Offset: 3}, all.Rows[3:5], false},
		{"everything", 1000, graph.Page{}, all.Rows, false},
		{"past the end", 1000, graph.Page{Limit: 2, Offset: len(all.Rows)}, nil, false},
		{"cut by the row cap", 3, graph.Page{Offset: 1}, all.Rows[1:4], true},
	}
	for _, tt := range tests {
		rows, total, err := st.ReadPage(ctx, q, params, 10*time.Second, tt.rowCap, tt.page)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if total != len(all.Rows) || rows.Truncated != tt.truncated || !reflect.DeepEqual(rows.Rows, tt.want) ||
			!reflect.DeepEqual(rows.Columns, all.Columns) {
			t.Errorf("%s: %d rows of %d (truncated %v), want %d of %d (truncated %v)", tt.name, len(rows.Rows), total, rows.Truncated,
				len(tt.want), len(all.Rows), tt.truncated)
		}
	}
}

// TestReadPageCountsEveryQuestion: each question's total, counted when
// the page is full, is the number of rows the whole question gives.
func TestReadPageCountsEveryQuestion(t *testing.T) {
	st := neo4jtest.Empty(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	ctx := context.Background()
	tests := []struct {
		name   string
		query  string
		params map[string]any
	}{
		{"stance", graph.QuestionStance(model.Oppose), map[string]any{"stance": "oppose", "kind": nil, "topic": nil}},
		{"said", graph.QuestionSaid, map[string]any{"actor": "state:tur", "topic": nil}},
		{"who", graph.QuestionWho, map[string]any{"actor": "state:usa"}},
		{"mentions", graph.QuestionMentions, map[string]any{"actor": "state:syr", "topic": nil}},
		{"disagree", graph.QuestionDisagree(), map[string]any{"topic": nil, "timeline_claims": graph.TimelineClaims}},
	}
	for _, tt := range tests {
		all, err := st.ReadQuery(ctx, tt.query, tt.params, 10*time.Second, 1000)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(all.Rows) < 2 {
			t.Fatalf("%s: %d rows on the seeds, want at least 2 for a full page of one", tt.name, len(all.Rows))
		}
		_, total, err := st.ReadPage(ctx, tt.query, tt.params, 10*time.Second, 1000, graph.Page{Limit: 1})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if total != len(all.Rows) {
			t.Errorf("%s: total %d, the question gives %d rows", tt.name, total, len(all.Rows))
		}
	}
}

// TestQuotesPagesOneActorsEvidence: an opened answer row's quotes are
// the claims its count counts (its stance, its topic, none rejected), in
// pages that are slices of the whole, counted right with a topic and
// without; the answer's own sample of quotes is among them.
func TestQuotesPagesOneActorsEvidence(t *testing.T) {
	st := neo4jtest.Empty(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	ctx := context.Background()
	opposed, err := st.ReadQuery(ctx, graph.QuestionStance(model.Oppose), map[string]any{"stance": "oppose", "kind": nil, "topic": nil}, 10*time.Second, 1000)
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(opposed.Columns, name) }
	var ids []string
	for _, r := range opposed.Rows {
		id, topic, claims := r[col("id")].(string), r[col("topic_id")].(string), r[col("claims")].(int64)
		ids = append(ids, id)
		p, err := st.Quotes(ctx, id, "oppose", topic, graph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != int(claims) || len(p.Quotes) != p.Total {
			t.Errorf("%s: %d quotes of %d, its row counts %d claims", id, len(p.Quotes), p.Total, claims)
		}
		for _, q := range p.Quotes {
			if q.ActorID != id || q.Stance != model.Oppose || q.Topic != topic || q.Quote == "" || q.Doc == "" {
				t.Errorf("%s: quote %+v", id, q)
			}
		}
		sample, err := st.Evidence(ctx, []string{id}, "oppose", topic, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(sample) != 1 || !slices.Contains(p.Quotes, sample[0]) {
			t.Errorf("%s: the answer's sample %+v is not one of its quotes", id, sample)
		}
	}
	if len(ids) < 5 {
		t.Fatalf("opponents on the seeds: %v", ids)
	}

	top, _, err := st.Actors(ctx, graph.ActorFilter{Page: graph.Page{Limit: 1}})
	if err != nil || len(top) != 1 {
		t.Fatalf("the actor with the most evidence: %v, %v", top, err)
	}
	id := top[0].ID
	all, err := st.Quotes(ctx, id, "", "", graph.Page{})
	if err != nil || all.Total < 3 {
		t.Fatalf("%s's quotes: %+v, %v; want at least 3", id, all, err)
	}
	for _, tt := range []struct {
		page graph.Page
		want []graph.Quote
	}{
		{graph.Page{Limit: 2}, all.Quotes[:2]},
		{graph.Page{Limit: 2, Offset: 1}, all.Quotes[1:3]},
		{graph.Page{Offset: all.Total - 1}, all.Quotes[all.Total-1:]},
		{graph.Page{Limit: 2, Offset: all.Total}, []graph.Quote{}},
	} {
		p, err := st.Quotes(ctx, id, "", "", tt.page)
		if err != nil || p.Total != all.Total || p.Offset != tt.page.Offset || !reflect.DeepEqual(p.Quotes, tt.want) {
			t.Errorf("page %+v: %+v (%v), want %d quotes from %d of %d", tt.page, p, err, len(tt.want), tt.page.Offset, all.Total)
		}
	}

	// Every topic's quotes are counted from the claims, one topic's from
	// its summary edges: both stop counting a rejected claim.
	rejected, topic := all.Quotes[0].ClaimID, all.Quotes[0].Topic
	onTopic, err := st.Quotes(ctx, id, "", topic, graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetReview(ctx, rejected, model.Rejected); err != nil {
		t.Fatal(err)
	}
	for _, before := range []struct {
		topic string
		total int
	}{{"", all.Total}, {topic, onTopic.Total}} {
		after, err := st.Quotes(ctx, id, "", before.topic, graph.Page{})
		if err != nil || after.Total != before.total-1 || len(after.Quotes) != after.Total ||
			slices.ContainsFunc(after.Quotes, func(q graph.Quote) bool { return q.ClaimID == rejected }) {
			t.Errorf("topic %q, after rejecting %s: %d quotes of %d (%v), want %d without it", before.topic, rejected, len(after.Quotes), after.Total, err, before.total-1)
		}
	}

	for _, tt := range []struct {
		actor, stance string
		page          graph.Page
		code          model.Code
		says          string
	}{
		{"state:tur", "against", graph.Page{}, model.Invalid, "parameter stance"},
		{"state:tur", "", graph.Page{Limit: -1}, model.Invalid, "parameter limit"},
		{"state:nowhere", "oppose", graph.Page{}, model.NotFound, `no actor "state:nowhere"`},
	} {
		_, err := st.Quotes(ctx, tt.actor, tt.stance, "", tt.page)
		if model.ErrorCode(err) != tt.code || err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("Quotes(%s, %q, %+v) = %v, want a %v error saying %q", tt.actor, tt.stance, tt.page, err, tt.code, tt.says)
		}
	}
}
