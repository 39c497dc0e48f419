package extract

import (
	"cmp"
	"fmt"
	"regexp"
	resyntax "regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/stancegraph/stancegraph/extract/wordset"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// topicMatcher finds the words that refer to the topic: its own names
// from the configuration, and in an article about it the nouns news uses
// for an event once it has been named ("the deal", "the move", "the
// step").
type topicMatcher struct {
	t model.Topic
	// groups are the terms' patterns, longest first, in as few groups as
	// keep each small enough for Go's backtracking matcher, each anchored
	// at the start of its input and tried only where a match can begin
	// (see find): run unanchored over every sentence, the terms as one
	// pattern cost a sixteenth of extraction, and a term that spells a
	// state every way the gazetteer does made them too large for that
	// matcher. They are searched by hand (anchored); the size still
	// matters where the search leaves one to regexp.
	groups []termGroup
	// first holds the bytes a match can begin with, and starts texts one
	// of which begins every match: a position that begins with none is
	// not tried.
	first  *[256]bool
	starts *starts
	// inner holds the bytes a match can hold: a try reads the text only
	// up to the first other byte, not to the document's end, which made
	// the matcher drop to its slowest algorithm.
	inner *[256]bool
	// needs holds words one of which each term holds in a word that any
	// match of it spells out as it is (see coveringWords); a sentence
	// with none of them names no term, and most sentences are spared the
	// pattern. Nil when a term has no such word (one made of a state's
	// names alone). Looked for in one pass, not one search per word.
	needs *triggerSet
	// leadNames are the first words, lower-cased, of the terms of more
	// than one word that begin with a capital: a name, not a common word
	// ("Mercosur" of "Mercosur deal", not "trade" of "trade pact").
	leadNames map[string]bool
	// headNouns are the last words, lower-cased, of the terms: the nouns
	// the topic's names end in ("deal" for "Brexit deal"). Made once: a
	// reading's questions are asked again of every topic that may share
	// it.
	headNouns map[string]bool
	// literals are the terms whose pattern spells them out (see
	// literalTerm), in the terms' order: where one matches and no term
	// before it can, it is the match, found with no pattern run (a
	// topic's term matched by its groups cost 2,000 instructions).
	literals []literalTerm
}

// literalTerm is a term of lower-case ASCII letters and digits, words
// parted by one space, whose pattern is those words with a run of white
// space between them (spacedEnd reads it so), and the texts one of which
// begins every match of each term before it (its pattern longer, or as
// long and listed first).
type literalTerm struct {
	words  string
	before *starts
}

func newTopicMatcher(t model.Topic, g *Gazetteer) (*topicMatcher, error) {
	type termAlt struct{ pattern, lead string }
	var alts []termAlt
	var plain [][]string
	spelled := true
	for _, term := range t.Terms {
		term = strings.TrimSpace(normalize(term).text)
		if term == "" {
			continue
		}
		if !strings.ContainsFunc(term, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return nil, fmt.Errorf("extract: topic %q: term %q has no letter or digit", t.ID, term)
		}
		pattern, words, lead := termPattern(term, g)
		alts = append(alts, termAlt{pattern, lead})
		if p := plainWords(words); p != nil {
			plain = append(plain, p)
		} else {
			spelled = false
		}
	}
	var needs []string
	if spelled {
		needs = fewestNeeded(coveringWords(plain))
	}
	if len(alts) == 0 {
		return nil, fmt.Errorf("extract: topic %q has no terms", t.ID)
	}
	// Longest first, so that "nuclear deal" wins over "deal"; of two as
	// long, the one listed first (sort.Slice kept that order only up to
	// twelve terms).
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i].pattern) > len(alts[j].pattern) })
	patterns := make([]string, len(alts))
	for i, a := range alts {
		patterns[i] = a.pattern
	}
	re, err := regexp.Compile(`\b(?:` + strings.Join(patterns, "|") + `)\b`)
	if err != nil {
		return nil, fmt.Errorf("extract: topic %q terms: %w", t.ID, err)
	}
	leadsOf := func(alts []termAlt) *starts {
		l := &starts{spaced: true}
		for _, a := range alts {
			if !addLead(l, a.lead, a.pattern) {
				return nil
			}
		}
		return l
	}
	parsed := syntaxOf(re)
	m := &topicMatcher{t: t, first: firstBytes(parsed), starts: leadsOf(alts), inner: innerBytes(parsed), leadNames: map[string]bool{},
		headNouns: map[string]bool{}}
	if needs != nil {
		m.needs = newTriggerSet(needs)
	}
	for _, term := range t.Terms {
		if f := strings.Fields(term); len(f) > 1 && unicode.IsUpper([]rune(f[0])[0]) {
			m.leadNames[strings.ToLower(f[0])] = true
		}
		if f := strings.Fields(strings.ToLower(term)); len(f) > 0 {
			m.headNouns[f[len(f)-1]] = true
		}
	}
	for k, a := range alts {
		if !spellsOut(a.pattern, a.lead) {
			continue
		}
		// No term after one with no known start can be taken at once.
		before := leadsOf(alts[:k])
		if before == nil {
			break
		}
		m.literals = append(m.literals, literalTerm{words: a.lead, before: before})
	}
	for i := 0; i < len(alts); {
		j := i + 1
		for j < len(alts) && insts(`^(?:`+strings.Join(patterns[i:j+1], "|")+`)\b`) <= backtrackInsts {
			j++
		}
		at := anchor(regexp.MustCompile(`^(?:` + strings.Join(patterns[i:j], "|") + `)\b`))
		m.groups = append(m.groups, termGroup{at: at, starts: leadsOf(alts[i:j])})
		i = j
	}
	return m, nil
}

// addLead adds to l (spaced) the texts that begin a term's matches: its
// lead (see termPattern), or if it has none the texts that begin its
// pattern's, each as spacedText reads it. "the deal" turns away "the
// president", where "the" alone let the pattern be tried at every "the"
// of the text. It reports false when a match may begin anyhow.
func addLead(l *starts, lead, pattern string) bool {
	texts := []string{lead}
	if lead == "" {
		st := startsOf(syntaxOf(regexp.MustCompile(pattern)))
		if st == nil {
			return false
		}
		texts = nil
		for _, ts := range st.byFirst {
			texts = append(texts, ts...)
		}
	}
	for _, t := range texts {
		if t = spacedText(t); t == "" {
			return false
		}
		l.byFirst[t[0]] = withLead(l.byFirst[t[0]], t)
	}
	return true
}

// withLead is leads (spaced texts) with t, less those t begins: a text
// that begins with one of them begins with its beginning too, as
// spacedPrefix reads it, so the shorter alone tells the same (and each
// is compared at every place of a byte they begin with: "coalition"
// holds "coalition against " and "coalition membership").
func withLead(leads []string, t string) []string {
	if slices.ContainsFunc(leads, func(u string) bool { return strings.HasPrefix(t, u) }) {
		return leads
	}
	return append(slices.DeleteFunc(leads, func(u string) bool { return strings.HasPrefix(u, t) }), t)
}

// spacedText is t up to where a space in it no longer stands for a run
// of white space: before a backslash (which the pattern does not spell
// as itself), white space other than a space, and a space followed by
// white space (two runs, or one that must end in a newline).
func spacedText(t string) string {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == '\\', c != ' ' && isRegexpSpace(c), c == ' ' && i+1 < len(t) && isRegexpSpace(t[i+1]):
			return t[:i]
		}
	}
	return t
}

// spacedPrefix reports whether text begins with t, each space of t
// standing for a run of the white space `\s` matches.
func spacedPrefix(text, t string) bool { return spacedEnd(text, t) >= 0 }

// spacedEnd is where t ends at the start of text, read as spacedPrefix
// reads it, -1 if text does not begin with it.
func spacedEnd(text, t string) int {
	i := 0
	for j := 0; j < len(t); j++ {
		if t[j] != ' ' {
			if i == len(text) || text[i] != t[j] {
				return -1
			}
			i++
			continue
		}
		k := skipSpace(text, i)
		if k == i {
			return -1
		}
		i = k
	}
	return i
}

// spellsOut reports whether a term's pattern and lead (see termPattern)
// are a literalTerm's: the lead words of ASCII letters and digits parted
// by single spaces, and the pattern the lead with `\s+` for each space,
// which matches where spacedEnd finds the lead and nowhere else.
func spellsOut(pattern, lead string) bool {
	for i := 0; i < len(lead); i++ {
		if c := lead[i]; c == ' ' {
			if i == 0 || i == len(lead)-1 || lead[i-1] == ' ' {
				return false
			}
		} else if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return lead != "" && pattern == strings.ReplaceAll(lead, " ", `\s+`)
}

// skipSpace is where the run of white space (as `\s` reads it) at i ends.
func skipSpace(s string, i int) int {
	for i < len(s) && isRegexpSpace(s[i]) {
		i++
	}
	return i
}

// isRegexpSpace is a byte of Go's `\s`.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// backtrackInsts is the largest program Go's regexp runs with its
// backtracking matcher (maxBacktrackProg); a larger one is left to its
// slowest.
const backtrackInsts = 500

// insts is the number of instructions pattern compiles to.
func insts(pattern string) int {
	p, err := resyntax.Compile(syntaxOf(regexp.MustCompile(pattern)))
	if err != nil {
		panic(err) // the pattern compiled
	}
	return len(p.Inst)
}

// termGroup is some of the terms' patterns as one, anchored, with texts
// one of which begins each of its matches.
type termGroup struct {
	at     anchored
	starts *starts
}

// match is the end of the match of the first group in order that matches
// at the start of text, which is where the terms' alternation matches
// there (leftmost-first), or -1. A literal term that matches, followed by
// the end of a word as the pattern's \b asks, and before which no term
// can begin, is that match.
func (m *topicMatcher) match(text string) int {
	for _, t := range m.literals {
		end := spacedEnd(text, t.words)
		if end < 0 || boundaryWord(text, end-1) == boundaryWord(text, end) {
			continue
		}
		if t.before.begins(text) {
			break // a term before it may match: the groups tell
		}
		return end
	}
	for _, g := range m.groups {
		if !g.starts.begins(text) {
			continue
		}
		if end := g.at.end(text); end >= 0 {
			return end
		}
	}
	return -1
}

// fewestNeeded is words without those a text holds only when it holds
// another of them ("membership" where "member" is, "pact" twice): a
// text holds one of them if and only if it holds one of those kept, and
// each is a search of the whole document for every topic followed.
func fewestNeeded(words []string) []string {
	var out []string
	for i, w := range words {
		if !slices.ContainsFunc(words, func(v string) bool { return v != w && strings.Contains(w, v) }) && !slices.Contains(words[:i], w) {
			out = append(out, w)
		}
	}
	return out
}

// plainWords are those of words made of letters and digits alone (a
// hyphen or a dot may be matched in other spellings), nil if none is.
func plainWords(words []string) []string {
	var out []string
	for _, w := range words {
		plain := w != ""
		for _, r := range w {
			plain = plain && (unicode.IsLetter(r) || unicode.IsDigit(r))
		}
		if plain {
			out = append(out, w)
		}
	}
	return out
}

// coveringWords picks, of each term's longest plain word (terms; the
// rarer: "nuclear", not "deal", of "nuclear deal"), as few as a greedy
// choice finds such that each term has a word that holds one picked: the
// one most terms not yet covered hold, of those the longest, the first
// met of those. Every match of a term holds its plain words, and each
// needed word is one more search of every sentence marked: "coalition",
// the longest of "anti-ISIS coalition", covers "coalition membership"
// too, whose "membership" was searched for as well. Picked from the
// longest words alone, they are some of those each term's own gave.
func coveringWords(terms [][]string) []string {
	var longest []string
	for _, ws := range terms {
		longest = append(longest, slices.MaxFunc(ws, func(a, b string) int { return cmp.Compare(len(a), len(b)) }))
	}
	var out []string
	for len(terms) > 0 {
		best, most := "", 0
		for _, w := range longest {
			n := 0
			for _, ws := range terms {
				if holdsWord(ws, w) {
					n++
				}
			}
			if n > most || n == most && len(w) > len(best) {
				best, most = w, n
			}
		}
		out = append(out, best)
		terms = slices.DeleteFunc(slices.Clone(terms), func(ws []string) bool { return holdsWord(ws, best) })
	}
	return out
}

// holdsWord reports whether one of words holds w.
func holdsWord(words []string, w string) bool {
	return slices.ContainsFunc(words, func(v string) bool { return strings.Contains(v, w) })
}

// termPattern is the expression for one term, in which a state or group
// the gazetteer knows may be spelled any way it lists: a user who writes
// "US embassy" means "the United States embassy" too. words are the
// term's lower-cased words outside those names, which every match holds.
// lead is the text in lower case that begins every match, up to the
// first hyphen, which may be matched as a space or nothing, and the
// first such name ("" if the term begins with one); each space in it
// stands for the pattern's run of white space (see spacedText).
func termPattern(term string, g *Gazetteer) (pattern string, words []string, lead string) {
	var b strings.Builder
	literal := func(s string) {
		if b.Len() == 0 {
			lead, _, _ = strings.Cut(asciiLower(s), "-")
		}
		b.WriteString(literalPattern(s))
		words = append(words, strings.Fields(asciiLower(s))...)
	}
	toks := tokenize(term)
	last := 0
	for i := 0; i < len(toks); i++ {
		id, end, ok := g.names.match(term, toks, i)
		e, known := g.Entry(id)
		if !ok || !known || e.Kind == model.Person {
			continue
		}
		// Only the actor's names: a capital or seat named in a term
		// ("Jerusalem decision") is not the state.
		names := append([]string{e.Name}, e.Aliases...)
		var forms []string
		named := false
		for _, f := range names {
			// "U.S." at a term's end would need a word after its dot.
			f = strings.TrimRight(f, ".")
			named = named || strings.EqualFold(f, term[toks[i].start:toks[end-1].end])
			if f != "" {
				forms = append(forms, literalPattern(f))
			}
		}
		if !named {
			continue
		}
		literal(term[last:toks[i].start])
		b.WriteString("(?:" + strings.Join(forms, "|") + ")")
		last = toks[end-1].end
		if last < len(term) && term[last] == '.' {
			b.WriteString(`\.?`)
			last++
		}
		i = end - 1
	}
	literal(term[last:])
	return b.String(), words, lead
}

// literalPattern matches text with its ASCII letters lowered, as the
// lowered texts it is matched against have them, with any run of spaces
// and an optional hyphen between words.
func literalPattern(s string) string {
	q := regexp.QuoteMeta(asciiLower(s))
	return strings.NewReplacer(`\-`, `[- ]?`, "-", `[- ]?`, " ", `\s+`).Replace(q)
}

// about reports whether a document (lower-cased normalized text) names the
// topic at all.
func (m *topicMatcher) about(lower string) bool { return m.find(lower, 1) != nil }

// find returns up to n (all if n < 0) of the spans FindAllStringIndex
// finds with the unanchored pattern `\b(?:terms)\b`: it tries the anchored
// one left to right only at word boundaries whose byte can begin a match
// and whose text begins as a term's matches do, each match's end the next
// start. No term matches the empty string (each holds a letter or digit),
// so no position skipped could start one. A text with none of the words
// the terms need is not searched: most sentences, and most documents for
// a topic they never name (one cost a tenth of what the document cost,
// searched byte by byte, and every topic followed is searched in every
// document). Every match holds one of those words, so none begins after
// the last of them: looking for all matches, the search stops there
// rather than trying each word of the sentence's rest. Looking for some,
// it stops at the first match, and the first needed word settles whether
// to search.
func (m *topicMatcher) find(lower string, n int) [][2]int {
	last := len(lower) - 1
	switch {
	case m.needs == nil:
	case n < 0:
		last = m.needs.last(lower)
	case !m.needs.any(lower):
		return nil
	}
	return m.search(lower, n, last)
}

// search is find once the text is known to hold one of the needed words,
// none of them after last: no match begins after last.
func (m *topicMatcher) search(lower string, n, last int) [][2]int {
	var out [][2]int
	first := m.first
	for pos := 0; pos <= last && n != 0; pos++ {
		// Most bytes begin no match: passed over in a loop of their own.
		// Tested for a word's start as well, they cost the dev corpus's
		// extraction, its topic's terms beginning with two letters ("the
		// deal"), 1.6% more.
		for pos <= last && !first[lower[pos]] {
			pos++
		}
		if pos > last {
			break
		}
		if pos > 0 && asciiWordByte(lower[pos]) && asciiWordByte(lower[pos-1]) {
			// No boundary inside a word: passed over to its last byte at
			// once, as nearly every letter can begin some term.
			for pos+1 < len(lower) && asciiWordByte(lower[pos+1]) {
				pos++
			}
			continue
		}
		if boundaryWord(lower, pos-1) == boundaryWord(lower, pos) || !m.starts.begins(lower[pos:]) {
			continue
		}
		end := m.match(lower[pos:reach(lower, pos, m.inner)])
		if end < 0 {
			continue
		}
		out = append(out, [2]int{pos, pos + end})
		pos += end - 1
		n--
	}
	return out
}

// boundaryWord reports whether s[i] is a byte \b counts as a word's: an
// ASCII letter, digit or underscore; false outside s.
func boundaryWord(s string, i int) bool {
	return i >= 0 && i < len(s) && asciiWordByte(s[i])
}

// mark sets in out (false, one per token) whether each token belongs to
// a name of the topic, and returns it. lower is the lower-cased
// normalized text the sentence was parsed from.
func (m *topicMatcher) mark(out []bool, p *syntax.Sentence, lower string) []bool {
	if len(lower) != len(p.Text) {
		// The parser's text is not the one given (offsets would not
		// hold): match on its own.
		lower = strings.ToLower(p.Text)
	}
	for _, loc := range m.find(lower, -1) {
		for i := range p.Tokens {
			t := &p.Tokens[i]
			if t.Start < loc[1] && t.End > loc[0] {
				out[i] = true
			}
		}
	}
	return out
}

// anaphors are the nouns by which news refers to an event it has named:
// a deal, its text, the decision or step that made it.
var anaphors = wordset.Of(map[string]bool{
	"deal": true, "agreement": true, "accord": true, "pact": true, "treaty": true, "arrangement": true,
	"decision": true, "move": true, "step": true, "announcement": true, "declaration": true,
	"pronouncement": true, "plan": true, "proposal": true, "initiative": true, "bid": true,
	"application": true, "membership": true, "accession": true, "recognition": true, "ratification": true,
	"compromise": true, "text": true, "package": true, "protocol": true, "memorandum": true,
	"settlement": true, "partnership": true, "alliance": true,
	"framework": true, "understanding": true, "outcome": true, "breakthrough": true,
	"signing": true, "relocation": true, "approval": true,
	"document": true, "occasion": true,
})

// isAnaphor reports whether token i names an event by one of the nouns
// above, or by "it"/"this"/"that" standing alone.
func isAnaphor(p *syntax.Sentence, i int) bool {
	t := &p.Tokens[i]
	if t.POS == "NN" {
		return anaphors.Has(p.LowerLemma(i)) && definite(p, i) && !forSomethingElse(p, i)
	}
	return pronounAnaphor(p, i)
}

// pronounAnaphor: token i is "it", "this" or "that" standing alone, a
// pronoun or a determiner ("that" introducing a clause is neither).
func pronounAnaphor(p *syntax.Sentence, i int) bool {
	switch p.Lower(i) {
	case "it", "this", "that":
		pos := p.Tokens[i].POS
		return pos == "PRP" || pos == "DT"
	}
	return false
}

// anaphor is isAnaphor for token t of parsed sentence i, worked out once:
// the stages ask it of the same nouns of a sentence again and again
// (what a target refers to, whether the sentence is about the topic),
// and a noun's answer reads its dependents.
func (d *docState) anaphor(i, t int) bool {
	s := &d.sents[i]
	if a := s.anaphoric[t]; a != 0 {
		return a == memoYes
	}
	a := isAnaphor(s.p, t)
	s.anaphoric[t] = memoNo
	if a {
		s.anaphoric[t] = memoYes
	}
	return a
}

// memoNo and memoYes are a question's answer kept, which is 0 while the
// question has not been asked.
const (
	memoNo = 1 + iota
	memoYes
)

// definite: "the deal", "this step", "Trump's decision", "its
// ratification", "membership"; not "a plan" or "any deal", which are some
// other plan or deal.
func definite(p *syntax.Sentence, i int) bool {
	if p.HasIn(i, relsNmodPoss) {
		return true
	}
	for _, k := range p.ChildrenIn(i, relsDet) {
		switch p.Lower(k) {
		case "a", "an", "any", "another", "some", "no", "every", "each", "either", "neither":
			return false
		}
	}
	return true
}

// forSomethingElse: "Broadcom's bid for Qualcomm" and "EU membership"
// name another bid and another membership than the topic's (the topic's
// own names, "NATO membership", are matched before this is asked); the
// states a deal is between do not ("the U.S.-Syria partnership").
func forSomethingElse(p *syntax.Sentence, i int) bool {
	for _, e := range p.OutIn(i, relsNmod) {
		if syntax.Marker(e.Rel) == "for" && p.Tokens[e.Dep].IsProper() {
			return true
		}
	}
	for _, k := range p.ChildrenIn(i, relsCompound) {
		if p.Tokens[k].IsProper() && p.Tokens[k].NER == "ORGANIZATION" {
			return true
		}
	}
	return false
}
