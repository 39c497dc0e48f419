package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func newActorsCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "Decide which actors are one",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "merge INTO FROM...",
		Short: "Make actors one: FROM's claims, mentions and names move to INTO",
		Long: `Make actors one. Each FROM actor's claims, mentions and affiliations move to
INTO, its names become INTO's aliases, and the decision is kept in the
graph: re-ingesting FROM's documents, even with --force, writes onto INTO,
and review marks stay. Actors are named by id ("person:ola-nordmann") or
by an exact name or alias; a name several actors share is refused with
their ids. Only actors of one kind (person, state, group) can be merged.

Example:
  stancegraph actors merge "Ahmad Sharawi" "A. Sharawai"`,
		Args: args(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			merged, err := st.MergeActors(ctx, args[0], args[1:])
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "merged %s into %s (%s); aliases: %s\n",
				strings.Join(args[1:], ", "), merged.Name, merged.ID, strings.Join(merged.Aliases, ", "))
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "split ACTOR NAME...",
		Short: "Take spellings off an actor and make them an actor of their own",
		Long: `Take names off an actor (by id, or an exact name or alias) and make them an
actor of their own: the claims of the documents that named it by one of
them move to the new actor, and the decision is kept in the graph, so that
re-ingesting those documents, even with --force, keeps the two apart
(undoing a merge of the same names). The names must be aliases of the
actor, not its own name. Mentions stay with the original actor. Claims
written before stancegraph recorded each claim's spelling move only after
their documents are ingested again with --force.

Example:
  stancegraph actors split "Ola Nordmann" "Kari Nordmann-Berg"`,
		Args: args(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			n, err := st.SplitActor(ctx, args[0], args[1:])
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "split %s off %s: now %s (%s)\n", strings.Join(args[1:], ", "), args[0], n.Name, n.ID)
			return nil
		},
	})
	return cmd
}
