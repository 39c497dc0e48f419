package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/config"
	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/neo4jlocal"
)

// app carries what every subcommand shares once the configuration is read.
type app struct {
	// cfgPath is --config; cfg is read from it (and the rest) before a
	// command runs.
	cfgPath string
	cfg     config.Config
	log     *slog.Logger
	stdout  io.Writer
	stderr  io.Writer
}

// flagKeys binds persistent and per-command flags to configuration keys.
func flagKeys() map[string]string {
	return map[string]string{
		"neo4j-uri":      "neo4j.uri",
		"neo4j-user":     "neo4j.user",
		"neo4j-database": "neo4j.database",
		"log-level":      "log.level",
		"log-format":     "log.format",
		"addr":           "server.addr",
		"max-bytes":      "ingest.max_bytes",
		"batch-size":     "ingest.batch_size",
		"workers":        "ingest.workers",
	}
}

// run executes the command line and returns the exit code. Errors print as
// one line ("stancegraph: ...") with no usage dump and no stack trace.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr}
	root := newRoot(a)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		msg := strings.TrimSpace(err.Error())
		if isUsage(err) {
			fmt.Fprintf(stderr, "stancegraph: %s (see stancegraph %s--help)\n", msg, usageCommand(root, args))
			return 2
		}
		fmt.Fprintf(stderr, "stancegraph: %s\n", msg)
		return 1
	}
	return 0
}

func newRoot(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "stancegraph",
		Short: "Turn news articles into an evidence-backed graph of who stands where on an event",
		Long: `stancegraph reads news articles, finds the actors in them (people, states,
groups) and their stated stances on an event (support, oppose, cautious),
each with the sentence that shows it, writes them into Neo4j and serves a
browser explorer over the graph.

Configuration comes from config.yaml (or --config), then STANCEGRAPH_*
environment variables (neo4j.uri is STANCEGRAPH_NEO4J_URI), then flags.
With no neo4j.uri set, stancegraph runs its own local Neo4j on loopback
("stancegraph neo4j start").`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// A word that is no subcommand is a usage error.
		Args:              args(cobra.NoArgs),
		RunE:              func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return a.load(cmd) },
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.cfgPath, "config", "", "config file (default: ./config.yaml if present)")
	pf.String("neo4j-uri", "", "Neo4j URI, e.g. bolt://host:7687 or neo4j+s://xxx.databases.neo4j.io (default: the local server)")
	pf.String("neo4j-user", "", "Neo4j user (password: STANCEGRAPH_NEO4J_PASSWORD or config.yaml)")
	pf.String("neo4j-database", "", "Neo4j database name")
	pf.String("log-level", "", "log level: debug, info, warn, error")
	pf.String("log-format", "", "log format: text or json")
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newVersionCmd(a), newAskCmd(a), newQueryCmd(a), newExportCmd(a), newNeo4jCmd(a), newServeCmd(a), newConfigCmd(a), newExtractCmd(a), newIngestCmd(a), newEvalCmd(a), newSynthCmd(a), newActorsCmd(a), newDocumentsCmd(a), newTopicsCmd(a), newResetCmd(a))
	return root
}

// usageCommand is the subcommand args name followed by a space ("" for
// none), for pointing at its help.
func usageCommand(root *cobra.Command, args []string) string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd == root {
		return ""
	}
	return strings.Join(strings.Fields(cmd.CommandPath())[1:], " ") + " "
}

// load reads the configuration for cmd (its flags included). Shell
// completion calls it too: cobra runs no hooks before completing.
func (a *app) load(cmd *cobra.Command) error {
	cfg, err := config.Load(a.cfgPath, cmd.Flags(), flagKeys())
	if err != nil {
		return err
	}
	a.cfg = cfg
	a.log = newLogger(a.stderr, cfg.Log)
	return nil
}

func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level)) // validated by config
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// localServer describes the managed Neo4j from the configuration.
func (a *app) localServer() *neo4jlocal.Server {
	l := a.cfg.Local
	return &neo4jlocal.Server{Home: l.Home, Version: l.Version, Port: l.Port, HTTPPort: l.HTTPPort, Heap: l.Heap,
		PageCache: l.PageCache, Java: l.Java, StartTimeout: l.StartTimeout, Logger: a.log}
}

// openStore connects to the configured Neo4j with the configured user and
// password, or to the local one as its neo4j user with the password from
// its password file (generated on first use).
func (a *app) openStore() (*graph.Store, error) {
	n := a.cfg.Neo4j
	user, password := n.User, n.Password
	if a.cfg.ManagedLocal() {
		pw, err := a.localServer().Password()
		if err != nil {
			return nil, err
		}
		user, password = neo4jlocal.User, pw
	}
	return graph.Open(graph.Options{URI: a.cfg.BoltURI(), User: user, Password: password,
		Database: n.Database, Timeout: n.Timeout, MaxConnections: n.MaxConnections})
}

// openReadyStore connects and applies the schema, failing if Neo4j does not
// answer.
func (a *app) openReadyStore(ctx context.Context) (*graph.Store, error) {
	st, err := a.openStore()
	if err != nil {
		return nil, err
	}
	if err := applySchema(ctx, st); err != nil {
		_ = st.Close(ctx)
		return nil, err
	}
	return st, nil
}

func applySchema(ctx context.Context, st *graph.Store) error {
	stmts, err := cypher.Schema()
	if err != nil {
		return err
	}
	return st.ApplySchema(ctx, stmts)
}
