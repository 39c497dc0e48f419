package extract

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions are the article formats stancegraph reads.
var extensions = map[string]bool{".txt": true, ".md": true, ".html": true, ".htm": true}

// IsArticle reports whether a file name has an article extension.
func IsArticle(name string) bool { return extensions[strings.ToLower(filepath.Ext(name))] }

// Files expands paths into article files: files as given, folders walked
// for .txt, .md and .html files in name order. Symbolic links to folders are
// not followed, so a link loop cannot trap the walk. "-" stands for stdin.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPath(err))
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		// A folder given through a link is walked; links found inside are
		// followed only to files, so a link loop cannot trap the walk.
		root, err := filepath.EvalSymlinks(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPath(err))
		}
		var found []string
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", path, unwrapPath(err))
			}
			if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !IsArticle(path) {
				return nil
			}
			if d.Type().IsRegular() {
				found = append(found, path)
			} else if d.Type()&fs.ModeSymlink != 0 {
				if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
					found = append(found, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return pe.Err
	}
	return err
}
