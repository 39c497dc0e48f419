package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/corenlp"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/model"
)

func newExtractCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print the stances found in articles (no database needed)",
		Long: `Extract actors and their stances on the configured topic from articles
(.txt, .md, .html files, or folders of them; "-" reads stdin) and print
them: one JSON object per claim per line (-o jsonl, what eval and the
shared scorer read), a JSON array (-o json), CSV or a table for people.
Files that cannot be read are reported on stderr; the rest go on, and the
exit code is non-zero if any failed.`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" {
				if err := checkOutput(format); err != nil {
					return usagef("-o/--output %q: use jsonl, json, csv or table", format)
				}
			}
			claims, failed, err := a.extractAll(cmd.Context(), args)
			if err != nil {
				return err
			}
			switch format {
			case "jsonl":
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				for _, c := range claims {
					if err := enc.Encode(c); err != nil {
						return err
					}
				}
			case outTable:
				printTable(a.stdout, claims)
			default:
				rows := make([][]any, len(claims))
				for i, c := range claims {
					rows[i] = []any{c.Doc, c.Topic, c.ActorID, c.Actor, string(c.Kind), string(c.Stance), string(c.Attribution), c.Confidence, c.Cue, c.Evidence}
				}
				if claims == nil {
					claims = []model.Claim{}
				}
				if err := printRows(a.stdout, format, []string{"doc", "topic", "actor_id", "actor", "kind", "stance", "attribution", "confidence", "cue", "evidence"}, rows, claims); err != nil {
					return err
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d file(s) failed", failed)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "output", "o", "jsonl", "output format: jsonl, json, csv or table")
	// --format is -o, kept for scripts written before -o.
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format (same as -o)")
	_ = cmd.Flags().MarkHidden("format")
	return cmd
}

// extractAll extracts the claims of every article under paths on the
// configured topics; failed counts the files that could not be read or
// parsed (each already logged).
func (a *app) extractAll(ctx context.Context, paths []string) (claims []model.Claim, failed int, err error) {
	p, err := a.openParser(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer p.Close()
	x, err := a.extractor(p)
	if err != nil {
		return nil, 0, err
	}
	return a.extractWith(ctx, x, paths)
}

// extractWith runs the extractors over the articles under paths, as many
// documents at a time as the parser has workers; the claims come out in
// file order whatever order the documents finish in.
func (a *app) extractWith(ctx context.Context, x *extract.Topics, paths []string) (claims []model.Claim, failed int, err error) {
	var docs []extract.Document
	failed = a.eachDocument(paths, func(doc extract.Document) { docs = append(docs, doc) })
	results := make([][]model.Claim, len(docs))
	errs := make([]error, len(docs))
	// Every index is queued before the workers start: fed one at a time,
	// each hand-over could wake a sleeping thread.
	next := make(chan int, len(docs))
	for i := range docs {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range max(1, a.cfg.NLP.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rs, err := x.Extract(ctx, docs[i], "")
				for _, r := range rs {
					results[i] = append(results[i], r.Claims...)
				}
				errs[i] = err
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			a.log.Error("skipped file", "file", docs[i].Name, "err", err)
			failed++
			continue
		}
		claims = append(claims, results[i]...)
	}
	return claims, failed, ctx.Err()
}

// parser is an extract.Parser that holds resources until closed.
type parser interface {
	extract.Parser
	Close() error
}

// openParser starts the configured parser: CoreNLP's workers (fetched on
// first use) or the built-in shallow parser.
func (a *app) openParser(ctx context.Context) (parser, error) {
	n := a.cfg.NLP
	if n.Parser == "fast" {
		return shallow.New(), nil
	}
	return corenlp.Start(ctx, corenlp.Options{Home: n.Home, Version: n.Version, Java: n.Java, Heap: n.Heap,
		Workers: n.Workers, StartTimeout: n.StartTimeout, CacheDir: n.Cache, Logger: a.log})
}

// knownTopic checks that id ("" for none) names a configured topic;
// param names where it came from.
func (a *app) knownTopic(param, id string) error {
	if id == "" {
		return nil
	}
	var ids []string
	for _, t := range a.cfg.Model() {
		if t.ID == id {
			return nil
		}
		ids = append(ids, t.ID)
	}
	return usagef("%s %q: no such topic in the configuration (its topics: %s)", param, id, strings.Join(ids, ", "))
}

// extractor builds the extractors for the configured topics.
func (a *app) extractor(p extract.Parser) (*extract.Topics, error) {
	g, lx, err := a.extractData()
	if err != nil {
		return nil, err
	}
	return extract.NewTopics(g, lx, a.cfg.Model(), p)
}

// extractData loads the gazetteer and the lexicon the configuration names;
// extractors for several topics share them.
func (a *app) extractData() (*extract.Gazetteer, *extract.Lexicon, error) {
	g, err := extract.LoadGazetteer(a.cfg.Extract.Gazetteers...)
	if err != nil {
		return nil, nil, err
	}
	var cues []extract.Cue
	for _, c := range a.cfg.Extract.Cues {
		cues = append(cues, extract.Cue{Phrase: c.Phrase, POS: c.POS, Stance: model.Stance(c.Stance)})
	}
	lx, err := extract.LoadLexicon(cues)
	if err != nil {
		return nil, nil, err
	}
	return g, lx, nil
}

// eachDocument loads every article under paths and calls fn for each one
// that loads; failures are logged with the file and reason and counted.
func (a *app) eachDocument(paths []string, fn func(extract.Document)) (failed int) {
	files, err := extract.Files(paths)
	if err != nil {
		a.log.Error("cannot list articles", "err", err)
		return 1
	}
	for _, f := range files {
		doc, err := a.loadDocument(f)
		if err != nil {
			a.log.Error("skipped file", "file", f, "err", err)
			failed++
			continue
		}
		fn(doc)
	}
	return failed
}

// loadDocument reads one article, refusing oversized files before reading
// them.
func (a *app) loadDocument(path string) (extract.Document, error) {
	max := a.cfg.Ingest.MaxBytes
	if path == "-" {
		return extract.Load("stdin", os.Stdin, max)
	}
	info, err := os.Stat(path)
	if err != nil {
		return extract.Document{}, err
	}
	if info.Size() > max {
		return extract.Document{}, model.Errorf(model.TooLarge, "%s: %d bytes is over the %d-byte cap (ingest.max_bytes)", filepath.Base(path), info.Size(), max)
	}
	f, err := os.Open(path)
	if err != nil {
		return extract.Document{}, err
	}
	defer f.Close()
	return extract.Load(filepath.Base(path), f, max)
}

func printTable(w io.Writer, claims []model.Claim) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DOC\tACTOR\tKIND\tSTANCE\tHOW\tCONF\tEVIDENCE")
	for _, c := range claims {
		ev := []rune(c.Evidence)
		if len(ev) > 90 {
			ev = append(ev[:87], []rune("...")...)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", c.Doc, c.Actor, c.Kind, c.Stance, c.Attribution, c.Confidence, string(ev))
	}
	tw.Flush()
}
