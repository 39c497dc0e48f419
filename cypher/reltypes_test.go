package cypher

import (
	"regexp"
	"testing"

	"github.com/stancegraph/stancegraph/model"
)

// The shipped queries name summary edges by the types model maps stances
// to: a renamed type fails here, not in an analyst's query.
func TestSavedQueriesUseTheStanceRelationships(t *testing.T) {
	known := map[string]bool{"MADE": true, "ABOUT": true, "IN": true, "MENTIONS": true, "AFFILIATED_WITH": true}
	for _, s := range model.Stances() {
		known[s.Relationship()] = true
	}
	qs, err := Saved()
	if err != nil {
		t.Fatal(err)
	}
	rel := regexp.MustCompile(`\[\w*:([A-Z_|]+)[\]\s{*]`)
	types := regexp.MustCompile(`[A-Z_]+`)
	seen := 0
	for _, q := range qs {
		for _, m := range rel.FindAllStringSubmatch(q.Cypher, -1) {
			for _, ty := range types.FindAllString(m[1], -1) {
				seen++
				if !known[ty] {
					t.Errorf("%s names relationship type %s, which the graph does not have", q.Name, ty)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no relationship type found in the saved queries: the pattern is wrong")
	}
}
