package extract

import (
	"regexp"
	resyntax "regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/model"
)

// prefixPatterns are anchored patterns of the kinds the topic's terms
// make (runs of white space, optional hyphens, a state's spellings as
// alternatives, a closing \b) and a few beyond them: classes with
// ranges, case folding, any byte, lazy and counted repeats, captures.
var prefixPatterns = []string{
	`^(?:harbour\s+pact|pact)\b`,
	`^(?:grain[- ]?export\s+pact|the\s+deal|deal)\b`,
	`^(?:(?:united\s+states|u\.s|us|america)\.?\s+embassy(?:\s+move)?|embassy)\b`,
	`^(?:a\s+[- ]?\s+b|a)\b`,
	`^(?:caf\x{e9}\s+accord|acc[o\x{f6}]rd)\b`,
	`^(?i:lake\s+tarvo)\b`,
	`^(?:[a-z]{2,4}-\d+|x+?y)`,
	`^(?:(a|ab)(c|bcd))(d*)`,
	`^.\B.`,
	`^(?s:.)+?$`,
	`^(?:\bpact\b|$)`,
}

// prefixTexts are texts to try the patterns at the start of, each also
// from every byte on.
var prefixTexts = []string{
	"harbour  pact was signed",
	"harbour\tpact, said the minister",
	"the grain-export pact and the grain export pact and the grainexport  pact",
	"the deals were not the deal",
	"united  states. embassy move and u.s embassy and us embassy-move and america.embassy",
	"a - b, a -b, a  b, a-b, a",
	"caf\u00e9 accord or the acc\u00f6rd or acc\xffrd",
	"LAKE  Tarvo and lake\ntarvo",
	"ab-12 xxy abcd abcdd abc",
	"p\u00e9act\xff\xfe pact",
	"la\u212Ae  tarvo",
	"",
}

func TestPrefixProgMatchesRegexp(t *testing.T) {
	for _, pat := range prefixPatterns {
		re := regexp.MustCompile(pat)
		p := anchor(re).program()
		if p == nil {
			t.Fatalf("%s: not compiled", pat)
		}
		for _, text := range prefixTexts {
			for i := 0; i <= len(text); i++ {
				checkPrefixProg(t, re, p, text[i:])
			}
		}
	}
}

// shippedAnchored are the anchored patterns the extractor searches by
// hand: the person patterns' and their pieces', and the datelines'.
func shippedAnchored() []anchored {
	out := []anchored{dashDateline, colonDateline}
	for _, n := range append([]near{acronymNear, titledNear, appositionNear, possessiveNear}, speakerNears...) {
		out = append(out, n.at)
		for _, a := range n.alts {
			out = append(out, a.at)
		}
	}
	return out
}

// shippedTexts are texts of the kinds those patterns read.
var shippedTexts = []string{
	"OSLO, Nov. 20, 2025 (Stancegraph Wire) - Senator Ola Nordmann criticised the pact.",
	"VIENNA-The talks resumed. (Wire) -- The envoy left. NEW YORK CITY -- rain",
	"Lake Town: The pact holds. Lake: no",
	"Deputy Foreign Minister Ana Lind said the pact was fair, according to Erik Berg.",
	"\"It is a mistake,\" - Sen. Jane Doe (R-TX) and the Harbour Trade Council (HTC) disagreed.",
	"Jon Vik, a senior fellow at the Lake Institute, told reporters; Norway's envoy, Ines Quispe, said no.",
}

// TestShippedPatternsSearchedByHand: each anchored pattern the extractor
// ships is searched by hand, and finds there what regexp does.
func TestShippedPatternsSearchedByHand(t *testing.T) {
	for _, a := range shippedAnchored() {
		if a.program() == nil {
			t.Errorf("%s is left to regexp", a.re)
			continue
		}
		for _, text := range append(shippedTexts, prefixTexts...) {
			for i := 0; i <= len(text); i++ {
				checkPrefixProg(t, a.re, a.program(), text[i:])
			}
		}
	}
}

// TestFirstSetsHoldTheASCIIRunesMatched: try reads an ASCII byte at a
// class from the instruction's first set, which must hold each ASCII
// rune the class matches and no other.
func TestFirstSetsHoldTheASCIIRunesMatched(t *testing.T) {
	progs := []*prefixProg{}
	for _, a := range shippedAnchored() {
		progs = append(progs, a.program())
	}
	for _, pat := range append(prefixPatterns, `^(?i:k)[^a-c\x{212A}]\p{Lu}\p{Ll}+[[:punct:]]`) {
		progs = append(progs, anchor(regexp.MustCompile(pat)).program())
	}
	for _, p := range progs {
		for pc, in := range p.prog.Inst {
			if in.Op != resyntax.InstRune {
				continue
			}
			for c := range byte(utf8.RuneSelf) {
				if got, want := p.first[pc].has(c), in.MatchRune(rune(c)); got != want {
					t.Errorf("%v at %q: first set %v, class %v", in.Rune, c, got, want)
				}
			}
		}
	}
}

func checkPrefixProg(t *testing.T, re *regexp.Regexp, p *prefixProg, text string) {
	t.Helper()
	want := -1
	if loc := re.FindStringIndex(text); loc != nil {
		want = loc[1]
	}
	if got := p.end(text); got != want {
		t.Errorf("%s on %q: end %d, regexp %d", re, text, got, want)
	}
	if got, searched := p.submatch(text, re.NumSubexp()); !searched || !slices.Equal(got, re.FindStringSubmatchIndex(text)) {
		t.Errorf("%s on %q: submatch %v (searched %v), regexp %v", re, text, got, searched, re.FindStringSubmatchIndex(text))
	}
}

// TestPrefixProgRefusesEmptyLoops: a repeat of something that can match
// nothing would send the search round forever; such a pattern is left to
// regexp.
func TestPrefixProgRefusesEmptyLoops(t *testing.T) {
	for _, tt := range []struct {
		pat  string
		safe bool
	}{
		{`^(?:a*b*)*c`, false},
		{`^(?:a|\b)+`, false},
		{`^(?:a?b?){2,}`, false},
		{`^(?:ab?)+`, true},
		{`^\s+(?:x|y)?z`, true},
	} {
		if got := anchor(regexp.MustCompile(tt.pat)).program() != nil; got != tt.safe {
			t.Errorf("%s: compiled %v, want %v", tt.pat, got, tt.safe)
		}
	}
}

// TestPrefixProgGivesUp: a search of more steps than maxSteps says so,
// and anchored then asks regexp, which finds the match the search had
// not reached.
func TestPrefixProgGivesUp(t *testing.T) {
	re := regexp.MustCompile(`^(?:a|aa)+b`)
	text := strings.Repeat("a", 40) + "c"
	if got := anchor(re).program().end(text); got != gaveUp {
		t.Errorf("end %d on %d a's, want gaveUp", got, len(text)-1)
	}
	if got := anchor(re).program().end("aaab"); got != 4 {
		t.Errorf("end %d on aaab, want 4", got)
	}
	late := regexp.MustCompile(`^(?:(?:a|aa)+b|(a+)c)`)
	a := anchor(late)
	if got := a.program().end(text); got != gaveUp {
		t.Errorf("%s: end %d, want gaveUp", late, got)
	}
	if got := a.end(text); got != len(text) {
		t.Errorf("%s: anchored end %d, want %d", late, got, len(text))
	}
	if got, want := a.submatchIndex(text), late.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
		t.Errorf("%s: submatches %v, regexp %v", late, got, want)
	}
}

// TestTopicGroupsSearchedByHand: every group of a topic's terms has its
// program, and the matcher finds with it what the pattern does.
func TestTopicGroupsSearchedByHand(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m, err := newTopicMatcher(model.Topic{ID: "t", Terms: []string{"US embassy move", "the grain-export pact", "Lake Tarvo accord", "the deal"}}, g)
	if err != nil {
		t.Fatal(err)
	}
	text := "the united states embassy  move, the grain export pact and the lake tarvo accord: the deal."
	for _, gr := range m.groups {
		if gr.at.program() == nil {
			t.Fatalf("group %s has no program", gr.at.re)
		}
		for i := 0; i <= len(text); i++ {
			checkPrefixProg(t, gr.at.re, gr.at.program(), text[i:])
		}
	}
	found := m.find(text, -1)
	if len(found) != 4 {
		t.Errorf("found %v, want the four names", found)
	}
}

func FuzzPrefixProg(f *testing.F) {
	for _, s := range prefixTexts {
		f.Add(s)
	}
	for _, s := range shippedTexts {
		f.Add(s)
	}
	var res []*regexp.Regexp
	var progs []*prefixProg
	for _, pat := range prefixPatterns {
		res = append(res, regexp.MustCompile(pat))
		progs = append(progs, anchor(res[len(res)-1]).program())
	}
	for _, a := range shippedAnchored() {
		res, progs = append(res, a.re), append(progs, a.program())
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := range res {
			want := -1
			if loc := res[i].FindStringIndex(text); loc != nil {
				want = loc[1]
			}
			if got := progs[i].end(text); got != want && got != gaveUp {
				t.Errorf("%s on %q: end %d, regexp %d", res[i], text, got, want)
			}
			if got, searched := progs[i].submatch(text, res[i].NumSubexp()); searched && !slices.Equal(got, res[i].FindStringSubmatchIndex(text)) {
				t.Errorf("%s on %q: submatch %v, regexp %v", res[i], text, got, res[i].FindStringSubmatchIndex(text))
			}
		}
	})
}

// TestInWords: a words pattern found at a word's start anywhere in the
// text, as the unanchored \b(?:words)\b finds it.
func TestInWords(t *testing.T) {
	const words = `support|welcomes?|in favou?r|concerns?`
	a := wordsPattern(words)
	re := regexp.MustCompile(`\b(?:` + words + `)\b`)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"qualified support", true},
		{"supportive voices", false},
		{"unsupported", false},
		{"unsupport", false},
		{"broadly in  favour", false},
		{"broadly in favour", true},
		{"in favor, mostly", true},
		{"welcome", true},
		{"concerns_raised", false},
		{"-concern-", true},
		{"", false},
		{"caf\u00e9 support\xff", true},
		{"\u00e9support", true},
		{"support\u00e9", true},
	} {
		if got := a.inWords(tt.text); got != tt.want || got != re.MatchString(tt.text) {
			t.Errorf("%q: %v, want %v (regexp %v)", tt.text, got, tt.want, re.MatchString(tt.text))
		}
	}
}

// TestLabelStance: the stance a label's words give.
func TestLabelStance(t *testing.T) {
	for _, tt := range []struct {
		label string
		want  model.Stance
	}{
		{"Strong Opposition", model.Oppose},
		{"Cautious Opposition", model.Oppose},
		{"Qualified Support", model.Cautious},
		{"Supportive", model.Support},
		{"Backers in Favor", model.Support},
		{"Republican Critics", model.Oppose},
		{"Concerns", model.Cautious},
		{"Mixed", model.Cautious},
		{"Supportiveness", ""},
		{"Reactions", ""},
	} {
		if got, _ := labelStance(tt.label); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.label, got, tt.want)
		}
	}
}

// TestLiteralRuns: a run is what the instructions from its own read one
// byte at a time, up to the first that reads no ASCII byte as itself;
// the longest runs of a few patterns are their words.
func TestLiteralRuns(t *testing.T) {
	progs := []*prefixProg{}
	for _, a := range shippedAnchored() {
		progs = append(progs, a.program())
	}
	for _, pat := range prefixPatterns {
		progs = append(progs, anchor(regexp.MustCompile(pat)).program())
	}
	asciiRune1 := func(in *resyntax.Inst) bool { return in.Op == resyntax.InstRune1 && in.Rune[0] < utf8.RuneSelf }
	for _, p := range progs {
		for pc := range p.prog.Inst {
			var text []byte
			at := uint32(pc)
			for ; asciiRune1(&p.prog.Inst[at]); at = p.prog.Inst[at].Out {
				text = append(text, byte(p.prog.Inst[at].Rune[0]))
			}
			if run := p.runs[pc]; run.text != string(text) || len(text) > 0 && run.next != at {
				t.Errorf("instruction %d: run %q to %d, read one at a time %q to %d", pc, run.text, run.next, text, at)
			}
		}
	}
	tests := []struct {
		pattern string
		want    []string
	}{
		{`^(?:harbour\s+pact|deal)\b`, []string{"harbour", "pact", "deal"}},
		{`^caf\x{e9}\s+accord`, []string{"caf", "accord"}},
		{`^(?:river[- ]?basin)`, []string{"river", "basin"}},
		{`^[a-z]+`, nil},
	}
	for _, tt := range tests {
		p := anchor(regexp.MustCompile(tt.pattern)).program()
		led := map[uint32]bool{} // instructions a run goes on to
		for _, in := range p.prog.Inst {
			if asciiRune1(&in) {
				led[in.Out] = true
			}
		}
		var got []string
		for pc, run := range p.runs {
			if run.text != "" && !led[uint32(pc)] {
				got = append(got, run.text)
			}
		}
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: runs %q, want %q", tt.pattern, got, tt.want)
		}
	}
}
