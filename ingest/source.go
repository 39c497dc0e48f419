package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"

	"github.com/stancegraph/stancegraph/extract"
)

// article is one file to ingest and where it came from.
type article struct {
	path string
	// source is the path under the folder that was ingested, starting with
	// that folder's name ("articles/eu.txt"); a file given by itself is
	// its name. It is what the graph shows: no machine's absolute path.
	source string
	// origin is the absolute path with links resolved: the document's
	// identity, so that a/article.txt and b/article.txt are two documents
	// and the same file ingested again is the same one.
	origin string
}

// articles lists the article files under paths, each once.
func articles(paths []string) ([]article, error) {
	var out []article
	seen := map[string]bool{}
	for _, p := range paths {
		files, err := extract.Files([]string{p})
		if err != nil {
			return nil, err
		}
		// extract.Files walks a folder from its resolved path.
		root, folder := "", ""
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			if root, err = filepath.EvalSymlinks(p); err != nil {
				return nil, err
			}
			abs, err := filepath.Abs(p)
			if err != nil {
				return nil, err
			}
			folder = filepath.Base(abs)
		}
		for _, f := range files {
			a := article{path: f, source: filepath.Base(f), origin: origin(f)}
			if rel, err := filepath.Rel(root, f); root != "" && err == nil {
				a.source = filepath.ToSlash(filepath.Join(folder, rel))
			}
			if !seen[a.origin] {
				seen[a.origin] = true
				out = append(out, a)
			}
		}
	}
	return out, nil
}

// origin is a file's absolute path with links resolved, or as near to it
// as the file allows (an unreadable file fails later, with its reason).
func origin(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// documentID names the document read from origin without showing the
// path.
func documentID(origin string) string {
	h := sha256.Sum256([]byte(origin))
	return "doc-" + hex.EncodeToString(h[:8])
}
