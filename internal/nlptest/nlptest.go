// Package nlptest gives tests the real CoreNLP parser: one pool of workers
// per test process, fetched from Maven Central into the repository's
// .corenlp folder on first use (like the local Neo4j), with the parse cache
// there too. Tests never fall back to another parser: without CoreNLP they
// fail, naming why.
package nlptest

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/corenlp"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/internal/repo"
	"github.com/stancegraph/stancegraph/model"
)

// Version is the CoreNLP release the tests run, the configuration's default.
const Version = "4.5.10"

var (
	once   sync.Once
	parser *corenlp.Parser
	err    error
)

// Parser returns the process's CoreNLP parser, starting it on first use.
func Parser(tb testing.TB) extract.Parser {
	tb.Helper()
	home := filepath.Join(repo.Root(tb), ".corenlp")
	once.Do(func() {
		parser, err = corenlp.Start(context.Background(), corenlp.Options{Home: home, Version: Version, Java: "java",
			Heap: "2g", Workers: 1, StartTimeout: 5 * time.Minute, CacheDir: filepath.Join(home, "cache")})
	})
	if err != nil {
		tb.Fatalf("CoreNLP: %v", err)
	}
	return parser
}

// Extractor builds the project's extractor for a topic on the real parser.
func Extractor(tb testing.TB, t model.Topic) *extract.Extractor {
	tb.Helper()
	return With(tb, t, Parser(tb))
}

// FastExtractor builds the extractor on the pure-Go shallow parser, for
// benchmarks of what comes after extraction.
func FastExtractor(tb testing.TB, t model.Topic) *extract.Extractor {
	tb.Helper()
	return With(tb, t, shallow.New())
}

// With builds the project's extractor for a topic on the given parser.
func With(tb testing.TB, t model.Topic, p extract.Parser) *extract.Extractor {
	tb.Helper()
	g, lx := data(tb)
	x, err := extract.New(g, lx, t, p)
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// Topics builds the project's extractors for several topics on the given
// parser.
func Topics(tb testing.TB, p extract.Parser, topics ...model.Topic) *extract.Topics {
	tb.Helper()
	g, lx := data(tb)
	ts, err := extract.NewTopics(g, lx, topics, p)
	if err != nil {
		tb.Fatal(err)
	}
	return ts
}

// FastTopics is Topics on the pure-Go shallow parser, for benchmarks of
// what comes after extraction.
func FastTopics(tb testing.TB, topics ...model.Topic) *extract.Topics {
	tb.Helper()
	return Topics(tb, shallow.New(), topics...)
}

// data loads the built-in gazetteer and lexicon.
func data(tb testing.TB) (*extract.Gazetteer, *extract.Lexicon) {
	tb.Helper()
	g, err := extract.LoadGazetteer()
	if err != nil {
		tb.Fatal(err)
	}
	lx, err := extract.LoadLexicon(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return g, lx
}
