package neo4jtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/synth"
)

// Topic is the tests' topic: the seeds' event as config.yaml gives it.
var Topic = model.Topic{ID: "syria-anti-isis-coalition", Name: "Syria joins the U.S.-led coalition against ISIS", Terms: []string{
	"anti-ISIS coalition", "coalition against ISIS", "coalition against the Islamic State", "anti-IS coalition",
	"Global Coalition to Defeat ISIS", "U.S.-led coalition", "join the coalition", "joining the coalition",
	"coalition membership", "coalition"}}

// TarvoTopic is the invented event of the project's second example
// folder, as config.yaml gives it.
var TarvoTopic = model.Topic{ID: "tarvo-river-accord", Name: "The Tarvo River water-sharing accord", Start: "2026-03-04",
	Terms: []string{"Tarvo River accord", "Tarvo accord", "water-sharing accord"}}

// TarvoDir is the example folder about TarvoTopic.
func TarvoDir(tb testing.TB) string { return filepath.Join(Root(tb), "examples", "tarvo-accord") }

// BothTopics is the project's extractor for the seeds' topic and
// TarvoTopic together, on the real CoreNLP parser.
func BothTopics(tb testing.TB) *extract.Topics {
	tb.Helper()
	return nlptest.Topics(tb, nlptest.Parser(tb), Topic, TarvoTopic)
}

// SeedsDir is ../shared/seeds beside the repository. CI always has it, so
// there a missing folder fails; elsewhere the test is skipped, saying why.
func SeedsDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(Root(tb), "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("CI without ../shared/seeds: %v", err)
		}
		tb.Skipf("../shared/seeds not present: %v", err)
	}
	return dir
}

// Quiet is an ingest progress that shows nothing.
type Quiet struct{}

func (Quiet) Start(int)          {}
func (Quiet) Done(string, error) {}
func (Quiet) Finish()            {}

// Extractor is the project's extractor for the seeds' topic alone, on
// the real CoreNLP parser.
func Extractor(tb testing.TB) *extract.Topics {
	tb.Helper()
	return nlptest.Topics(tb, nlptest.Parser(tb), Topic)
}

// Seed empties the database and ingests the given folders or files with
// the project's extractor and the seeds' topic.
func Seed(tb testing.TB, st *graph.Store, paths ...string) ingest.Summary {
	tb.Helper()
	return SeedWith(tb, st, Extractor(tb), paths...)
}

// SeedWith is Seed with another extractor: the benchmarks' large synthetic
// corpora use the fast one.
func SeedWith(tb testing.TB, st *graph.Store, x *extract.Topics, paths ...string) ingest.Summary {
	tb.Helper()
	ctx := context.Background()
	if err := st.DeleteAll(ctx); err != nil {
		tb.Fatal(err)
	}
	sum, err := ingest.Run(ctx, ingest.Options{Store: st, Extractor: x, MaxBytes: 1 << 20,
		BatchSize: 500, Workers: 2, Writers: 2, DocsPerTransaction: 8, Progress: Quiet{}}, paths)
	if err != nil {
		tb.Fatal(err)
	}
	if sum.Failed > 0 {
		tb.Fatalf("seeding: %v", sum.Failures[0].Err)
	}
	return sum
}

// HasDocument reports whether the graph holds a document read from a file
// of this name, so that benchmarks reuse a corpus already ingested.
func HasDocument(tb testing.TB, st *graph.Store, name string) bool {
	tb.Helper()
	r, err := st.ReadQuery(context.Background(), "MATCH (d:Document {name: $name}) RETURN count(d)", map[string]any{"name": name}, 30*time.Second, 1)
	if err != nil {
		tb.Fatal(err)
	}
	return r.Rows[0][0].(int64) > 0
}

// BenchDocs is the size of the benchmarks' large synthetic graph, which
// the first ingest as shipped builds and the API benchmarks then read:
// 100,000 by default, as issue 12's aims say; STANCEGRAPH_BENCH_DOCS
// changes it for a quick look.
func BenchDocs(tb testing.TB) int {
	if s := os.Getenv("STANCEGRAPH_BENCH_DOCS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			tb.Fatalf("STANCEGRAPH_BENCH_DOCS=%q is not a positive number", s)
		}
		return n
	}
	return 100000
}

// CompareDocs is the corpus the ingest variants are compared on (one
// writer, one document per transaction, the shipped way): 10,000, or
// BenchDocs if smaller. Three first ingests of the large corpus would
// take an hour on two cores.
func CompareDocs(tb testing.TB) int { return min(10000, BenchDocs(tb)) }

// LargeGraph returns a store on the benchmarks' large synthetic graph:
// BenchDocs seeded articles, read in the fast mode. The graph the large
// ingest benchmark left is reused (its last document is there); otherwise
// it is built here.
func LargeGraph(tb testing.TB) *graph.Store {
	tb.Helper()
	st := Open(tb)
	n := BenchDocs(tb)
	if HasDocument(tb, st, fmt.Sprintf("synth-%06d.txt", n-1)) {
		return st
	}
	SeedWith(tb, st, nlptest.FastTopics(tb, Topic), Synthetic(tb, 1, n))
	return st
}

// Synthetic writes n synthetic articles (generator seeded with seed) into
// a folder that goes with the test.
func Synthetic(tb testing.TB, seed int64, n int) string {
	tb.Helper()
	g, err := extract.LoadGazetteer()
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	if _, _, err := synth.Write(dir, g, seed, n); err != nil {
		tb.Fatal(err)
	}
	return dir
}
