// Package corenlp parses sentences with Stanford CoreNLP, fetched from
// Maven Central and run as child processes of stancegraph. Each worker is a
// CoreNLP pipeline reading one sentence a line on its standard input and
// answering with one JSON document on its standard output: no port is
// opened, so no other program or web page can reach it.
package corenlp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/stancegraph/stancegraph/internal/maven"
	"github.com/stancegraph/stancegraph/syntax"
)

// Options configure the parser.
type Options struct {
	// Home holds the jars (lib-<Version>) and, unless CacheDir says
	// otherwise, nothing else.
	Home    string
	Version string
	Java    string
	// Heap is each worker's Java heap, e.g. "2g".
	Heap string
	// Workers is how many CoreNLP processes parse at once; each takes a
	// core and about Heap of memory.
	Workers int
	// StartTimeout bounds loading the models.
	StartTimeout time.Duration
	// CacheDir keeps parses by their sentences' text so that a sentence is
	// parsed once per CoreNLP version; empty turns the cache off.
	CacheDir string
	Logger   *slog.Logger
}

// annotators are what the extractor reads: parts of speech, lemmas, the
// three-class named-entity model (person, organisation, location) and
// dependencies. The fine-grained NER, SUTime and numeric classifiers cost
// more than the parse and tell the extractor nothing it uses.
var annotators = []string{
	"-annotators", "tokenize,ssplit,pos,lemma,ner,depparse",
	"-ssplit.eolonly", "true",
	"-ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz",
	"-ner.useSUTime", "false",
	"-ner.applyNumericClassifiers", "false",
	"-ner.applyFineGrained", "false",
	"-ner.buildEntityMentions", "false",
	"-outputFormat", "json",
	"-output.prettyPrint", "false",
}

// maxChars bounds a sentence sent to the parser: longer ones are lists or
// run-on text that the parser handles slowly and badly.
const maxChars = 1000

// Parser hands sentences to a pool of CoreNLP workers. It is safe for
// concurrent use.
type Parser struct {
	opts  Options
	idle  chan *worker
	cache *cache
	mu    sync.Mutex
	all   []*worker
	// The workers start on the first sentence the cache does not hold:
	// re-running articles already parsed needs no Java at all.
	once     sync.Once
	startErr error
}

// Start fetches CoreNLP if needed and returns a parser whose workers start
// on first use.
func Start(ctx context.Context, o Options) (*Parser, error) {
	if o.Workers < 1 {
		o.Workers = 1
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if err := Install(ctx, o); err != nil {
		return nil, err
	}
	p := &Parser{opts: o, idle: make(chan *worker, o.Workers)}
	if o.CacheDir != "" {
		p.cache = &cache{dir: o.CacheDir, key: o.Version + "\x00" + strings.Join(annotators, " ")}
	}
	return p, nil
}

// startWorkers launches the pool, returning once each worker has loaded
// its models and parsed a first sentence.
func (p *Parser) startWorkers(ctx context.Context) error {
	o := p.opts
	o.Logger.Info("starting CoreNLP", "workers", o.Workers, "version", o.Version)
	errs := make(chan error, o.Workers)
	for range o.Workers {
		go func() {
			w, err := p.startWorker(ctx)
			if err == nil {
				p.mu.Lock()
				p.all = append(p.all, w)
				p.mu.Unlock()
				p.idle <- w
			}
			errs <- err
		}()
	}
	var first error
	for range o.Workers {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		p.Close()
		return first
	}
	o.Logger.Info("CoreNLP ready")
	return nil
}

// Install fetches CoreNLP and its English models (about 480 MB) from Maven
// Central unless they are already in Home.
func Install(ctx context.Context, o Options) error {
	lib := libDir(o)
	if _, err := os.Stat(filepath.Join(lib, ".complete")); err != nil && o.Logger != nil {
		o.Logger.Info("fetching CoreNLP and its English models from Maven Central (first run only, ~480 MB)", "version", o.Version, "into", lib)
	}
	core := maven.Artifact{Group: "edu.stanford.nlp", Name: "stanford-corenlp", Version: o.Version}
	models := core
	models.Classifier = "models"
	return maven.Fetch(ctx, "corenlp", lib, core, models)
}

func libDir(o Options) string { return filepath.Join(o.Home, "lib-"+o.Version) }

// Close stops every worker.
func (p *Parser) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, w := range p.all {
		w.stop()
	}
	p.all = nil
	return nil
}

// Parse parses each text as one sentence and returns them in order. A text
// too long to parse comes back with no tokens.
func (p *Parser) Parse(ctx context.Context, texts []string) ([]syntax.Sentence, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	if out, ok := p.cache.get(texts); ok {
		return out, nil
	}
	p.once.Do(func() { p.startErr = p.startWorkers(context.WithoutCancel(ctx)) })
	if p.startErr != nil {
		return nil, p.startErr
	}
	var w *worker
	select {
	case w = <-p.idle:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	out, err := w.parse(ctx, texts)
	if err != nil {
		// A worker that failed mid-document may be out of step with its
		// input: replace it.
		w.stop()
		nw, serr := p.startWorker(context.WithoutCancel(ctx))
		if serr != nil {
			p.opts.Logger.Error("CoreNLP worker could not be restarted", "err", serr)
			nw = w
		}
		p.replace(w, nw)
		p.idle <- nw
		return nil, err
	}
	p.idle <- w
	p.cache.put(texts, out)
	return out, nil
}

func (p *Parser) replace(old, nw *worker) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, w := range p.all {
		if w == old {
			p.all[i] = nw
		}
	}
}

// worker is one CoreNLP process.
type worker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	dec    *json.Decoder
	stderr *tailBuffer
	done   chan struct{}
}

func (p *Parser) startWorker(ctx context.Context) (*worker, error) {
	o := p.opts
	lib, err := filepath.Abs(libDir(o))
	if err != nil {
		return nil, fmt.Errorf("corenlp: %w", err)
	}
	args := append([]string{"-Xmx" + o.Heap, "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
		"-cp", filepath.Join(lib, "*"), "edu.stanford.nlp.pipeline.StanfordCoreNLP", "-threads", "1"}, annotators...)
	cmd := exec.Command(o.Java, args...)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("corenlp: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("corenlp: %w", err)
	}
	w := &worker{cmd: cmd, in: in, dec: json.NewDecoder(bufio.NewReaderSize(out, 1<<20)), stderr: &tailBuffer{max: 16 << 10}, done: make(chan struct{})}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("corenlp: start %s: %w", o.Java, err)
	}
	go func() { _ = cmd.Wait(); close(w.done) }()
	ctx, cancel := context.WithTimeout(ctx, o.StartTimeout)
	defer cancel()
	if _, err := w.parse(ctx, []string{"Ready."}); err != nil {
		w.stop()
		return nil, fmt.Errorf("corenlp: worker did not start within %s: %w", o.StartTimeout, err)
	}
	return w, nil
}

func (w *worker) stop() {
	_ = w.in.Close()
	select {
	case <-w.done:
	case <-time.After(5 * time.Second):
		_ = w.cmd.Process.Kill()
		<-w.done
	}
}

// doc is the part of CoreNLP's JSON output that the extractor reads.
type doc struct {
	Sentences []struct {
		Tokens []struct {
			Word  string `json:"originalText"`
			Lemma string `json:"lemma"`
			POS   string `json:"pos"`
			NER   string `json:"ner"`
			Begin int    `json:"characterOffsetBegin"`
			End   int    `json:"characterOffsetEnd"`
		} `json:"tokens"`
		Basic    []dep `json:"basicDependencies"`
		Enhanced []dep `json:"enhancedPlusPlusDependencies"`
	} `json:"sentences"`
}

type dep struct {
	Rel string `json:"dep"`
	Gov int    `json:"governor"`
	Dep int    `json:"dependent"`
}

// parse writes one line a sentence while reading the answers, so the pipe
// never fills up with either.
func (w *worker) parse(ctx context.Context, texts []string) ([]syntax.Sentence, error) {
	lines := make([]string, len(texts))
	for i, t := range texts {
		lines[i] = oneLine(t)
	}
	werr := make(chan error, 1)
	go func() {
		bw := bufio.NewWriter(w.in)
		for _, l := range lines {
			if l == "" {
				continue
			}
			if _, err := bw.WriteString(l + "\n"); err != nil {
				werr <- err
				return
			}
		}
		werr <- bw.Flush()
	}()
	type result struct {
		out []syntax.Sentence
		err error
	}
	res := make(chan result, 1)
	go func() {
		out := make([]syntax.Sentence, len(texts))
		for i, l := range lines {
			out[i].Text = texts[i]
			if l == "" {
				continue
			}
			var d doc
			if err := w.dec.Decode(&d); err != nil {
				res <- result{err: fmt.Errorf("corenlp: read parse %d of %d: %w; stderr:\n%s", i+1, len(lines), err, w.stderr.String())}
				return
			}
			out[i] = convert(texts[i], l, d)
		}
		res <- result{out: out}
	}()
	select {
	case r := <-res:
		if r.err == nil {
			if err := <-werr; err != nil {
				return nil, fmt.Errorf("corenlp: write: %w", err)
			}
		}
		return r.out, r.err
	case <-w.done:
		return nil, fmt.Errorf("corenlp: worker exited; stderr:\n%s", w.stderr.String())
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// oneLine makes a text safe to send as one input line; "" means do not
// parse it.
func oneLine(t string) string {
	if len(t) > maxChars {
		return ""
	}
	t = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return ' '
		}
		return r
	}, t)
	if strings.TrimSpace(t) == "" {
		return ""
	}
	return t
}

// convert maps CoreNLP's UTF-16 offsets into byte offsets of text and
// its 1-based indexes into 0-based ones. CoreNLP may split an input line
// into several sentences; they become one.
func convert(text, line string, d doc) syntax.Sentence {
	s := syntax.Sentence{Text: text}
	off := utf16Offsets(line)
	base := 0
	for _, sent := range d.Sentences {
		for _, t := range sent.Tokens {
			s.Tokens = append(s.Tokens, syntax.Token{Text: t.Word, Lemma: t.Lemma, POS: t.POS, NER: t.NER,
				Start: off(t.Begin), End: off(t.End)})
		}
		for _, e := range sent.Enhanced {
			s.Edges = append(s.Edges, edge(e, base))
		}
		for _, e := range sent.Basic {
			s.Tree = append(s.Tree, edge(e, base))
		}
		base += len(sent.Tokens)
	}
	return s
}

func edge(e dep, base int) syntax.Edge {
	h := -1
	if e.Gov > 0 {
		h = base + e.Gov - 1
	}
	return syntax.Edge{Head: h, Dep: base + e.Dep - 1, Rel: strings.ToLower(e.Rel)}
}

// utf16Offsets returns a function from UTF-16 offsets in s to byte offsets.
func utf16Offsets(s string) func(int) int {
	idx := make([]int, 0, len(s)+1)
	for i, r := range s {
		for range utf16.RuneLen(r) {
			idx = append(idx, i)
		}
	}
	idx = append(idx, len(s))
	return func(u int) int {
		if u < 0 {
			return 0
		}
		if u >= len(idx) {
			return len(s)
		}
		return idx[u]
	}
}

// tailBuffer keeps the last max bytes written to it: a worker's stderr,
// for error messages.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := strings.ToValidUTF8(string(t.b), "")
	if strings.TrimSpace(s) == "" {
		return "(nothing on stderr)"
	}
	return maven.Tail(s, 20)
}
