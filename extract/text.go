package extract

import (
	"bytes"
	"io"
	"iter"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/stancegraph/stancegraph/dates"
	"github.com/stancegraph/stancegraph/extract/wordset"
	"github.com/stancegraph/stancegraph/model"
)

// Document is an article's plain text, ready for extraction. For HTML the
// text is what a reader sees (scripts and styles dropped); claim offsets
// refer to this text.
type Document struct {
	Name string
	Text string
	// Published is the date the file says it was published (YYYY-MM-DD),
	// or "" when it does not say.
	Published string
}

// Load validates and decodes one article. It reads at most maxBytes+1
// bytes, so an oversized input is refused without reading it whole.
func Load(name string, r io.Reader, maxBytes int64) (Document, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return Document{}, model.Wrap(model.Invalid, err, "%s: read", name)
	}
	if int64(len(b)) > maxBytes {
		return Document{}, model.Errorf(model.TooLarge, "%s: larger than the %d-byte cap (ingest.max_bytes)", name, maxBytes)
	}
	return Parse(name, b)
}

// Parse validates and decodes one article already in memory.
func Parse(name string, b []byte) (Document, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if len(bytes.TrimSpace(b)) == 0 {
		return Document{}, model.Errorf(model.Invalid, "%s: empty file", name)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return Document{}, model.Errorf(model.Invalid, "%s: binary content (NUL byte at offset %d)", name, i)
	}
	if !utf8.Valid(b) && isHTML(name, b) {
		// A page that declares its charset (windows-1252 and latin-1 are
		// still common on news sites) is read in it.
		if decoded, ok := declaredCharset(b); ok {
			b = decoded
		}
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line := bytes.Count(b[:off], []byte("\n")) + 1
		return Document{}, model.Errorf(model.Invalid, "%s: invalid UTF-8 at line %d (byte offset %d)", name, line, off)
	}
	text := string(b)
	page := isHTML(name, b)
	if page {
		text = stripHTML(text)
		if strings.TrimSpace(text) == "" {
			return Document{}, model.Errorf(model.Invalid, "%s: HTML with no visible text", name)
		}
	}
	return Document{Name: name, Text: text, Published: dates.Published(b, page)}, nil
}

func isHTML(name string, b []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return true
	}
	head := strings.ToLower(string(bytes.TrimSpace(b[:min(len(b), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// skipped elements hold no reader-visible text.
var skipped = map[string]bool{"script": true, "style": true, "noscript": true, "template": true,
	"head": false, "svg": true, "iframe": true, "object": true}

// blocks end a paragraph.
var blocks = map[string]bool{"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "blockquote": true, "section": true,
	"article": true, "header": true, "footer": true, "title": true, "ul": true, "ol": true, "table": true,
	"figcaption": true, "pre": true, "hr": true, "dd": true, "dt": true}

// stripHTML returns the visible text of an HTML page, one block per line,
// with entities decoded.
func stripHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	skip := 0
	newline := func() {
		str := out.String()
		if len(str) > 0 && !strings.HasSuffix(str, "\n") {
			out.WriteByte('\n')
		}
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(out.String()) + "\n"
		case html.TextToken:
			if skip == 0 {
				t := strings.Join(strings.Fields(string(z.Text())), " ")
				if t != "" {
					str := out.String()
					if len(str) > 0 && !strings.HasSuffix(str, "\n") && !strings.HasSuffix(str, " ") {
						out.WriteByte(' ')
					}
					out.WriteString(t)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipped[tag] {
				// Browsers treat "<script/>" as an opening tag too: what
				// follows is script until "</script>".
				skip++
				continue
			}
			if blocks[tag] {
				newline()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipped[tag] && skip > 0 {
				skip--
				continue
			}
			if blocks[tag] {
				newline()
			}
		}
	}
}

// normalized is a document's text with quotes, dashes and spaces made
// uniform for matching, and a map back to byte offsets in the original.
type normalized struct {
	text string
	// changed lists, in text order, the runes whose bytes do not map one
	// to one: normalized bytes [at, at+n) came from the original rune of
	// w bytes at orig. Every other byte is one original byte, so a list
	// of the few is all the map needs (a whole array took more than the
	// text itself, for every document).
	changed []change
}

type change struct{ at, n, orig, w int }

// origAt is the original offset of normalized byte j, 0 <= j <= len(text):
// the start of the rune it came from.
func (n normalized) origAt(j int) int {
	k := sort.Search(len(n.changed), func(k int) bool { return n.changed[k].at > j }) - 1
	if k < 0 {
		return j
	}
	c := n.changed[k]
	if j < c.at+c.n {
		return c.orig
	}
	return c.orig + c.w + j - (c.at + c.n)
}

func normalize(s string) normalized {
	i := keptRun(s, 0)
	if i == len(s) {
		return normalized{text: s} // nothing to change, nothing to copy
	}
	return normalizeFrom(s, i)
}

// normalizeFrom is normalize of s, whose bytes before i are kept as they
// are and s[i] is not.
func normalizeFrom(s string, i int) normalized {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	var changed []change
	for i < len(s) {
		// Most of any text is kept as it is: a run of such bytes is
		// copied at once.
		if run := keptRun(s, i); run > i {
			b.WriteString(s[i:run])
			i = run
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		var rep string
		switch r {
		case '\u2018', '\u2019', '\u201B', '\u2032', '`':
			rep = "'"
		case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
			rep = `"`
		case '\u2013', '\u2014', '\u2012', '\u2015', '\u2212':
			rep = "-"
		case '\u00A0', '\u2009', '\u202F', '\t', '\r':
			rep = " "
		default:
			if unicode.IsControl(r) && r != '\n' {
				rep = " "
			} else {
				rep = string(r)
			}
		}
		if len(rep) != 1 || w != 1 {
			changed = append(changed, change{at: b.Len(), n: len(rep), orig: i, w: w})
		}
		b.WriteString(rep)
		i += w
	}
	return normalized{text: b.String(), changed: changed}
}

// keptBytes holds the bytes normalize keeps as they are: printable ASCII but
// the backtick, and the newline.
var keptBytes = func() (t [256]bool) {
	for c := ' '; c < 0x7f; c++ {
		t[c] = c != '`'
	}
	t['\n'] = true
	return t
}()

// lowerWords yields the words of a lower-cased text, runs of a-z and
// hyphens, read in place: cue words and the nouns that name an event are
// spelled so.
func lowerWords(lower string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(lower); {
			if !wordByte(lower[i]) {
				i++
				continue
			}
			j := i
			for j < len(lower) && wordByte(lower[j]) {
				j++
			}
			if !yield(lower[i:j]) {
				return
			}
			i = j
		}
	}
}

func wordByte(c byte) bool { return c >= 'a' && c <= 'z' || c == '-' }

// token is a run of letters and digits in a text.
type token struct {
	start, end int
	// h is the word's hashLower, made as it is read: mentions asks it of
	// every word of every sentence, and a second pass over each word's
	// bytes for it was 1.4% (synthetic) to 1.9% (dev) of extraction's
	// instructions. ascii is hashLower's ok.
	h     uint32
	ascii bool
}

func tokenize(s string) []token {
	return tokenizeInto(make([]token, 0, len(s)/6), s, 0) // about a word per six bytes of news
}

// tokenizeInto appends the tokens of s[from:] to toks, in s's offsets:
// its runs of letters and digits. A byte that begins none is passed in
// one test, and a word's ASCII bytes in one each: every document's text
// is tokenized whole. (wordEnd's loop, written out: a call for each word
// cost 3% of the dev corpus's extraction.) Runes are decoded forward
// only: the tokens are s[from:]'s own, moved by from.
func tokenizeInto(toks []token, s string, from int) []token {
	for i := from; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && wordLowered[c] == 0 {
			i++
			continue
		}
		start, h, other := i, uint32(fnvOffset), false
		for i < len(s) {
			c := s[i]
			w := wordLowered[c]
			if w == 0 {
				other = c >= utf8.RuneSelf
				break
			}
			h = (h ^ uint32(w)) * fnvPrime
			i++
		}
		if other {
			toks, i = appendOther(toks, s, start, i, h)
			continue
		}
		toks = append(toks, token{start: start, end: i, h: h, ascii: true})
		// The byte that ended the word (if any) is ASCII and no letter or
		// digit: it begins none, and is not read again.
		i++
	}
	return toks
}

// wordLowered holds each ASCII letter and digit as hashLower reads it (a
// letter lowered), and 0 for every other byte: a word's byte is tested
// and readied for the hash in one look-up (apart, they took two more
// instructions a letter, 0.3% of extraction).
var wordLowered = func() (t [256]byte) {
	for c := range t {
		if asciiAlnum(byte(c)) {
			t[c] = byte(c) | 0x20 // lowers a letter and keeps a digit
		}
	}
	return t
}()

// appendOther is tokenizeInto's for a run of s from start that a byte
// outside ASCII, at i, goes on or ends, hashed as h so far: toks with the
// run, if any, and where the next starts. A letter or digit there, rare
// in news, goes on the word by wordEnd, which then has no hash. Apart,
// so that tokenizeInto's loops keep their places and hash in registers.
func appendOther(toks []token, s string, start, i int, h uint32) ([]token, int) {
	if e := wordEnd(s, i); e > i {
		return append(toks, token{start: start, end: e}), e
	}
	if i == start { // a rune outside ASCII that is no letter or digit
		_, n := utf8.DecodeRuneInString(s[i:])
		return toks, i + n
	}
	return append(toks, token{start: start, end: i, h: h, ascii: true}), i
}

// wordEnd is where the run of letters and digits at i ends, a word's
// ASCII bytes read in one test each.
func wordEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiAlnum(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return i
		}
		i += n
	}
	return i
}

// lineKind classifies a line of an article.
type lineKind int

const (
	prose   lineKind = iota
	heading          // a short title line with no closing punctuation
	label            // a short line ending in a colon: "Turkey - Strong Opposition:"
	item             // a list item
)

// sentence is one sentence of one line, as byte offsets into the
// normalized text.
type sentence struct {
	start, end int
	line       int // index of its line
}

// line is one paragraph, heading, label or list item.
type line struct {
	start, end int
	kind       lineKind
}

// segment splits the normalized text into lines and sentences, appended
// to lines and sents.
func segment(text string, lines []line, sents []sentence) ([]line, []sentence) {
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		s, e := trimSpan(text, pos, end)
		if e > s {
			ln := line{start: s, end: e, kind: classify(text[s:e])}
			lines = append(lines, ln)
			sents = splitSentences(sents, text, s, e, len(lines)-1)
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return lines, sents
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '#') {
		s++
	}
	for e > s && text[e-1] == ' ' {
		e--
	}
	return s, e
}

// classify tells a line's kind. Its words are counted last: most lines
// are prose that a closing stop tells apart at once.
func classify(l string) lineKind {
	switch {
	case strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "\u2022"):
		return item
	case strings.HasSuffix(l, ":") && countWords(l, 9) <= 8:
		return label
	case !strings.ContainsAny(l[len(l)-1:], `.!?"':;,)`) && !strings.HasPrefix(l, `"`) && !strings.Contains(l, `" -`) &&
		countWords(l, 15) <= 14:
		return heading
	}
	return prose
}

// countWords counts the words of s as strings.Fields splits them, up to
// limit: a paragraph's kind needs no more, and listing every word of every
// paragraph was most of what finding its kind cost.
func countWords(s string, limit int) int {
	n, inWord := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c == ' ' || '\t' <= c && c <= '\r'
		if c >= utf8.RuneSelf { // decoded only outside ASCII
			r, size := utf8.DecodeRuneInString(s[i:])
			space, i = unicode.IsSpace(r), i+size-1
		}
		switch {
		case space:
			inWord = false
		case !inWord:
			inWord = true
			if n++; n == limit {
				return n
			}
		}
	}
	return n
}

// abbreviations end with a period that does not end a sentence. None is
// longer than longestAbbreviation.
var abbreviations = wordset.Of(map[string]bool{
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "sen": true, "rep": true, "dr": true, "mr": true,
	"mrs": true, "ms": true, "gov": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true,
	"st": true, "jr": true, "sr": true, "no": true, "vs": true, "e.g": true, "i.e": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "jan": true, "feb": true, "mar": true, "apr": true, "aug": true,
	"sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "prof": true, "rev": true, "adm": true,
	"maj": true, "pres": true, "sec": true, "dept": true, "est": true, "approx": true, "d.c": true,
})

const longestAbbreviation = 6

// splitSentences splits text[s:e], line number line, at sentence ends,
// never after an abbreviation or an initial, and appends the sentences to
// out. It splits inside quotations too: a quote of several sentences is
// several sentences, tied to its speaker later.
func splitSentences(out []sentence, text string, s, e, line int) []sentence {
	start := s
	// The next '.', '!' and '?' at or after i, e for none: found by byte
	// searches, not a test of every byte.
	stops := [3]int{-1, -1, -1}
	for i := s; i < e; i++ {
		for n, stop := range [3]byte{'.', '!', '?'} {
			if stops[n] < i {
				stops[n] = e
				if at := strings.IndexByte(text[i:e], stop); at >= 0 {
					stops[n] = i + at
				}
			}
		}
		if i = min(stops[0], stops[1], stops[2]); i >= e {
			break
		}
		c := text[i]
		j := i + 1
		for j < e && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if j >= e || text[j] != ' ' {
			continue
		}
		k := j + 1
		for k < e && text[k] == ' ' {
			k++
		}
		if k >= e {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsUpper(next) && next != '"' && next != '\'' && next != '(' && next != '[' && !unicode.IsDigit(next) {
			continue
		}
		if c == '.' && isAbbreviation(text[start:i]) {
			continue
		}
		out = append(out, sentence{start: start, end: j, line: line})
		start = k
		i = k - 1
	}
	if start < e {
		out = append(out, sentence{start: start, end: e, line: line})
	}
	return out
}

func isAbbreviation(before string) bool {
	k := len(before)
	for k > 0 && (unicode.IsLetter(rune(before[k-1])) || before[k-1] == '.') {
		k--
	}
	w := before[k:]
	if len(w) == 1 && unicode.IsUpper(rune(w[0])) {
		return true // an initial: "J. Mansour"
	}
	return isAbbreviated(w)
}

// isAbbreviated reports whether w is one of abbreviations, in any case.
// Nearly every word before a period is ASCII: lowered on the stack, and
// none longer than every abbreviation (lower-casing keeps its length),
// not copied (a lowered copy of each sentence's last word, hashed, was a
// fifth of what splitting the text cost).
func isAbbreviated(w string) bool {
	if !asciiOnly(w) {
		return abbreviations.Has(strings.ToLower(w))
	}
	var buf [longestAbbreviation]byte
	if len(w) > len(buf) {
		return false
	}
	b := buf[:len(w)]
	copy(b, w)
	lowerInPlace(b)
	return abbreviations.Has(string(b))
}

// declaredCharset decodes a page whose <meta> names a charset other than
// UTF-8 (<meta charset="windows-1252">, or an http-equiv Content-Type);
// ok is false when it declares none (a guess is no declaration), UTF-8 or
// one that is not known.
func declaredCharset(b []byte) ([]byte, bool) {
	m := reMetaCharset.FindSubmatch(b[:min(len(b), 2048)])
	if m == nil {
		return nil, false
	}
	enc, name := charset.Lookup(string(m[1]))
	if enc == nil || name == "utf-8" {
		return nil, false
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, false
	}
	return out, true
}

// reMetaCharset finds a page's declared charset in its head.
var reMetaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?([a-z0-9_.:-]+)`)

// hasLowerPrefix reports whether s, its ASCII capitals lower-cased,
// begins with prefix: strings.HasPrefix(asciiLower(s), prefix) with no
// copy of s.
func hasLowerPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}

// hasLowerSuffix is hasLowerPrefix at the end of s.
func hasLowerSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && hasLowerPrefix(s[len(s)-len(suffix):], suffix)
}
