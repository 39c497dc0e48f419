package graph

import (
	"strings"
	"testing"
)

func TestUnorderedDropsOnlyTheFinalOrder(t *testing.T) {
	tests := []struct{ name, query, want string }{
		{"a final ORDER BY", "MATCH (a) RETURN a.name AS n\nORDER BY n DESC", "MATCH (a) RETURN a.name AS n"},
		{"none", "MATCH (a) RETURN a", "MATCH (a) RETURN a"},
		{"only inside a subquery", "MATCH (a)\nCALL (a) {\n  MATCH (a)--(b)\n  WITH b\nORDER BY b.x\n  RETURN b LIMIT 1\n}\nRETURN a, b",
			"MATCH (a)\nCALL (a) {\n  MATCH (a)--(b)\n  WITH b\nORDER BY b.x\n  RETURN b LIMIT 1\n}\nRETURN a, b"},
		{"the disagreements question", QuestionDisagree(), QuestionDisagree()[:len(QuestionDisagree())-len("\nORDER BY topic, size(stances) DESC, claims DESC, actor")]},
	}
	for _, tt := range tests {
		if got := unordered(tt.query); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestCountingReadsNoColumnsWhereItNeedNot(t *testing.T) {
	tests := []struct{ name, query, want string }{
		{"a projection", "MATCH (a)-[s]->(t)\nWHERE a.kind = $kind\nRETURN a.name AS actor, s.claims AS claims\nORDER BY claims DESC",
			"MATCH (a)-[s]->(t)\nWHERE a.kind = $kind\nRETURN count(*) AS total"},
		{"aggregation before, a subquery in the projection", "MATCH (a)\nWITH a, collect(a.x) AS xs\nRETURN a.id, COLLECT {\n  MATCH (a)--(b)\n  RETURN b.id\n} AS bs",
			"MATCH (a)\nWITH a, collect(a.x) AS xs\nRETURN count(*) AS total"},
		{"an aggregating RETURN", "MATCH (a)-[s]->(t)\nRETURN t.id, count(a) AS n\nORDER BY n",
			"CALL {\nMATCH (a)-[s]->(t)\nRETURN t.id, count(a) AS n\n}\nRETURN count(*) AS total"},
		{"DISTINCT", "MATCH (a)-->(b)\nRETURN DISTINCT b.id AS id",
			"CALL {\nMATCH (a)-->(b)\nRETURN DISTINCT b.id AS id\n}\nRETURN count(*) AS total"},
		{"a RETURN only inside a subquery", "MATCH (a)\nCALL (a) {\nRETURN a.x AS x\n}",
			"CALL {\nMATCH (a)\nCALL (a) {\nRETURN a.x AS x\n}\n}\nRETURN count(*) AS total"},
		{"an aggregate with a space before its bracket", "MATCH (a)\nRETURN collect (a.x) AS xs",
			"CALL {\nMATCH (a)\nRETURN collect (a.x) AS xs\n}\nRETURN count(*) AS total"},
		{"a plugin's aggregate", "MATCH (a)\nRETURN apoc.agg.first(a) AS a",
			"CALL {\nMATCH (a)\nRETURN apoc.agg.first(a) AS a\n}\nRETURN count(*) AS total"},
		{"a UNION", "MATCH (a)\nRETURN a.x AS x\nUNION\nMATCH (b)\nRETURN b.x AS x",
			"CALL {\nMATCH (a)\nRETURN a.x AS x\nUNION\nMATCH (b)\nRETURN b.x AS x\n}\nRETURN count(*) AS total"},
	}
	for _, tt := range tests {
		if got := counting(tt.query); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// TestEveryQuestionIsCountedWithoutItsColumns: no question template falls
// back to counting in a subquery, which reads every column.
func TestEveryQuestionIsCountedWithoutItsColumns(t *testing.T) {
	for _, q := range QuestionTemplates() {
		if got := counting(q); strings.HasPrefix(got, "CALL {") || !strings.HasSuffix(got, "\nRETURN count(*) AS total") {
			t.Errorf("counted in a subquery:\n%s", got)
		}
	}
}
