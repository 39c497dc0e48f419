package syntax

import (
	"slices"
	"testing"
)

// TestSums: a list of counts becomes its running sums.
func TestSums(t *testing.T) {
	tests := []struct{ counts, want []int }{
		{[]int{0, 2, 1, 0}, []int{0, 2, 3, 3}},
		{[]int{1, 0, 3, 1}, []int{1, 1, 4, 5}},
		{[]int{4}, []int{4}},
		{[]int{}, []int{}},
	}
	for _, tc := range tests {
		got := append([]int{}, tc.counts...)
		sums(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("sums(%v): %v, want %v", tc.counts, got, tc.want)
		}
	}
}
