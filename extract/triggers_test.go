package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The trigger sets' general search, the tests' reference: the extractor
// reads the person triggers with findAtWords alone, over the words it
// found already.

// find returns the occurrences in s by offset, overlapping ones included,
// in dst's room. With atWords, a trigger that begins with a letter counts
// only at the start of a word: "ms" in "Ms Lind", not in "arms".
func (ts *triggerSet) find(dst []hit, s string, atWords bool) []hit {
	if atWords && ts.atStarts {
		return ts.findAtWords(dst, s, tokenize(s), 0)
	}
	out := dst[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		r, one := ts.bySecond[c], ts.single[c]
		if r == nil && one < 0 {
			continue
		}
		if atWords && i > 0 && asciiLetter(c) && asciiAlnum(s[i-1]) {
			// Inside a word a trigger that begins with a letter does not
			// count, here nor at the letters after: passed over at once.
			for i+1 < len(s) && asciiLetter(s[i+1]) {
				i++
			}
			continue
		}
		var from, to int32
		if r != nil && i+1 < len(s) {
			from, to = r.at[s[i+1]], r.at[int(s[i+1])+1]
		}
		if one < 0 && from == to {
			continue
		}
		word := atWords && inWord(s, i)
		if one >= 0 && !(word && startsWord(ts.list[one])) {
			out = append(out, ts.hit(i, one))
		}
		for k := from; k < to; k++ {
			if t := ts.list[k]; strings.HasPrefix(s[i:], t) && !(word && startsWord(t)) {
				out = append(out, ts.hit(i, k))
			}
		}
	}
	return out
}

// inWord reports whether the byte at i of s continues a word: a letter
// or digit comes right before it.
func inWord(s string, i int) bool {
	if i == 0 {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return asciiAlnum(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// startsWord reports whether a trigger begins with a letter.
func startsWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}
