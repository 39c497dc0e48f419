package extract_test

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/synth"
)

// benchDocs and benchSeed fix the corpus: the same 5,000 synthetic
// articles (about 16 MB) on every machine and every run.
const (
	benchDocs = 5000
	benchSeed = 1
)

// benchTopic is the default topic of config.yaml, so the benchmark pays for
// the same topic patterns as a default installation.
var benchTopic = extract.Topic{
	ID:   "syria-anti-isis-coalition",
	Name: "Syria joins the U.S.-led coalition against ISIS",
	Terms: []string{
		"anti-ISIS coalition", "coalition against ISIS", "coalition against the Islamic State",
		"anti-IS coalition", "Global Coalition to Defeat ISIS", "U.S.-led coalition",
		"join the coalition", "joining the coalition", "coalition membership", "coalition",
	},
}

var benchCorpus struct {
	once  sync.Once
	x     *extract.Extractor
	docs  []extract.Document
	bytes int64
	err   error
}

// mustBenchCorpus generates the corpus once per test binary; generation is
// never timed.
func mustBenchCorpus(b *testing.B) (*extract.Extractor, []extract.Document, int64) {
	b.Helper()
	c := &benchCorpus
	c.once.Do(func() {
		g, err := extract.LoadGazetteer()
		if err != nil {
			c.err = err
			return
		}
		if c.x, c.err = extract.New(g, benchTopic, nil); c.err != nil {
			return
		}
		for _, a := range synth.Generate(g, benchSeed, benchDocs) {
			doc, err := extract.Parse(a.Name, []byte(a.Text))
			if err != nil {
				c.err = err
				return
			}
			c.docs = append(c.docs, doc)
			c.bytes += int64(len(a.Text))
		}
	})
	if c.err != nil {
		b.Fatal(c.err)
	}
	return c.x, c.docs, c.bytes
}

// BenchmarkExtract extracts the whole corpus on one core: one op is one
// pass over all 5,000 articles. GOMAXPROCS is 1 while it runs, so the
// garbage collector shares that core too. The aim is 5 MB/s.
func BenchmarkExtract(b *testing.B) {
	x, docs, size := mustBenchCorpus(b)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	b.SetBytes(size)
	b.ReportAllocs()
	claims := 0
	for b.Loop() {
		claims = 0
		for _, d := range docs {
			claims += len(x.Extract(d).Claims)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(claims)/float64(len(docs)), "claims/doc")
}

// BenchmarkExtractParallel is the same pass spread over GOMAXPROCS
// goroutines that share one Extractor, for reference. One op is still one
// pass over the corpus, so its MB/s and docs/s compare directly with
// BenchmarkExtract's; b.RunParallel is not used because its op would be a
// single document, and -benchtime 3x would then time three documents.
func BenchmarkExtractParallel(b *testing.B) {
	x, docs, size := mustBenchCorpus(b)
	workers := runtime.GOMAXPROCS(0)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := next.Add(1) - 1; i < int64(len(docs)); i = next.Add(1) - 1 {
					x.Extract(docs[i])
				}
			})
		}
		wg.Wait()
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(workers), "workers")
}
