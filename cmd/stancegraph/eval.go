package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/evaluate"
)

func newEvalCmd(a *app) *cobra.Command {
	var goldPath string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "eval --gold FILE PATH...",
		Short: "Score the stances extracted from articles against a hand-labelled gold file",
		Long: `Extract stances from articles exactly as "stancegraph extract" does and score
them against a gold file, the same way ../shared/eval/score.py does, so the
two give the same figures.

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
    rounded to 3 decimals.

Prints the missed gold rows, the wrong predictions ("doc: actor (kind)
stance"), then the figures; --json prints the report as JSON instead.`,
		Example: `  stancegraph eval --gold ../shared/eval/seeds-gold.jsonl ../shared/seeds
  stancegraph eval --json --gold gold.jsonl articles/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			gold, err := loadGold(goldPath)
			if err != nil {
				return err
			}
			claims, failed, err := a.extractAll(args)
			if err != nil {
				return err
			}
			r := evaluate.Score(gold, evaluate.FromClaims(claims))
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", " ")
				err = enc.Encode(r)
			} else {
				err = r.WriteText(a.stdout)
			}
			if err != nil {
				return err
			}
			if failed > 0 {
				// The figures above count the failed articles' gold rows as missed.
				return fmt.Errorf("%d file(s) failed", failed)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&goldPath, "gold", "", "gold file (JSON lines) to score against (required)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	_ = cmd.MarkFlagRequired("gold")
	return cmd
}

// loadGold reads the gold file; its errors name the file and, for bad rows,
// the line.
func loadGold(path string) ([]evaluate.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--gold: %w", err)
	}
	defer f.Close()
	gold, err := evaluate.LoadGold(f)
	if err != nil {
		return nil, fmt.Errorf("--gold %s: %w", path, err)
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("--gold %s: no rows", path)
	}
	return gold, nil
}
