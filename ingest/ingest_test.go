package ingest_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/model"
)

var topic = neo4jtest.Topic

// countingStore counts writes on their way to the real store.
type countingStore struct {
	*graph.Store
	mu     sync.Mutex
	writes int // documents
}

func (c *countingStore) WriteDocuments(ctx context.Context, ins []graph.DocumentInput, batch int) error {
	c.mu.Lock()
	c.writes += len(ins)
	c.mu.Unlock()
	return c.Store.WriteDocuments(ctx, ins, batch)
}

var newExtractor = neo4jtest.Extractor

// options are the tests' ingest options; a test sets Force or Date on
// them where it needs to.
func options(t *testing.T, st ingest.Store) ingest.Options {
	t.Helper()
	return ingest.Options{Store: st, Extractor: newExtractor(t),
		MaxBytes: 1 << 20, BatchSize: 100, Workers: 2, Writers: 1, DocsPerTransaction: 4, Progress: neo4jtest.Quiet{}}
}

// forced is options with Force set: every document rewritten.
func forced(t *testing.T, st ingest.Store) ingest.Options {
	t.Helper()
	o := options(t, st)
	o.Force = true
	return o
}

func run(t *testing.T, st ingest.Store, paths ...string) ingest.Summary {
	t.Helper()
	sum, err := ingest.Run(context.Background(), options(t, st), paths)
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

// One node per person: the seeds spell al-Sharaa's first name two ways,
// and call him by his surname alone; Ahmad Sharawi is another man.
func TestSeedsHaveOneAlSharaa(t *testing.T) {
	st := neo4jtest.Empty(t)
	run(t, st, neo4jtest.SeedsDir(t))
	rows := query(t, st, `MATCH (a:Person) WHERE toLower(a.name) CONTAINS 'shara' RETURN a.name, a.aliases ORDER BY a.name`, nil)
	var names []string
	for _, r := range rows {
		names = append(names, r[0].(string))
	}
	// The analyst is "Ahmad Sharawai" in one article and "Sharawi" in
	// another: one man too.
	if len(rows) != 2 || !strings.HasPrefix(names[0], "Ahmad Sharaw") || !strings.Contains(names[1], "al-Sharaa") {
		t.Fatalf("want one analyst and one al-Sharaa, got %v", names)
	}
	var aliases []string
	for _, a := range rows[1][1].([]any) {
		aliases = append(aliases, a.(string))
	}
	for _, want := range []string{"Ahmed al-Sharaa", "Ahmad al-Sharaa"} {
		if !slices.Contains(aliases, want) && names[1] != want {
			t.Errorf("al-Sharaa lacks the spelling %q: name %q, aliases %v", want, names[1], aliases)
		}
	}
	// Forced again, the graph keeps one node and every claim on it.
	sum, err := ingest.Run(context.Background(), forced(t, st), []string{neo4jtest.SeedsDir(t)})
	if err != nil || sum.Failed != 0 {
		t.Fatalf("forced re-ingest: %v %+v", err, sum)
	}
	rows = query(t, st, `MATCH (a:Person)-[:MADE]->(:Claim) WHERE toLower(a.name) CONTAINS 'sharaa' RETURN DISTINCT a.id`, nil)
	if len(rows) != 1 {
		t.Errorf("after a forced re-ingest al-Sharaa's claims are on %d nodes: %v", len(rows), rows)
	}
}

// An analyst's merge moves the claims and keeps the names; re-ingesting
// the documents, even forced, writes onto the merged actor, and a review
// mark made before the merge is still there.
func TestMergeSurvivesForcedReingest(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.txt": "Syria joins coalition\n\nSyria joined the anti-ISIS coalition on Tuesday.\n\nSenator Ola Nordmann welcomed the deal.\n",
		"b.txt": "Syria joins coalition\n\nSyria joined the anti-ISIS coalition on Tuesday.\n\nSenator Kari Nordmann-Berg criticised the deal.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, st, dir)
	ctx := context.Background()
	rows := query(t, st, "MATCH (:Actor {id: 'person:kari-nordmann-berg'})-[:MADE]->(c:Claim) RETURN c.id", nil)
	if len(rows) != 1 {
		t.Fatalf("Kari Nordmann-Berg has %d claims before the merge", len(rows))
	}
	if _, err := st.SetReview(ctx, rows[0][0].(string), "confirmed"); err != nil {
		t.Fatal(err)
	}
	into, err := st.ActorID(ctx, "ola nordmann")
	if err != nil {
		t.Fatal(err)
	}
	from, err := st.ActorID(ctx, "Kari Nordmann-Berg")
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.MergeActors(ctx, into, []string{from})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(a.Aliases, "Kari Nordmann-Berg") {
		t.Errorf("merged actor lacks the merged name: %+v", a)
	}
	check := func(when string) {
		t.Helper()
		if n := query(t, st, "MATCH (a:Actor) WHERE a.name CONTAINS 'Nordmann' RETURN count(a)", nil)[0][0].(int64); n != 1 {
			t.Errorf("%s: %d Nordmann actors", when, n)
		}
		got := query(t, st, `MATCH (:Actor {id: $id})-[:MADE]->(c:Claim) RETURN c.stance, coalesce(c.review, '') ORDER BY c.stance`, map[string]any{"id": into})
		if len(got) != 2 || got[0][0] != "oppose" || got[0][1] != "confirmed" || got[1][0] != "support" {
			t.Errorf("%s: Ola Nordmann's claims %v, want the confirmed oppose and the support", when, got)
		}
		for _, rel := range []string{"SUPPORTS", "OPPOSES"} {
			if n := query(t, st, "MATCH (:Actor {id: $id})-[r:"+rel+"]->(:Topic) RETURN count(r)", map[string]any{"id": into})[0][0].(int64); n != 1 {
				t.Errorf("%s: %s edges %d, want 1", when, rel, n)
			}
		}
	}
	check("after the merge")
	sum, err := ingest.Run(ctx, forced(t, st), []string{dir})
	if err != nil || sum.Documents != 2 {
		t.Fatalf("forced re-ingest: %v %+v", err, sum)
	}
	check("after a forced re-ingest")
	// Split back out, the two stay apart through another forced re-ingest,
	// the merge decision undone.
	n, err := st.SplitActor(ctx, "Ola Nordmann", []string{"Kari Nordmann-Berg"})
	if err != nil || n.ID != from || n.Name != "Kari Nordmann-Berg" {
		t.Fatalf("split: %+v %v", n, err)
	}
	apart := func(when string) {
		t.Helper()
		for id, stance := range map[string]string{into: "support", from: "oppose"} {
			got := query(t, st, "MATCH (:Actor {id: $id})-[:MADE]->(c:Claim) RETURN c.stance, coalesce(c.review, '')", map[string]any{"id": id})
			if len(got) != 1 || got[0][0] != stance {
				t.Errorf("%s: %s has claims %v, want one %s", when, id, got, stance)
			}
		}
		if got := query(t, st, "MATCH (:Actor {id: $id})-[:MADE]->(c:Claim) RETURN c.review", map[string]any{"id": from}); len(got) != 1 || got[0][0] != "confirmed" {
			t.Errorf("%s: the confirmed mark did not follow the split: %v", when, got)
		}
		if got := query(t, st, "MATCH (a:Actor {id: $id}) RETURN a.aliases", map[string]any{"id": into}); len(got) != 1 || slices.Contains(got[0][0].([]any), any("Kari Nordmann-Berg")) {
			t.Errorf("%s: Ola Nordmann keeps the split-off name: %v", when, got)
		}
	}
	apart("after the split")
	if _, err := ingest.Run(ctx, forced(t, st), []string{dir}); err != nil {
		t.Fatal(err)
	}
	apart("after another forced re-ingest")
	for _, names := range [][]string{{"Ola Nordmann"}, {"Nobody Atall"}, {}} {
		if _, err := st.SplitActor(ctx, into, names); model.ErrorCode(err) != model.Invalid {
			t.Errorf("split %q off Ola Nordmann: %v, want an invalid-input error", names, err)
		}
	}
	if _, err := st.MergeActors(ctx, into, []string{into}); model.ErrorCode(err) != model.Invalid {
		t.Errorf("merging an actor into itself: %v, want an invalid-input error", err)
	}
	if _, err := st.MergeActors(ctx, into, []string{"person:nobody"}); model.ErrorCode(err) != model.NotFound {
		t.Errorf("merging a missing actor: %v, want not found", err)
	}
	if _, err := st.MergeActors(ctx, into, []string{"state:syr"}); model.ErrorCode(err) != model.Invalid {
		t.Errorf("merging a state into a person: %v, want an invalid-input error", err)
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
	docs := query(t, st, "MATCH (d:Document) RETURN d.name ORDER BY d.name", nil)
	if len(docs) != 2 || docs[0][0] != "good.txt" || docs[1][0] != "page.html" {
		t.Fatalf("documents in graph: %v", docs)
	}
	if n := query(t, st, "MATCH (d:Document) WHERE d.text CONTAINS 'alert' RETURN count(d)", nil)[0][0].(int64); n != 0 {
		t.Fatal("script content was stored as document text")
	}
}

// TestSameNameInTwoFoldersIsTwoDocuments ingests a/article.txt and, in a
// later run, b/article.txt: two documents, each with its own claims, and
// neither shows the machine's absolute path. Ingesting a/ again, through
// another spelling of its path, is recognised as the same document.
func TestSameNameInTwoFoldersIsTwoDocuments(t *testing.T) {
	st := neo4jtest.Empty(t)
	root := t.TempDir()
	texts := map[string]string{
		"a": "Syria agreed to join the anti-ISIS coalition on Tuesday.\n\nJordan welcomed the deal.\n",
		"b": "Syria agreed to join the anti-ISIS coalition on Tuesday.\n\nIran condemned the agreement.\n",
	}
	for dir, text := range texts {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, dir, "article.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if sum := run(t, st, filepath.Join(root, "a")); sum.Documents != 1 {
		t.Fatalf("first run: %+v", sum)
	}
	if sum := run(t, st, filepath.Join(root, "b", "article.txt")); sum.Documents != 1 {
		t.Fatalf("second run: %+v", sum)
	}
	rows := query(t, st, `MATCH (d:Document) OPTIONAL MATCH (d)<-[:IN]-(:Claim)<-[:MADE]-(a:Actor)
		RETURN d.id, d.name, d.source, collect(a.name) ORDER BY d.source`, nil)
	if len(rows) != 2 {
		t.Fatalf("%d documents, want 2: %v", len(rows), rows)
	}
	if rows[0][0] == rows[1][0] || rows[0][1] != "article.txt" || rows[1][1] != "article.txt" {
		t.Fatalf("documents %v", rows)
	}
	if rows[0][2] != "a/article.txt" || rows[1][2] != "article.txt" {
		t.Fatalf("sources %q and %q, want the paths under what was ingested", rows[0][2], rows[1][2])
	}
	if a, b := rows[0][3].([]any), rows[1][3].([]any); !slices.Contains(a, any("Jordan")) || !slices.Contains(b, any("Iran")) {
		t.Fatalf("claims: a/ has %v, b/ has %v", a, b)
	}
	n := query(t, st, "MATCH (d:Document) WHERE d.source CONTAINS $root OR d.id CONTAINS $root RETURN count(d)", map[string]any{"root": root})
	if n[0][0].(int64) != 0 {
		t.Fatal("a document shows the machine's absolute path")
	}
	if err := os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	for _, again := range []string{root + "/a/../a/article.txt", filepath.Join(root, "link")} {
		cs := &countingStore{Store: st}
		if sum := run(t, cs, again); sum.Unchanged != 1 || cs.writes != 0 {
			t.Fatalf("re-ingest of the same file as %s: %+v, %d writes", again, sum, cs.writes)
		}
	}
}

// TestLegacyDocumentIsAdopted writes a document as the earlier version did
// (id and claim ids from the file's base name, its path as given), with a
// review mark; ingesting the file adopts it: no second document, the
// mark kept on the same claim.
func TestLegacyDocumentIsAdopted(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	text := []byte("Syria agreed to join the anti-ISIS coalition on Tuesday.\n\nJordan welcomed the deal.\n")
	path := filepath.Join(dir, "old.txt")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	doc, err := extract.Parse("old.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	res, err := nlptest.Extractor(t, topic).Extract(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	hash := sha256.Sum256(text)
	legacy := graph.DocumentInput{ID: "old.txt", Name: "old.txt", Source: path, SHA256: hex.EncodeToString(hash[:]),
		Text: doc.Text, Topics: []model.Topic{topic}, Actors: res.Actors, Claims: res.Claims, Affiliations: res.Affiliations}
	if err := st.WriteDocument(ctx, legacy, 100); err != nil {
		t.Fatal(err)
	}
	jordan := query(t, st, "MATCH (:Actor {name: 'Jordan'})-[:MADE]->(c:Claim) RETURN c.id, c.quote", nil)
	if len(jordan) != 1 {
		t.Fatalf("Jordan's claims: %v", jordan)
	}
	if _, err := st.SetReview(ctx, jordan[0][0].(string), "confirmed"); err != nil {
		t.Fatal(err)
	}

	cs := &countingStore{Store: st}
	if sum := run(t, cs, dir); sum.Unchanged != 1 || cs.writes != 0 {
		t.Fatalf("adopting an unchanged legacy document: %+v, %d writes", sum, cs.writes)
	}
	after := query(t, st, "MATCH (d:Document)<-[:IN]-(c:Claim)<-[:MADE]-(:Actor {name: 'Jordan'}) RETURN d.id, d.source, c.id, c.review, c.quote", nil)
	if len(after) != 1 || after[0][0] == "old.txt" || after[0][1] != filepath.Base(dir)+"/old.txt" ||
		after[0][2] == jordan[0][0] || after[0][3] != "confirmed" || after[0][4] != jordan[0][1] {
		t.Fatalf("after adoption %v (legacy claim %v)", after, jordan)
	}
	if n := query(t, st, "MATCH (d:Document) RETURN count(d)", nil)[0][0].(int64); n != 1 {
		t.Fatalf("%d documents after adoption", n)
	}
	// The adopted document is now an ordinary one: a changed file
	// rewrites it in place, keeping the mark.
	if err := os.WriteFile(path, append([]byte("A new first line.\n\n"), text...), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := run(t, st, dir); sum.Documents != 1 {
		t.Fatalf("changed after adoption: %+v", sum)
	}
	again := query(t, st, "MATCH (d:Document)<-[:IN]-(c:Claim)<-[:MADE]-(:Actor {name: 'Jordan'}) RETURN d.id, c.id, c.review", nil)
	if len(again) != 1 || again[0][0] != after[0][0] || again[0][1] != after[0][2] || again[0][2] != "confirmed" {
		t.Fatalf("after a change %v, want %v", again, after)
	}
}

// A folder's corpus.yaml marks its articles, and those in folders below;
// a broken one stops the run before anything is written, naming the file.
func TestCorpusFile(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	sub := filepath.Join(dir, "more")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	article := "Coalition news\n\nSenator Ola Nordmann welcomed the decision to join the anti-ISIS coalition.\n"
	for _, f := range []string{filepath.Join(dir, "a.txt"), filepath.Join(sub, "b.txt")} {
		if err := os.WriteFile(f, []byte(article), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		yaml, err string
	}{
		{"name: [unclosed", "corpus.yaml"},
		{"name: drill\nlabel: x\n", "field label not found"},
		{"note: no name\n", "name is required"},
	} {
		if err := os.WriteFile(filepath.Join(dir, "corpus.yaml"), []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ingest.Run(context.Background(), options(t, st), []string{dir})
		if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "corpus.yaml") {
			t.Errorf("%q: %v, want an error naming corpus.yaml and %q", tc.yaml, err, tc.err)
		}
		if n := query(t, st, "MATCH (d:Document) RETURN count(d)", nil)[0][0].(int64); n != 0 {
			t.Fatalf("%q: %d documents written", tc.yaml, n)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus.yaml"), []byte("name: drill\nnote: Written for a drill.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, st, dir)
	rows := query(t, st, "MATCH (d:Document) RETURN d.source, d.corpus, d.corpus_note ORDER BY d.source", nil)
	if len(rows) != 2 {
		t.Fatalf("documents %v", rows)
	}
	for _, r := range rows {
		if r[1] != "drill" || r[2] != "Written for a drill." {
			t.Errorf("%v: not marked as the drill corpus", r)
		}
	}
}

// Each document keeps the date it says it was published; --date dates the
// ones that do not say.
func TestPublicationDates(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	for name, body := range map[string]string{
		"said.txt":   "Coalition news\n\nOSLO, Nov. 20, 2025 (Wire) - Senator Ola Nordmann welcomed the decision to join the anti-ISIS coalition.\n",
		"silent.txt": "Coalition news\n\nSenator Kari Nordmann-Berg criticised the decision to join the anti-ISIS coalition.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dated := options(t, st)
	dated.Date = "2025-11-01"
	if _, err := ingest.Run(context.Background(), dated, []string{dir}); err != nil {
		t.Fatal(err)
	}
	rows := query(t, st, "MATCH (d:Document) RETURN d.name, toString(d.published) ORDER BY d.name", nil)
	want := [][]any{{"said.txt", "2025-11-20"}, {"silent.txt", "2025-11-01"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("dates %v, want %v", rows, want)
	}
	timeline, err := st.Timeline(context.Background(), "", "")
	if err != nil || len(timeline) != 2 || timeline[0].Published != "2025-11-01" || timeline[1].Published != "2025-11-20" {
		t.Errorf("timeline %+v %v, want the claims by date", timeline, err)
	}
}

// Removing a folder's documents leaves the graph as if only the rest had
// been ingested: the same summary edges, no actor that only they named.
func TestRemoveDocumentsKeepsSummariesInStep(t *testing.T) {
	st := neo4jtest.Empty(t)
	seeds := neo4jtest.SeedsDir(t)
	examples := filepath.Join(neo4jtest.Root(t), "examples", "articles")
	edges := func() [][]any {
		return query(t, st, `MATCH (a:Actor)-[r:SUPPORTS|OPPOSES|CAUTIOUS_ON]->(t:Topic)
RETURN a.id, type(r), r.claims, r.documents ORDER BY a.id, type(r)`, nil)
	}
	run(t, st, seeds)
	alone := edges()
	actors := query(t, st, "MATCH (a:Actor) RETURN count(a)", nil)[0][0]
	run(t, st, examples)
	if reflect.DeepEqual(edges(), alone) {
		t.Fatal("the examples changed no summary edge: the test shows nothing")
	}
	ids, err := ingest.DocumentIDs([]string{examples})
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.RemoveDocuments(context.Background(), ids)
	if err != nil || n != 6 {
		t.Fatalf("removed %d of %d: %v", n, len(ids), err)
	}
	if got := edges(); !reflect.DeepEqual(got, alone) {
		t.Errorf("summary edges after removing the examples differ from the seeds' alone:\n%v\nwant\n%v", got, alone)
	}
	if got := query(t, st, "MATCH (a:Actor) RETURN count(a)", nil)[0][0]; got != actors {
		t.Errorf("%v actors after removing the examples, %v with the seeds alone", got, actors)
	}
	if n, err := st.RemoveDocuments(context.Background(), ids); err != nil || n != 0 {
		t.Errorf("removing them again: %d, %v", n, err)
	}
}

// TestForcingOneTopicsFolderLeavesTheOther: with two topics, a forced
// re-ingest of one event's folder rewrites its documents only; the other
// topic's claims, review marks and summary edges stay as they were.
func TestForcingOneTopicsFolderLeavesTheOther(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	o := options(t, st)
	o.Extractor = neo4jtest.BothTopics(t)
	seeds, tarvo := neo4jtest.SeedsDir(t), neo4jtest.TarvoDir(t)
	if _, err := ingest.Run(ctx, o, []string{seeds, tarvo}); err != nil {
		t.Fatal(err)
	}
	claimsOf := func(topic string) []string {
		var out []string
		for _, r := range query(t, st, `MATCH (c:Claim)-[:ABOUT]->(:Topic {id: $t}) RETURN c.id + ' ' + c.review ORDER BY c.id`, map[string]any{"t": topic}) {
			out = append(out, r[0].(string))
		}
		return out
	}
	edgesOf := func(topic string) []string {
		var out []string
		for _, r := range query(t, st, `MATCH (a:Actor)-[s]->(:Topic {id: $t}) RETURN a.id + ' ' + type(s) + ' ' + toString(s.claims) ORDER BY a.id, type(s)`, map[string]any{"t": topic}) {
			out = append(out, r[0].(string))
		}
		return out
	}
	for _, tt := range []struct{ marked, forced, forcedTopic string }{
		{neo4jtest.Topic.ID, tarvo, neo4jtest.TarvoTopic.ID},
		{neo4jtest.TarvoTopic.ID, seeds, neo4jtest.Topic.ID},
	} {
		claims := claimsOf(tt.marked)
		if len(claims) == 0 {
			t.Fatalf("no claims on %s", tt.marked)
		}
		rejected := strings.Fields(claims[0])[0]
		if _, err := st.SetReview(ctx, rejected, "rejected"); err != nil {
			t.Fatal(err)
		}
		claims, edges, forcedBefore := claimsOf(tt.marked), edgesOf(tt.marked), claimsOf(tt.forcedTopic)
		o.Force = true
		sum, err := ingest.Run(ctx, o, []string{tt.forced})
		if err != nil || sum.Documents == 0 {
			t.Fatalf("forced re-ingest of %s: %v %+v", tt.forced, err, sum)
		}
		if got := claimsOf(tt.marked); !slices.Equal(got, claims) {
			t.Errorf("forcing %s changed %s's claims or marks:\n got %v\nwant %v", tt.forced, tt.marked, got, claims)
		}
		if got := edgesOf(tt.marked); !slices.Equal(got, edges) {
			t.Errorf("forcing %s changed %s's summary edges:\n got %v\nwant %v", tt.forced, tt.marked, got, edges)
		}
		if got := claimsOf(tt.forcedTopic); !slices.Equal(got, forcedBefore) {
			t.Errorf("forcing %s changed its own claims:\n got %v\nwant %v", tt.forced, got, forcedBefore)
		}
	}
}

// failingStore refuses any transaction that holds the document read from
// a file of the given name: a write failure Neo4j would report for one
// document.
type failingStore struct {
	*graph.Store
	name string
}

func (f failingStore) WriteDocuments(ctx context.Context, ins []graph.DocumentInput, batch int) error {
	for _, in := range ins {
		if in.Name == f.name {
			return model.Errorf(model.Invalid, "write document %s: refused", in.ID)
		}
	}
	return f.Store.WriteDocuments(ctx, ins, batch)
}

// Documents share transactions, yet each is written or fails on its own:
// a transaction that fails is written again a document at a time, so the
// one bad document fails, named, and the others in its batch are written.
func TestOneBadDocumentInABatchFailsAlone(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	for i, country := range []string{"Jordan", "Egypt", "Qatar", "Oman", "Kenya", "Ghana"} {
		body := fmt.Sprintf("%s welcomed the decision to join the anti-ISIS coalition.\n", country)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("note-%d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o := options(t, failingStore{Store: st, name: "note-3.txt"})
	o.Workers, o.DocsPerTransaction = 1, 6
	sum, err := ingest.Run(context.Background(), o, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 5 || sum.Failed != 1 || filepath.Base(sum.Failures[0].File) != "note-3.txt" {
		t.Fatalf("summary %+v", sum)
	}
	rows := query(t, st, "MATCH (d:Document) RETURN d.name ORDER BY d.name", nil)
	var names []string
	for _, r := range rows {
		names = append(names, r[0].(string))
	}
	if want := []string{"note-0.txt", "note-1.txt", "note-2.txt", "note-4.txt", "note-5.txt"}; !slices.Equal(names, want) {
		t.Errorf("documents %v, want %v", names, want)
	}
}
