package syntax

import "testing"

// TestSame: relations compared byte by byte are equal just when they are
// as strings: of one length or not, differing first, last or nowhere.
func TestSame(t *testing.T) {
	tests := []struct{ a, b string }{
		{"nsubj", "nsubj"},
		{"nsubj", "csubj"},
		{"nsubj", "nsubk"},
		{"nsubj", "nsubj:pass"},
		{"obl:über", "obl:über"},
		{"obl:über", "obl:uber"},
		{"", ""},
		{"", "x"},
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
