// Package faults injects failures, load and hostile input into the real
// binary and the real local Neo4j, and writes what happened to
// RELIABILITY.md.
package faults

import (
	"fmt"
	"os"
	"testing"

	"github.com/stancegraph/stancegraph/internal/report"
)

// table is this suite's section of RELIABILITY.md; TestMain writes it once
// every test has added its row.
var table = report.New("faults", "Faults",
	"Written by the fault suite (`make test-faults`, also part of `make test`). Each row is one test against the real binary or server and the real local Neo4j; the figures are that run's.",
	"injected", "what happened", "figures")

func TestMain(m *testing.M) {
	code := m.Run()
	// Tests run in the package's folder, one below the repository's.
	if err := table.Write("../RELIABILITY.md"); err != nil {
		fmt.Fprintln(os.Stderr, "faults: write RELIABILITY.md:", err)
		code = 1
	}
	os.Exit(code)
}
