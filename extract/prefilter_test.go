package extract

import (
	"reflect"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`\bwelcom(?:e|es|ed)\b`, []string{"welcome"}}, // "welcomed" and "welcomes" contain it too
		{`\b(?:backing|support) from\b`, []string{"backing", "support"}},
		{`\b(?:oppos(?:e|ed)|condemn(?:s|ed)?)\b`, []string{"oppose", "condemn"}},
		{`\b(?:x)?y\b`, nil}, // one letter rules nothing out
		{`\b(?:agreed to )?join\b`, []string{"join"}},
	}
	for _, tt := range tests {
		if got := requiredLiterals(tt.pattern); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// Every built-in cue's literals must occur in whatever it matches, or the
// prefilter would hide real cues.
func TestCueLiteralsAreRequired(t *testing.T) {
	samples := []string{"cautiously welcomed the deal", "issued statements of support", "agreed to join the coalition",
		"sharp reactions from iran", "a significant milestone", "strongly opposed", "expressed serious concerns about it",
		"remained committed to coalition membership", "became the 90th member of the coalition", "responded cautiously",
		"in favour", "confirmed the accession", "is right to focus", "morally bankrupt", "not opposed"}
	for _, c := range builtinCues() {
		for _, s := range samples {
			if c.re.MatchString(s) && !mayMatch(s, c.lits) {
				t.Errorf("cue %q matches %q but its literals %q are absent", c.text, s, c.lits)
			}
		}
	}
}
