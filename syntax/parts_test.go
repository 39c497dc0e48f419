package syntax

import (
	"reflect"
	"slices"
	"testing"
)

// TestPartsBuiltApart: a question about the tree builds the tree's part
// of the index alone, one about the enhanced edges theirs alone, and
// Subtree, which reads the slots of both, builds both.
func TestPartsBuiltApart(t *testing.T) {
	nsubj := RelSet("nsubj")
	tests := []struct {
		name        string
		ask         func(s *Sentence)
		tree, edges bool
	}{
		{"Children", func(s *Sentence) { s.Children(1) }, true, false},
		{"ChildrenIn", func(s *Sentence) { s.ChildrenIn(1, nsubj) }, true, false},
		{"Has", func(s *Sentence) { s.Has(1, "nsubj") }, true, false},
		{"HasIn", func(s *Sentence) { s.HasIn(1, nsubj) }, true, false},
		{"Head", func(s *Sentence) { s.Head(0) }, true, false},
		{"Out", func(s *Sentence) { s.Out(1) }, false, true},
		{"OutIn", func(s *Sentence) { s.OutIn(1, nsubj) }, false, true},
		{"Subtree", func(s *Sentence) { s.Subtree(1) }, true, true},
		{"Lower", func(s *Sentence) { s.Lower(0) }, false, false},
	}
	for _, tt := range tests {
		// "Bern agreed", a subject shared with an enhanced edge's head
		// past the tokens.
		s := &Sentence{Text: "Bern agreed", Tokens: []Token{{Text: "Bern", End: 4}, {Text: "agreed", Start: 5, End: 11}},
			Tree:  []Edge{{Head: 1, Dep: 0, Rel: "nsubj"}, {Head: -1, Dep: 1, Rel: "root"}},
			Edges: []Edge{{Head: 1, Dep: 0, Rel: "nsubj"}, {Head: -1, Dep: 1, Rel: "root"}, {Head: 3, Dep: 0, Rel: "nsubj"}}}
		tt.ask(s)
		if tree, edges := s.idx.room.ints != nil, s.idx.room.outInts != nil; tree != tt.tree || edges != tt.edges {
			t.Errorf("%s: tree's part built %v, enhanced edges' %v; want %v, %v", tt.name, tree, edges, tt.tree, tt.edges)
		}
	}
}

// TestPartsFollowTheirLists: questions asked between edges appended to
// the tree alone, the enhanced edges alone, both, or tokens alone are
// answered as a scan of the lists as they are would answer them, each
// part built again only when its own list grew.
func TestPartsFollowTheirLists(t *testing.T) {
	// "Oslo and Bern signed the accord on Monday", parsed in steps.
	tree := []Edge{{Head: 3, Dep: 0, Rel: "nsubj"}, {Head: 2, Dep: 1, Rel: "cc"}, {Head: 0, Dep: 2, Rel: "conj"},
		{Head: -1, Dep: 3, Rel: "root"}, {Head: 5, Dep: 4, Rel: "det"}, {Head: 3, Dep: 5, Rel: "obj"}}
	steps := []struct {
		tokens      int
		tree, edges []Edge
	}{
		{6, tree, tree},
		{6, nil, []Edge{{Head: 3, Dep: 2, Rel: "nsubj"}}},
		{8, []Edge{{Head: 3, Dep: 7, Rel: "obl"}}, nil},
		{8, nil, []Edge{{Head: 3, Dep: 7, Rel: "obl:on"}, {Head: 9, Dep: 7, Rel: "dep"}}},
		{10, nil, nil},
		{10, []Edge{{Head: 7, Dep: 6, Rel: "case"}, {Head: 3, Dep: 0, Rel: "nsubj:pass"}}, []Edge{{Head: 7, Dep: 6, Rel: "case"}}},
	}
	sets := [][]string{nil, {"nsubj"}, {"obl"}, {"obl:on", "case"}, {"conj", "det", "nsubj:pass"}}
	s := &Sentence{Text: "Oslo and Bern signed the accord on Monday"}
	for k, step := range steps {
		s.Tokens = append(s.Tokens, make([]Token, step.tokens-len(s.Tokens))...)
		s.Tree, s.Edges = append(s.Tree, step.tree...), append(s.Edges, step.edges...)
		for i := -2; i <= step.tokens+1; i++ {
			for _, rels := range sets {
				r := RelSet(rels...)
				want := scanChildren(s.Tree, i, rels)
				if got := s.ChildrenIn(i, r); !slices.Equal(got, want) {
					t.Errorf("step %d: ChildrenIn(%d, %q) = %v, want %v", k, i, rels, got, want)
				}
				if got := s.Children(i, rels...); !slices.Equal(got, want) {
					t.Errorf("step %d: Children(%d, %q) = %v, want %v", k, i, rels, got, want)
				}
				if got := s.HasIn(i, r); got != (len(want) > 0) {
					t.Errorf("step %d: HasIn(%d, %q) = %v", k, i, rels, got)
				}
				wantOut := scanOut(s.Edges, i, rels)
				if got := s.OutIn(i, r); !reflect.DeepEqual(got, wantOut) {
					t.Errorf("step %d: OutIn(%d, %q) = %v, want %v", k, i, rels, got, wantOut)
				}
				if got := s.Out(i, rels...); !reflect.DeepEqual(got, wantOut) {
					t.Errorf("step %d: Out(%d, %q) = %v, want %v", k, i, rels, got, wantOut)
				}
			}
			wantHead, wantRel := -1, ""
			if k := slices.IndexFunc(s.Tree, func(e Edge) bool { return e.Dep == i }); k >= 0 {
				wantHead, wantRel = s.Tree[k].Head, s.Tree[k].Rel
			}
			if h, rel := s.Head(i); h != wantHead || rel != wantRel {
				t.Errorf("step %d: Head(%d) = %d %q, want %d %q", k, i, h, rel, wantHead, wantRel)
			}
		}
	}
}

// scanChildren is Children read from every edge of tree: the dependents
// of token i with one of rels, in text order.
func scanChildren(tree []Edge, i int, rels []string) []int {
	var deps []int
	for _, e := range tree {
		if e.Head == i && relIn(e.Rel, rels) {
			deps = append(deps, e.Dep)
		}
	}
	slices.Sort(deps)
	return deps
}

// scanOut is Out read from every edge: those of token i with one of
// rels, in the edges' order.
func scanOut(edges []Edge, i int, rels []string) []Edge {
	var out []Edge
	for _, e := range edges {
		if e.Head == i && relIn(e.Rel, rels) {
			out = append(out, e)
		}
	}
	return out
}

// TestSubtreeVisitsEverySlot: a tree that gives a token many heads walks
// past as many nodes as the slots of both parts allow, as it did when one
// build made both: an enhanced edge past the tokens makes more slots, and
// with them a token found later in the walk.
func TestSubtreeVisitsEverySlot(t *testing.T) {
	// Token 0 heads 1, which heads 5, and heads token 2 eight times: the
	// walk takes the eight before 1, so that 5 is found at its tenth
	// node, past the eight slots of tokens -1 to 5.
	tree := []Edge{{Head: -1, Dep: 0, Rel: "root"}, {Head: 0, Dep: 1, Rel: "dep"}, {Head: 1, Dep: 5, Rel: "dep"}}
	for range 8 {
		tree = append(tree, Edge{Head: 0, Dep: 2, Rel: "dep"})
	}
	tests := []struct {
		name  string
		edges []Edge
		last  int
	}{
		{"the tokens' slots", nil, 2},
		{"an enhanced edge's slots past the tokens", []Edge{{Head: 9, Dep: 0, Rel: "dep"}}, 5},
	}
	for _, tt := range tests {
		s := &Sentence{Tokens: make([]Token, 6), Tree: tree, Edges: tt.edges}
		if first, last := s.Subtree(0); first != 0 || last != tt.last {
			t.Errorf("%s: Subtree(0) = %d..%d, want 0..%d", tt.name, first, last, tt.last)
		}
	}
}
