package cypher_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/neo4jlocal"
)

// TestShippedQueriesRunInThePythonDriver: every shipped .cypher file runs
// unchanged, with its :param values, through the official Neo4j driver of
// another language (Python, from PyPI), and returns rows on the seeds.
func TestShippedQueriesRunInThePythonDriver(t *testing.T) {
	st := neo4jtest.Open(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	root := neo4jtest.Root(t)
	install := exec.Command(filepath.Join(root, "scripts", "pydriver.sh"))
	install.Stderr = os.Stderr
	py, err := install.Output()
	if err != nil {
		t.Fatalf("scripts/pydriver.sh (installs the Neo4j Python driver from PyPI): %v", err)
	}
	files, err := filepath.Glob(filepath.Join(root, "cypher", "*.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	var queries []string
	for _, f := range files {
		if filepath.Base(f) != "schema.cypher" {
			queries = append(queries, f)
		}
	}
	run := exec.Command(strings.TrimSpace(string(py)), append([]string{filepath.Join(root, "scripts", "run-cypher-files.py")}, queries...)...)
	run.Env = append(os.Environ(), "NEO4J_URI="+neo4jtest.Server(t).URI(), "NEO4J_USERNAME="+neo4jlocal.User,
		"NEO4J_PASSWORD="+neo4jtest.Password(t))
	run.Stderr = os.Stderr
	out, err := run.Output()
	if err != nil {
		t.Fatalf("the Python driver: %v\n%s", err, out)
	}
	var rows map[string]any
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(rows) != len(queries) {
		t.Fatalf("ran %d files of %d: %v", len(rows), len(queries), rows)
	}
	for file, n := range rows {
		if count, ok := n.(float64); !ok || count < 1 {
			t.Errorf("%s: %v, want rows on the seeds", file, n)
		}
	}
}
