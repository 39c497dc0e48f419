package graph

import "testing"

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
