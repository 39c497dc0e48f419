package shallow

import "testing"

// TestAdjectiveEnding: words with an adjective's ending and enough
// letters before it read as adjectives; short words and other endings do
// not.
func TestAdjectiveEnding(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"famous", true}, {"massive", true}, {"useful", true}, {"hopeless", true}, {"capable", true},
		{"visible", true}, {"tonic", true}, {"tactical", true}, {"primary", true}, {"different", true},
		{"important", true}, {"foolish", true}, {"national", true},
		{"usual", false}, {"chic", false}, {"fish", false}, {"bus", false}, {"running", false},
		{"harbour", false}, {"", false},
	}
	for _, tc := range tests {
		if got := adjectiveEnding(tc.word); got != tc.want {
			t.Errorf("adjectiveEnding(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
