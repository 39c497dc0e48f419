package main

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/web"
)

func newServeCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the explorer and JSON API (default http://127.0.0.1:8080)",
		Long: `Serve the browser explorer and JSON API. It binds 127.0.0.1 by default;
give --addr 0.0.0.0:8080 only on a trusted network. If Neo4j is down the
server still starts, answers 503 where the graph is needed, and recovers by
itself when Neo4j comes back.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			go a.schemaWhenReady(ctx, st)
			fileQueries, err := cypher.Saved()
			if err != nil {
				return err
			}
			g, err := extract.LoadGazetteer(a.cfg.Extract.Gazetteers...)
			if err != nil {
				return err
			}
			srv, err := server.New(server.Options{Graph: st, Logger: a.log, Templates: web.Templates(),
				Static: web.Static(), Topic: a.cfg.Topic.Name, Token: a.cfg.Server.Token,
				QueryTimeout: a.cfg.Server.QueryTimeout, RowCap: a.cfg.Server.RowCap, FileQueries: fileQueries,
				Resolver: nameResolver{gaz: g, graph: st}})
			if err != nil {
				return err
			}
			return srv.Serve(ctx, a.cfg.Server.Addr)
		},
	}
	cmd.Flags().String("addr", "", "listen address HOST:PORT (default 127.0.0.1:8080)")
	return cmd
}

// nameResolver resolves the names in questions: the gazetteer knows every
// state's names, capitals and demonyms; the graph knows the people and
// groups the articles named.
type nameResolver struct {
	gaz   *extract.Gazetteer
	graph *graph.Store
}

func (r nameResolver) Resolve(ctx context.Context, name string) (string, bool, error) {
	if id, ok := r.gaz.Lookup(name); ok {
		return id, true, nil
	}
	return r.graph.ResolveActor(ctx, name)
}

// schemaWhenReady applies the schema as soon as Neo4j answers, so that the
// server can start before Neo4j does.
func (a *app) schemaWhenReady(ctx context.Context, st *graph.Store) {
	for {
		err := applySchema(ctx, st)
		if err == nil {
			return
		}
		a.log.Warn("schema not applied yet; retrying", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
}
