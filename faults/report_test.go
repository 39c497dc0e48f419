// Package faults injects failures, load and hostile input into the real
// binary and the real local Neo4j, and writes what happened to
// RELIABILITY.md.
package faults

import (
	"os"
	"testing"

	"github.com/stancegraph/stancegraph/internal/report"
)

// table is this suite's section of RELIABILITY.md; TestMain writes it once
// every test has added its row.
var table = report.New("faults", "Faults",
	"Written by the fault suite (`make test-faults`, also part of `make test`). Each row is one test against the real binary or server and the real local Neo4j; the figures are that run's.",
	"injected", "what happened", "figures")

// TestMain writes RELIABILITY.md, one folder up, after the tests.
func TestMain(m *testing.M) { os.Exit(table.Run(m, "../RELIABILITY.md")) }
