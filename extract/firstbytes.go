package extract

import (
	"regexp"
	resyntax "regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// firstBytes returns, for each byte, whether a match of re can begin with
// it: a position whose byte is not among them cannot start a match, so
// the pattern need not be tried there. A pattern that can match the empty
// string may start anywhere.
func firstBytes(re *regexp.Regexp) *[256]bool {
	var set [256]bool
	parsed, err := resyntax.Parse(re.String(), resyntax.Perl)
	if err != nil {
		panic(err) // re compiled from the same text
	}
	if nullable := addFirst(parsed.Simplify(), &set); nullable {
		for b := range set {
			set[b] = true
		}
	}
	return &set
}

// addFirst adds the bytes that can begin a match of r to set and reports
// whether r can match the empty string (then what follows it can begin a
// match too).
func addFirst(r *resyntax.Regexp, set *[256]bool) (nullable bool) {
	switch r.Op {
	case resyntax.OpNoMatch:
		return false
	case resyntax.OpLiteral:
		if len(r.Rune) == 0 {
			return true
		}
		c := r.Rune[0]
		addRunes(set, c, c)
		if r.Flags&resyntax.FoldCase != 0 {
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				addRunes(set, f, f)
			}
		}
		return false
	case resyntax.OpCharClass:
		for k := 0; k+1 < len(r.Rune); k += 2 {
			addRunes(set, r.Rune[k], r.Rune[k+1])
		}
		return false
	case resyntax.OpAnyChar:
		addRunes(set, 0, unicode.MaxRune)
		return false
	case resyntax.OpAnyCharNotNL:
		addRunes(set, 0, '\n'-1)
		addRunes(set, '\n'+1, unicode.MaxRune)
		return false
	case resyntax.OpCapture, resyntax.OpPlus:
		return addFirst(r.Sub[0], set)
	case resyntax.OpStar, resyntax.OpQuest:
		addFirst(r.Sub[0], set)
		return true
	case resyntax.OpRepeat:
		return addFirst(r.Sub[0], set) || r.Min == 0
	case resyntax.OpConcat:
		for _, sub := range r.Sub {
			if !addFirst(sub, set) {
				return false
			}
		}
		return true
	case resyntax.OpAlternate:
		for _, sub := range r.Sub {
			if addFirst(sub, set) {
				nullable = true
			}
		}
		return nullable
	default: // empty match, anchors, word boundaries: match no byte
		return true
	}
}

// addRunes adds the first bytes of the UTF-8 encodings of lo..hi. Lead
// bytes rise with the rune, so those of a range run from lo's to hi's. The
// matcher reads a byte that starts no valid character as U+FFFD, so a
// range holding U+FFFD may begin at any byte from 0x80.
func addRunes(set *[256]bool, lo, hi rune) {
	for c := lo; c <= min(hi, utf8.RuneSelf-1); c++ {
		set[c] = true
	}
	if hi < utf8.RuneSelf {
		return
	}
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		for c := utf8.RuneSelf; c < len(set); c++ {
			set[c] = true
		}
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

// literalStarts returns texts one of which begins every match of re, or
// nil if it cannot tell (a class, a repeat or a case-folded letter
// first). A state's names at the start of a topic term give one text per
// spelling.
func literalStarts(re *regexp.Regexp) []string {
	parsed, err := resyntax.Parse(re.String(), resyntax.Perl)
	if err != nil {
		panic(err) // re compiled from the same text
	}
	return starts(parsed.Simplify())
}

func starts(r *resyntax.Regexp) []string {
	switch r.Op {
	case resyntax.OpLiteral:
		if len(r.Rune) == 0 || r.Flags&resyntax.FoldCase != 0 {
			return nil
		}
		return []string{string(r.Rune)}
	case resyntax.OpCapture:
		return starts(r.Sub[0])
	case resyntax.OpConcat:
		if len(r.Sub) == 0 {
			return nil
		}
		return starts(r.Sub[0])
	case resyntax.OpAlternate:
		var out []string
		for _, sub := range r.Sub {
			s := starts(sub)
			if s == nil {
				return nil
			}
			out = append(out, s...)
		}
		return out
	}
	return nil
}
