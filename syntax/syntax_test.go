package syntax_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/syntax"
)

// "Chile and Peru rejected the deal": a hand-built parse.
func sentence() *syntax.Sentence {
	words := []string{"Chile", "and", "Peru", "rejected", "the", "deal"}
	s := &syntax.Sentence{Text: "Chile and Peru rejected the deal"}
	off := 0
	for _, w := range words {
		s.Tokens = append(s.Tokens, syntax.Token{Text: w, Start: off, End: off + len(w)})
		off += len(w) + 1
	}
	s.Tree = []syntax.Edge{{Head: 3, Dep: 0, Rel: "nsubj"}, {Head: 2, Dep: 1, Rel: "cc"}, {Head: 0, Dep: 2, Rel: "conj"},
		{Head: -1, Dep: 3, Rel: "root"}, {Head: 5, Dep: 4, Rel: "det"}, {Head: 3, Dep: 5, Rel: "obj"}}
	s.Edges = append(append([]syntax.Edge{}, s.Tree...), syntax.Edge{Head: 3, Dep: 2, Rel: "nsubj"},
		syntax.Edge{Head: 0, Dep: 2, Rel: "conj:and"})
	return s
}

func TestRelations(t *testing.T) {
	tests := []struct{ rel, base, marker string }{
		{"obl:over", "obl", "over"}, {"nsubj", "nsubj", ""}, {"nmod:poss", "nmod", "poss"},
	}
	for _, tt := range tests {
		if b, m := syntax.Base(tt.rel), syntax.Marker(tt.rel); b != tt.base || m != tt.marker {
			t.Errorf("%s: base %q marker %q, want %q %q", tt.rel, b, m, tt.base, tt.marker)
		}
	}
}

// TestRelsHolds: a set holds its relations in full and by base, as
// Children compares them; an empty set holds every relation.
func TestRelsHolds(t *testing.T) {
	tests := []struct {
		set  []string
		rel  string
		want bool
	}{
		{[]string{"nsubj", "csubj"}, "nsubj", true},
		{[]string{"nsubj", "csubj"}, "csubj", true},
		{[]string{"nsubj", "csubj"}, "nsubj:pass", true},
		{[]string{"nsubj:pass"}, "nsubj", false},
		{[]string{"nsubj:pass"}, "nsubj:pass", true},
		{[]string{"obl"}, "obl:over", true},
		{[]string{"obj"}, "obl", false},
		{[]string{"advcl"}, "advmod", false}, // one relBit, told apart by name
		{[]string{"obj"}, "", false},
		{nil, "xcomp", true},
	}
	for _, tt := range tests {
		if got := syntax.RelSet(tt.set...).Holds(tt.rel); got != tt.want {
			t.Errorf("RelSet(%q).Holds(%q) = %v, want %v", tt.set, tt.rel, got, tt.want)
		}
	}
}

func TestQueries(t *testing.T) {
	s := sentence()
	var subjects []int
	for _, e := range s.Out(3, "nsubj") {
		subjects = append(subjects, e.Dep)
	}
	if !reflect.DeepEqual(subjects, []int{0, 2}) {
		t.Errorf("enhanced subjects of rejected: %v, want both conjuncts [0 2]", subjects)
	}
	if got := s.Children(3); !reflect.DeepEqual(got, []int{0, 5}) {
		t.Errorf("tree children of rejected: %v, want [0 5]", got)
	}
	// A parser may list a head's edges in any order; children come in
	// text order.
	r := sentence()
	slices.Reverse(r.Tree)
	if got := r.Children(3); !reflect.DeepEqual(got, []int{0, 5}) {
		t.Errorf("tree children of rejected, edges reversed: %v, want [0 5]", got)
	}
	for tok, want := range []int{3, 2, 0, -1, 5, 3} {
		if h, _ := r.Head(tok); h != want {
			t.Errorf("head of token %d, edges reversed: %d, want %d", tok, h, want)
		}
	}
	if h, rel := s.Head(5); h != 3 || rel != "obj" {
		t.Errorf("head of deal: %d %s", h, rel)
	}
	if f, l := s.Subtree(0); f != 0 || l != 2 {
		t.Errorf("subtree of Chile: %d..%d, want 0..2", f, l)
	}
	if got := s.Span(4, 5); got != "the deal" {
		t.Errorf("span: %q", got)
	}
	if len(s.Out(0, "conj")) != 2 || len(s.Out(0, "conj:and")) != 1 || len(s.Out(0, "conj:or")) != 0 {
		t.Errorf("conj edges from Chile: %v", s.Out(0, "conj"))
	}
	if !s.Has(0, "conj") || !s.Has(3, "nsubj", "obj") || s.Has(3, "nsubj:pass") || s.Has(5, "obj") {
		t.Error("Has: wrong dependents")
	}
}

// TestIndexFollowsTheEdges: the edges by token, built on first use, answer
// as a scan of every edge would: the root under head -1, nothing for a
// token out of range, an edge a parser appends after a first question,
// and a clone's own edges.
func TestIndexFollowsTheEdges(t *testing.T) {
	s := sentence()
	if got := s.Children(-1); !reflect.DeepEqual(got, []int{3}) {
		t.Errorf("children of the root: %v, want [3]", got)
	}
	if h, rel := s.Head(42); h != -1 || rel != "" || s.Children(42) != nil || s.Out(-7) != nil {
		t.Errorf("token out of range: head %d %q", h, rel)
	}
	for _, tok := range []int{-1, -2, 6} { // the root, below it, and just past the tokens
		if h, rel := s.Head(tok); h != -1 || rel != "" {
			t.Errorf("Head(%d) = %d %q, want -1 \"\"", tok, h, rel)
		}
	}
	if got := s.Children(5); !reflect.DeepEqual(got, []int{4}) {
		t.Fatalf("children of deal: %v, want [4]", got)
	}
	if got := s.Lower(0); got != "chile" {
		t.Errorf("lower-cased Chile: %q", got)
	}
	s.Tree = append(s.Tree, syntax.Edge{Head: 5, Dep: 6, Rel: "nmod"})
	s.Edges = append(s.Edges, syntax.Edge{Head: 5, Dep: 6, Rel: "nmod:on"})
	s.Tokens = append(s.Tokens, syntax.Token{Text: "talks"})
	if got := s.Children(5); !reflect.DeepEqual(got, []int{4, 6}) {
		t.Errorf("children of deal after an edge was added: %v, want [4 6]", got)
	}
	if got := s.Out(5, "nmod:on"); len(got) != 1 || got[0].Dep != 6 {
		t.Errorf("enhanced edges from deal: %v", got)
	}
	// A token added with no edge is lower-cased all the same.
	s.Tokens = append(s.Tokens, syntax.Token{Text: "Today"})
	if got := s.Lower(7); got != "today" {
		t.Errorf("lower-cased token added after the index: %q", got)
	}
}

// TestReuse: a sentence emptied for another keeps its lists' room, so that
// filling and indexing it again allocates nothing; it then answers for the
// new sentence alone, and a rebuild after an edge is added leaves the
// lists given out before as they were.
func TestReuse(t *testing.T) {
	s := sentence()
	if got := s.Children(3); !reflect.DeepEqual(got, []int{0, 5}) {
		t.Fatalf("children of rejected: %v", got)
	}
	// "peru backed it": lower case, so that lower-casing needs no string.
	fill := func() {
		s.Reuse("peru backed it")
		for i, w := range []string{"peru", "backed", "it"} {
			s.Tokens = append(s.Tokens, syntax.Token{Text: w, Start: []int{0, 5, 12}[i], End: []int{4, 11, 14}[i]})
		}
		s.Tree = append(s.Tree, syntax.Edge{Head: 1, Dep: 0, Rel: "nsubj"}, syntax.Edge{Head: -1, Dep: 1, Rel: "root"}, syntax.Edge{Head: 1, Dep: 2, Rel: "obj"})
		s.Edges = append(s.Edges, s.Tree...)
		_ = s.Children(1)
	}
	if n := testing.AllocsPerRun(20, fill); n != 0 {
		t.Errorf("filling and indexing a reused sentence: %.0f allocations, want 0", n)
	}
	if got := s.Children(1); !reflect.DeepEqual(got, []int{0, 2}) || s.Lower(0) != "peru" || s.Has(3, "obj") || len(s.Tokens) != 3 {
		t.Errorf("reused sentence: children of backed %v, want [0 2]; token 0 %q; %d tokens", got, s.Lower(0), len(s.Tokens))
	}
	given, out := s.Children(1), s.Out(1)
	s.Tree = append(s.Tree, syntax.Edge{Head: 0, Dep: 2, Rel: "nmod"})
	s.Edges = append(s.Edges, syntax.Edge{Head: 0, Dep: 2, Rel: "nmod"})
	if got := s.Children(0); !reflect.DeepEqual(got, []int{2}) || !reflect.DeepEqual(given, []int{0, 2}) {
		t.Errorf("after an edge was added: children of peru %v, want [2]; list given before %v, want [0 2]", got, given)
	}
	if want := s.Tree[:3]; !reflect.DeepEqual(out, []syntax.Edge{want[0], want[2]}) {
		t.Errorf("after an edge was added: edges out of backed given before %v", out)
	}
}

// TestChildrenByRelation: the dependents with the relations asked for,
// whether they are one run of a token's dependents or not, and an answer
// a caller appends to leaves the next answer as it was.
func TestChildrenByRelation(t *testing.T) {
	s := sentence()
	s.Tokens = append(s.Tokens, syntax.Token{Text: "today"}, syntax.Token{Text: "."})
	s.Tree = append(s.Tree, syntax.Edge{Head: 3, Dep: 6, Rel: "advmod"}, syntax.Edge{Head: 3, Dep: 7, Rel: "punct"})
	tests := []struct {
		tok  int
		rels []string
		want []int
	}{
		{3, nil, []int{0, 5, 6, 7}},
		{3, []string{"nsubj"}, []int{0}},
		{3, []string{"obj", "advmod"}, []int{5, 6}},
		{3, []string{"nsubj", "punct"}, []int{0, 7}},
		{3, []string{"nsubj:pass"}, nil},
		// advcl shares advmod's bit: the kid is read and turned away.
		{3, []string{"advcl"}, nil},
		{3, []string{"det"}, nil}, // a relation of the sentence, not of this token's kids
		{4, nil, nil},             // no dependents at all
		{-1, []string{"root"}, []int{3}},
		{99, []string{"nsubj"}, nil}, // no such token
	}
	for _, tt := range tests {
		got := s.Children(tt.tok, tt.rels...)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Children(%d, %v) = %v, want %v", tt.tok, tt.rels, got, tt.want)
		}
		if has := s.Has(tt.tok, tt.rels...); has != (len(tt.want) > 0) {
			t.Errorf("Has(%d, %v) = %v, want %v", tt.tok, tt.rels, has, !has)
		}
		if in := s.ChildrenIn(tt.tok, syntax.RelSet(tt.rels...)); !reflect.DeepEqual(in, tt.want) {
			t.Errorf("ChildrenIn(%d, %v) = %v, want %v", tt.tok, tt.rels, in, tt.want)
		}
		if has := s.HasIn(tt.tok, syntax.RelSet(tt.rels...)); has != (len(tt.want) > 0) {
			t.Errorf("HasIn(%d, %v) = %v, want %v", tt.tok, tt.rels, has, !has)
		}
		_ = append(got, 42)
	}
	if got := s.Children(3); !reflect.DeepEqual(got, []int{0, 5, 6, 7}) {
		t.Errorf("after appending to answers: %v, want [0 5 6 7]", got)
	}
}

// TestOutByRelation: a token's enhanced edges with the relations asked
// for, in Edges' order, whether they are one run of its edges or not;
// an answer a caller appends to leaves the next answer as it was.
func TestOutByRelation(t *testing.T) {
	s := sentence()
	// rejected's edges in Edges' order: nsubj Chile, obj deal, nsubj Peru.
	deps := func(es []syntax.Edge) []int {
		var out []int
		for _, e := range es {
			out = append(out, e.Dep)
		}
		return out
	}
	tests := []struct {
		tok  int
		rels []string
		want []int
	}{
		{3, nil, []int{0, 5, 2}},
		{3, []string{"nsubj"}, []int{0, 2}}, // not one run
		{3, []string{"obj"}, []int{5}},
		{3, []string{"obj", "nsubj"}, []int{0, 5, 2}},
		{3, []string{"nsubj:pass"}, nil},
		{0, []string{"conj"}, []int{2, 2}},
		{0, []string{"conj:and"}, []int{2}},
		{4, nil, nil}, // no edges out
		{-1, []string{"root"}, []int{3}},
		{99, nil, nil}, // no such token
	}
	for _, tt := range tests {
		got := s.Out(tt.tok, tt.rels...)
		if !reflect.DeepEqual(deps(got), tt.want) {
			t.Errorf("Out(%d, %v) = %v, want dependents %v", tt.tok, tt.rels, got, tt.want)
		}
		if in := s.OutIn(tt.tok, syntax.RelSet(tt.rels...)); !reflect.DeepEqual(deps(in), tt.want) {
			t.Errorf("OutIn(%d, %v) = %v, want dependents %v", tt.tok, tt.rels, in, tt.want)
		}
		_ = append(got, syntax.Edge{Head: 9, Dep: 9, Rel: "junk"})
	}
	if got := deps(s.Out(3)); !reflect.DeepEqual(got, []int{0, 5, 2}) {
		t.Errorf("after appending to answers: %v, want [0 5 2]", got)
	}
}

// TestLowerEveryToken: a token's lower-cased text is strings.ToLower of
// its text, whether it is cut from the sentence's or, for a word not in
// ASCII or not at its offsets, lower-cased on its own.
func TestLowerEveryToken(t *testing.T) {
	s := &syntax.Sentence{Text: "Ünal SAID the Deal: ÖZIL wins"}
	s.Tokens = []syntax.Token{
		{Text: "Ünal", Start: 0, End: 5},
		{Text: "SAID", Start: 6, End: 10},
		{Text: "the", Start: 11, End: 14},
		{Text: "Deal", Start: 15, End: 19},
		{Text: ":", Start: 19, End: 20},
		{Text: "ÖZIL", Start: 21, End: 26},
		{Text: "Loses", Start: 27, End: 31}, // the parser's text, not the sentence's
		{Text: "NATO", Start: 40, End: 44},  // offsets outside the sentence
		// lower-cased by the parser, lemmas their word, lower-cased or not
		{Text: "Ärger", Lemma: "ärger", Lower: "ärger"},
		{Text: "Talks", Lemma: "talk", Lower: "talks"},
		{Text: "Oslo", Lemma: "Oslo", Lower: "oslo"},
		{Text: "WENT", Lemma: "Go"},
		// the lemma lower-cased by the parser too
		{Text: "Rivers", Lemma: "River", Lower: "rivers", LowerLemma: "river"},
	}
	for i, tok := range s.Tokens {
		if got, want := s.Lower(i), strings.ToLower(tok.Text); got != want {
			t.Errorf("Lower(%d) of %q = %q, want %q", i, tok.Text, got, want)
		}
		if got, want := s.LowerLemma(i), strings.ToLower(tok.Lemma); got != want {
			t.Errorf("LowerLemma(%d) of %q = %q, want %q", i, tok.Lemma, got, want)
		}
	}
}

// TestSubtree: a subtree's first and last token, through dependents on
// both sides and a crossing edge (a dependent's dependent left of a
// nearer one), and an answer, not a hang, on edges that loop.
func TestSubtree(t *testing.T) {
	s := sentence()
	tests := []struct{ tok, first, last int }{
		{3, 0, 5}, {0, 0, 2}, {5, 4, 5}, {1, 1, 1}, {-1, -1, 5}, {42, 42, 42},
	}
	for _, tt := range tests {
		if f, l := s.Subtree(tt.tok); f != tt.first || l != tt.last {
			t.Errorf("Subtree(%d) = %d..%d, want %d..%d", tt.tok, f, l, tt.first, tt.last)
		}
	}
	// "deal" (5) heads "Chile" (0) across "rejected" (3): not projective.
	crossing := sentence()
	crossing.Tree = []syntax.Edge{{Head: -1, Dep: 3, Rel: "root"}, {Head: 3, Dep: 5, Rel: "obj"}, {Head: 5, Dep: 4, Rel: "det"},
		{Head: 5, Dep: 0, Rel: "nmod"}, {Head: 0, Dep: 2, Rel: "conj"}, {Head: 2, Dep: 1, Rel: "cc"}}
	if f, l := crossing.Subtree(5); f != 0 || l != 5 {
		t.Errorf("crossing Subtree(5) = %d..%d, want 0..5", f, l)
	}
	looped := sentence()
	looped.Tree = []syntax.Edge{{Head: 1, Dep: 0, Rel: "dep"}, {Head: 0, Dep: 1, Rel: "dep"}}
	if f, l := looped.Subtree(0); f != 0 || l != 1 {
		t.Errorf("looped Subtree(0) = %d..%d, want 0..1", f, l)
	}
}

// TestEdgesPastTheTokens: edges whose head or dependent is past the
// sentence's tokens, in the tree or in the enhanced edges only, are
// indexed all the same, as a scan of every edge would find them.
func TestEdgesPastTheTokens(t *testing.T) {
	// "Peru voted": two tokens, and an object and a subject's head that
	// are not among them.
	tree := []syntax.Edge{{Head: 1, Dep: 0, Rel: "nsubj"}, {Head: -1, Dep: 1, Rel: "root"}}
	tests := []struct {
		name        string
		tree, edges []syntax.Edge
		kids        []int // Children(1)
		head        int   // Head(3)
		out         []syntax.Edge
	}{
		{"dependent past the tokens in the tree", append(slices.Clone(tree), syntax.Edge{Head: 1, Dep: 3, Rel: "obj"}), tree,
			[]int{0, 3}, 1, nil},
		{"head past the tokens in the enhanced edges", tree, append(slices.Clone(tree), syntax.Edge{Head: 4, Dep: 0, Rel: "nsubj"}),
			[]int{0}, -1, []syntax.Edge{{Head: 4, Dep: 0, Rel: "nsubj"}}},
	}
	for _, tt := range tests {
		s := &syntax.Sentence{Text: "Peru voted", Tokens: []syntax.Token{{Text: "Peru", End: 4}, {Text: "voted", Start: 5, End: 10}},
			Tree: tt.tree, Edges: tt.edges}
		if got := s.Children(1); !reflect.DeepEqual(got, tt.kids) {
			t.Errorf("%s: Children(1) = %v, want %v", tt.name, got, tt.kids)
		}
		if got, _ := s.Head(3); got != tt.head {
			t.Errorf("%s: Head(3) = %d, want %d", tt.name, got, tt.head)
		}
		if got := s.Out(4); !reflect.DeepEqual(got, tt.out) {
			t.Errorf("%s: Out(4) = %v, want %v", tt.name, got, tt.out)
		}
		if got := s.Lower(0); got != "peru" {
			t.Errorf("%s: Lower(0) = %q", tt.name, got)
		}
	}
}

// TestSeveralHeads: a tree that gives a token two heads, as a parser's
// may, and lists its edges out of the tokens' order: the token's head is
// the first edge's, and each head has it among its dependents.
func TestSeveralHeads(t *testing.T) {
	// "Peru and Chile signed": Chile is both Peru's conjunct and a subject.
	s := &syntax.Sentence{Text: "Peru and Chile signed"}
	for i, w := range []string{"Peru", "and", "Chile", "signed"} {
		s.Tokens = append(s.Tokens, syntax.Token{Text: w, Start: []int{0, 5, 9, 15}[i], End: []int{4, 8, 14, 21}[i]})
	}
	s.Tree = []syntax.Edge{{Head: 3, Dep: 0, Rel: "nsubj"}, {Head: 2, Dep: 1, Rel: "cc"}, {Head: 0, Dep: 2, Rel: "conj"},
		{Head: -1, Dep: 3, Rel: "root"}, {Head: 3, Dep: 2, Rel: "nsubj"}}
	s.Edges = slices.Clone(s.Tree)
	for tok, want := range []struct {
		head int
		rel  string
	}{{3, "nsubj"}, {2, "cc"}, {0, "conj"}, {-1, "root"}} {
		if h, rel := s.Head(tok); h != want.head || rel != want.rel {
			t.Errorf("Head(%d) = %d %q, want %d %q", tok, h, rel, want.head, want.rel)
		}
	}
	if got := s.Children(3); !reflect.DeepEqual(got, []int{0, 2}) {
		t.Errorf("Children(3) = %v, want [0 2]", got)
	}
	if got := s.ChildrenIn(0, syntax.RelSet("conj")); !reflect.DeepEqual(got, []int{2}) {
		t.Errorf("ChildrenIn(0, conj) = %v, want [2]", got)
	}
	if got := s.Out(3, "nsubj"); len(got) != 2 || got[0].Dep != 0 || got[1].Dep != 2 {
		t.Errorf("Out(3, nsubj) = %v, want the edges to 0 and 2", got)
	}
	if f, l := s.Subtree(3); f != 0 || l != 3 {
		t.Errorf("Subtree(3) = %d..%d, want 0..3", f, l)
	}
}
