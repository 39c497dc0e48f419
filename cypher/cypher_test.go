package cypher

import (
	"reflect"
	"testing"
)

func TestStatements(t *testing.T) {
	tests := []struct {
		name, script string
		want         []string
	}{
		{"comments and blanks dropped", "// c\n\nCREATE (a);\n// d\nMATCH (b)\nRETURN b;\n", []string{"CREATE (a)", "MATCH (b) RETURN b"}},
		{"last statement without semicolon", "RETURN 1;\nRETURN 2", []string{"RETURN 1", "RETURN 2"}},
		{"empty", "// only a comment\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Statements(tt.script); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSchemaHasConstraintsFirst(t *testing.T) {
	stmts, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) < 5 {
		t.Fatalf("schema has %d statements", len(stmts))
	}
	seenIndex := false
	for _, s := range stmts {
		isConstraint := len(s) > 17 && s[:17] == "CREATE CONSTRAINT"
		if isConstraint && seenIndex {
			t.Fatalf("constraint after an index: %s", s)
		}
		seenIndex = seenIndex || !isConstraint
	}
}
