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
		Args: cobra.MinimumNArgs(2),
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
	return cmd
}
