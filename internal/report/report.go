// Package report lets a test suite write what it did as a table into its
// own section of RELIABILITY.md, leaving the other suites' sections as they
// are. A row records whether its test passed.
package report

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// Table is one suite's section: a heading, a line about the run, and one
// row per test.
type Table struct {
	name    string
	heading string
	about   string
	columns []string

	mu   sync.Mutex
	rows [][]string
}

// New describes a section. name keys it in the file (it never shows);
// about says what wrote it and how to run that again.
func New(name, heading, about string, columns ...string) *Table {
	return &Table{name: name, heading: heading, about: about, columns: columns}
}

// Record adds a row when t ends, with "pass" or "FAIL" as its last cell.
func (tb *Table) Record(t testing.TB, cells ...string) {
	t.Helper()
	if len(cells) != len(tb.columns) {
		t.Fatalf("report %s: %d cells for %d columns", tb.name, len(cells), len(tb.columns))
	}
	t.Cleanup(func() {
		res := "pass"
		if t.Failed() {
			res = "**FAIL**"
		}
		tb.mu.Lock()
		defer tb.mu.Unlock()
		tb.rows = append(tb.rows, append(append([]string{}, cells...), res))
	})
}

// Run runs a suite's tests, then writes its section into path (relative
// to the package's folder, where tests run): the body of its TestMain,
// whose exit code it returns.
func (tb *Table) Run(m *testing.M, path string) int {
	code := m.Run()
	if err := tb.Write(path); err != nil {
		fmt.Fprintf(os.Stderr, "%s: write %s: %v\n", tb.name, path, err)
		code = 1
	}
	return code
}

// Write puts the section into the file at path, replacing the section of
// the same name, or adding it at the end. Nothing is written for a run
// that recorded no row (a run of one other test, say).
func (tb *Table) Write(path string) error {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.rows) == 0 {
		return nil
	}
	host, _ := os.Hostname()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## %s\n\n%s Last run on %s, %s.\n\n", tb.begin(), tb.heading, tb.about,
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), host)
	b.WriteString("| " + strings.Join(tb.columns, " | ") + " | result |\n")
	b.WriteString(strings.Repeat("|---", len(tb.columns)+1) + "|\n")
	for _, r := range tb.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = cell(c)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString(tb.end() + "\n")

	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	doc := string(old)
	if doc == "" {
		doc = "# Reliability\n"
	}
	if i, j := strings.Index(doc, tb.begin()), strings.Index(doc, tb.end()); i >= 0 && j > i {
		doc = doc[:i] + b.String() + strings.TrimPrefix(doc[j+len(tb.end()):], "\n")
	} else {
		doc = strings.TrimRight(doc, "\n") + "\n\n" + b.String()
	}
	return os.WriteFile(path, []byte(doc), 0o644)
}

func (tb *Table) begin() string { return "<!-- " + tb.name + ": begin (written by the suite) -->" }
func (tb *Table) end() string   { return "<!-- " + tb.name + ": end -->" }

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ")
}
