package graph_test

import (
	"context"
	"reflect"
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
