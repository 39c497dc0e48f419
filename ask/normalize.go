package ask

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuestion is how many characters (code points) of a question Parse
// reads; the rest is ignored, so a 100,000-character question costs no
// more than a 500-character one.
const MaxQuestion = 500

// text is a question split into words: punctuation gone, curly quotes
// straightened, invalid UTF-8 and control characters treated as spaces.
type text struct {
	orig   []string // the words as written, for the names handed to the resolver
	lower  []string // the same words lowercased, for matching
	s      string   // lower joined by single spaces: what the patterns see
	starts []int    // byte offset of each word in s
}

// contractions are expanded so that "who's against it" reads as "who is
// against it". Possessives ("Turkey's") are left alone.
var contractions = map[string]string{
	"who's": "is", "what's": "is", "where's": "is", "how's": "is",
	"it's": "is", "that's": "is", "there's": "is",
	"who're": "are", "what're": "are", "where're": "are",
}

// Politeness and command words that carry no meaning for the intent:
// "can you tell me who opposed the deal" reads as "who opposed the deal".
var (
	leadingFiller = [][]string{
		{"i", "would", "like", "to", "know"}, {"i'd", "like", "to", "know"},
		{"i", "want", "to", "know"}, {"i", "wonder"}, {"do", "you", "know"},
		{"let", "me", "know"}, {"can", "you"}, {"could", "you"}, {"would", "you"},
		{"will", "you"}, {"please"}, {"kindly"}, {"hey"}, {"hi"}, {"ok"}, {"okay"},
		{"so"}, {"tell", "me"}, {"tell", "us"}, {"show", "me"}, {"show", "us"},
		{"give", "me"}, {"give", "us"}, {"find", "me"}, {"get", "me"},
		{"show"}, {"list"}, {"give"}, {"find"}, {"get"}, {"display"}, {"name"},
	}
	trailingFiller = [][]string{{"please"}, {"thanks"}, {"thank", "you"}}
)

// normalize reads at most MaxQuestion characters of q.
func normalize(q string) text {
	rs := make([]rune, 0, 64)
	for _, r := range q {
		if len(rs) == MaxQuestion {
			break
		}
		rs = append(rs, fold(r))
	}

	var b strings.Builder
	seg := 0 // word characters since the last space or dropped period
	for i, r := range rs {
		switch {
		case isWord(r):
			b.WriteRune(r)
			seg++
		case r == '\'' || r == '-':
			// Kept inside a word ("Turkey's", "al-Sharaa"), a space
			// anywhere else ('Turkey', a dash between words).
			if i > 0 && i+1 < len(rs) && isWord(rs[i-1]) && isWord(rs[i+1]) {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
			seg = 0
		case r == '.' && seg == 1:
			// An initial: "U.S." reads as "US", "U.A.E." as "UAE".
			seg = 0
		default:
			b.WriteByte(' ')
			seg = 0
		}
	}

	var t text
	for _, w := range strings.Fields(b.String()) {
		lw := strings.ToLower(w)
		if verb, ok := contractions[lw]; ok {
			cut := strings.IndexByte(w, '\'')
			t.orig = append(t.orig, w[:cut], verb)
			t.lower = append(t.lower, lw[:strings.IndexByte(lw, '\'')], verb)
			continue
		}
		t.orig = append(t.orig, w)
		t.lower = append(t.lower, lw)
	}
	t.trim()
	t.join()
	return t
}

// join makes s and starts from the words.
func (t *text) join() {
	var s strings.Builder
	t.starts = make([]int, len(t.lower))
	for i, w := range t.lower {
		if i > 0 {
			s.WriteByte(' ')
		}
		t.starts[i] = s.Len()
		s.WriteString(w)
	}
	t.s = s.String()
}

// replace puts words in place of the words [from, to).
func (t *text) replace(from, to int, words ...string) {
	t.orig = append(append(append([]string{}, t.orig[:from]...), words...), t.orig[to:]...)
	t.lower = append(append(append([]string{}, t.lower[:from]...), words...), t.lower[to:]...)
	t.join()
}

// trim drops leading and trailing filler words, repeatedly.
func (t *text) trim() {
	for changed := true; changed; {
		changed = false
		for _, f := range leadingFiller {
			// Never strip the whole question: "list" alone stays "list".
			if len(f) < len(t.lower) && hasPrefix(t.lower, f) {
				t.orig, t.lower = t.orig[len(f):], t.lower[len(f):]
				changed = true
				break
			}
		}
		for _, f := range trailingFiller {
			if len(f) < len(t.lower) && hasPrefix(t.lower[len(t.lower)-len(f):], f) {
				t.orig, t.lower = t.orig[:len(t.lower)-len(f)], t.lower[:len(t.lower)-len(f)]
				changed = true
				break
			}
		}
	}
}

func hasPrefix(words, prefix []string) bool {
	if len(prefix) > len(words) {
		return false
	}
	for i, p := range prefix {
		if words[i] != p {
			return false
		}
	}
	return true
}

// span returns the words as written that make up s[start:end], or nil if
// the range does not fall on word boundaries.
func (t *text) span(start, end int) []string {
	first, last := -1, -1
	for i, off := range t.starts {
		if off == start {
			first = i
		}
		if off+len(t.lower[i]) == end {
			last = i
		}
	}
	if first < 0 || last < first {
		return nil
	}
	return t.orig[first : last+1]
}

// fold straightens quotes and apostrophes.
func fold(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc', '`', '\u00b4':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
		return '"'
	}
	return r
}

func isWord(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}
