package graph

import (
	"fmt"
	"strings"

	"github.com/stancegraph/stancegraph/model"
)

// The Cypher that names the summary edges is spelled out from the one
// stance -> relationship mapping in model, never by hand: relationship
// types cannot be query parameters.

// stanceRels is the pattern of every summary edge type:
// "SUPPORTS|OPPOSES|CAUTIOUS_ON".
func stanceRels() string {
	var rels []string
	for _, s := range model.Stances() {
		rels = append(rels, s.Relationship())
	}
	return strings.Join(rels, "|")
}

// stanceOfRel is a CASE expression turning the type of relationship
// variable v back into its stance.
func stanceOfRel(v string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CASE type(%s)", v)
	for _, s := range model.Stances() {
		fmt.Fprintf(&b, " WHEN '%s' THEN '%s'", s.Relationship(), s)
	}
	b.WriteString(" END")
	return b.String()
}

// perStance writes body once per stance, each guarded by a FOREACH on the
// stance expression; REL in body stands for the stance's relationship
// type.
func perStance(stanceExpr, body string) string {
	var parts []string
	for _, s := range model.Stances() {
		parts = append(parts, fmt.Sprintf("FOREACH (_ IN CASE WHEN %s = '%s' THEN [1] ELSE [] END |\n  %s)",
			stanceExpr, s, strings.ReplaceAll(body, "REL", s.Relationship())))
	}
	return strings.Join(parts, "\n")
}

// counted is the condition that claim c counts: an analyst has not
// rejected it.
const counted = "coalesce(c.review, '') <> '" + string(model.Rejected) + "'"
