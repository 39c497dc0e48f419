package graph_test

import (
	"context"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/synth"
)

var benchTopic = model.Topic{ID: "syria-anti-isis-coalition", Name: "Syria joins the coalition", Terms: []string{"anti-ISIS coalition", "coalition"}}

// extracted is n synthetic documents (generated with seed), extracted on
// topic t in the fast mode, two at a time: setup, never timed.
func extracted(b *testing.B, t model.Topic, seed int64, n int) []graph.DocumentInput {
	g, err := extract.LoadGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	// The fast parser: these benchmarks measure writes, not extraction.
	x := nlptest.FastExtractor(b, t)
	arts := synth.Generate(g, seed, n)
	out := make([]graph.DocumentInput, len(arts))
	var eg errgroup.Group
	eg.SetLimit(2)
	for i, a := range arts {
		eg.Go(func() error {
			doc, err := extract.Parse(a.Name, []byte(a.Text))
			if err != nil {
				return err
			}
			r, err := x.Extract(context.Background(), doc)
			out[i] = graph.DocumentInput{ID: a.Name, Name: a.Name, Text: doc.Text, Topics: []model.Topic{t},
				Actors: r.Actors, Claims: r.Claims, Affiliations: r.Affiliations}
			return err
		})
	}
	if err := eg.Wait(); err != nil {
		b.Fatal(err)
	}
	return out
}

const writeSubset = 600

// benchWrites writes docs perTx at a time into an empty graph, timing the
// writes alone.
func benchWrites(b *testing.B, docs []graph.DocumentInput, perTx int, write func(*graph.Store, []graph.DocumentInput) error) {
	st := neo4jtest.Open(b)
	claims := 0
	for _, d := range docs {
		claims += len(d.Claims)
	}
	// Neo4j plans a statement the first time it sees it: the shipped
	// write's statements take far longer to plan than the bare one's, and
	// on a few hundred documents the planning would be much of what is
	// timed. Two batches first, untimed, as a long ingest has them
	// already planned.
	if err := st.DeleteAll(context.Background()); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < min(len(docs), 2*perTx); i += perTx {
		if err := write(st, docs[i:min(i+perTx, len(docs))]); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		b.StopTimer()
		if err := st.DeleteAll(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < len(docs); i += perTx {
			if err := write(st, docs[i:min(i+perTx, len(docs))]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(claims*b.N)/b.Elapsed().Seconds(), "claims/s")
}

// subset is the first writeSubset synthetic documents, for the benchmarks
// that compare batching with one query per row.
func subset(b *testing.B) []graph.DocumentInput { return extracted(b, benchTopic, 2, writeSubset) }

// bare writes with the fewest statements that store the rows
// (graph.WriteBare): the upper bound WriteDocuments is measured against.
func bare(st *graph.Store, d []graph.DocumentInput) error {
	return st.WriteBare(context.Background(), d)
}

// BenchmarkWriteBatched writes the subset with UNWIND batches, one
// transaction per document.
func BenchmarkWriteBatched(b *testing.B) {
	benchWrites(b, subset(b), 1, func(st *graph.Store, d []graph.DocumentInput) error {
		return st.WriteDocument(context.Background(), d[0], 1000)
	})
}

// BenchmarkWriteEightPerTransaction writes the subset with UNWIND batches,
// eight documents per transaction (ingest's default until 64 measured
// faster).
func BenchmarkWriteEightPerTransaction(b *testing.B) { benchTransactions(b, 8) }

// BenchmarkWriteSixtyFourPerTransaction is the same, sixty-four documents
// per transaction: ingest's default.
func BenchmarkWriteSixtyFourPerTransaction(b *testing.B) { benchTransactions(b, 64) }

func benchTransactions(b *testing.B, perTx int) {
	benchWrites(b, subset(b), perTx, func(st *graph.Store, d []graph.DocumentInput) error {
		return st.WriteDocuments(context.Background(), d, 1000)
	})
}

// BenchmarkWriteBare writes the same rows bare, eight documents per
// transaction.
func BenchmarkWriteBare(b *testing.B) { benchWrites(b, subset(b), 8, bare) }

// BenchmarkWriteBareSixtyFour writes them bare, sixty-four documents per
// transaction: the baseline of the transactional write as shipped.
func BenchmarkWriteBareSixtyFour(b *testing.B) { benchWrites(b, subset(b), 64, bare) }

// BenchmarkWriteBareLarge writes the rows of the large first load (the
// ingest benchmark's corpus: BenchDocs articles, seed 1, its topic) bare,
// eight documents per transaction, into an empty graph: the baseline
// BenchmarkFirstLoadLarge's end-to-end rate is held against. The
// extraction runs first, untimed, so that it takes no CPU from Neo4j.
func BenchmarkWriteBareLarge(b *testing.B) {
	benchWrites(b, extracted(b, neo4jtest.Topic, 1, neo4jtest.BenchDocs(b)), 8, bare)
}

// BenchmarkWritePerRow writes the same subset one query per row: the
// baseline the batched writes are measured against.
func BenchmarkWritePerRow(b *testing.B) {
	benchWrites(b, subset(b), 1, func(st *graph.Store, d []graph.DocumentInput) error {
		return st.WriteDocumentPerRow(context.Background(), d[0])
	})
}
