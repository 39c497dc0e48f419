package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/bintest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/web"
)

// seededCLI points the command line at the test Neo4j, loaded with the
// seeds, and returns the store.
func seededCLI(t *testing.T) *graph.Store {
	t.Helper()
	st := neo4jtest.Empty(t)
	useTestNeo4j(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	return st
}

// useTestNeo4j points the command line at the test Neo4j as a server of
// its own, for the rest of the test.
func useTestNeo4j(t *testing.T) {
	t.Helper()
	for _, kv := range neo4jtest.Env(t) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
}

// apiGet answers a GET through the real server's handler over st.
func apiGet(t *testing.T, st *graph.Store, target string) []byte {
	t.Helper()
	files, err := cypher.Saved()
	if err != nil {
		t.Fatal(err)
	}
	s, err := server.New(server.Options{Graph: st, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(),
		Static: web.Static(), Topic: "T", QueryTimeout: 30 * time.Second, RowCap: 1000, ByteCap: 4 << 20, FileQueries: files})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+target, nil)
	req.RemoteAddr = "127.0.0.1:1234"
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// TestAskPrintsWhatTheAPIAnswers: stancegraph ask -o json gives the same
// columns, rows, actor ids and evidence as GET /api/ask; -o csv the rows.
func TestAskPrintsWhatTheAPIAnswers(t *testing.T) {
	st := seededCLI(t)
	q := "who opposed the deal?"
	type rows struct {
		Columns []string
		Rows    []struct {
			Values   []any
			ActorID  string `json:"actor_id"`
			Evidence []struct {
				ClaimID string `json:"claim_id"`
			}
		}
	}
	code, out, errOut := runCLI(t, "ask", q, "-o", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var cli, api rows
	if err := json.Unmarshal([]byte(out), &cli); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if err := json.Unmarshal(apiGet(t, st, "/api/ask?q="+url.QueryEscape(q)), &api); err != nil {
		t.Fatal(err)
	}
	if len(cli.Rows) < 5 || !reflect.DeepEqual(cli, api) {
		t.Fatalf("the command line's answer differs from the API's:\ncli %+v\napi %+v", cli, api)
	}
	code, out, _ = runCLI(t, "ask", "who", "opposed", "the", "deal?", "-o", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(recs) != len(api.Rows)+1 || strings.Join(recs[0], ",") != strings.Join(api.Columns, ",") {
		t.Errorf("ask -o csv: exit %d, %v\n%s", code, err, out)
	}
	code, _, errOut = runCLI(t, "ask", "what is the weather?")
	if code != 1 || !strings.Contains(errOut, "not understood") || !strings.Contains(errOut, "who opposed the deal?") {
		t.Errorf("a question not understood: exit %d, %q", code, errOut)
	}
}

// TestQueryRunAndExportMatchTheAPI: query run prints the saved query's
// rows as POST /api/queries/NAME/run does; export writes what the API's
// downloads hold.
func TestQueryRunAndExportMatchTheAPI(t *testing.T) {
	st := seededCLI(t)
	code, out, errOut := runCLI(t, "query", "run", "stance-by-kind", "--param", "kind=person", "-o", "json")
	var tbl struct {
		Columns []string
		Rows    [][]any
		Params  map[string]any
	}
	if code != 0 || json.Unmarshal([]byte(out), &tbl) != nil || tbl.Params["kind"] != "person" || len(tbl.Rows) == 0 {
		t.Fatalf("query run: exit %d %s\n%s", code, errOut, out)
	}
	for _, r := range tbl.Rows {
		if r[0] == "Turkey" {
			t.Errorf("a state among the people: %v", r)
		}
	}
	code, out, _ = runCLI(t, "query", "list")
	if code != 0 || !strings.Contains(out, "opponents") || !strings.Contains(out, "kind=state") {
		t.Errorf("query list: exit %d\n%s", code, out)
	}
	if code, _, errOut := runCLI(t, "query", "run", "opponents", "--param", "nope=1"); code != 2 || !strings.Contains(errOut, `no parameter "nope"`) {
		t.Errorf("an unknown parameter: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "query", "run", "no-such-query"); code != 1 || !strings.Contains(errOut, `no saved query "no-such-query"`) {
		t.Errorf("an unknown query: exit %d, %q", code, errOut)
	}

	code, out, errOut = runCLI(t, "export", "csv", "--stance", "oppose")
	if code != 0 || out != string(apiGet(t, st, "/api/actors?stance=oppose&format=csv")) {
		t.Errorf("export csv differs from the API's download: exit %d %s\n%s", code, errOut, out)
	}
	code, out, _ = runCLI(t, "export", "graphml")
	var g struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
	}
	if code != 0 || xml.Unmarshal([]byte(out), &g) != nil || len(g.Nodes) < 10 || out != string(apiGet(t, st, "/api/graph?format=graphml")) {
		t.Errorf("export graphml: exit %d, %d nodes, or differs from the API's", code, len(g.Nodes))
	}
	if code, _, errOut := runCLI(t, "export", "csv", "--topic", "nope"); code != 2 || !strings.Contains(errOut, `no topic "nope"`) {
		t.Errorf("export of an unknown topic: exit %d, %q", code, errOut)
	}
}

// TestVersionNamesTheCommit: the built binary says its module version and
// the commit it was built from.
func TestVersionNamesTheCommit(t *testing.T) {
	head, err := exec.Command("git", "-C", neo4jtest.Root(t), "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatalf("git rev-parse: %v", err)
	}
	for _, arg := range []string{"version", "--version"} {
		out, err := bintest.Output(bintest.Command(t, nil, arg), 30*time.Second)
		if err != nil {
			t.Fatalf("%s: %v %s", arg, err, out)
		}
		if !strings.HasPrefix(out, "stancegraph ") || !strings.Contains(out, "commit "+strings.TrimSpace(string(head))) {
			t.Errorf("%s printed %q, want the module version and commit %s", arg, out, head)
		}
	}
}

// TestCompletion: the shell completes saved-query names (shipped and saved
// in the graph) and topic ids.
func TestCompletion(t *testing.T) {
	st := seededCLI(t)
	if err := st.SaveQuery(t.Context(), cypher.Query{Name: "my-own", Cypher: "MATCH (a:Actor) RETURN a.name", Params: []cypher.Param{}}, true, 100); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "query", "run", ""}, []string{"opponents", "stance-by-kind", "my-own"}},
		{[]string{"__complete", "ingest", "--topic", ""}, []string{neo4jtest.Topic.ID}},
		{[]string{"__complete", "topics", "-o", ""}, []string{"table", "json", "csv"}},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.args...)
		var got []string // each line is a completion, then a tab and its description
		for _, line := range strings.Split(out, "\n") {
			name, _, _ := strings.Cut(line, "\t")
			got = append(got, name)
		}
		for _, w := range tt.want {
			if code != 0 || !slices.Contains(got, w) {
				t.Errorf("%v: exit %d, completions %q (%s), want %q among them", tt.args, code, got, errOut, w)
			}
		}
	}
}
