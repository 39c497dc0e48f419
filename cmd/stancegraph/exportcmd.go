package main

import (
	"context"
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
)

func newExportCmd(a *app) *cobra.Command {
	var f graph.ActorFilter
	cmd := &cobra.Command{
		Use:   "export graphml|csv|json",
		Short: "Write the graph (GraphML) or the actor list (CSV, JSON) to standard output",
		Long: `Write what the explorer's export buttons download, with the same code as
the API: graphml the graph of the actors matching the filters (as
GET /api/graph?format=graphml, for Gephi), csv and json the actor list, one
row per actor and stance (as GET /api/actors?format=csv|json; CSV cells a
spreadsheet would run as formulas are defused).

Examples:
  stancegraph export graphml > stancegraph.graphml
  stancegraph export csv --topic tarvo-river-accord --stance oppose`,
		Args:      args(cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs)),
		ValidArgs: []string{"graphml", "csv", "json"},
		RunE: func(cmd *cobra.Command, formats []string) error {
			if err := f.Validate(); err != nil {
				return usageError{err}
			}
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			if err := st.CheckTopic(ctx, f.Topic); err != nil {
				return usageError{err}
			}
			if formats[0] == "graphml" {
				sg, err := st.Graph(ctx, f)
				if err != nil {
					return err
				}
				return export.GraphML(a.stdout, sg)
			}
			actors, _, err := st.Actors(ctx, f)
			if err != nil {
				return err
			}
			t := export.Actors(actors)
			if formats[0] == "csv" {
				return export.CSV(a.stdout, t.Columns, t.Rows)
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(t)
		},
	}
	cmd.Flags().StringVar(&f.Topic, "topic", "", "only this topic (an id from stancegraph topics)")
	cmd.Flags().StringVar(&f.Stance, "stance", "", "only claims of this stance: support, oppose or cautious")
	cmd.Flags().StringVar(&f.Kind, "kind", "", "only actors of this kind: person, state or group")
	cmd.Flags().StringVar(&f.Doc, "doc", "", "only claims from this document (its id)")
	_ = cmd.RegisterFlagCompletionFunc("topic", a.completeTopics)
	_ = cmd.RegisterFlagCompletionFunc("stance", cobra.FixedCompletions([]string{"support", "oppose", "cautious"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions([]string{"person", "state", "group"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
