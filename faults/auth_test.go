package faults

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/bintest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/repo"
)

// TestTokenOnRealBinary serves with a token and tries every documented
// route, pages, static files and exports without it (401 each, /healthz
// 200), then with it; the token never appears in the server's output.
func TestTokenOnRealBinary(t *testing.T) {
	const token = "tok-9f3c2e7a51d84b06"
	neo4jtest.Open(t)
	s := bintest.Serve(t, "STANCEGRAPH_SERVER_TOKEN="+token, "STANCEGRAPH_LOG_LEVEL=debug")
	b, err := os.ReadFile(filepath.Join(repo.Root(t), "server", "openapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`\{[^}]+\}`)
	type route struct{ method, path string }
	routes := []route{{"GET", "/static/app.css"}, {"GET", "/api/actors?format=csv"}, {"GET", "/api/graph?format=graphml"}}
	for p, ops := range doc.Paths {
		for m := range ops {
			if m == "parameters" {
				continue
			}
			routes = append(routes, route{strings.ToUpper(m), param.ReplaceAllString(p, "x")})
		}
	}
	client := &http.Client{Timeout: 15 * time.Second}
	do := func(r route, auth string) int {
		req, _ := http.NewRequest(r.method, s.Base+r.path, strings.NewReader("{}"))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", r.method, r.path, err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	guarded := 0
	for _, r := range routes {
		want := http.StatusUnauthorized
		if r.path == "/healthz" {
			want = http.StatusOK
		} else {
			guarded++
		}
		for _, bad := range []string{"", "wrong", token + "x", token[:len(token)-1]} {
			if got := do(r, bad); got != want {
				t.Errorf("%s %s with token %q: %d, want %d", r.method, r.path, bad, got, want)
			}
		}
		if got := do(r, token); got == http.StatusUnauthorized {
			t.Errorf("%s %s with the right token: 401", r.method, r.path)
		}
	}
	if out := s.Stderr.String(); strings.Contains(out, token) {
		t.Errorf("the token appears in the server's output")
	}
	table.Record(t, fmt.Sprintf("token configured: %d routes (every documented one, pages, static files, exports) with no, wrong, extended and truncated tokens", len(routes)),
		"every route but /healthz answered 401 without the right token and served with it; the token (compared in constant time) never appeared in the debug-level log",
		fmt.Sprintf("%d guarded routes × 4 wrong tokens", guarded))
}
