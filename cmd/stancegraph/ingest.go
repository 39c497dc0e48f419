package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/stancegraph/stancegraph/dates"
	"github.com/stancegraph/stancegraph/ingest"
)

func newIngestCmd(a *app) *cobra.Command {
	var force bool
	var date, pin string
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
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

Examples:
  stancegraph ingest examples/articles
  stancegraph ingest --topic orvik-dam-accord examples/second-event
  stancegraph ingest ../shared/seeds`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
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
				Force: force, Date: date, Progress: newProgress(a.stderr, a.log),
			}, args)
			for _, f := range sum.Failures {
				a.log.Error("file not ingested", "file", f.File, "err", f.Err)
			}
			fmt.Fprintf(a.stdout, "ingested %d documents (%d claims, %d actors), %d unchanged, %d failed in %s\n",
				sum.Documents, sum.Claims, sum.Actors, sum.Unchanged, sum.Failed, sum.Elapsed.Round(time.Millisecond))
			if runErr != nil {
				return runErr
			}
			if sum.Failed > 0 {
				return fmt.Errorf("%d file(s) failed", sum.Failed)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "rewrite documents even if unchanged (after changing the gazetteer or topic)")
	cmd.Flags().StringVar(&pin, "topic", "", "take every document to be about this topic (an id from the config's topics) and no other")
	_ = cmd.RegisterFlagCompletionFunc("topic", a.completeTopics)
	cmd.Flags().StringVar(&date, "date", "", "publication date (YYYY-MM-DD) of documents that do not give their own")
	cmd.Flags().Int64("max-bytes", 0, "refuse files larger than this (default from ingest.max_bytes)")
	cmd.Flags().Int("batch-size", 0, "rows per UNWIND statement (default from ingest.batch_size)")
	cmd.Flags().Int("workers", 0, "documents processed at once (default from ingest.workers)")
	return cmd
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
