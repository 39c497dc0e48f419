package graph

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/model"
)

func TestSummaryDeltas(t *testing.T) {
	k := func(a, s string) stanceKey { return stanceKey{a, s, "t"} }
	one := func(before, after map[stanceKey]int64) []countChange { return []countChange{{before, after}} }
	tests := []struct {
		name    string
		changes []countChange
		want    []map[string]any
	}{
		{"new document", one(nil, map[stanceKey]int64{k("a", "support"): 2}),
			[]map[string]any{{"actor": "a", "stance": "support", "topic": "t", "claims": int64(2), "documents": int64(1)}}},
		{"unchanged", one(map[stanceKey]int64{k("a", "oppose"): 1}, map[stanceKey]int64{k("a", "oppose"): 1}), []map[string]any{}},
		{"claim dropped, document still counts", one(map[stanceKey]int64{k("a", "oppose"): 2}, map[stanceKey]int64{k("a", "oppose"): 1}),
			[]map[string]any{{"actor": "a", "stance": "oppose", "topic": "t", "claims": int64(-1), "documents": int64(0)}}},
		{"stance changed", one(map[stanceKey]int64{k("a", "oppose"): 1}, map[stanceKey]int64{k("a", "cautious"): 1}),
			[]map[string]any{
				{"actor": "a", "stance": "cautious", "topic": "t", "claims": int64(1), "documents": int64(1)},
				{"actor": "a", "stance": "oppose", "topic": "t", "claims": int64(-1), "documents": int64(-1)},
			}},
		{"two new documents, one edge", []countChange{
			{nil, map[stanceKey]int64{k("b", "support"): 2}},
			{nil, map[stanceKey]int64{k("b", "support"): 1, k("a", "support"): 1}},
		}, []map[string]any{
			{"actor": "a", "stance": "support", "topic": "t", "claims": int64(1), "documents": int64(1)},
			{"actor": "b", "stance": "support", "topic": "t", "claims": int64(3), "documents": int64(2)},
		}},
		{"one document's loss is another's gain", []countChange{
			{map[stanceKey]int64{k("a", "oppose"): 1}, nil},
			{nil, map[stanceKey]int64{k("a", "oppose"): 1}},
		}, []map[string]any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summaryDeltas(tt.changes); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTranslateGivingUpIsUnavailable(t *testing.T) {
	s := &Store{uri: "bolt://127.0.0.1:1"}
	err := s.translate(context.Background(), &neo4j.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 5s)",
		Errors: []error{&neo4j.ConnectivityError{Inner: errors.New("connect: connection refused")}}}, "write document x")
	if model.ErrorCode(err) != model.Unavailable || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("got %v (%s)", err, model.ErrorCode(err))
	}
}
