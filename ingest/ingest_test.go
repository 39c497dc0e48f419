package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/model"
)

var topic = neo4jtest.Topic

// countingStore counts writes on their way to the real store.
type countingStore struct {
	*graph.Store
	writes int
}

func (c *countingStore) WriteDocument(ctx context.Context, in graph.DocumentInput, batch int) error {
	c.writes++
	return c.Store.WriteDocument(ctx, in, batch)
}

var newExtractor = neo4jtest.Extractor

func run(t *testing.T, st ingest.Store, paths ...string) ingest.Summary {
	t.Helper()
	sum, err := ingest.Run(context.Background(), ingest.Options{Store: st, Extractor: newExtractor(t), Topic: topic,
		MaxBytes: 1 << 20, BatchSize: 100, Workers: 2, Progress: neo4jtest.Quiet{}}, paths)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func query(t *testing.T, st *graph.Store, q string, params map[string]any) [][]any {
	t.Helper()
	rows, err := st.ReadQuery(context.Background(), q, params, 30*time.Second, 100000)
	if err != nil {
		t.Fatal(err)
	}
	return rows.Rows
}

func TestSeedsOpponentsAndEvidence(t *testing.T) {
	st := neo4jtest.Empty(t)
	sum := run(t, st, neo4jtest.SeedsDir(t))
	if sum.Documents != 5 || sum.Failed != 0 || sum.Claims == 0 {
		t.Fatalf("summary %+v", sum)
	}
	var opponents []string
	for _, r := range query(t, st, "MATCH (a:Actor)-[:OPPOSES]->(:Topic) RETURN DISTINCT a.name ORDER BY a.name", nil) {
		opponents = append(opponents, r[0].(string))
	}
	for _, want := range []string{"Turkey", "Israel", "Russia", "Iran", "Lindsey Graham", "Chris Murphy",
		"Syrian opposition", "Human rights organizations"} {
		if !slices.Contains(opponents, want) {
			t.Errorf("OPPOSES lacks %s; has %v", want, opponents)
		}
	}
	// Every claim's quote is its document's text at its offsets.
	rows := query(t, st, "MATCH (c:Claim)-[:IN]->(d:Document) RETURN c.id, c.quote, c.start, c.end, d.text", nil)
	if len(rows) != sum.Claims {
		t.Fatalf("%d claims in the graph, %d extracted", len(rows), sum.Claims)
	}
	for _, r := range rows {
		text := []rune(r[4].(string))
		start, end := int(r[2].(int64)), int(r[3].(int64))
		if start < 0 || end > len(text) || start > end || string(text[start:end]) != r[1].(string) {
			t.Errorf("claim %s: quote %q is not the text at [%d:%d)", r[0], r[1], start, end)
		}
	}
	// Summary edges count their claims.
	for _, r := range query(t, st, `MATCH (a:Actor)-[s:OPPOSES]->(t:Topic)
		OPTIONAL MATCH (a)-[:MADE]->(c:Claim {stance: 'oppose'})-[:ABOUT]->(t)
		RETURN a.name, s.claims, count(c)`, nil) {
		if r[1].(int64) != r[2].(int64) {
			t.Errorf("%s: OPPOSES.claims %d but %d oppose claims", r[0], r[1], r[2])
		}
	}
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := filepath.Join(neo4jtest.Root(t), "examples", "articles")
	first := run(t, st, dir)
	before, err := st.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{Store: st}
	second := run(t, cs, dir)
	after, err := st.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("counts changed on re-ingest:\nbefore %v\nafter  %v", before, after)
	}
	if cs.writes != 0 || second.Unchanged != first.Documents || second.Documents != 0 {
		t.Fatalf("re-ingest wrote %d documents; summary %+v", cs.writes, second)
	}
	if before.Nodes["Document"] != int64(first.Documents) || before.Nodes["Claim"] != int64(first.Claims) {
		t.Fatalf("graph holds %v for %+v", before.Nodes, first)
	}
}

func TestChangedFileReplacesClaimsAndKeepsReviews(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "change.txt")
	v1 := "Syria agreed to join the anti-ISIS coalition on Tuesday.\n\nJordan welcomed the deal.\n\nIran condemned the agreement.\n"
	if err := os.WriteFile(path, []byte(v1), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, st, dir)
	ctx := context.Background()
	rows := query(t, st, "MATCH (:Actor {name: 'Jordan'})-[:MADE]->(c:Claim) RETURN c.id", nil)
	if len(rows) != 1 {
		t.Fatalf("Jordan has %d claims after v1", len(rows))
	}
	jordan := rows[0][0].(string)
	if _, err := st.SetReview(ctx, jordan, "confirmed"); err != nil {
		t.Fatal(err)
	}
	// v2 drops Iran's sentence and adds text before Jordan's, moving its offsets.
	v2 := "A new opening paragraph.\n\nSyria agreed to join the anti-ISIS coalition on Tuesday.\n\nJordan welcomed the deal.\n"
	if err := os.WriteFile(path, []byte(v2), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := run(t, st, dir); sum.Documents != 1 {
		t.Fatalf("changed file not rewritten: %+v", sum)
	}
	rows = query(t, st, "MATCH (c:Claim {id: $id}) RETURN c.review, c.start", map[string]any{"id": jordan})
	if len(rows) != 1 || rows[0][0] != "confirmed" {
		t.Fatalf("review mark lost: %v", rows)
	}
	if n := query(t, st, "MATCH (:Actor {name: 'Iran'})-[:MADE]->(c:Claim) RETURN count(c)", nil)[0][0].(int64); n != 0 {
		t.Fatalf("Iran's removed claim is still there (%d)", n)
	}
	if n := query(t, st, "MATCH (:Actor {name: 'Iran'})-[r:OPPOSES]->() RETURN count(r)", nil)[0][0].(int64); n != 0 {
		t.Fatalf("Iran's OPPOSES edge outlived its claim")
	}
}

func TestBadFilesAreReportedAndTheRestGoesOn(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	files := map[string][]byte{
		"good.txt":    []byte("Syria agreed to join the anti-ISIS coalition.\n\nJordan welcomed the deal.\n"),
		"page.html":   []byte("<html><head><script>alert('Turkey opposes the deal')</script></head><body><p>Egypt welcomed the coalition deal.</p></body></html>"),
		"empty.txt":   {},
		"binary.txt":  {0x7f, 'E', 'L', 'F', 0, 0, 1},
		"latin1.txt":  []byte("Syria joined the coalition. Caf\xe9 talk.\n"),
		"huge.txt":    []byte(strings.Repeat("x", 2<<20)),
		"ignored.pdf": []byte("%PDF"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum := run(t, st, dir)
	if sum.Documents != 2 || sum.Failed != 4 {
		t.Fatalf("summary %+v", sum)
	}
	reasons := map[string]string{"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "UTF-8", "huge.txt": "cap"}
	for _, f := range sum.Failures {
		name := filepath.Base(f.File)
		if !strings.Contains(f.Err.Error(), name) || !strings.Contains(f.Err.Error(), reasons[name]) {
			t.Errorf("failure for %s does not name the file and reason %q: %v", name, reasons[name], f.Err)
		}
	}
	if code := model.ErrorCode(sum.Failures[0].Err); code == model.Internal {
		t.Errorf("bad input classified as internal: %v", sum.Failures[0].Err)
	}
	docs := query(t, st, "MATCH (d:Document) RETURN d.id ORDER BY d.id", nil)
	if len(docs) != 2 || docs[0][0] != "good.txt" || docs[1][0] != "page.html" {
		t.Fatalf("documents in graph: %v", docs)
	}
	if n := query(t, st, "MATCH (d:Document) WHERE d.text CONTAINS 'alert' RETURN count(d)", nil)[0][0].(int64); n != 0 {
		t.Fatal("script content was stored as document text")
	}
}
