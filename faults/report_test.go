// Package faults injects failures, load and hostile input into the real
// binary and the real local Neo4j, and writes what happened to
// RELIABILITY.md.
package faults

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/repo"
)

// row is one line of RELIABILITY.md.
type row struct {
	Injected string
	Happened string
	Figures  string
	Passed   bool
}

var (
	reportMu sync.Mutex
	report   []row
	rootDir  string
)

// record adds a row to the report; the row says whether its test passed.
func record(t *testing.T, injected, happened, figures string) {
	t.Helper()
	t.Cleanup(func() {
		reportMu.Lock()
		defer reportMu.Unlock()
		report = append(report, row{injected, happened, figures, !t.Failed()})
	})
	reportMu.Lock()
	if rootDir == "" {
		rootDir = repo.Root(t)
	}
	reportMu.Unlock()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if len(report) > 0 && rootDir != "" {
		if err := writeReport(filepath.Join(rootDir, "RELIABILITY.md")); err != nil {
			fmt.Fprintln(os.Stderr, "faults: write RELIABILITY.md:", err)
			code = 1
		}
	}
	os.Exit(code)
}

func writeReport(path string) error {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "# Reliability\n\nWritten by the fault suite (`make test-faults`, also part of `make test`) on %s, %s.\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), host)
	b.WriteString("Each row is one test against the real binary or server and the real local Neo4j; the figures are that run's.\n\n")
	b.WriteString("| injected | what happened | figures | result |\n|---|---|---|---|\n")
	for _, r := range report {
		res := "pass"
		if !r.Passed {
			res = "**FAIL**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(r.Injected), cell(r.Happened), cell(r.Figures), res)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func cell(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ") }
