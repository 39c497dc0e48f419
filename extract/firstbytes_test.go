package extract

import (
	"regexp"
	"testing"
)

// TestFirstBytesHoldEveryMatchStart: every match of a pattern begins with
// a byte its set holds, and the set leaves out what no match begins with.
func TestFirstBytesHoldEveryMatchStart(t *testing.T) {
	tests := []struct {
		pattern string
		texts   []string
		in, out string // bytes that must be in the set, and out of it
	}{
		{`(?:Mr|[Ss]pokesman|Minister of \p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)`, []string{"said Mr Lind and spokesman Ola", "Ärger: Minister of Ölrecht Vik"}, "MSs", "ambx \""},
		{`(?i)envoy`, []string{"the ENVOY and the Envoy"}, "eE", "nx"},
		{`(?:\p{Lu}\. )?(?:(?:[Aa]l|[Ee]l)-)?\p{Lu}\p{Ll}+`, []string{"al-Rashid met Éva and J. Lind"}, "AaEeJ\xc3", "lb-"},
		{`x*y`, []string{"xxy y"}, "xy", "z"},
		{`a?`, []string{"bab"}, "abz", ""}, // matches the empty string: anywhere
		{`[^":]{2,80}: ?"`, []string{`Vik: "no"`}, "Vx\xe2", "\":"},
		{`\bsaid\b|according to`, []string{"he said, according to her"}, "sa", "ht"},
		{`[\x{D000}-\x{E100}]`, []string{"\ued00"}, "\xed\xee", "\xef"},
		// A byte that starts no character reads as U+FFFD, which these
		// hold: a match may begin at any byte from 0x80.
		{`[^":]x`, []string{"\x80x \xc3x \xffx"}, "\x80\xc3\xff", "\":"},
		{`.x`, []string{"\xbfx"}, "\xbf\xf5", "\n"},
	}
	for _, tc := range tests {
		re := regexp.MustCompile(tc.pattern)
		set := firstBytes(re)
		for _, text := range tc.texts {
			for _, m := range re.FindAllStringIndex(text, -1) {
				if m[1] > m[0] && !set[text[m[0]]] {
					t.Errorf("%s: a match begins with %q, not in the set", tc.pattern, text[m[0]])
				}
			}
		}
		for _, b := range []byte(tc.in) {
			if !set[b] {
				t.Errorf("%s: %q not in the set", tc.pattern, b)
			}
		}
		for _, b := range []byte(tc.out) {
			if set[b] {
				t.Errorf("%s: %q in the set", tc.pattern, b)
			}
		}
	}
}
