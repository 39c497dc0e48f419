package extract

import (
	"regexp"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// firstBytes returns, for each byte, whether a match of re can begin with
// it: a position whose byte is not among them cannot start a match, so
// the pattern need not be tried there. A pattern that can match the empty
// string may start anywhere.
func firstBytes(re *regexp.Regexp) *[256]bool {
	var set [256]bool
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err) // re compiled from the same text
	}
	if nullable := first(parsed.Simplify(), &set); nullable {
		for b := range set {
			set[b] = true
		}
	}
	return &set
}

// first adds the bytes that can begin a match of r to set and reports
// whether r can match the empty string (then what follows it can begin a
// match too).
func first(r *syntax.Regexp, set *[256]bool) (nullable bool) {
	switch r.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpLiteral:
		if len(r.Rune) == 0 {
			return true
		}
		c := r.Rune[0]
		addRunes(set, c, c)
		if r.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				addRunes(set, f, f)
			}
		}
		return false
	case syntax.OpCharClass:
		for k := 0; k+1 < len(r.Rune); k += 2 {
			addRunes(set, r.Rune[k], r.Rune[k+1])
		}
		return false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		addRunes(set, 0, unicode.MaxRune)
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return first(r.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		first(r.Sub[0], set)
		return true
	case syntax.OpRepeat:
		return first(r.Sub[0], set) || r.Min == 0
	case syntax.OpConcat:
		for _, sub := range r.Sub {
			if !first(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range r.Sub {
			if first(sub, set) {
				nullable = true
			}
		}
		return nullable
	default: // empty match, anchors, word boundaries: match no byte
		return true
	}
}

// addRunes adds the first bytes of the UTF-8 encodings of lo..hi. Lead
// bytes rise with the rune, so those of a range run from lo's to hi's.
func addRunes(set *[256]bool, lo, hi rune) {
	for c := lo; c <= min(hi, utf8.RuneSelf-1); c++ {
		set[c] = true
	}
	if hi < utf8.RuneSelf {
		return
	}
	for c := lead(max(lo, utf8.RuneSelf)); c <= lead(min(hi, unicode.MaxRune)); c++ {
		set[c] = true
	}
}

// lead is the first byte of r's UTF-8 encoding, r at least 0x80
// (surrogates taken as the values they are).
func lead(r rune) int {
	switch {
	case r < 0x800:
		return 0xC0 | int(r>>6)
	case r < 0x10000:
		return 0xE0 | int(r>>12)
	}
	return 0xF0 | int(r>>18)
}
