package extract

import (
	"regexp"
	"slices"
	"sort"
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
		set := firstBytes(syntaxOf(re))
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

// TestStartsBeginEveryMatch: every match of a pattern begins with one of
// the texts read from it, spelled out as far as the pattern allows; a
// pattern that can begin with a repeat, a case-folded letter, a wide class
// or nothing at all gets no set.
func TestStartsBeginEveryMatch(t *testing.T) {
	tests := []struct {
		pattern string
		texts   []string
		want    []string // sorted; nil for no set
	}{
		{`grain\s+deal|water accord`, []string{"the grain  deal and the water accord"}, []string{"grain", "water accord"}},
		{`(?:united states|u\.s\.|america)[- ]?led\s+pact`, []string{"a u.s.-led pact, a united states led pact, an americaled pact"}, []string{
			"americaled", "america led", "america-led", "u.s.led", "u.s. led", "u.s.-led", "united statesled", "united states led", "united states-led"}},
		{`(?:Mr|Mrs|Sen\.) (\p{Lu}\p{Ll}+)`, []string{"Mr Lind met Sen. Vik and Mrs Ola"}, []string{"Mr ", "Mrs ", "Sen. "}},
		{`[gG]rain deal`, []string{"Grain deal, grain deal"}, []string{"Grain deal", "grain deal"}},
		{`\ba?b`, []string{"ab b"}, []string{"ab", "b"}},
		{`(?i)ok`, []string{"OK, ok, oK"}, []string{"OK", "Ok", "oK", "ok", "o\u212a", "O\u212a"}}, // K and the Kelvin sign fold together
		{`\s*deal`, []string{" deal"}, nil},
		{`deal|\d+ accord`, []string{"deal 5 accord"}, nil},
		{`\p{Lu}\p{Ll}+ said`, []string{"Vik said"}, nil},
		{`x?`, []string{"x"}, nil},
	}
	for _, tc := range tests {
		re := regexp.MustCompile(tc.pattern)
		set := startsOf(syntaxOf(re))
		var got []string
		if set != nil {
			for _, ts := range set.byFirst {
				got = append(got, ts...)
			}
			sort.Strings(got)
		}
		sort.Strings(tc.want)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: starts %q, want %q", tc.pattern, got, tc.want)
		}
		for _, text := range tc.texts {
			for _, m := range re.FindAllStringIndex(text, -1) {
				if !set.begins(text[m[0]:]) {
					t.Errorf("%s: match %q begins with none of %q", tc.pattern, text[m[0]:m[1]], got)
				}
			}
		}
	}
	// Too many spellings to list in full: they stop short, as many as
	// maxStarts allows, and still begin every match.
	set := startsOf(syntaxOf(regexp.MustCompile(`(?i)this grain deal`)))
	n := 0
	for _, ts := range set.byFirst {
		n += len(ts)
	}
	if n == 0 || n > maxStarts || !set.begins("THIS GRAIN DEAL") || !set.begins("this Grain deal") || set.begins("that grain deal") {
		t.Errorf("(?i)this grain deal: %d texts", n)
	}
}

// TestStartsSecondByte: a text whose second byte no start with its first
// has is turned away, one begun by a start of one byte is not, and what
// begins says is what comparing with each start says.
func TestStartsSecondByte(t *testing.T) {
	set := startsOf(syntaxOf(regexp.MustCompile(`(?:Mr|Ms|Sen\.|D)\b`)))
	for text, want := range map[string]bool{"Mr Vik": true, "Mx Vik": false, "Ms": true, "Se": false,
		"Sen. Vik": true, "Sir": false, "Dx": true, "D": true, "M": false, "": false, "rM": false} {
		if got := set.begins(text); got != want {
			t.Errorf("begins(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestReachKeepsEveryMatch: an anchored pattern tried on the text up to
// reach finds at every position what it finds on the whole text, and reach
// does cut the text short where a byte no match holds comes first.
func TestReachKeepsEveryMatch(t *testing.T) {
	tests := []struct {
		pattern string
		text    string
		cuts    bool // some position's reach falls short of the text's end
	}{
		{`((?:\p{Lu}\. )?\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,3}) (?:said|says)\b`, `On Monday, J. Ole Vik said no; "Lind says" Lind sayso, Éva Öst said`, true},
		{`(?:grain deal|deal)\b`, "the grain deal, the grain deals, a deal.", true},
		{`(?:[Ss]pokesman|Minister) (\p{Lu}[\p{L}.'-]*)`, "Spokesman Al-Haj and minister Kim, Minister D'Arcy-Lee", true},
		{`(?:deal)$`, "a deal, the deal", false}, // tests its input's end: never cut
		{`x.y`, "x,y xzy", false},                // any byte but a newline may be in it: never cut
		{`x\n.`, "x\nz x\n\n", false},            // a newline too
	}
	for _, tc := range tests {
		at := regexp.MustCompile(`^(?:` + tc.pattern + `)`)
		inner := innerBytes(syntaxOf(regexp.MustCompile(tc.pattern)))
		cut := false
		for pos := range tc.text {
			end := reach(tc.text, pos, inner)
			cut = cut || end < len(tc.text)
			if got, want := at.FindStringSubmatchIndex(tc.text[pos:end]), at.FindStringSubmatchIndex(tc.text[pos:]); !slices.Equal(got, want) {
				t.Errorf("%s at %d: %v up to %d, %v on the whole text", tc.pattern, pos, got, end, want)
			}
		}
		if cut != tc.cuts {
			t.Errorf("%s: some reach cuts the text: %v, want %v", tc.pattern, cut, tc.cuts)
		}
	}
}

// TestNeedsHeldByEveryMatch: the texts a pattern needs are ones every
// match holds, the longest its syntax shows, without a text that holds
// another; a pattern whose every part may be absent or is a wide class
// needs nothing. Each match of the pattern on the line holds a text.
func TestNeedsHeldByEveryMatch(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
		line    string
	}{
		{`\d+ (?:apples)?`, []string{" "}, "12 apples and 3 pears"},
		{`(\p{Lu}\p{Ll}+), (?:a|the) \p{Ll}+ (?:with|for) \p{Lu}`, []string{" for ", " with "}, "Ana Ruiz, a fellow with Lake College, and Omar Haddad, the head for Water Watch"},
		{`[Ss]aid (\p{Lu}\p{Ll}+)`, []string{"Said ", "said "}, "Said Omar, said Ana."},
		{`(\p{Lu}\p{Ll}+)'s (?:\p{Ll}+ ){0,3}(?:envoy|minister)(?: to the \p{Lu}+)?, `, []string{"envoy", "minister"}, "Peru's water minister, Ines Quispe, met Chile's envoy to the UN, Tomas Vera."},
		{`(?:ab)+c`, []string{"ab"}, "xababc"},
		{`(?:foo)?\w+`, nil, "foo bar"},
		{`\p{Lu}\p{Ll}+`, nil, "Ana"},
	}
	for _, tc := range tests {
		re := regexp.MustCompile(tc.pattern)
		got := needsOf(syntaxOf(re))
		sort.Strings(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q needs %q, want %q", tc.pattern, got, tc.want)
		}
		ms := re.FindAllString(tc.line, -1)
		if len(ms) == 0 {
			t.Errorf("%q: no match on %q, the check shows nothing", tc.pattern, tc.line)
		}
		for _, m := range ms {
			if !holdsAny(m, got) {
				t.Errorf("%q: match %q holds none of %q", tc.pattern, m, got)
			}
		}
	}
}
