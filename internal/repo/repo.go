// Package repo locates the repository for tests: its top folder and the
// shared folder beside it.
package repo

import (
	"os"
	"path/filepath"
	"testing"
)

// Root is the repository's top folder (where go.mod is).
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("repo: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared is ../shared beside the repository.
func Shared(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(Root(tb), "..", "shared")
}
