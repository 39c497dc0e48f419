package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// mustWriteFiles creates each relative path under dir with a little text.
func mustWriteFiles(tb testing.TB, dir string, paths ...string) {
	tb.Helper()
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("text\n"), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// relAll makes paths relative to dir, with forward slashes.
func relAll(tb testing.TB, dir string, paths []string) []string {
	tb.Helper()
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		r, err := filepath.Rel(dir, p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestFilesWalksFoldersInNameOrder(t *testing.T) {
	dir := t.TempDir()
	mustWriteFiles(t, dir,
		"c.txt", "a.md", "b.html", "d.htm", "E.HTML",
		"sub/z.txt", "sub/deeper/y.md",
		"notes.pdf", "image.png", "README", "data.json",
		".hidden/secret.txt", "sub/.git/config.txt",
	)
	got, err := Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"E.HTML", "a.md", "b.html", "c.txt", "d.htm", "sub/deeper/y.md", "sub/z.txt"}
	if g := relAll(t, dir, got); strings.Join(g, "|") != strings.Join(want, "|") {
		t.Errorf("Files\n got %q\nwant %q", g, want)
	}
}

func TestFilesKeepsArgumentsAndStdin(t *testing.T) {
	dir := t.TempDir()
	mustWriteFiles(t, dir, "one.txt", "folder/two.md", "three.pdf")
	// A file named on the command line is taken as given, whatever its
	// extension; folders expand in place; "-" is stdin.
	args := []string{filepath.Join(dir, "three.pdf"), "-", filepath.Join(dir, "folder"), filepath.Join(dir, "one.txt")}
	got, err := Files(args)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "three.pdf"), "-", filepath.Join(dir, "folder", "two.md"), filepath.Join(dir, "one.txt")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Files\n got %q\nwant %q", got, want)
	}
}

func TestFilesSymlinkLoopDoesNotHang(t *testing.T) {
	dir := t.TempDir()
	mustWriteFiles(t, dir, "a.txt", "sub/b.txt")
	if err := os.Symlink("..", filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "self")); err != nil {
		t.Fatal(err)
	}
	type result struct {
		files []string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		files, err := Files([]string{dir})
		done <- result{files, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("Files: %v", r.err)
		}
		want := []string{"a.txt", "sub/b.txt"}
		if g := relAll(t, dir, r.files); strings.Join(g, "|") != strings.Join(want, "|") {
			t.Errorf("Files\n got %q\nwant %q", g, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Files did not return: it follows the symlink loop")
	}
}

func TestFilesMissingPathIsNamed(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-folder")
	_, err := Files([]string{missing})
	if err == nil {
		t.Fatal("Files accepted a missing path")
	}
	if !strings.Contains(err.Error(), missing) {
		t.Errorf("error %q does not name %s", err, missing)
	}
	if strings.Count(err.Error(), missing) > 1 {
		t.Errorf("error %q names the path twice", err)
	}
}

func TestIsArticle(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.txt", true}, {"a.md", true}, {"a.html", true}, {"a.htm", true}, {"A.TXT", true},
		{"a.pdf", false}, {"a.txt.gz", false}, {"README", false}, {"a.markdown", false},
	}
	for _, tt := range tests {
		if got := IsArticle(tt.name); got != tt.want {
			t.Errorf("IsArticle(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFilesFollowsALinkedFolder(t *testing.T) {
	dir := t.TempDir()
	mustWriteFiles(t, dir, "real/a.txt")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Fatal(err)
	}
	got, err := Files([]string{link})
	if err != nil || len(got) != 1 || filepath.Base(got[0]) != "a.txt" {
		t.Fatalf("Files(link) = %v, %v", got, err)
	}
}
