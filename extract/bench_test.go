package extract_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/corenlp"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/internal/repo"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/synth"
	"go.yaml.in/yaml/v3"
)

// benchTopic is the default topic of config.yaml, so the synthetic corpus
// pays for the same topic terms as a default installation.
var benchTopic = model.Topic{ID: "syria-anti-isis-coalition", Terms: []string{
	"anti-ISIS coalition", "coalition against ISIS", "coalition against the Islamic State", "anti-IS coalition",
	"Global Coalition to Defeat ISIS", "U.S.-led coalition", "join the coalition", "joining the coalition",
	"coalition membership", "coalition"}}

// synthDocs is the synthetic corpus of the fast mode's benchmark: the same
// 2,000 seeded articles (about 6 MB) on every machine.
const synthDocs = 2000

func synthCorpus(b *testing.B) []extract.Document {
	g, err := extract.LoadGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	var docs []extract.Document
	for _, a := range synth.Generate(g, 1, synthDocs) {
		doc, err := extract.Parse(a.Name, []byte(a.Text))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// devCorpus is every article of ../shared/eval/dev, with its own topic.
type devDoc struct {
	doc   extract.Document
	topic model.Topic
}

func devCorpus(b *testing.B) []devDoc {
	dirs, _ := filepath.Glob(filepath.Join(repo.Shared(b), "eval", "dev", "*", "articles"))
	if len(dirs) == 0 {
		b.Skip("../shared/eval/dev not present")
	}
	var out []devDoc
	for _, dir := range dirs {
		// The topic's own terms matter little to the cost; one set for all.
		files, err := extract.Files([]string{dir})
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			doc, err := extract.Parse(filepath.Base(f), raw)
			if err != nil {
				b.Fatal(err)
			}
			out = append(out, devDoc{doc: doc, topic: model.Topic{ID: "dev", Terms: []string{"the deal", "the agreement", "the pact", "the move", "the decision", "NATO membership"}}})
		}
	}
	return out
}

// extractAll runs documents through extractors on n goroutines and
// reports MB/s of article text. With one, the benchmark's own goroutine
// reads them: handed over a channel one at a time, each document woke a
// second thread and put it back to sleep (4% of the single-core profile
// in futex calls), a cost of the harness, not of extraction.
func extractAll(b *testing.B, docs []extract.Document, x func(i int) *extract.Extractor, n int) {
	b.ResetTimer()
	if n == 1 {
		for b.Loop() {
			for i, d := range docs {
				if _, err := x(i).Extract(context.Background(), d); err != nil {
					b.Error(err)
				}
			}
		}
		reportThroughput(b, docs)
		return
	}
	for b.Loop() {
		var wg sync.WaitGroup
		next := make(chan int)
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					if _, err := x(i).Extract(context.Background(), docs[i]); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		for i := range docs {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	reportThroughput(b, docs)
}

// reportThroughput reports MB/s of article text and documents a second
// for b.N passes over docs.
func reportThroughput(b *testing.B, docs []extract.Document) {
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	b.ReportMetric(float64(bytes*int64(b.N))/1e6/b.Elapsed().Seconds(), "MB/s")
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkFastSynthetic: the pure-Go mode on one core.
func BenchmarkFastSynthetic(b *testing.B) {
	docs := synthCorpus(b)
	x := nlptest.With(b, benchTopic, shallow.New())
	extractAll(b, docs, func(int) *extract.Extractor { return x }, 1)
}

// BenchmarkFastSyntheticTwoTopics: the same corpus as ingest and
// `stancegraph extract` read it, for two topics, as config.yaml lists:
// the second (a river accord) is named by none of the articles, and costs
// only the search for its terms. (Some articles name neither.)
func BenchmarkFastSyntheticTwoTopics(b *testing.B) {
	docs := synthCorpus(b)
	river := model.Topic{ID: "river-accord", Terms: []string{"river accord", "water-sharing accord", "the river treaty"}}
	ts := nlptest.Topics(b, shallow.New(), benchTopic, river)
	extractForBenchTopic(b, docs, ts)
}

// followedEvents are thirty events a user might follow besides the
// corpus's own, none of which its articles name: written for this
// benchmark, two to three terms each, as a topic block would give them.
var followedEvents = [][]string{
	{"fisheries quota deal", "fishing quota agreement"},
	{"grain export corridor", "grain corridor deal"},
	{"pipeline tariff accord", "gas transit deal"},
	{"airspace agreement", "overflight accord"},
	{"border demarcation pact", "boundary treaty"},
	{"debt relief package", "debt restructuring deal"},
	{"carbon border levy", "border carbon tax"},
	{"satellite launch ban", "launch moratorium"},
	{"tariff truce", "trade ceasefire"},
	{"port concession", "harbour lease", "container terminal deal"},
	{"rail link agreement", "high-speed rail deal"},
	{"vaccine patent waiver", "patent waiver"},
	{"prisoner exchange", "detainee swap"},
	{"refugee resettlement scheme", "resettlement programme"},
	{"mining licence deal", "lithium concession"},
	{"currency swap line", "swap agreement"},
	{"arms embargo", "weapons embargo"},
	{"peacekeeping mandate", "peacekeeping mission renewal"},
	{"electricity interconnector", "power cable project"},
	{"digital services tax", "tech levy"},
	{"visa waiver programme", "visa-free travel deal"},
	{"whaling moratorium", "whaling ban"},
	{"plastics treaty", "plastic pollution pact"},
	{"seabed mining code", "deep-sea mining rules"},
	{"ozone amendment", "refrigerant phase-out"},
	{"transboundary haze agreement", "haze pact"},
	{"river basin compact", "basin water-sharing deal"},
	{"telecom spectrum auction", "spectrum sale"},
	{"orbital debris accord", "space debris rules"},
	{"wildlife trafficking convention", "ivory trade ban"},
}

// BenchmarkFastSyntheticManyTopics: the synthetic corpus read for its own
// topic and thirty more that no article names, as by a user who follows
// many events. Against BenchmarkFastSynthetic, one topic: the others
// should cost little more than the search that finds them absent.
func BenchmarkFastSyntheticManyTopics(b *testing.B) {
	docs := synthCorpus(b)
	topics := []model.Topic{benchTopic}
	for i, terms := range followedEvents {
		topics = append(topics, model.Topic{ID: fmt.Sprintf("followed-%02d", i+1), Terms: terms})
	}
	ts := nlptest.Topics(b, shallow.New(), topics...)
	extractForBenchTopic(b, docs, ts)
}

// extractForBenchTopic reads docs for topics of which only benchTopic is
// named, on one core, and fails if another has a result.
func extractForBenchTopic(b *testing.B, docs []extract.Document, ts *extract.Topics) {
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			rs, err := ts.Extract(context.Background(), d, "")
			if err != nil || len(rs) > 1 || len(rs) == 1 && rs[0].Topic.ID != benchTopic.ID {
				b.Fatalf("%s: %d results, %v: want at most one, on the first topic", d.Name, len(rs), err)
			}
		}
	}
	reportThroughput(b, docs)
}

// BenchmarkFastDev: the pure-Go mode on one core, on the dev corpus.
func BenchmarkFastDev(b *testing.B) {
	dev := devCorpus(b)
	x := nlptest.With(b, dev[0].topic, shallow.New())
	docs := make([]extract.Document, len(dev))
	for i, d := range dev {
		docs[i] = d.doc
	}
	extractAll(b, docs, func(int) *extract.Extractor { return x }, 1)
}

// BenchmarkFastDevAllTopics: the dev corpus read for the eight events'
// topics at once (each folder's topic.yaml), as by a user who follows
// them all. An article is read once per topic it names, and most name
// several: their terms share "the deal" and "the agreement"
// ("topics/doc"). Against BenchmarkFastDev, one topic.
func BenchmarkFastDevAllTopics(b *testing.B) {
	dev := devCorpus(b)
	files, _ := filepath.Glob(filepath.Join(repo.Shared(b), "eval", "dev", "*", "topic.yaml"))
	var topics []model.Topic
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var t struct {
			Topic model.Topic `yaml:"topic"`
		}
		if err := yaml.Unmarshal(raw, &t); err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		topics = append(topics, t.Topic)
	}
	ts := nlptest.Topics(b, shallow.New(), topics...)
	readings := 0
	b.ResetTimer()
	for b.Loop() {
		readings = 0
		for _, d := range dev {
			rs, err := ts.Extract(context.Background(), d.doc, "")
			if err != nil {
				b.Fatal(err)
			}
			readings += len(rs)
		}
	}
	docs := make([]extract.Document, len(dev))
	for i, d := range dev {
		docs[i] = d.doc
	}
	reportThroughput(b, docs)
	b.ReportMetric(float64(readings)/float64(len(dev)), "topics/doc")
}

// BenchmarkCoreNLPDev: the parser-backed mode end to end on the dev
// corpus: two CoreNLP workers and two documents at a time (the machine's
// two cores), no parse cache, models loaded before the clock starts.
func BenchmarkCoreNLPDev(b *testing.B) {
	dev := devCorpus(b)
	workers := min(2, runtime.NumCPU())
	p, err := corenlp.Start(context.Background(), corenlp.Options{Home: filepath.Join(repo.Root(b), ".corenlp"),
		Version: "4.5.10", Java: "java", Heap: "2g", Workers: workers, StartTimeout: 5 * time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	if _, err := p.Parse(context.Background(), []string{"Warm up."}); err != nil {
		b.Fatal(err)
	}
	x := nlptest.With(b, dev[0].topic, p)
	docs := make([]extract.Document, len(dev))
	for i, d := range dev {
		docs[i] = d.doc
	}
	extractAll(b, docs, func(int) *extract.Extractor { return x }, workers)
}
