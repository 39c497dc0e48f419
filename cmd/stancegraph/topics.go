package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newTopicsCmd(a *app) *cobra.Command {
	var format *string
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "List the topics in the graph with their documents, claims and actors",
		Long: `List the topics (events or deals) the graph holds, with how many documents
are about each, how many claims are on it and how many actors take a
stance on it. The configuration's topics list says which topics ingest
reads documents for; this says what the graph has.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkOutput(*format); err != nil {
				return err
			}
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
			rows := make([][]any, len(topics))
			for i, t := range topics {
				rows[i] = []any{t.ID, t.Name, t.Start, t.Documents, t.Claims, t.Actors}
			}
			return printRows(a.stdout, *format, []string{"id", "name", "start", "documents", "claims", "actors"}, rows, map[string]any{"topics": topics})
		},
	}
	format = addOutputFlag(cmd)
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
		Args: args(cobra.ExactArgs(1)),
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
