package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/stancegraph/stancegraph/fetch"
	"github.com/stancegraph/stancegraph/ingest"
)

func newDocumentsCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "documents",
		Short: "Manage the documents in the graph",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "rm PATH|URL|ID...",
		Short: "Remove documents: a file, every article under a folder, a page's URL, or a document id",
		Long: `Remove documents from the graph with their claims and mentions. Each
argument is an article file, a folder (every article under it, as ingest
would read it), the URL of a page ingested from the web, or a document id
("doc-..." as the API shows it). The
summary edges of the actors they touched are recomputed; actors and topics
that nothing refers to any more go; analysts' merge decisions stay.

Examples:
  stancegraph documents rm examples/articles
  stancegraph documents rm articles/old-report.txt doc-0123456789abcdef`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			var ids, paths []string
			for _, arg := range args {
				if _, err := os.Stat(arg); err == nil || fetch.IsURL(arg) {
					paths = append(paths, arg)
				} else if strings.HasPrefix(arg, "doc-") {
					ids = append(ids, arg)
				} else {
					return fmt.Errorf("%s: no such file or folder, and not a document id (doc-...)", arg)
				}
			}
			if len(paths) > 0 {
				more, err := ingest.DocumentIDs(paths)
				if err != nil {
					return err
				}
				ids = append(ids, more...)
			}
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			n, err := st.RemoveDocuments(ctx, ids)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "removed %d of %d documents (%d were not in the graph)\n", n, len(ids), len(ids)-n)
			return nil
		},
	})
	return cmd
}

func newResetCmd(a *app) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "reset",
		Short: "Delete every document, claim, actor and merge decision (saved queries stay)",
		Long: `Delete everything ingest and analysts' merges wrote into the graph: documents,
claims, actors, topics, review marks and merge decisions. Saved queries
stay. It asks for confirmation (type "reset"); --yes skips the question,
and without a terminal --yes is required.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			counts, err := st.Count(ctx)
			if err != nil {
				return err
			}
			what := fmt.Sprintf("%d documents, %d claims and %d actors", counts.Nodes["Document"], counts.Nodes["Claim"], counts.Nodes["Actor"])
			if !yes {
				in, ok := cmd.InOrStdin().(*os.File)
				if !ok || !term.IsTerminal(int(in.Fd())) {
					return fmt.Errorf("reset would delete %s; run it from a terminal to confirm, or pass --yes", what)
				}
				fmt.Fprintf(a.stdout, "This deletes %s from %s. Type \"reset\" to go on: ", what, st.URI())
				line, _ := bufio.NewReader(in).ReadString('\n')
				if strings.TrimSpace(line) != "reset" {
					return fmt.Errorf("not confirmed; nothing was deleted")
				}
			}
			if err := st.Reset(ctx); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "deleted %s; saved queries kept\n", what)
			return nil
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "do not ask for confirmation")
	return cmd
}
