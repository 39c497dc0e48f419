package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newTopicsCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "List the topics in the graph with their documents, claims and actors",
		Long: `List the topics (events or deals) the graph holds, with how many documents
are about each, how many claims are on it and how many actors take a
stance on it. The configuration's topics list says which topics ingest
reads documents for; this says what the graph has.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			topics, err := st.Topics(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tSTART\tDOCUMENTS\tCLAIMS\tACTORS")
			for _, t := range topics {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\n", t.ID, t.Name, t.Start, t.Documents, t.Claims, t.Actors)
			}
			return tw.Flush()
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "rm ID",
		Short: "Remove a topic with its claims and the documents about it alone",
		Long: `Remove a topic from the graph: its claims, and the documents about that
topic alone with their mentions. Documents also about another topic stay,
with their claims on it. Summary edges are recomputed; actors nothing
refers to any more go; analysts' merge decisions stay. Ingest reads
documents for the topic again as long as the configuration lists it.

Example:
  stancegraph topics rm tarvo-river-accord`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			r, err := st.RemoveTopic(ctx, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "removed topic %s: %d claims, %d documents about it alone\n", args[0], r.Claims, r.Documents)
			return nil
		},
	})
	return cmd
}
