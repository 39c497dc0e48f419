package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/neo4jlocal"
)

// dump is the whole graph as sorted lines: every node's labels and
// properties, every relationship's type, ends and properties, each value
// with its Go type, so that a list stored as null or an int stored as a
// float shows. ingested_at, the time of writing, is left out.
func dump(t *testing.T, st *graph.Store) []string {
	t.Helper()
	var out []string
	for _, r := range query(t, st, "MATCH (n) RETURN labels(n), properties(n)", nil) {
		labels := slices.Clone(r[0].([]any))
		slices.SortFunc(labels, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
		out = append(out, fmt.Sprintf("node %v %s", labels, props(r[1])))
	}
	for _, r := range query(t, st, "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)", nil) {
		out = append(out, fmt.Sprintf("rel %v %v->%v %s", r[0], r[1], r[2], props(r[3])))
	}
	slices.Sort(out)
	return out
}

func props(v any) string {
	m := v.(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "ingested_at" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%T:%v", k, m[k], m[k])
	}
	return b.String()
}

// TestFirstLoadBuildsTheGraphIngestWrites: the bulk path (import files,
// neo4j-admin's import, the schema) gives, node for node and property for
// property, the graph the transactional ingest writes from the same
// articles in the same order: the seeds, the project's examples on two
// topics, and synthetic news with quotes, labels and affiliations.
func TestFirstLoadBuildsTheGraphIngestWrites(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	paths := []string{neo4jtest.SeedsDir(t), filepath.Join(neo4jtest.Root(t), "examples"), neo4jtest.Synthetic(t, 3, 150)}
	// One reader and one writer: the order of writing decides an actor's
	// name and the order of its aliases, on either path.
	o := ingest.Options{Store: st, Extractor: nlptest.FastTopics(t, neo4jtest.Topic, neo4jtest.TarvoTopic), MaxBytes: 1 << 20,
		BatchSize: 100, Workers: 1, Writers: 1, DocsPerTransaction: 8, Progress: neo4jtest.Quiet{}}
	want, err := ingest.Run(ctx, o, paths)
	if err != nil || want.Failed > 0 {
		t.Fatalf("ingest: %v %v", err, want.Failures)
	}
	transactional := dump(t, st)

	if err := st.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	o.Bulk = neo4jtest.Bulk(t, st)
	got, err := ingest.Run(ctx, o, paths)
	if err != nil || got.Failed > 0 || !got.Bulk {
		t.Fatalf("first load (bulk %v): %v %v", got.Bulk, err, got.Failures)
	}
	if got.Documents != want.Documents || got.Claims != want.Claims || got.Actors != want.Actors {
		t.Errorf("first load wrote %d documents, %d claims, %d actors; ingest %d, %d, %d",
			got.Documents, got.Claims, got.Actors, want.Documents, want.Claims, want.Actors)
	}
	bulk := dump(t, st)
	if len(transactional) < 1000 {
		t.Fatalf("only %d nodes and relationships written: the corpus is too small to compare", len(transactional))
	}
	if d := diff(transactional, bulk); d != "" {
		t.Errorf("the bulk graph differs from the ingested one (- ingest, + bulk):\n%s", d)
	}
	// The import files go once loaded.
	if entries, _ := os.ReadDir(o.Bulk.Dir); len(entries) > 0 {
		t.Errorf("%d import files left in %s", len(entries), o.Bulk.Dir)
	}
	// The graph answers as the ingested one did, indexes included.
	rows := query(t, st, "MATCH (a:Actor)-[s:OPPOSES]->(:Topic) WHERE s.claims > 0 RETURN count(a)", nil)
	if rows[0][0].(int64) == 0 {
		t.Error("no actor opposes anything after the bulk load")
	}
}

// diff lists the lines only one side has, at most 20 of each.
func diff(want, got []string) string {
	in := func(s []string) map[string]int {
		m := map[string]int{}
		for _, x := range s {
			m[x]++
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	var minus, plus int
	for _, x := range want {
		if g[x] < w[x] && minus < 20 {
			minus++
			fmt.Fprintf(&b, "- %s\n", x)
		}
	}
	for _, x := range got {
		if w[x] < g[x] && plus < 20 {
			plus++
			fmt.Fprintf(&b, "+ %s\n", x)
		}
	}
	return b.String()
}

// TestFailedImportLeavesAnEmptyGraphThatAnswers: an import the importer
// refuses fails naming its log, and the server comes back on an empty
// database instead of on the store files the importer left half-built.
func TestFailedImportLeavesAnEmptyGraphThatAnswers(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "actors.csv")
	// A count that is not a number: the importer stops at the first bad
	// entry.
	if err := os.WriteFile(bad, []byte("id:ID(Actor),count:long,:LABEL\n\"a\",many,Actor\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := neo4jtest.Server(t).Import(t.Context(), neo4jlocal.ImportFiles{Nodes: []string{bad}, ArrayDelimiter: graph.ArrayDelimiter}, st.Ping)
	if err == nil || !strings.Contains(err.Error(), "import failed") || !strings.Contains(err.Error(), "import.log") {
		t.Fatalf("want the failure with its log named, got %v", err)
	}
	if empty, err := st.Empty(t.Context()); err != nil || !empty {
		t.Fatalf("after a failed import: empty %v, %v", empty, err)
	}
	// The database takes writes again, once it has its schema back (as
	// the ingest command's loader gives it).
	neo4jtest.SeedWith(t, neo4jtest.Open(t), nlptest.FastTopics(t, neo4jtest.Topic), neo4jtest.SeedsDir(t))
}
