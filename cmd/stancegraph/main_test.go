package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpExplainsEveryCommand(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"neo4j", "--help"}, {"neo4j", "start", "--help"}, {"neo4j", "stop", "--help"},
		{"neo4j", "status", "--help"}, {"serve", "--help"}, {"config", "--help"},
		{"actors", "merge", "--help"}, {"actors", "split", "--help"}, {"documents", "rm", "--help"}, {"topics", "--help"}, {"topics", "rm", "--help"}, {"reset", "--help"},
		{"ask", "--help"}, {"query", "list", "--help"}, {"query", "run", "--help"}, {"export", "--help"}, {"version", "--help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, _ := runCLI(t, args...)
			if code != 0 || !strings.Contains(out, "Usage:") || len(out) < 200 {
				t.Fatalf("exit %d, help:\n%s", code, out)
			}
		})
	}
}

// Errors are one line; usage errors (a command line that cannot run as
// written) exit with 2 and point at the command's help, the rest with 1.
func TestUserErrorsAreOneLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
		code int
	}{
		{"unknown flag", []string{"serve", "--bogus"}, "unknown flag: --bogus (see stancegraph serve --help)", 2},
		{"missing config file", []string{"--config", "/nonexistent/stancegraph.yaml", "config"}, "/nonexistent/stancegraph.yaml", 1},
		{"unknown command", []string{"frobnicate"}, "unknown command", 2},
		{"bad flag value", []string{"--neo4j-uri", "localhost", "config"}, "neo4j.uri", 1},
		{"missing argument", []string{"topics", "rm"}, "accepts 1 arg(s), received 0 (see stancegraph topics rm --help)", 2},
		{"extra argument", []string{"version", "now"}, "unknown command", 2},
		{"bad date", []string{"ingest", "--date", "yesterday", "x"}, "--date", 2},
		{"nothing to ingest", []string{"ingest"}, "give at least one file, folder or URL, or a --feed URL", 2},
		{"a feed that is no web address", []string{"ingest", "--feed", "ftp://news.example.org/rss"}, "--feed", 2},
		{"bad output format", []string{"topics", "-o", "xml"}, "-o/--output", 2},
		{"bad export format", []string{"export", "pdf"}, `invalid argument "pdf"`, 2},
		{"bad query parameter", []string{"query", "run", "opponents", "--param", "nameless"}, "--param", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit code %d, want %d (%s)", code, tt.code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], tt.want) || strings.Contains(stderr, "goroutine") {
				t.Fatalf("want one line mentioning %q, got:\n%s", tt.want, stderr)
			}
		})
	}
}

func TestConfigMasksSecrets(t *testing.T) {
	t.Setenv("STANCEGRAPH_NEO4J_PASSWORD", "s3cret-pass")
	t.Setenv("STANCEGRAPH_SERVER_TOKEN", "s3cret-token")
	code, out, stderr := runCLI(t, "config")
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.Contains(out, "s3cret") || !strings.Contains(out, "********") {
		t.Fatalf("secrets not masked:\n%s", out)
	}
}

// TestOnlyLoopbackListens runs the server against the real local Neo4j and
// checks with ss that neither process listens beyond loopback.
func TestOnlyLoopbackListens(t *testing.T) {
	neo4jtest.Open(t) // starts the local test Neo4j if needed
	srv := neo4jtest.Server(t)
	useTestNeo4j(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan string)
	go func() {
		var out, errb bytes.Buffer
		code := run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, &out, &errb)
		done <- fmt.Sprintf("serve exited %d: %s", code, errb.String())
	}()
	defer func() {
		cancel()
		if msg := <-done; t.Failed() {
			t.Log(msg)
		}
	}()
	pids := []int{os.Getpid(), srv.Status().PID}
	var listening []string
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		listening = listeners(t, pids)
		if len(listening) >= 2 { // Bolt and HTTP
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(listening) < 2 {
		t.Fatalf("expected Neo4j's Bolt and the HTTP server listening, got %v", listening)
	}
	for _, addr := range listening {
		if !strings.HasPrefix(addr, "127.0.0.1:") && !strings.HasPrefix(addr, "[::ffff:127.0.0.1]:") && !strings.HasPrefix(addr, "[::1]:") {
			t.Errorf("listening beyond loopback: %s", addr)
		}
	}
}

// listeners returns the local addresses of TCP listening sockets owned by
// the given processes, as ss reports them.
func listeners(t *testing.T, pids []int) []string {
	t.Helper()
	out, err := exec.Command("ss", "-ltnpH").Output()
	if err != nil {
		t.Fatalf("ss: %v", err)
	}
	var addrs []string
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 6 {
			continue
		}
		for _, pid := range pids {
			if strings.Contains(f[5], "pid="+strconv.Itoa(pid)+",") {
				addrs = append(addrs, f[3])
			}
		}
	}
	return addrs
}

// localEnv points the CLI at a local server of its own in home on port.
func localEnv(t *testing.T, home string, port int) {
	t.Helper()
	t.Setenv("STANCEGRAPH_NEO4J_URI", "")
	t.Setenv("STANCEGRAPH_LOCAL_HOME", home)
	t.Setenv("STANCEGRAPH_LOCAL_PORT", strconv.Itoa(port))
	t.Setenv("STANCEGRAPH_LOCAL_HTTP_PORT", "0") // no Neo4j Browser: its port is the test instance's business
	t.Setenv("STANCEGRAPH_LOCAL_START_TIMEOUT", "20s")
}

func TestStatusJSONNamesUserAndPasswordFile(t *testing.T) {
	neo4jtest.Open(t)
	srv := neo4jtest.Server(t)
	localEnv(t, srv.Home, srv.Port)
	code, out, stderr := runCLI(t, "neo4j", "status", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s struct {
		Managed      bool   `json:"managed"`
		Up           bool   `json:"up"`
		URI          string `json:"uri"`
		User         string `json:"user"`
		PasswordFile string `json:"password_file"`
		PID          int    `json:"pid"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
	if !s.Managed || !s.Up || s.URI != srv.URI() || s.User != "neo4j" || s.PasswordFile != srv.PasswordFile() || s.PID != srv.Status().PID {
		t.Fatalf("status %+v", s)
	}
	if strings.Contains(out, neo4jtest.Password(t)) {
		t.Fatal("status prints the password")
	}
	code, out, _ = runCLI(t, "neo4j", "status")
	if code != 0 || !strings.Contains(out, srv.PasswordFile()) || !strings.Contains(out, "user:     neo4j") {
		t.Fatalf("plain status:\n%s", out)
	}
}

// TestStartRefusesABusyPort: neo4j start on a port another program holds
// (a plain listener, or the test Neo4j of another home) fails naming the
// port and the holder, and status calls that holder a stranger.
func TestStartRefusesABusyPort(t *testing.T) {
	neo4jtest.Open(t)
	testNeo := neo4jtest.Server(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	tests := []struct {
		name string
		port int
		want []string
	}{
		{"a plain listener", ln.Addr().(*net.TCPAddr).Port, []string{fmt.Sprintf("pid %d", os.Getpid())}},
		{"another home's Neo4j", testNeo.Port, []string{fmt.Sprintf("pid %d", testNeo.Status().PID), "CommunityEntryPoint"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			localEnv(t, filepath.Join(t.TempDir(), "home"), tt.port)
			code, out, stderr := runCLI(t, "neo4j", "start")
			if code == 0 || strings.Contains(out, "neo4j up") {
				t.Fatalf("start on a busy port: exit %d, %s", code, out)
			}
			for _, w := range append(tt.want, fmt.Sprintf("port %d", tt.port), "did not start") {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not name %q:\n%s", w, stderr)
				}
			}
			code, out, _ = runCLI(t, "neo4j", "status")
			if code != 0 || !strings.Contains(out, "not this home's server") || !strings.Contains(out, tt.want[0]) {
				t.Fatalf("status does not tell the stranger: %s", out)
			}
		})
	}
}

// reset asks before deleting: without a terminal it refuses unless --yes,
// and it keeps saved queries; documents rm names an argument it cannot
// read.
func TestResetAndRemoveFromTheCommandLine(t *testing.T) {
	st := seededCLI(t)
	ctx := context.Background()
	if err := st.SaveQuery(ctx, cypher.Query{Name: "kept", Cypher: "MATCH (a:Actor) RETURN a.name"}, false, 100); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "reset")
	if code == 0 || !strings.Contains(errOut, "--yes") || !strings.Contains(errOut, "5 documents") {
		t.Errorf("reset without a terminal: exit %d, %q", code, errOut)
	}
	if c, _ := st.Count(ctx); c.Nodes["Document"] != 5 {
		t.Fatalf("an unconfirmed reset deleted documents: %v", c.Nodes)
	}
	if code, out, errOut := runCLI(t, "reset", "--yes"); code != 0 || !strings.Contains(out, "deleted 5 documents") {
		t.Fatalf("reset --yes: exit %d, %q %q", code, out, errOut)
	}
	c, err := st.Count(ctx)
	if err != nil || c.Nodes["Document"] != 0 || c.Nodes["Actor"] != 0 || c.Nodes["SavedQuery"] != 1 {
		t.Errorf("after reset: %v %v, want no documents or actors and the saved query", c.Nodes, err)
	}
	if code, _, errOut := runCLI(t, "documents", "rm", "no-such-file.txt"); code == 0 || !strings.Contains(errOut, "no-such-file.txt") {
		t.Errorf("documents rm of a missing file: exit %d, %q", code, errOut)
	}
}

// TestTopicsFromTheCommandLine: topics lists what the graph holds per
// topic; topics rm takes one topic away and leaves the other as it was;
// ingest --topic refuses a topic the configuration lacks before any work.
func TestTopicsFromTheCommandLine(t *testing.T) {
	st := neo4jtest.Empty(t)
	useTestNeo4j(t)
	neo4jtest.SeedWith(t, st, neo4jtest.BothTopics(t), neo4jtest.SeedsDir(t), neo4jtest.TarvoDir(t))
	syria, tarvo := neo4jtest.Topic.ID, neo4jtest.TarvoTopic.ID
	claimsOn := func(topic string) int64 {
		r, err := st.ReadQuery(context.Background(), `MATCH (c:Claim)-[:ABOUT]->(:Topic {id: $t}) RETURN count(c)`, map[string]any{"t": topic}, 30*time.Second, 1)
		if err != nil {
			t.Fatal(err)
		}
		return r.Rows[0][0].(int64)
	}
	before := claimsOn(syria)
	code, out, errOut := runCLI(t, "topics")
	if code != 0 || !regexp.MustCompile(`(?m)^`+syria+`\s.*\s5\s+\d+\s+\d+$`).MatchString(out) ||
		!regexp.MustCompile(`(?m)^`+tarvo+`\s.*2026-03-04\s+2\s+\d+\s+\d+$`).MatchString(out) {
		t.Fatalf("topics: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "topics", "rm", tarvo); code != 0 || !strings.Contains(out, "2 documents about it alone") {
		t.Fatalf("topics rm: exit %d, %q %q", code, out, errOut)
	}
	if n := claimsOn(syria); n != before {
		t.Errorf("removing %s changed %s's claims: %d, was %d", tarvo, syria, n, before)
	}
	c, err := st.Count(context.Background())
	if err != nil || c.Nodes["Document"] != 5 || c.Nodes["Topic"] != 1 {
		t.Errorf("after topics rm: %v %v, want the seeds' 5 documents and their topic", c.Nodes, err)
	}
	if code, _, errOut := runCLI(t, "topics", "rm", "nope"); code == 0 || !strings.Contains(errOut, `no topic "nope"`) {
		t.Errorf("topics rm of an unknown topic: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "ingest", "--topic", "nope", neo4jtest.TarvoDir(t)); code == 0 ||
		!strings.Contains(errOut, `--topic "nope"`) || !strings.Contains(errOut, syria) {
		t.Errorf("ingest --topic nope: exit %d, %q", code, errOut)
	}
}
