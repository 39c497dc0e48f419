package faults

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/repo"
	"github.com/stancegraph/stancegraph/synth"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the real stancegraph binary once per run.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "stancegraph-faults-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "stancegraph")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/stancegraph")
		cmd.Dir = repo.Root(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// command runs the real binary against the local test Neo4j, with a short
// Neo4j timeout so that a dead server is noticed quickly, from the
// repository root (so it reads config.yaml and its other defaults). It
// extracts with the fast parser: the suite is about faults, and parsing
// its thousands of synthetic articles with CoreNLP would take most of it.
func command(t *testing.T, extraEnv []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = repo.Root(t)
	cmd.Env = append(append(os.Environ(), neo4jtest.Env(t)...), "STANCEGRAPH_NEO4J_TIMEOUT=5s", "STANCEGRAPH_NLP_PARSER=fast")
	cmd.Env = append(cmd.Env, extraEnv...)
	return cmd
}

// corpus writes n synthetic articles into a new folder.
func corpus(t *testing.T, seed int64, n int) string {
	t.Helper()
	g, err := extract.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, _, err := synth.Write(dir, g, seed, n); err != nil {
		t.Fatal(err)
	}
	return dir
}

// served is the real binary serving on a free loopback port.
type served struct {
	cmd    *exec.Cmd
	base   string
	stderr *lockedBuffer
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// serve starts `stancegraph serve` and waits until /healthz answers.
func serve(t *testing.T, extraEnv ...string) *served {
	t.Helper()
	port := freePort(t)
	s := &served{base: fmt.Sprintf("http://127.0.0.1:%d", port), stderr: &lockedBuffer{}}
	s.cmd = command(t, append(extraEnv, "STANCEGRAPH_LOG_LEVEL=warn"), "serve", "--addr", fmt.Sprintf("127.0.0.1:%d", port))
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = s.cmd.Process.Kill()
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(s.base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("serve did not become healthy; stderr:\n%s", s.stderr.String())
	return nil
}

// rssKB reads a process's resident set size from /proc.
func rssKB(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

// waitFor polls cond every 100 ms until it holds or the time is up.
func waitFor(ctx context.Context, d time.Duration, cond func() bool) bool {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	for {
		if cond() {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(100 * time.Millisecond):
		}
	}
}
