package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/synth"
)

func newSynthCmd(a *app) *cobra.Command {
	var (
		n     int
		seed  int64
		out   string
		force bool
	)
	cmd := &cobra.Command{
		Use:   "synth --out DIR",
		Short: "Write synthetic news articles about the topic, for benchmarks and tests",
		Long: `Write --n synthetic articles (synth-000000.txt, ...) into --out, built from
templates and the configured gazetteer. The same --seed always gives the
same files. A folder that is not empty is refused unless --force is given;
then files with the same names are replaced and others left alone.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return errors.New("--out: a folder is required")
			}
			if n < 1 {
				return usagef("--n: %d is not a positive number", n)
			}
			if err := checkOutDir(out, force); err != nil {
				return err
			}
			g, err := extract.LoadGazetteer(a.cfg.Extract.Gazetteers...)
			if err != nil {
				return err
			}
			files, bytes, err := synth.Write(out, g, seed, n)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %d files, %d bytes (%.1f MB) to %s\n", files, bytes, float64(bytes)/1e6, out)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&n, "n", 5000, "number of articles")
	f.Int64Var(&seed, "seed", 1, "random seed; the same seed writes the same files")
	f.StringVar(&out, "out", "", "folder to write into (created if missing)")
	f.BoolVar(&force, "force", false, "write into a folder that is not empty")
	return cmd
}

// checkOutDir refuses a path that is a file, or a folder with anything in
// it unless force is set.
func checkOutDir(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("--out: %w", err)
	case len(entries) > 0 && !force:
		return usagef("--out: %s is not empty (use --force to write into it)", dir)
	}
	return nil
}
