package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

// TestDocumentSearchReadsItsIndex: a document search finds its documents
// in the document_search text index (its page and its count), ignoring
// case, and a document written before the search key existed gets one
// when the schema is next applied.
func TestDocumentSearchReadsItsIndex(t *testing.T) {
	st := neo4jtest.Empty(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	ctx := context.Background()
	all, _, err := st.Documents(ctx, graph.DocumentFilter{})
	if err != nil || len(all) < 2 {
		t.Fatalf("documents: %v, %v", all, err)
	}
	doc := all[1]
	search := graph.DocumentFilter{Text: strings.ToUpper(doc.Source)}
	found := func() []string {
		t.Helper()
		got, total, err := st.Documents(ctx, search)
		if err != nil || total != len(got) {
			t.Fatalf("search %q: %v of %d, %v", search.Text, got, total, err)
		}
		var ids []string
		for _, d := range got {
			ids = append(ids, d.ID)
		}
		return ids
	}
	if got := found(); !slices.Equal(got, []string{doc.ID}) {
		t.Fatalf("search %q: %v, want %s", search.Text, got, doc.ID)
	}

	page, count, err := st.DocumentPlans(ctx, search)
	if err != nil {
		t.Fatal(err)
	}
	for name, ops := range map[string][]string{"page": page, "count": count} {
		if !slices.ContainsFunc(ops, func(op string) bool { return strings.HasPrefix(op, "NodeIndexContainsScan") }) {
			t.Errorf("a search's %s does not read the text index: %v", name, ops)
		}
	}

	if err := st.WriteForTest(ctx, "MATCH (d:Document {id: $id}) REMOVE d.search", map[string]any{"id": doc.ID}); err != nil {
		t.Fatal(err)
	}
	if got := found(); len(got) != 0 {
		t.Fatalf("without its key, %s is still found: %v", doc.ID, got)
	}
	stmts, err := cypher.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ApplySchema(ctx, stmts); err != nil {
		t.Fatal(err)
	}
	if got := found(); !slices.Equal(got, []string{doc.ID}) {
		t.Errorf("after the schema is applied, search %q: %v, want %s", search.Text, got, doc.ID)
	}
}
