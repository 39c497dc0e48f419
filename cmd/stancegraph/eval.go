package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/stancegraph/stancegraph/evaluate"
	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/model"
)

func newEvalCmd(a *app) *cobra.Command {
	var goldPath string
	var asJSON bool
	var format string
	cmd := &cobra.Command{
		Use:   "eval DIR... | eval --gold FILE PATH...",
		Short: "Score the stances extracted from articles against hand-labelled gold rows",
		Long: `Extract stances from articles exactly as "stancegraph extract" does and score
them against gold rows, the same way ../shared/eval/score.py does, so the
two give the same figures.

Two forms:
  eval DIR...              each DIR holds topic.yaml (a "topic:" block as in
                           config.yaml), articles/ and gold.jsonl; every DIR
                           is scored with its own topic, then all together
  eval --gold FILE PATH... articles under PATH, the configured topics

The gold file holds one JSON object a line: doc (the article's file name),
actor, kind, stance, alt (other acceptable stances), aliases, optional.

Matching rules:
  - Names are compared after normalisation: accents and case dropped, curly
    apostrophes straightened, one leading "the", "president", "sen.",
    "senator", "dr.", "mr." or "ms." removed, and everything but letters,
    digits, apostrophes, hyphens and single spaces stripped.
  - A prediction's candidates are the gold rows of the same document that
    share a name with it (its name or an alias equals the gold name or a
    gold alias); rows whose own name equals the predicted name are
    preferred, and the alias-only rows are then ignored.
  - A candidate is hit when the stance is the gold stance or one of its alts
    and the kinds agree; a stance that agrees with the wrong kind is counted
    as a kind mismatch.
  - Repeated (doc, actor, stance) predictions count once.
  - Optional gold rows are neither rewarded nor penalised: a prediction that
    hits one, or whose only candidates are optional, is not counted.
  - Precision is hits on required rows over counted predictions; recall is
    the share of required rows that some prediction hit. Both and F1 are
    rounded to 3 decimals. The total over several folders is micro-averaged:
    it adds up their hits, wrong rows and gold rows.

Prints, per folder, the missed gold rows and the wrong predictions ("doc:
actor (kind) stance") and the figures, then the total; --json prints the
reports as JSON instead.`,
		Example: `  stancegraph eval events/*            # every event folder, then the total
  stancegraph eval --json events/aukus
  stancegraph eval --gold ../shared/eval/seeds-gold.jsonl ../shared/seeds`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkOutput(format); err != nil {
				return err
			}
			ctx := cmd.Context()
			sets, err := a.evalSets(goldPath, args)
			if err != nil {
				return err
			}
			p, err := a.openParser(ctx)
			if err != nil {
				return err
			}
			defer p.Close()
			g, lx, err := a.extractData()
			if err != nil {
				return err
			}
			var failed int
			var reports []evaluate.Report
			for _, s := range sets {
				x, err := extract.NewTopics(g, lx, s.topics, p)
				if err != nil {
					return fmt.Errorf("%s: %w", s.name, err)
				}
				claims, f, err := a.extractWith(ctx, x, s.paths)
				if err != nil {
					return err
				}
				failed += f
				reports = append(reports, evaluate.Score(s.gold, evaluate.FromClaims(claims)))
			}
			if asJSON {
				format = outJSON
			}
			if err := a.writeEval(sets, reports, format); err != nil {
				return err
			}
			if failed > 0 {
				// The figures above count the failed articles' gold rows as missed.
				return fmt.Errorf("%d file(s) failed", failed)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&goldPath, "gold", "", "gold file (JSON lines) to score the articles under PATH against, on the configured topics")
	// --json is -o json, kept for scripts written before -o (a deprecation
	// notice would land in the JSON they read).
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the reports as JSON (same as -o json)")
	_ = cmd.Flags().MarkHidden("json")
	cmd.Flags().StringVarP(&format, "output", "o", outTable, "output format: table (the rows missed and wrong, then the figures), json or csv (the figures)")
	return cmd
}

// evalSet is one scored collection: its articles, gold rows and topic.
type evalSet struct {
	name   string
	paths  []string
	gold   []evaluate.Gold
	topics []model.Topic
}

func (a *app) evalSets(goldPath string, args []string) ([]evalSet, error) {
	if goldPath != "" {
		gold, err := loadGold(goldPath)
		if err != nil {
			return nil, err
		}
		return []evalSet{{name: goldPath, paths: args, gold: gold, topics: a.cfg.Model()}}, nil
	}
	var sets []evalSet
	for _, dir := range args {
		s, err := loadEvalDir(dir)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// loadEvalDir reads a folder of the dev layout: topic.yaml, articles/,
// gold.jsonl. Errors name the file.
func loadEvalDir(dir string) (evalSet, error) {
	s := evalSet{name: filepath.Base(filepath.Clean(dir)), paths: []string{filepath.Join(dir, "articles")}}
	info, err := os.Stat(dir)
	if err != nil {
		return s, err
	}
	if !info.IsDir() {
		return s, fmt.Errorf("%s: not a folder of topic.yaml, articles/ and gold.jsonl (score single files with --gold FILE PATH...)", dir)
	}
	t, err := loadTopicFile(filepath.Join(dir, "topic.yaml"))
	if err != nil {
		return s, err
	}
	s.topics = []model.Topic{t}
	if _, err := os.Stat(s.paths[0]); err != nil {
		return s, fmt.Errorf("%s: %w", dir, err)
	}
	s.gold, err = loadGold(filepath.Join(dir, "gold.jsonl"))
	return s, err
}

// loadTopicFile reads a file holding a "topic:" block with id, name and
// terms, as in config.yaml.
func loadTopicFile(path string) (model.Topic, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return model.Topic{}, fmt.Errorf("%s: missing (each folder needs its topic block)", path)
		}
		return model.Topic{}, err
	}
	var f struct {
		Topic struct {
			ID    string   `yaml:"id"`
			Name  string   `yaml:"name"`
			Terms []string `yaml:"terms"`
		} `yaml:"topic"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && err != io.EOF {
		return model.Topic{}, fmt.Errorf("%s: %w", path, err)
	}
	if f.Topic.ID == "" {
		return model.Topic{}, fmt.Errorf("%s: topic.id must not be empty", path)
	}
	if len(f.Topic.Terms) == 0 {
		return model.Topic{}, fmt.Errorf("%s: topic.terms must list at least one word or phrase", path)
	}
	return model.Topic{ID: f.Topic.ID, Name: f.Topic.Name, Terms: f.Topic.Terms}, nil
}

// evalOutput is the --json form: one report per folder and their total.
type evalOutput struct {
	Sets  []namedReport   `json:"sets"`
	Total evaluate.Report `json:"total"`
}

type namedReport struct {
	Name string `json:"name"`
	evaluate.Report
}

func (a *app) writeEval(sets []evalSet, reports []evaluate.Report, format string) error {
	total := evaluate.Micro(reports)
	if format == outCSV {
		rows := make([][]any, 0, len(sets)+1)
		for i, s := range sets {
			r := reports[i]
			rows = append(rows, []any{s.name, r.Precision, r.Recall, r.F1, int64(r.TP), int64(r.FP), int64(r.Found), int64(r.Required)})
		}
		rows = append(rows, []any{"total (micro)", total.Precision, total.Recall, total.F1, int64(total.TP), int64(total.FP), int64(total.Found), int64(total.Required)})
		return export.CSV(a.stdout, []string{"set", "precision", "recall", "f1", "tp", "fp", "found", "required"}, rows)
	}
	if format == outJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if len(sets) == 1 {
			return enc.Encode(reports[0])
		}
		out := evalOutput{Total: total}
		for i, s := range sets {
			out.Sets = append(out.Sets, namedReport{Name: s.name, Report: reports[i]})
		}
		return enc.Encode(out)
	}
	if len(sets) == 1 {
		return reports[0].WriteText(a.stdout)
	}
	for i, s := range sets {
		fmt.Fprintf(a.stdout, "== %s\n", s.name)
		if err := reports[i].WriteText(a.stdout); err != nil {
			return err
		}
	}
	fmt.Fprintf(a.stdout, "\n%-20s %9s %6s %6s %5s %5s %9s\n", "set", "precision", "recall", "f1", "tp", "fp", "found")
	for i, s := range sets {
		r := reports[i]
		fmt.Fprintf(a.stdout, "%-20s %9.3f %6.3f %6.3f %5d %5d %4d/%-4d\n", s.name, r.Precision, r.Recall, r.F1, r.TP, r.FP, r.Found, r.Required)
	}
	fmt.Fprintf(a.stdout, "%-20s %9.3f %6.3f %6.3f %5d %5d %4d/%-4d\n", "total (micro)", total.Precision, total.Recall, total.F1, total.TP, total.FP, total.Found, total.Required)
	return nil
}

// loadGold reads the gold file; its errors name the file and, for bad rows,
// the line.
func loadGold(path string) ([]evaluate.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	defer f.Close()
	gold, err := evaluate.LoadGold(f)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("gold %s: no rows", path)
	}
	return gold, nil
}
