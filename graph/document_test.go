package graph

import (
	"context"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/model"
)

func TestSummaryDeltas(t *testing.T) {
	k := func(a, s string) stanceKey { return stanceKey{a, s, "t"} }
	tests := []struct {
		name          string
		before, after map[stanceKey]int64
		want          []map[string]any
	}{
		{"new document", nil, map[stanceKey]int64{k("a", "support"): 2},
			[]map[string]any{{"actor": "a", "stance": "support", "topic": "t", "claims": int64(2), "documents": int64(1)}}},
		{"unchanged", map[stanceKey]int64{k("a", "oppose"): 1}, map[stanceKey]int64{k("a", "oppose"): 1}, nil},
		{"claim dropped, document still counts", map[stanceKey]int64{k("a", "oppose"): 2}, map[stanceKey]int64{k("a", "oppose"): 1},
			[]map[string]any{{"actor": "a", "stance": "oppose", "topic": "t", "claims": int64(-1), "documents": int64(0)}}},
		{"stance changed", map[stanceKey]int64{k("a", "oppose"): 1}, map[stanceKey]int64{k("a", "cautious"): 1},
			[]map[string]any{
				{"actor": "a", "stance": "cautious", "topic": "t", "claims": int64(1), "documents": int64(1)},
				{"actor": "a", "stance": "oppose", "topic": "t", "claims": int64(-1), "documents": int64(-1)},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summaryDeltas(tt.before, tt.after)
			sort.Slice(got, func(i, j int) bool { return got[i]["stance"].(string) < got[j]["stance"].(string) })
			if !reflect.DeepEqual(got, tt.want) {
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
