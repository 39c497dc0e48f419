// Package security tries, against the real binary and the real local
// Neo4j, each attack a web page or a local program could make on an
// analyst's machine, shows it fail, and writes what it tried and the
// answer to RELIABILITY.md.
package security

import (
	"os"
	"testing"

	"github.com/stancegraph/stancegraph/internal/report"
)

// table is this suite's section of RELIABILITY.md; TestMain writes it once
// every test has added its row.
var table = report.New("security", "Security",
	"Written by the security suite (`make test-security`, also part of `make test`). Each row is one class of attack tried against the real binary and the real local Neo4j (authentication on), with the requests it sent and the answers it got.",
	"attack", "request tried", "answer")

// TestMain writes RELIABILITY.md, one folder up, after the tests.
func TestMain(m *testing.M) { os.Exit(table.Run(m, "../RELIABILITY.md")) }
