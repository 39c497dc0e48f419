package extract

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/internal/repo"
	"github.com/stancegraph/stancegraph/model"
)

// TestTitledPeople: a title before a name makes it a person even when the
// named-entity model reads the whole phrase as an organisation.
func TestTitledPeople(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string
	}{
		{"West Coast Left MP Jo Rivers asked for an assurance.", "Jo Rivers"},
		{"Green MEP Ann Woods voted against it.", "Ann Woods"},
		{"Congresswoman Lea Park wrote to the White House.", "Lea Park"},
		{"Foreign Minister Tom Reyes spoke first.", "Tom Reyes"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			d := newDocActors(g)
			d.findPeople(tc.text, asciiLower(tc.text))
			var names []string
			for _, p := range d.people {
				names = append(names, p.name)
			}
			sort.Strings(names)
			for _, n := range names {
				if n == tc.want {
					return
				}
			}
			t.Errorf("people in %q: %v, want %q among them", tc.text, names, tc.want)
		})
	}
}

// TestKnownPeopleFoundInAnyForm: once a person is known, mentions finds
// them by full name, by surname in any case, by a hyphenated surname, and
// by a surname that is not ASCII; a capitalised word that begins no
// known name finds no one.
func TestKnownPeopleFoundInAnyForm(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	d := newDocActors(g)
	for _, name := range []string{"Ana Ruiz", "Omar al-Rashid", "Cem Özdemir", "Eva Lind"} {
		d.addPerson(name, "", "")
	}
	tests := []struct {
		text, want string
	}{
		{"Ana Ruiz spoke first.", "Ana Ruiz"},
		{"Later Ruiz spoke again.", "Ruiz"},
		{"Al-Rashid said nothing.", "Al-Rashid"},
		{"Then al-Rashid left.", "al-Rashid"},
		{"Özdemir was not asked.", "Özdemir"},
		{"Then ÖZDEMIR shouted.", "ÖZDEMIR"},
		{"LIND replied.", "LIND"},
		{"Rosa Mendez replied.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, m := range d.mentions(tc.text, 0, len(tc.text)) {
				if strings.HasPrefix(m.id, "person:") {
					got = append(got, m.surface)
				}
			}
			if strings.Join(got, "|") != tc.want {
				t.Errorf("people mentioned: %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSmallWordsBeginLowerForms: a word in small letters is looked up only
// as the start of a form in lower case; a name or demonym it begins in
// capitals is not found there, and is where the text has the capital.
func TestSmallWordsBeginLowerForms(t *testing.T) {
	file := filepath.Join(t.TempDir(), "extra.yaml")
	yaml := `- id: group:tarvo-council
  name: Tarvo Council
  kind: group
  aliases: [tarvo councils]
- id: state:velland
  name: Velland
  kind: state
  demonyms: [Vellish]
`
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := LoadGazetteer(file)
	if err != nil {
		t.Fatal(err)
	}
	d := newDocActors(g)
	tests := []struct {
		text, want string
	}{
		{"The tarvo councils met.", "tarvo councils=group:tarvo-council"},
		{"The Tarvo Councils met.", "Tarvo Councils=group:tarvo-council"},
		{"The Tarvo Council met.", "Tarvo Council=group:tarvo-council"},
		{"The tarvo council met.", ""},
		{"Vellish officials said no.", "Vellish officials=state:velland"},
		{"Some vellish officials said no.", ""},
		{"Velland said no.", "Velland=state:velland"},
		{"velland said no.", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, m := range d.mentions(tc.text, 0, len(tc.text)) {
			got = append(got, m.surface+"="+m.id)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A trigger that is a word opens a window only where a word starts with
// it: "ms" in "arms" or "dr" in "hundred" is no title; one of
// punctuation ("'s ") opens one wherever it stands.
func TestWindowsOpenAtWordStarts(t *testing.T) {
	tests := []struct {
		text     string
		triggers []string
		want     [][2]int
	}{
		{"The arms deal was signed.", []string{"ms"}, nil},
		{"A hundred people came.", []string{"dr"}, nil},
		{"Ms Lind signed it.", []string{"ms"}, [][2]int{{0, 7}}},
		{"It was signed by Ms Lind.", []string{"ms"}, [][2]int{{14, 24}}},
		{"Norway's envoy agreed.", []string{"'s "}, [][2]int{{0, 14}}},
		{"The arms deal, said Ms Lind, was fair.", []string{"ms"}, [][2]int{{15, 27}}},
		// triggers sharing a first letter, one the start of another
		{"Sen. Ola Vik and Senator Eva Lind spoke.", []string{"sen.", "senator", "spoke"}, [][2]int{{0, 9}, {13, 40}}},
	}
	for _, tc := range tests {
		got := windows(nil, tc.text, newTaggedSet(tc.triggers).find(nil, strings.ToLower(tc.text), true), 1, 2, 5)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%q: windows %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestTaggedSet: each hit carries a bit for each list that holds its
// trigger.
func TestTaggedSet(t *testing.T) {
	set := newTaggedSet([]string{"said", "told"}, []string{"said", "mr "}, []string{"'s "})
	tests := []struct {
		text string
		want []hit
	}{
		{"mr ola said so", []hit{{0, "mr ", 2}, {7, "said", 3}}},
		{"she told per's aide", []hit{{4, "told", 1}, {12, "'s ", 4}}},
		{"the aforesaid mr", nil},
	}
	for _, tc := range tests {
		if got := set.find(nil, tc.text, true); !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestTriggerSetFindsEveryOccurrence: the one pass finds, in order, what
// trying every trigger at every offset finds, with one-byte triggers,
// triggers that share one, two or three first bytes, one the start of
// another, third bytes that findAtWords's filter (secondBytes.thirds)
// cannot tell apart, and a trigger outside ASCII; at word starts only
// with atWords. last
// finds the last of them, with few triggers and with more.
func TestTriggerSetFindsEveryOccurrence(t *testing.T) {
	texts := []string{
		"Mrs Ode (the minister) said Ms Lind's aide, Mr Moe, said so.",
		"Arms, mrs and ministers: missed, amiss; Lind’s staff (s).",
		"s", "m", "", "mr", "Jo’s", "(mr (",
		// Words that begin or hold letters outside ASCII, digits, an
		// underscore, a dash and bytes that are not UTF-8 before a trigger.
		"Ümrs Ödön saidmr 2mr _mr –mr \xffmr é said, Zürichs sa-ms",
		"a2nd 2nd élu xélu mr2nd",
		// Words that share two bytes with triggers, their third byte
		// before, between, among and after the triggers' own.
		"sab sad sai said sap sat saz sa se seb sea sen. sez sen",
		// Occurrences that overlap, the last at the text's end.
		"sasasa seaseas",
		// Third bytes that share their bit (b&63) with a trigger's, "n"
		// and "." and "N", and a word of two bytes at the text's end.
		"senn sen.n sen sen.  Sen. seN sai se",
		// No word at all, and triggers after the last word (findAtWords
		// reads those bytes after its loop over the words).
		"( (’(", "mr's ( ’",
	}
	// Triggers that begin with a letter or with none (each word is read
	// at its first byte), and with a digit or a letter outside ASCII (a
	// word is read at every byte).
	for _, tc := range []struct {
		triggers []string
		atStarts bool
	}{
		{[]string{"(", "s", "mr", "mrs", "ms", "minister", "min", "’s", "sa", "said", "'s "}, true},
		{[]string{"s", "mr", "mrs", "ms", "minister", "min", "sa", "said", "sen.", "mp "}, true},
		{[]string{"sad", "said", "sat", "se", "sea", "sen."}, true},
		{[]string{"2nd", "élu", "mr", "s"}, false},
		{[]string{"\x99s", "mr"}, false}, // begins inside "’s"
	} {
		if got := newTriggerSet(tc.triggers).atStarts; got != tc.atStarts {
			t.Errorf("%q read at words' first bytes: %v, want %v", tc.triggers, got, tc.atStarts)
		}
		findsEveryOccurrence(t, tc.triggers, texts)
	}
	if set := newTriggerSet([]string{"pact", "accord"}); set.any("the water treaty") || !set.any("an accord") || set.any("") {
		t.Error("any: wrong on words of two bytes or more")
	}
}

// findsEveryOccurrence checks the set of triggers on texts against a
// search for each trigger at every offset.
func findsEveryOccurrence(t *testing.T, triggers, texts []string) {
	t.Helper()
	set := newTriggerSet(triggers)
	for _, text := range texts {
		lower := strings.ToLower(text)
		for _, atWords := range []bool{false, true} {
			var want []hit
			for i := 0; i < len(lower); i++ {
				for _, tr := range slices.Sorted(slices.Values(triggers)) {
					if strings.HasPrefix(lower[i:], tr) && !(atWords && inWord(lower, i) && startsWord(tr)) {
						want = append(want, hit{at: i, trigger: tr})
					}
				}
			}
			if got := set.find(nil, lower, atWords); !slices.Equal(got, want) {
				t.Errorf("find(%q, %v) = %v, want %v", lower, atWords, got, want)
			}
			if atWords && set.atStarts {
				// The text as a line of a document, read with the
				// document's words, as findPeople reads it.
				doc := "(said) mr\n" + lower + "\nms ’s"
				off := strings.IndexByte(doc, '\n') + 1
				var words []token
				for _, w := range tokenize(doc) {
					if w.start >= off && w.end <= off+len(lower) {
						words = append(words, w)
					}
				}
				if got := set.findAtWords(nil, lower, words, off); !slices.Equal(got, want) {
					t.Errorf("findAtWords(%q) with the document's words = %v, want %v", lower, got, want)
				}
			}
			if atWords {
				continue
			}
			if got := set.any(lower); got != (len(want) > 0) {
				t.Errorf("any(%q) = %v with %d occurrences", lower, got, len(want))
			}
			last := -1
			if len(want) > 0 {
				last = want[len(want)-1].at
			}
			if got := set.last(lower); got != last {
				t.Errorf("last(%q) = %d, want %d", lower, got, last)
			}
		}
	}
}

// TestWindowsAsOneSearchPerTrigger: the one pass over a line finds the
// windows that searching the line once per trigger finds, on sentences
// written for it and on every line of the dev corpus, for every pattern.
func TestWindowsAsOneSearchPerTrigger(t *testing.T) {
	lines := []string{
		"Sen. Ola Vik and Senator Eva Lind spoke; the arms envoy's aide (AWC) said so, according to Ms Lind.",
		"\"No\" - Dr. Ana Ruiz; \"Yes\"-Mr Per Moe, a spokesman for the Lake Council, told MPs and MEPs.",
		"Ünal Kaya, Präsident: spokeswoman Ida Holm says says and declared declared.",
	}
	lines = append(lines, devLines(t)...)
	nears := append([]near{acronymNear, titledNear, appositionNear, possessiveNear}, speakerNears...)
	found := 0
	for _, ln := range lines {
		lower := asciiLower(ln)
		hits := personTriggers.find(nil, lower, true)
		for _, n := range nears {
			got := windows(nil, ln, hits, n.tag, n.before, n.after)
			want := windowsByIndex(ln, lower, n.triggers, n.before, n.after)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q: windows %v, one search per trigger %v", ln, got, want)
			}
			found += len(got)
		}
	}
	if found == 0 {
		t.Error("no window found: the comparison showed nothing")
	}
}

// windowsByIndex is windows as one strings.Index search per trigger,
// skipping a trigger of a letter inside a word.
func windowsByIndex(text, lower string, triggers []string, before, after int) [][2]int {
	var wins [][2]int
	for _, tr := range triggers {
		for from := 0; ; {
			i := strings.Index(lower[from:], tr)
			if i < 0 {
				break
			}
			i += from
			from = i + len(tr)
			if startsWord(tr) && inWord(lower, i) {
				continue
			}
			a, b := max(0, i-before), min(len(text), i+len(tr)+after)
			for a > 0 && text[a-1] != ' ' && text[a-1] != '"' && i-a < before+40 {
				a--
			}
			wins = append(wins, [2]int{a, b})
		}
	}
	return merged(wins)
}

// devLines are the normalized lines of every dev article.
func devLines(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join(repo.Shared(t), "eval", "dev", "*", "articles", "*"))
	if len(files) == 0 {
		t.Error("../shared/eval/dev is missing: only the written sentences were checked")
	}
	var lines []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(normalize(string(raw)).text, "\n")...)
	}
	return lines
}

// TestLedPatternsHoldTheirTriggers: the title and speech-verb patterns
// are tried only up to a lead of bytes before a trigger, which is exact
// only if every alternative they begin with holds a trigger that near its
// start.
func TestLedPatternsHoldTheirTriggers(t *testing.T) {
	plain := strings.NewReplacer(`\`, "", "[ss]", "s", "[ee]", "e")
	for _, tc := range []struct {
		name         string
		alternatives string
		triggers     []string
		lead         int
	}{
		{"roles", roleWords, roleTriggers, roleLead},
		{"speech verbs", speechVerbs, speechTriggers, 0},
	} {
		for _, alt := range strings.Split(tc.alternatives, "|") {
			w := plain.Replace(strings.ToLower(alt)) + " "
			at := -1
			for _, tr := range tc.triggers {
				if i := strings.Index(w, tr); i >= 0 && (at < 0 || i < at) {
					at = i
				}
			}
			if at < 0 || at > tc.lead {
				t.Errorf("%s: %q holds a trigger at %d, lead %d", tc.name, alt, at, tc.lead)
			}
		}
	}
}

// TestMarkedStartsFindWhatTheWholeWindowDoes: trying a pattern only where
// its starts are marked (near a trigger, or where something shaped like a
// name runs up to a comma, "'s" or a speech verb) finds the same matches
// as trying it at every position: on sentences written for it, and on
// every line of the dev corpus.
func TestMarkedStartsFindWhatTheWholeWindowDoes(t *testing.T) {
	lines := []string{
		"Senate Majority Leader Ana Ruiz and Vice President Tomas Berg met Foreign Minister Lia Haas.",
		"\"We will not sign,\" said Karl Dunn, according to Mette Lund. \" - Sen. Ola Vik (R-KY)",
		"The arms envoy, Special Envoy Ida Holm, told reporters MP Jon Eide had left; the spokesman Per Moe emphasised it.",
		"Crown Prince Ali bin Saud and Secretary-General Rosa Mendez, with Minister of Water Affairs Eva Lind.",
		"Ünal Kaya, Präsident, said Über Alles; Dr. Sofía Núñez declared Mrs. Østby ready.",
		"Mette O'Neill-Berg, a senior fellow at the Nordic Water Institute, said the pact was fair.",
		"J. Karl van Dijk, the chief negotiator for the Lake Council, warned of delays; al-Rashid Omar said so too.",
		"Peru's water minister, Ines Quispe, and Chile's ambassador to the U.N., Tomas Vera, signed.",
		"AbcDef, a spokesman for the AquaGroup, and Ana de la Cruz said nothing; Lind  said it twice.",
		// A speaker after a quote's dash, each way it is spaced, with a
		// title, a title of a pattern's own and none.
		"\"No\"-Prof. Ana Berg; \"Yes\" -Minister of Water Affairs Eva Lind; \"So\"- Ola Vik; \"Oh\"-  Mr Per Moe; \"-",
		// Two titles begin alike: the one listed first wins, as in the
		// whole pattern.
		"Secretary General Rosa Mendez met Mrs Eva Lind. \"No\" - Secretary General Ida Holm. \"Yes\" -Mrs. Ana Berg",
		// Acronyms defined, and parentheses that define none.
		"The Nordic Water Council (NWC) and the Office of Lake Affairs (OLA) met (Reuters) with Rep. Ana Berg (D-WA).",
		"Ösel Ünal Front (ÖÜF) and the Lake Guard (LG ) and Sea Watch (SEAWATCH)",
		// A title or speech verb inside a word begins nothing, though the
		// pattern matches there.
		"Speaker Tom Vik met LoudSpeaker Eva Lind and UnMrs Ana Berg; Lind said Ola Vik, the aforesaid Karl Dunn.",
		// A title that starts inside a word but holds its trigger at a
		// word start still matches there.
		"Speaker Tom Vik met xVice President Ana Berg.",
	}
	lines = append(lines, devLines(t)...)
	nears := append([]near{acronymNear, titledNear, appositionNear, possessiveNear}, speakerNears...)
	matched := map[string]int{}
	for _, ln := range lines {
		lower := asciiLower(ln)
		hits := personTriggers.find(nil, lower, true)
		for _, n := range nears {
			if n.starts == nil && !n.led && n.spoken == nil {
				continue
			}
			for _, w := range windows(nil, ln, hits, n.tag, n.before, n.after) {
				var want, got [][]int
				for _, m := range n.re.FindAllStringSubmatchIndex(ln[w[0]:w[1]], -1) {
					// A trigger inside a word begins nothing: a led match
					// needs one at a word start, at most n.lead bytes in.
					if !n.led || triggerAtWordStart(lower, w[0]+m[0], n) {
						want = append(want, m)
					}
				}
				switch {
				case n.led:
					got = findFrom(nil, &n, ln[w[0]:w[1]], ledStarts(nil, &n, hits, w))
				case n.spoken != nil:
					got = findFrom(nil, &n, ln[w[0]:w[1]], n.spoken.before(nil, ln[w[0]:w[1]], hits, n.tag, w[0]))
				default:
					got = findFrom(nil, &n, ln[w[0]:w[1]], n.starts(nil, ln[w[0]:w[1]], lower[w[0]:w[1]]))
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%q in %q: %v, every position %v", n.re, ln[w[0]:w[1]], got, want)
				}
				matched[n.re.String()] += len(got)
			}
		}
	}
	for _, n := range nears {
		if (n.starts != nil || n.led || n.spoken != nil) && matched[n.re.String()] == 0 {
			t.Errorf("%q matched nothing: the comparison showed nothing", n.re)
		}
	}
}

// TestQuoteDash: the dash before a quote's speaker, each way it is
// spaced, and texts that open with none.
func TestQuoteDash(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{`" - Ana`, 4}, {`" -Ana`, 3}, {`"- Ana`, 3}, {`"-Ana`, 2}, {`"-  Ana`, 3}, {`" -`, 3}, {`"-`, 2},
		{`"  - Ana`, -1}, {`" Ana`, -1}, {`"`, -1}, {"", -1}, {`- Ana`, -1},
	}
	for _, tc := range tests {
		if got := quoteDash(tc.s); got != tc.want {
			t.Errorf("quoteDash(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

// TestAltsAfterOpening: each alt of the quote's speaker is listed under
// the byte after the dash of every text one of its texts begins.
func TestAltsAfterOpening(t *testing.T) {
	n := speakerNears[3]
	if n.opening == nil {
		t.Fatal("the quote's speaker has no opening")
	}
	for k, a := range n.alts {
		for _, texts := range a.begin.byFirst {
			for _, tx := range texts {
				for _, text := range []string{tx + "Ana Ruiz", tx + " Ana", tx + "-"} {
					if o := quoteDash(text); !slices.Contains(n.altsAt[text[o]], k) {
						t.Errorf("alt %d is not listed after the dash of %q", k, text)
					}
				}
			}
		}
	}
}

// triggerAtWordStart reports one of n's triggers at most n.lead bytes
// after byte at of lower that is not inside a word (one that begins with
// no letter counts anywhere), by searching for each.
func triggerAtWordStart(lower string, at int, n near) bool {
	for _, tr := range n.triggers {
		for k := at; k <= at+n.lead && k < len(lower); k++ {
			if strings.HasPrefix(lower[k:], tr) && !(startsWord(tr) && inWord(lower, k)) {
				return true
			}
		}
	}
	return false
}

// TestNameStartsOnePass: the one-pass marking of name starts marks what
// walking on from every capital would, for each condition a pattern uses,
// on sentences written for it and on every line of the dev corpus.
func TestNameStartsOnePass(t *testing.T) {
	walk := func(ends []string) func(string) []int {
		return func(text string) []int {
			var starts []int
			for pos := range text {
				if !nameWordStart(text[pos:]) {
					continue
				}
				for k := pos; k < len(text); {
					if hasAnyPrefix(text[k:], ends) {
						starts = append(starts, pos)
						break
					}
					r, size := utf8.DecodeRuneInString(text[k:])
					if r == ' ' {
						if !nameWordStart(text[k+1:]) && !hasAnyPrefix(text[k+1:], nameParticles) {
							break
						}
					} else if !unicode.IsLetter(r) && r != '\'' && r != '-' && r != '.' {
						break
					}
					k += size
				}
			}
			return starts
		}
	}
	conds := map[string][]string{
		"comma":      {", "},
		"possessive": {"'s "},
		"speech":     each(" ", strings.Join(speechTriggers, "|"), ""),
	}
	lines := append([]string{
		"Ana Ruiz, a fellow, and Omar bin Zayed al-Rashid said no; Peru's envoy",
		"Dr. Sofía Núñez de la Cruz said so, O'Neill-Berg's aide, and El-Baz",
		"Jo Ann. Lee said, Ünal Kaya's view",
		"Ana", "", " said Ana, ",
	}, devLines(t)...)
	for name, ends := range conds {
		want, got := walk(ends), nameThen(ends...)
		marked := 0
		var room []int // reused from line to line, as findNear does
		for _, ln := range lines {
			w, g := want(ln), got(room, ln, asciiLower(ln))
			room = g
			if !slices.Equal(w, g) {
				t.Errorf("%s on %q: marks %v, walking marks %v", name, ln, g, w)
			}
			marked += len(g)
		}
		if marked == 0 {
			t.Errorf("%s marked nothing: the comparison showed nothing", name)
		}
	}
}

// TestNameWordStart: a capital letter, ASCII or not, or "al-" and "el-" in
// any case begin a name's word; nothing else does. startsNameAt, the
// byte test before it, passes each and, in ASCII, nothing else.
func TestNameWordStart(t *testing.T) {
	for s, want := range map[string]bool{
		"Ana": true, "Ünal": true, "Ōta": true, "al-Rashid": true, "El-Baz": true, "AL-": true,
		"ana": false, "ünal": false, "al": false, "el Baz": false, "": false, "-Ana": false, "1Ana": false,
	} {
		if got := nameWordStart(s); got != want {
			t.Errorf("nameWordStart(%q) = %v, want %v", s, got, want)
		}
		if s == "" {
			continue
		}
		if got := startsNameAt(s, 0); want && !got || !want && s[0] < utf8.RuneSelf && got {
			t.Errorf("startsNameAt(%q, 0) = %v, nameWordStart %v", s, got, want)
		}
		if want && !nameLead[s[0]] {
			t.Errorf("nameLead[%q] is false where a name starts", s[0])
		}
	}
}

// TestNationalityAt: the nationality before a title is found where the
// expression it replaced finds it, in sentences written for it and
// before every title of the dev corpus.
func TestNationalityAt(t *testing.T) {
	re := regexp.MustCompile(`(?:U\.S\.|U\.K\.|\p{Lu}\p{L}+) $`)
	check := func(s string) {
		n, ok := nationalityAt(s)
		want := re.FindStringIndex(s)
		if ok != (want != nil) || ok && n != want[0] {
			t.Errorf("%q: at %d (%v), the expression at %v", s, n, ok, want)
		}
	}
	for _, s := range []string{"the Syrian ", "the U.S. ", "former U.K. ", "McCarthy ", "al-Assad ", "Ösel ",
		"the Ünal ", "S ", "syrian ", "Syrian  ", "Syrian", " ", "", "42 ", "xU.S. ", "Franco-German ", "ÅÅ "} {
		check(s)
	}
	titles := 0
	for _, ln := range devLines(t) {
		lower := asciiLower(ln)
		for _, m := range findNear(&titledNear, ln, lower, personTriggers.find(nil, lower, true), &nearScratch{}) {
			check(ln[max(0, m[0]-24):m[0]])
			titles++
		}
	}
	if titles == 0 {
		t.Error("no title in the dev corpus: the comparison showed nothing")
	}
}

// TestSpannedWindows: a pattern with a span finds on a line what it finds
// when every window is searched, on sentences written for it and on every
// line of the dev corpus; spans says which windows can hold a match.
func TestSpannedWindows(t *testing.T) {
	lines := []string{
		"Peru's envoy to the U.N., Ines Quispe, said so; Chile's minister, Tomas Vera, agreed.",
		"Norway's decision, Ana Lind said, and Norway's envoy, who left, and NORWAY'S ENVOY, ANA LIND.",
		"It's the lake's worth, the river's, that Peru's water minister, Ines Quispe, named.",
		"Ana Ruiz, a senior fellow at the Lake Institute, and Per Moe, a lawyer, spoke; Eva Lind, head of policy with Sea Watch, agreed.",
		"Ana Ruiz, 42, a fellow at Lake College, and Per Moe, the head of the agency, said so.",
	}
	lines = append(lines, devLines(t)...)
	var room nearScratch // reused from line to line, as the extractor does
	for _, n := range []near{appositionNear, possessiveNear} {
		found := 0
		for _, ln := range lines {
			lower := asciiLower(ln)
			hits := personTriggers.find(nil, lower, true)
			every := n
			every.sep = ""
			got, want := findNear(&n, ln, lower, hits, &room), findNear(&every, ln, lower, hits, &nearScratch{})
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q in %q: found %v, every window searched %v", n.re, ln, got, want)
			}
			found += len(got)
		}
		if found < 3 {
			t.Errorf("%q: %d matches, the comparison showed too little", n.re, found)
		}
	}
	tests := []struct {
		n      near
		window string
		want   bool
	}{
		{possessiveNear, "Peru's envoy, Ines Quispe", true},
		{possessiveNear, "the lake's worth, and Peru's envoy, Ines Quispe", true},
		{possessiveNear, "Peru's 2 envoys, Ana Lind", false},
		{possessiveNear, "Peru's decision, Ines Quispe", false},
		{possessiveNear, "PERU'S envoy, Ines Quispe", false},
		{possessiveNear, "Peru's envoy, who left", false},
		{appositionNear, "Ana Ruiz, a senior fellow at the Lake Institute", true},
		{appositionNear, "Ana Ruiz, 42, a fellow at Lake College", true},
		{appositionNear, "Ana Ruiz, a fellow at the college", false},
		{appositionNear, "Ana Ruiz, who spoke, said so", false},
	}
	for _, tc := range tests {
		if got := spans(&tc.n, tc.window); got != tc.want {
			t.Errorf("%q: spans %v, want %v", tc.window, got, tc.want)
		}
	}
}

// TestLettersAnd: the run of letters and the table's bytes that begins a
// text, letters outside ASCII among them.
func TestLettersAnd(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"a senior fellow at the lake, said", len("a senior fellow at the lake")},
		{"head of co-operation", len("head of co-operation")},
		{"the Öresund envoy, 42", len("the Öresund envoy")},
		{"fellow since 2019", len("fellow since ")},
		{"", 0},
		{"(a fellow)", 0},
		{"aide\xff at", len("aide")},
		{"aide — at", len("aide ")},
	}
	for _, tc := range tests {
		got := lettersAnd(tc.s, &roleBytes)
		if got != tc.want {
			t.Errorf("%q: %d, want %d", tc.s, got, tc.want)
		}
		if want := leadRun(tc.s, func(r rune) bool { return unicode.IsLetter(r) || r == '.' || r == '-' || r == ' ' }); got != want {
			t.Errorf("%q: %d, leadRun %d", tc.s, got, want)
		}
	}
}

// TestSpans: a pattern with a span is tried only on the part of a
// sentence it can span, and not at all where it cannot match; every match
// of the pattern lies inside that part.
func TestSpans(t *testing.T) {
	tests := []struct {
		near near
		s    string
		want string // the part tried, "" for none
	}{
		{appositionNear, "Ana Ruiz, a senior fellow at the Lake Institute, said so", "Ana Ruiz, a senior fellow at the Lake Institute"},
		{appositionNear, "Ana Ruiz, head of policy with Lake Water Co. and others", "Ana Ruiz, head of policy with Lake Water Co. and others"},
		{appositionNear, "Ana Ruiz, a fellow at AT&T Labs, said", "Ana Ruiz, a fellow at AT&T Labs"},
		{appositionNear, "Ana Ruiz, who spoke at the Water Forum", "Ana Ruiz, who spoke at the Water Forum"},
		{appositionNear, "Ana Ruiz, the head of the agency, said", ""},
		{appositionNear, "Ana Ruiz, 42, a fellow at Lake College", ""},
		{appositionNear, "Ana Ruiz, O'Neill's aide at Lake College", ""},
		{appositionNear, "Ana Ruiz said so at Lake College", ""},
		{appositionNear, "Ana Ruiz, a fellow at Ösel University", "Ana Ruiz, a fellow at Ösel University"},
		// The longest role the pattern reads, an article and seven words,
		// and one a word longer, which it does not.
		{appositionNear, "Ana Ruiz, the long serving and widely read chief fellow at Lake College. He said", "Ana Ruiz, the long serving and widely read chief fellow at Lake College. He said"},
		{appositionNear, "Ana Ruiz, the long serving and widely read chief water fellow at Lake College", ""},
		{appositionNear, "Ana Ruiz, long serving and widely read chief water fellow at Lake College", "Ana Ruiz, long serving and widely read chief water fellow at Lake College"},
		{appositionNear, "Ana Ruiz, who has long been the most vocal critic of plans at Lake College", ""},
		{possessiveNear, "Peru's envoy to the U.N., Ines Quispe, said so", "Peru's envoy to the U.N., Ines Quispe"},
		{possessiveNear, "Chile's deputy foreign minister, Tomas O'Neill-Vera. Then", "Chile's deputy foreign minister, Tomas O'Neill-Vera. Then"},
		{possessiveNear, "Norway's decision, Ana Lind said", ""},
		{possessiveNear, "Norway's envoy said, Ana Lind", "Norway's envoy said, Ana Lind"}, // tried, and the pattern finds no match
		{possessiveNear, "Norway's envoy, who left", ""},
		{possessiveNear, "Norway's envoy, al-Rashid (ret.)", "Norway's envoy, al-Rashid "},
		{possessiveNear, "Norway's 2 envoys, Ana Lind", ""},
		{possessiveNear, "Norway said so", ""},
	}
	for _, tc := range tests {
		got := tc.s[:tc.near.span(tc.s)]
		if got != tc.want {
			t.Errorf("%q: tried on %q, want %q", tc.s, got, tc.want)
		}
		if m := tc.near.at.re.FindStringIndex(tc.s); m != nil && m[1] > len(got) {
			t.Errorf("%q: the match %q runs past the part tried", tc.s, tc.s[:m[1]])
		}
	}
}

// TestRoleThenOrgHoldsEveryRole: an apposition's role is read up to
// its first roleSpaces spaces, as far as the pattern reads it: after an
// article exactly as far, and every role the pattern matches is found.
func TestRoleThenOrgHoldsEveryRole(t *testing.T) {
	words := strings.Fields("long serving and widely read chief water policy fellow")
	for k := 1; k <= len(words); k++ {
		for _, article := range []string{"", "the "} {
			rest := article + strings.Join(words[:k], " ") + " at Lake College"
			matched, found := reApposition.MatchString("Ana Ruiz, "+rest), roleThenOrg(rest)
			if matched && !found || article != "" && matched != found {
				t.Errorf("%q: role found %v, the pattern matches %v", rest, found, matched)
			}
			if want := len(strings.Fields(article))+k <= roleSpaces; found != want {
				t.Errorf("%q: role found %v, want %v", rest, found, want)
			}
		}
	}
}

// TestPrefixSet: begins is whether the text opens with one of the set's
// texts, whatever their lengths.
func TestPrefixSet(t *testing.T) {
	set := newPrefixSet([]string{" said", " told", ",", "'s "})
	for s, want := range map[string]bool{
		" said so": true, " said": true, " sai": false, " Said": false, " told": true, " toll": false,
		", then": true, ",": true, "'s aide": true, "'s": false, "'t ": false, " Ana said": false, "": false, "x": false,
	} {
		if got := set.begins(s); got != want {
			t.Errorf("begins(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestDocActorsResetAsNew: what one document taught its actors' record is
// gone once it is reset for another: the next document reads as with a
// new record (people, names, titles, actors, groups, mentions).
func TestDocActorsResetAsNew(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	first := "Foreign Minister Tom Reyes of Chile spoke. Reyes said Peru agreed, Green MEP Ann Woods said."
	next := "Peru's envoy, Eva Lind, said Chile waited. Lind spoke for Peru."
	read := func(d *docActors, text string) string {
		d.findPeople(text, asciiLower(text))
		ms := d.mentions(text, 0, len(text))
		for _, m := range ms {
			a := d.actor(m.id, m.surface, model.Group)
			a.mentions++
			a.aliases.add(m.surface)
		}
		var out []string
		for _, id := range slices.Sorted(maps.Keys(d.people)) {
			out = append(out, fmt.Sprintf("person %s %q", id, d.people[id].role))
		}
		for _, n := range slices.Sorted(maps.Keys(d.byName)) {
			out = append(out, "name "+n+" "+d.byName[n])
		}
		for _, tt := range d.titled {
			out = append(out, fmt.Sprintf("titled %+v", tt))
		}
		for _, m := range ms {
			out = append(out, fmt.Sprintf("mention %+v", m))
		}
		for _, id := range d.ordered {
			a := d.actors[id]
			out = append(out, fmt.Sprint("actor ", a.id, a.name, a.kind, a.mentions, slices.Sorted(slices.Values(a.aliases))))
		}
		out = append(out, fmt.Sprint("actors ", len(d.actors), len(d.groups), len(d.affils)))
		return strings.Join(out, "\n")
	}
	d := newDocActors(g)
	read(d, first)
	d.groups["Lake Council"] = "group:lake-council"
	d.affils[[2]string{"a", "b"}] = "c"
	d.reset()
	if slices.ContainsFunc(d.firsts.bits, func(w uint64) bool { return w != 0 }) {
		t.Error("after a reset, the filter of first words still holds words")
	}
	if len(d.plausible) != 0 {
		t.Errorf("after a reset, %d names' plausibility kept", len(d.plausible))
	}
	if got, want := read(d, next), read(newDocActors(g), next); got != want {
		t.Errorf("after a reset:\n%s\nwant, as new:\n%s", got, want)
	}
	if d.used != len(d.actors) {
		t.Errorf("%d actor records taken for %d actors: the first document's are not filled again", d.used, len(d.actors))
	}
}

// TestPlausibleNameKept: a document's answer for a name is the
// gazetteer's, the first time it is asked and every time after.
func TestPlausibleNameKept(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want bool
	}{
		{"Tom Reyes", true},
		{"Kenya", false},          // a state
		{"Kenyans", false},        // its people
		{"Minister Reyes", false}, // a title
		{"Reyes", true},
	}
	d := newDocActors(g)
	for round := range 2 {
		for _, tc := range tests {
			if got := d.plausibleName(tc.name); got != tc.want || got != g.plausibleName(tc.name) {
				t.Errorf("round %d: plausibleName(%q) = %v, want %v", round, tc.name, got, tc.want)
			}
		}
	}
	if len(d.plausible) != len(tests) {
		t.Errorf("%d answers kept for %d names", len(d.plausible), len(tests))
	}
}

// TestModifierOnly: a name with a hyphenated affix next to it modifies
// something else; a name alone, or a dash with spaces, names the actor.
func TestModifierOnly(t *testing.T) {
	tests := []struct {
		seg, name string
		want      bool
	}{
		{"the Peru-led talks", "Peru", true},
		{"a Chile-backed plan", "Chile", true},
		{"the anti-Peru camp", "Peru", true},
		{"ANTI-Peru slogans", "Peru", true},
		{"Non-Chile members", "Chile", true},
		{"Peru said no", "Peru", false},
		{"Peru - a founder - said no", "Peru", false},
		{"Peru-Chile talks", "Peru", false},
		{"Peru", "Peru", false},
	}
	for _, tt := range tests {
		start := strings.Index(tt.seg, tt.name)
		if got := modifierOnly(tt.seg, start, start+len(tt.name)); got != tt.want {
			t.Errorf("modifierOnly(%q, %q) = %v, want %v", tt.seg, tt.name, got, tt.want)
		}
	}
}

// TestTrimTrailingNonName: words a name pattern swallowed after a name
// are cut, and the rest spaced singly; a name alone comes back as it is.
func TestTrimTrailingNonName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ana Ruiz", "Ana Ruiz"}, {"Ana Ruiz Monday", "Ana Ruiz"}, {"Ana  Ruiz", "Ana Ruiz"},
		{" Ana Ruiz", "Ana Ruiz"}, {"Ana Ruiz ", "Ana Ruiz"}, {"Ana\tRuiz", "Ana Ruiz"},
		{"Ünal Kaya", "Ünal Kaya"}, {"Monday", "Monday"}, {"", ""},
	}
	for _, tt := range tests {
		if got := trimTrailingNonName(tt.in); got != tt.want {
			t.Errorf("trimTrailingNonName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIsTitleWord: a title in any case, with its period or not, in ASCII
// or not; other words are not.
func TestIsTitleWord(t *testing.T) {
	// "Tánaiste" is not ASCII, and the long word outgrows the buffer:
	// both are lowered by strings.ToLower instead.
	for w, want := range map[string]bool{"Mr": true, "mr.": true, "MINISTER": true, "Senator": true,
		"Tánaiste": true, "Ruiz": false, "": false, "Ünal": false, strings.Repeat("x", 40): false,
		"President" + strings.Repeat(" ", 30): false,
		// A first letter and length no title has, and ones some title has;
		// "İ" lowers to "i", a byte shorter.
		"Zed": false, "Mrx": false, "Pope.": true, "Prim": false, "KİNG": true, "PRİME": true} {
		if got := isTitleWord(w); got != want {
			t.Errorf("isTitleWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestLooksLikeRole: a role holds one of roleNouns anywhere, in any case,
// inside a longer word too ("spokeswoman", "co-founder").
func TestLooksLikeRole(t *testing.T) {
	for role, want := range map[string]bool{
		"a senior fellow at": true, "the bank's CHIEF ECONOMIST": true, "spokeswoman for": true,
		"co-founder of": true, "a former adviser to": true, "a member of": true,
		"who lives in": false, "a farmer from": false, "": false, "Ökonomin bei": false,
	} {
		if got := looksLikeRole(role); got != want {
			t.Errorf("looksLikeRole(%q) = %v, want %v", role, got, want)
		}
	}
}

// slug lowers a name and joins its words with single hyphens, letters
// outside ASCII kept.
func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Ana Ruiz":             "ana-ruiz",
		"Ahmed al-Sharaa":      "ahmed-al-sharaa",
		"  Lena  O'Neill, Jr.": "lena-o-neill-jr",
		"Recep Tayyip Erdoğan": "recep-tayyip-erdoğan",
		"İlhan Ünal":           "ilhan-ünal",
		"G7 -- Summit":         "g7-summit",
		"...":                  "",
		"\xff\xfeAb":           "ab",
		"":                     "",
		"Ⱥb":                   "ⱥb", // longer in UTF-8 lowered
		"ǅemal":                "ǆemal",
		"a--":                  "a",
		"Zoë 9Z_x@Y":           "zoë-9z-x-y",
	} {
		if got := slug("", in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
		// The prefix comes first, unchanged, and no hyphen follows it.
		if got := slug("group:", in); got != "group:"+want {
			t.Errorf("slug(group:, %q) = %q, want %q", in, got, "group:"+want)
		}
	}
}

// FuzzSlug: slug's words are those of the text strings.ToLower makes,
// split at every character that is no letter or digit, joined by single
// hyphens.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Ana Ruiz", "İlhan Ünal", "Ⱥb", "-a--b-", "\xff\xfeAb", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if got, want := slug("state:", s), "state:"+strings.Join(words, "-"); got != want {
			t.Errorf("slug(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestNameStartsBefore: read from the hits, a speech verb's name starts
// are the whole window's, though the scan begins after the last byte no
// name holds before the first verb and ends at the last.
func TestNameStartsBefore(t *testing.T) {
	n := &speakerNears[1]
	whole := nameThen(each(" ", strings.Join(speechTriggers, "|"), "")...)
	for _, tc := range []struct {
		line string
		want []string // the text from each start to its verb, or its word
	}{
		{"The vote, Ana Ruiz said, was close.", []string{"Ana Ruiz said", "Ruiz said"}},
		{"Ola Vik (Oslo) and Eva Lind told us", []string{"Eva Lind told", "Lind told"}},
		{"Ola Vik said; Eva Lind told Kim", []string{"Ola Vik said", "Vik said", "Eva Lind told", "Lind told"}},
		{"In 2020 Omar bin Zayed warned that Tove Berg would", []string{"Omar bin Zayed warned", "Zayed warned"}},
		{"Nobody here said a word about Ines Quispe", nil},
		{"Dr. Lea Holm noted it", []string{"Dr.", "Lea Holm noted", "Holm noted"}},
	} {
		lower := asciiLower(tc.line)
		hits := personTriggers.find(nil, lower, true)
		var got []string
		for _, w := range windows(nil, tc.line, hits, n.tag, n.before, n.after) {
			text := tc.line[w[0]:w[1]]
			starts := n.spoken.before(nil, text, hits, n.tag, w[0])
			if all := whole(nil, text, lower[w[0]:w[1]]); !slices.Equal(starts, all) {
				t.Errorf("%q: starts %v, the whole window's %v", tc.line, starts, all)
			}
			for _, s := range starts {
				m := nameThenSpeech(text[s:], 0)
				if m == nil {
					m = []int{0, strings.IndexByte(text[s:], ' ')} // a start no name reads from
				}
				got = append(got, text[s:s+m[1]])
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestNamedFirstWord: a name puts its first word, lower-cased, in the
// filter of first words only if it opens with a letter or digit; the
// word is tokenize's first token.
func TestNamedFirstWord(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, first string }{
		{"Ana Ruiz", "ana"},
		{"O'Neill-Berg", "o"},
		{"al-Rashid", "al"},
		{"ruiz", "ruiz"},
		{"Núñez Lind", ""}, // not ASCII: no hash to add
		{"3M Board", "3m"},
		{" Ana", ""},
		{"«Ana»", ""},
		{"", ""},
	} {
		d := newDocActors(g)
		d.named(tc.name, "person:x")
		var want wordBits
		want.bits = make([]uint64, len(d.firsts.bits))
		if toks := tokenize(tc.name); len(toks) > 0 && toks[0].start == 0 {
			want.add(tc.name[:toks[0].end])
		}
		if tc.first != "" {
			if h, _ := hashLower(tc.first); !d.firsts.has(h) {
				t.Errorf("%q: %q not in the filter", tc.name, tc.first)
			}
		}
		if !slices.Equal(d.firsts.bits, want.bits) {
			t.Errorf("%q: the filter is not the one of tokenize's first token", tc.name)
		}
	}
}

// TestBeginsHoldsBoth: the set mentions tests each word against first
// holds every word that begins a known person's name or a gazetteer
// name (so that it turns away only words that begin neither); a clone
// keeps the people's words apart from the original's, and a reset leaves
// the gazetteer's alone.
func TestBeginsHoldsBoth(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	d := newDocActors(g)
	d.addPerson("Ana Ruiz", "", "")
	d.addPerson("Tomas Velk", "", "")
	c := d.clone()
	c.addPerson("Ilse Quarro", "", "")
	may := func(d *docActors, w string) bool {
		h, _ := hashLower(w)
		return d.begins.has(h)
	}
	for _, tc := range []struct {
		word            string
		inD, inC, reset bool
	}{
		{"Ana", true, true, false},
		{"ruiz", true, true, false},
		{"Velk", true, true, false},
		{"Ilse", false, true, false},
		{"Quarro", false, true, false},
		{"Iran", true, true, true},
		{"China", true, true, true},
	} {
		h, _ := hashLower(tc.word)
		if got := may(d, tc.word); got != tc.inD || d.begins.has(h) != (d.firsts.has(h) || g.firstWords.has(h)) {
			t.Errorf("%q: in the document's set %v, want %v", tc.word, got, tc.inD)
		}
		if got := may(c, tc.word); got != tc.inC {
			t.Errorf("%q: in the clone's set %v, want %v", tc.word, got, tc.inC)
		}
	}
	d.reset()
	if !slices.Equal(d.begins.bits, g.firstWords.bits) {
		t.Error("a reset set is not the gazetteer's first words")
	}
	for _, w := range []string{"Ana", "Velk", "Iran"} {
		h, _ := hashLower(w)
		if got, want := may(d, w), g.firstWords.has(h); got != want {
			t.Errorf("%q after reset: %v, want %v", w, got, want)
		}
	}
}

// TestWordsInAsTokenized: the words mentions reads of any span of the
// document are the span's own tokens, in the document's offsets, whether
// the span cuts a word (a name, a letter outside ASCII) or not, and in
// whatever order the spans come; a text that is not the document's is
// tokenized.
func TestWordsInAsTokenized(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Ana Ruiz said talks in Zürich - the café's U.S.-led plan - went on.\nMr Lind (R-NY) agreed.",
		"Émile Noël, 2nd envoy: «non» — said Ödön.\n\nÅsa",
		"",
	}
	d := newDocActors(g)
	for _, text := range texts {
		d.findPeople(text, asciiLower(text))
		var spans [][2]int
		for s := 0; s <= len(text); s++ {
			for e := s; e <= len(text); e++ {
				spans = append(spans, [2]int{s, e})
			}
		}
		// In order, each span after the one before, and then backwards.
		for k := len(spans) - 1; k >= 0; k-- {
			spans = append(spans, spans[k])
		}
		for _, sp := range spans {
			s, e := sp[0], sp[1]
			want := tokenize(text[s:e])
			for k := range want {
				want[k].start += s
				want[k].end += s
			}
			if got := d.wordsIn(text, s, e); !slices.Equal(got, want) {
				t.Fatalf("%q[%d:%d]: words %v, tokenized %v", text, s, e, got, want)
			}
		}
	}
	other := strings.Clone("Ana Ruiz said so.")
	d.findPeople("Ana Ruiz said it.", "ana ruiz said it.")
	if got, want := d.wordsIn(other, 14, 16), []token{tokenize("so")[0]}; len(got) != 1 || got[0].start != 14 || got[0].h != want[0].h {
		t.Errorf("another text's words %v, want its own", got)
	}
}

// TestPersonTriggersAtStarts: findPeople reads the person triggers at
// words' first bytes only (findAtWords), which finds every hit only while
// each trigger begins with an ASCII letter or with no letter or digit,
// and in the whole document at once, which gives each line its own only
// while no trigger holds a newline.
func TestPersonTriggersAtStarts(t *testing.T) {
	if !personTriggers.atStarts {
		t.Error("a person trigger may begin inside a word: findPeople would miss it")
	}
	for _, tr := range personTriggers.list {
		if strings.Contains(tr, "\n") {
			t.Errorf("person trigger %q runs across lines", tr)
		}
	}
}
