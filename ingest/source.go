package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/fetch"
	"github.com/stancegraph/stancegraph/model"
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
	// corpus is the collection its folder declares in a corpus.yaml.
	corpus corpus
	// url is the web address of a page to fetch ("" for a file); then
	// path, source and origin are that address too, and title and
	// published are what the feed that listed it says.
	url, title, published string
}

// web is an article to fetch from addr.
func web(addr, title, published string) article {
	return article{path: addr, source: addr, origin: addr, url: addr, title: title, published: published}
}

// name is the document's short name: a file's base name, or the last
// part of a page's path (its host for a site's front page).
func (a article) name() string {
	if a.url == "" {
		return filepath.Base(a.path)
	}
	u, err := url.Parse(a.url)
	if err != nil {
		return a.url
	}
	if base := path.Base(strings.TrimSuffix(u.EscapedPath(), "/")); base != "." && base != "/" && base != "" {
		return base
	}
	return u.Host
}

// corpus is what a corpus.yaml beside articles (or in a folder above
// them, up to the one ingested) says of them: the project's examples
// declare that they were written for it.
type corpus struct {
	Name string `yaml:"name"`
	Note string `yaml:"note"`
}

// corpusFile names the file that marks a folder's articles as a corpus.
const corpusFile = "corpus.yaml"

// corpusOf reads the nearest corpus.yaml from dir up to root; seen keeps
// each folder's answer for the run.
func corpusOf(dir, root string, seen map[string]corpus) (corpus, error) {
	if c, ok := seen[dir]; ok {
		return c, nil
	}
	var c corpus
	b, err := os.ReadFile(filepath.Join(dir, corpusFile))
	switch {
	case err == nil:
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&c); err != nil && err != io.EOF {
			return c, model.Wrap(model.Invalid, err, "%s", filepath.Join(dir, corpusFile))
		}
		if strings.TrimSpace(c.Name) == "" {
			return c, model.Errorf(model.Invalid, "%s: name is required", filepath.Join(dir, corpusFile))
		}
	case !errors.Is(err, fs.ErrNotExist):
		return c, model.Wrap(model.Invalid, err, "%s", filepath.Join(dir, corpusFile))
	case dir != root && filepath.Dir(dir) != dir && strings.HasPrefix(dir, root):
		if c, err = corpusOf(filepath.Dir(dir), root, seen); err != nil {
			return c, err
		}
	}
	seen[dir] = c
	return c, nil
}

// articles lists the article files under paths, each once, and the web
// pages named among them.
func articles(paths []string) ([]article, error) {
	var out []article
	seen := map[string]bool{}
	corpora := map[string]corpus{}
	for _, p := range paths {
		if fetch.IsURL(p) {
			u, err := fetch.Parse(p)
			if err != nil {
				return nil, err
			}
			if a := web(u.String(), "", ""); !seen[a.origin] {
				seen[a.origin] = true
				out = append(out, a)
			}
			continue
		}
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
			top := root
			if top == "" {
				top = filepath.Dir(f) // a file given by itself: its own folder only
			}
			if a.corpus, err = corpusOf(filepath.Dir(f), top, corpora); err != nil {
				return nil, err
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

// DocumentIDs are the ids of the documents the articles under paths (and
// the pages at URLs among them) are, or would be, in the graph: what
// `documents rm` removes.
func DocumentIDs(paths []string) ([]string, error) {
	files, err := articles(paths)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(files))
	for _, f := range files {
		ids = append(ids, documentID(f.origin))
	}
	return ids, nil
}
