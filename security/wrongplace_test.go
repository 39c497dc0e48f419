package security

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/bintest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

// TestStartOnAnotherNeo4jsPort runs `neo4j start` for a new local.home on
// the port the test Neo4j (another home's server) holds: it must fail,
// naming the port and that server, not report "neo4j up" and let every
// later write go to the other database; status must call it a stranger.
func TestStartOnAnotherNeo4jsPort(t *testing.T) {
	neo4jtest.Open(t)
	other := neo4jtest.Server(t)
	env := []string{"STANCEGRAPH_NEO4J_URI=", "STANCEGRAPH_LOCAL_HOME=" + filepath.Join(t.TempDir(), "home"),
		fmt.Sprintf("STANCEGRAPH_LOCAL_PORT=%d", other.Port)}
	out, err := bintest.Output(bintest.Command(t, env, "neo4j", "start"), 60*time.Second)
	pid := other.Status().PID
	if err == nil || strings.Contains(out, "neo4j up") {
		t.Fatalf("neo4j start on another server's port: %v\n%s", err, out)
	}
	for _, want := range []string{fmt.Sprintf("port %d", other.Port), fmt.Sprintf("pid %d", pid), "CommunityEntryPoint", "did not start"} {
		if !strings.Contains(out, want) {
			t.Errorf("the refusal does not name %q:\n%s", want, out)
		}
	}
	status, err := bintest.Output(bintest.Command(t, env, "neo4j", "status", "--json"), 60*time.Second)
	var s struct {
		Up       bool `json:"up"`
		Stranger *struct {
			PID int `json:"pid"`
		} `json:"stranger"`
	}
	if err != nil || json.Unmarshal([]byte(status), &s) != nil || s.Up || s.Stranger == nil || s.Stranger.PID != pid {
		t.Errorf("status --json: %v\n%s", err, status)
	}
	table.Record(t, "writing into somebody else's database: neo4j start on a port another Neo4j holds",
		fmt.Sprintf("stancegraph neo4j start for a new local.home on port %d, held by the Neo4j of another home (pid %d); then neo4j status --json", other.Port, pid),
		fmt.Sprintf("refused: %s; status: up false, stranger pid %d", errorLine(out), pid))
}

// TestSameNamedFilesInSeparateRuns ingests a/article.txt and later
// b/article.txt with the real binary: two documents with their own claims;
// ingesting a/article.txt again writes nothing.
func TestSameNamedFilesInSeparateRuns(t *testing.T) {
	st := neo4jtest.Empty(t)
	root := t.TempDir()
	for dir, text := range map[string]string{
		"a": "Syria agreed to join the anti-ISIS coalition on Tuesday.\n\nJordan welcomed the deal.\n",
		"b": "Syria agreed to join the anti-ISIS coalition on Tuesday.\n\nIran condemned the agreement.\n",
	} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, dir, "article.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var runs []string
	for _, f := range []string{"a/article.txt", "b/article.txt", "a/article.txt"} {
		out, err := bintest.Output(bintest.Command(t, nil, "ingest", filepath.Join(root, f)), 120*time.Second)
		if err != nil {
			t.Fatalf("ingest %s: %v\n%s", f, err, out)
		}
		runs = append(runs, f+": "+lastLine(out))
	}
	if !strings.Contains(runs[2], "ingested 0 documents") || !strings.Contains(runs[2], "1 unchanged") {
		t.Errorf("ingesting a/article.txt again: %s", runs[2])
	}
	r, err := st.ReadQuery(t.Context(), `MATCH (d:Document) OPTIONAL MATCH (d)<-[:IN]-(:Claim)<-[:MADE]-(a:Actor)
		WITH d, a.name AS actor ORDER BY actor RETURN d.id, d.name, collect(actor) ORDER BY d.id`, nil, 30*time.Second, 10)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(r.Rows)
	if len(r.Rows) != 2 || !strings.Contains(got, "Jordan") || !strings.Contains(got, "Iran") {
		t.Fatalf("documents and their actors: %v", r.Rows)
	}
	table.Record(t, "losing a document's claims to a file of the same name",
		"stancegraph ingest a/article.txt, then b/article.txt (other content), then a/article.txt again, each a separate run",
		fmt.Sprintf("%s; the graph holds %d documents named article.txt, one with Jordan's claim, one with Iran's", strings.Join(runs, "; "), len(r.Rows)))
}

// errorLine is the line a failed command ends with: "stancegraph: ...".
func errorLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "stancegraph: ") {
			return l
		}
	}
	return strings.TrimSpace(s)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
