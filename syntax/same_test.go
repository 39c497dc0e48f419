package syntax

import (
	"strings"
	"testing"
)

// TestSame: relations compared byte by byte are equal just when they are
// as strings: of one length or not, differing first, last or nowhere,
// sharing their bytes or not.
func TestSame(t *testing.T) {
	marked := "nsubj:pass"
	tests := []struct{ a, b string }{
		{"nsubj", "nsubj"},
		{"nsubj", "csubj"},
		{"nsubj", "nsubk"},
		{"nsubj", "nsubj:pass"},
		{"obl:über", "obl:über"},
		{"obl:über", "obl:uber"},
		{"", ""},
		{"", "x"},
		{marked[:5], "nsubj"},
		{marked[:5], strings.Clone("nsubj")},    // equal, other bytes
		{marked[:5], marked[:5]},                // the same bytes
		{marked[:5], marked[:4]},                // the same first byte, shorter
		{marked[:5], marked},                    // the same first byte, longer
		{marked[6:], strings.Clone(marked)[6:]}, // equal, other bytes
		{marked[:0], ""},
	}
	for _, tt := range tests {
		if got, want := same(tt.a, tt.b), tt.a == tt.b; got != want {
			t.Errorf("same(%q, %q) = %v, want %v", tt.a, tt.b, got, want)
		}
		if got, want := same(tt.b, tt.a), tt.a == tt.b; got != want {
			t.Errorf("same(%q, %q) = %v, want %v", tt.b, tt.a, got, want)
		}
	}
}
