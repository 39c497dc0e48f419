package cypher

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
)

// Param is a saved query's parameter with its default value.
type Param struct {
	Name    string `json:"name"`
	Default any    `json:"default"`
}

// Query is a saved Cypher query: from a .cypher file here, or saved from
// the browser into Neo4j.
type Query struct {
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Params      []Param `json:"params"`
	Cypher      string  `json:"cypher"`
	Source      string  `json:"source"` // "file" or "saved"
}

// Defaults are the query's parameters with their default values.
func (q Query) Defaults() map[string]any {
	out := make(map[string]any, len(q.Params))
	for _, p := range q.Params {
		out[p.Name] = p.Default
	}
	return out
}

// reName is what a saved query may be called: it is used in URLs and
// file names, so nothing that could traverse paths.
var reName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// ValidName reports whether name is a usable query name.
func ValidName(name string) bool { return reName.MatchString(name) }

var reParamName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,40}$`)

// ValidParamName reports whether a parameter name is a Cypher identifier.
func ValidParamName(name string) bool { return reParamName.MatchString(name) }

// Saved returns the queries shipped as .cypher files (all but
// schema.cypher), sorted by name.
func Saved() ([]Query, error) {
	paths, err := fs.Glob(files, "*.cypher")
	if err != nil {
		return nil, err
	}
	var out []Query
	for _, p := range paths {
		if p == "schema.cypher" {
			continue
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return nil, err
		}
		q, err := ParseQuery(p, string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// ParseQuery reads a .cypher file: a header of "// key: value" comment
// lines (name, description, and one "param: name = default" per
// parameter), then the query. Defaults are JSON values, or plain text.
func ParseQuery(file, text string) (Query, error) {
	q := Query{Source: "file", Params: []Param{}}
	lines := strings.Split(text, "\n")
	body := 0
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "//") {
			body = i
			break
		}
		key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(t, "//")), ":")
		if !ok {
			continue // a plain comment
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "name":
			q.Name = val
		case "description":
			q.Description = val
		case "param":
			name, def, _ := strings.Cut(val, "=")
			name, def = strings.TrimSpace(name), strings.TrimSpace(def)
			if !ValidParamName(name) {
				return q, fmt.Errorf("%s:%d: parameter name %q is not an identifier", file, i+1, name)
			}
			var v any = def
			if def == "" {
				v = nil
			} else if err := json.Unmarshal([]byte(def), &v); err != nil {
				v = def
			}
			q.Params = append(q.Params, Param{Name: name, Default: v})
		}
		body = i + 1
	}
	q.Cypher = strings.TrimSpace(strings.Join(lines[body:], "\n"))
	q.Cypher = strings.TrimSuffix(q.Cypher, ";")
	switch {
	case !ValidName(q.Name):
		return q, fmt.Errorf("%s: header needs \"// name: NAME\" with lower-case letters, digits and dashes (got %q)", file, q.Name)
	case q.Cypher == "":
		return q, fmt.Errorf("%s: no query after the header", file)
	}
	return q, nil
}
