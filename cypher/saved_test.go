package cypher

import (
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
					q.Params[1].Default == float64(3) && q.Cypher == "MATCH (n) RETURN n"
			}},
		{"plain text default", "// name: y\n// param: who = Marco Rubio\nRETURN $who", "",
			func(q Query) bool { return q.Params[0].Default == "Marco Rubio" }},
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
