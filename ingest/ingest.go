// Package ingest reads articles, extracts their claims and writes them to
// the graph, one transaction per document, skipping documents whose content
// has not changed.
package ingest

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/fetch"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/identity"
	"github.com/stancegraph/stancegraph/model"
)

// Store is the part of the graph the ingester writes to.
type Store interface {
	DocumentStates(ctx context.Context, ids []string) (map[string]graph.DocumentState, error)
	// WriteDocuments writes documents in one transaction: all or none.
	WriteDocuments(ctx context.Context, ins []graph.DocumentInput, batch int) error
	AdoptDocument(ctx context.Context, legacyID string, in graph.DocumentInput) error
	People(ctx context.Context) ([]model.Actor, error)
	Merges(ctx context.Context) (map[string]string, error)
	Splits(ctx context.Context) (map[string]string, error)
	// Empty reports whether the graph holds nothing at all.
	Empty(ctx context.Context) (bool, error)
}

// Fetcher reads pages and feeds from the web.
type Fetcher interface {
	Page(ctx context.Context, url string) (fetch.Page, error)
	Feed(ctx context.Context, url string) (fetch.Feed, []error, error)
}

// Progress hears about each finished document.
type Progress interface {
	Start(total int)
	Done(file string, err error)
	Finish()
}

// Options configure an ingest run.
type Options struct {
	Store Store
	// Extractor reads each document for every configured topic.
	Extractor *extract.Topics
	// Pin, a topic id, takes every document to be about that topic alone.
	Pin       string
	MaxBytes  int64
	BatchSize int
	// Workers read and extract documents; Writers write them, up to
	// DocsPerTransaction in one transaction (a failed one is written
	// again a document at a time, so each stands or fails alone).
	Workers            int
	Writers            int
	DocsPerTransaction int
	// Force rewrites documents even when their content is unchanged.
	Force bool
	// Date (YYYY-MM-DD) is the publication date of documents that do not
	// give their own.
	Date     string
	Progress Progress
	// Fetcher reads the URLs among the paths and the Feeds' pages.
	Fetcher Fetcher
	// Feeds are RSS, Atom or JSON feeds whose items' pages are ingested.
	Feeds []string
	// Bulk, when set, takes the first load of a large corpus into an
	// empty graph through import files (see Bulk).
	Bulk *Bulk
}

// Summary is what an ingest run did.
type Summary struct {
	Documents int // written
	Unchanged int // skipped: same content hash as in the graph
	Seen      int // web pages not fetched: their URL is already a document
	Failed    int
	Claims    int
	Actors    int // distinct actors in the written documents
	Failures  []Failure
	Elapsed   time.Duration
	// Bulk says the documents were written by a bulk load.
	Bulk bool
}

// Failure names a file, page or feed that could not be ingested and why.
type Failure struct {
	File string
	Err  error
}

// Run ingests every article under paths. Per-file failures are collected
// in the summary and the rest go on; the returned error is only for
// failures that stop the whole run (no files, Neo4j gone). With o.Bulk, a
// large first load into an empty graph goes through import files.
func Run(ctx context.Context, o Options, paths []string) (Summary, error) {
	start := time.Now()
	files, err := articles(paths)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	if o.Fetcher == nil && (len(o.Feeds) > 0 || slices.ContainsFunc(paths, fetch.IsURL)) {
		return Summary{}, errors.New("ingest: URLs and feeds need a fetcher")
	}
	files = append(files, o.fromFeeds(ctx, files, &sum)...)
	if len(files) == 0 && len(o.Feeds) == 0 {
		return Summary{}, fmt.Errorf("no .txt, .md or .html articles under %s", strings.Join(paths, ", "))
	}
	if o.Bulk != nil && len(files) >= o.Bulk.From {
		empty, err := o.Store.Empty(ctx)
		if err != nil {
			return Summary{}, err
		}
		if empty {
			return o.firstLoad(ctx, files, sum, start)
		}
	}
	return o.run(ctx, files, sum, start)
}

// run reads, extracts and writes the files.
func (o Options) run(ctx context.Context, files []article, sum Summary, start time.Time) (Summary, error) {
	// One node per person: each document's spellings of a name are mapped
	// onto the person the graph (or this run) already has.
	known, err := o.Store.People(ctx)
	if err != nil {
		return Summary{}, err
	}
	people := make([]identity.Person, 0, len(known))
	for _, a := range known {
		people = append(people, identity.Person{ID: a.ID, Names: []string{a.Name}})
	}
	merged, err := o.Store.Merges(ctx)
	if err != nil {
		return Summary{}, err
	}
	split, err := o.Store.Splits(ctx)
	if err != nil {
		return Summary{}, err
	}
	names := identity.NewIndex(people, merged, split)
	docs, err := o.known(ctx, files)
	if err != nil {
		return Summary{}, err
	}
	workers := max(1, o.Workers)
	o.Progress.Start(len(files))
	defer o.Progress.Finish()

	jobs := make(chan article)
	// Documents ready to write: a channel a few transactions deep, so that
	// reading and extracting go on while the writers wait for Neo4j.
	ready := make(chan prepared, 2*max(1, o.DocsPerTransaction))
	var mu sync.Mutex
	actors := map[string]bool{}
	var unavailable error
	record := func(p prepared) {
		mu.Lock()
		switch {
		case p.err != nil:
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{File: p.a.path, Err: p.err})
			if model.ErrorCode(p.err) == model.Unavailable && unavailable == nil {
				unavailable = p.err
			}
		case p.res.seen:
			sum.Seen++
		case p.res.unchanged:
			sum.Unchanged++
		default:
			sum.Documents++
			sum.Claims += len(p.in.Claims)
			for _, a := range p.in.Actors {
				actors[a.ID] = true
			}
		}
		mu.Unlock()
		o.Progress.Done(p.a.path, p.err)
	}
	var readers, writers sync.WaitGroup
	for range workers {
		readers.Go(func() {
			for f := range jobs {
				in, res, err := o.read(ctx, f, names, docs)
				if p := (prepared{a: f, in: in, res: res, err: err}); p.toWrite() {
					ready <- p
				} else {
					record(p)
				}
			}
		})
	}
	for range max(1, o.Writers) {
		writers.Go(func() {
			for p := range ready {
				batch := []prepared{p}
			fill:
				for len(batch) < o.DocsPerTransaction {
					select {
					case q, ok := <-ready:
						if !ok {
							break fill
						}
						batch = append(batch, q)
					default:
						break fill
					}
				}
				for _, done := range o.write(ctx, batch) {
					record(done)
				}
			}
		})
	}
	for _, f := range files {
		mu.Lock()
		stop := unavailable != nil
		mu.Unlock()
		if stop || ctx.Err() != nil {
			break
		}
		jobs <- f
	}
	close(jobs)
	readers.Wait()
	close(ready)
	writers.Wait()
	sum.Actors = len(actors)
	sum.Elapsed = time.Since(start)
	if ctx.Err() != nil {
		return sum, fmt.Errorf("ingest interrupted: %w", ctx.Err())
	}
	if unavailable != nil {
		return sum, fmt.Errorf("ingest stopped after %d of %d articles: %w", sum.Documents+sum.Unchanged+sum.Seen+sum.Failed, len(files), unavailable)
	}
	return sum, nil
}

// fromFeeds lists the pages the feeds link to, leaving out those already
// listed; a feed that cannot be read, or an item without a link, is a
// failure of its own and the rest go on.
func (o Options) fromFeeds(ctx context.Context, listed []article, sum *Summary) []article {
	seen := map[string]bool{}
	for _, a := range listed {
		seen[a.origin] = true
	}
	var out []article
	for _, f := range o.Feeds {
		feed, problems, err := o.Fetcher.Feed(ctx, f)
		for _, p := range append(problems, err) {
			if p != nil {
				sum.Failed++
				sum.Failures = append(sum.Failures, Failure{File: f, Err: p})
			}
		}
		for _, it := range feed.Items {
			if a := web(it.URL, it.Title, it.Published); !seen[a.origin] {
				seen[a.origin] = true
				out = append(out, a)
			}
		}
	}
	return out
}

// prepared is an article read and extracted, ready to write, or what
// became of it.
type prepared struct {
	a   article
	in  graph.DocumentInput
	res oneResult
	err error
}

// toWrite says whether the article was read and extracted and is to be
// written: not failed, not already seen, not unchanged.
func (p prepared) toWrite() bool { return p.err == nil && !p.res.seen && !p.res.unchanged }

type oneResult struct {
	seen      bool
	unchanged bool
}

// write writes a batch of documents in one transaction; if that fails, it
// writes them one by one, so that each document is written or not on its
// own and a failure is the failing document's.
func (o Options) write(ctx context.Context, batch []prepared) []prepared {
	ins := make([]graph.DocumentInput, len(batch))
	for i, p := range batch {
		ins[i] = p.in
	}
	err := o.Store.WriteDocuments(ctx, ins, o.BatchSize)
	for i := range batch {
		switch {
		case err == nil:
		case len(batch) == 1 || model.ErrorCode(err) == model.Unavailable:
			batch[i].err = err
		default:
			batch[i].err = o.Store.WriteDocuments(ctx, ins[i:i+1], o.BatchSize)
		}
	}
	return batch
}

// knownDocs is what the graph held, when the run began, of the run's
// documents (by id) and of the documents an earlier version wrote under
// their files' names; a legacy document is adopted by the first of the
// run's files to claim it.
type knownDocs struct {
	states  map[string]graph.DocumentState
	mu      sync.Mutex
	adopted map[string]bool
}

// known asks the graph once for every document of the run.
func (o Options) known(ctx context.Context, articles []article) (*knownDocs, error) {
	ids := make([]string, 0, 2*len(articles))
	for _, a := range articles {
		ids = append(ids, documentID(a.origin))
		if a.url == "" {
			ids = append(ids, a.name())
		}
	}
	states, err := o.Store.DocumentStates(ctx, ids)
	return &knownDocs{states: states, adopted: map[string]bool{}}, err
}

// claim reports whether the legacy document id is this caller's to adopt.
func (k *knownDocs) claim(id string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.adopted[id] {
		return false
	}
	k.adopted[id] = true
	return true
}

// read reads and extracts a single file or page, unless the graph has it
// already.
func (o Options) read(ctx context.Context, a article, names *identity.Index, known *knownDocs) (graph.DocumentInput, oneResult, error) {
	in := graph.DocumentInput{ID: documentID(a.origin), Name: a.name(), Source: a.source,
		ReadFor: o.readFor(), Corpus: a.corpus.Name, CorpusNote: a.corpus.Note}
	var raw []byte
	var err error
	if a.url != "" {
		// A page already read is not fetched again: news pages are read
		// once, and asking a site again for them is not polite.
		if stored := known.states[in.ID]; stored.SHA256 != "" && stored.ReadFor == in.ReadFor && !o.Force {
			return in, oneResult{seen: true}, nil
		}
		page, err := o.Fetcher.Page(ctx, a.url)
		if err != nil {
			return in, oneResult{}, err
		}
		raw, in.URL = page.HTML, page.URL
		in.Title = cmp.Or(a.title, page.Title) // a feed's title carries no site name
		in.Published = cmp.Or(page.Published, a.published)
	} else if raw, err = readCapped(a.path, o.MaxBytes); err != nil {
		return in, oneResult{}, err
	}
	sum := sha256.Sum256(raw)
	in.SHA256 = hex.EncodeToString(sum[:])
	if a.url == "" {
		stored, err := o.stored(ctx, a, in, known)
		if err != nil {
			return in, oneResult{}, err
		}
		// A document written before topics were recorded (ReadFor "")
		// counts as read for today's: --force reads it again.
		if stored.SHA256 == in.SHA256 && (stored.ReadFor == in.ReadFor || stored.ReadFor == "") && !o.Force {
			return in, oneResult{unchanged: true}, nil
		}
	}
	doc, err := extract.Parse(a.source, raw)
	if err != nil {
		return in, oneResult{}, err
	}
	results, err := o.Extractor.Extract(ctx, doc, o.Pin)
	if err != nil {
		return in, oneResult{}, err
	}
	var res extract.Result
	res, in.Topics = union(results)
	res = samePeople(res, names)
	in.Published = cmp.Or(in.Published, doc.Published, o.Date)
	in.Title = cmp.Or(in.Title, title(doc.Text))
	in.Text, in.Actors, in.Claims, in.Affiliations = doc.Text, res.Actors, res.Claims, res.Affiliations
	return in, oneResult{}, nil
}

// samePeople gives each actor of a document the id an analyst merged it
// into, and each person the id of the person the index already knows by
// that name in another spelling, keeping the document's spelling as an
// alias. Two of the document's people that
// turn out to be one become one actor with one claim, the surer.
func samePeople(res extract.Result, names *identity.Index) extract.Result {
	ids := map[string]string{}
	for _, a := range res.Actors {
		if a.Kind == model.Person {
			ids[a.ID] = names.Resolve(a.ID, a.Name)
		} else {
			ids[a.ID] = names.Merged(a.ID)
		}
	}
	to := func(id string) string {
		if c, ok := ids[id]; ok {
			return c
		}
		return id
	}
	var actors []model.Actor
	at := map[string]int{}
	for _, a := range res.Actors {
		id := to(a.ID)
		if k, ok := at[id]; ok {
			m := &actors[k]
			m.Mentions += a.Mentions
			for _, al := range append([]string{a.Name}, a.Aliases...) {
				if !slices.Contains(m.Aliases, al) {
					m.Aliases = append(m.Aliases, al)
				}
			}
			continue
		}
		if id != a.ID && !slices.Contains(a.Aliases, a.Name) {
			a.Aliases = append(a.Aliases, a.Name)
		}
		a.ID = id
		at[id] = len(actors)
		actors = append(actors, a)
	}
	var claims []model.Claim
	claimAt := map[[2]string]int{}
	for _, c := range res.Claims {
		c.ActorID = to(c.ActorID)
		key := [2]string{c.ActorID, c.Topic}
		if k, ok := claimAt[key]; ok {
			if c.Confidence > claims[k].Confidence {
				claims[k] = c
			}
			continue
		}
		claimAt[key] = len(claims)
		claims = append(claims, c)
	}
	affs := make([]model.Affiliation, 0, len(res.Affiliations))
	for _, f := range res.Affiliations {
		f.PersonID = to(f.PersonID)
		if !slices.Contains(affs, f) {
			affs = append(affs, f)
		}
	}
	res.Actors, res.Claims, res.Affiliations = actors, claims, affs
	return res
}

// readFor names what a document is read against: the configured topics,
// or the one it is pinned to. A document read against other topics than
// today's is read again though its content is the same.
func (o Options) readFor() string {
	if o.Pin != "" {
		return "pin:" + o.Pin
	}
	var ids []string
	for _, t := range o.Extractor.List() {
		ids = append(ids, t.ID)
	}
	slices.Sort(ids)
	return strings.Join(ids, ",")
}

// union joins a document's results for its topics into one: every
// topic's claims, each actor once.
func union(results []extract.Result) (extract.Result, []model.Topic) {
	var out extract.Result
	topics := make([]model.Topic, 0, len(results))
	at := map[string]int{}
	for _, r := range results {
		topics = append(topics, r.Topic)
		out.Claims = append(out.Claims, r.Claims...)
		for _, a := range r.Actors {
			if k, ok := at[a.ID]; ok {
				out.Actors[k].Mentions = max(out.Actors[k].Mentions, a.Mentions)
				continue
			}
			at[a.ID] = len(out.Actors)
			out.Actors = append(out.Actors, a)
		}
		for _, f := range r.Affiliations {
			if !slices.Contains(out.Affiliations, f) {
				out.Affiliations = append(out.Affiliations, f)
			}
		}
	}
	return out, topics
}

// stored is what the graph holds of the document (empty for a new one). A document an earlier stancegraph wrote for this file
// (named by its base name then) becomes this one first, so that its
// review marks stay and nothing is written twice: when it has the same
// content, or its recorded path is this file.
func (o Options) stored(ctx context.Context, a article, in graph.DocumentInput, known *knownDocs) (graph.DocumentState, error) {
	if stored := known.states[in.ID]; stored.SHA256 != "" {
		return stored, nil
	}
	old, ok := known.states[in.Name]
	if !ok || old.SHA256 != in.SHA256 && origin(old.Source) != a.origin || !known.claim(in.Name) {
		return graph.DocumentState{}, nil
	}
	if err := o.Store.AdoptDocument(ctx, in.Name, in); err != nil {
		return graph.DocumentState{}, err
	}
	return graph.DocumentState{SHA256: old.SHA256}, nil
}

// readCapped reads a file, refusing one over the cap before reading it.
func readCapped(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, model.Wrap(model.Invalid, errors.Unwrap(err), "%s: cannot open", filepath.Base(path))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, model.Wrap(model.Invalid, err, "%s: stat", filepath.Base(path))
	}
	if info.Size() > maxBytes {
		return nil, model.Errorf(model.TooLarge, "%s: %d bytes is over the %d-byte cap (ingest.max_bytes)", filepath.Base(path), info.Size(), maxBytes)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, model.Wrap(model.Invalid, err, "%s: read", filepath.Base(path))
	}
	if int64(len(b)) > maxBytes {
		return nil, model.Errorf(model.TooLarge, "%s: over the %d-byte cap (ingest.max_bytes)", filepath.Base(path), maxBytes)
	}
	return b, nil
}

// title is the first non-empty line after any front matter, trimmed to
// a readable length.
func title(text string) string {
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				lines = lines[i+1:]
				break
			}
		}
	}
	for _, l := range lines {
		l = strings.TrimSpace(strings.TrimLeft(l, "# "))
		if l != "" {
			if r := []rune(l); len(r) > 200 {
				return string(r[:200])
			}
			return l
		}
	}
	return ""
}
