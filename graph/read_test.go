package graph

import (
	"fmt"
	"testing"
)

// TestFilterParamsKeepTheirTypes: whichever filters are set, the actor
// queries get parameters of the same types (only the topic may be null),
// so Neo4j plans each query once for every combination of filters.
func TestFilterParamsKeepTheirTypes(t *testing.T) {
	types := func(f ActorFilter) map[string]string {
		out := map[string]string{}
		for k, v := range f.params() {
			out[k] = fmt.Sprintf("%T", v)
		}
		return out
	}
	base := types(ActorFilter{Page: Page{Limit: 40}})
	tests := []ActorFilter{
		{Stance: "oppose", Page: Page{Limit: 40}},
		{Kind: "state", Page: Page{Limit: 40}},
		{Doc: "doc-1", Page: Page{Limit: 40}},
		{Name: "Ola", Page: Page{Limit: 40}},
		{Stance: "support", Kind: "person", Doc: "doc-2", Name: "Kari", Page: Page{Limit: 40, Offset: 80}},
	}
	for _, f := range tests {
		got := types(f)
		for k, want := range base {
			if got[k] != want {
				t.Errorf("%+v: $%s is %s, without filters %s", f, k, got[k], want)
			}
		}
	}
}
