// Package cypher embeds the Cypher files that ship with stancegraph: the
// schema and the saved queries.
package cypher

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed *.cypher
var files embed.FS

// FS returns the embedded .cypher files.
func FS() fs.FS { return files }

// Schema returns the statements of schema.cypher, one per element, without
// comments.
func Schema() ([]string, error) {
	b, err := files.ReadFile("schema.cypher")
	if err != nil {
		return nil, fmt.Errorf("cypher: read schema: %w", err)
	}
	return Statements(string(b)), nil
}

// Statements splits a script into statements at semicolons that end a
// line, dropping // comment lines and blank statements.
func Statements(script string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(script, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "//") {
			continue
		}
		cur.WriteString(t)
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(cur.String(), ";"))
			cur.Reset()
			continue
		}
		cur.WriteByte(' ')
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}
