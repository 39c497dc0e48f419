package graph_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

func TestApplySchemaTwiceChangesNothing(t *testing.T) {
	st := neo4jtest.Open(t) // applies the schema once
	ctx := context.Background()
	before, err := st.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := cypher.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ApplySchema(ctx, stmts); err != nil {
		t.Fatalf("second apply: %v", err)
	}
	after, err := st.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("schema changed on re-apply:\nbefore %v\nafter  %v", before, after)
	}
	have := map[string]string{}
	for _, it := range after {
		have[it.What+" "+it.Name] = it.Type
	}
	for name, typ := range map[string]string{
		"constraint actor_id": "UNIQUENESS", "constraint claim_id": "UNIQUENESS",
		"constraint document_id": "UNIQUENESS", "constraint topic_id": "UNIQUENESS",
		"index actor_names": "FULLTEXT", "index document_search": "TEXT",
	} {
		if have[name] != typ {
			t.Errorf("schema item %s: type %q, want %q", name, have[name], typ)
		}
	}
}
