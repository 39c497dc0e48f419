package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The name-led patterns whose name ends the match (a title or a speech
// verb, then a name) are read here without a regular expression: the
// backtracking matcher's tries of them were the largest single cost of
// finding people. Each function reads what its pattern reads, taking at
// every optional part the way the pattern prefers (leftmost-first), and
// TestNamesReadAsThePatterns compares them with the patterns.

// nameEnd is where personName, read from s[i:], ends; -1 if it does not
// match there.
func nameEnd(s string, i int) int {
	// "A. Ruiz": an initial first, if a name follows it.
	if r, n := runeAt(s, i); n > 0 && unicode.IsUpper(r) && strings.HasPrefix(s[i+n:], ". ") {
		if e := nameParts(s, i+n+2); e >= 0 {
			return e
		}
	}
	return nameParts(s, i)
}

// nameParts reads a name part and up to three more, each after a space
// and perhaps a particle ("bin", "de").
func nameParts(s string, i int) int {
	e := namePartEnd(s, i)
	for k := 0; k < 3 && e >= 0 && e < len(s) && s[e] == ' '; k++ {
		next, rest := -1, s[e+1:]
		// The first byte before the loop: most words after a name's part
		// are its next part, with a capital no particle begins with.
		if rest != "" && particleLead[rest[0]] {
			for _, p := range personParticles {
				if rest[0] == p[0] && strings.HasPrefix(rest, p) {
					next = namePartEnd(s, e+1+len(p))
					break // the particles differ before their spaces: one at most begins here
				}
			}
		}
		if next < 0 {
			next = namePartEnd(s, e+1)
		}
		if next < 0 {
			break
		}
		e = next
	}
	return e
}

// personParticles are personName's particles, each with its space, and
// particleLead the bytes they begin with.
var (
	personParticles = append(append([]string{}, nameParticles...), "Abu ")
	particleLead    = func() (t [256]bool) {
		for _, p := range personParticles {
			t[p[0]] = true
		}
		return t
	}()
)

// namePartEnd is where namePart, read from s[i:], ends; -1 if none.
func namePartEnd(s string, i int) int {
	if i+3 <= len(s) && s[i+1] == 'l' && s[i+2] == '-' && (s[i]|0x20 == 'a' || s[i]|0x20 == 'e') {
		if e := nameCore(s, i+3); e >= 0 {
			return e // "al-Sharaa"
		}
	}
	return nameCore(s, i)
}

// nameCore is namePart after its "al-": "O'" perhaps, a capitalised word,
// and perhaps a capitalised part ("McConnell"), one after an apostrophe
// ("D'Alema"'s second) and one after a hyphen.
func nameCore(s string, i int) int {
	if r, n := runeAt(s, i); n > 0 && unicode.IsUpper(r) && i+n < len(s) && s[i+n] == '\'' {
		if e := nameWord(s, i+n+1); e >= 0 {
			return e // "O'Brien"
		}
	}
	return nameWord(s, i)
}

// nameWord is nameCore's word and its optional parts.
func nameWord(s string, i int) int {
	e := capitalised(s, i)
	if e < 0 {
		return -1
	}
	if k := capitalised(s, e); k >= 0 {
		e = k
	}
	if e < len(s) && s[e] == '\'' {
		if k := capitalised(s, e+1); k >= 0 {
			e = k
		}
	}
	if e < len(s) && s[e] == '-' {
		if k := capitalised(s, e+1); k >= 0 {
			e = k
		}
	}
	return e
}

// capitalised is where \p{Lu}\p{Ll}+ read from s[i:] ends; -1 if none.
func capitalised(s string, i int) int {
	r, n := runeAt(s, i)
	if n == 0 || !unicode.IsUpper(r) {
		return -1
	}
	e := i + n
	for e < len(s) {
		// The lower-case letters of ASCII without a call: a name's are
		// nearly all of them.
		if c := s[e]; c < utf8.RuneSelf {
			if c < 'a' || 'z' < c {
				break
			}
			e++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[e:])
		if !unicode.IsLower(r) {
			break
		}
		e += n
	}
	if e == i+n {
		return -1
	}
	return e
}

// runeAt is the character at byte i of s and its length, 0 past the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// nameAfter is the match of a pattern that is a head (s[:head], no
// group) and then (personName): "said Ana Ruiz".
func nameAfter(s string, head int) []int {
	e := nameEnd(s, head)
	if e < 0 {
		return nil
	}
	return []int{0, e, head, e}
}

// nameThenSpeech is the match of reSpeechBefore, (personName), a space
// and a speech verb, from s[head:] (head is 0: the pattern has no head).
// Only the name's longest reading can be followed by the verb: a shorter
// one ends before a space only where the longest goes on to a particle
// or a capital, and no verb is either.
func nameThenSpeech(s string, head int) []int {
	e := nameEnd(s, head)
	if e < 0 || e >= len(s) || s[e] != ' ' {
		return nil
	}
	for _, v := range speechVerbList {
		if end := e + 1 + len(v); strings.HasPrefix(s[e+1:], v) && (end == len(s) || !asciiWordByte(s[end])) {
			return []int{head, end, head, e}
		}
	}
	return nil
}

// speechVerbList is speechVerbs in its order.
var speechVerbList = strings.Split(speechVerbs, "|")

// titledAfter is the match of a title pattern: (role), s[:head], then
// titledRest (a space, (personName) and perhaps " (R-KY)").
func titledAfter(s string, head int) []int {
	if head >= len(s) || s[head] != ' ' {
		return nil
	}
	e := nameEnd(s, head+1)
	if e < 0 {
		return nil
	}
	m := []int{0, e, 0, head, head + 1, e, -1, -1}
	// " (R-KY)": a party's letter and a state's code.
	if t := s[e:]; len(t) >= 7 && t[:2] == " (" && strings.IndexByte("RDI", t[2]) >= 0 && t[3] == '-' &&
		'A' <= t[4] && t[4] <= 'Z' && 'A' <= t[5] && t[5] <= 'Z' && t[6] == ')' {
		m[1], m[6], m[7] = e+7, e+2, e+3
	}
	return m
}
