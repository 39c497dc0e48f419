package ingest_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/synth"
)

// corpora are the seeded synthetic corpora written so far by this
// benchmark binary, by size.
var corpora = struct {
	sync.Mutex
	dirs map[int]string
}{dirs: map[int]string{}}

// TestMain removes the corpora when the benchmarks are done: the large one
// is about 470 MB.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range corpora.dirs {
		_ = os.RemoveAll(dir)
	}
	os.Exit(code)
}

// corpus writes the seeded synthetic corpus of n documents once per
// benchmark binary.
func corpus(b *testing.B, n int) string {
	corpora.Lock()
	defer corpora.Unlock()
	if dir, ok := corpora.dirs[n]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "stancegraph-bench-")
	if err != nil {
		b.Fatal(err)
	}
	g, err := extract.LoadGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := synth.Write(dir, g, 1, n); err != nil {
		b.Fatal(err)
	}
	corpora.dirs[n] = dir
	return dir
}

// writing is how documents are written: by how many writers, how many
// documents in a transaction.
type writing struct{ writers, perTx int }

// shipped is config.yaml's ingest.writers and ingest.docs_per_transaction:
// two writers measured faster than one (BENCHMARKS.md).
var shipped = writing{writers: 2, perTx: 64}

func ingestAll(b *testing.B, st *graph.Store, dir string, w writing) ingest.Summary {
	b.Helper()
	// The fast parser: the benchmark measures writing, and a real parse of
	// 10,000 articles would take hours on two cores.
	x := nlptest.FastTopics(b, neo4jtest.Topic)
	sum, err := ingest.Run(context.Background(), ingest.Options{Store: st, Extractor: x,
		MaxBytes: 1 << 20, BatchSize: 1000, Workers: 2, Writers: w.writers, DocsPerTransaction: w.perTx,
		Progress: neo4jtest.Quiet{}}, []string{dir})
	if err != nil {
		b.Fatal(err)
	}
	if sum.Failed > 0 {
		b.Fatalf("%d files failed: %v", sum.Failed, sum.Failures[0].Err)
	}
	return sum
}

// firstIngest times the first ingest of a corpus of n documents into an
// empty graph, end to end: read, extract, write.
func firstIngest(b *testing.B, n int, w writing) {
	dir := corpus(b, n)
	st := neo4jtest.Open(b)
	var sum ingest.Summary
	for b.Loop() {
		b.StopTimer()
		if err := st.DeleteAll(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum = ingestAll(b, st, dir, w)
	}
	b.ReportMetric(float64(sum.Documents)/sum.Elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(sum.Claims)/sum.Elapsed.Seconds(), "claims/s")
	b.ReportMetric(float64(sum.Documents), "docs")
	b.ReportMetric(peakRSS(b), "peak-RSS-MB")
}

// peakRSS is the benchmark process's peak resident memory so far, in MB
// (Linux's VmHWM): the ingester's, plus the corpus writer's, which streams.
func peakRSS(b *testing.B) float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	for _, ln := range strings.Split(string(status), "\n") {
		if f := strings.Fields(ln); len(f) == 3 && f[0] == "VmHWM:" && f[2] == "kB" {
			kb, err := strconv.Atoi(f[1])
			if err != nil {
				b.Fatal(err)
			}
			return float64(kb) / 1000
		}
	}
	b.Fatal("no VmHWM in /proc/self/status")
	return 0
}

// BenchmarkIngestOnePerTransaction is the baseline: two writers, each
// document in a transaction of its own, as ingest wrote before.
func BenchmarkIngestOnePerTransaction(b *testing.B) {
	firstIngest(b, neo4jtest.CompareDocs(b), writing{writers: 2, perTx: 1})
}

// BenchmarkIngestEightPerTransaction is two writers, eight documents per
// transaction: the default until sixty-four measured faster.
func BenchmarkIngestEightPerTransaction(b *testing.B) {
	firstIngest(b, neo4jtest.CompareDocs(b), writing{writers: 2, perTx: 8})
}

// BenchmarkIngestOneWriter is the shipped batching with one writer, which
// the measurement decided against.
func BenchmarkIngestOneWriter(b *testing.B) {
	firstIngest(b, neo4jtest.CompareDocs(b), writing{writers: 1, perTx: shipped.perTx})
}

// BenchmarkIngest is the first ingest as shipped, on the corpus the
// variants above are compared on.
func BenchmarkIngest(b *testing.B) { firstIngest(b, neo4jtest.CompareDocs(b), shipped) }

// BenchmarkIngestLarge is the first ingest as shipped of the large corpus
// (100,000 documents by default). It runs after the variants, so the
// graph it leaves is the one the API benchmarks read.
func BenchmarkIngestLarge(b *testing.B) { firstIngest(b, neo4jtest.BenchDocs(b), shipped) }

// BenchmarkFirstLoad is the bulk path's first load of the corpus the
// variants are compared on: the same reading and extraction, written as
// import files and loaded by neo4j-admin's import (the test instance
// stopped, loaded and started again, the schema applied).
func BenchmarkFirstLoad(b *testing.B) { bulkLoad(b, neo4jtest.CompareDocs(b)) }

// BenchmarkFirstLoadLarge is the same on the large corpus.
func BenchmarkFirstLoadLarge(b *testing.B) { bulkLoad(b, neo4jtest.BenchDocs(b)) }

func bulkLoad(b *testing.B, n int) {
	dir := corpus(b, n)
	st := neo4jtest.Open(b)
	x := nlptest.FastTopics(b, neo4jtest.Topic)
	var sum ingest.Summary
	var loading time.Duration
	bulk := neo4jtest.Bulk(b, st)
	load := bulk.Load
	bulk.Load = func(ctx context.Context, files graph.ImportFiles) error {
		start := time.Now()
		defer func() { loading = time.Since(start) }()
		return load(ctx, files)
	}
	for b.Loop() {
		b.StopTimer()
		if err := st.DeleteAll(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var err error
		sum, err = ingest.Run(context.Background(), ingest.Options{Store: st, Extractor: x,
			MaxBytes: 1 << 20, BatchSize: 1000, Workers: 2, Writers: 1, DocsPerTransaction: shipped.perTx,
			Progress: neo4jtest.Quiet{}, Bulk: bulk}, []string{dir})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Failed > 0 || !sum.Bulk {
			b.Fatalf("bulk %v, %d files failed: %v", sum.Bulk, sum.Failed, sum.Failures)
		}
	}
	b.ReportMetric(float64(sum.Documents)/sum.Elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(sum.Claims)/sum.Elapsed.Seconds(), "claims/s")
	b.ReportMetric(float64(sum.Documents), "docs")
	b.ReportMetric(loading.Seconds(), "load-s")
	b.ReportMetric(peakRSS(b), "peak-RSS-MB")
}

// BenchmarkReingestUnchanged ingests the large corpus again: every
// document is recognised by its hash and nothing is written.
func BenchmarkReingestUnchanged(b *testing.B) {
	dir := corpus(b, neo4jtest.BenchDocs(b))
	st := neo4jtest.Open(b)
	if !neo4jtest.HasDocument(b, st, fmt.Sprintf("synth-%06d.txt", neo4jtest.BenchDocs(b)-1)) {
		b.StopTimer()
		if err := st.DeleteAll(context.Background()); err != nil {
			b.Fatal(err)
		}
		ingestAll(b, st, dir, shipped)
		b.StartTimer()
	}
	var sum ingest.Summary
	for b.Loop() {
		sum = ingestAll(b, st, dir, shipped)
	}
	if sum.Documents != 0 {
		b.Fatalf("re-ingest wrote %d documents", sum.Documents)
	}
	b.ReportMetric(float64(sum.Unchanged)/sum.Elapsed.Seconds(), "docs/s")
}
