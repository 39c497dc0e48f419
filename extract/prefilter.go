package extract

import (
	"regexp/syntax"
	"strings"
)

// requiredLiterals returns strings of which at least one occurs in every
// text the pattern matches, or nil when no such set is known. Testing them
// with strings.Contains is far cheaper than running the pattern, and most
// sentences contain none of a cue's literals.
func requiredLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	lits := required(re.Simplify())
	for _, l := range lits {
		if len(l) < 2 {
			return nil // too short to rule anything out
		}
	}
	return lits
}

func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return []string{strings.ToLower(string(re.Rune))}
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		// Join adjacent literals into one longer literal, then keep the
		// child whose set has the longest shortest member.
		var best []string
		score := func(ls []string) int {
			if ls == nil {
				return 0
			}
			m := len(ls[0])
			for _, l := range ls[1:] {
				m = min(m, len(l))
			}
			return m
		}
		var run strings.Builder
		flush := func() {
			if run.Len() > 0 {
				if c := []string{run.String()}; score(c) > score(best) {
					best = c
				}
				run.Reset()
			}
		}
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 {
				run.WriteString(string(sub.Rune))
				continue
			}
			flush()
			if c := required(sub); score(c) > score(best) {
				best = c
			}
		}
		flush()
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			c := required(sub)
			if c == nil {
				return nil
			}
			out = append(out, c...)
		}
		return out
	}
	return nil
}

// mayMatch reports whether text contains one of the literals, or true when
// there are none to test.
func mayMatch(text string, lits []string) bool {
	if lits == nil {
		return true
	}
	for _, l := range lits {
		if strings.Contains(text, l) {
			return true
		}
	}
	return false
}
