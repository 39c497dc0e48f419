package security

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/bintest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/repo"
	"github.com/stancegraph/stancegraph/server"
	"github.com/stancegraph/stancegraph/web"
)

// answer is what a request got: its status and the first of its body.
type answer struct {
	status int
	body   string
}

func (a answer) String() string {
	var e struct {
		Error string `json:"error"`
	}
	if json.Unmarshal([]byte(a.body), &e) == nil && e.Error != "" {
		return fmt.Sprintf("%d %q", a.status, e.Error)
	}
	return fmt.Sprint(a.status)
}

// send makes one request; headers may set Host.
func send(t *testing.T, method, url, body string, headers map[string]string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return answer{resp.StatusCode, string(b)}
}

var asJSON = map[string]string{"Content-Type": "application/json"}

// listener is an HTTP server on loopback that counts the requests it gets:
// the address LOAD CSV would be made to fetch.
func listener(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	l := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprintln(w, "a,b")
	}))
	t.Cleanup(l.Close)
	return l, &hits
}

// TestAttacks seeds the graph through the real binary, saves one analyst's
// query, then tries every attack in turn against `stancegraph serve` and
// the local Neo4j; the graph is the same at the end.
func TestAttacks(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	if out, err := bintest.Command(t, nil, "ingest", filepath.Join(repo.Root(t), "examples", "articles")).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	s := bintest.Serve(t, "STANCEGRAPH_SERVER_QUERY_TIMEOUT=2s", "STANCEGRAPH_SERVER_BYTE_CAP=65536")
	if a := send(t, "POST", s.Base+"/api/queries", `{"name": "analyst-query", "cypher": "MATCH (a:Actor) RETURN a.name"}`, asJSON); a.status != http.StatusCreated {
		t.Fatalf("saving the analyst's query: %v", a)
	}
	// A query saved before the guard existed, as an attacker would have
	// left it: stored straight into the graph.
	planted := cypher.Query{Name: "planted-load-csv", Cypher: "LOAD CSV FROM $url AS r RETURN r", Params: []cypher.Param{{Name: "url", Default: "http://127.0.0.1:9/"}}}
	if err := st.SaveQuery(ctx, planted, true, 1000); err != nil {
		t.Fatal(err)
	}
	before, err := st.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := st.ReadQuery(ctx, "MATCH (c:Claim) RETURN c.id, c.review ORDER BY c.id", nil, 30*time.Second, 100000)
	if err != nil || len(claims.Rows) == 0 {
		t.Fatalf("claims: %v %d", err, len(claims.Rows))
	}
	claimID := claims.Rows[0][0].(string)

	t.Run("bolt", func(t *testing.T) { boltWithoutPassword(t) })
	t.Run("load csv", func(t *testing.T) { loadCSV(t, s, st) })
	t.Run("server commands", func(t *testing.T) { serverCommands(t, s) })
	t.Run("writes", func(t *testing.T) { writes(t, s) })
	t.Run("cross-site", func(t *testing.T) { crossSite(t, s, claimID) })
	t.Run("rebinding", func(t *testing.T) { rebinding(t, s) })
	t.Run("open bind", openBind)
	t.Run("healthz", healthz)
	t.Run("smaller items", func(t *testing.T) { smallerItems(t, s) })
	t.Run("config injection", configInjection)

	after, err := st.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	claimsAfter, err := st.ReadQuery(ctx, "MATCH (c:Claim) RETURN c.id, c.review ORDER BY c.id", nil, 30*time.Second, 100000)
	if err != nil {
		t.Fatal(err)
	}
	saved := send(t, "GET", s.Base+"/api/queries", "", nil)
	if fmt.Sprint(before) != fmt.Sprint(after) || fmt.Sprint(claims.Rows) != fmt.Sprint(claimsAfter.Rows) {
		t.Errorf("the graph changed:\nbefore %v\nafter  %v", before, after)
	}
	if !strings.Contains(saved.body, `"analyst-query"`) || strings.Contains(saved.body, "csrf") || strings.Contains(saved.body, "pwned") {
		t.Errorf("saved queries changed: %s", saved.body)
	}
	table.Record(t, "everything above, then the graph",
		"node and relationship counts by label and type, every claim's review mark, the saved queries, before and after the suite",
		fmt.Sprintf("unchanged: %d nodes, %d relationships, %d claims", total(after.Nodes), total(after.Relationships), len(claimsAfter.Rows)))
	if err := st.DeleteSavedQuery(ctx, planted.Name); err != nil {
		t.Fatal(err)
	}
}

func total(m map[string]int64) int64 {
	var n int64
	for k, v := range m {
		if k != "Person" && k != "State" && k != "Group" { // actors' second labels
			n += v
		}
	}
	return n
}

// boltWithoutPassword connects to the local Neo4j as any local program
// could, over Bolt and over Bolt's WebSocket from a foreign Origin, with
// no password and a wrong one.
func boltWithoutPassword(t *testing.T) {
	srv := neo4jtest.Server(t)
	var got []string
	for _, c := range []struct{ what, user, password string }{
		{"no auth", "", ""}, {"neo4j/neo4j", "neo4j", "neo4j"}, {"a wrong password", "neo4j", "not-the-password"},
	} {
		st, err := graph.Open(graph.Options{URI: srv.URI(), User: c.user, Password: c.password, Database: "neo4j", Timeout: 5 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		err = st.Ping(context.Background())
		_ = st.Close(context.Background())
		if !errors.Is(err, graph.ErrCredentials) {
			t.Errorf("Bolt with %s: %v, want refused credentials", c.what, err)
		}
		got = append(got, c.what+": refused")
	}
	addr := strings.TrimPrefix(srv.URI(), "bolt://")
	for _, c := range []struct {
		what string
		auth [][2]string
	}{
		{"scheme none", [][2]string{{"scheme", "none"}}},
		{"a wrong password", [][2]string{{"scheme", "basic"}, {"principal", "neo4j"}, {"credentials", "not-the-password"}}},
	} {
		upgraded, reply := boltOverWebSocket(t, addr, c.auth)
		if upgraded && !strings.HasPrefix(reply, "FAILURE Neo.ClientError.Security.") {
			t.Errorf("Bolt over WebSocket with %s: HELLO answered %s", c.what, reply)
		}
		got = append(got, fmt.Sprintf("WebSocket HELLO with %s (upgrade accepted: %v): %s", c.what, upgraded, reply))
	}
	table.Record(t, "Bolt without the password (any local program; any web page through Bolt's WebSocket)",
		"driver connections with no auth, neo4j/neo4j and a wrong password; a WebSocket to the Bolt port with Origin: https://evil.example, Bolt handshake, HELLO with scheme none and with a wrong password",
		strings.Join(got, "; "))
}

// loadCSV points LOAD CSV at a listener on loopback through every way a
// query reaches Neo4j; the listener gets no request.
func loadCSV(t *testing.T, s *bintest.Served, st *graph.Store) {
	l, hits := listener(t)
	url := l.URL + "/secret.csv"
	q := jsonString("LOAD CSV FROM '" + url + "' AS r RETURN r")
	var got []string
	for _, r := range []struct{ what, method, path, body string }{
		{"ad-hoc", "POST", "/api/cypher", `{"query": ` + q + `}`},
		{"ad-hoc, URL as a parameter", "POST", "/api/cypher", `{"query": "LOAD CSV FROM $u AS r RETURN r", "params": {"u": "` + url + `"}}`},
		{"ad-hoc, file URL", "POST", "/api/cypher", `{"query": "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r"}`},
		{"saving it", "POST", "/api/queries", `{"name": "pwned-csv", "cypher": ` + q + `}`},
		{"running a saved one planted in the graph", "POST", "/api/queries/planted-load-csv/run", `{"params": {"url": "` + url + `"}}`},
	} {
		a := send(t, r.method, s.Base+r.path, r.body, asJSON)
		if a.status != http.StatusForbidden || !strings.Contains(a.body, "LOAD CSV") {
			t.Errorf("%s: %v", r.what, a)
		}
		got = append(got, r.what+": "+a.String())
	}
	// A shipped query (a .cypher file) goes through the same check.
	shipped := cypher.Query{Name: "shipped-csv", Source: "file", Params: []cypher.Param{}, Cypher: "LOAD CSV FROM '" + url + "' AS r RETURN r"}
	srv, err := server.New(server.Options{Graph: st, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Static(),
		QueryTimeout: 5 * time.Second, FileQueries: []cypher.Query{shipped}})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	a := send(t, "POST", hs.URL+"/api/queries/shipped-csv/run", `{}`, asJSON)
	if a.status != http.StatusForbidden {
		t.Errorf("shipped query: %v", a)
	}
	got = append(got, "a shipped .cypher query: "+a.String())
	// The second wall: Neo4j itself, asked directly with the password.
	for _, u := range []string{url, "file:///etc/passwd"} {
		_, err := st.ReadQuery(context.Background(), "LOAD CSV FROM '"+u+"' AS r RETURN r", nil, 10*time.Second, 10)
		if err == nil || !(strings.Contains(err.Error(), "blocked") || strings.Contains(err.Error(), "allow_csv_import_from_file_urls")) {
			t.Errorf("Neo4j loaded %s: %v", u, err)
		}
	}
	got = append(got, "straight to Neo4j with the password: refused by its configuration (internal.dbms.cypher_ip_blocklist, allow_csv_import_from_file_urls=false)")
	if n := hits.Load(); n != 0 {
		t.Errorf("the listener on loopback got %d requests", n)
	}
	got = append(got, fmt.Sprintf("requests at the listener: %d", hits.Load()))
	table.Record(t, "LOAD CSV as a request forger into the analyst's network",
		"LOAD CSV FROM a listener on 127.0.0.1 (and a file URL) through /api/cypher, saving a query, a saved query planted in the graph, a shipped query, and straight to Neo4j", strings.Join(got, "; "))
}

// serverCommands sends SHOW/TERMINATE commands, administration commands,
// procedures outside the allow-list and USE of another database.
func serverCommands(t *testing.T, s *bintest.Served) {
	var got []string
	for _, q := range []string{
		"SHOW TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "CALL dbms.queryJmx('*:*')",
		"CALL db.clearQueryCaches()", "SHOW SETTINGS", "SHOW PROCEDURES", "CALL dbms.components()",
		"SHOW USERS", "CREATE USER mallory SET PASSWORD 'mallory-secret'", "SHOW DATABASES",
		"USE system CALL dbms.components()",
	} {
		a := send(t, "POST", s.Base+"/api/cypher", `{"query": `+jsonString(q)+`}`, asJSON)
		if a.status < 400 || a.status >= 500 || !strings.Contains(a.body, "not allowed") && !strings.Contains(a.body, "database") && !strings.Contains(a.body, "administ") {
			t.Errorf("%s: %v", q, a)
		}
		got = append(got, q+": "+a.String())
	}
	table.Record(t, "server commands through the read-only Cypher API",
		"POST /api/cypher with SHOW/TERMINATE TRANSACTIONS, SHOW SETTINGS/PROCEDURES/USERS/DATABASES, CREATE USER, dbms.queryJmx, db.clearQueryCaches, dbms.components, USE system",
		strings.Join(got, "; "))
}

func writes(t *testing.T, s *bintest.Served) {
	var got []string
	for _, q := range []string{"CREATE (:Pwned)", "MATCH (n) DETACH DELETE n", "MERGE (a:Actor {id: 'state:tur'}) SET a.name = 'pwned'",
		"MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS", "CREATE INDEX pwned IF NOT EXISTS FOR (n:Pwned) ON (n.x)"} {
		a := send(t, "POST", s.Base+"/api/cypher", `{"query": `+jsonString(q)+`}`, asJSON)
		if a.status != http.StatusForbidden && a.status != http.StatusBadRequest {
			t.Errorf("%s: %v", q, a)
		}
		got = append(got, q+": "+a.String())
	}
	a := send(t, "POST", s.Base+"/api/queries", `{"name": "pwned-delete", "cypher": "MATCH (n) DETACH DELETE n"}`, asJSON)
	if a.status != http.StatusForbidden {
		t.Errorf("saving a write: %v", a)
	}
	got = append(got, "saving MATCH (n) DETACH DELETE n: "+a.String())
	table.Record(t, "writes through the read-only Cypher API", "POST /api/cypher and POST /api/queries with CREATE, DELETE, MERGE/SET, CALL IN TRANSACTIONS, CREATE INDEX",
		strings.Join(got, "; "))
}

// crossSite posts to every state-changing route as a page on another site
// can: with its Origin, with Sec-Fetch-Site: cross-site, or as a plain
// form or text/plain body that needs no preflight.
func crossSite(t *testing.T, s *bintest.Served, claimID string) {
	routes := []struct{ method, path, body string }{
		{"POST", "/api/queries", `{"name": "csrf-probe", "cypher": "MATCH (n) RETURN count(n)"}`},
		{"DELETE", "/api/queries/analyst-query", ``},
		{"POST", "/api/queries/analyst-query/run", `{}`},
		{"POST", "/api/cypher", `{"query": "MATCH (n) RETURN count(n)"}`},
		{"POST", "/api/claims/" + claimID + "/review", `{"review": "rejected"}`},
		{"POST", "/api/logout", `{}`},
	}
	kinds := []struct {
		what    string
		headers map[string]string
	}{
		{"Origin: https://evil.example, JSON", map[string]string{"Origin": "https://evil.example", "Content-Type": "application/json"}},
		{"Sec-Fetch-Site: cross-site, JSON", map[string]string{"Sec-Fetch-Site": "cross-site", "Content-Type": "application/json"}},
		{"text/plain", map[string]string{"Content-Type": "text/plain"}},
		{"a form from https://evil.example", map[string]string{"Origin": "https://evil.example", "Content-Type": "application/x-www-form-urlencoded"}},
	}
	statuses := map[int]int{}
	for _, r := range routes {
		for _, k := range kinds {
			a := send(t, r.method, s.Base+r.path, r.body, k.headers)
			statuses[a.status]++
			if a.status != http.StatusForbidden {
				t.Errorf("%s %s with %s: %v", r.method, r.path, k.what, a)
			}
		}
	}
	// With a token the cookie is no longer the only guard: a cross-site
	// post that carries it is refused all the same.
	const token = "security-suite-t0ken"
	ts := bintest.Serve(t, "STANCEGRAPH_SERVER_TOKEN="+token)
	a := send(t, "POST", ts.Base+"/api/claims/"+claimID+"/review", `{"review": "rejected"}`,
		map[string]string{"Origin": "https://evil.example", "Content-Type": "application/json", "Cookie": "stancegraph_token=" + token})
	if a.status != http.StatusForbidden {
		t.Errorf("cross-site post with the token cookie: %v", a)
	}
	table.Record(t, "cross-site requests (CSRF) from a page the analyst visits",
		fmt.Sprintf("%d state-changing routes (save, delete and run a query, ad-hoc Cypher, review a claim, logout) × %d kinds: Origin of another site, Sec-Fetch-Site: cross-site, text/plain and form bodies; and with a token, a cross-site post carrying the token cookie", len(routes), len(kinds)),
		fmt.Sprintf("statuses %v; with the cookie %v; nothing saved, deleted or reviewed", statuses, a))
}

// rebinding sends requests whose Host names another site, as a page on a
// rebinding domain resolving to 127.0.0.1 does.
func rebinding(t *testing.T, s *bintest.Served) {
	host := map[string]string{"Host": "rebind.evil.example" + s.Base[strings.LastIndex(s.Base, ":"):], "Content-Type": "application/json"}
	var got []string
	for _, r := range []struct{ method, path, body string }{
		{"GET", "/", ""}, {"GET", "/healthz", ""}, {"GET", "/api/actors", ""}, {"GET", "/api/actors?format=csv", ""},
		{"POST", "/api/cypher", `{"query": "MATCH (n) RETURN n"}`},
	} {
		a := send(t, r.method, s.Base+r.path, r.body, host)
		if a.status != http.StatusMisdirectedRequest {
			t.Errorf("%s %s with Host %s: %v", r.method, r.path, host["Host"], a)
		}
		got = append(got, fmt.Sprintf("%s %s: %d", r.method, r.path, a.status))
	}
	table.Record(t, "DNS rebinding", "requests with Host: rebind.evil.example:PORT to the page, /healthz, the API, an export and ad-hoc Cypher",
		strings.Join(got, "; "))
}

// openBind serves on a non-loopback address without a token. The address
// is TEST-NET-1, which no machine has: had the guard let it through, the
// listen itself would fail, so nothing beyond loopback is ever bound.
func openBind(t *testing.T) {
	cmd := bintest.Command(t, []string{"STANCEGRAPH_SERVER_TOKEN="}, "serve", "--addr", "192.0.2.1:18080")
	out, err := bintest.Output(cmd, 30*time.Second)
	if err == nil || !strings.Contains(out, "refusing to serve on 192.0.2.1:18080 without a token") || !strings.Contains(out, "--allow-network-without-token") {
		t.Errorf("serve on an open address without a token: %v\n%s", err, out)
	}
	table.Record(t, "serving the network without a token", "stancegraph serve --addr 192.0.2.1:18080 with no token",
		fmt.Sprintf("did not start (%v): %s", err, strings.TrimSpace(out)))
}

// healthz runs a server whose Neo4j URI carries a user and password and is
// unreachable: /healthz (which needs no token) and the log say nothing of
// them.
func healthz(t *testing.T) {
	port := bintest.FreePort(t)
	s := bintest.Start(t, fmt.Sprintf("STANCEGRAPH_NEO4J_URI=bolt://mallory:hunter2-in-uri@127.0.0.1:%d", port),
		"STANCEGRAPH_NEO4J_PASSWORD=hunter2-in-env", "STANCEGRAPH_LOG_LEVEL=debug")
	a := send(t, "GET", s.Base+"/healthz", "", nil)
	for _, secret := range []string{"hunter2", "mallory", fmt.Sprint(port), "refused", "bolt://"} {
		if strings.Contains(a.body, secret) {
			t.Errorf("/healthz gives away %q: %s", secret, a.body)
		}
	}
	if a.status != http.StatusServiceUnavailable {
		t.Errorf("/healthz with Neo4j down: %v", a)
	}
	if strings.Contains(s.Stderr.String(), "hunter2") {
		t.Errorf("a password reached the log:\n%s", s.Stderr.String())
	}
	table.Record(t, "what /healthz (no token needed) and the log give away",
		"GET /healthz on a server whose neo4j.uri is bolt://mallory:PASSWORD@127.0.0.1:PORT (down) and whose password is in the environment; debug-level log",
		fmt.Sprintf("%d %s; neither password in the log", a.status, strings.TrimSpace(a.body)))
}

// smallerItems: CSV formulas, a query past the timeout, a result past the
// byte cap, a folder listing, a name collision.
func smallerItems(t *testing.T, s *bintest.Served) {
	var got []string
	a := send(t, "POST", s.Base+"/api/cypher?format=csv",
		`{"query": "RETURN '=HYPERLINK(\"http://evil.example\")' AS a, '\t=1+1' AS b, '@SUM(1)' AS c, -5 AS d, '-2.5' AS e"}`, asJSON)
	rec, err := csv.NewReader(strings.NewReader(a.body)).ReadAll()
	if err != nil || len(rec) != 2 || strings.Join(rec[1], "|") != "'=HYPERLINK(\"http://evil.example\")|'\t=1+1|'@SUM(1)|-5|-2.5" {
		t.Errorf("CSV export: %v %q", err, a.body)
	} else {
		got = append(got, fmt.Sprintf("CSV of =HYPERLINK(..), tab =1+1, @SUM(1), -5, '-2.5': %q", rec[1]))
	}
	a = send(t, "POST", s.Base+"/api/cypher", `{"query": "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(*)"}`, asJSON)
	if a.status != http.StatusGatewayTimeout || !strings.Contains(a.body, "query timed out") {
		t.Errorf("slow query: %v", a)
	}
	got = append(got, "a query past the 2 s timeout: "+a.String())
	a = send(t, "POST", s.Base+"/api/cypher", `{"query": "UNWIND range(1, 100000) AS i RETURN i, '`+strings.Repeat("padding ", 25)+`' AS p"}`, asJSON)
	var tb struct {
		Rows      [][]any `json:"rows"`
		Truncated bool    `json:"truncated"`
	}
	if err := json.Unmarshal([]byte(a.body), &tb); err != nil || a.status != http.StatusOK || !tb.Truncated || len(a.body) > 2*65536 {
		t.Errorf("big result: %d, %d bytes, truncated %v", a.status, len(a.body), tb.Truncated)
	}
	if len(tb.Rows) >= 1000 {
		t.Errorf("the row cap, not the byte cap, cut the result: %d rows", len(tb.Rows))
	}
	got = append(got, fmt.Sprintf("100,000 rows of 200 bytes against a 64 KiB cap: %d, %d rows, %d bytes, truncated", a.status, len(tb.Rows), len(a.body)))
	for _, p := range []string{"/static/", "/static/dist/"} {
		a = send(t, "GET", s.Base+p, "", nil)
		if a.status != http.StatusNotFound {
			t.Errorf("GET %s: %v", p, a)
		}
		got = append(got, fmt.Sprintf("GET %s: %d", p, a.status))
	}
	a = send(t, "POST", s.Base+"/api/queries", `{"name": "analyst-query", "cypher": "RETURN 'replaced'"}`, asJSON)
	if a.status != http.StatusConflict {
		t.Errorf("saving over an existing name: %v", a)
	}
	got = append(got, "saving over an existing name: "+a.String())
	table.Record(t, "smaller items: spreadsheet formulas, slow and huge results, folder listings, silent replacement",
		"a CSV export of formula-like cells and numbers; a query past server.query_timeout; a result past server.byte_cap; GET of folders under /static/; saving a query under an existing name",
		strings.Join(got, "; "))
}

// configInjection gives a config value with a newline that would add a
// setting to neo4j.conf.
func configInjection(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	cmd := bintest.Command(t, []string{"STANCEGRAPH_NEO4J_URI=", "STANCEGRAPH_LOCAL_HOME=" + home, "STANCEGRAPH_LOCAL_PORT=" + fmt.Sprint(bintest.FreePort(t)),
		"STANCEGRAPH_LOCAL_HEAP=1g\ndbms.security.auth_enabled=false"}, "neo4j", "start")
	out, err := bintest.Output(cmd, 30*time.Second)
	if err == nil || !strings.Contains(out, "local.heap") {
		t.Errorf("neo4j start with a newline in local.heap: %v\n%s", err, out)
	}
	if _, statErr := os.Stat(filepath.Join(home, "conf", "neo4j.conf")); statErr == nil {
		t.Error("neo4j.conf was written")
	}
	table.Record(t, "a setting smuggled into neo4j.conf through a config value",
		`STANCEGRAPH_LOCAL_HEAP="1g\ndbms.security.auth_enabled=false" stancegraph neo4j start`,
		fmt.Sprintf("refused before anything was written: %s", strings.TrimSpace(out)))
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
