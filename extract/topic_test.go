package extract

import (
	"context"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// TestTopicWordsSpareOnlySentencesWithoutTerms: a sentence holding none of
// the words the topic's terms spell out is not run through the terms'
// pattern, and every sentence is marked as the pattern alone would mark
// it.
func TestTopicWordsSpareOnlySentencesWithoutTerms(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		terms     []string
		needs     []string // in sorted order
		sentences []string
	}{
		{[]string{"water accord", "US-led pact", "Lake Vanter agreement"}, []string{"accord", "agreement", "pact"}, []string{
			"Chile welcomed the water accord on Monday.",
			"The U.S.-led pact drew criticism; the United States-led pact too.",
			"Nobody mentioned it at the summit.",
			"The Lake  Vanter agreement stalled.",
		}},
		// "France" alone is a state's name: no word to look for, every
		// sentence goes through the pattern.
		{[]string{"France", "grain deal"}, nil, []string{"Paris said France would wait.", "The grain deal held."}},
	}
	for _, tt := range tests {
		m, err := newTopicMatcher(model.Topic{ID: "t", Terms: tt.terms}, g)
		if err != nil {
			t.Fatal(err)
		}
		var needs []string
		if m.needs != nil {
			needs = m.needs.list
		}
		if !reflect.DeepEqual(needs, tt.needs) {
			t.Errorf("%v: words %q, want %q", tt.terms, needs, tt.needs)
		}
		every := &topicMatcher{t: m.t, groups: m.groups, first: m.first}
		for _, text := range tt.sentences {
			s := &syntax.Sentence{Text: text}
			for _, w := range tokenize(text) {
				s.Tokens = append(s.Tokens, syntax.Token{Text: text[w.start:w.end], Start: w.start, End: w.end})
			}
			got, want := m.mark(make([]bool, len(s.Tokens)), s, asciiLower(text)), every.mark(make([]bool, len(s.Tokens)), s, asciiLower(text))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q: marked %v, the pattern alone %v", text, got, want)
			}
			// A lower-cased text that is not the parser's is not trusted.
			if own := m.mark(make([]bool, len(s.Tokens)), s, ""); !reflect.DeepEqual(own, got) {
				t.Errorf("%q: marked %v on the parser's own text, %v given it", text, own, got)
			}
			if named := slices.Contains(got, true); named != (text != "Nobody mentioned it at the summit.") {
				t.Errorf("%q: names the topic: %v", text, named)
			}
		}
	}
}

// TestTopicFindIsTheUnanchoredPattern: trying the anchored pattern only at
// word boundaries finds what the unanchored pattern finds everywhere,
// including matches side by side, inside longer words (none), after
// underscores and digits, and where a longer term starts inside a shorter
// one's match.
func TestTopicFindIsTheUnanchoredPattern(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		terms []string
		texts []string
		split bool // the terms are too large for one group
	}{
		{[]string{"grain deal", "deal", "US-led pact", "2024 accord"}, []string{
			"the grain deal, the deal and the deal.",
			"dealers, ideal deals and a redeal are no deal",
			"a us-led pact, a us led pact, a usled pact and a united states-led pact",
			"_deal deal_ x2024 accord 2024 accord2 (2024 accord)",
			"grain  deal\ndeal-deal",
			"café deal, déal, naïve grain deal",
			"",
		}, false},
		{[]string{"France", "grain deal"}, []string{"paris said france would wait; the french republic's grain deal held.", "francedeal france"}, false},
		// Where terms begin alike, the longest that matches.
		{[]string{"grain", "grain deal", "grain deal text"}, []string{"the grain deal text, the grain deal, the grain, grain deals"}, false},
		// Terms that spell a state every way the gazetteer does, too many
		// for one group: the groups are tried in the terms' order.
		{[]string{"US deal", "US deal text", "US-led pact", "US grain deal", "US trade deal", "US water pact", "US-backed deal"}, []string{
			"the united states deal text was the us deal; a usa-led pact, the u.s. grain deal and us trade deals",
			"a us-backed deal, the us water pact and the us dealers",
		}, true},
		// Every term spelled out at its start: only where one begins is
		// the pattern tried.
		{[]string{"grain deal", "deal", "anti-drought pact"}, []string{
			"the grain deal, the deal and the deal.",
			"grains deal: an anti drought pact, an antidrought pact, an anti-drought  pact, anti-droughtpact",
		}, false},
		// Terms spelled out past their first word, a space standing for
		// any run of white space; one that opens with a state's name, or
		// whose words a double space parts, is spelled as its pattern
		// begins.
		{[]string{"the river accord", "the  dam deal", "US-backed truce", "a cross-border pact"}, []string{
			"the river accord, the\nriver  accord, the  dam deal, the dam deal and the\tdam\n\ndeal",
			"the river, the accord, the riveraccord, the rivers accord",
			"the US-backed truce, a United States backed truce, a cross border pact, a crossborder pact, a  cross-border pact",
		}, false},
		// A space before a newline, and a backslash, end a term's spelled
		// start: past them the pattern does not read the term as written.
		{[]string{"dam \ndeal", "port\\-lease", "the \nUS embassy"}, []string{
			"the dam \ndeal, the dam \n\ndeal, the dam deal",
			"port[- lease, port[-lease, port\\-lease, port lease",
			"the \nus embassy, the \n united states embassy",
		}, false},
		// Terms spelled out (literalTerm), matched at once where no term
		// before them can begin: a word of their own, not the start of a
		// longer one, past a run of white space, and the longer term where
		// one begins.
		{[]string{"truce", "truce talks", "the truce deal", "anti-truce vote", "US truce", "port 24 lease"}, []string{
			"the truce held, truce talks began; truces, truce_x, 2truce, truce-talks, truce.",
			"the  truce deal, the truce\ndeal, the truce deals, anti-truce vote on the truce",
			"us truce, the united states truce talks, a us truce deal",
			"port 24 lease, port 24 leases, port24 lease, port  24\tlease, port 245 lease",
		}, false},
		{[]string{"deal text draft", "deal", "text"}, []string{
			"deal text, the deal text draft, deal texts, text deal, deal text drafts",
		}, false},
		// Of two terms as long, the one listed first, however many the
		// terms: "n -deal" (a space or a hyphen, or none, then "deal") and
		// "n deal xy" give patterns of one length.
		{[]string{"n -deal", "n deal xy", "a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii", "jjjjjjjjjj", "kkkkkkkkkkk"}, []string{
			"the n deal xy, then n-deal xy",
		}, false},
	}
	for _, tt := range tests {
		m, err := newTopicMatcher(model.Topic{ID: "t", Terms: tt.terms}, g)
		if err != nil {
			t.Fatal(err)
		}
		// The terms as one pattern, longest first, as they were matched
		// before each was tried on its own.
		var alts []string
		for _, term := range tt.terms {
			p, _, _ := termPattern(normalize(term).text, g)
			alts = append(alts, p)
		}
		sort.SliceStable(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
		every := regexp.MustCompile(`\b(?:` + strings.Join(alts, "|") + `)\b`)
		if got := len(m.groups) > 1; got != tt.split {
			t.Errorf("%v: %d groups of terms", tt.terms, len(m.groups))
		}
		for _, text := range tt.texts {
			var want [][2]int
			for _, loc := range every.FindAllStringIndex(text, -1) {
				want = append(want, [2]int{loc[0], loc[1]})
			}
			if got := m.find(text, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%v in %q: found %v, the pattern %v", tt.terms, text, got, want)
			}
			if got, want := m.about(text), want != nil; got != want {
				t.Errorf("%v in %q: about %v, want %v", tt.terms, text, got, want)
			}
		}
	}
}

// TestSpellsOut: only a term of plain words whose pattern is those
// words parted by runs of white space is a literalTerm.
func TestSpellsOut(t *testing.T) {
	tests := []struct {
		pattern, lead string
		want          bool
	}{
		{`deal`, "deal", true},
		{`the\s+deal`, "the deal", true},
		{`port\s+24\s+lease`, "port 24 lease", true},
		{`the\s+\s+deal`, "the  deal", false},
		{`anti[- ]?truce`, "anti", false},
		{`u\.s\.\s+deal`, "u.s. deal", false},
		{`(?:united\s+states|us)\s+deal`, "", false},
		{`the\s+(?:united\s+states|us)`, "the ", false},
		{`café`, "café", false},
		{`deal_text`, "deal_text", false},
		{`the\s+deal`, "the deal ", false},
		{``, "", false},
	}
	for _, tt := range tests {
		if got := spellsOut(tt.pattern, tt.lead); got != tt.want {
			t.Errorf("spellsOut(%q, %q) = %v, want %v", tt.pattern, tt.lead, got, tt.want)
		}
	}
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m, err := newTopicMatcher(model.Topic{ID: "t", Terms: []string{"truce", "US truce", "the Truce  Deal", "truce talks"}}, g)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, s := range m.literals {
		words = append(words, s.words)
	}
	if want := []string{"truce talks", "truce"}; !slices.Equal(words, want) {
		t.Errorf("literal terms %q, want %q", words, want)
	}
}

// TestCoveringWords: each term holds one of the words picked, a term's
// longest word that other terms hold is picked over theirs, and a word
// that is no term's longest is not picked.
func TestCoveringWords(t *testing.T) {
	tests := []struct {
		terms [][]string
		want  []string
	}{
		{[][]string{{"ferry"}, {"ferry", "timetable"}, {"new", "ferry", "route"}}, []string{"ferry"}},
		{[][]string{{"nuclear", "deal"}, {"deal"}}, []string{"deal"}},
		{[][]string{{"canal", "toll"}, {"toll", "waiver"}}, []string{"waiver", "canal"}},
		{[][]string{{"dock", "strike"}}, []string{"strike"}},
		{[][]string{{"strikes"}, {"strike", "fund"}}, []string{"strike"}}, // held inside a longer word
		{nil, nil},
	}
	for _, tt := range tests {
		got := coveringWords(tt.terms)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.terms, got, tt.want)
		}
		for _, ws := range tt.terms {
			if !slices.ContainsFunc(got, func(w string) bool { return holdsWord(ws, w) }) {
				t.Errorf("%q: %q holds none of %q", tt.terms, ws, got)
			}
		}
	}
}

// TestFewestNeeded: a word that holds another is dropped, and a word met
// twice is kept once; a text holds one of the words kept whenever it holds
// one of those given.
func TestFewestNeeded(t *testing.T) {
	tests := []struct{ words, want []string }{
		{[]string{"membership", "accession", "member", "pact", "pact"}, []string{"accession", "member", "pact"}},
		{[]string{"deal", "agreement"}, []string{"deal", "agreement"}},
		{nil, nil},
	}
	for _, tt := range tests {
		got := fewestNeeded(tt.words)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.words, got, tt.want)
		}
		for _, text := range []string{"nato membership", "the pact", "a new deal", "its accession", "nothing"} {
			if containsAny(text, got) != containsAny(text, tt.words) {
				t.Errorf("%q in %q: %v kept, %v given", tt.words, text, containsAny(text, got), containsAny(text, tt.words))
			}
		}
	}
}

// TestTopicTermNeedsALetterOrDigit: a term of punctuation alone would
// match everywhere or nowhere; it is refused, naming it.
// TestTermLeads: a topic's terms are spelled past their first word, a
// space for any run of white space and up to a hyphen, so that the
// pattern is not tried where only their first word is; a term that opens
// with a state's name is spelled as its pattern begins.
func TestTermLeads(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m, err := newTopicMatcher(model.Topic{ID: "t", Terms: []string{"the deal", "the grain-export pact", "US embassy"}}, g)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"the deal held":         true,
		"the \n\t deal":         true,
		"the grain pact":        true,
		"the president":         false,
		"thedeal":               false,
		"the grai":              false,
		"united states embassy": true,
		"the us embassy":        false,
	} {
		if got := m.starts.begins(text); got != want {
			t.Errorf("%q: begins %v, want %v", text, got, want)
		}
	}
}

func TestTopicTermNeedsALetterOrDigit(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	_, err = newTopicMatcher(model.Topic{ID: "t", Terms: []string{"grain deal", " - "}}, g)
	if err == nil || !strings.Contains(err.Error(), `term "-"`) {
		t.Fatalf("err = %v, want one naming the term", err)
	}
}

// TestOwnClaimsReadsOnlyNamedTopics: a claim whose sentence names another
// topic is dropped when the document names that topic; when it names no
// other, no claim's sentence is read at all (nothing is allocated for
// one), as no sentence of it can name another.
func TestOwnClaimsReadsOnlyNamedTopics(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	dam := model.Topic{ID: "dam", Terms: []string{"dam accord"}}
	port := model.Topic{ID: "port", Terms: []string{"port lease"}}
	ts, err := NewTopics(g, nil, []model.Topic{dam, port}, nil)
	if err != nil {
		t.Fatal(err)
	}
	result := func() Result {
		return Result{Topic: dam, Claims: []model.Claim{{Evidence: "Peru rejected the port lease."},
			{Evidence: "Chile backed the dam accord."}, {Evidence: "Bolivia backed it."},
			{Evidence: "Chile backed the dam accord and fought the port lease."}}}
	}
	tests := []struct {
		named []bool
		want  int
	}{
		{[]bool{true, true}, 3},  // the port lease's sentence is its own
		{[]bool{true, false}, 4}, // the document never names the port lease
		{[]bool{false, false}, 4},
		// Pinned to the dam accord, which the document never names: its
		// own sentences are still read for it.
		{[]bool{false, true}, 3},
	}
	for _, tt := range tests {
		if got := ts.ownClaims(result(), &sentenceNames{ts: ts, named: tt.named}); len(got) != tt.want {
			t.Errorf("named %v: %d claims kept, want %d", tt.named, len(got), tt.want)
		}
	}
	r := result()
	if n := testing.AllocsPerRun(10, func() { ts.ownClaims(r, &sentenceNames{ts: ts, named: []bool{true, false}}) }); n != 0 {
		t.Errorf("a document naming no other topic: %.0f allocations, want none", n)
	}
}

// TestMayNameIsEachTopicsOwnSearch: the one pass over a document for all
// the topics' needed words marks a topic exactly where its own check of
// them would let its search go on: a word two topics need marks both, a
// topic with no word of its own (a state's name alone) is always marked,
// and a word counts inside a longer one as it does for a topic alone.
func TestMayNameIsEachTopicsOwnSearch(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	topics := []model.Topic{
		{ID: "dam", Terms: []string{"dam accord", "river accord"}},
		{ID: "port", Terms: []string{"port lease", "port accord"}},
		{ID: "state", Terms: []string{"France"}},
		{ID: "quota", Terms: []string{"fishing quota"}},
	}
	ts, err := NewTopics(g, nil, topics, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []bool
	}{
		{"the dam accord was signed", []bool{true, true, true, false}}, // "accord" is needed by both
		{"the port lease was signed", []bool{false, true, true, false}},
		{"nothing here", []bool{false, false, true, false}},
		{"quotas for the fishing fleet", []bool{false, false, true, true}},
		{"the accordion player", []bool{true, true, true, false}}, // inside a word, as for one topic
	}
	for _, tc := range tests {
		got := ts.mayName(tc.text)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
		for i, x := range ts.xs {
			own := x.topic.needs == nil || x.topic.needs.any(tc.text)
			if got[i] != own {
				t.Errorf("%q: topic %s marked %v, its own words say %v", tc.text, x.topic.t.ID, got[i], own)
			}
		}
	}
}

func TestReadingSameAsksEveryQuestionAgain(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	velka, err := newTopicMatcher(model.Topic{ID: "velka", Terms: []string{"Velka deal", "the deal"}}, g)
	if err != nil {
		t.Fatal(err)
	}
	read := reading{marks: []bool{false, true, true}, asked: []question{
		{kind: askLeadName, arg: "velka", answer: true},
		{kind: askHeadNoun, arg: "deal", answer: true},
		{kind: askAbout, arg: "the talks went on.", answer: false},
	}}
	for _, tt := range []struct {
		name  string
		terms []string
		marks []bool
		want  bool
	}{
		{"the same answers", []string{"Velka deal", "the deal"}, read.marks, true},
		{"other marks", []string{"Velka deal", "the deal"}, []bool{true, true, false}, false},
		{"fewer marks", []string{"Velka deal", "the deal"}, read.marks[:2], false},
		{"no first name velka", []string{"river deal", "the deal"}, read.marks, false},
		{"no name ending in deal", []string{"Velka pact", "the accord"}, read.marks, false},
		{"named by the text", []string{"Velka deal", "the deal", "talks"}, read.marks, false},
	} {
		m, err := newTopicMatcher(model.Topic{ID: "t", Terms: tt.terms}, g)
		if err != nil {
			t.Fatal(err)
		}
		if got := read.same(m, tt.marks); got != tt.want {
			t.Errorf("%s: same = %v, want %v", tt.name, got, tt.want)
		}
	}
	if !read.same(velka, read.marks) {
		t.Error("the topic read does not read the same")
	}
}

// TestReadTogetherTakesTheReadingOfATopicThatMarksAlike: of topics that
// mark the same words and are asked nothing else, the later takes the
// earlier's reading, whose actors' alias lists it then holds; one that
// marks other words is read anew.
func TestReadTogetherTakesTheReadingOfATopicThatMarksAlike(t *testing.T) {
	x := fuzzExtractor(t) // for its gazetteer and lexicon
	topics := []model.Topic{
		{ID: "water", Terms: []string{"water deal", "the deal"}},
		{ID: "harbour", Terms: []string{"harbour deal", "the deal"}},
		{ID: "friday", Terms: []string{"the deal", "on Friday"}},
	}
	ts, err := NewTopics(x.gaz, x.lex, topics, shallow.Parser{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse("d.txt", []byte("Ministers meet in Oslo\n\nNorway and Chile signed the deal on Friday, officials said. Peru welcomed the deal."))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := ts.readTogether(context.Background(), doc, readText(doc), []int{0, 1, 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs[0].Actors) == 0 || len(rs[0].Claims) == 0 {
		t.Fatalf("nothing read: %+v", rs[0])
	}
	sameLists := func(a, b Result) bool {
		for k := range a.Actors {
			if len(a.Actors[k].Aliases) == 0 || &a.Actors[k].Aliases[0] != &b.Actors[k].Aliases[0] {
				return false
			}
		}
		return true
	}
	if !sameLists(rs[0], rs[1]) {
		t.Error("harbour, which marks what water marks, was read anew")
	}
	if sameLists(rs[0], rs[2]) {
		t.Error("friday, which marks more than water, took water's reading")
	}
	for k, r := range rs {
		if r.Topic.ID != topics[k].ID || r.Claims[0].Topic != topics[k].ID {
			t.Errorf("result %d is on %q, its first claim on %q: want %q", k, r.Topic.ID, r.Claims[0].Topic, topics[k].ID)
		}
	}
}

// TestAnaphorKeepsIsAnaphor: the kept answer is isAnaphor's, asked once
// or again, for nouns that refer back and nouns and pronouns that do not.
func TestAnaphorKeepsIsAnaphor(t *testing.T) {
	lines := []string{
		"The minister defended the deal and said it would hold.",
		"Critics called a deal with Acme Corp a mistake.",
		"This step angered those who wanted another plan.",
	}
	parsed, err := shallow.New().Parse(context.Background(), lines)
	if err != nil {
		t.Fatal(err)
	}
	d := &docState{}
	for k := range parsed {
		d.sents = append(d.sents, sent{p: &parsed[k], anaphoric: make([]uint8, len(parsed[k].Tokens))})
	}
	yes := 0
	for i, s := range d.sents {
		for round := 0; round < 2; round++ {
			for tok := range s.p.Tokens {
				want := isAnaphor(s.p, tok)
				if got := d.anaphor(i, tok); got != want {
					t.Errorf("%q, token %d %q, asked %d times: %v, want %v", lines[i], tok, s.p.Tokens[tok].Text, round+1, got, want)
				}
				if want && round == 0 {
					yes++
				}
			}
		}
	}
	if yes == 0 {
		t.Error("no token refers back: the comparison showed nothing")
	}
}

// TestMayRefer: a sentence may refer to the topic by a marked name, an
// anaphor noun or pronoun, a vehicle or a concluding noun; in one with
// none of them, refers finds the topic in no word.
func TestMayRefer(t *testing.T) {
	x := fuzzExtractor(t)
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"Norway said it would sign the harbour pact.", true},
		{"Norway welcomed the decision on Monday.", true},
		{"Norway said it backed the plan's aims.", true},
		{"Lawmakers in Oslo voted for the measure.", true},
		{"Norway praised the conclusion of the talks.", true},
		{"The minister said that farmers in Norway were worried.", false},
		{"Farmers in Norway protested outside parliament on Monday.", false},
		{"Critics said the fishing quotas would hurt coastal towns.", false},
	} {
		t.Run(tt.sentence, func(t *testing.T) {
			d := parsedDocOf(t, x, "Pact signed\n\n"+tt.sentence)
			d.scratch.marks = emptied(d.scratch.marks, d.parsedTokens())
			d.markTopic(d.scratch.marks)
			if d.sents[1].p == nil {
				t.Fatal("not parsed")
			}
			got := d.mayRefer(1)
			if got != tt.want {
				t.Errorf("mayRefer = %v, want %v", got, tt.want)
			}
			for k := range d.sents[1].p.Tokens {
				if r := d.refersTo(1, k); !got && r != noReference && r != notTopic {
					t.Errorf("token %d refers to the topic (%d) where mayRefer found no word that can", k, r)
				}
			}
		})
	}
}

// TestWithLead: a lead that another begins is dropped, whichever comes
// first, and the leads turn away and let through the same texts as all
// of them would.
func TestWithLead(t *testing.T) {
	tests := []struct {
		leads []string
		want  []string
	}{
		{[]string{"harbour pact", "harbour"}, []string{"harbour"}},
		{[]string{"harbour", "harbour pact", "harbour levy"}, []string{"harbour"}},
		{[]string{"harbour levy", "harbour pact", "harbour "}, []string{"harbour "}},
		{[]string{"harbour ", "harbourmaster"}, []string{"harbour ", "harbourmaster"}},
		{[]string{"u.s", "us", "u.s.a", "usa", "us"}, []string{"u.s", "us"}},
		{[]string{"river basin", "river accord"}, []string{"river basin", "river accord"}},
	}
	texts := []string{"harbour pact", "harbour  levy", "harbour\tfees", "harbourmaster", "harbou", "u.s.-led", "usa", "use",
		"us  talks", "river   basin", "river accords", "river deal", ""}
	for _, tt := range tests {
		var got []string
		for _, l := range tt.leads {
			got = withLead(got, l)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: leads %q, want %q", tt.leads, got, tt.want)
		}
		for _, text := range texts {
			all := slices.ContainsFunc(tt.leads, func(l string) bool { return spacedPrefix(text, l) })
			if kept := slices.ContainsFunc(got, func(l string) bool { return spacedPrefix(text, l) }); kept != all {
				t.Errorf("%q: %q begins with the kept leads %v, with all %v", tt.leads, text, kept, all)
			}
		}
	}
}
