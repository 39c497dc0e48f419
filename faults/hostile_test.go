package faults

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/bintest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/repo"
)

var injections = []string{
	`Turkey' }) DETACH DELETE n //`,
	`"}) MATCH (n) DETACH DELETE n //`,
	`x' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //`,
	"`; CALL dbms.killQueries([]) //",
	`$stance} CREATE (:Pwned) //`,
	"Robert'); DROP TABLE actors;--",
}

// TestHostileInput sends injection strings, oversized and malformed
// bodies, traversal paths and invalid UTF-8 to the real binary: each is
// refused or answered as data, and the graph is unchanged.
func TestHostileInput(t *testing.T) {
	st := neo4jtest.Open(t)
	neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t))
	s := bintest.Serve(t)
	before := count(t, st, "MATCH (n) RETURN count(n)")
	beforeRels := count(t, st, "MATCH ()-[r]->() RETURN count(r)")

	type req struct {
		what, method, path, body string
		want                     []int
	}
	var reqs []req
	for _, inj := range injections {
		q := url.QueryEscape(inj)
		reqs = append(reqs,
			req{"injection in a question", "GET", "/api/ask?q=what+did+" + q + "+say", "", []int{200}},
			req{"injection in a filter", "GET", "/api/actors?name=" + q, "", []int{200}},
			req{"injection in a filter", "GET", "/api/graph?doc=" + q, "", []int{200}},
			req{"injection in a path id", "GET", "/api/actors/" + url.PathEscape(inj), "", []int{404}},
			req{"injection in a saved-query name", "POST", "/api/queries", `{"name": ` + jsonString(inj) + `, "cypher": "RETURN 1"}`, []int{400}},
			req{"injection in a run parameter", "POST", "/api/queries/stance-by-kind/run", `{"params": {"kind": ` + jsonString(inj) + `}}`, []int{200}},
			req{"injection as a Cypher parameter", "POST", "/api/cypher", `{"query": "MATCH (a:Actor {name: $n}) RETURN a", "params": {"n": ` + jsonString(inj) + `}}`, []int{200}},
		)
	}
	reqs = append(reqs,
		req{"write through ad-hoc Cypher", "POST", "/api/cypher", `{"query": "CREATE (:Pwned)"}`, []int{403}},
		req{"path traversal in a document id", "GET", "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd", "", []int{404}},
		req{"path traversal in a document page", "GET", "/documents/%2e%2e%2f%2e%2e%2fconfig.yaml", "", []int{404}},
		req{"path traversal in a saved-query name", "GET", "/api/queries/..%2F..%2Fschema", "", []int{400, 404}},
		req{"path traversal in a static file", "GET", "/static/..%2f..%2fgo.mod", "", []int{400, 404}},
		req{"malformed JSON", "POST", "/api/cypher", `{"query": "RETURN 1",`, []int{400}},
		req{"JSON of the wrong shape", "POST", "/api/queries", `["not", "an", "object"]`, []int{400}},
		req{"oversized body (2 MB)", "POST", "/api/cypher", `{"query": "RETURN 1", "params": {"x": "` + strings.Repeat("a", 2<<20) + `"}}`, []int{413}},
		req{"question of 100,000 characters", "GET", "/api/ask?q=" + strings.Repeat("who+", 25000), "", []int{400, 414, 431}},
		req{"invalid UTF-8 in a question", "GET", "/api/ask?q=who%FF%FEopposed", "", []int{400}},
		req{"invalid UTF-8 in a body", "POST", "/api/cypher", "{\"query\": \"RETURN '\xff\xfe'\"}", []int{200, 400}},
		req{"empty question", "GET", "/api/ask?q=", "", []int{400}},
	)
	client := &http.Client{Timeout: 30 * time.Second}
	kinds := map[string]bool{}
	for _, r := range reqs {
		kinds[r.what] = true
		hr, _ := http.NewRequest(r.method, s.Base+r.path, strings.NewReader(r.body))
		hr.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(hr)
		if err != nil {
			t.Errorf("%s %s: %v", r.what, r.path[:min(len(r.path), 80)], err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		ok := false
		for _, w := range r.want {
			ok = ok || resp.StatusCode == w
		}
		if !ok {
			t.Errorf("%s (%s %.80s): %d, want %v: %.200s", r.what, r.method, r.path, resp.StatusCode, r.want, body)
		}
		if resp.StatusCode >= 400 && !json.Valid(body) {
			t.Errorf("%s: error body is not JSON: %.200s", r.what, body)
		}
	}
	after := count(t, st, "MATCH (n) RETURN count(n)")
	afterRels := count(t, st, "MATCH ()-[r]->() RETURN count(r)")
	pwned := count(t, st, "MATCH (n:Pwned) RETURN count(n)")
	if after != before || afterRels != beforeRels || pwned != 0 {
		t.Errorf("graph changed: nodes %d -> %d, relationships %d -> %d, :Pwned %d", before, after, beforeRels, afterRels, pwned)
	}
	table.Record(t, fmt.Sprintf("hostile HTTP input: %d requests of %d kinds (%d injection strings in every parameter, question and saved-query name; traversal; malformed and oversized bodies; invalid UTF-8; a 100,000-character question)", len(reqs), len(kinds), len(injections)),
		"each answered as data or refused with a JSON error (400/403/404/413); no query text was executed; node and relationship counts unchanged",
		fmt.Sprintf("%d nodes and %d relationships before and after", after, afterRels))
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestHostileFiles ingests a folder holding a 50 MB file, a 1 GB sparse
// file and a symlink loop beside good articles: the big files are refused
// by the size cap without being read, the loop does not trap the walk.
func TestHostileFiles(t *testing.T) {
	st := neo4jtest.Empty(t)
	dir := t.TempDir()
	good := filepath.Join(repo.Root(t), "examples", "articles", "02-regional-reactions.txt")
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fifty.txt"), []byte(strings.Repeat("Jordan welcomed the deal. ", 2<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	sparse, err := os.Create(filepath.Join(dir, "sparse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sparse.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	sparse.Close()
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "loop.txt"), filepath.Join(dir, "loop.txt")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	cmd := bintest.Command(t, nil, "ingest", dir)
	out, err := bintest.Output(cmd, 60*time.Second)
	took := time.Since(start)
	if err == nil {
		t.Fatalf("ingest exited 0 with refused files:\n%s", out)
	}
	for _, want := range []string{"fifty.txt", "sparse.txt", "cap"} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not mention %q:\n%s", want, out)
		}
	}
	if n := count(t, st, "MATCH (d:Document) RETURN count(d)"); n != 1 {
		t.Errorf("%d documents written, want the 1 good one", n)
	}
	table.Record(t, "ingest folder with a 50 MB file, a 1 GB sparse file, a directory symlink loop and a self-referencing file link beside a good article",
		"the big files were refused by the size cap (checked before reading), the loops did not trap the walk, the good article was written, the exit code was non-zero",
		fmt.Sprintf("whole run %s", took.Round(time.Millisecond)))
}
