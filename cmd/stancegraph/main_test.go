package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

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
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, _ := runCLI(t, args...)
			if code != 0 || !strings.Contains(out, "Usage:") || len(out) < 200 {
				t.Fatalf("exit %d, help:\n%s", code, out)
			}
		})
	}
}

func TestUserErrorsAreOneLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"serve", "--bogus"}, "unknown flag: --bogus"},
		{"missing config file", []string{"--config", "/nonexistent/stancegraph.yaml", "config"}, "/nonexistent/stancegraph.yaml"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"bad flag value", []string{"--neo4j-uri", "localhost", "config"}, "neo4j.uri"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code == 0 {
				t.Fatal("exit code 0 for a user error")
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
	for _, kv := range neo4jtest.Env(t) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
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
