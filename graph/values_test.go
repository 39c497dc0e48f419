package graph

import (
	"reflect"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/model"
)

func TestDecodeReadsColumnsByJSONName(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string
		values []any
		want   Claim
	}{
		{"every kind of field", []string{"id", "stance", "start", "confidence", "review", "topic"},
			[]any{"c1", "oppose", int64(7), 0.8, "rejected", "dam"},
			Claim{ID: "c1", Stance: model.Oppose, Start: 7, Confidence: 0.8, Review: model.Rejected, Topic: "dam"}},
		{"columns in another order, and one no field wants", []string{"topic", "extra", "id"},
			[]any{"dam", "x", "c2"}, Claim{ID: "c2", Topic: "dam"}},
		{"null and mistyped columns leave the zero value", []string{"id", "published", "start"},
			[]any{"c3", nil, "seven"}, Claim{ID: "c3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Claim
			decode(&neo4j.Record{Keys: tt.keys, Values: tt.values}, &got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	var d DocumentSummary
	decode(&neo4j.Record{Keys: []string{"topics", "chars"}, Values: []any{[]any{"dam", "port"}, int64(12)}}, &d)
	if !reflect.DeepEqual(d.Topics, []string{"dam", "port"}) || d.Chars != 12 {
		t.Errorf("document %+v", d)
	}
}
