package extract

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/model"
)

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		in       string
		wantCode model.Code
		wantMsg  []string // substrings the message must hold besides the file name
	}{
		{"empty file", "a.txt", "", model.Invalid, []string{"empty file"}},
		{"whitespace only", "a.txt", " \n\t\r\n  \n", model.Invalid, []string{"empty file"}},
		{"byte-order mark and whitespace", "a.txt", "\ufeff\n ", model.Invalid, []string{"empty file"}},
		{"NUL byte names its offset", "a.txt", "abc\x00def", model.Invalid, []string{"binary", "offset 3"}},
		{"NUL byte first", "a.md", "\x00", model.Invalid, []string{"offset 0"}},
		{"invalid UTF-8 names the line", "a.txt", "one\ntwo\nthr\xffee\nfour", model.Invalid, []string{"UTF-8", "line 3", "byte offset 11"}},
		{"truncated rune at the end", "a.txt", "ok\n\xe2\x80", model.Invalid, []string{"line 2"}},
		{"HTML with only a script", "a.html", "<html><script>var a = 1;</script></html>", model.Invalid, []string{"no visible text"}},
		{"HTML in another charset that does not say so", "a.html", "<p>Caf\xe9 owners backed the pact.</p>", model.Invalid, []string{"UTF-8", "line 1"}},
		{"HTML that says UTF-8 and is not", "a.html", "<meta charset=\"utf-8\"><p>Caf\xe9.</p>", model.Invalid, []string{"UTF-8"}},
		{"text in another charset (text has no way to say so)", "a.txt", "Caf\xe9 owners backed the pact.", model.Invalid, []string{"UTF-8"}},
		{"HTML with only a style", "a.htm", "<style>p { color: red }</style>", model.Invalid, []string{"no visible text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.file, []byte(tt.in))
			if err == nil {
				t.Fatalf("Parse accepted it: %q", d.Text)
			}
			if got := model.ErrorCode(err); got != tt.wantCode {
				t.Errorf("code = %q, want %q (%v)", got, tt.wantCode, err)
			}
			msg := err.Error()
			for _, w := range append([]string{tt.file}, tt.wantMsg...) {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not mention %q", msg, w)
				}
			}
		})
	}
}

func TestParseDecodes(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		in      string
		want    []string // substrings of the text
		wantNot []string
	}{
		{
			name: "plain text kept as is",
			file: "a.txt", in: "Jordan welcomed the deal.\nIt said so.",
			want: []string{"Jordan welcomed the deal.\nIt said so."},
		},
		{
			name: "BOM stripped from text",
			file: "a.txt", in: "\ufeffJordan welcomed the deal.",
			want: []string{"Jordan welcomed the deal."}, wantNot: []string{"\ufeff"},
		},
		{
			name: "HTML declared windows-1252 in a meta tag is decoded",
			file: "a.html", in: "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 talks</title></head>" +
				"<body><p>Zo\xeb Martin called it \x93a fair pact\x94.</p></body></html>",
			want: []string{"Caf\u00e9 talks", "Zo\u00eb Martin called it \u201ca fair pact\u201d."},
		},
		{
			name: "HTML declared latin-1 in an http-equiv tag is decoded",
			file: "a.htm", in: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Jos\xe9 Ruiz welcomed the deal.</p>",
			want: []string{"Jos\u00e9 Ruiz welcomed the deal."},
		},
		{
			name: "BOM stripped from HTML",
			file: "a.html", in: "\ufeff<p>Jordan welcomed the deal.</p>",
			want: []string{"Jordan welcomed the deal."}, wantNot: []string{"\ufeff", "<p>"},
		},
		{
			name: "script and style dropped, entities decoded",
			file: "a.html",
			in: `<!DOCTYPE html><html><head><title>Talks &amp; Deals</title>` +
				`<style>body { font-family: secretfont; }</style>` +
				`<script>var token = "secretscript";</script></head>` +
				`<body><p>Jordan&nbsp;welcomed the &ldquo;deal&rdquo; &mdash; it&#8217;s done.</p>` +
				`<noscript>secretnoscript</noscript><p>Second paragraph.</p></body></html>`,
			want:    []string{"Talks & Deals", "Jordan welcomed the \u201cdeal\u201d \u2014 it\u2019s done.", "Second paragraph."},
			wantNot: []string{"secretfont", "secretscript", "secretnoscript", "&amp;", "&mdash;", "<p>", "font-family"},
		},
		{
			name: "blocks become lines",
			file: "a.htm", in: "<h1>Heading</h1><p>First.</p><ul><li>One</li><li>Two</li></ul>",
			want: []string{"Heading\nFirst.\nOne\nTwo"},
		},
		{
			name: "HTML found by its doctype whatever the name",
			file: "a.txt", in: "  <!doctype html><p>Body &amp; soul.</p>",
			want: []string{"Body & soul."}, wantNot: []string{"<p>", "doctype"},
		},
		{
			name: "markdown is text",
			file: "a.md", in: "# Title\n\nBody with <b>tags</b>.",
			want: []string{"# Title\n\nBody with <b>tags</b>."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.Name != tt.file {
				t.Errorf("Name = %q, want %q", d.Name, tt.file)
			}
			for _, w := range tt.want {
				if !strings.Contains(d.Text, w) {
					t.Errorf("text %q lacks %q", d.Text, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(d.Text, w) {
					t.Errorf("text %q holds %q", d.Text, w)
				}
			}
		})
	}
}

var errReadPastCap = errors.New("read past the cap")

// capReader serves an endless run of letters but fails any read that asks
// for more than limit bytes in all, so a caller that reads it whole fails.
type capReader struct {
	limit, read int
}

func (r *capReader) Read(p []byte) (int, error) {
	if r.read >= r.limit {
		return 0, errReadPastCap
	}
	n := min(len(p), r.limit-r.read)
	for i := range n {
		p[i] = 'a'
	}
	r.read += n
	return n, nil
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestLoad(t *testing.T) {
	const maxBytes = 64
	t.Run("over the cap is refused without reading it whole", func(t *testing.T) {
		r := &capReader{limit: maxBytes + 1}
		_, err := Load("big.txt", r, maxBytes)
		if got := model.ErrorCode(err); got != model.TooLarge {
			t.Fatalf("code = %q, want %q (%v)", got, model.TooLarge, err)
		}
		if !strings.Contains(err.Error(), "big.txt") || !strings.Contains(err.Error(), "64") {
			t.Errorf("error %q should name the file and the cap", err)
		}
		if r.read > maxBytes+1 {
			t.Errorf("read %d bytes, want at most %d", r.read, maxBytes+1)
		}
	})
	t.Run("exactly the cap is accepted", func(t *testing.T) {
		d, err := Load("full.txt", bytes.NewReader(bytes.Repeat([]byte("a"), maxBytes)), maxBytes)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Text) != maxBytes {
			t.Errorf("text has %d bytes, want %d", len(d.Text), maxBytes)
		}
	})
	t.Run("read error is invalid and names the file", func(t *testing.T) {
		_, err := Load("broken.txt", failingReader{}, maxBytes)
		if got := model.ErrorCode(err); got != model.Invalid {
			t.Fatalf("code = %q, want %q (%v)", got, model.Invalid, err)
		}
		if !strings.Contains(err.Error(), "broken.txt") {
			t.Errorf("error %q does not name the file", err)
		}
	})
	t.Run("content is validated like Parse", func(t *testing.T) {
		_, err := Load("nul.txt", strings.NewReader("a\x00b"), maxBytes)
		if got := model.ErrorCode(err); got != model.Invalid {
			t.Fatalf("code = %q, want %q (%v)", got, model.Invalid, err)
		}
	})
}

// sentencesOf segments text as Extract does and returns each sentence.
func sentencesOf(text string) []string {
	n := normalize(text)
	_, sents := segment(n.text, nil, nil)
	out := make([]string, 0, len(sents))
	for _, s := range sents {
		out = append(out, n.text[s.start:s.end])
	}
	return out
}

func TestSegmentSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Jordan agreed. Egypt did not.", []string{"Jordan agreed.", "Egypt did not."}},
		{"U.S. before a capital", "The U.S. Army left. Talks went on.", []string{"The U.S. Army left.", "Talks went on."}},
		{"U.K. and U.N.", "The U.K. Foreign Office and the U.N. Envoy met. Then they left.",
			[]string{"The U.K. Foreign Office and the U.N. Envoy met.", "Then they left."}},
		{"Sen.", "Sen. Jane Doe spoke. Others listened.", []string{"Sen. Jane Doe spoke.", "Others listened."}},
		{"Dr.", "Dr. Omar Haddad agreed. It was late.", []string{"Dr. Omar Haddad agreed.", "It was late."}},
		{"initial", "J. Mansour said so. Nobody replied.", []string{"J. Mansour said so.", "Nobody replied."}},
		{"two initials", "The report by A. B. Khan came out. It was long.", []string{"The report by A. B. Khan came out.", "It was long."}},
		// A quote of several sentences is several sentences; the speaker
		// stage ties them to one speaker.
		{"quote spanning sentences", `He said "We agree. We will join. It is final." Then he left.`,
			[]string{`He said "We agree.`, "We will join.", `It is final."`, "Then he left."}},
		{"curly quote spanning sentences", "\u201cWe agree. We will join.\u201d Then he left.",
			[]string{`"We agree.`, `We will join."`, "Then he left."}},
		{"question and exclamation", "Is it over? Yes! It is.", []string{"Is it over?", "Yes!", "It is."}},
		{"stops of each kind in turn", "Go! Then it ended. Why? Because! Fine. No?",
			[]string{"Go!", "Then it ended.", "Why?", "Because!", "Fine.", "No?"}},
		{"stops inside words and numbers", "Yahoo! News ran 2.5 ads? yes. Mr. Li?! Left.",
			[]string{"Yahoo!", "News ran 2.5 ads? yes.", "Mr. Li?!", "Left."}},
		{"lower case after period", "It grew 3.5 percent. e.g. more. Then stopped.", []string{"It grew 3.5 percent. e.g. more.", "Then stopped."}},
		{"lines never join", "First line\nSecond line.", []string{"First line", "Second line."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentencesOf(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestClassifyLines(t *testing.T) {
	tests := []struct {
		line string
		want lineKind
	}{
		{"Turkey - Strong Opposition:", label},
		{"Saudi Arabia:", label},
		{"Qualified Support:", label},
		{"Reactions From the Region", heading},
		{"Regional Responses", heading},
		{"- Jordan welcomed it.", item},
		{"* Egypt rejected it.", item},
		{"\u2022 Qatar stayed quiet.", item},
		{"Jordan welcomed the deal.", prose},
		{"This line is far too long to be a label even though it ends in a colon as labels do:", prose},
		{"This line has no closing punctuation but it runs on for well over fourteen words so it is prose", prose},
		{`"A Quoted Headline Is No Heading`, prose},
		{`A call to act" - in brief`, prose},
		{"Nine words end this line with a colon, one said:", prose},
		{"Nine words end this line with a colon said:", prose},
		{"Eight words end this line with a colon:", label},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := classify(tt.line); got != tt.want {
				t.Errorf("classify(%q) = %d, want %d", tt.line, got, tt.want)
			}
		})
	}
}

func TestSegmentLines(t *testing.T) {
	text := "# Regional Reactions\n\nTurkey - Strong Opposition:\nIt was a long day. More followed.\n"
	n := normalize(text)
	lines, sents := segment(n.text, nil, nil)
	want := []struct {
		text string
		kind lineKind
	}{
		{"Regional Reactions", heading},
		{"Turkey - Strong Opposition:", label},
		{"It was a long day. More followed.", prose},
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d", len(lines), len(want))
	}
	for i, w := range want {
		if got := n.text[lines[i].start:lines[i].end]; got != w.text || lines[i].kind != w.kind {
			t.Errorf("line %d = %q kind %d, want %q kind %d", i, got, lines[i].kind, w.text, w.kind)
		}
	}
	if len(sents) != 4 || sents[3].line != 2 || sents[2].line != 2 {
		t.Errorf("sentences %+v do not map to their lines", sents)
	}
}

func TestNormalizeKeepsOffsets(t *testing.T) {
	in := "\u201cNo\u201d \u2014 it\u2019s\u00a0done\tnow.\n`\u00dcnal`\x7f!"
	n := normalize(in)
	if want := "\"No\" - it's done now.\n'\u00dcnal' !"; n.text != want {
		t.Fatalf("normalized %q, want %q", n.text, want)
	}
	if end := n.origAt(len(n.text)); end != len(in) {
		t.Fatalf("the end maps to %d, want %d", end, len(in))
	}
	// Every normalized byte maps to the start of the rune it came from,
	// which normalizes to the text that byte is part of.
	for i := range len(n.text) {
		o := n.origAt(i)
		if !utf8.RuneStart(in[o]) {
			t.Errorf("byte %d maps to %d, not a rune start", i, o)
			continue
		}
		_, w := utf8.DecodeRuneInString(in[o:])
		if rep := normalize(in[o : o+w]).text; !strings.Contains(n.text[max(0, i-3):min(len(n.text), i+4)], rep) {
			t.Errorf("byte %d (%q) maps to %d, whose rune gives %q", i, n.text[i], o, rep)
		}
	} // A byte that is not UTF-8 becomes the replacement character, whose
	// three bytes all map back to it.
	bad := normalize("a\xffb")
	var got []int
	for i := range len(bad.text) + 1 {
		got = append(got, bad.origAt(i))
	}
	if want := []int{0, 1, 1, 1, 2, 3}; bad.text != "a\ufffdb" || !slices.Equal(got, want) {
		t.Errorf("%q maps %v, want %q mapping %v", bad.text, got, "a\ufffdb", want)
	}
}

func TestParseHTMLEdgeCases(t *testing.T) {
	tests := []struct{ name, file, in, want string }{
		{"byte-order mark before a doctype", "page.txt", "\ufeff<!DOCTYPE html><p>Jordan spoke.</p>", "Jordan spoke.\n"},
		{"self-closed script still hides what follows", "a.html", "<p>one<script/>alert(1)</script>two</p>", "one two\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Fatalf("text %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

// countWords counts as strings.Fields splits, up to its limit.
func TestCountWords(t *testing.T) {
	tests := []struct {
		s     string
		limit int
		want  int
	}{
		{"", 15, 0},
		{"  Ministers met\tin Oslo\u00a0today.  ", 15, 5},
		{"one two three four five", 3, 3},
		{"\u2022 item\u2003with an em space", 15, 6},
		{"bad \xff byte", 15, 3},
		{"next\u0085line\vtab\fpage\rend", 15, 5},
	}
	for _, tt := range tests {
		if got := countWords(tt.s, tt.limit); got != tt.want || got != min(len(strings.Fields(tt.s)), tt.limit) {
			t.Errorf("countWords(%q, %d) = %d, want %d", tt.s, tt.limit, got, tt.want)
		}
	}
}

// TestIsAbbreviated: the lowered copy on the stack answers as
// strings.ToLower did, for any case, for words longer than any
// abbreviation and for words outside ASCII.
func TestIsAbbreviated(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"", false},
		{"Gov", true},
		{"GOV", true},
		{"u.s", true},
		{"U.S", true},
		{"Approx", true},
		{"approxi", false},
		{"Senator", false},
		{"Wednesday", false},
		{"ltd", true},
		{"Ltds", false},
		{"S\u00e9n", false},
		{"\u00e9", false},
		{"\xff", false},
	}
	for _, tt := range tests {
		if got := isAbbreviated(tt.w); got != tt.want || got != abbreviations.Has(strings.ToLower(tt.w)) {
			t.Errorf("isAbbreviated(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
	for w := range abbreviations.Keys() {
		if len(w) > longestAbbreviation {
			t.Errorf("abbreviation %q is longer than longestAbbreviation", w)
		}
	}
}

// TestCueHeadFilter: most words of the dev corpus that head no cue are
// turned away by the cue heads' filter, or it saves nothing.
func TestCueHeadFilter(t *testing.T) {
	lx, err := LoadLexicon(nil)
	if err != nil {
		t.Fatal(err)
	}
	passed, words := 0, 0
	for _, ln := range devLines(t) {
		for w := range lowerWords(asciiLower(ln)) {
			words++
			if lx.byHead.May(w) && !lx.byHead.Has(w) {
				passed++
			}
		}
	}
	if words == 0 || passed*4 > words {
		t.Errorf("%d of %d words that head no cue passed the filter", passed, words)
	}
}

// TestASCIILower: ASCII capitals lowered, every other byte kept, so that
// offsets hold.
func TestASCIILower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"dam accord", "dam accord"}, {"A", "a"}, {"Peru's ENVOY", "peru's envoy"},
		{"Ünal KAYA, Präsident", "Ünal kaya, präsident"}, {"x\xffY", "x\xffy"}, {"end Z", "end z"},
	}
	for _, tt := range tests {
		if got := asciiLower(tt.in); got != tt.want {
			t.Errorf("asciiLower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHasLowerPrefix: the same answer as lower-casing the text's ASCII
// capitals first, with letters outside ASCII left as they are.
func TestHasLowerPrefix(t *testing.T) {
	tests := []struct{ s, affix string }{
		{" Government said", " government"}, {"GOVERNMENT", "government"}, {"Gov", "government"},
		{"State Media", "state media"}, {"ÉTAT", "état"}, {"", ""}, {"x", ""}, {"Anti-", "anti-"},
		{"the NON-", "non-"}, {"Pro", "pro-"}, {"anti_", "anti-"},
	}
	for _, tt := range tests {
		if got, want := hasLowerPrefix(tt.s, tt.affix), strings.HasPrefix(asciiLower(tt.s), tt.affix); got != want {
			t.Errorf("hasLowerPrefix(%q, %q) = %v, want %v", tt.s, tt.affix, got, want)
		}
		if got, want := hasLowerSuffix(tt.s, tt.affix), strings.HasSuffix(asciiLower(tt.s), tt.affix); got != want {
			t.Errorf("hasLowerSuffix(%q, %q) = %v, want %v", tt.s, tt.affix, got, want)
		}
	}
}

// TestWordLowered: every byte's entry is 0 where a word cannot go on,
// and otherwise the byte as hashLower hashes it, so that a word's byte is
// tested and hashed as tokenizeInto did apart.
func TestWordLowered(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		want := byte(0)
		if asciiAlnum(b) {
			want = b
			if 'A' <= b && b <= 'Z' {
				want += 'a' - 'A'
			}
		}
		if wordLowered[b] != want {
			t.Errorf("wordLowered[%q] = %q, want %q", b, wordLowered[b], want)
		}
	}
}

// TestTokenizeByRunes: the word tokens are the runs of letters and digits
// a reading of every character finds, with words outside ASCII, digits,
// underscores and bytes that are not UTF-8, on sentences written for it
// and every dev line; each word's hash is hashLower's.
func TestTokenizeByRunes(t *testing.T) {
	lines := append([]string{
		"Ünal's 2025 deal_done: Zürich-based Ärzte, naïve\u00a0talks; \xff\xfeX9 end",
		"", "a", "É", "U.S.-led", "ab\xffcd", "日本 agreed", "deal\u2014done \u2014lead", "x\u00e9",
		"talks,then-agreed.", "9:30 a.m. (local)", "a,b", "end.",
	}, devLines(t)...)
	for _, ln := range lines {
		var want []token
		tok := func(start, end int) token {
			h, ok := hashLower(ln[start:end])
			return token{start: start, end: end, h: h, ascii: ok}
		}
		start := -1
		for i, r := range ln {
			word := unicode.IsLetter(r) || unicode.IsDigit(r)
			switch {
			case word && start < 0:
				start = i
			case !word && start >= 0:
				want = append(want, tok(start, i))
				start = -1
			}
		}
		if start >= 0 {
			want = append(want, tok(start, len(ln)))
		}
		if got := tokenize(ln); !slices.Equal(got, want) {
			t.Errorf("%q: tokens %v, by runes %v", ln, got, want)
		}
	}
}
