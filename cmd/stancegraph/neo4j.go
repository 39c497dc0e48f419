package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/neo4jlocal"
)

func newNeo4jCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "neo4j",
		Short: "Manage the local Neo4j server (used when no neo4j.uri is configured)",
		Long: `Manage the local Neo4j Community server that stancegraph fetches from Maven
Central (once, into local.home's parent folder) and runs bound to 127.0.0.1
only, with authentication on and telemetry off. Its neo4j user's password
is generated at the first start and kept in local.home/password (mode
0600); every stancegraph command reads it from there. When neo4j.uri is
configured these commands only check that server.`,
	}
	var asJSON bool
	var format *string
	status := &cobra.Command{
		Use:   "status",
		Short: "Say whether Neo4j is up, with its Bolt URI, user, password file, data folder and version",
		Long: `Say whether Neo4j is up, with its Bolt URI, user, password file, data folder
and version. For the local server it also says whether the process on its
port is this local.home's own server or another one (a stranger: another
Neo4j, or any other program), and where it serves Neo4j Browser. -o json
prints the same as one JSON object, -o csv as one row.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON {
				*format = outJSON
			}
			if err := checkOutput(*format); err != nil {
				return err
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close(context.Background())
			s := a.neo4jStatus(cmd.Context(), st)
			switch *format {
			case outJSON:
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			case outCSV:
				return export.CSV(a.stdout, []string{"managed", "up", "error", "uri", "user", "password_file", "pid", "data", "version", "browser"},
					[][]any{{s.Managed, s.Up, s.Error, s.URI, s.User, s.PasswordFile, int64(s.PID), s.Data, s.Version, s.Browser}})
			}
			s.print(a.stdout)
			return nil
		},
	}
	format = addOutputFlag(status)
	// --json is -o json, kept for scripts written before -o.
	status.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON (same as -o json)")
	_ = status.Flags().MarkHidden("json")
	cmd.AddCommand(&cobra.Command{
		Use:   "start",
		Short: "Start the local Neo4j (or reuse a running one) and wait until Bolt answers",
		Long: `Start the local Neo4j (or reuse this local.home's running one) and wait until
Bolt answers with stancegraph's password. If local.port is held by any
other process (another Neo4j among them), nothing is started and the
command fails naming the port and the process.`,
		Args: args(cobra.NoArgs),
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
			if err := a.localServer().Start(ctx, readiness(st)); err != nil {
				return err
			}
			if err := applySchema(ctx, st); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "neo4j up at %s\n", st.URI())
			if u := a.localServer().BrowserURL(); u != "" {
				fmt.Fprintf(a.stdout, "Neo4j Browser: %s (user %s, password in %s)\n", u, neo4jlocal.User, a.localServer().Status().PasswordFile)
			}
			return nil
		},
	}, &cobra.Command{
		Use:   "stop",
		Short: "Stop the local Neo4j (SIGTERM, then SIGKILL after 30 s)",
		Args:  args(cobra.NoArgs),
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
	}, status)
	return cmd
}

// readiness is the local server's readiness probe: Bolt answers to
// stancegraph's password. A refused password is final.
func readiness(st *graph.Store) func(context.Context) error {
	return func(ctx context.Context) error {
		err := st.Ping(ctx)
		if errors.Is(err, graph.ErrCredentials) {
			return neo4jlocal.Permanent(err)
		}
		return err
	}
}

// neo4jStatus is what `neo4j status` reports.
type neo4jStatus struct {
	Managed      bool   `json:"managed"`
	Up           bool   `json:"up"`
	Error        string `json:"error,omitempty"`
	URI          string `json:"uri"`
	User         string `json:"user"`
	PasswordFile string `json:"password_file"`
	// PasswordFrom names the environment variable an own server's
	// password comes from.
	PasswordFrom string `json:"password_from,omitempty"`
	PID          int    `json:"pid,omitempty"`
	Home         string `json:"home,omitempty"`
	Data         string `json:"data,omitempty"`
	Version      string `json:"version,omitempty"`
	// Browser is where the local server serves Neo4j Browser.
	Browser string `json:"browser,omitempty"`
	// Stranger is the process holding local.port when it is not this
	// local.home's own server.
	Stranger *neo4jlocal.Holder `json:"stranger,omitempty"`
}

func (a *app) neo4jStatus(ctx context.Context, st *graph.Store) neo4jStatus {
	var s neo4jStatus
	if err := st.Ping(ctx); err != nil {
		s.Error = model.ErrorMessage(err)
	} else {
		s.Up = true
	}
	if !a.cfg.ManagedLocal() {
		s.URI, s.User, s.PasswordFrom = a.cfg.Masked().Neo4j.URI, a.cfg.Neo4j.User, "STANCEGRAPH_NEO4J_PASSWORD"
		return s
	}
	l := a.localServer().Status()
	s.Managed, s.URI, s.User, s.PasswordFile = true, l.URI, l.User, l.PasswordFile
	s.Home, s.Data, s.Version, s.Stranger = l.Home, l.Data, l.Version, l.Stranger
	s.Browser = a.localServer().BrowserURL()
	if l.Running {
		s.PID = l.PID
	}
	if l.Stranger != nil {
		// Whatever answered is not this home's server.
		s.Up, s.Error = false, fmt.Sprintf("port held by %s", l.Stranger)
	}
	return s
}

func (s neo4jStatus) print(w io.Writer) {
	up := map[bool]string{true: "up", false: "down"}[s.Up]
	if !s.Managed {
		fmt.Fprintf(w, "neo4j:    %s (configured, not managed by stancegraph)\nuri:      %s\nuser:     %s\npassword: from %s\n",
			up, s.URI, s.User, s.PasswordFrom)
		return
	}
	switch {
	case s.Stranger != nil:
		fmt.Fprintf(w, "neo4j:    not this home's server: port of %s is held by %s\n", s.URI, s.Stranger)
	case s.PID != 0:
		fmt.Fprintf(w, "neo4j:    %s (local, pid %d)\n", up, s.PID)
	default:
		fmt.Fprintf(w, "neo4j:    down (local, not running)\n")
	}
	fmt.Fprintf(w, "uri:      %s\nuser:     %s\npassword: %s\ndata:     %s\nversion:  %s\n", s.URI, s.User, s.PasswordFile, s.Data, s.Version)
	if s.Browser != "" {
		fmt.Fprintf(w, "browser:  %s\n", s.Browser)
	}
}
