package cypher

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name, text string
		wantErr    string
		check      func(Query) bool
	}{
		{"full header", "// name: x-1\n// description: d\n// param: kind = \"state\"\n// param: n = 3\nMATCH (n) RETURN n;\n", "",
			func(q Query) bool {
				return q.Name == "x-1" && q.Description == "d" && len(q.Params) == 2 && q.Params[0].Default == "state" &&
					q.Params[1].Default == int64(3) && q.Cypher == "MATCH (n) RETURN n"
			}},
		{"plain text default", "// name: y\n// param: who = Marco Rubio\nRETURN $who", "",
			func(q Query) bool { return q.Params[0].Default == "Marco Rubio" }},
		{":param lines, as Neo4j Browser and cypher-shell run them", "// name: p\n:param kind => 'state';\n:param min => 2;\n:param topic => '';\nMATCH (n) RETURN n;\n", "",
			func(q Query) bool {
				return len(q.Params) == 3 && q.Params[0].Default == "state" && q.Params[1].Default == int64(2) &&
					q.Params[2].Default == "" && q.Cypher == "MATCH (n) RETURN n"
			}},
		{":param without an arrow", "// name: p\n:param kind 'state'\nRETURN 1", ":param NAME => VALUE", nil},
		{":param with an unclosed quote", "// name: p\n:param kind => 'state\nRETURN 1", "not closed", nil},
		{"no name", "// description: d\nRETURN 1", "name", nil},
		{"traversal in name", "// name: ../etc/passwd\nRETURN 1", "name", nil},
		{"no body", "// name: z\n", "no query", nil},
		{"bad param", "// name: z\n// param: a b = 1\nRETURN 1", "parameter name", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuery("f.cypher", tt.text)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("want error about %q, got %v", tt.wantErr, err)
				}
				return
			}
			if err != nil || !tt.check(q) {
				t.Fatalf("got %+v, %v", q, err)
			}
		})
	}
}

func TestShippedQueriesParse(t *testing.T) {
	qs, err := Saved()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 5 {
		t.Fatalf("only %d saved queries ship", len(qs))
	}
	for _, q := range qs {
		if q.Description == "" || q.Source != "file" {
			t.Errorf("%s: %+v", q.Name, q)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	f.Add("// name: q\n// param: k = \"state\"\nMATCH (n) RETURN n")
	f.Add("// name: ../../etc\n// param: a b = {\nRETURN 1")
	f.Add("// name:\n//\n//:\n// param: =\n")
	f.Fuzz(func(t *testing.T, text string) {
		q, err := ParseQuery("f.cypher", text)
		if err != nil {
			return
		}
		if !ValidName(q.Name) || q.Cypher == "" {
			t.Fatalf("accepted a query with name %q and cypher %q", q.Name, q.Cypher)
		}
		for _, p := range q.Params {
			if !ValidParamName(p.Name) {
				t.Fatalf("accepted parameter %q", p.Name)
			}
		}
	})
}

func TestLiteral(t *testing.T) {
	tests := []struct {
		in   string
		want any
		err  bool
	}{
		{`'state'`, "state", false},
		{`"state"`, "state", false},
		{`'it\'s'`, "it's", false},
		{`''`, "", false},
		{`3`, int64(3), false},
		{`-2.5`, -2.5, false},
		{`true`, true, false},
		{`null`, nil, false},
		{`['a', "b", 1]`, []any{"a", "b", int64(1)}, false},
		{`state`, nil, true},
		{`'a' 'b'`, nil, true},
		{`'open`, nil, true},
	}
	for _, tt := range tests {
		got, err := Literal(tt.in)
		if (err != nil) != tt.err || (!tt.err && !reflect.DeepEqual(got, tt.want)) {
			t.Errorf("Literal(%s) = %#v, %v; want %#v (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// Load reads a folder's queries beside the shipped ones: a new file shows
// without a rebuild, one named like a shipped query replaces it, and a
// broken one is refused naming the file and line.
func TestLoadReadsTheFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mine.cypher", "// name: mine\n// description: my own\n:param n => 2;\nMATCH (a:Actor) RETURN a.name LIMIT $n;\n")
	write("opponents.cypher", "// name: opponents\n// description: replaced\nMATCH (a:Actor) RETURN a.name;\n")
	write("notes.txt", "not a query")
	qs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	shipped, _ := Saved()
	if len(qs) != len(shipped)+1 {
		t.Fatalf("%d queries, want the %d shipped and mine", len(qs), len(shipped))
	}
	mine, err := Find(qs, "mine")
	if err != nil || mine.Params[0].Default != int64(2) {
		t.Errorf("mine: %+v %v", mine, err)
	}
	if q, _ := Find(qs, "opponents"); q.Description != "replaced" {
		t.Errorf("the folder's opponents should replace the shipped one: %+v", q)
	}
	write("broken.cypher", "// name: broken\n:param a b => 1\nRETURN 1\n")
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "broken.cypher")+":2") {
		t.Errorf("a broken file: %v, want its path and line", err)
	}
}
