package ingest_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/synth"
)

var (
	corpusOnce sync.Once
	corpusDir  string
)

// corpus writes the seeded synthetic corpus once per benchmark binary.
func corpus(b *testing.B) string {
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "stancegraph-bench-")
		if err != nil {
			b.Fatal(err)
		}
		g, err := extract.LoadGazetteer()
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := synth.Write(dir, g, 1, neo4jtest.BenchDocs(b)); err != nil {
			b.Fatal(err)
		}
		corpusDir = dir
	})
	return corpusDir
}

func ingestAll(b *testing.B, st *graph.Store, dir string) ingest.Summary {
	b.Helper()
	// The fast parser: the benchmark measures writing, and a real parse of
	// 10,000 articles would take hours on two cores.
	x := nlptest.FastTopics(b, neo4jtest.Topic)
	sum, err := ingest.Run(context.Background(), ingest.Options{Store: st, Extractor: x,
		MaxBytes: 1 << 20, BatchSize: 1000, Workers: 2, Progress: neo4jtest.Quiet{}}, []string{dir})
	if err != nil {
		b.Fatal(err)
	}
	if sum.Failed > 0 {
		b.Fatalf("%d files failed: %v", sum.Failed, sum.Failures[0].Err)
	}
	return sum
}

// BenchmarkIngest is the first ingest of the whole corpus into an empty
// graph, end to end: read, extract, write.
func BenchmarkIngest(b *testing.B) {
	dir := corpus(b)
	st := neo4jtest.Open(b)
	var sum ingest.Summary
	for b.Loop() {
		b.StopTimer()
		if err := st.DeleteAll(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum = ingestAll(b, st, dir)
	}
	b.ReportMetric(float64(sum.Documents)/sum.Elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(sum.Claims)/sum.Elapsed.Seconds(), "claims/s")
	b.ReportMetric(float64(sum.Documents), "docs")
}

// BenchmarkReingestUnchanged ingests the same corpus again: every document
// is recognised by its hash and nothing is written.
func BenchmarkReingestUnchanged(b *testing.B) {
	dir := corpus(b)
	st := neo4jtest.Open(b)
	if !neo4jtest.HasDocument(b, st, "synth-000000.txt") {
		b.StopTimer()
		if err := st.DeleteAll(context.Background()); err != nil {
			b.Fatal(err)
		}
		ingestAll(b, st, dir)
		b.StartTimer()
	}
	var sum ingest.Summary
	for b.Loop() {
		sum = ingestAll(b, st, dir)
	}
	if sum.Documents != 0 {
		b.Fatalf("re-ingest wrote %d documents", sum.Documents)
	}
	b.ReportMetric(float64(sum.Unchanged)/sum.Elapsed.Seconds(), "docs/s")
}
