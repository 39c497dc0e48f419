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
	var openWithoutToken bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the explorer and JSON API (default http://127.0.0.1:8080)",
		Long: `Serve the browser explorer and JSON API. It binds 127.0.0.1 by default.
On any other address it needs a token (STANCEGRAPH_SERVER_TOKEN) and
refuses to start without one, unless --allow-network-without-token says
the network is trusted. Requests must name a loopback host, the address's
own host or one of server.hosts (421 otherwise); state-changing requests
must be JSON from the explorer's own pages or from programs (403
otherwise). With server.tls_cert and server.tls_key it speaks HTTPS. If
Neo4j is down the server still starts, answers 503 where the graph is
needed, and recovers by itself when Neo4j comes back.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			sc := a.cfg.Server
			if err := server.CheckExposure(sc.Addr, sc.Token, openWithoutToken); err != nil {
				return err
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			go a.schemaWhenReady(ctx, st)
			fileQueries, err := cypher.Load(a.cfg.Queries.Folder)
			if err != nil {
				return err
			}
			g, err := extract.LoadGazetteer(a.cfg.Extract.Gazetteers...)
			if err != nil {
				return err
			}
			srv, err := server.New(server.Options{Graph: st, Logger: a.log, Templates: web.Templates(),
				Static: web.Static(), Topic: a.pageTitle(), Addr: sc.Addr, Hosts: sc.Hosts, Token: sc.Token,
				OpenWithoutToken: openWithoutToken, TLSCert: sc.TLSCert, TLSKey: sc.TLSKey,
				QueryTimeout: sc.QueryTimeout, RowCap: sc.RowCap, ByteCap: sc.ByteCap, LargePages: sc.LargePages, FileQueries: fileQueries,
				Resolver: nameResolver{gaz: g, graph: st}})
			if err != nil {
				return err
			}
			return srv.Serve(ctx)
		},
	}
	cmd.Flags().String("addr", "", "listen address HOST:PORT (default 127.0.0.1:8080)")
	cmd.Flags().BoolVar(&openWithoutToken, "allow-network-without-token", false,
		"serve on a non-loopback address with no token: anyone who reaches it can read and change the graph")
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

// pageTitle names what the explorer is about before a topic is picked:
// the one configured topic, or all of them.
func (a *app) pageTitle() string {
	if t := a.cfg.Model(); len(t) == 1 {
		return t[0].Name
	}
	return "every topic"
}
