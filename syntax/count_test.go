package syntax

import (
	"slices"
	"testing"
)

// TestCountTree: each tree edge's relBit, each slot's count and union of
// relBits, whether the tree is in the tokens' order, and a refusal for an
// edge past the tokens; an edge with a head below the root's is counted
// in no slot.
func TestCountTree(t *testing.T) {
	nsubj, root, obj := relBit("nsubj"), relBit("root"), relBit("obj")
	tests := []struct {
		name        string
		tree        []Edge
		n           int
		inOrder, ok bool
		counts      []int // off[2:], a count per slot
		kidBits     []uint64
	}{
		{"in order", []Edge{{1, 0, "nsubj"}, {-1, 1, "root"}, {1, 2, "obj"}}, 3, true, true,
			[]int{1, 0, 2, 0}, []uint64{root, 0, nsubj | obj, 0}},
		{"out of order", []Edge{{-1, 1, "root"}, {1, 0, "nsubj"}, {1, 2, "obj"}}, 3, false, true,
			[]int{1, 0, 2, 0}, []uint64{root, 0, nsubj | obj, 0}},
		{"a head below the root's", []Edge{{-3, 0, "nsubj"}, {-1, 1, "root"}}, 2, true, true,
			[]int{1, 0, 0}, []uint64{root, 0, 0}},
		{"a head past the tokens", []Edge{{2, 0, "nsubj"}, {-1, 1, "root"}}, 2, false, false, nil, nil},
		{"a dependent past the tokens", []Edge{{1, 0, "nsubj"}, {1, 5, "obj"}}, 2, false, false, nil, nil},
	}
	for _, tt := range tests {
		bits, kidBits, off := make([]uint64, len(tt.tree)), make([]uint64, tt.n+1), make([]int, tt.n+3)
		inOrder, ok := countTree(tt.tree, tt.n, bits, kidBits, off)
		if inOrder != tt.inOrder || ok != tt.ok {
			t.Errorf("%s: in order %v, ok %v; want %v, %v", tt.name, inOrder, ok, tt.inOrder, tt.ok)
		}
		if !ok {
			continue
		}
		for k, e := range tt.tree {
			if bits[k] != relBit(e.Rel) {
				t.Errorf("%s: edge %d's bit %x, want its relBit %x", tt.name, k, bits[k], relBit(e.Rel))
			}
		}
		if !slices.Equal(off[2:], tt.counts) || !slices.Equal(kidBits, tt.kidBits) {
			t.Errorf("%s: counts %v, bits %x; want %v, %x", tt.name, off[2:], kidBits, tt.counts, tt.kidBits)
		}
	}
}
