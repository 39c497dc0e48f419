// Package bintest runs the real stancegraph binary for the suites that
// test it from outside (faults, security): built once per test process,
// pointed at the local test Neo4j, serving on a free loopback port.
package bintest

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/repo"
)

// built caches the one build of a test process: every test of a suite
// runs the same binary.
var built struct {
	once sync.Once
	path string
	err  error
}

// Binary builds the real stancegraph binary once per test process.
func Binary(tb testing.TB) string {
	tb.Helper()
	root := repo.Root(tb)
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "stancegraph-bin-")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "stancegraph")
		cmd := exec.Command("go", "build", "-buildvcs=auto", "-o", built.path, "./cmd/stancegraph")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		tb.Fatal(built.err)
	}
	return built.path
}

// Command runs the real binary against the local test Neo4j (as a server
// of its own, password from the environment), with a short Neo4j timeout
// so that a dead server is noticed quickly, from the repository root (so
// it reads config.yaml and its other defaults). It extracts with the fast
// parser: these suites are about faults and attacks, not extraction.
func Command(tb testing.TB, extraEnv []string, args ...string) *exec.Cmd {
	tb.Helper()
	cmd := exec.Command(Binary(tb), args...)
	cmd.Dir = repo.Root(tb)
	cmd.Env = append(append(os.Environ(), neo4jtest.Env(tb)...), "STANCEGRAPH_NEO4J_TIMEOUT=5s", "STANCEGRAPH_NLP_PARSER=fast")
	cmd.Env = append(cmd.Env, extraEnv...)
	return cmd
}

// Output runs cmd to its end, or kills it after d, and returns what it
// wrote to stdout and stderr.
func Output(cmd *exec.Cmd, d time.Duration) (string, error) {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return "", err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(d):
		_ = cmd.Process.Kill()
		<-done
		return out.String(), fmt.Errorf("%s killed after %s", cmd.Path, d)
	}
}

// Served is the real binary serving on a free loopback port.
type Served struct {
	Cmd    *exec.Cmd
	Base   string // http://127.0.0.1:PORT
	Stderr *LockedBuffer
}

// LockedBuffer is a bytes.Buffer a process can write while a test reads.
type LockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *LockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *LockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// FreePort is a TCP port free on loopback a moment ago.
func FreePort(tb testing.TB) int {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// Serve starts `stancegraph serve` on loopback and waits until /healthz
// answers 200; the server is stopped with the test.
func Serve(tb testing.TB, extraEnv ...string) *Served {
	tb.Helper()
	return start(tb, http.StatusOK, extraEnv)
}

// Start is Serve for a server whose Neo4j may be down: it waits until
// /healthz answers at all.
func Start(tb testing.TB, extraEnv ...string) *Served {
	tb.Helper()
	return start(tb, 0, extraEnv)
}

// start runs serve and waits for /healthz to answer want (0: anything).
func start(tb testing.TB, want int, extraEnv []string) *Served {
	tb.Helper()
	port := FreePort(tb)
	s := &Served{Base: fmt.Sprintf("http://127.0.0.1:%d", port), Stderr: &LockedBuffer{}}
	s.Cmd = Command(tb, append([]string{"STANCEGRAPH_LOG_LEVEL=warn"}, extraEnv...), "serve", "--addr", fmt.Sprintf("127.0.0.1:%d", port))
	s.Cmd.Stderr = s.Stderr
	if err := s.Cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		_ = s.Cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = s.Cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = s.Cmd.Process.Kill()
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(s.Base + "/healthz"); err == nil {
			resp.Body.Close()
			if want == 0 || resp.StatusCode == want {
				return s
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.Fatalf("serve did not answer /healthz (want %d); stderr:\n%s", want, s.Stderr.String())
	return nil
}
