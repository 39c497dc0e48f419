// Package extract finds actors and their stated stances on a topic in news
// text, each with the sentence that shows it. It is pure Go with no
// database: text in, claims out, deterministic.
package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/model"
)

// Topic is the event or deal that stances are about.
type Topic struct {
	ID    string
	Name  string
	Terms []string
}

// Cue is an extra stance phrase from the user's configuration.
type Cue struct {
	Phrase string
	Stance model.Stance
}

// Extractor turns documents into claims. It is safe for concurrent use.
type Extractor struct {
	gaz      *Gazetteer
	topic    Topic
	terms    *regexp.Regexp // the topic's own names
	topicRef *regexp.Regexp // its names and the anaphora that refer to it
	cues     []cue
}

// anaphora refer to the deal under discussion in an article that names it.
const anaphora = `(?:the|this|that|a|its|any) (?:move|partnership|decision|announcement|development|step|declaration|accord|membership)|` +
	`(?:(?:the|this|that|a|its|any) )?(?:deal|agreement|pact|arrangement|accession)`

// New builds an extractor for one topic.
func New(g *Gazetteer, t Topic, extra []Cue) (*Extractor, error) {
	if len(t.Terms) == 0 {
		return nil, fmt.Errorf("extract: topic %q has no terms", t.ID)
	}
	var alts []string
	for _, term := range t.Terms {
		q := regexp.QuoteMeta(asciiLower(strings.TrimSpace(term)))
		q = strings.NewReplacer(`\-`, `[- ]?`, "-", `[- ]?`, " ", `\s+`).Replace(q)
		alts = append(alts, q)
	}
	sort.Slice(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	terms := `(?:` + strings.Join(alts, "|") + `)`
	x := &Extractor{gaz: g, topic: t, cues: builtinCues(),
		terms:    regexp.MustCompile(`\b` + terms + `\b`),
		topicRef: regexp.MustCompile(`\b(?:` + terms + `|` + anaphora + `)\b`)}
	for _, c := range extra {
		x.cues = append(x.cues, userCue(c.Phrase, c.Stance))
	}
	return x, nil
}

// Result is what one document yields.
type Result struct {
	Doc          string
	Claims       []model.Claim
	Actors       []model.Actor
	Affiliations []model.Affiliation
}

// block is the scope of a label line such as "Turkey - Strong Opposition:".
type block struct {
	actorID string
	stance  model.Stance
	label   string
	active  bool
}

// state carries what one document's pass has learnt so far.
type state struct {
	x        *Extractor
	doc      Document
	n        normalized
	lower    string
	lines    []line
	sents    []sentence
	acts     *docActors
	claims   []model.Claim
	seen     map[string]bool
	onTopic  []bool // per sentence: names the topic
	speakers []string
	quoted   []bool
	joined   map[string]bool // actors that join the topic in this document
}

// Extract finds the claims in one document.
func (x *Extractor) Extract(doc Document) Result {
	n := normalize(doc.Text)
	st := &state{x: x, doc: doc, n: n, lower: asciiLower(n.text), seen: map[string]bool{}, joined: map[string]bool{}}
	st.lines, st.sents = segment(n.text)
	st.acts = newDocActors(x.gaz)
	st.acts.findPeople(n.text)
	st.onTopic = make([]bool, len(st.sents))
	st.speakers = make([]string, len(st.sents))
	st.quoted = make([]bool, len(st.sents))
	for i, s := range st.sents {
		st.onTopic[i] = x.topicRef.MatchString(st.lower[s.start:s.end])
	}
	// An article that never names the topic says nothing about it, however
	// many deals and moves it mentions.
	about := x.terms.MatchString(st.lower)
	st.walk(about)
	return st.result()
}

// walk visits every sentence with its label block and section scope.
func (st *state) walk(about bool) {
	var blk block
	reactions := false
	lastLine := -1
	for i, s := range st.sents {
		ln := st.lines[s.line]
		if s.line != lastLine {
			lastLine = s.line
			switch ln.kind {
			case heading:
				blk = block{}
				reactions = reReactionHeading.MatchString(st.lower[ln.start:ln.end])
			case label:
				blk = st.parseLabel(ln)
			}
		}
		ms := st.acts.mentions(st.n.text, s.start, s.end)
		st.count(ms)
		if !about {
			continue
		}
		text := st.n.text[s.start:s.end]
		if strings.HasSuffix(strings.TrimRight(text, `"' `), "?") {
			continue // a question states no position
		}
		if ln.kind == label {
			if blk.active && blk.actorID != "" && blk.stance != "" {
				st.emit(i, blk.actorID, blk.stance, model.Label, "label: "+blk.label, 0.9)
			}
			continue
		}
		if ln.kind == heading {
			continue
		}
		lenient := reactions || (blk.active && (blk.actorID != "" || blk.stance != ""))
		context := st.onTopic[i] || lenient || st.prevOnTopic(i)
		st.sentence(i, ms, blk, context, lenient)
	}
}

var reReactionHeading = regexp.MustCompile(`\b(?:reactions?|responses?|react|respond|concerns?|criticism|views|positions?|opposition|support)\b`)

// prevOnTopic: the sentence before names the topic, with no heading
// between them.
func (st *state) prevOnTopic(i int) bool {
	if i == 0 || !st.onTopic[i-1] {
		return false
	}
	for l := st.sents[i-1].line + 1; l < st.sents[i].line; l++ {
		if st.lines[l].kind == heading {
			return false
		}
	}
	return true
}

// parseLabel reads "Actor - Stance words:" or "Actor:" or "Stance words:".
func (st *state) parseLabel(ln line) block {
	text := strings.TrimSuffix(st.n.text[ln.start:ln.end], ":")
	b := block{label: text, active: true}
	actorPart, stancePart := text, text
	if i := strings.Index(text, " - "); i > 0 {
		actorPart, stancePart = text[:i], text[i+3:]
	}
	if ms := st.acts.mentions(st.n.text, ln.start, ln.start+len(actorPart)); len(ms) == 1 {
		b.actorID = ms[0].id
		if actorPart == text {
			stancePart = text[ms[0].end-ln.start:]
		}
	}
	if s, ok := labelStance(stancePart); ok {
		b.stance = s
	}
	return b
}

// count records every mention for the document's actor list.
func (st *state) count(ms []mention) {
	for _, m := range ms {
		a := st.actorFor(m.id)
		if a == nil {
			continue
		}
		a.mentions++
		a.aliases[m.surface] = true
	}
}

// actorFor returns the document's record for an actor id, creating it from
// the gazetteer or the people found.
func (st *state) actorFor(id string) *actorInfo {
	if a, ok := st.acts.actors[id]; ok {
		return a
	}
	if e, ok := st.x.gaz.Entry(id); ok {
		return st.acts.actor(id, e.Name, e.Kind)
	}
	if p, ok := st.acts.people[id]; ok {
		return st.acts.actor(id, p.name, model.Person)
	}
	return nil
}

var (
	reSpeech     = regexp.MustCompile(`\b(?:` + speechVerbs + `|called|calls|describ(?:ed|es)|characteri[sz](?:ed|es)|termed|dubbed|labell?ed)\b`)
	rePronounSay = regexp.MustCompile(`\b(?:he|she) (?:` + speechVerbs + `)\b|\b(?:` + speechVerbs + `) (?:he|she)\b`)
	reLeadSpeak  = regexp.MustCompile(`^([^":]{2,80}): ?"`)
	reDashAttrib = regexp.MustCompile(`"\s*-\s*(.{3,80})$`)
	rePrep       = regexp.MustCompile(`\b(?:of|with|to|for|by|from|against|between|about|on|toward|towards|among|at|under|in|into|over|than|and)(?:\s+the)?\s*$`)
)

// speakerOf finds who says a sentence: "..., said X", "X said", "X: ...",
// '"..." - X', "according to X", or a quote that continues the last one.
func (st *state) speakerOf(i int, ms []mention, blk block) (string, bool) {
	s := st.sents[i]
	text := st.n.text[s.start:s.end]
	hasQuote := strings.Count(text, `"`) >= 2 || strings.HasPrefix(text, `"`)
	lower := st.lower[s.start:s.end]
	speech := mayMatch(lower, speechLits)
	if m := reLeadSpeak.FindStringSubmatchIndex(text); m != nil && st.sents[i].start == st.lines[s.line].start {
		for _, mm := range ms {
			if mm.start < s.start+m[3] {
				return mm.id, true
			}
		}
		if blk.active && blk.actorID != "" {
			return blk.actorID, true // "Foreign Ministry:" under "Saudi Arabia - ...:"
		}
	}
	if m := findQuoteDash(text); m != nil {
		for _, mm := range ms {
			if mm.start >= s.start+m[2] {
				return mm.id, true
			}
		}
	}
	if loc := findIf(speech, reSpeech, lower); loc != nil {
		for _, l := range loc {
			a, b := s.start+l[0], s.start+l[1]
			if insideQuote(st.n.text, s.start, a) {
				continue
			}
			// "said X": a mention right after the verb.
			for _, mm := range ms {
				if mm.start >= b && mm.start <= b+2 {
					return mm.id, hasQuote
				}
			}
			// "X said" / "X, a fellow at Y, said": the nearest person
			// before the verb, else the first actor of the sentence.
			var best, bestPerson string
			for _, mm := range ms {
				if mm.end <= a && !insideQuote(st.n.text, s.start, mm.start) && !rePrep.MatchString(st.lower[max(s.start, mm.start-16):mm.start]) {
					if best == "" {
						best = mm.id
					}
					if strings.HasPrefix(mm.id, "person:") {
						bestPerson = mm.id
					}
				}
			}
			if bestPerson != "" {
				return bestPerson, hasQuote
			}
			if best != "" {
				return best, hasQuote
			}
		}
	}
	if speech && rePronounSay.MatchString(lower) {
		for j := i - 1; j >= 0 && j >= i-6; j-- {
			if st.speakers[j] != "" && strings.HasPrefix(st.speakers[j], "person:") {
				return st.speakers[j], hasQuote
			}
		}
	}
	if strings.HasPrefix(text, `"`) && i > 0 && st.speakers[i-1] != "" && st.quoted[i-1] &&
		(st.sents[i-1].line == s.line || st.sents[i-1].line == s.line-1) {
		return st.speakers[i-1], true
	}
	if !strings.Contains(lower, "according to") {
		return "", false
	}
	if m := reAccording.FindStringIndex(text); m != nil {
		for _, mm := range ms {
			if mm.start >= s.start+m[0] {
				return mm.id, hasQuote
			}
		}
	}
	return "", false
}

// findQuoteDash finds a dash attribution after a quote, if the sentence
// has a quote at all.
func findQuoteDash(text string) []int {
	if !strings.Contains(text, `"`) {
		return nil
	}
	return reDashAttrib.FindStringSubmatchIndex(text)
}

// speechLits are the literals of which one occurs in any speech verb.
var speechLits = requiredLiterals(reSpeech.String())

func findIf(try bool, re *regexp.Regexp, s string) [][]int {
	if !try {
		return nil
	}
	return re.FindAllStringIndex(s, -1)
}

// insideQuote reports whether offset off of the sentence starting at s lies
// between quotation marks.
func insideQuote(text string, s, off int) bool {
	return strings.Count(text[s:off], `"`)%2 == 1
}

// sentence emits the claims of one sentence.
func (st *state) sentence(i int, ms []mention, blk block, context, lenient bool) {
	speaker, quoted := st.speakerOf(i, ms, blk)
	st.speakers[i], st.quoted[i] = speaker, quoted
	if speaker != "" && i > 0 && st.onTopic[i-1] {
		context = true // a quoted reaction right after the topic is named
	}
	if !context {
		return
	}
	attr := model.Reported
	if quoted {
		attr = model.Quote
	}
	// Under a label with a stance, the speakers of its lines share it:
	// "President Erdogan: ..." under "Turkey - Strong Opposition:".
	if blk.active && blk.stance != "" && speaker != "" {
		st.emit(i, speaker, blk.stance, attr, "label: "+blk.label, 0.85)
		return
	}
	if speaker != "" && st.speakerClaim(i, speaker, quoted, attr, lenient) {
		return
	}
	st.clauses(i, ms, blk, lenient, speaker)
}

// speakerClaim emits the speaker's stance from the first cue in their
// words, clause by clause so that a cue's object is its own clause's.
func (st *state) speakerClaim(i int, speaker string, quoted bool, attr model.Attribution, lenient bool) bool {
	s := st.sents[i]
	for _, cl := range splitClauses(st.n.text, s.start, s.end) {
		lower := st.lower[cl[0]:cl[1]]
		for _, c := range st.x.cues {
			if c.kind == joinCue || c.kind == fromCue || c.kind == partyCue || !mayMatch(lower, c.lits) {
				continue
			}
			for _, loc := range c.re.FindAllStringIndex(lower, -1) {
				if quoted && !insideQuote(st.n.text, s.start, cl[0]+loc[0]) {
					continue
				}
				if !st.cueHolds(c, lower, loc[1], lenient, s) {
					continue
				}
				if stance, ok := stanceAt(lower, loc[0], loc[1], c); ok {
					st.emit(i, speaker, stance, attr, lower[loc[0]:loc[1]], 0.8)
					return true
				}
			}
		}
	}
	return false
}

// clauses applies subject-based cues clause by clause: "UAE supportive,
// Saudi Arabia cautiously accepting, Turkey strongly opposed".
func (st *state) clauses(i int, ms []mention, blk block, lenient bool, speaker string) {
	s := st.sents[i]
	var pending, listed []string
	for _, cl := range splitClauses(st.n.text, s.start, s.end) {
		lower := st.lower[cl[0]:cl[1]]
		subjects := st.subjects(ms, cl, s.start, true)
		named := st.subjects(ms, cl, s.start, false)
		hits := st.hits(lower, cl[0], s.start)
		relative := reRelative.MatchString(lower)
		if len(hits) == 0 {
			switch {
			case relative:
			case len(subjects) > 0 && onlyNames(lower, subjects, cl[0]):
				listed = append(listed, ids(subjects)...) // "UK, France, Germany express ..."
			case len(subjects) > 0:
				pending, listed = ids(leading(subjects, lower, cl[0])), nil
			}
			continue
		}
		lead := append(listed, ids(leading(subjects, lower, cl[0]))...)
		listed = nil
		if len(lead) == 0 {
			lead = pending
		}
		if len(lead) == 0 && len(ms) == 0 && blk.active && blk.actorID != "" {
			lead = []string{blk.actorID}
		}
		opposedFirst := false
		for _, h := range hits {
			if !st.cueHolds(h.c, lower, h.b, lenient, s) {
				continue
			}
			stance, ok := stanceAt(lower, h.a, h.b, h.c)
			if !ok {
				continue
			}
			var actors []string
			switch h.c.kind {
			case fromCue, partyCue:
				actors = after(named, cl[0]+h.b, h.c.kind == fromCue)
				if h.c.kind == partyCue && !strings.HasSuffix(strings.TrimSpace(lower[:h.a]), "was") {
					actors = append(actors, lead...)
				}
			case stateCue:
				actors = chainBefore(subjects, lower, cl[0], cl[0]+h.a, 12)
			case joinCue:
				actors = adjacentBefore(subjects, cl[0]+h.a, 5)
				if !opposedFirst {
					actors = append(actors, lead...)
				}
			default:
				if rePassive.MatchString(lower[:h.a]) {
					continue
				}
				actors = lead
			}
			if stance != model.Support {
				opposedFirst = true
			}
			for _, id := range actors {
				if h.c.kind == partyCue && !st.partyOf(id) {
					continue
				}
				st.emit(i, id, stance, model.Reported, lower[h.a:h.b], confidenceOf(h.c))
				if h.c.kind == joinCue {
					st.joined[id] = true
				}
			}
		}
		switch {
		case len(subjects) > 0 && !relative:
			pending = ids(leading(subjects, lower, cl[0]))
		case len(lead) > 0:
			pending = lead // "Syria, long accused of ..., joined": the subject carries on
		}
	}
}

// reRelative starts a relative clause, which describes the subject rather
// than replacing it: "Jordan, which borders Syria, said ...".
var reRelative = regexp.MustCompile(`^\s*(?:which|who|whose|where|whom|that)\b`)

type hit struct {
	a, b int
	c    cue
}

// hits finds the cues of a clause outside quotes, in text order.
func (st *state) hits(lower string, cl0, s0 int) []hit {
	var hs []hit
	for _, c := range st.x.cues {
		if !mayMatch(lower, c.lits) {
			continue
		}
		for _, loc := range c.re.FindAllStringIndex(lower, -1) {
			if !insideQuote(st.n.text, s0, cl0+loc[0]) {
				hs = append(hs, hit{loc[0], loc[1], c})
			}
		}
	}
	sort.Slice(hs, func(a, b int) bool { return hs[a].a < hs[b].a })
	return hs
}

// subjects are the clause's mentions outside quotes; with actingOnly, only
// those no preposition governs ("with Israel", "of Syria" name no one
// acting).
func (st *state) subjects(ms []mention, cl [2]int, s0 int, actingOnly bool) []mention {
	var out []mention
	for _, m := range ms {
		if m.start < cl[0] || m.end > cl[1] || insideQuote(st.n.text, s0, m.start) {
			continue
		}
		if actingOnly && rePrep.MatchString(st.lower[max(cl[0], m.start-16):m.start]) && !reConj.MatchString(st.lower[max(cl[0], m.start-6):m.start]) {
			continue
		}
		out = append(out, m)
	}
	return out
}

var reConj = regexp.MustCompile(`\b(?:and|or)\s*$`)

// leading is the clause's grammatical subject: its first mention and those
// joined to it by "and", "or" or commas.
func leading(ms []mention, lower string, cl0 int) []mention {
	if len(ms) == 0 {
		return nil
	}
	out := ms[:1]
	for k := 1; k < len(ms); k++ {
		gap := strings.TrimSpace(lower[ms[k-1].end-cl0 : ms[k].start-cl0])
		if gap != "and" && gap != "or" && gap != "," && gap != ", and" && gap != "'s and" {
			break
		}
		out = ms[:k+1]
	}
	return out
}

// onlyNames reports a clause that is nothing but names ("UK", " France").
func onlyNames(lower string, ms []mention, cl0 int) bool {
	rest := lower
	for k := len(ms) - 1; k >= 0; k-- {
		rest = rest[:ms[k].start-cl0] + rest[ms[k].end-cl0:]
	}
	return strings.Trim(rest, " ,.-") == "" || strings.Trim(rest, " ,.-") == "and"
}

// after returns mentions following offset b: all of them in the clause, or
// only the run right after it ("support from Saudi Arabia and Jordan").
func after(ms []mention, b int, adjacent bool) []string {
	var out []string
	for _, m := range ms {
		if m.start < b {
			continue
		}
		if adjacent && len(out) == 0 && m.start-b > 5 {
			break
		}
		out = append(out, m.id)
	}
	return out
}

// adjacentBefore returns the mention that ends within gap bytes before a.
func adjacentBefore(ms []mention, a, gap int) []string {
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].end <= a {
			if a-ms[k].end <= gap {
				return []string{ms[k].id}
			}
			return nil
		}
	}
	return nil
}

// chainBefore returns the mention right before a (within gap bytes) and
// the names joined to it: "Iran and Russia hostile".
func chainBefore(ms []mention, lower string, cl0, a, gap int) []string {
	k := len(ms) - 1
	for k >= 0 && ms[k].end > a {
		k--
	}
	if k < 0 || a-ms[k].end > gap {
		return nil
	}
	out := []string{ms[k].id}
	for ; k > 0; k-- {
		g := strings.TrimSpace(lower[ms[k-1].end-cl0 : ms[k].start-cl0])
		if g != "and" && g != "or" && g != "," {
			break
		}
		out = append(out, ms[k-1].id)
	}
	return out
}

// partyOf reports whether an actor, or the state it serves, joined the
// topic in this document: its officials' confirmations then support it.
func (st *state) partyOf(id string) bool {
	if st.joined[id] {
		return true
	}
	p, ok := st.acts.people[id]
	return ok && st.joined[p.orgID]
}

func ids(ms []mention) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, m.id)
	}
	return out
}

func confidenceOf(c cue) float64 {
	switch c.kind {
	case joinCue, verbCue:
		return 0.8
	case stateCue, fromCue, partyCue:
		return 0.75
	}
	return 0.65
}

// cueHolds checks a cue's own condition on the topic: joining names it
// at once; verbs and stance nouns must have it as their object.
func (st *state) cueHolds(c cue, lower string, b int, lenient bool, s sentence) bool {
	switch c.kind {
	case joinCue:
		rest := lower[b:min(len(lower), b+40)]
		loc := st.x.topicRef.FindStringIndex(rest)
		return loc != nil && loc[0] <= 24 // "joined the U.S.-led Global Coalition"
	case verbCue, objCue, partyCue:
		return lenient && c.kind != partyCue || st.x.topicRef.MatchString(lower[b:])
	case stateCue:
		// A bare adjective ends its clause ("Turkey strongly opposed") or
		// takes the topic ("opposed to the deal"); "opposed the new wall"
		// is a verb with another object.
		rest := strings.TrimLeft(lower[b:], " ")
		return rest == "" || strings.Trim(rest, ".;!\"'") == "" || st.x.topicRef.MatchString(rest)
	}
	return true
}

// splitClauses cuts a sentence at clause boundaries outside quotes.
func splitClauses(text string, s, e int) [][2]int {
	var out [][2]int
	start := s
	inQuote := false
	for i := s; i < e; i++ {
		switch text[i] {
		case '"':
			inQuote = !inQuote
		case ',', ';', ':':
			if !inQuote {
				out = append(out, [2]int{start, i})
				start = i + 1
			}
		case ' ':
			if !inQuote && (strings.HasPrefix(text[i:e], " while ") || strings.HasPrefix(text[i:e], " but ") ||
				strings.HasPrefix(text[i:e], " whereas ")) {
				out = append(out, [2]int{start, i})
				start = i + 1
			}
		}
	}
	return append(out, [2]int{start, e})
}

// emit records one claim, once per actor, stance and sentence.
func (st *state) emit(i int, actorID string, stance model.Stance, attr model.Attribution, cueText string, conf float64) {
	a := st.actorFor(actorID)
	if a == nil {
		return
	}
	key := fmt.Sprintf("%d|%s|%s", i, actorID, stance)
	if st.seen[key] {
		return
	}
	st.seen[key] = true
	s := st.sents[i]
	ob, oe := st.n.orig[s.start], st.n.orig[s.end]
	st.claims = append(st.claims, model.Claim{
		Doc: st.doc.Name, ActorID: actorID, Actor: a.name, Kind: a.kind, Stance: stance,
		Evidence: st.doc.Text[ob:oe], Start: runeOffset(st.doc.Text, ob), End: runeOffset(st.doc.Text, oe),
		Attribution: attr, Cue: cueText, Confidence: conf, Topic: st.x.topic.ID,
	})
	// An executive speaks for the state: the minister's claim is the
	// government's too.
	if p, ok := st.acts.people[actorID]; ok && strings.HasPrefix(p.orgID, "state:") && isExecutive(p.role) {
		st.emit(i, p.orgID, stance, attr, cueText+" (via "+p.name+", "+p.role+")", conf*0.8)
	}
}

// result assembles the document's claims, actors and affiliations.
func (st *state) result() Result {
	r := Result{Doc: st.doc.Name}
	orgs := map[string]bool{}
	for _, p := range st.acts.people {
		if p.orgID == "" || st.acts.actors[p.id] == nil || st.acts.actors[p.id].mentions == 0 {
			continue // never mentioned after all
		}
		if st.actorFor(p.orgID) == nil {
			continue
		}
		orgs[p.orgID] = true
		r.Affiliations = append(r.Affiliations, model.Affiliation{PersonID: p.id, OrgID: p.orgID, Role: p.role})
	}
	sort.Slice(r.Affiliations, func(i, j int) bool { return r.Affiliations[i].PersonID < r.Affiliations[j].PersonID })
	for _, id := range st.acts.ordered {
		a := st.acts.actors[id]
		if a.mentions == 0 && !orgs[id] && !st.hasClaim(id) {
			continue
		}
		r.Actors = append(r.Actors, model.Actor{ID: a.id, Name: a.name, Kind: a.kind, Aliases: sortedKeys(a.aliases), Mentions: a.mentions})
	}
	for i := range st.claims {
		st.claims[i].Aliases = sortedKeys(st.acts.actors[st.claims[i].ActorID].aliases)
	}
	r.Claims = st.claims
	return r
}

func (st *state) hasClaim(id string) bool {
	for _, c := range st.claims {
		if c.ActorID == id {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
