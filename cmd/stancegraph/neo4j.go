package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newNeo4jCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "neo4j",
		Short: "Manage the local Neo4j server (used when no neo4j.uri is configured)",
		Long: `Manage the local Neo4j Community server that stancegraph fetches from Maven
Central (once, into local.home's parent folder) and runs bound to 127.0.0.1
only, with telemetry off. When neo4j.uri is configured these commands only
check that server.`,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "start",
		Short: "Start the local Neo4j (or reuse a running one) and wait until Bolt answers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			if !a.cfg.ManagedLocal() {
				if err := st.Ping(ctx); err != nil {
					return fmt.Errorf("neo4j.uri is configured, so nothing is started here, but that server does not answer: %w", err)
				}
				fmt.Fprintf(a.stdout, "using the configured Neo4j at %s; nothing to start\n", st.URI())
				return nil
			}
			if err := a.localServer().Start(ctx, st.Ping); err != nil {
				return err
			}
			if err := applySchema(ctx, st); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "neo4j up at %s\n", st.URI())
			return nil
		},
	}, &cobra.Command{
		Use:   "stop",
		Short: "Stop the local Neo4j (SIGTERM, then SIGKILL after 30 s)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !a.cfg.ManagedLocal() {
				fmt.Fprintln(a.stdout, "neo4j.uri is configured; stancegraph does not manage that server")
				return nil
			}
			if err := a.localServer().Stop(cmd.Context()); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, "neo4j stopped")
			return nil
		},
	}, &cobra.Command{
		Use:   "status",
		Short: "Say whether Neo4j is up, with its Bolt URI, data folder and version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			up := "up"
			if err := st.Ping(cmd.Context()); err != nil {
				up = "down"
			}
			if !a.cfg.ManagedLocal() {
				fmt.Fprintf(a.stdout, "neo4j:   %s (configured, not managed by stancegraph)\nuri:     %s\n", up, a.cfg.Masked().Neo4j.URI)
				return nil
			}
			s := a.localServer().Status()
			pid := "-"
			if s.Running {
				pid = fmt.Sprint(s.PID)
			}
			fmt.Fprintf(a.stdout, "neo4j:   %s (local, pid %s)\nuri:     %s\ndata:    %s\nversion: %s\n", up, pid, s.URI, s.Data, s.Version)
			return nil
		},
	})
	return cmd
}
