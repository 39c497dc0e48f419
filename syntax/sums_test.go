package syntax

import (
	"slices"
	"testing"
)

// TestSums: each of the two lists of counts becomes its running sums,
// neither changed by the other.
func TestSums(t *testing.T) {
	tests := []struct{ a, b, wantA, wantB []int }{
		{[]int{0, 2, 1, 0}, []int{1, 0, 3, 1}, []int{0, 2, 3, 3}, []int{1, 1, 4, 5}},
		{[]int{4}, []int{7}, []int{4}, []int{7}},
		{[]int{}, []int{}, []int{}, []int{}},
	}
	for _, tc := range tests {
		a, b := append([]int{}, tc.a...), append([]int{}, tc.b...)
		sums(a, b)
		if !slices.Equal(a, tc.wantA) || !slices.Equal(b, tc.wantB) {
			t.Errorf("sums(%v, %v): %v, %v; want %v, %v", tc.a, tc.b, a, b, tc.wantA, tc.wantB)
		}
	}
}
