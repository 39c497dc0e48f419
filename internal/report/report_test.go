package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSectionsReplaceOnlyThemselves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "RELIABILITY.md")
	faults := New("faults", "Faults", "By the fault suite.", "injected", "what happened")
	security := New("security", "Security", "By the security suite.", "attack", "answer")
	t.Run("row", func(t *testing.T) {
		faults.Record(t, "kill", "recovered")
		security.Record(t, "LOAD CSV | file", "403")
	})
	for _, tb := range []*Table{faults, security} {
		if err := tb.Write(path); err != nil {
			t.Fatal(err)
		}
	}
	first, _ := os.ReadFile(path)
	// A second run of one suite replaces its own section only.
	again := New("faults", "Faults", "By the fault suite.", "injected", "what happened")
	t.Run("row again", func(t *testing.T) { again.Record(t, "restart", "recovered") })
	if err := again.Write(path); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(path)
	doc := string(second)
	if !strings.HasPrefix(doc, "# Reliability\n") || strings.Count(doc, "## Faults") != 1 || strings.Count(doc, "## Security") != 1 {
		t.Fatalf("sections:\n%s", doc)
	}
	if strings.Contains(doc, "| kill |") || !strings.Contains(doc, "| restart | recovered | pass |") {
		t.Fatalf("faults section not replaced:\n%s", doc)
	}
	if !strings.Contains(doc, `| LOAD CSV \| file | 403 | pass |`) {
		t.Fatalf("security section lost or not escaped:\n%s", doc)
	}
	if len(first) == 0 || strings.Index(doc, "## Faults") > strings.Index(doc, "## Security") {
		t.Fatalf("order changed:\n%s", doc)
	}
}

func TestEmptyRunWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "RELIABILITY.md")
	if err := New("x", "X", "", "a").Write(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a file was written for a run with no rows: %v", err)
	}
}
