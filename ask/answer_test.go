package ask

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// fakeReader answers from fixed rows; the same flow runs on the real
// Neo4j in the server's tests.
type fakeReader struct {
	rows   graph.Rows
	quotes []graph.Quote
	docs   int64
	// per records how many quotes an actor each Evidence call asked for.
	per *[]int
}

func (f fakeReader) TopicNames(context.Context) ([]model.Topic, error) {
	return []model.Topic{{ID: "dam", Name: "The dam accord", Terms: []string{"dam accord"}},
		{ID: "port", Name: "The port lease", Terms: []string{"port lease"}}}, nil
}

// ReadPage pages the fake's rows as Neo4j would.
func (f fakeReader) ReadPage(_ context.Context, _ string, _ map[string]any, _ time.Duration, rowCap int, page graph.Page) (graph.Rows, int, error) {
	rows := f.rows
	rows.Rows = rows.Rows[min(page.Offset, len(rows.Rows)):]
	if limit := min(rowCap, page.Limit); page.Limit > 0 && limit < len(rows.Rows) {
		rows.Rows = rows.Rows[:limit]
	}
	return rows, len(f.rows.Rows), nil
}

// Evidence gives each actor up to per of the fake's quotes.
func (f fakeReader) Evidence(_ context.Context, _ []string, _, _ string, per int) ([]graph.Quote, error) {
	if f.per != nil {
		*f.per = append(*f.per, per)
	}
	var out []graph.Quote
	n := map[string]int{}
	for _, q := range f.quotes {
		if n[q.ActorID] < per {
			n[q.ActorID]++
			out = append(out, q)
		}
	}
	return out, nil
}

func (f fakeReader) Subgraph(_ context.Context, ids []string, _ string) (graph.Subgraph, error) {
	var sg graph.Subgraph
	for _, id := range ids {
		sg.Actors = append(sg.Actors, graph.Actor{ID: id, Name: id})
	}
	return sg, nil
}

func (f fakeReader) DocumentCount(context.Context) (int64, error) { return f.docs, nil }

func TestRespondRefusesBadParameters(t *testing.T) {
	tests := []struct{ q, topic, want string }{
		{"", "", "parameter q"},
		{strings.Repeat("who ", 300), "", "limited to 1000 bytes"},
		{"who opposed \xff it", "", "not valid UTF-8"},
		{"who opposed it?", "nope", `parameter topic: no topic "nope" (topics: dam, port)`},
		{"who opposed it?", "", "parameter quotes: want a whole number from 0 to 20, got -1"},
		{"who backed it?", "", "parameter quotes: want a whole number from 0 to 20, got 21"},
	}
	for _, tt := range tests {
		quotes := map[string]int{"who opposed it?": -1, "who backed it?": MaxQuotes + 1}[tt.q]
		_, err := Respond(context.Background(), fakeReader{}, newFakeResolver(), tt.q, tt.topic, Limits{Quotes: quotes})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Respond(%.20q, %q) = %v, want an error saying %q", tt.q, tt.topic, err, tt.want)
		}
	}
}

// Each row carries its actor's id, and a row about one topic gets the
// evidence on that topic only.
func TestRespondGivesRowsTheirActorAndTopicEvidence(t *testing.T) {
	r := fakeReader{docs: 2,
		rows: graph.Rows{Columns: []string{"id", "actor", "topic_id"}, Rows: [][]any{{"state:nor", "Norway", "dam"}, {"state:nor", "Norway", "port"}}},
		quotes: []graph.Quote{
			{ClaimID: "c1", ActorID: "state:nor", Topic: "dam", Quote: "Norway backed the dam accord."},
			{ClaimID: "c2", ActorID: "state:nor", Topic: "port", Quote: "Norway rejected the port lease."},
		}}
	a, err := Respond(context.Background(), r, newFakeResolver(), "who supported it?", "", Limits{Quotes: 2})
	if err != nil || !a.Understood || len(a.Rows) != 2 {
		t.Fatalf("answer %+v, %v", a, err)
	}
	for i, want := range []string{"c1", "c2"} {
		row := a.Rows[i]
		if row.ActorID != "state:nor" || len(row.Evidence) != 1 || row.Evidence[0].ClaimID != want {
			t.Errorf("row %d: actor %q, evidence %+v; want state:nor with claim %s alone", i, row.ActorID, row.Evidence, want)
		}
	}
	if a.Graph == nil || len(a.Graph.Actors) != 1 {
		t.Errorf("graph %+v, want the row's actor", a.Graph)
	}
}

// An actor row comes with as many quotes as asked for, and none are read
// when none are asked for: the page reads them when a row is opened.
func TestRespondReadsTheQuotesAskedFor(t *testing.T) {
	rows := graph.Rows{Columns: []string{"id", "actor"}, Rows: [][]any{{"state:nor", "Norway"}, {"state:swe", "Sweden"}}}
	var quotes []graph.Quote
	for _, id := range []string{"state:nor", "state:swe"} {
		for i := range 3 {
			quotes = append(quotes, graph.Quote{ClaimID: fmt.Sprintf("%s-%d", id, i), ActorID: id})
		}
	}
	tests := []struct {
		quotes int
		reads  []int
		perRow int
	}{
		{0, nil, 0},
		{1, []int{1}, 1},
		{2, []int{2}, 2},
		{MaxQuotes, []int{MaxQuotes}, 3},
	}
	for _, tt := range tests {
		var per []int
		a, err := Respond(context.Background(), fakeReader{docs: 2, rows: rows, quotes: quotes, per: &per}, newFakeResolver(),
			"who supported it?", "", Limits{Quotes: tt.quotes})
		if err != nil || len(a.Rows) != 2 {
			t.Fatalf("quotes %d: answer %+v, %v", tt.quotes, a, err)
		}
		if !slices.Equal(per, tt.reads) {
			t.Errorf("quotes %d: evidence reads asked for %v quotes an actor, want %v", tt.quotes, per, tt.reads)
		}
		for _, row := range a.Rows {
			if len(row.Evidence) != tt.perRow || row.Evidence == nil {
				t.Errorf("quotes %d: %s has %d quotes (%v), want %d", tt.quotes, row.ActorID, len(row.Evidence), row.Evidence, tt.perRow)
			}
		}
	}
}

func TestRespondSaysWhyAnAnswerIsEmpty(t *testing.T) {
	tests := []struct {
		docs int64
		want string
	}{
		{0, "no documents yet"},
		{3, "No actor is recorded as opposing the event"},
	}
	for _, tt := range tests {
		a, err := Respond(context.Background(), fakeReader{docs: tt.docs, rows: graph.Rows{Columns: []string{"id"}}}, nil, "who opposed it?", "", Limits{})
		if err != nil || !strings.Contains(a.Message, tt.want) {
			t.Errorf("%d documents: message %q (%v), want %q", tt.docs, a.Message, err, tt.want)
		}
	}
}
