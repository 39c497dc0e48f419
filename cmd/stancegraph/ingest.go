package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/dates"
	"github.com/stancegraph/stancegraph/fetch"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/neo4jlocal"
)

func newIngestCmd(a *app) *cobra.Command {
	var force bool
	var date, pin string
	var feeds []string
	cmd := &cobra.Command{
		Use:   "ingest PATH|URL... [--feed URL]...",
		Short: "Extract stances from articles and write them into Neo4j",
		Long: `Extract actors and stances from articles (.txt, .md, .html files or folders
of them) and write them into Neo4j, one transaction per document. A
document is identified by the file it was read from (so a/article.txt and
b/article.txt are two documents), and the graph keeps its path under what
was ingested, not the machine's absolute path. Documents whose content is
unchanged since the last ingest, and read against the same topics, are skipped
without writing; a changed file replaces its claims and keeps analysts' review
marks on claims that still exist. Files that cannot be read are reported
and skipped; the exit code is non-zero if any failed.

Each document is read for every topic in the configuration's topics list
whose terms its text names, and gets claims on each; --topic ID takes every
document given to be about that one topic (and no other), whatever words it
uses for it.

From the web: an http(s) URL among the paths is an article page, and each
--feed URL an RSS, Atom or JSON feed whose items' pages are read. A page's
main text, title and date are kept (menus and other boilerplate dropped), its
URL is the document's source and link, and a page whose URL is already a
document is not fetched again (--force does). Requests go one at a time to
each site, with fetch.delay between them, fetch.timeout for each, bodies
capped at ingest.max_bytes and the User-Agent fetch.user_agent. A URL on
loopback or a private network is fetched only at a host and port given on
the command line. A page or feed that cannot be read is reported, and the
others go on.

Examples:
  stancegraph ingest examples/articles
  stancegraph ingest --topic tarvo-river-accord examples/tarvo-accord
  stancegraph ingest ../shared/seeds
  stancegraph ingest https://news.example.org/2025/11/12/accord-signed
  stancegraph ingest --feed https://news.example.org/world/rss.xml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && len(feeds) == 0 {
				return usagef("give at least one file, folder or URL, or a --feed URL")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, f := range feeds {
				if _, err := fetch.Parse(f); err != nil {
					return usagef("--feed: %v", err)
				}
			}
			if date != "" && !dates.Valid(date) {
				return usagef("--date %q: give the publication date as YYYY-MM-DD", date)
			}
			if err := a.knownTopic("--topic", pin); err != nil {
				return err
			}
			ctx := cmd.Context()
			p, err := a.openParser(ctx)
			if err != nil {
				return err
			}
			defer p.Close()
			x, err := a.extractor(p)
			if err != nil {
				return err
			}

			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			sum, runErr := ingest.Run(ctx, ingest.Options{
				Store: st, Extractor: x, Pin: pin,
				MaxBytes: a.cfg.Ingest.MaxBytes, BatchSize: a.cfg.Ingest.BatchSize, Workers: a.cfg.Ingest.Workers,
				Writers: a.cfg.Ingest.Writers, DocsPerTransaction: a.cfg.Ingest.DocsPerTransaction,
				Force: force, Date: date, Progress: newProgress(a.stderr, a.log),
				Fetcher: a.fetcher(append(slices.Clone(args), feeds...)), Feeds: feeds, Bulk: a.bulk(st),
			}, args)
			for _, f := range sum.Failures {
				a.log.Error("not ingested", "source", f.File, "err", f.Err)
			}
			seen := ""
			if sum.Seen > 0 {
				seen = fmt.Sprintf(", %d already seen", sum.Seen)
			}
			if sum.Bulk {
				seen += " (bulk load)"
			}
			fmt.Fprintf(a.stdout, "ingested %d documents (%d claims, %d actors), %d unchanged%s, %d failed in %s\n",
				sum.Documents, sum.Claims, sum.Actors, sum.Unchanged, seen, sum.Failed, sum.Elapsed.Round(time.Millisecond))
			if runErr != nil {
				return runErr
			}
			if sum.Failed > 0 {
				return fmt.Errorf("%d article(s) or feed(s) failed", sum.Failed)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "rewrite documents even if unchanged (after changing the gazetteer or topic)")
	cmd.Flags().StringVar(&pin, "topic", "", "take every document to be about this topic (an id from the config's topics) and no other")
	_ = cmd.RegisterFlagCompletionFunc("topic", a.completeTopics)
	cmd.Flags().StringArrayVar(&feeds, "feed", nil, "an RSS, Atom or JSON feed whose items' pages to ingest (repeatable)")
	cmd.Flags().StringVar(&date, "date", "", "publication date (YYYY-MM-DD) of documents that do not give their own")
	cmd.Flags().Int64("max-bytes", 0, "refuse files larger than this (default from ingest.max_bytes)")
	cmd.Flags().Int("batch-size", 0, "rows per UNWIND statement (default from ingest.batch_size)")
	cmd.Flags().Int("workers", 0, "documents processed at once (default from ingest.workers)")
	return cmd
}

// bulk is the first load of a large corpus into the local server's empty
// database: neo4j-admin's import, the server stopped and started again.
// Only the server stancegraph runs, and only when ingest.bulk_from is set.
func (a *app) bulk(st *graph.Store) *ingest.Bulk {
	if !a.cfg.ManagedLocal() || a.cfg.Ingest.BulkFrom == 0 {
		return nil
	}
	srv := a.localServer()
	return &ingest.Bulk{From: a.cfg.Ingest.BulkFrom, Dir: filepath.Join(srv.Home, "import"),
		Load: func(ctx context.Context, files graph.ImportFiles) error {
			a.log.Info("bulk load: Neo4j stops, neo4j-admin imports the documents, Neo4j starts again", "log", filepath.Join(srv.Home, "logs", "import.log"))
			stmts, err := cypher.Schema()
			if err != nil {
				return err
			}
			return st.FinishImport(ctx, srv.Import(ctx, neo4jlocal.ImportFiles(files), readiness(st)), stmts)
		}}
}

// fetcher reads the web for ingest; named are the URLs given on the
// command line, the only ones that may be on loopback or a private network.
func (a *app) fetcher(named []string) *fetch.Client {
	c := a.cfg.Fetch
	return fetch.New(fetch.Options{UserAgent: cmp.Or(c.UserAgent, userAgent()), Timeout: c.Timeout,
		MaxBytes: a.cfg.Ingest.MaxBytes, Delay: c.Delay, MaxRedirects: c.MaxRedirects}, named...)
}

// newProgress draws a bar on a terminal and logs a line every few seconds
// otherwise (CI logs, pipes).
func newProgress(w io.Writer, log *slog.Logger) ingest.Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &barProgress{w: w}
	}
	return &logProgress{log: log, every: 5 * time.Second}
}

type barProgress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(total int) {
	p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
}

func (p *barProgress) Done(string, error) { _ = p.bar.Add(1) }
func (p *barProgress) Finish()            { _ = p.bar.Finish() }

type logProgress struct {
	log   *slog.Logger
	every time.Duration
	mu    sync.Mutex
	total int
	done  int
	last  time.Time
}

func (p *logProgress) Start(total int) { p.total, p.last = total, time.Now() }

func (p *logProgress) Done(file string, _ error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if time.Since(p.last) >= p.every {
		p.last = time.Now()
		p.log.Info("ingest progress", "done", p.done, "total", p.total, "last", filepath.Base(file))
	}
}

func (p *logProgress) Finish() {}
