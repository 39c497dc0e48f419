package extract

import (
	"regexp"
	resyntax "regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// firstBytes returns, for each byte, whether a match of r (a simplified
// syntax tree: syntaxOf) can begin with it: a position whose byte is not
// among them cannot start a match, so the pattern need not be tried
// there. A pattern that can match the empty string may start anywhere.
func firstBytes(r *resyntax.Regexp) *[256]bool {
	var set [256]bool
	if nullable := addFirst(r, &set); nullable {
		for b := range set {
			set[b] = true
		}
	}
	return &set
}

// syntaxOf is re's simplified syntax tree.
func syntaxOf(re *regexp.Regexp) *resyntax.Regexp {
	parsed, err := resyntax.Parse(re.String(), resyntax.Perl)
	if err != nil {
		panic(err) // re compiled from the same text
	}
	return parsed.Simplify()
}

// addFirst adds the bytes that can begin a match of r to set (none if set
// is nil) and reports whether r can match the empty string (then what
// follows it can begin a match too).
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

// addRunes adds the first bytes of the UTF-8 encodings of lo..hi to set
// (to none when set is nil). Lead bytes rise with the rune, so those of a
// range run from lo's to hi's. The matcher reads a byte that starts no
// valid character as U+FFFD, so a range holding U+FFFD may begin at any
// byte from 0x80.
func addRunes(set *[256]bool, lo, hi rune) {
	if set == nil {
		return
	}
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

// starts holds texts one of which begins every match of a pattern, by
// their first byte: a position that begins with none of them cannot start
// a match. A nil set knows no such texts and lets every position through.
type starts struct {
	byFirst [256][]string
	// spaced: each space of the texts stands for a run of white space
	// (`\s+`), as between the words of a topic's terms.
	spaced bool
	// seconds, when set, holds for each first byte the second bytes of
	// the texts that begin with it (every byte for a text of one): a text
	// whose second is not among them is turned away before the list is
	// read (a title's alternatives are asked at every place up to its
	// trigger, a speech verb's at each hit).
	seconds *[256][4]uint64
}

// maxStarts bounds how far the texts are spelled out: a pattern's
// alternatives multiply them.
const maxStarts = 512

// startsOf reads the texts from r (syntaxOf), or returns nil if a match
// can begin with a class of many characters, a repeat, or nothing at all.
func startsOf(r *resyntax.Regexp) *starts {
	texts, _ := spelled(r)
	if texts == nil {
		return nil
	}
	s := starts{seconds: new([256][4]uint64)}
	for _, t := range texts {
		if t == "" {
			return nil // a match may begin anywhere
		}
		s.byFirst[t[0]] = append(s.byFirst[t[0]], t)
		if len(t) == 1 {
			s.seconds[t[0]] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		} else {
			s.seconds[t[0]][t[1]>>6] |= 1 << (t[1] & 63)
		}
	}
	return &s
}

// begins reports whether text begins with one of the texts. Small
// enough to be inlined: most texts are turned away at their first byte,
// with no call (a title's alternatives are asked in turn at each place).
func (s *starts) begins(text string) bool {
	if s == nil {
		return true
	}
	return text != "" && s.byFirst[text[0]] != nil && s.beginsWith(text)
}

// beginsWith is begins for a text whose first byte some of the texts
// begin with.
func (s *starts) beginsWith(text string) bool {
	if s.spaced {
		return slices.ContainsFunc(s.byFirst[text[0]], func(t string) bool { return spacedPrefix(text, t) })
	}
	if s.seconds != nil && len(text) > 1 && s.seconds[text[0]][text[1]>>6]&(1<<(text[1]&63)) == 0 {
		return false
	}
	for _, t := range s.byFirst[text[0]] {
		// Most texts with the first byte differ in the second, which is
		// compared here, before a call.
		if len(t) > 1 && (len(text) < 2 || text[1] != t[1]) {
			continue
		}
		if strings.HasPrefix(text, t) {
			return true
		}
	}
	return false
}

// spelled returns texts one of which begins every match of r (nil if it
// cannot tell) and whether r matches those texts and nothing else, so
// that what follows r in a concatenation may spell them out further.
func spelled(r *resyntax.Regexp) (texts []string, whole bool) {
	switch r.Op {
	case resyntax.OpEmptyMatch, resyntax.OpBeginLine, resyntax.OpEndLine, resyntax.OpBeginText,
		resyntax.OpEndText, resyntax.OpWordBoundary, resyntax.OpNoWordBoundary:
		return []string{""}, true // matches nothing but the empty text
	case resyntax.OpLiteral:
		if r.Flags&resyntax.FoldCase == 0 {
			return []string{string(r.Rune)}, true
		}
		// The parser writes "[Ss]" as a case-folded "s": each letter in
		// each of its cases.
		acc := []string{""}
		for _, c := range r.Rune {
			cases := []string{string(c)}
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				cases = append(cases, string(f))
			}
			next, ok := cross(acc, cases)
			if !ok {
				return acc, false
			}
			acc = next
		}
		return acc, true
	case resyntax.OpCharClass:
		var out []string
		for k := 0; k+1 < len(r.Rune); k += 2 {
			for c := r.Rune[k]; c <= r.Rune[k+1]; c++ {
				if len(out) == 8 {
					return nil, false
				}
				out = append(out, string(c))
			}
		}
		return out, true
	case resyntax.OpCapture:
		return spelled(r.Sub[0])
	case resyntax.OpQuest:
		sub, whole := spelled(r.Sub[0])
		if sub == nil {
			return nil, false
		}
		return append([]string{""}, sub...), whole
	case resyntax.OpConcat:
		acc := []string{""}
		for _, sub := range r.Sub {
			texts, whole := spelled(sub)
			next, ok := cross(acc, texts)
			if texts == nil || !ok {
				return acc, false
			}
			acc = next
			if !whole {
				return acc, false
			}
		}
		return acc, true
	case resyntax.OpAlternate:
		var out []string
		all := true
		for _, sub := range r.Sub {
			texts, whole := spelled(sub)
			if texts == nil {
				return nil, false
			}
			out, all = append(out, texts...), all && whole
		}
		return out, all
	}
	return nil, false
}

// cross is every text of a followed by every text of b, or false if that
// makes more than maxStarts.
func cross(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxStarts {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out, true
}

// innerBytes returns, for each byte, whether it can occur in a match of r
// (syntaxOf; every byte from 0x80 for a pattern that can match any
// non-ASCII character), or nil if r tests the end of its input ("$"),
// which a shortened input would fake.
func innerBytes(r *resyntax.Regexp) *[256]bool {
	var set [256]bool
	if !addInner(r, &set) {
		return nil
	}
	return &set
}

// addInner adds the bytes a match of r can hold to set and reports false
// if r tests the end of its input.
func addInner(r *resyntax.Regexp, set *[256]bool) bool {
	switch r.Op {
	case resyntax.OpEndText, resyntax.OpEndLine:
		return false
	case resyntax.OpLiteral, resyntax.OpCharClass:
		runes := r.Rune
		if r.Op == resyntax.OpLiteral {
			runes = nil
			for _, c := range r.Rune {
				runes = append(runes, c, c)
				if r.Flags&resyntax.FoldCase != 0 {
					for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
						runes = append(runes, f, f)
					}
				}
			}
		}
		high := false
		for k := 0; k+1 < len(runes); k += 2 {
			for c := runes[k]; c <= min(runes[k+1], utf8.RuneSelf-1); c++ {
				set[c] = true
			}
			high = high || runes[k+1] >= utf8.RuneSelf
		}
		if high {
			for c := utf8.RuneSelf; c < len(set); c++ {
				set[c] = true
			}
		}
	case resyntax.OpAnyChar, resyntax.OpAnyCharNotNL:
		for c := range set {
			set[c] = set[c] || c != '\n' || r.Op == resyntax.OpAnyChar
		}
	}
	for _, sub := range r.Sub {
		if !addInner(sub, set) {
			return false
		}
	}
	return true
}

// needsOf returns texts one of which every match of r (syntaxOf) holds
// somewhere, the longest the syntax shows (nil if it shows none): a
// stretch of text that holds none of them holds no match. Runs of a
// concatenation that spell out their texts give them, as do the texts
// that begin a part of it; a part that may be absent gives nothing.
func needsOf(r *resyntax.Regexp) []string {
	var best []string
	consider := func(texts []string) {
		if len(texts) == 0 || slices.Contains(texts, "") {
			return
		}
		if texts = fewest(texts); len(texts) > maxNeeds {
			return // each text costs a scan of the try's reach
		}
		if best == nil || shortest(texts) > shortest(best) || shortest(texts) == shortest(best) && len(texts) < len(best) {
			best = texts
		}
	}
	var visit func(r *resyntax.Regexp)
	visit = func(r *resyntax.Regexp) {
		switch r.Op {
		case resyntax.OpCapture, resyntax.OpPlus:
			visit(r.Sub[0])
		case resyntax.OpRepeat:
			if r.Min >= 1 {
				visit(r.Sub[0])
			}
		case resyntax.OpConcat:
			acc := []string{""}
			for _, sub := range r.Sub {
				texts, whole := spelled(sub)
				next, ok := cross(acc, texts)
				if texts != nil && ok && whole {
					acc = next
					continue
				}
				if texts != nil && ok {
					consider(next) // the run, then how sub begins
				} else {
					consider(acc)
				}
				acc = []string{""}
				visit(sub)
			}
			consider(acc)
		default:
			if texts, whole := spelled(r); whole {
				consider(texts)
			}
		}
	}
	visit(r)
	return best
}

// fewest drops the texts that hold another of texts: a stretch that holds
// one of them holds the other.
func fewest(texts []string) []string {
	var out []string
	for i, t := range texts {
		held := false
		for j, u := range texts {
			if j != i && strings.Contains(t, u) && (len(u) < len(t) || j < i) {
				held = true
				break
			}
		}
		if !held {
			out = append(out, t)
		}
	}
	return out
}

// maxNeeds bounds the texts a try's reach is searched for: more cost
// more than most failed tries they would save.
const maxNeeds = 8

func shortest(texts []string) int {
	n := len(texts[0])
	for _, t := range texts {
		n = min(n, len(t))
	}
	return n
}

// holdsAny reports whether text holds one of texts; with none, it holds
// what they would say.
func holdsAny(text string, texts []string) bool {
	return texts == nil || containsAny(text, texts)
}

// reach is how much of text from pos a pattern whose matches hold only
// inner's bytes needs to read to match there as it would on all of text:
// up to the first byte no match can hold, and that byte, which "\b" reads.
// A nil inner needs all of text.
func reach(text string, pos int, inner *[256]bool) int {
	if inner == nil {
		return len(text)
	}
	k := pos
	for k < len(text) && inner[text[k]] {
		k++
	}
	return min(len(text), k+1)
}
