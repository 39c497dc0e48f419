package cypher

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The Neo4j Browser style sheet draws kinds and stances in the explorer's
// colours, as web/src/graph.js sets them.
func TestGrassUsesTheExplorersColours(t *testing.T) {
	js, err := os.ReadFile(filepath.Join("..", "web", "src", "graph.js"))
	if err != nil {
		t.Fatal(err)
	}
	grass, err := os.ReadFile("stancegraph.grass")
	if err != nil {
		t.Fatal(err)
	}
	for name, selector := range map[string]string{"person": "node.Person", "state": "node.State", "group": "node.Group",
		"support": "relationship.SUPPORTS", "oppose": "relationship.OPPOSES", "cautious": "relationship.CAUTIOUS_ON"} {
		m := regexp.MustCompile(`(?m)^\s*` + name + `: \{ color: '(#[0-9A-Fa-f]{6})'`).FindSubmatch(js)
		if m == nil {
			t.Fatalf("web/src/graph.js gives %s no colour", name)
		}
		block := regexp.MustCompile(`(?s)` + regexp.QuoteMeta(selector) + ` \{(.*?)\}`).FindSubmatch(grass)
		if block == nil || !strings.Contains(strings.ToLower(string(block[1])), "color: "+strings.ToLower(string(m[1]))+";") {
			t.Errorf("stancegraph.grass: %s should have color %s, as the explorer draws %s", selector, m[1], name)
		}
	}
}
