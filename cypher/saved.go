package cypher

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/model"
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

// Bind returns the parameters to run q with: its defaults, with given's
// values over them. A name q has no parameter for is refused.
func (q Query) Bind(given map[string]any) (map[string]any, error) {
	params := q.Defaults()
	for k, v := range given {
		if _, ok := params[k]; !ok {
			return nil, model.Errorf(model.Invalid, "query %s has no parameter %q", q.Name, k)
		}
		params[k] = v
	}
	return params, nil
}

// Find returns the query called name among qs.
func Find(qs []Query, name string) (Query, error) {
	if !ValidName(name) {
		return Query{}, model.Errorf(model.Invalid, "query name %q: use lower-case letters, digits and dashes", name)
	}
	for _, q := range qs {
		if q.Name == name {
			return q, nil
		}
	}
	return Query{}, model.Errorf(model.NotFound, "no saved query %q", name)
}

// Value reads a parameter value as written on the command line or in an
// older query file's header: JSON (a number, "text", a list), or else
// plain text; nothing is null.
func Value(s string) any {
	if s == "" {
		return nil
	}
	v, err := decodeJSON(s)
	if err != nil {
		return s
	}
	return v
}

// Literal reads a Cypher literal as a :param line gives it: a string in
// single or double quotes, a number, true, false, null, or a list or map
// of them.
func Literal(s string) (any, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\'' {
			b.WriteByte(c)
			continue
		}
		// A single-quoted string becomes a JSON one.
		var str strings.Builder
		closed := false
		for i++; i < len(s); i++ {
			switch {
			case s[i] == '\\' && i+1 < len(s):
				i++
				str.WriteByte(unescape(s[i]))
			case s[i] == '\'':
				closed = true
			default:
				str.WriteByte(s[i])
			}
			if closed {
				break
			}
		}
		if !closed {
			return nil, fmt.Errorf("%q: a quote is not closed", s)
		}
		j, _ := json.Marshal(str.String())
		b.Write(j)
	}
	v, err := decodeJSON(b.String())
	if err != nil {
		return nil, fmt.Errorf("%q is not a Cypher literal (a 'string', a number, true, false, null or a list)", s)
	}
	return v, nil
}

// unescape is the character a backslash escape in a Cypher string stands
// for.
func unescape(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	}
	return c
}

// decodeJSON reads one JSON value; whole numbers come back as int64, as
// Neo4j wants them where it counts (LIMIT, comparisons with integers).
func decodeJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("more than one value")
	}
	return numbers(v), nil
}

// numbers turns json.Numbers into int64 or float64, in lists and maps too.
func numbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = numbers(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = numbers(x[k])
		}
	}
	return v
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
	return parseAll(files, "")
}

// Load returns the shipped queries and, when dir is not "", the .cypher
// files in dir (read now, so a file added there needs no rebuild); a file
// there replaces the shipped query of the same name. Errors name the file
// and line.
func Load(dir string) ([]Query, error) {
	qs, err := Saved()
	if err != nil || dir == "" {
		return qs, err
	}
	own, err := parseAll(os.DirFS(dir), dir)
	if err != nil {
		return nil, err
	}
	byName := map[string]Query{}
	for _, q := range append(qs, own...) {
		byName[q.Name] = q
	}
	out := make([]Query, 0, len(byName))
	for _, q := range byName {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// parseAll reads every .cypher file of fsys but schema.cypher; dir, if
// not "", prefixes the file names in errors.
func parseAll(fsys fs.FS, dir string) ([]Query, error) {
	paths, err := fs.Glob(fsys, "*.cypher")
	if err != nil {
		return nil, err
	}
	var out []Query
	for _, p := range paths {
		if p == "schema.cypher" {
			continue
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		q, err := ParseQuery(filepath.Join(dir, p), string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// ParseQuery reads a .cypher file: a header of "// key: value" comment
// lines (name, description), one ":param name => value" line per
// parameter with its default as a Cypher literal (what Neo4j Browser and
// cypher-shell run, so the file runs there unchanged), then the query.
// Older "// param: name = default" comment lines (a JSON value, or plain
// text) are read too.
func ParseQuery(file, text string) (Query, error) {
	q := Query{Source: "file", Params: []Param{}}
	lines := strings.Split(text, "\n")
	body := 0
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(t, ":param"); ok {
			name, lit, ok := strings.Cut(rest, "=>")
			name = strings.TrimSpace(name)
			if !ok || !ValidParamName(name) {
				return q, fmt.Errorf("%s:%d: write the parameter as :param NAME => VALUE", file, i+1)
			}
			v, err := Literal(strings.TrimSuffix(strings.TrimSpace(lit), ";"))
			if err != nil {
				return q, fmt.Errorf("%s:%d: parameter %s: %w", file, i+1, name, err)
			}
			q.Params = append(q.Params, Param{Name: name, Default: v})
			body = i + 1
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
			q.Params = append(q.Params, Param{Name: name, Default: Value(def)})
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
