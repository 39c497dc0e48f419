package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/ask"
	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
)

func newAskCmd(a *app) *cobra.Command {
	var topic string
	var quotes int
	cmd := &cobra.Command{
		Use:   "ask QUESTION...",
		Short: "Answer a plain question from the graph, as the explorer's question box does",
		Long: `Answer a plain question ("who opposed the deal?", "what did Turkey say?",
"where do the sources disagree?") from the graph, with the same code as
GET /api/ask: -o json prints the same answer (rows with their actor ids
and evidence, the Cypher it ran), -o table and -o csv its rows. An
actor's row comes with its first quote, or --quotes of them. A question
that names no event is answered on --topic, or on every topic.
A question it does not understand lists the questions it does and exits
with 1.

Examples:
  stancegraph ask who opposed the deal?
  stancegraph ask "what did Turkey say?" -o json
  stancegraph ask --topic tarvo-river-accord who supported it
  stancegraph ask --quotes 5 who opposed the deal? -o json`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, words []string) error {
			format := cmd.Flag("output").Value.String()
			if err := checkOutput(format); err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			g, err := extract.LoadGazetteer(a.cfg.Extract.Gazetteers...)
			if err != nil {
				return err
			}
			ans, err := ask.Respond(ctx, st, nameResolver{gaz: g, graph: st}, strings.Join(words, " "), topic,
				ask.Limits{Timeout: a.cfg.Server.QueryTimeout, Rows: a.cfg.Server.RowCap, Quotes: quotes})
			if err != nil {
				return err
			}
			if !ans.Understood {
				fmt.Fprintln(a.stderr, ans.Message)
				for _, f := range ans.Forms {
					fmt.Fprintf(a.stderr, "  %s e.g. %q\n", f.Description, f.Examples[0])
				}
				return fmt.Errorf("question not understood")
			}
			rows := make([][]any, len(ans.Rows))
			for i, r := range ans.Rows {
				rows[i] = r.Values
			}
			if err := printRows(a.stdout, format, ans.Columns, rows, ans); err != nil {
				return err
			}
			if ans.Message != "" && format == outTable {
				fmt.Fprintln(a.stdout, ans.Message)
			}
			return nil
		},
	}
	addOutputFlag(cmd)
	cmd.Flags().StringVar(&topic, "topic", "", "answer on this topic (an id from stancegraph topics) when the question names none")
	_ = cmd.RegisterFlagCompletionFunc("topic", a.completeTopics)
	cmd.Flags().IntVar(&quotes, "quotes", ask.RowQuotes, fmt.Sprintf("quotes for each actor's row, 0 to %d", ask.MaxQuotes))
	return cmd
}

func newQueryCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query",
		Short: "List and run saved Cypher queries, as the explorer does",
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the saved queries: the shipped .cypher files and those saved through the API",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			format := cmd.Flag("output").Value.String()
			if err := checkOutput(format); err != nil {
				return err
			}
			qs, err := a.queries(cmd.Context())
			if err != nil {
				return err
			}
			rows := make([][]any, len(qs))
			for i, q := range qs {
				var params []string
				for _, p := range q.Params {
					params = append(params, fmt.Sprintf("%s=%s", p.Name, cellText(p.Default)))
				}
				rows[i] = []any{q.Name, q.Source, strings.Join(params, " "), q.Description}
			}
			return printRows(a.stdout, format, []string{"name", "source", "params", "description"}, rows, map[string]any{"queries": qs})
		},
	}
	addOutputFlag(list)
	var given []string
	run := &cobra.Command{
		Use:   "run NAME [--param NAME=VALUE]...",
		Short: "Run a saved query, read-only, with its parameters' defaults or the values given",
		Long: `Run a saved query with the same checks as POST /api/queries/NAME/run: its
parameters' defaults with --param values over them (JSON values, or plain
text: --param kind=state, --param min_documents=2), Neo4j's plan checked
to be a plain read, the server's timeout and caps (server.query_timeout,
server.row_cap, server.byte_cap). -o json prints the table as the API
does.

Examples:
  stancegraph query run opponents
  stancegraph query run stance-by-kind --param kind=person -o csv`,
		Args:              args(cobra.ExactArgs(1)),
		ValidArgsFunction: a.completeQueries,
		RunE: func(cmd *cobra.Command, names []string) error {
			format := cmd.Flag("output").Value.String()
			if err := checkOutput(format); err != nil {
				return err
			}
			values := map[string]any{}
			for _, kv := range given {
				k, v, ok := strings.Cut(kv, "=")
				if !ok || strings.TrimSpace(k) == "" {
					return usagef("--param %q: write NAME=VALUE", kv)
				}
				values[strings.TrimSpace(k)] = cypher.Value(v)
			}
			ctx := cmd.Context()
			st, err := a.openReadyStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			qs, err := a.queriesIn(ctx, st)
			if err != nil {
				return err
			}
			q, err := cypher.Find(qs, names[0])
			if err != nil {
				return err
			}
			params, err := q.Bind(values)
			if err != nil {
				return usageError{err}
			}
			s := a.cfg.Server
			rows, err := st.UserQuery(ctx, q.Cypher, params, graph.Limits{Timeout: s.QueryTimeout, Rows: s.RowCap, Bytes: s.ByteCap})
			if err != nil {
				return err
			}
			if rows.Rows == nil {
				rows.Rows = [][]any{}
			}
			if rows.Truncated {
				fmt.Fprintf(a.stderr, "stancegraph: the result was cut at %d rows (server.row_cap) or %d bytes (server.byte_cap)\n", s.RowCap, s.ByteCap)
			}
			return printRows(a.stdout, format, rows.Columns, rows.Rows, map[string]any{"columns": rows.Columns, "rows": rows.Rows,
				"truncated": rows.Truncated, "cypher": q.Cypher, "params": params})
		},
	}
	addOutputFlag(run)
	run.Flags().StringArrayVar(&given, "param", nil, "a parameter's value, NAME=VALUE (repeat for more)")
	cmd.AddCommand(list, run)
	return cmd
}

// queries lists the shipped queries, then those saved in the graph. It
// only reads, so it needs no schema (shell completion calls it too).
func (a *app) queries(ctx context.Context) ([]cypher.Query, error) {
	st, err := a.openStore()
	if err != nil {
		return nil, err
	}
	defer st.Close(context.Background())
	return a.queriesIn(ctx, st)
}

// queriesIn is queries on an open store.
func (a *app) queriesIn(ctx context.Context, st *graph.Store) ([]cypher.Query, error) {
	shipped, err := cypher.Load(a.cfg.Queries.Folder)
	if err != nil {
		return nil, err
	}
	saved, err := st.SavedQueries(ctx)
	if err != nil {
		return nil, err
	}
	return append(shipped, saved...), nil
}

// completeQueries completes saved-query names: the shipped ones, and the
// saved ones when the graph answers.
func (a *app) completeQueries(cmd *cobra.Command, done []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(done) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	qs, err := cypher.Load(a.cfg.Queries.Folder)
	if a.load(cmd) == nil {
		if all, err2 := a.queries(cmd.Context()); err2 == nil {
			qs, err = all, nil
		}
	}
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var names []string
	for _, q := range qs {
		names = append(names, q.Name+"\t"+q.Description)
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// completeTopics completes topic ids from the configuration.
func (a *app) completeTopics(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	if err := a.load(cmd); err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var ids []string
	for _, t := range a.cfg.Model() {
		ids = append(ids, t.ID+"\t"+t.Name)
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}
