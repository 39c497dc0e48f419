// Package syntax holds the structure of parsed sentences that the extractor
// reads: tokens with their part of speech and named-entity tag, and the
// Universal Dependencies relations between them. It knows nothing of the
// parser that filled it.
package syntax

import (
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text  string `json:"t"`
	Lemma string `json:"l"`
	// POS is the Penn Treebank tag ("NNP", "VBD", ...).
	POS string `json:"p"`
	// NER is "PERSON", "ORGANIZATION", "LOCATION", "MISC" or "O".
	NER string `json:"n,omitempty"`
	// Start and End are byte offsets into the sentence's Text.
	Start int `json:"s"`
	End   int `json:"e"`
	// Lower is Text lower-cased, if the parser made it: Sentence.Lower
	// answers with it rather than lower-casing Text again. Empty means
	// not made.
	Lower string `json:"-"`
	// LowerLemma is Lemma lower-cased, if the parser made it, as Lower
	// is Text.
	LowerLemma string `json:"-"`
}

// Edge is one dependency from the head token to the dependent token, both
// indexes into Tokens; Head is -1 for the root. Rel is a Universal
// Dependencies relation, with the enhanced forms' case marker where it has
// one ("nsubj", "obj", "obl:over", "conj:and", "nmod:poss").
type Edge struct {
	Head int    `json:"h"`
	Dep  int    `json:"d"`
	Rel  string `json:"r"`
}

// Sentence is one parsed sentence. Its methods read an index whose two
// parts are each built on first use and built again when its list, Tree
// or Edges, grows, and tokens' lowered words made on first need. Once it
// is asked about, Tokens, Tree and Edges may only be appended to: a tree
// indexed in order answers Head and the lowered words answer Lower with
// no check of the lists, so a sentence parsed again must be emptied by
// Reuse first, not have its lists replaced.
type Sentence struct {
	Text   string  `json:"text"`
	Tokens []Token `json:"tokens"`
	// Edges are the enhanced dependencies: a graph in which shared
	// subjects and objects of coordinated verbs are spelled out.
	Edges []Edge `json:"edges"`
	// Tree is the basic dependency tree, each token with one head.
	Tree []Edge `json:"tree"`

	// idx is built on first use by the methods below. A value, not a
	// pointer: the zero index is the index of no edges, so the check
	// every method makes is small enough to be inlined.
	idx index
	// low is each token's text and lemma lower-cased, made on first need
	// and apart from idx: the tokens of a parser that lowers them itself
	// (see Token.Lower) never need it.
	low lowered
	// spare is the room of an earlier parse's index and lowered words
	// (see Reuse), taken by the first build.
	spare room
}

// room is the arrays an index's lists and the lowered words are parts
// of: ints and bits the tree's part's, outInts, outBits and edges the
// enhanced edges' part's.
type room struct {
	ints    []int
	bits    []uint64
	outInts []int
	outBits []uint64
	words   []string
	edges   []Edge
}

// Reuse empties s for a new sentence, text, keeping the room its tokens,
// edges and index took: a parser that fills the sentences of one document
// after another's allocates most of their lists once. Nothing may still
// read s's earlier parse.
func (s *Sentence) Reuse(text string) {
	// What the index and the lowered words took is spare again; what
	// they did not take is spare still.
	// The room read in place, not copied: a copy of its six lists to
	// the stack was a third of this.
	r := &s.idx.room
	if r.ints != nil {
		s.spare.ints, s.spare.bits = r.ints, r.bits
	}
	if r.outInts != nil {
		s.spare.outInts, s.spare.outBits, s.spare.edges = r.outInts, r.outBits, r.edges
	}
	if s.low.room != nil {
		s.spare.words = s.low.room
	}
	// Each field set in place, not the sentence as a new value: that
	// was made on the stack and copied, twice the bytes written, for
	// every sentence parsed.
	s.idx, s.low = index{}, lowered{}
	s.Text, s.Tokens, s.Edges, s.Tree = text, s.Tokens[:0], s.Edges[:0], s.Tree[:0]
}

// index holds the edges by token. The extractor asks for a token's head
// and dependents many times per sentence; a scan of every edge each time
// took a tenth of its time. Slot k is token k-1, so that slot 0 holds the
// root's edges (head -1), as a scan would find them. Its two parts, the
// basic tree's and the enhanced edges', are built apart, each on the
// first question about its list: an eighth of the sentences asked about
// the tree are never asked for an enhanced edge.
type index struct {
	// tree and edges are the lengths of Tree and Edges each part was
	// built for: a parser still appending edges gets a new part.
	tree, edges int
	// inOrder: the tree is in order (see countTree), token i's edge is
	// edge i, and head is not filled. ordered is then the tree, for Head.
	inOrder bool
	ordered []Edge
	head    []int  // the first basic-tree edge into each token, -1 for none
	kids    groups // basic-tree edges out of each token, by dependent
	// deps is each of kids.flat's edges' dependent, so that Children can
	// answer with a part of it rather than a list of its own.
	deps []int
	// outs is the enhanced edges by head, in Edges' order, each token's
	// those of outOff's slot: Out answers with a part of it, where a list
	// of its own for each answer was a ninth of the bytes the extractor
	// allocated. outRels is each of its edges' relBit.
	outs    []Edge
	outOff  []int
	outRels []uint64
	// treeBits is each tree edge's relBit: most edges are passed over by
	// a bit test, with no relation compared.
	treeBits []uint64
	// kidBits and outBits are the unions of the relBits of each slot's
	// edges in kids and outs: most tokens asked for a dependent have none
	// of the relations asked for, and this answers them without reading
	// their edges.
	kidBits, outBits []uint64
	room             room
}

// lowered holds each token's text and lemma, lower-cased once: the
// extractor asks for them many times per sentence, and lower-casing each
// time took a tenth of its time. text and lemma are parts of room.
type lowered struct{ text, lemma, room []string }

// lower is c[i], or from lower-cased for a token added since c was
// made.
func lower(c []string, i int, from string) string {
	if i < len(c) {
		return c[i]
	}
	return strings.ToLower(from)
}

// treeIndexed returns the index with its tree's part built for the tree
// as it is.
func (s *Sentence) treeIndexed() *index {
	if s.idx.tree != len(s.Tree) {
		s.buildTree()
	}
	return &s.idx
}

// edgesIndexed returns the index with its enhanced edges' part built for
// the edges as they are.
func (s *Sentence) edgesIndexed() *index {
	if s.idx.edges != len(s.Edges) {
		s.buildEdges()
	}
	return &s.idx
}

// treeRebuilt builds the tree's part of the index and asks it question q
// about token i. The questions asked most call this when they find their
// part stale, not build: their arguments then stay in registers on the
// path that finds it built, where they were stored before every question
// and loaded again after the call that builds.
func treeRebuilt[A, R any](s *Sentence, q func(*Sentence, int, A) R, i int, a A) R {
	s.buildTree()
	return q(s, i, a)
}

// edgesRebuilt is treeRebuilt for the enhanced edges' part.
func edgesRebuilt[A, R any](s *Sentence, q func(*Sentence, int, A) R, i int, a A) R {
	s.buildEdges()
	return q(s, i, a)
}

// buildTree indexes the tree as it is.
func (s *Sentence) buildTree() {
	// The tokens nearly always hold every edge's head and dependent: an
	// edge past them sends the part to be built again, with room for it,
	// where a pass over every edge to know the room took a tenth of the
	// building.
	if !s.buildTreeFor(len(s.Tokens)) {
		s.buildTreeFor(reach(s.Tree, len(s.Tokens)))
	}
}

// buildEdges indexes the enhanced edges as they are, as buildTree the
// tree.
func (s *Sentence) buildEdges() {
	if !s.buildEdgesFor(len(s.Tokens)) {
		s.buildEdgesFor(reach(s.Edges, len(s.Tokens)))
	}
}

// reach is the number of tokens that holds n tokens and every edge's head
// and dependent.
func reach(edges []Edge, n int) int {
	for _, e := range edges {
		n = max(n, e.Head+1, e.Dep+1)
	}
	return n
}

// buildTreeFor builds the tree's part with slots for tokens -1 to n-1,
// reporting false if an edge's head or dependent is past them.
func (s *Sentence) buildTreeFor(n int) bool {
	// One array each for the ints and the bits of the part: it is built
	// for every parsed sentence, and its dozen small slices were a
	// twelfth of the extractor's time. Only the counts and unions are
	// cleared; the rest is written in full.
	t := len(s.Tree)
	x := &s.idx
	x.tree = t
	ints := take(&s.spare.ints, (n+1)+t+(n+3)+t)
	bits := take(&s.spare.bits, t+(n+1))
	x.room.ints, x.room.bits = ints, bits
	x.head, ints = ints[:n+1], ints[n+1:]
	x.deps, ints = ints[:t], ints[t:]
	kidOff, flat := ints[:n+3], ints[n+3:]
	x.treeBits, x.kidBits = bits[:t], bits[t:]
	clear(kidOff)
	clear(x.kidBits)
	// The list is grouped by head with a count of each slot's edges (in
	// off[slot+2]), their sums (off[slot+1] is then where the slot
	// starts) and a pass that puts each edge at its slot's next place,
	// which leaves off[slot] where the slot starts. Each pass is a
	// function of its own, whose few lists stay in registers: as loops
	// of this one, they were loaded again and again from the stack.
	inOrder, ok := countTree(s.Tree, n, x.treeBits, x.kidBits, kidOff)
	if !ok {
		return false
	}
	sums(kidOff)
	placeTree(s.Tree, kidOff, flat)
	x.kids.off, x.kids.flat = kidOff[:n+2], flat[:kidOff[n+1]]
	x.inOrder = inOrder
	if inOrder {
		x.ordered, x.deps = s.Tree, x.kids.flat
		return true
	}
	x.ordered = nil // a tree in order before, grown since
	for k := range x.head {
		x.head[k] = -1
	}
	for k, e := range s.Tree {
		if e.Dep >= -1 && x.head[e.Dep+1] < 0 {
			x.head[e.Dep+1] = k
		}
	}
	for i := -1; i < n; i++ {
		if ks := x.kids.slot(i); len(ks) > 1 { // most tokens have one dependent or none
			slices.SortStableFunc(ks, func(a, b int) int { return s.Tree[a].Dep - s.Tree[b].Dep })
		}
	}
	x.deps = x.deps[:len(x.kids.flat)]
	for j, k := range x.kids.flat {
		x.deps[j] = s.Tree[k].Dep
	}
	return true
}

// buildEdgesFor builds the enhanced edges' part with slots for tokens -1
// to n-1, as buildTreeFor the tree's.
func (s *Sentence) buildEdgesFor(n int) bool {
	m := len(s.Edges)
	x := &s.idx
	x.edges = m
	off := take(&s.spare.outInts, n+3)
	bits := take(&s.spare.outBits, m+(n+1))
	x.outs = take(&s.spare.edges, m)
	x.room.outInts, x.room.outBits, x.room.edges = off, bits, x.outs
	x.outRels, x.outBits = bits[:m], bits[m:]
	clear(off)
	clear(x.outBits)
	if !countEdges(s.Edges, n, off) {
		return false
	}
	sums(off)
	placeEdges(s.Edges, off, x.outs, x.outRels, x.outBits)
	x.outOff = off[:n+2]
	x.outs, x.outRels = x.outs[:off[n+1]], x.outRels[:off[n+1]]
	return true
}

// words returns each token's text and lemma lower-cased, lowering them
// on first need.
func (s *Sentence) words() *lowered {
	if s.low.room == nil {
		s.lowerWords()
	}
	return &s.low
}

// lowerWords lowers each token's text and lemma.
func (s *Sentence) lowerWords() {
	// Local lists of the tokens' length, which the loop writes unchecked.
	toks := s.Tokens
	words := take(&s.spare.words, 2*len(toks))
	text, lemma := words[:len(toks)], words[len(toks):][:len(toks)]
	s.low = lowered{text: text, lemma: lemma, room: words}
	var low string // the sentence lower-cased, made for its first capital
	for k := range toks {
		t := &toks[k]
		if t.Lower != "" || t.Text == "" {
			text[k] = t.Lower
		} else {
			text[k] = lowerWord(s.Text, &low, t)
		}
		// A lemma the parser lowered is taken as it is: the comparisons
		// below called the runtime for nearly every token.
		if t.LowerLemma != "" {
			lemma[k] = t.LowerLemma
			continue
		}
		// Many lemmas are their word ("the", "Ankara") or their word
		// lower-cased ("The"): lowered once. The lowered word is compared
		// first: a parser that cuts the lemma from it gives the same
		// string, told equal without reading its bytes.
		switch t.Lemma {
		case text[k]:
			lemma[k] = t.Lemma
		case t.Text:
			lemma[k] = text[k]
		default:
			lemma[k] = strings.ToLower(t.Lemma)
		}
	}
}

// countTree sets bits[k] to tree edge k's relBit, and counts each slot's
// edges in off[slot+2] and unites their relBits in kidBits[slot], which
// has a slot for each of tokens -1 to n-1. ok is false if an edge's head
// or dependent is past them. inOrder: the tree lists each token's edge
// in the tokens' order, as a parser that gives every token one head
// writes it. Its dependents are then grouped already sorted, each
// token's head edge is its own index, and each grouped edge's index is
// its dependent.
func countTree(tree []Edge, n int, bits, kidBits []uint64, off []int) (inOrder, ok bool) {
	// Lists of known lengths, written unchecked: a head below n is a
	// slot of kidBits, and of off from its third.
	bits, off = bits[:len(tree)], off[2:][:len(kidBits)]
	disorder := 0 // not 0 once an edge is out of order
	for k, e := range tree {
		if e.Head >= n || e.Dep >= n {
			return false, false
		}
		disorder |= e.Dep ^ k
		b := relBit(e.Rel)
		bits[k] = b
		if h := e.Head + 1; h >= 0 {
			kidBits[h] |= b
			off[h]++
		}
	}
	return disorder == 0, true
}

// countEdges counts each slot's edges in off[slot+2], as countTree does,
// reporting false if an edge's head or dependent is n or past it.
func countEdges(edges []Edge, n int, off []int) bool {
	off = off[2:]
	for _, e := range edges {
		if e.Head >= n || e.Dep >= n {
			return false
		}
		if h := e.Head + 1; h >= 0 {
			off[h]++
		}
	}
	return true
}

// placeTree puts each tree edge's index at its slot's next place in
// flat, off[slot+1] (see buildFor).
func placeTree(tree []Edge, off, flat []int) {
	off = off[1:]
	for k, e := range tree {
		if h := e.Head + 1; h >= 0 {
			flat[off[h]] = k
			off[h]++
		}
	}
}

// placeEdges puts each edge at its slot's next place in outs, off[slot+1],
// with its relBit at the same place in rels, and unites the relBits of
// each slot's edges in bits[slot].
func placeEdges(edges []Edge, off []int, outs []Edge, rels, bits []uint64) {
	// Lists of known lengths, for fewer checks: a slot of bits is one of
	// off from its second, and a place in outs one in rels.
	off, rels = off[1:][:len(bits)], rels[:len(outs)]
	for _, e := range edges {
		if h := e.Head + 1; h >= 0 {
			j := off[h]
			off[h]++
			b := relBit(e.Rel)
			outs[j], rels[j] = e, b
			bits[h] |= b
		}
	}
}

// sums turns a list of counts into running sums.
func sums(a []int) {
	for k := 1; k < len(a); k++ {
		a[k] += a[k-1]
	}
}

// take is n elements, not cleared: the spare array if it has the room
// (it is spent, so that a rebuild of the same sentence allocates anew and
// lists given out before stay as they were), or a new one.
func take[E any](spare *[]E, n int) []E {
	a := *spare
	*spare = nil
	if cap(a) < n {
		return make([]E, n)
	}
	return a[:n]
}

// lowerWord is strings.ToLower of token t's text. A word in ASCII that
// is the sentence's text at its offsets is cut from the sentence
// lower-cased (text, made once in low on first need), so that a
// sentence's capitalised words take one string, not one each.
func lowerWord(text string, low *string, t *Token) string {
	upper := false
	for i := 0; i < len(t.Text); i++ {
		c := t.Text[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(t.Text)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	switch {
	case !upper:
		return t.Text
	case t.Start < 0 || t.Start > t.End || t.End > len(text) || text[t.Start:t.End] != t.Text:
		return strings.ToLower(t.Text)
	case *low == "":
		b := []byte(text)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		*low = string(b)
	}
	return (*low)[t.Start:t.End]
}

// groups are edge indexes listed by token: those of slot k (token k-1)
// are flat[off[k]:off[k+1]]. One array for all tokens, not a slice each:
// the index is built for every parsed sentence, and a slice per token was
// most of what building it allocated.
type groups struct{ off, flat []int }

// slot is token i's list, or nil.
func (g *groups) slot(i int) []int {
	if i < -1 || i+1 >= len(g.off)-1 {
		return nil
	}
	return g.flat[g.off[i+1]:g.off[i+2]]
}

// Base is a relation without its case marker: "obl:over" -> "obl".
func Base(rel string) string {
	// A byte loop, not IndexByte: relations are a few bytes long, and
	// this way Base is inlined where it is called (hundreds of thousands
	// of times per megabyte).
	for i := 0; i < len(rel); i++ {
		if rel[i] == ':' {
			return rel[:i]
		}
	}
	return rel
}

// Marker is a relation's case marker: "obl:over" -> "over"; "" if none.
// A byte loop, as Base's, so that it is inlined.
func Marker(rel string) string {
	for i := 0; i < len(rel); i++ {
		if rel[i] == ':' {
			return rel[i+1:]
		}
	}
	return ""
}

// Out returns the enhanced edges from token i whose relation is one of
// rels, compared by base or in full ("obl" matches "obl:over", "obl:over"
// only itself), nil for none. No rels means every edge. As with
// Children, the list may be a part of the index.
func (s *Sentence) Out(i int, rels ...string) []Edge {
	x := s.edgesIndexed()
	want, ok := wanted(x.outBits, i, rels)
	if !ok {
		return nil
	}
	return within(x.outs, x.outRels, x.outOff[i+1], x.outOff[i+2], want, rels)
}

// Head is token i's head in the basic tree and the relation, or -1.
func (s *Sentence) Head(i int) (int, string) {
	// A tree indexed in order answers with token i's own edge, in a few
	// instructions with no check of the index: the extractor asks this
	// hundreds of thousands of times per megabyte. Edges added since do
	// not change the answer: the first edge into token i stays edge i.
	if t := s.idx.ordered; uint(i) < uint(len(t)) {
		return t[i].Head, t[i].Rel
	}
	return s.head(i)
}

// head is Head for a tree not in order or not indexed yet.
func (s *Sentence) head(i int) (int, string) {
	x := s.treeIndexed()
	k := i // the edge into token i, in a tree in order; -1 for the root
	if !x.inOrder {
		if i < -1 || i+1 >= len(x.head) {
			return -1, ""
		}
		k = x.head[i+1]
	}
	if uint(k) >= uint(len(s.Tree)) { // none
		return -1, ""
	}
	e := &s.Tree[k]
	return e.Head, e.Rel
}

// Children returns token i's dependents in the basic tree with one of rels
// (all with none), in text order, nil for none. The list may be a part of
// the index, which the caller must not change (appending to it is safe):
// the extractor asks this hundreds of thousands of times per megabyte,
// and a list of its own for each answer was most of what it cost.
func (s *Sentence) Children(i int, rels ...string) []int {
	x := s.treeIndexed()
	want, ok := wanted(x.kidBits, i, rels)
	if !ok {
		return nil
	}
	return matching(x.deps, x.kids.off[i+1], x.kids.slot(i), s.Tree, x.treeBits, want, rels)
}

// Rels is a list of relations with its relMask made once, for the
// questions asked of nearly every token: the mask took half of what such
// a question cost.
type Rels struct {
	rels []string
	mask uint64
}

// RelSet is the Rels of rels, compared as Children compares them.
func RelSet(rels ...string) Rels { return Rels{rels: rels, mask: relMask(rels)} }

// Holds reports whether rel is one of r's relations, compared as
// Children compares them.
func (r Rels) Holds(rel string) bool { return relBit(rel)&r.mask != 0 && relIn(rel, r.rels) }

// ChildrenIn is Children(i, r's relations...).
func (s *Sentence) ChildrenIn(i int, r Rels) []int {
	if s.idx.tree != len(s.Tree) {
		return treeRebuilt(s, (*Sentence).ChildrenIn, i, r)
	}
	x := &s.idx
	if !mayHave(x.kidBits, i, r.mask) {
		return nil
	}
	return matching(x.deps, x.kids.off[i+1], x.kids.slot(i), s.Tree, x.treeBits, r.mask, r.rels)
}

// OutIn is Out(i, r's relations...).
func (s *Sentence) OutIn(i int, r Rels) []Edge {
	if s.idx.edges != len(s.Edges) {
		return edgesRebuilt(s, (*Sentence).OutIn, i, r)
	}
	x := &s.idx
	if !mayHave(x.outBits, i, r.mask) {
		return nil
	}
	return within(x.outs, x.outRels, x.outOff[i+1], x.outOff[i+2], r.mask, r.rels)
}

// HasIn is Has(i, r's relations...).
func (s *Sentence) HasIn(i int, r Rels) bool {
	if s.idx.tree != len(s.Tree) {
		return treeRebuilt(s, (*Sentence).HasIn, i, r)
	}
	x := &s.idx
	return mayHave(x.kidBits, i, r.mask) && x.hasIn(s.Tree, i, r.mask, r.rels)
}

// hasIn reports whether a basic-tree edge of token i has one of rels;
// want is their relMask.
func (x *index) hasIn(tree []Edge, i int, want uint64, rels []string) bool {
	for _, k := range x.kids.slot(i) {
		if x.treeBits[k]&want != 0 && relIn(tree[k].Rel, rels) {
			return true
		}
	}
	return false
}

// matching returns the dependents of a slot (slot lists the edges'
// indexes in tree, and deps[at+j] is slot[j]'s dependent) whose relation
// is one of rels; want is rels' relMask and bits the edges' relBits.
func matching(deps []int, at int, slot []int, tree []Edge, bits []uint64, want uint64, rels []string) []int {
	// The edges that match are nearly always one run of the slot (one
	// subject, one object; the conjuncts of a list): that run is the
	// answer.
	first, last, n := -1, -1, 0
	for j, k := range slot {
		if bits[k]&want != 0 && relIn(tree[k].Rel, rels) {
			if first < 0 {
				first = j
			}
			last, n = j, n+1
		}
	}
	switch {
	case n == 0:
		return nil
	case n == last-first+1:
		return deps[at+first : at+last+1 : at+last+1]
	}
	out := make([]int, 0, n)
	for j, k := range slot {
		if bits[k]&want != 0 && relIn(tree[k].Rel, rels) {
			out = append(out, deps[at+j])
		}
	}
	return out
}

// within returns the edges of outs[from:to] whose relation is one of
// rels, as matching does; bits are the edges' relBits.
func within(outs []Edge, bits []uint64, from, to int, want uint64, rels []string) []Edge {
	first, last, n := -1, -1, 0
	for j := from; j < to; j++ {
		if bits[j]&want != 0 && relIn(outs[j].Rel, rels) {
			if first < 0 {
				first = j
			}
			last, n = j, n+1
		}
	}
	switch {
	case n == 0:
		return nil
	case n == last-first+1:
		return outs[first : last+1 : last+1]
	}
	out := make([]Edge, 0, n)
	for j := first; j <= last; j++ {
		if bits[j]&want != 0 && relIn(outs[j].Rel, rels) {
			out = append(out, outs[j])
		}
	}
	return out
}

// Has reports whether token i has a basic-tree dependent with one of rels.
func (s *Sentence) Has(i int, rels ...string) bool {
	x := s.treeIndexed()
	want, ok := wanted(x.kidBits, i, rels)
	return ok && x.hasIn(s.Tree, i, want, rels)
}

// mayHave reports whether token i has an edge whose relBit is in want,
// by the slots' unions of relBits (kidBits or outBits).
func mayHave(bits []uint64, i int, want uint64) bool {
	return uint(i+1) < uint(len(bits)) && bits[i+1]&want != 0
}

// wanted is rels' relMask and whether token i may have an edge with one
// of them (see mayHave). A token with no edge at all, which most are
// asked about, is answered before the mask is read from rels.
func wanted(bits []uint64, i int, rels []string) (uint64, bool) {
	if !mayHave(bits, i, ^uint64(0)) {
		return 0, false
	}
	want := relMask(rels)
	return want, bits[i+1]&want != 0
}

// Subtree returns the first and last token of the basic-tree subtree
// rooted at i.
func (s *Sentence) Subtree(i int) (first, last int) {
	first, last = i, i
	s.edgesIndexed()
	x := s.treeIndexed()
	// A walk with a stack of its own, not a recursive closure: the
	// extractor asks for the spans of a sentence's predicates, each most
	// of the sentence.
	var buf [64]int
	stack := append(buf[:0], i)
	// A tree has a node per slot at most; more would be a cycle, which a
	// parser's output should not hold but must not loop on. The slots
	// are those of both parts (an enhanced edge past the tokens makes
	// more), as they were when one build made both.
	slots := max(len(x.kids.off), len(x.outOff))
	for visits := 0; len(stack) > 0 && visits < slots; visits++ {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n < -1 || n+1 >= len(x.kids.off)-1 {
			continue
		}
		for _, d := range x.deps[x.kids.off[n+1]:x.kids.off[n+2]] {
			if d != n {
				first, last = min(first, d), max(last, d)
				stack = append(stack, d)
			}
		}
	}
	return first, last
}

// Span is the text of tokens first..last.
func (s *Sentence) Span(first, last int) string {
	if first < 0 || last >= len(s.Tokens) || first > last {
		return ""
	}
	return s.Text[s.Tokens[first].Start:s.Tokens[last].End]
}

// Lower is token i's text in lower case.
func (s *Sentence) Lower(i int) string {
	// The parser's lowered text in a few instructions, so that this is
	// inlined where it is called (hundreds of thousands of times per
	// megabyte).
	if w := s.Tokens[i].Lower; w != "" {
		return w
	}
	return s.lowerText(i)
}

// LowerLemma is token i's lemma in lower case.
func (s *Sentence) LowerLemma(i int) string {
	if w := s.Tokens[i].LowerLemma; w != "" {
		return w
	}
	return s.lowerLemma(i)
}

// lowerText and lowerLemma are Lower and LowerLemma for a token the
// parser did not lower, apart so that those are small enough to be
// inlined.
func (s *Sentence) lowerText(i int) string  { return lower(s.words().text, i, s.Tokens[i].Text) }
func (s *Sentence) lowerLemma(i int) string { return lower(s.words().lemma, i, s.Tokens[i].Lemma) }

// IsVerb reports a verb tag.
func (t *Token) IsVerb() bool { return strings.HasPrefix(t.POS, "VB") }

// IsNoun reports a noun tag, common or proper.
func (t *Token) IsNoun() bool { return strings.HasPrefix(t.POS, "NN") }

// IsProper reports a proper-noun tag.
func (t *Token) IsProper() bool { return strings.HasPrefix(t.POS, "NNP") }

// IsAdjective reports an adjective tag.
func (t *Token) IsAdjective() bool { return strings.HasPrefix(t.POS, "JJ") }

// relBit is one of 64 bits for a relation, the same for its base
// ("nsubj:pass" and "nsubj"), read from its first and third bytes: "obj"
// and "obl" differ, while "advcl" and "advmod" share one. An edge whose
// bit is not among those of the relations asked for is none of them, so
// most edges are passed over with no relation compared. (The bits of the
// Universal Dependencies relations were checked to differ but for
// advcl/advmod, cc/flat, clf/obj and discourse/dislocated/obl.)
func relBit(rel string) uint64 {
	// One sum, not a variable for each byte: the loops that call this
	// for every edge then keep it in a register.
	var h uint
	if len(rel) > 0 && rel[0] != ':' {
		h = uint(rel[0]) * 53
		if len(rel) > 2 && rel[1] != ':' && rel[2] != ':' {
			h += uint(rel[2])
		}
	}
	return 1 << (h & 63)
}

// relMask is the union of rels' relBits; every bit for no rels, which
// asks for every relation.
func relMask(rels []string) (m uint64) {
	for _, r := range rels {
		m |= relBit(r)
	}
	if m == 0 { // no rels: every relBit has a bit set
		m = ^uint64(0)
	}
	return m
}

// relIn reports whether rel is one of rels, compared in full or by base
// ("obl" is "obl:over"; "obl:over" only itself); any rel with no rels.
func relIn(rel string, rels []string) bool {
	if len(rels) == 0 {
		return true
	}
	// Most edges asked about are one of rels as they are: their base is
	// read only for the rest.
	for _, r := range rels {
		if same(r, rel) {
			return true
		}
	}
	base := Base(rel)
	if len(base) == len(rel) {
		return false
	}
	for _, r := range rels {
		if same(r, base) {
			return true
		}
	}
	return false
}

// same is a == b, compared byte by byte: relations are a few bytes long,
// and relIn, which runs millions of times, then calls nothing (== calls
// the runtime for strings of one length) and needs no frame of its own.
// The relations compared most share a length ("nsubj", "csubj"; "amod",
// "nmod") and differ at their first byte. Equal ones nearly always share
// their bytes too (a parser's relation and the extractor's are one
// constant of the program), and are told equal without reading them.
func same(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	if unsafe.StringData(a) == unsafe.StringData(b) {
		return true
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
