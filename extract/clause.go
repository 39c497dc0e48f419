package extract

import (
	"slices"
	"strings"

	"github.com/stancegraph/stancegraph/extract/wordset"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// candidate is one actor's stance found in one sentence, before the
// document's claims are resolved to one per actor.
type candidate struct {
	sent   int
	actor  string
	stance model.Stance
	attr   model.Attribution
	cue    string
	conf   float64
}

// stances finds the stances that sentence i states: each cue with its
// holders and its target, then statements that judge the event.
func (d *docState) stances(i int) {
	s := &d.sents[i]
	if s.p == nil || d.isQuestion(i) || d.blockClaims(i) || d.sectionHeading(i) {
		return
	}
	listed := d.listReactions(i)
	heads, n := d.x.lex.byHead, len(s.p.Tokens)
	for c := cueHeadFrom(heads, s.p, 0); c < n; c = cueHeadFrom(heads, s.p, c+1) {
		if listed != nil && listed[c] { // most sentences list none: no look-up
			continue
		}
		for _, cue := range d.x.lex.cuesAt(s.p, c) {
			if end, ok := d.matchCue(i, c, cue); ok {
				d.cueClaims(i, phraseHead(s.p, c, end), c, end, cue)
			}
		}
	}
	// Judgements, merits and owners all need a word that refers to the
	// topic: a quarter of the synthetic corpus's sentences hold none.
	if d.mayRefer(i) {
		d.evaluations(i)
		d.merits(i)
		d.owners(i)
	}
	d.camps(i)
}

// cueHeadFrom is the first token from k on whose lemma or word may begin
// a cue, or len(p.Tokens): most words begin none, which the cues' filter
// tells. A loop of its own, with no call for most words, keeps its values
// in registers; inside the loop that calls the stages, they were read
// back from the stack at every word.
func cueHeadFrom(heads *wordset.Map[[]lexCue], p *syntax.Sentence, k int) int {
	for ; k < len(p.Tokens); k++ {
		if heads.May(p.LowerLemma(k)) || heads.May(p.Lower(k)) {
			break
		}
	}
	return k
}

// ownedNouns name an event as someone's act or bargain.
var ownedNouns = wordset.Of(map[string]bool{"deal": true, "agreement": true, "accord": true, "pact": true,
	"treaty": true, "package": true, "decision": true, "move": true, "announcement": true,
	"recognition": true, "step": true})

// owners: whose deal or decision the event is, is a party to it: "Mrs
// May's Brexit deal", "Trump's decision recognising Jerusalem". The
// evidence is weak beside anything the owner says.
func (d *docState) owners(i int) {
	p := d.sents[i].p
	for t := range p.Tokens {
		tok := &p.Tokens[t]
		if !tok.IsNoun() || tok.IsProper() || !ownedNouns.Has(p.LowerLemma(t)) {
			continue
		}
		// Named owners only: "her deal" and "the countries' pact" are too
		// often resolved to the wrong one. Most deals have none, which is
		// asked before what the noun refers to.
		owners := p.Children(t, "nmod:poss")
		if !slices.ContainsFunc(owners, func(k int) bool { return nameTag(&p.Tokens[k]) }) {
			continue
		}
		if r := d.refersTo(i, t); r != topicNamed && r != topicAnaphor {
			continue
		}
		for _, k := range owners {
			if !nameTag(&p.Tokens[k]) {
				continue
			}
			if id := d.holder(i, k); id != "" && !d.collective[id] {
				d.add(candidate{sent: i, actor: id, stance: model.Support, attr: model.Reported,
					cue: strings.ToLower(p.Span(k, t)) + " (its owner)", conf: 0.35})
			}
		}
	}
}

// nameTag: a proper noun's tag, singular or plural.
func nameTag(t *syntax.Token) bool { return t.POS == "NNP" || t.POS == "NNPS" }

// sectionHeading: a heading inside the article ("U.S. Allies'
// Concerns") titles what follows; only the headline, the first line,
// states anything.
func (d *docState) sectionHeading(i int) bool {
	return d.sents[i].line > 0 && d.lines[d.sents[i].line].kind == heading
}

// listReactions reads a verbless list of reactions after a colon: "mixed
// reactions: UAE supportive, Saudi Arabia cautiously accepting, Turkey
// strongly opposed". Each item is an actor, perhaps an adverb, and a
// stance word; parsers rarely give such lists a usable structure.
func (d *docState) listReactions(i int) map[int]bool {
	s := &d.sents[i]
	p := s.p
	// Every token's text is the sentence's own (CoreNLP's original text
	// too): with no colon in it, no token is one, which one byte search
	// tells where reading each token's text cost more.
	if strings.IndexByte(p.Text, ':') < 0 {
		return nil
	}
	colon := -1
	for t := range p.Tokens {
		tok := &p.Tokens[t]
		if tok.Text == ":" {
			colon = t
			break
		}
	}
	if colon < 0 {
		return nil
	}
	listed := map[int]bool{}
	start := colon + 1
	for t := colon + 1; t <= len(p.Tokens); t++ {
		if t < len(p.Tokens) && !(p.Tokens[t].Text == "," || p.Tokens[t].Text == ";" || p.Lower(t) == "and" || p.Tokens[t].Text == ".") {
			continue
		}
		if d.listItem(i, start, t) {
			for k := start; k < t; k++ {
				listed[k] = true
			}
		}
		start = t + 1
	}
	return listed
}

// listItem reads tokens [a, b) as "Actor [adverb] stance-word".
func (d *docState) listItem(i, a, b int) bool {
	s := &d.sents[i]
	p := s.p
	if a >= b || s.actor[a] == "" {
		return false
	}
	id := s.actor[a]
	k := a
	for k < b && s.actor[k] == id {
		k++
	}
	hedge := false
	for k < b && p.Tokens[k].POS == "RB" {
		hedge = hedge || hedges[p.Lower(k)]
		k++
	}
	if k != b-1 {
		return false
	}
	for _, cue := range d.x.lex.cuesAt(p, k) {
		if len(cue.words) > 1 || cue.Demanded || cue.Act {
			continue
		}
		stance := cue.Stance
		if hedge && stance == model.Support {
			stance = model.Cautious
		}
		d.add(candidate{sent: i, actor: id, stance: stance, attr: model.Reported, cue: strings.ToLower(p.Span(a, k)), conf: 0.8})
		return true
	}
	return false
}

// isQuestion: a question states no position, unless it is someone's
// quoted rhetorical question, which the evaluation stage reads.
func (d *docState) isQuestion(i int) bool {
	return endsQuestion(d.text(i)) && !d.hasQuote(i)
}

// endsQuestion reports a text whose last mark, closing quotation marks
// and spaces aside, is "?". A byte loop: TrimRight makes its set of
// marks anew at each of the document's sentences.
func endsQuestion(t string) bool {
	k := len(t)
	for k > 0 && (t[k-1] == '"' || t[k-1] == '\'' || t[k-1] == ' ') {
		k--
	}
	return k > 0 && t[k-1] == '?'
}

// matchCue checks the word class and the cue's further words at token c,
// returning the last token of the match.
func (d *docState) matchCue(i, c int, cue lexCue) (int, bool) {
	p := d.sents[i].p
	t := &p.Tokens[c]
	switch cue.POS {
	case "verb":
		if !t.IsVerb() {
			return 0, false
		}
	case "noun":
		if !t.IsNoun() {
			return 0, false
		}
	case "adj":
		if !t.IsAdjective() && t.POS != "VBN" && t.POS != "IN" && t.POS != "RB" {
			return 0, false
		}
		// A preposition states a position only as a predicate: "they are
		// against it", not "cooperation against ISIS".
		if t.POS == "IN" {
			if h, rel := p.Head(c); rel != "case" || h < 0 || !p.HasIn(h, relsCop) && d.withAbsolute(i, h) < 0 {
				return 0, false
			}
		}
	}
	end := c
	for _, w := range cue.words[1:] {
		// A verb's particle may stand apart: "threw the deal out".
		if cue.POS == "verb" {
			found := false
			for _, k := range p.ChildrenIn(c, relsCompoundPrt) {
				if p.LowerLemma(k) == w {
					found = true
					end = max(end, k)
				}
			}
			// "agree with the decision": the preposition marks the object.
			for _, e := range p.OutIn(c, relsObl) {
				if syntax.Marker(e.Rel) == w {
					found = true
				}
			}
			if found {
				continue
			}
		}
		// Determiners and modifiers may come between the words: "sought
		// an assurance", "threw its full support behind".
		k := end + 1
		for k < len(p.Tokens) && k <= end+3 && !wordIs(p, k, w) && filler(p.Tokens[k].POS) {
			k++
		}
		if k >= len(p.Tokens) || !wordIs(p, k, w) {
			return 0, false
		}
		end = k
	}
	return end, true
}

// phraseHead is the token of first..last whose head lies outside them:
// "lines" in "red lines", "knife" in "knife in the back".
func phraseHead(p *syntax.Sentence, first, last int) int {
	if first == last {
		return first
	}
	head := -1
	for k := first; k <= last; k++ {
		if h, _ := p.Head(k); h < first || h > last {
			t := &p.Tokens[k]
			if t.IsVerb() || t.IsNoun() || t.IsAdjective() {
				return k
			}
			if head < 0 {
				head = k
			}
		}
	}
	// "yet to decide": the content word, whatever the parser hung on what.
	for k := first; k <= last; k++ {
		if t := &p.Tokens[k]; t.IsVerb() || t.IsNoun() {
			return k
		}
	}
	if head >= 0 {
		return head
	}
	return first
}

// filler: a part of speech that may stand between a phrase's words.
func filler(pos string) bool {
	switch pos {
	case "DT", "PRP$", "JJ", "RB", "POS", "CD", "JJS", "JJR":
		return true
	}
	return false
}

func wordIs(p *syntax.Sentence, k int, w string) bool {
	return p.LowerLemma(k) == w || p.Lower(k) == w
}

// cueClaims finds who holds the stance of the cue at token c and whether
// it is about the topic, and records a candidate for each holder.
func (d *docState) cueClaims(i, c, first, end int, cue lexCue) {
	p := d.sents[i].p
	if !d.objectFits(i, c, cue) || (cue.Demanded && d.demander(i, c) < 0) || !d.asserted(i, c, cue) {
		return
	}
	stance, ok := d.polarity(i, c, cue.Stance)
	if !ok {
		return
	}
	if cue.Reaction {
		if stance, ok = d.manner(i, c); !ok {
			return
		}
	}
	var room [4]string
	holders, via := d.holders(room[:0], i, c, cue)
	// "tried to allay opposition to the deal": whoever eases the
	// objections to it stands for it; whoever holds them still does.
	var easers []string
	if v := d.easer(i, c, cue); v >= 0 {
		for _, h := range d.verbHolders(i, v) {
			easers = append(easers, d.expand(i, h)...)
		}
	}
	if len(holders) == 0 && via == "" && len(easers) == 0 {
		return
	}
	var found cueTargets
	on, flip := d.onTarget(&found, i, c, cue)
	// "unable to back a deal giving EU fleets free rein": a stance on a
	// version of the event sets a condition on the event.
	hypothetical := d.hypothetical(i, c, cue)
	if !on && !hypothetical {
		return
	}
	if hypothetical {
		stance, flip = model.Cautious, false
	}
	if flip {
		switch stance {
		case model.Oppose:
			stance = model.Support
		case model.Support:
			stance = model.Oppose
		case model.Cautious:
			// "cautioned that spurning the deal would mean war": a warning
			// against opposing it.
			stance = model.Support
		}
	}
	conf := 0.8
	if cue.Weak {
		conf = 0.6
	}
	attr := model.Reported
	if d.inQuote(i, c) {
		attr = model.Quote
	}
	text := strings.ToLower(p.Span(first, end))
	for _, h := range holders {
		d.add(candidate{sent: i, actor: h, stance: stance, attr: attr, cue: text, conf: conf})
	}
	for _, h := range easers {
		d.add(candidate{sent: i, actor: h, stance: model.Support, attr: attr, cue: text + " (eased)", conf: conf})
	}
	// Whose decision or move it is: "welcomed Turkey's decision",
	// "denounced Trump's move".
	for _, o := range d.authors(&found, i, c) {
		d.add(candidate{sent: i, actor: o, stance: model.Support, attr: model.Reported, cue: text + " (its author)", conf: 0.45})
	}
	// The one praised or blamed for the event is the one who did it:
	// "faulted Trump for his decision", "commended the Greek government
	// for driving the agreement".
	for _, o := range d.creditedFor(i, c) {
		d.add(candidate{sent: i, actor: o, stance: model.Support, attr: model.Reported, cue: text + " (credited with it)", conf: 0.45})
	}
	if via != "" {
		d.add(candidate{sent: i, actor: via, stance: stance, attr: attr, cue: text + " (as reported)", conf: conf * 0.9})
	}
}

// easing verbs answer the objections they take as object.
var easing = map[string]bool{"allay": true, "assuage": true, "dispel": true, "overcome": true,
	"quell": true, "defuse": true, "soothe": true, "calm": true, "rebut": true, "ease": true}

// easer is the verb easing the objection noun c ("allay opposition",
// "dispel fears about it"), or -1.
func (d *docState) easer(i, c int, cue lexCue) int {
	p := d.sents[i].p
	if cue.Stance == model.Support || !p.Tokens[c].IsNoun() {
		return -1
	}
	if h, rel := p.Head(c); h >= 0 && syntax.Base(rel) == "obj" && easing[p.LowerLemma(h)] && !d.negated(i, h) {
		return h
	}
	return -1
}

// asserted reports whether the cue at token c states something that
// happened or holds, rather than a possibility, a condition or an event
// named in passing: not "if member states accept it", "whether they keep
// backing it", "endorse or reject it", "a vote on Sweden joining NATO",
// "to join the alliance, Sweden needed ...".
func (d *docState) asserted(i, c int, cue lexCue) bool {
	p := d.sents[i].p
	if d.afterCondition(i, c) || d.foretoldPassive(i, c) || !cue.Act && d.superseded(i, c) {
		return false
	}
	// "I doubt it would have come about without them": doubting what
	// would have happened otherwise gives credit; it is no reserve.
	if cue.Stance == model.Cautious && p.Tokens[c].IsVerb() {
		for _, k := range p.ChildrenIn(c, relsCcomp) {
			if wouldHave(p, k) {
				return false
			}
		}
	}
	// "Blocking the deal would be a mistake": a clause as subject is what
	// is judged, not anyone's act.
	if _, rel := p.Head(c); syntax.Base(rel) == "csubj" || syntax.Base(rel) == "nsubj" && p.Tokens[c].POS == "VBG" {
		return false
	}
	for n, steps := c, 0; n >= 0 && steps < 4; steps++ {
		for _, m := range p.ChildrenIn(n, relsMark) {
			if w := p.Lower(m); w == "whether" || conditions.Has(w) {
				return false
			}
		}
		// A possibility, not a position: "it could yet be voted down", "he
		// can veto legislation". Denied, it is a refusal: "she could not
		// back the deal".
		if hasAux(p, n, "may", "might", "could", "can") && !d.refusal(i, n) {
			return false
		}
		if invertedAt(p, n) {
			return false
		}
		h, rel := p.Head(n)
		if h < 0 {
			break
		}
		// "to study the deal" after "get 60 days", "likely to adopt": an
		// infinitive states a position only under a verb of intent.
		purpose := syntax.Base(rel) == "advcl" && n > h && d.markerOf(i, n) == "to" && p.Tokens[h].IsVerb() // "brushed France aside to clinch it"
		// "has the power to throw it out" is no "has to throw it out".
		capacity := p.LowerLemma(h) == "have" && p.HasIn(h, relsObj)
		if rankedPredicate(p, n) >= 0 {
			break // "became the first state to ratify it": it did
		}
		if d.markerOf(i, n) == "to" && p.Tokens[n].POS == "VB" && !purpose && (capacity || !intended(p, h) && !controlVerbs.Has(p.LowerLemma(h)) && !negativeGovernors.Has(p.LowerLemma(h)) && !delayingGovernors.Has(p.LowerLemma(h))) {
			return false
		}
		// "likely to adopt a resolution endorsing it": a participle
		// describing an object shares its verb's modality.
		if syntax.Base(rel) == "acl" && p.Tokens[n].POS == "VBG" {
			if hh, hrel := p.Head(h); hh >= 0 && syntax.Base(hrel) == "obj" {
				n = hh
				continue
			}
		}
		if b := syntax.Base(rel); b != "xcomp" && b != "ccomp" && b != "conj" && !purpose {
			break
		}
		n = h
	}
	// "required the approval of every parliament", "must still win the
	// backing of": support wanted, not given.
	if h, rel := p.Head(c); h >= 0 && p.Tokens[c].IsNoun() && (syntax.Base(rel) == "obj" || rel == "nsubj:pass") {
		if wanting.Has(p.LowerLemma(h)) {
			return false
		}
		if hasAux(p, h, "must", "need") {
			return false
		}
		// "will manage to win the support of parliament": a forecast.
		if receivers.Has(p.LowerLemma(h)) && d.foretold(i, h) {
			return false
		}
	}
	// "it would be wrong for the House to give that its approval": the
	// light verb's clause decides.
	if h, rel := p.Head(c); h >= 0 && p.Tokens[c].IsNoun() && (syntax.Base(rel) == "obj" || syntax.Base(rel) == "obl") &&
		lightVerbs.Has(p.LowerLemma(h)) && d.markerOf(i, h) == "to" && !d.asserted(i, h, lexCue{}) {
		return false
	}
	// "its intent to join" is a position; "distrust the Taliban's
	// intentions" is not.
	if p.Tokens[c].IsNoun() && purposeNouns.Has(p.LowerLemma(c)) && !d.withInfinitive(i, c) {
		return false
	}
	// "holds no veto": no position at all.
	for _, k := range p.ChildrenIn(c, relsDet) {
		if p.Lower(k) == "no" && cue.Stance == model.Oppose && p.Tokens[c].IsNoun() {
			return false
		}
	}
	// "endorse or reject it": neither.
	for _, k := range append(p.ChildrenIn(c, relsConj), headIfConj(p, c)...) {
		if len(d.cuesOn(i, k)) > 0 {
			for _, cc := range append(p.ChildrenIn(k, relsCc), p.ChildrenIn(c, relsCc)...) {
				if p.Lower(cc) == "or" {
					return false
				}
			}
		}
	}
	if !cue.Act {
		return true
	}
	tok := &p.Tokens[c]
	_, rel := p.Head(c)
	// "would be applying for it": a progressive is a verb, not a gerund.
	progressive := slices.ContainsFunc(p.ChildrenIn(c, relsAux), func(a int) bool { return strings.EqualFold(p.Tokens[a].Lemma, "be") })
	switch {
	case tok.POS == "VBG" && !progressive:
		switch syntax.Base(rel) {
		case "obl", "nmod", "obj", "nsubj", "csubj", "ccomp", "dep", "compound":
			return false
		case "acl":
			// "Trump's decision recognising Jerusalem" states the decision;
			// "a vote on Sweden joining NATO" only names an event.
			if h, _ := p.Head(c); h >= 0 && d.sents[i].actor[h] != "" {
				return false
			}
		}
	case tok.POS == "VB" && syntax.Base(rel) == "advcl":
		// "To join the alliance, Sweden required ..." sets a goal;
		// "travelled to Uruguay to close the deal" is the act intended.
		if h, _ := p.Head(c); h < 0 || c < h {
			return false
		}
	}
	return true
}

// superseded: the cue is marked as a position held before, which the
// text says gave way ("lukewarm at first, she voted for it"; "initially
// opposed the deal"): not the actor's stance now. Acts stand ("initially
// approved it in a first reading").
func (d *docState) superseded(i, c int) bool {
	p := d.sents[i].p
	// Asked of every cue: a cue's dependents of every relation cost more
	// to list than the sentence's words to read, and few sentences have
	// either word.
	if !hasWord(p, "initially", "first") {
		return false
	}
	for _, k := range p.Children(c) {
		switch p.Lower(k) {
		case "initially":
			// Said of the past ("initially opposed"), not of a first
			// period to come ("will initially back it for two years").
			if pos := p.Tokens[c].POS; pos == "VBD" || pos == "VBN" || pos == "JJ" {
				return true
			}
		case "first":
			for _, m := range p.ChildrenIn(k, relsCase) {
				if p.Lower(m) == "at" {
					return true
				}
			}
		}
	}
	return false
}

// hasWord reports a token of p that is a or b, lower-cased.
func hasWord(p *syntax.Sentence, a, b string) bool {
	for k := range p.Tokens {
		if w := p.Lower(k); w == a || w == b {
			return true
		}
	}
	return false
}

// foretold: verb v, or a verb it is the infinitive of, is in the future
// or a modal: "will manage to win", "could yet win".
func (d *docState) foretold(i, v int) bool {
	return d.upInfinitives(i, v, func(w string) bool {
		switch w {
		case "will", "'ll", "would", "shall", "could", "might", "may":
			return true
		}
		return false
	}, "aux")
}

// upInfinitives reports whether verb v, or a verb v is the infinitive of
// (up to three steps), has a child by one of rels whose word matches.
func (d *docState) upInfinitives(i, v int, match func(string) bool, rels ...string) bool {
	p := d.sents[i].p
	return upXcomp(p, v, func(n int) bool {
		for _, a := range p.Children(n, rels...) {
			if match(p.Lower(a)) {
				return true
			}
		}
		return false
	})
}

// upXcomp reports whether f holds for verb v or a verb v is the
// infinitive of, up to three steps.
func upXcomp(p *syntax.Sentence, v int, f func(n int) bool) bool {
	for n, steps := v, 0; n >= 0 && steps < 3; steps++ {
		if f(n) {
			return true
		}
		h, rel := p.Head(n)
		if syntax.Base(rel) != "xcomp" {
			break
		}
		n = h
	}
	return false
}

// invertedAt: verb n's auxiliary stands before its subject, the inverted
// condition "should member states accept it", "were Sweden not to".
func invertedAt(p *syntax.Sentence, n int) bool {
	for _, a := range p.ChildrenIn(n, relsAux) {
		switch p.Lower(a) {
		case "should", "were", "had":
			// The subjects are asked for here only: most verbs have
			// none of these auxiliaries.
			if subj := p.ChildrenIn(n, relsNsubjNsubjPass); len(subj) > 0 && a < subj[0] {
				return true
			}
		}
	}
	return false
}

// afterCondition: the cue is the verb of a condition, which states no
// position of its subject: "will visit provided parliament first approves
// it", "if the senate ratifies the treaty". Parsers often leave such a
// clause loose, so the words before the cue decide: a condition word with
// only its subject between.
func (d *docState) afterCondition(i, c int) bool {
	p := d.sents[i].p
	for k := c - 1; k >= 0 && k >= c-6; k-- {
		t := &p.Tokens[k]
		w := p.Lower(k)
		switch {
		case w == "if" || w == "unless" || w == "provided" || w == "providing" || w == "once":
			return k < c-1
		case t.IsVerb() && t.POS != "MD" && k != c-1, w == "," || w == ";" || w == ":" || w == "that":
			return false
		}
	}
	return false
}

// foretoldPassive: a passive with a modal foretells or requires an act,
// it does not report one: "must be ratified by parliament", "will be
// endorsed by MPs", "is to be signed by the ministers".
func (d *docState) foretoldPassive(i, c int) bool {
	p := d.sents[i].p
	if !p.HasIn(c, relsAuxPass) {
		return false
	}
	auxes := p.ChildrenIn(c, relsAuxMark)
	// "must still win ... and be ratified by": the first verb's modal
	// serves both.
	if h, rel := p.Head(c); h >= 0 && syntax.Base(rel) == "conj" && !p.HasIn(c, relsNsubjNsubjPass) {
		auxes = append(auxes, p.ChildrenIn(h, relsAux)...)
	}
	for _, a := range auxes {
		switch p.Lower(a) {
		case "must", "will", "'ll", "would", "shall", "should", "need", "to":
			return true
		}
	}
	return false
}

func headIfConj(p *syntax.Sentence, c int) []int {
	if h, rel := p.Head(c); h >= 0 && syntax.Base(rel) == "conj" {
		return []int{h}
	}
	return nil
}

// actNouns name the event as somebody's act.
var actNouns = wordset.Of(map[string]bool{"decision": true, "move": true, "step": true, "announcement": true,
	"recognition": true, "ratification": true, "approval": true, "signing": true, "declaration": true,
	"pronouncement": true})

// authors returns the possessors of the act nouns a cue is aimed at,
// its targets as onTarget found them (see cueTargets).
func (d *docState) authors(found *cueTargets, i, c int) []string {
	p := d.sents[i].p
	var out []string
	for _, t := range found.of(d, i, c) {
		if !actNouns.Has(p.LowerLemma(t)) || !d.anaphor(i, t) {
			continue
		}
		for _, k := range p.Children(t, "nmod:poss") {
			if id := d.holder(i, k); id != "" && !d.collective[id] {
				out = append(out, id)
			}
		}
	}
	return out
}

// creditedFor returns the actors a cue's object names when the cue gives
// the topic as the reason: "faulted Trump for his decision".
// The list may be the sentence's own (see credited).
func (d *docState) creditedFor(i, c int) []string {
	p := d.sents[i].p
	objs := p.ChildrenIn(c, relsObj)
	if len(objs) == 0 {
		return nil
	}
	// Whether the cue's "for" phrase is the event is asked first: it
	// rarely is, and expanding the object costs more. The two lists are
	// read in turn, not joined: joined, they were a list of their own.
	for _, edges := range [2][]syntax.Edge{p.OutIn(c, relsObl), p.OutIn(c, relsAdvcl)} {
		for _, e := range edges {
			switch syntax.Marker(e.Rel) {
			case "for", "over", "on", "in":
				if r := d.refersTo(i, e.Dep); r == topicNamed || r == topicAnaphor || d.doesIt(i, e.Dep) {
					return d.credited(i, objs[0])
				}
			}
		}
	}
	return nil
}

// credited are the actors object o names: "commended the P5+1 and Iran",
// whoever of them is known. The list may be the sentence's own (see
// expand): read it, or append it to another.
func (d *docState) credited(i, o int) []string {
	credited := d.expand(i, o)
	if len(credited) == 0 {
		for _, k := range d.sents[i].p.ChildrenIn(o, relsConj) {
			credited = append(credited, d.expand(i, k)...)
		}
	}
	return credited
}

// supportFor: the support noun c is asked for the event:
// "secure backing for the accord", "rallied support for it".
func (d *docState) supportFor(i, c int) bool {
	support := false
	for _, cue := range d.cuesOn(i, c) {
		support = support || cue.Stance == model.Support && !cue.Act
	}
	if !support {
		return false
	}
	return d.forTopic(i, c)
}

// forTopic: the stance noun c, or the verb that takes it, is for the
// event: "backing from its neighbours for the pact", "a welcome for her
// agreement".
func (d *docState) forTopic(i, c int) bool {
	p := d.sents[i].p
	edges := p.Out(c, "nmod")
	if h, _ := p.Head(c); h >= 0 {
		edges = append(edges, p.Out(h, "obl")...)
		for _, e := range p.Out(h, "obl") {
			edges = append(edges, p.Out(e.Dep, "nmod")...)
		}
	}
	for _, e := range edges {
		if syntax.Marker(e.Rel) != "for" {
			continue
		}
		if r := d.refersTo(i, e.Dep); r == topicNamed || r == topicAnaphor {
			return true
		}
	}
	return false
}

// doesIt: "on achieving it", "for getting it done" - a verb whose object
// is "it" for the topic named in the sentence.
func (d *docState) doesIt(i, v int) bool {
	p := d.sents[i].p
	if !p.Tokens[v].IsVerb() || !d.topicIn(i) && !d.topicNear(i) {
		return false
	}
	for _, k := range p.Children(v, "obj", "nsubj") {
		if d.refersTo(i, k) == topicPronoun {
			return true
		}
	}
	return false
}

// manners give a reaction its stance.
var manners = map[string]model.Stance{"warmly": model.Support, "positively": model.Support,
	"favourably": model.Support, "favorably": model.Support, "enthusiastically": model.Support,
	"angrily": model.Oppose, "furiously": model.Oppose, "sharply": model.Oppose, "negatively": model.Oppose,
	"fiercely": model.Oppose, "coolly": model.Cautious, "cautiously": model.Cautious, "guardedly": model.Cautious,
	"warily": model.Cautious, "coldly": model.Oppose}

// manner reads the stance of a reaction from its adverb: "Turkey responded
// cautiously"; with none the reaction says nothing.
func (d *docState) manner(i, c int) (model.Stance, bool) {
	p := d.sents[i].p
	for _, k := range p.Children(c, "advmod") {
		if s, ok := manners[p.Lower(k)]; ok {
			return s, true
		}
	}
	return "", false
}

// objectFits checks a cue's object constraint: "recalled its ambassador"
// is a protest, "recalled" alone is not.
func (d *docState) objectFits(i, c int, cue lexCue) bool {
	if len(cue.Object) == 0 {
		return true
	}
	p := d.sents[i].p
	for _, k := range p.Children(c, "obj", "nsubj:pass", "obl") {
		for _, o := range cue.Object {
			if p.LowerLemma(k) == o {
				return true
			}
		}
	}
	return false
}

// demandVerbs ask for something; what they ask for shows reserve: "sought
// an assurance", "demanded changes", "pressing for guarantees".
var demandVerbs = map[string]bool{"seek": true, "request": true, "demand": true, "want": true, "ask": true,
	"call": true, "press": true, "push": true, "insist": true, "require": true, "urge": true, "lay": true,
	"set": true, "attach": true, "impose": true, "need": true, "expect": true, "look": true, "table": true, "draw": true,
	"propose": true, "submit": true, "win": false}

// demander is the verb that asks for the noun at token c, or -1.
func (d *docState) demander(i, c int) int {
	p := d.sents[i].p
	h, rel := p.Head(c)
	if h < 0 || !demandVerbs[p.LowerLemma(h)] {
		return -1
	}
	switch syntax.Base(rel) {
	case "obj", "obl", "nsubj:pass", "xcomp":
		return h
	}
	return -1
}

func (d *docState) add(c candidate) {
	if d.actorFor(c.actor) == nil {
		return
	}
	d.cands = append(d.cands, c)
}

// negators turn a cue around: "not", "never", "no support".
var negators = wordset.Of(map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true,
	"nor": true, "without": true})

// negativeGovernors make the verb they govern negative: "refused to
// back", "declined to endorse", "stopped short of".
var negativeGovernors = wordset.Of(map[string]bool{"refuse": true, "decline": true, "fail": true, "reject": true,
	"withhold": true, "withdraw": true, "drop": true, "abandon": true, "end": true, "stop": true, "cease": true,
	"prevent": true, "block": true, "bar": true, "unable": true})

// staying: not joining or entering something is staying out of it, not
// opposing it.
var staying = wordset.Of(map[string]bool{"join": true, "enter": true})

// delaying governors make support cautious: "delays approving", "held off
// on endorsing".
var delayingGovernors = wordset.Of(map[string]bool{"delay": true, "postpone": true, "stall": true, "hesitate": true,
	"defer": true, "hold": true, "wait": true})

// hedges make support cautious: "cautiously welcomed", "conditionally
// endorsed".
var hedges = map[string]bool{"cautiously": true, "guardedly": true, "conditionally": true,
	"tentatively": true, "reluctantly": true, "grudgingly": true, "partially": true, "partly": true,
	"qualified": true, "lukewarm": true, "cautious": true, "conditional": true, "tentative": true,
	"guarded": true, "muted": true, "limited": true, "initially": false}

// conditions make support cautious: "will back it if ...", "provided it
// satisfies ...".
var conditions = wordset.Of(map[string]bool{"if": true, "unless": true, "provided": true, "providing": true,
	"once": true})

// conditionWords are the conditions by their first word, each with the
// words that follow it (none for one word): "as long as it protects
// ...", "on condition that ...", read a word a token ("only if" holds
// "if").
var conditionWords = func() *wordset.Map[[][]string] {
	m := map[string][][]string{}
	for w := range conditions.Keys() {
		m[w] = [][]string{nil}
	}
	for _, ph := range [][]string{{"as", "long", "as"}, {"so", "long", "as"}, {"on", "condition"}} {
		m[ph[0]] = append(m[ph[0]], ph[1:])
	}
	return wordset.Of(m)
}()

// conditionAt reports whether a condition's words begin at token k.
func conditionAt(p *syntax.Sentence, k int) bool {
	rests, _ := conditionWords.Get(p.Lower(k))
	for _, rest := range rests {
		if wordsAt(p, k+1, rest) {
			return true
		}
	}
	return false
}

// wordsAt reports whether tokens k, k+1, ... are words, lower-cased.
func wordsAt(p *syntax.Sentence, k int, words []string) bool {
	if k+len(words) > len(p.Tokens) {
		return false
	}
	for j, w := range words {
		if p.Lower(k+j) != w {
			return false
		}
	}
	return true
}

// polarity applies negation, hedges, conditions and modal doubt to the cue
// at token c. ok is false when negation leaves no stance.
func (d *docState) polarity(i, c int, base model.Stance) (model.Stance, bool) {
	p := d.sents[i].p
	negated := d.negated(i, c)
	// A light verb carries the negation of its noun: "would not give it
	// their support", "withheld their backing".
	if h, rel := p.Head(c); h >= 0 && syntax.Base(rel) == "obj" {
		if d.negated(i, h) || negativeGovernors.Has(p.LowerLemma(h)) {
			negated = !negated
		}
	}
	for _, k := range p.ChildrenIn(c, relsDet) {
		if p.Lower(k) == "no" {
			negated = !negated
		}
	}
	// "was not meant as a hostile step", "is not a hostile step": the
	// noun an attitude adjective describes carries the denial.
	// Denying that the event itself is hostile defends it.
	defended := false
	if n, rel := p.Head(c); n >= 0 && rel == "amod" && p.Tokens[c].IsAdjective() {
		pred := -1
		if d.negated(i, n) {
			pred = n
		} else if h, nrel := p.Head(n); h >= 0 && (syntax.Base(nrel) == "obl" && d.markerOf(i, n) == "as" || syntax.Base(nrel) == "xcomp") && d.negated(i, h) {
			pred = h
		}
		if pred >= 0 {
			negated = !negated
			for _, sb := range p.ChildrenIn(pred, relsNsubjNsubjPass) {
				switch d.refersTo(i, sb) {
				case topicNamed, topicAnaphor, topicPronoun:
					defended = true
				}
			}
		}
	}
	// "refused to back", "would not back": a negative or negated governor.
	delayed := false
	for n, steps := c, 0; steps < 3; steps++ {
		h, rel := p.Head(n)
		// "to keep the agreement from being approved"
		from := syntax.Base(rel) == "advcl" && d.hasMarker(i, n, "from")
		// "Parliament delays approving it" in a headline, read as the
		// noun "delays" described by a participle.
		described := rel == "acl" && p.Tokens[n].POS == "VBG" && p.Tokens[h].IsNoun()
		if h < 0 || (syntax.Base(rel) != "xcomp" && !(syntax.Base(rel) == "ccomp" && p.Tokens[n].POS == "VBG") && !from && !described) {
			break
		}
		lemma := p.LowerLemma(h)
		if negativeGovernors.Has(lemma) || d.negated(i, h) || from && lemma == "keep" {
			negated = !negated
		}
		delayed = delayed || delayingGovernors.Has(lemma)
		n = h
	}
	stance := base
	if negated {
		switch base {
		case model.Support:
			stance = model.Oppose
			if staying.Has(p.LowerLemma(c)) {
				stance = model.Cautious // "chose not to join the pact": staying out
			}
		case model.Oppose:
			if obstacles.Has(p.LowerLemma(c)) {
				return "", false // "is not a threat to the deal" says nothing of a stance
			}
			if defended {
				return model.Support, true // "the pact is not a hostile step"
			}
			return model.Cautious, true // "not opposed": acceptance with reserve
		default:
			return "", false
		}
	}
	if stance == model.Support && (delayed || d.hedged(i, c) || d.conditional(i, c)) {
		stance = model.Cautious
	}
	return stance, true
}

// negated reports a negator on token c itself, or one that opens the
// sentence and inverts it ("Never in its history has Iceland attached a
// reservation"), which the parser hangs on the fronted phrase.
func (d *docState) negated(i, c int) bool {
	p := d.sents[i].p
	for _, k := range p.ChildrenIn(c, relsAdvmodNegAuxCcPreconj) {
		if negators.Has(p.Lower(k)) {
			return true
		}
	}
	for _, k := range p.ChildrenIn(c, relsOblAux) {
		for _, n := range p.ChildrenIn(k, relsAdvmod) {
			if negators.Has(p.Lower(n)) && opensSentence(p, n) && k < c {
				return true // "Never has Iceland supported it", "never" on "has"
			}
		}
	}
	return false
}

// opensSentence: token t is the sentence's first word, an opening
// quotation mark aside.
func opensSentence(p *syntax.Sentence, t int) bool {
	for k := 0; k < t; k++ {
		if !isPunct(&p.Tokens[k]) {
			return false
		}
	}
	return true
}

func (d *docState) hedged(i, c int) bool {
	p := d.sents[i].p
	for _, k := range p.ChildrenIn(c, relsAdvmodAmod) {
		if hedges[p.Lower(k)] && !d.superseded(i, k) {
			return true // not "lukewarm at first, she voted for it"
		}
	}
	return hasAux(p, c, "may", "might", "could") && !d.refusal(i, c)
}

// rankedPredicate: infinitive v describes a ranked noun said of a
// subject ("Iceland became the first state to ratify it", "was the only
// member to oppose it"), which states that the subject did it. It returns
// that subject, or -1.
func rankedPredicate(p *syntax.Sentence, v int) int {
	n, rel := p.Head(v)
	if n >= 0 && syntax.Base(rel) == "xcomp" && !p.Tokens[n].IsNoun() {
		// "became the second-to-last member to ratify it", parsed with
		// both the noun and the infinitive under "became".
		for _, k := range p.Children(n, "xcomp") {
			if k < v && p.Tokens[k].IsNoun() {
				n, rel = k, "acl"
			}
		}
	}
	if n < 0 || (syntax.Base(rel) != "acl" && syntax.Base(rel) != "xcomp") || p.Tokens[v].POS != "VB" || !p.Tokens[n].IsNoun() {
		return -1
	}
	ranked := false
	for _, a := range p.Children(n, "amod") {
		w := p.Lower(a)
		ranked = ranked || p.Tokens[a].POS == "JJS" || ordinals[w] || w == "last" || w == "only" || strings.HasSuffix(w, "-last") || strings.HasSuffix(w, "-first")
	}
	if !ranked {
		return -1
	}
	// "could become the first to reject it", "would be the last to sign
	// it": a possibility, or a refusal in disguise, is no fact.
	modal := func(v int) bool {
		return hasAux(p, v, "could", "would", "might", "may", "can", "will", "should", "'d", "'ll")
	}
	if s := p.Children(n, "nsubj"); p.Has(n, "cop") && len(s) > 0 && !modal(n) {
		return s[0]
	}
	if h, hrel := p.Head(n); h >= 0 && syntax.Base(hrel) == "xcomp" && !modal(h) && !p.Tokens[h].IsNoun() {
		if s := p.Children(h, "nsubj"); len(s) > 0 {
			return s[0]
		}
	}
	return -1
}

// ordinals rank who did something: "the second state to ratify it".
var ordinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "fifth": true,
	"sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true}

// wouldHave reports a past counterfactual: "would have come about",
// "could have failed".
func wouldHave(p *syntax.Sentence, v int) bool {
	return hasAux(p, v, "would", "could", "might") && hasAux(p, v, "have", "'ve")
}

// hasAux reports an auxiliary of verb v among words ("could", "must").
func hasAux(p *syntax.Sentence, v int, words ...string) bool {
	for _, a := range p.ChildrenIn(v, relsAux) {
		if slicesContains(words, p.Lower(a)) {
			return true
		}
	}
	return false
}

// refusal reports "cannot" or "could not" on an active verb: what
// someone says they are unable to do is what they refuse ("her
// government cannot back the pact"), while "it could not be ratified in
// time" stays a forecast.
func (d *docState) refusal(i, v int) bool {
	p := d.sents[i].p
	if !d.negated(i, v) || p.Has(v, "aux:pass", "nsubj:pass") || wouldHave(p, v) {
		return false // "could not have backed it without ...": credit
	}
	// "could not back it more strongly", "cannot back it without losing
	// votes": emphasis or a dilemma, not a refusal.
	for _, k := range p.Children(v, "advmod", "advcl", "obl") {
		for _, w := range append([]int{k}, p.Children(k, "advmod")...) {
			switch p.Lower(w) {
			case "more", "enough", "better", "further":
				return false
			}
		}
		if d.markerOf(i, k) == "without" {
			return false
		}
	}
	return true
}

// conditional reports a condition in the cue's sentence: "will back it
// if ...", "backed the agreement provided it satisfied ...". Parsers
// often attach such clauses to the wrong verb, so any subordinating
// condition of the sentence counts.
func (d *docState) conditional(i, c int) bool {
	p := d.sents[i].p
	// A condition inside what the cue is about is part of its content:
	// "voiced confidence that the accord will be endorsed once it reaches
	// Parliament". Asked only of a condition found, which few sentences
	// hold.
	inside := func(k int) bool {
		for _, x := range p.ChildrenIn(c, relsCcompAclXcomp) {
			if a, b := p.Subtree(x); k >= a && k <= b {
				return true
			}
		}
		return false
	}
	// providedClause reads only "provided" and "providing", which are
	// conditions: the words this loop reads tell whether to ask it.
	provided := false
	for k := range p.Tokens {
		// The words first: a few are conditions, and this runs over every
		// token of every cue's sentence (most turned away by the word
		// set's filter here, without a call).
		w := p.Lower(k)
		if !conditionWords.May(w) {
			continue
		}
		provided = provided || w == "provided" || w == "providing"
		if !conditionAt(p, k) {
			continue
		}
		if _, rel := p.Head(k); rel != "mark" && syntax.Base(rel) != "advmod" && syntax.Base(rel) != "case" {
			continue
		}
		if inside(k) {
			continue
		}
		if d.inQuote(i, k) == d.inQuote(i, c) {
			return true
		}
	}
	return provided && d.providedClause(i, c)
}

// providedClause: "provided it ..." or "providing that ..." after the
// cue, which the parser may have taken for a verb of its own ("backed
// the pact provided it met three tests"); a verb with a subject ("the
// ministry provided it") gives, it sets no condition.
func (d *docState) providedClause(i, c int) bool {
	p := d.sents[i].p
	for k := c + 1; k+1 < len(p.Tokens); k++ {
		switch p.Lower(k) {
		case "provided", "providing":
		default:
			continue
		}
		next := p.Lower(k + 1)
		if (next == "that" || p.Tokens[k+1].POS == "PRP") && !p.Has(k, "nsubj", "nsubj:pass") && d.inQuote(i, k) == d.inQuote(i, c) {
			return true
		}
	}
	return false
}

// lightVerbs take a stance noun as object and give it their subject:
// "voiced concern", "threw its support behind", "raised objections".
var lightVerbs = wordset.Of(map[string]bool{"voice": true, "express": true, "raise": true, "air": true, "cast": true,
	"register": true, "share": true, "have": true, "hold": true, "give": true, "lend": true, "throw": true,
	"offer": true, "pledge": true, "signal": true, "reiterate": true, "restate": true, "reaffirm": true,
	"repeat": true, "declare": true, "announce": true, "make": true, "lodge": true, "file": true,
	"level": true, "harbour": true, "harbor": true, "state": true, "put": true, "set": true, "lay": true,
	"renew": true, "withdraw": true, "withhold": true, "drop": true, "confirm": true, "stress": true,
	"emphasise": true, "emphasize": true, "mount": true, "launch": true, "stage": true, "hold out": true,
	"show": true, "display": true, "extend": true, "add": true, "issue": true, "publish": true,
	"resort": true, "take": true, "threaten": true, "promise": true, "vow": true, "speak": true, "talk": true})

// givenBy: the stance noun names who gives it: "the backing of 154
// deputies", "support from the EU".
func (d *docState) givenBy(i, c int) bool {
	p := d.sents[i].p
	for _, e := range p.Out(c, "nmod") {
		switch syntax.Marker(e.Rel) {
		case "of", "from":
			if len(d.expand(i, e.Dep)) > 0 || d.holder(i, e.Dep) != "" {
				return true
			}
		}
	}
	return false
}

// receiving: verb h takes in a stance noun someone else holds: "drew
// criticism", "took on criticism from within his party".
func (d *docState) receiving(i, h int) bool {
	p := d.sents[i].p
	lemma := p.LowerLemma(h)
	if receivers.Has(lemma) {
		return true
	}
	if lemma == "take" {
		for _, k := range p.Children(h, "compound:prt") {
			if strings.EqualFold(p.Tokens[k].Text, "on") {
				return true
			}
		}
	}
	return false
}

// havers hold what others give them: "has the backing of", "enjoys the
// support of".
var havers = wordset.Of(map[string]bool{"have": true, "enjoy": true, "retain": true, "keep": true})

// receivers take a stance noun whose holder is someone else: "drew
// criticism from", "faced opposition from", "won the backing of".
var receivers = wordset.Of(map[string]bool{"draw": true, "attract": true, "face": true, "meet": true,
	"provoke": true, "spark": true, "trigger": true, "prompt": true, "unleash": true, "stir": true,
	"win": true, "receive": true, "get": true, "gain": true, "secure": true, "earn": true, "encounter": true,
	"cause": true, "court": true, "seek": true, "need": true, "require": true, "rally": true})

// holders finds the actors who hold the stance of the cue at token c, and
// via, a speaker who reports it as their own side's ("her MPs will
// oppose it"). ids are in room (empty) while it lasts: the caller's, on
// its stack.
func (d *docState) holders(room []string, i, c int, cue lexCue) (ids []string, via string) {
	p := d.sents[i].p
	ids = room
	t := &p.Tokens[c]
	var heads []int
	switch {
	case t.IsVerb() && cue.POS != "noun" && cue.POS != "adj" && !(t.POS == "VBN" && d.isAdjectival(i, c)):
		heads = d.verbHolders(i, c)
	case t.IsNoun():
		heads = d.nounHolders(i, c)
	default:
		heads = d.predicateHolders(i, c)
	}
	// "the Cabinet ought to halt this deal", "Britain should reject it":
	// what someone ought to do is the speaker's position.
	if sp := d.reporter(i, c); sp != "" && d.deontic(i, c) {
		heads, ids = nil, append(ids, sp)
	}
	// A holder is listed once; the lists are a few long, so a scan of
	// them costs less than a set.
	for _, h := range heads {
		if d.comparedAway(i, c, h) {
			continue
		}
		for _, id := range d.expand(i, h) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	expanded := ids // what the cue's own holders name
	// Quoted words with no actor as holder are the speaker's: "Halt this
	// deal", "the moment has come to recognise ..."; words with no holder
	// under a label are the label's actor's ("Human Rights
	// Organizations:" / "Strong criticism of ...").
	if len(ids) == 0 && !d.unresolvedPronoun(i, heads) && d.inQuote(i, c) && d.quoteSpeaker(i, c) != "" {
		ids = append(ids, d.quoteSpeaker(i, c))
	}
	if len(ids) == 0 && len(heads) == 0 && d.blocks[i] != nil && d.blocks[i].actor != "" {
		ids = append(ids, d.blocks[i].actor)
	}
	// An unresolved "his party" still tells the speaker's own position.
	if sp := d.reporter(i, c); sp != "" && !slices.Contains(expanded, sp) && d.ownSide(i, heads, sp) && (len(ids) > 0 || d.possessedOnly(i, heads)) {
		via = sp
	}
	return ids, via
}

// quotedPerson finds who speaks through "quote": "the agency quoted X as
// saying", "X was quoted as saying" (the parser may hang what was said on
// either verb). Whoever quotes only passes the words on.
func (d *docState) quotedPerson(i, c int) []int {
	p := d.sents[i].p
	// Only "quote" quotes, the verb or the one its "as" clause hangs on:
	// asked first, since most verbs are neither.
	h, _ := p.Head(c)
	if p.LowerLemma(c) != "quote" && (h < 0 || p.LowerLemma(h) != "quote") {
		return nil
	}
	q := c
	if speechLemmas.Has(p.LowerLemma(c)) && d.markerOf(i, c) == "as" && h >= 0 {
		q = h
	}
	if p.LowerLemma(q) != "quote" {
		return nil
	}
	if d.passive(i, q) {
		return p.Children(q, "nsubj:pass")
	}
	if q == c {
		return nil // "the agency quoted the minister": no words of its own
	}
	return p.Children(q, "obj")
}

// comparedAway: holder h comes after the "than" of a comparison on the
// cue c, so it has less of the stance, not the same: "a warmer welcome
// from exporters than from farmers, or even from the cabinet". The
// parser may hang "than from ..." on the verb or any noun in between,
// so any "than" between the two counts, unless it is inside the holder's
// phrase without marking the holder ("backed by more than 20 states").
func (d *docState) comparedAway(i, c, h int) bool {
	p := d.sents[i].p
	// The holder's phrase is walked only for a "than": most holders
	// come before the cue, with no word between to read.
	first := -1
	for k := c + 1; k < h; k++ {
		if p.Lower(k) != "than" {
			continue
		}
		if first < 0 {
			first, _ = p.Subtree(h)
		}
		if g, _ := p.Head(k); k < first || g == h {
			return true
		}
	}
	return false
}

// deontic: the cue, or the verb it depends on, carries "should", "ought
// to" or "must".
func (d *docState) deontic(i, c int) bool {
	p := d.sents[i].p
	for n, steps := c, 0; n >= 0 && steps < 3; steps++ {
		if hasAux(p, n, "should", "ought", "must") {
			return true
		}
		if strings.EqualFold(p.Tokens[n].Lemma, "ought") && p.Has(n, "xcomp") {
			return true // "ought to halt", parsed with "ought" as the verb
		}
		h, rel := p.Head(n)
		if b := syntax.Base(rel); b != "xcomp" && b != "conj" {
			break
		}
		n = h
	}
	return false
}

// emotions are participles that describe their subject's attitude: "X
// is opposed to", "X was concerned about", "incensed at".
var emotions = wordset.Of(map[string]bool{"opposed": true, "concerned": true, "worried": true, "alarmed": true,
	"dismayed": true, "disappointed": true, "pleased": true, "delighted": true, "angered": true,
	"outraged": true, "incensed": true, "divided": true, "committed": true, "encouraged": true,
	"troubled": true, "frustrated": true, "unconvinced": true, "convinced": true, "satisfied": true,
	"disturbed": true, "appalled": true, "shocked": true, "heartened": true, "reassured": true,
	"unimpressed": true, "impressed": true, "determined": true, "resolved": true})

// isAdjectival: a participle of attitude used as an adjective has its
// holder as subject.
func (d *docState) isAdjectival(i, c int) bool {
	p := d.sents[i].p
	return emotions.Has(p.Lower(c)) && len(p.Out(c, "obl:agent")) == 0
}

// verbHolders: the subjects of a verb cue, the agent of a passive one, and
// for a verb with no subject of its own (a participle, an infinitive
// under "vowed to"), the subject of the verb it depends on.
func (d *docState) verbHolders(i, c int) []int {
	p := d.sents[i].p
	if q := d.quotedPerson(i, c); q != nil {
		return q
	}
	if d.passive(i, c) {
		return d.agents(i, c)
	}
	// The enhanced graph gives controlled verbs their controller as
	// subject ("urged ministers to throw out": ministers); the holder is
	// the one who urges, so climb first.
	if h, rel := p.Head(c); h >= 0 && syntax.Base(rel) == "xcomp" {
		// "The Government is set to oppose", "Chile is expected to back":
		// the raised subject holds it.
		if d.passive(i, h) && raising.Has(p.LowerLemma(h)) {
			return p.ChildrenIn(h, relsNsubjPass)
		}
		return d.verbHolders(i, h)
	}
	if c == 0 && p.Tokens[c].POS == "VBG" {
		if s, ok := d.openerSubject(i, c); ok {
			return s
		}
	}
	// "Backed by Norway and Chile, the pact was signed": an opening past
	// participle is done by its agents.
	if c == 0 && p.Tokens[c].POS == "VBN" {
		return d.agents(i, c)
	}
	h, rel := p.Head(c)
	// "called on Britons to support", "urged ministers to throw out": the
	// one who calls or urges, however the parser attached the clause.
	if h >= 0 && controlVerbs.Has(p.LowerLemma(h)) && d.markerOf(i, c) == "to" {
		return d.verbHolders(i, h)
	}
	// "Turkey became the second-to-last member to ratify it": the
	// subject the ranked noun is said of.
	if s := rankedPredicate(p, c); s >= 0 {
		return []int{s}
	}
	if a := d.relativeSecondVerb(i, c); a >= 0 {
		return []int{a}
	}
	if s := d.subjectsAfterOpener(i, c); len(s) > 0 {
		return s
	}
	var out []int
	for _, e := range p.OutIn(c, relsNsubj) {
		if e.Rel != "nsubj:xsubj" {
			out = append(out, d.relativeNoun(i, c, e.Dep))
		}
	}
	if len(out) > 0 {
		return append(append(out, d.amongSubject(i, c, out[0])...), d.partners(i, c)...)
	}
	// "Russia warned it would resort to countermeasures", parsed with the
	// speech verb as the clause's subject: who warned.
	for _, k := range p.ChildrenIn(c, relsCsubj) {
		if speechLemmas.Has(p.LowerLemma(k)) {
			return d.verbHolders(i, k)
		}
	}
	// "brushed aside the Afghan government for raising objections": the
	// gerund's subject is the object of the verb it explains.
	if p.Tokens[c].POS == "VBG" && h >= 0 && (syntax.Base(rel) == "advcl" || syntax.Base(rel) == "obl") {
		switch d.markerOf(i, c) {
		case "for", "over", "of", "on":
			if objs := p.ChildrenIn(h, relsObj); len(objs) > 0 && d.holder(i, objs[0]) != "" {
				return objs
			}
		}
	}
	switch syntax.Base(rel) {
	case "ccomp":
		// "the Netherlands and Austria have yet to decide"; "Norway
		// chose not to join", an infinitive parsed as a ccomp.
		if l := p.LowerLemma(h); l == "have" || l == "be" || d.markerOf(i, c) == "to" && !speechLemmas.Has(l) {
			return d.verbHolders(i, h)
		}
	case "advcl", "conj", "dep", "parataxis", "xcomp":
		if h >= 0 && p.Tokens[h].IsVerb() {
			return d.verbHolders(i, h)
		}
		// "was alone in opposing the measure": the adjective's subject
		// (the parser may hang the gerund on "in").
		if h >= 0 && p.Tokens[h].POS == "IN" {
			h, _ = p.Head(h)
		}
		if h >= 0 {
			if subj := p.ChildrenIn(h, relsNsubj); len(subj) > 0 {
				return subj
			}
		}
	case "acl":
		// "called on Britons to support": the one who calls.
		if g, grel := p.Head(h); h >= 0 && g >= 0 && d.markerOf(i, c) == "to" && controlVerbs.Has(p.LowerLemma(g)) && (syntax.Base(grel) == "obj" || syntax.Base(grel) == "obl") {
			return d.verbHolders(i, g)
		}
		// "Greeks who reject the accord": the Greeks; "Washington's move
		// recognising ...", "the declaration by Trump recognising ...":
		// the move's maker; "a joint statement ... denouncing the
		// decision": whoever put the statement out.
		if h < 0 {
			return nil
		}
		// "diplomats accused of stirring hostility": a past participle's
		// noun is what the verb was done to; with no agent, nobody here
		// holds it.
		if rel == "acl" && p.Tokens[c].POS == "VBN" {
			return nil
		}
		if d.holder(i, h) != "" {
			return []int{h}
		}
		if by := p.ChildrenIn(h, relsNmodPoss); len(by) > 0 {
			return by
		}
		for _, e := range p.OutIn(h, relsNmod) {
			if m := syntax.Marker(e.Rel); m == "by" || m == "from" {
				return []int{e.Dep}
			}
		}
		if g, grel := p.Head(h); g >= 0 && communications.Has(p.LowerLemma(h)) && (syntax.Base(grel) == "obj" || syntax.Base(grel) == "obl") {
			return d.verbHolders(i, g)
		}
	}
	return nil
}

// undoing verbs say an event comes to nothing: seeing it happen is no
// support for it.
var undoing = map[string]bool{"scrap": true, "collapse": true, "fail": true, "fall": true, "end": true,
	"die": true, "unravel": true, "sink": true, "founder": true, "crumble": true}

// openerSubject is the subject of a sentence that opens with participle
// c ("Responding guardedly to the deal the US struck, India said ..."),
// when the parser has lost it: the actor just after the opener's comma
// with its verb right behind. ok is false when the parse already gives a
// subject outside the opener.
func (d *docState) openerSubject(i, c int) ([]int, bool) {
	p := d.sents[i].p
	comma := nextComma(p, c)
	if comma < 0 {
		return nil, false
	}
	h, rel := p.Head(c)
	if syntax.Base(rel) == "advcl" || syntax.Base(rel) == "xcomp" {
		if h > comma {
			return nil, false // parsed as it reads
		}
	}
	for k := comma + 1; k < len(p.Tokens) && k <= comma+4; k++ {
		if d.holder(i, k) == "" {
			continue
		}
		for v := k + 1; v < len(p.Tokens) && v <= k+4; v++ {
			if t := &p.Tokens[v]; t.POS == "VBD" || t.POS == "VBZ" || t.POS == "VBP" {
				return []int{k}, true
			}
		}
	}
	return nil, true // whoever it is, not one inside the opener
}

// nextComma is the first comma after token t, or -1.
func nextComma(p *syntax.Sentence, t int) int {
	for k := t + 1; k < len(p.Tokens); k++ {
		if p.Tokens[k].Text == "," {
			return k
		}
	}
	return -1
}

// subjectsAfterOpener repairs the subject of a finite verb c that follows
// a sentence-opening participle: in "Setting aside years of rivalry,
// Iceland and Norway sealed the pact" the parser may take "years" or the
// participle itself as the subject, or none, and coordinate the real
// subjects with the opener's object. With no subject of c after the
// opener's comma, the actors named between that comma and c are the
// subjects.
func (d *docState) subjectsAfterOpener(i, c int) []int {
	p := d.sents[i].p
	if p.Tokens[0].POS != "VBG" || !p.Tokens[c].IsVerb() || p.Tokens[c].POS == "VBG" || p.Tokens[c].POS == "VBN" && !p.Has(c, "aux") {
		return nil
	}
	comma := nextComma(p, 0)
	if comma < 0 || c < comma {
		return nil
	}
	for _, s := range p.Children(c, "nsubj", "nsubj:pass") {
		if s > comma {
			return nil // parsed as it reads
		}
	}
	var out []int
	for k := comma + 1; k < c; k++ {
		if h, _ := p.Head(k); (h < comma || h > c) && d.holder(i, k) != "" {
			out = append(out, k)
		}
	}
	return out
}

// relativeNoun is the noun a relative clause's subject s stands for: the
// body s leads ("the lobby headed by s, which staged ..."); the noun a
// relative pronoun's clause hangs on as a complement when the parser
// made it one ("are among the leaders who have denounced it"); otherwise
// s itself.
func (d *docState) relativeNoun(i, c, s int) int {
	p := d.sents[i].p
	if n, rel := p.Head(c); n == s && rel == "acl:relcl" && !relativeWho(p, s) {
		if m := d.ledBody(i, s); m >= 0 {
			return m
		}
	}
	if t := &p.Tokens[s]; t.POS != "WP" && t.POS != "WDT" {
		return s
	}
	if n, rel := p.Head(c); n >= 0 && n < s && syntax.Base(rel) == "ccomp" && p.Tokens[n].IsNoun() {
		return n
	}
	return s
}

// verbBetween reports the verb of a relative clause between token c and
// the phrase of token d that follows it ("the pact that she signed in
// Lima, alongside ..."); not a participle ("the pact covering 40 nations
// alongside ...").
func verbBetween(p *syntax.Sentence, c, d int) bool {
	first, _ := p.Subtree(d)
	for k := c + 1; k < first; k++ {
		if _, rel := p.Head(k); p.Tokens[k].IsVerb() && rel == "acl:relcl" {
			return true
		}
	}
	return false
}

// amongSubject are the members an "among them" phrase between subject s
// and verb c names, which the parser hangs on the verb: "Several hundred
// people, among them priests and Farmers Bloc lawmakers, massed ...".
func (d *docState) amongSubject(i, c, s int) []int {
	p := d.sents[i].p
	var out []int
	for _, e := range p.OutIn(c, relsOblAmong) {
		if e.Dep < s || e.Dep > c || p.Tokens[e.Dep].POS != "PRP" {
			continue
		}
		for _, k := range p.ChildrenIn(e.Dep, relsApposDep) {
			out = append(out, k)
			out = append(out, p.ChildrenIn(k, relsConj)...)
		}
	}
	return out
}

// relativeWho: the relative clause on noun n starts with "who", which
// stands for a person ("the lobby headed by Ann Lee, who ...").
func relativeWho(p *syntax.Sentence, n int) bool {
	for _, e := range p.Out(n, "ref") {
		if p.Lower(e.Dep) == "who" {
			return true
		}
	}
	return false
}

// relativeSecondVerb is the subject of a relative clause's second verb
// that the parser coordinated with the main clause instead: in "Ann
// spoke, urged on by Ben, who heads the party and has said it will
// vote no", "has said" is Ben's. A verb with no subject of its own,
// coordinated after a "who" clause that no comma closes, continues that
// clause; the answer is the noun "who" stands for, or -1.
func (d *docState) relativeSecondVerb(i, c int) int {
	p := d.sents[i].p
	g, rel := p.Head(c)
	if g < 0 || syntax.Base(rel) != "conj" || p.Has(c, "nsubj", "nsubj:pass") {
		return -1
	}
	for r := c - 1; r > g; r-- {
		switch p.Lower(r) {
		case ",", ";", "—", "–":
			return -1 // the relative clause was closed before the verb
		case "who":
			a := r - 1
			if a > g && p.Tokens[a].Text == "," {
				a--
			}
			if a > g && p.Tokens[a].IsNoun() {
				return a
			}
			return -1
		}
	}
	return -1
}

// ofAgent are the stance nouns whose "of" names who holds them: "the
// backing of Saudi Arabia", "the concerns of farmers".
var ofAgent = map[string]bool{"support": true, "backing": true, "endorsement": true, "approval": true,
	"blessing": true, "opposition": true, "objection": true, "resistance": true, "anger": true, "fury": true,
	"outrage": true, "ire": true, "displeasure": true, "dismay": true, "concern": true, "worry": true,
	"reservation": true, "doubt": true, "scepticism": true, "skepticism": true, "misgiving": true,
	"unease": true, "anxiety": true, "fear": true, "hostility": true, "welcome": true, "hope": true}

// communications are what someone puts out: their content is the
// author's.
var communications = wordset.Of(map[string]bool{"statement": true, "letter": true, "message": true, "speech": true,
	"communique": true, "communiqué": true, "note": true, "post": true, "tweet": true, "article": true,
	"op-ed": true, "remark": true, "comment": true, "interview": true, "address": true, "video": true,
	"declaration": true, "report": true, "resolution": true, "motion": true, "appeal": true, "call": true})

// intents take an infinitive that states the subject's position: "vowed
// to block", "decided to seek", "is set to oppose".
// intended: verb h states an intent, itself or through its object: "made
// a formal decision to seek membership", parsed with the infinitive under
// "made".
func intended(p *syntax.Sentence, h int) bool {
	if intents[p.LowerLemma(h)] {
		return true
	}
	for _, o := range p.Children(h, "obj") {
		if p.Tokens[o].IsNoun() && intents[p.LowerLemma(o)] {
			return true
		}
	}
	return false
}

var intents = map[string]bool{"vow": true, "pledge": true, "promise": true, "threaten": true, "plan": true,
	"intend": true, "want": true, "wish": true, "decide": true, "agree": true, "seek": true, "try": true,
	"aim": true, "hope": true, "move": true, "set": true, "prepare": true, "prepared": true, "ready": true,
	"eager": true, "determined": true, "resolve": true, "resolved": true, "continue": true, "mean": true,
	"vote": true, "choose": true, "opt": true, "begin": true, "start": true, "attempt": true, "work": true,
	"struggle": true, "fight": true, "campaign": true, "battle": true, "push": true, "press": true,
	"expect": true, "refuse": true, "decline": true, "fail": true, "dare": true, "offer": true, "go": true,
	"unable": true, "willing": true, "keen": true, "reluctant": true, "happy": true, "glad": true,
	"help": true, "stand": true, "come": true, "have": true, "need": true, "ought": true, "use": true,
	"apply": true, "afford": true,
	// going somewhere to do it: "travelled to Uruguay to close the deal"
	"travel": true, "fly": true, "head": true, "gather": true, "convene": true, "meet": true, "return": true,
	// nouns of intent: "efforts to join", "its bid to join", "the decision
	// to seek membership"
	"effort": true, "bid": true, "decision": true, "intention": true,
	"intent": true, "desire": true, "readiness": true, "willingness": true, "determination": true,
	"commitment": true, "proposal": true, "drive": true, "call": true, "application": true}

// wanting verbs take support that has not been given: "required the
// approval of", "seeks the backing of".
var wanting = wordset.Of(map[string]bool{"need": true, "require": true, "seek": true, "await": true, "lack": true,
	"want": true, "court": true, "expect": true})

// raising verbs in the passive say something of their subject's own act:
// "is set to oppose", "is expected to back", "is said to favour"; so do
// the passives of resolve: "is resolved to stop it", "is determined to".
var raising = wordset.Of(map[string]bool{"set": true, "expect": true, "poise": true, "schedule": true, "say": true,
	"report": true, "believe": true, "think": true, "understand": true, "know": true, "rumour": true, "rumor": true,
	"resolve": true, "determine": true, "prepare": true, "commit": true})

// controlVerbs ask someone else to act; the stance is the asker's.
var controlVerbs = wordset.Of(map[string]bool{"urge": true, "call": true, "ask": true, "press": true, "encourage": true,
	"push": true, "pressure": true, "lobby": true, "appeal": true, "persuade": true, "convince": true,
	"implore": true, "exhort": true, "challenge": true, "invite": true, "tell": true, "advise": true})

// markerOf reads the mark or case word of token c ("to", "for", "in").
func (d *docState) markerOf(i, c int) string {
	p := d.sents[i].p
	ks := p.ChildrenIn(c, relsMarkCase)
	if len(ks) == 0 {
		return ""
	}
	// The nearest: "for the House to give" is an infinitive.
	return p.Lower(ks[len(ks)-1])
}

// coordinatedBefore returns the actors of the last coordination of names
// before token h in its sentence.
func (d *docState) coordinatedBefore(i, h int) []string {
	s := &d.sents[i]
	p := s.p
	for t := h - 1; t >= 0; t-- {
		if s.actor[t] == "" || !p.Has(t, "conj") {
			continue
		}
		ids := []string{s.actor[t]}
		for _, k := range p.Children(t, "conj") {
			if id := s.actor[k]; id != "" && id != ids[0] {
				ids = append(ids, id)
			}
		}
		if len(ids) > 1 {
			return ids
		}
	}
	return nil
}

// purposeNouns state a position only with what they are for: "its
// intent to join", "readiness to sign".
var purposeNouns = wordset.Of(map[string]bool{"intent": true, "intention": true, "readiness": true, "willingness": true, "desire": true})

// withInfinitive: noun c takes a "to" infinitive, which the parser may
// hang on the verb before it ("signals Syria's intent to join").
func (d *docState) withInfinitive(i, c int) bool {
	p := d.sents[i].p
	ks := p.Children(c, "acl")
	if h, _ := p.Head(c); h >= 0 {
		for _, k := range p.Children(h, "xcomp", "advcl") {
			if k > c {
				ks = append(ks, k)
			}
		}
	}
	for _, k := range ks {
		if d.markerOf(i, k) == "to" {
			return true
		}
	}
	return false
}

// stanceOnActor: verb t is a stance word aimed at an actor ("back the
// Social Democrats").
func (d *docState) stanceOnActor(i, t int) bool {
	p := d.sents[i].p
	if len(d.cuesOn(i, t)) == 0 {
		return false
	}
	for _, k := range p.Children(t, "obj") {
		if d.holder(i, k) != "" {
			return true
		}
	}
	return false
}

// adverbial marks open a clause of its own beside the main one.
var adverbial = wordset.Of(map[string]bool{"as": true, "while": true, "whereas": true, "although": true,
	"though": true, "because": true, "when": true, "if": true, "unless": true})

// timeWords name when, never what: "on Monday", "last week".
var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "day": true, "week": true, "month": true, "year": true,
	"weekend": true, "morning": true, "afternoon": true, "evening": true, "night": true, "today": true,
	"yesterday": true, "tomorrow": true, "january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true}

// isTime: a time word that is no name ("May" the month, not Theresa May).
func isTime(t *syntax.Token) bool {
	return timeWords[strings.ToLower(t.Lemma)] && t.NER != "PERSON"
}

// hasMarker reports w among the mark and case words of token c: "as a
// way to end" is marked by "as" as well as "to".
func (d *docState) hasMarker(i, c int, w string) bool {
	p := d.sents[i].p
	for _, k := range p.Children(c, "mark", "case") {
		if strings.EqualFold(p.Tokens[k].Text, w) {
			return true
		}
	}
	return false
}

// partners act together with the subject: "put out a statement alongside
// X", "together with X", "jointly with X".
func (d *docState) partners(i, c int) []int {
	p := d.sents[i].p
	var out []int
	for n, steps := c, 0; n >= 0 && steps < 3; steps++ {
		for _, e := range p.OutIn(n, relsOblNmod) {
			m := syntax.Marker(e.Rel)
			alongside := m == "alongside" || m == "along_with" || m == "together_with"
			// The marker before the verb between, which is looked for
			// token by token: most phrases are no partner's. "study the
			// pact that she signed in Lima, alongside the heads of ...":
			// the phrase goes with the nearer verb, whatever the parser
			// hung it on.
			if !alongside && m != "with" || n == c && verbBetween(p, c, e.Dep) {
				continue
			}
			if alongside {
				out = append(out, e.Dep)
				continue
			}
			for _, k := range p.ChildrenIn(e.Dep, relsCaseAdvmod) {
				if w := p.Lower(max(0, k-1)); w == "together" || w == "along" || w == "jointly" {
					out = append(out, e.Dep)
				}
			}
		}
		// "in a statement issued jointly with X": the statement's
		// co-authors.
		for _, e := range p.OutIn(n, relsOblInNmodIn) {
			if communications.Has(p.LowerLemma(e.Dep)) {
				for _, a := range p.ChildrenIn(e.Dep, relsAcl) {
					out = append(out, d.partners(i, a)...)
				}
				// "in a joint statement with X"
				if slices.ContainsFunc(p.ChildrenIn(e.Dep, relsAmod), func(k int) bool { return p.Lower(k) == "joint" }) {
					for _, f := range p.OutIn(e.Dep, relsNmod) {
						if syntax.Marker(f.Rel) == "with" {
							out = append(out, f.Dep)
						}
					}
				}
			}
		}
		objs := p.ChildrenIn(n, relsObj)
		if len(objs) == 0 {
			break
		}
		n = objs[0] // "a statement alongside X"
	}
	return out
}

func (d *docState) passive(i, c int) bool {
	p := d.sents[i].p
	if p.HasIn(c, relsAuxPassNsubjPass) {
		return true
	}
	// "the deal, endorsed by the Security Council on Monday, ..."
	_, rel := p.Head(c)
	return p.Tokens[c].POS == "VBN" && syntax.Base(rel) == "acl" && len(d.agents(i, c)) > 0
}

// agents returns the by-phrases of verb c, one per conjunct ("by
// Portugal and Spain").
func (d *docState) agents(i, c int) []int {
	var out []int
	for _, e := range d.sents[i].p.Out(c, "obl") {
		if m := syntax.Marker(e.Rel); m == "agent" || m == "by" {
			out = append(out, e.Dep)
		}
	}
	if len(out) > 0 {
		out = append(out, d.partners(i, c)...)
	}
	return out
}

// nounHolders: "Turkey's objections", "support from Saudi Arabia", "the
// backing of X", "voiced concern", "drew criticism from X", "X, an
// outspoken critic", "X is a supporter".
func (d *docState) nounHolders(i, c int) []int {
	p := d.sents[i].p
	var out []int
	h, rel := p.Head(c)
	// The subject of a light verb holds its noun, whose possessive then
	// refers to that subject ("Labour would not give it their support")
	// or adds another holder ("Erdogan restated Turkey's objections").
	light := h >= 0 && syntax.Base(rel) == "obj" && (lightVerbs.Has(p.LowerLemma(h)) || speechLemmas.Has(p.LowerLemma(h))) && !d.receiving(i, h)
	if light {
		for _, e := range p.OutIn(h, relsObl) {
			if m := syntax.Marker(e.Rel); (m == "from" || m == "by" || m == "among") && d.holder(i, e.Dep) != "" {
				return []int{e.Dep} // "had a warm welcome from trade bodies"
			}
		}
	}
	for _, k := range p.ChildrenIn(c, relsNmodPoss) {
		if light && (p.Tokens[k].POS == "PRP$" || p.Tokens[k].POS == "PRP") {
			continue
		}
		// "her critics", "Trump's supporters": whose critics they are,
		// not who criticises.
		if personNouns.Has(p.LowerLemma(c)) {
			continue
		}
		out = append(out, k)
	}
	for _, e := range p.OutIn(c, relsNmod) {
		m := syntax.Marker(e.Rel)
		if m == "of" && !ofAgent[p.LowerLemma(c)] {
			continue // "betrayal of Syrians", "criticism of the president": the target
		}
		if (m == "from" || m == "by" || m == "of" || m == "among") && d.holder(i, e.Dep) != "" {
			out = append(out, e.Dep)
		}
		// "doubt about the deal among hardliners", parsed with "among"
		// under the deal.
		for _, f := range p.OutIn(e.Dep, relsNmod) {
			if syntax.Marker(f.Rel) == "among" && d.holder(i, f.Dep) != "" {
				out = append(out, f.Dep)
			}
		}
	}
	if light {
		return append(out, d.verbHolders(i, h)...)
	}
	if len(out) > 0 {
		return out
	}
	// "issued statements of support": the statement's maker.
	if h >= 0 && rel == "nmod" && d.markerOf(i, c) == "of" && communications.Has(p.LowerLemma(h)) {
		if g, grel := p.Head(h); g >= 0 && syntax.Base(grel) == "obj" {
			return d.verbHolders(i, g)
		}
	}
	if h >= 0 && syntax.Base(rel) == "obl" && p.Tokens[h].IsVerb() {
		// "pressing for guarantees", "poured onto the streets in protest",
		// "regard the reports with concern", "quit in protest".
		lemma := p.LowerLemma(h)
		if demandVerbs[lemma] || lightVerbs.Has(lemma) || speechLemmas.Has(lemma) || d.markerOf(i, c) == "in" || d.markerOf(i, c) == "with" {
			return d.verbHolders(i, h) // "resort to countermeasures", "spoken of grave concerns"
		}
	}
	base := syntax.Base(rel)
	if rel == "nsubj:pass" {
		base = rel
	}
	switch base {
	case "obj", "nsubj:pass":
		if h < 0 {
			return nil
		}
		lemma := p.LowerLemma(h)
		if d.receiving(i, h) {
			for _, e := range p.OutIn(h, relsObl) {
				switch syntax.Marker(e.Rel) {
				case "from", "by", "of", "among":
					out = append(out, e.Dep)
				}
			}
			// "vowed to secure backing for the accord": who seeks support
			// for the event supports it.
			if d.supportFor(i, c) {
				out = append(out, d.verbHolders(i, h)...)
			}
			return out
		}
		if lightVerbs.Has(lemma) || speechLemmas.Has(lemma) || demandVerbs[lemma] {
			return d.verbHolders(i, h)
		}
	case "appos":
		return []int{h} // "X, an outspoken critic"
	case "nsubj":
		// "opposition is still strong in France": the state it is in.
		return d.placeOf(i, h)
	}
	// "X is a critic of the deal", "X has become the main obstacle to
	// it", "X emerged as its champion": the subject the noun is said of,
	// when the noun names people or what stands in the way ("This pact is
	// a betrayal" judges its subject).
	if l := p.LowerLemma(c); personNouns.Has(l) || obstacles.Has(l) {
		// "X is a critic", and "called Norway the main hurdle", a small
		// clause whose subject is the one named.
		if p.HasIn(c, relsCop) || base == "xcomp" && p.HasIn(c, relsNsubj) {
			return p.ChildrenIn(c, relsNsubj)
		}
		// Not "is seen as a threat": that is someone else's view; "called
		// Norway the main hurdle" names Norway.
		if h >= 0 && !d.passive(i, h) && (base == "xcomp" || base == "obl" && d.markerOf(i, c) == "as") {
			if o := p.ChildrenIn(h, relsObj); len(o) > 0 {
				return o
			}
			return p.ChildrenIn(h, relsNsubj)
		}
	}
	return nil
}

// obstacles stand in an event's way; their cues need the event after "to"
// or "for".
var obstacles = wordset.Of(map[string]bool{"threat": true, "danger": true, "obstacle": true, "hurdle": true,
	"roadblock": true})

// placeOf returns the state a predicate places its subject in: "strong
// in France", "growing in Poland".
func (d *docState) placeOf(i, h int) []int {
	p := d.sents[i].p
	if !p.Tokens[h].IsAdjective() || !p.Has(h, "cop") {
		return nil
	}
	for _, e := range p.Out(h, "obl", "nmod") {
		if syntax.Marker(e.Rel) == "in" && strings.HasPrefix(d.holder(i, e.Dep), "state:") {
			return []int{e.Dep}
		}
	}
	return nil
}

// personNouns name people by their stance: "a critic", "a supporter".
var personNouns = wordset.Of(map[string]bool{"critic": true, "opponent": true, "foe": true, "detractor": true,
	"supporter": true, "proponent": true, "advocate": true, "champion": true, "architect": true,
	"backer": true, "ally": true})

// withAbsolute: "with France and Poland against it" predicates "against
// it" of the noun after "with"; it returns that noun, or -1.
func (d *docState) withAbsolute(i, h int) int {
	p := d.sents[i].p
	g, rel := p.Head(h)
	if g < 0 || syntax.Base(rel) != "nmod" || !p.Tokens[g].IsNoun() || d.markerOf(i, g) != "with" {
		return -1
	}
	return g
}

// predicateHolders: adjectives and participles used as adjectives: "X is
// wary of", "X remained critical", "overjoyed evangelicals".
func (d *docState) predicateHolders(i, c int) []int {
	p := d.sents[i].p
	if s := p.Children(c, "nsubj", "nsubj:pass"); len(s) > 0 {
		return s
	}
	h, rel := p.Head(c)
	switch syntax.Base(rel) {
	case "case":
		// "France and Austria are against it": the cue is the
		// preposition, its noun the predicate.
		if h >= 0 {
			if g := d.withAbsolute(i, h); g >= 0 {
				return []int{g}
			}
			return p.Children(h, "nsubj")
		}
	case "amod":
		// "overjoyed evangelicals", not "a hostile military bloc".
		if h >= 0 && (p.Tokens[h].POS == "NNS" || p.Tokens[h].POS == "NNPS") {
			return []int{h}
		}
	case "xcomp", "advcl", "ccomp", "conj":
		if h >= 0 {
			if s := p.Children(h, "nsubj"); len(s) > 0 {
				return s
			}
			if h2, rel2 := p.Head(h); h2 >= 0 && syntax.Base(rel2) == "conj" {
				return p.Children(h2, "nsubj")
			}
		}
	case "acl", "acl:relcl":
		return []int{h}
	}
	return nil
}

// expand maps a holder token to actors: the actor it names, every actor
// coordinated with it ("Labour, the SNP and the DUP"), and the members a
// collective lists ("allies, among them Britain and France"). The list
// may be the sentence's own: callers read it, or append it to theirs.
func (d *docState) expand(i, h int) []string {
	p := d.sents[i].p
	// "X, Y and Z are among the leaders who denounced": the leaders are a
	// predicate of X, Y and Z.
	if subj := p.ChildrenIn(h, relsNsubj); len(subj) > 0 && p.HasIn(h, relsCop) {
		var out []string
		for _, s := range subj {
			out = append(out, d.expand(i, s)...)
		}
		return out
	}
	var members []string
	id := d.holder(i, h)
	own := d.collective[id]
	// "Israel's Arab partners Egypt and Jordan": names right after the
	// phrase, with no comma or dash, say whom it means.
	named := false
	for _, k := range p.ChildrenIn(h, relsApposDep) {
		if first, _ := p.Subtree(k); first == h+1 && p.Tokens[k].IsProper() {
			if id := d.holder(i, k); id != "" {
				named = true
				members = append(members, id)
				for _, cj := range p.ChildrenIn(k, relsConj) {
					if id := d.holder(i, cj); id != "" {
						members = append(members, id)
					}
				}
			}
		}
	}
	if ids := d.namedAfterComma(i, h); len(ids) > 0 {
		named = true
		members = append(members, ids...)
	}
	for _, e := range p.OutIn(h, relsNmodApposConj) {
		if named && syntax.Base(e.Rel) == "appos" {
			continue
		}
		if own && syntax.Base(e.Rel) == "appos" {
			continue // "the Mercosur countries - Argentina, Brazil ...": the group acts
		}
		if syntax.Base(e.Rel) == "appos" && strings.HasPrefix(id, "group:") && !p.Tokens[e.Dep].IsProper() {
			// "Greenpeace, the environmental group": one actor, described
			// (a person's description may name the state they speak for:
			// "Ann Lee, France's minister")
			continue
		}
		mk := syntax.Marker(e.Rel)
		if syntax.Base(e.Rel) == "nmod" && mk != "among" && mk != "including" && mk != "like" && mk != "such_as" {
			continue
		}
		if syntax.Base(e.Rel) == "conj" {
			continue // handled below
		}
		m := e.Dep
		if d.holder(i, m) == "" || p.Tokens[m].POS == "PRP" {
			// "among them Britain, France and Germany"
			if ks := p.ChildrenIn(m, relsApposDep); len(ks) > 0 {
				m = ks[0]
			}
		}
		if id := d.holder(i, m); id != "" {
			members = append(members, id)
			for _, cj := range p.OutIn(m, relsConj) {
				if id := d.holder(i, cj.Dep); id != "" {
					members = append(members, id)
				}
			}
		}
	}
	// "Johnson and Morrison ..., as they launched": the names coordinated
	// earlier in the sentence.
	if plural(p.Lower(h)) {
		if ids := d.coordinatedBefore(i, h); len(ids) > 1 {
			return ids
		}
	}
	// "they" after "Malaysia and Indonesia" is both of them.
	if plural(p.Lower(h)) {
		if _, j, t := d.antecedent(i, h, notPerson); t >= 0 && j >= 0 {
			for k, rel := d.sents[j].p.Head(t); syntax.Base(rel) == "conj" && k >= 0; k, rel = d.sents[j].p.Head(k) {
				t = k
			}
			q := d.sents[j].p
			// "they" is never one state ("the two Nordic nations, reacting
			// to Russia's invasion of Ukraine, ... they"); a party or a
			// group may be ("the DUP ... they").
			if strings.HasPrefix(d.holder(j, t), "state:") && !q.HasIn(t, relsConj) {
				return nil
			}
			out := []string{}
			for _, e := range append([]syntax.Edge{{Dep: t}}, q.OutIn(t, relsConj)...) {
				if id := d.holder(j, e.Dep); id != "" {
					out = append(out, id)
				}
			}
			return out
		}
	}
	// "members of Congress headed by Rep. Liz Cheney"
	for _, a := range p.ChildrenIn(h, relsAcl) {
		if l := p.LowerLemma(a); l == "lead" || l == "head" {
			for _, e := range p.OutIn(a, relsObl) {
				if m := syntax.Marker(e.Rel); m == "agent" || m == "by" {
					if id := d.holder(i, e.Dep); id != "" {
						members = append(members, id)
					}
				}
			}
		}
	}
	if len(members) > 0 && (id == "" || named || generic[p.LowerLemma(h)]) {
		return members // "key allies, among them Britain and France"
	}
	if id == "" {
		return nil
	}
	// Coordinated names share the stance: "Labour, the SNP and the DUP".
	conj := p.ChildrenIn(h, relsConj)
	// Most holders are one actor the sentence marked at the token: its
	// list is the sentence's own (a token marked keeps its actor), where
	// a list was made for each.
	if actor := d.sents[i].actor; len(members) == 0 && len(conj) == 0 && actor[h] == id {
		return actor[h : h+1 : h+1]
	}
	out := append([]string{id}, members...)
	for _, k := range conj {
		if cid := d.holder(i, k); cid != "" && cid != id {
			out = append(out, cid)
		}
	}
	return out
}

// namedAfterComma are the people a plural phrase names after a comma:
// "the foreign ministers of the two countries, Ann Lee and Ben Ode",
// which the parser often reads as more of the countries. They are the
// ones who act, not a group called by the whole phrase.
func (d *docState) namedAfterComma(i, h int) []string {
	p := d.sents[i].p
	if pos := p.Tokens[h].POS; pos != "NNS" && pos != "NNPS" {
		return nil
	}
	for _, m := range p.Children(h, "nmod") {
		conj := p.Children(m, "conj")
		if len(conj) == 0 || isPerson(d.holder(i, m)) {
			continue
		}
		// The people start at a comma, after any places coordinated first
		// ("the chiefs of Chile and Peru, Ann Lee and Ben Ode").
		var ids []string
		for _, k := range conj {
			id := d.holder(i, k)
			if ids == nil {
				if first, _ := p.Subtree(k); !isPerson(id) || first == 0 || p.Tokens[first-1].Text != "," {
					continue
				}
			} else if !isPerson(id) {
				return nil
			}
			ids = append(ids, id)
		}
		if ids != nil {
			return ids
		}
	}
	return nil
}

// reporter is who reports the clause of token c: the subject of a speech
// verb whose complement it is, or the speaker of its quote.
func (d *docState) reporter(i, c int) string {
	if sp, _ := d.reporterVerb(i, c); len(sp) > 0 {
		return sp[0]
	}
	return ""
}

// unresolvedPronoun: a holder is a third-person pronoun nobody was found
// for ("as they pursue their hopes"); the quote's speaker is not it.
func (d *docState) unresolvedPronoun(i int, heads []int) bool {
	p := d.sents[i].p
	for _, h := range heads {
		switch p.Lower(h) {
		case "they", "them", "their", "he", "him", "his", "she", "her", "it", "its":
			return true
		}
	}
	return false
}

// quoteSpeaker is who says the quoted token c. When a sentence quotes
// two people ("X said the deal was "...", while Y said Israel would
// "..."), each quote belongs to the speech verb nearest before it;
// otherwise it is the sentence's speaker.
func (d *docState) quoteSpeaker(i, c int) string {
	p := d.sents[i].p
	k := c
	for k > 0 && d.inQuote(i, k-1) {
		k--
	}
	for k--; k >= 0; k-- {
		t := &p.Tokens[k]
		if d.inQuote(i, k) {
			break // another quote: the sentence's speaker decides
		}
		if t.IsVerb() && speechLemmas.Has(p.LowerLemma(k)) {
			for _, sb := range p.Children(k, "nsubj") {
				if id := d.holder(i, sb); id != "" {
					return id
				}
			}
			break
		}
	}
	return d.sents[i].speaker
}

// reporterVerb is reporter with the reporting verb's token (-1 for a
// quote's speaker). It climbs only through complements and coordination:
// an adverbial clause ("even though ...") is not what was said.
func (d *docState) reporterVerb(i, c int) ([]string, int) {
	p := d.sents[i].p
	if d.inQuote(i, c) {
		if sp := d.quoteSpeaker(i, c); sp != "" {
			return []string{sp}, -1
		}
		return nil, -1
	}
	for n, steps := c, 0; n >= 0 && steps < 5; steps++ {
		h, rel := p.Head(n)
		if h < 0 {
			return nil, -1
		}
		switch syntax.Base(rel) {
		case "ccomp", "parataxis":
			if speechLemmas.Has(p.LowerLemma(h)) {
				var out []string
				for _, s := range d.verbHolders(i, h) {
					out = append(out, d.expand(i, s)...)
				}
				return out, h
			}
		case "xcomp", "conj", "obj":
			// "said Labour would not give it their support": an object is
			// part of its verb's clause. "Germany expects the pact to give
			// its exports a lift": what is expected is the expecter's word.
			if syntax.Base(rel) == "xcomp" && d.expectsOfEvent(i, h) {
				var out []string
				for _, s := range d.verbHolders(i, h) {
					out = append(out, d.expand(i, s)...)
				}
				return out, h
			}
		case "acl", "obl", "nmod", "advcl":
			// Inside a phrase of what was said: "said Russia would play a
			// role in carrying it out". Not a relative clause, nor an
			// adverbial clause of the speech verb itself ("said ..., even
			// though ...").
			if rel == "acl:relcl" || syntax.Base(rel) == "advcl" && speechLemmas.Has(p.LowerLemma(h)) {
				return nil, -1
			}
		default:
			return nil, -1
		}
		n = h
	}
	return nil, -1
}

// expectsOfEvent: h is an expectation verb, not denied, whose object is
// the event ("expects the pact to ..."), not another actor ("expects
// Norway to reject it" foretells Norway's act).
func (d *docState) expectsOfEvent(i, h int) bool {
	p := d.sents[i].p
	if !expecting.Has(p.LowerLemma(h)) || d.negated(i, h) {
		return false
	}
	for _, o := range p.Children(h, "obj") {
		switch d.refersTo(i, o) {
		case topicNamed, topicAnaphor, topicPronoun:
			return true
		}
	}
	return false
}

// possessedOnly reports holder phrases that are all a possessive pronoun's
// ("her government", "his party"), so naming nobody else.
func (d *docState) possessedOnly(i int, heads []int) bool {
	p := d.sents[i].p
	for _, h := range heads {
		ks := p.Children(h, "nmod:poss")
		if len(ks) == 0 || p.Tokens[ks[0]].POS != "PRP$" || !sideNoun(p, h) {
			return false
		}
	}
	return len(heads) > 0
}

// nearestPerson is the person named last before token t in its sentence,
// or "" for none: "Lars Berg and his party" is Lars Berg's party whoever
// speaks.
func (d *docState) nearestPerson(i, t int) string {
	for k := t - 1; k >= 0; k-- {
		if id := d.sents[i].actor[k]; isPerson(id) {
			return id
		}
	}
	return ""
}

// sideNoun: noun h names a side someone belongs to and speaks for ("her
// government", "his party", "our MPs"), not a person near them ("her
// husband", "his critics", "his predecessor").
func sideNoun(p *syntax.Sentence, h int) bool {
	l := p.LowerLemma(h)
	if personNouns.Has(l) || l == "opponent" || l == "rival" {
		return false
	}
	return bodies[l] || stateBodies[l] || collectives[l] || l == "colleague"
}

// ownSide reports a holder phrase that belongs to the speaker sp: "her
// SNP MPs", "his party", "our government", or the body the speaker leads.
func (d *docState) ownSide(i int, heads []int, sp string) bool {
	p := d.sents[i].p
	for _, h := range heads {
		for _, k := range p.Children(h, "nmod:poss") {
			if d.holder(i, k) == sp {
				return true
			}
			// "X has said his party will not back it": in what X says, the
			// possessive pronoun is X's, however far back another name
			// stands, if it fits X ("their" is not one person's).
			if !sideNoun(p, h) {
				continue
			}
			switch p.Lower(k) {
			case "his", "her":
				if isPerson(sp) && d.nearestPerson(i, k) == sp {
					return true
				}
			case "their":
				if !isPerson(sp) {
					return true // "the Greens said their MPs"; not a person's
				}
			case "our", "my":
				return true
			}
		}
		if per, ok := d.acts.people[sp]; ok && per.orgID != "" && d.holder(i, h) == per.orgID {
			return true
		}
		// "Prime Minister X said Sweden's government had decided": a head
		// of government whose state the text does not give speaks of her
		// own government.
		if per, ok := d.acts.people[sp]; ok && per.orgID == "" && headsGovernment(per.role) && stateBodies[p.LowerLemma(h)] {
			if id := d.holder(i, h); strings.HasPrefix(id, "state:") && p.Has(h, "nmod:poss") {
				return true
			}
		}
	}
	return false
}

// headsGovernment: a title that leads a state's government.
func headsGovernment(role string) bool {
	switch strings.ToLower(role) {
	case "prime minister", "president", "chancellor", "premier":
		return true
	}
	return false
}

// onTarget reports whether the cue at token c is about the topic: its
// object or complement names the topic or refers to it, or, with no
// object of its own, it stands in a sentence about the topic. Acts
// ("signed", "sealed") and cues marked target need the event itself as
// their object. flip reports a target described by an opposing clause
// ("vetoed any measure that would block the deal": support).
func (d *docState) onTarget(found *cueTargets, i, c int, cue lexCue) (ok, flip bool) {
	p := d.sents[i].p
	strict := cue.Act || cue.Target
	if !strict && len(d.creditedFor(i, c)) > 0 {
		return true, false // "commended Iran on achieving it": praise for the event
	}
	// Acting against the event's opponents is backing it: "expelled two
	// diplomats accused of stirring hostility to the deal".
	if cue.Stance == model.Oppose && !cue.Act && d.opponentsTargeted(i, c) {
		return true, true
	}
	// "Tsipras has the backing of 154 deputies": support for whoever has
	// it; "the deal has the backing of ..." is support for the deal.
	if h, rel := p.Head(c); h >= 0 && syntax.Base(rel) == "obj" && p.Tokens[c].IsNoun() && havers.Has(p.LowerLemma(h)) && d.givenBy(i, c) {
		for _, sb := range p.Children(h, "nsubj") {
			switch d.refersTo(i, sb) {
			case topicNamed, topicAnaphor, topicPronoun:
				return true, false
			}
			if d.holder(i, sb) != "" && !d.forTopic(i, c) {
				return false, false
			}
		}
	}
	// An act on something else is not the act on the event: "will not
	// pass judgment on the deal", "signed a letter about the pact".
	if strict {
		for _, o := range p.Children(c, "obj") {
			if r := d.refersTo(i, o); r == notTopic && d.holder(i, o) == "" {
				return false, false
			}
		}
	}
	other, actors := false, false
	targets := found.of(d, i, c)
	// "stood by the deal": a phrasal cue's own preposition marks its object.
	if n := len(cue.words); n > 1 {
		for _, e := range p.Out(c, "obl") {
			if syntax.Marker(e.Rel) == cue.words[n-1] {
				targets = append([]int{e.Dep}, targets...)
			}
		}
	}
	for _, t := range targets {
		if len(cue.Object) > 0 && slicesContains(cue.Object, p.LowerLemma(t)) {
			continue // "recalled its ambassador": the object is the act
		}
		if _, rel := p.Head(t); strict && (syntax.Base(rel) == "advcl" || syntax.Base(rel) == "ccomp" || syntax.Base(rel) == "xcomp" || syntax.Base(rel) == "acl") {
			// "the Taliban agreed to bar al Qaeda": agreeing to the terms
			// of the event the sentence is about ("agreed to back the
			// Social Democrats" is a stance of its own, read by its cue).
			if syntax.Base(rel) == "xcomp" && strings.EqualFold(p.Tokens[c].Lemma, "agree") && !d.stanceOnActor(i, t) && (d.topicIn(i) || d.topicNear(i)) {
				return true, false
			}
			continue // an act's object is a thing, not a clause
		}
		r := d.refersTo(i, t)
		if strict && r != noReference && r != notTopic && !d.directTarget(i, t) {
			r = notTopic
		}
		switch r {
		case topicNamed, topicAnaphor:
			return true, d.opposedClause(i, t) || d.opposingVerb(i, t) || d.opposingSubject(i, t)
		case topicPronoun:
			if strict && !d.topicIn(i) && !d.namedJustBefore(i) {
				continue
			}
			if d.topicIn(i) || d.topicNear(i) {
				return true, false
			}
		case notTopic:
			if id := d.sents[i].actor[t]; id != "" && !d.collective[id] {
				actors = true
			} else {
				other = true
			}
		case noReference:
			// A clause about something else: "criticised a plan agreed
			// with its neighbours".
			if p.Tokens[t].IsVerb() {
				other = true
			}
		}
	}
	if strict {
		return false, false
	}
	if d.blocks[i] != nil && !other {
		return true, false // under a label, a reaction to the event
	}
	switch {
	case actors && !other:
		// Criticism aimed at an actor over the topic: "accused Australia
		// of treachery" in a sentence about the decision.
		return cue.Stance == model.Oppose && d.topicIn(i), false
	case other:
		// Reserve about a consequence: "France worries about a flood of
		// imports" beside the pact.
		return cue.Stance == model.Cautious && (d.topicIn(i) || d.topicNear(i)), false
	}
	// No object: "France protested", "the move was welcomed". The
	// sentence or one just before must be about the topic.
	return d.topicIn(i) || d.topicNear(i), false
}

// directTarget: the event itself, not something about it: "signed the
// accord", "ratified its membership", "wrapped up the negotiation of the
// agreement", "passed a bill clearing the way for accession".
func (d *docState) directTarget(i, t int) bool {
	s := &d.sents[i]
	p := s.p
	if s.topic[t] || d.anaphor(i, t) || d.leadMention(i, t) {
		return true
	}
	for _, k := range p.Children(t, "compound") {
		if s.topic[k] {
			return true // "the accession procedure"
		}
	}
	for _, e := range p.Out(t, "nmod") {
		if syntax.Marker(e.Rel) == "of" && (s.topic[e.Dep] || d.anaphor(i, e.Dep)) {
			return true
		}
	}
	for _, k := range p.Children(t, "acl", "acl:relcl") {
		for _, cue := range d.cuesOn(i, k) {
			if cue.Stance == model.Support {
				return true
			}
		}
	}
	return false
}

// cuesOn are the cues that match at token t of sentence i: a phrasal
// cue only with its other words ("call off", not "call").
func (d *docState) cuesOn(i, t int) []lexCue {
	var out []lexCue
	for _, cue := range d.x.lex.cuesAt(d.sents[i].p, t) {
		if _, ok := d.matchCue(i, t, cue); ok {
			out = append(out, cue)
		}
	}
	return out
}

// opposingVerb: target t is a clause whose verb opposes the topic ("the
// intent to block the deal").
func (d *docState) opposingVerb(i, t int) bool {
	p := d.sents[i].p
	if !p.Tokens[t].IsVerb() {
		return false
	}
	for _, cue := range d.cuesOn(i, t) {
		if cue.Stance == model.Oppose && !cue.Act {
			return true
		}
	}
	return false
}

// opposingSubject: target t is a clause about what opposing the topic
// would do: "(warned that) spurning the deal would mean war".
func (d *docState) opposingSubject(i, t int) bool {
	p := d.sents[i].p
	if !p.Tokens[t].IsVerb() {
		return false
	}
	for _, k := range p.Children(t, "nsubj", "csubj") {
		if d.opposingVerb(i, k) {
			return true
		}
	}
	return false
}

// opposedClause: target t is described by a clause that opposes the
// topic ("any measure that would block the deal").
func (d *docState) opposedClause(i, t int) bool {
	p := d.sents[i].p
	if d.sents[i].topic[t] || d.anaphor(i, t) {
		return false
	}
	for _, k := range p.Children(t, "acl", "acl:relcl") {
		for _, cue := range d.cuesOn(i, k) {
			if cue.Stance == model.Oppose && !cue.Act {
				return true
			}
		}
	}
	return false
}

// opponentsTargeted: the object of cue c is described as opposing the
// topic ("diplomats accused of stirring hostility to the deal", "the
// ministers who tried to block it").
func (d *docState) opponentsTargeted(i, c int) bool {
	p := d.sents[i].p
	for _, o := range p.Children(c, "obj") {
		for _, k := range p.Children(o, "acl", "acl:relcl", "amod") {
			if _, rel := p.Head(k); rel == "amod" && p.Tokens[k].POS != "VBN" {
				continue // a participle the parser took for an adjective
			}
			a, b := p.Subtree(k)
			opposing, topic := false, false
			for t := a; t <= b; t++ {
				for _, cue := range d.cuesOn(i, t) {
					opposing = opposing || cue.Stance == model.Oppose && !cue.Act && t != k
				}
				topic = topic || d.sents[i].topic[t] || d.anaphor(i, t)
			}
			if opposing && topic {
				return true
			}
		}
	}
	return false
}

func slicesContains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// cueTargets keeps a cue's targets for the stages after onTarget that
// read them again (authors): finding them is a tenth of a cue's cost.
// They are kept only when finding them asked nobody's identity (see
// targets), so that they are what finding them again would give. The
// room is on the cue's stack, and holds what is kept.
type cueTargets struct {
	room [8]int
	n    int
	kept bool
}

// of returns the targets of cue c of sentence i, found once if they can
// be kept.
func (f *cueTargets) of(d *docState, i, c int) []int {
	if f.kept {
		return f.room[:f.n:f.n]
	}
	list, settled := d.targets(f.room[:0], i, c)
	if settled && len(list) <= len(f.room) {
		f.n, f.kept = copy(f.room[:], list), true
	}
	return list
}

// targets appends to out the tokens that say what a cue is about:
// objects and prepositional complements, the subject of a passive, for a
// noun its complements, for an actor as object the reason given
// ("faulted Trump for his decision"). The callers read them at once, and
// lend room on their stack for them: a list of its own for each cue was
// the stances' most allocated. settled reports that no phrase was asked
// which actor it names: such an answer may change as the sentence's
// phrases are read (a group named registers it), while the rest of what
// targets reads is the parse's and the topic's, the same whenever asked.
func (d *docState) targets(out []int, i, c int) (targets []int, settled bool) {
	p := d.sents[i].p
	asked := false
	for _, e := range p.Out(c) {
		base, m := syntax.Base(e.Rel), syntax.Marker(e.Rel)
		switch base {
		case "obj", "iobj", "xcomp", "ccomp":
			out = append(out, e.Dep)
		case "nsubj", "csubj":
			if e.Rel == "nsubj:pass" || e.Rel == "csubj:pass" {
				out = append(out, e.Dep) // "the move was confirmed by ..."
			}
		case "acl":
			if p.Tokens[c].IsNoun() {
				out = append(out, e.Dep) // "hope that the agreement will ..."
			}
		case "obl", "nmod", "advcl":
			if isTime(&p.Tokens[e.Dep]) {
				continue
			}
			// "even as he brushed aside ...", "while Peru welcomed it": a
			// clause of its own, not what the cue is about.
			if base == "advcl" && adverbial.Has(d.markerOf(i, e.Dep)) {
				continue
			}
			switch m {
			case "agent", "by", "tmod", "npmod", "in", "at", "from", "among", "poss", "during", "after", "before", "since", "with", "of":
				if m == "of" && p.Tokens[c].IsNoun() {
					asked = true
					if d.holder(i, e.Dep) == "" {
						out = append(out, e.Dep)
					}
				}
				if m == "with" || m == "at" {
					asked = true
					if d.holder(i, e.Dep) == "" && d.refersTo(i, e.Dep) != notTopic {
						out = append(out, e.Dep)
					}
				}
				continue
			}
			out = append(out, e.Dep)
		}
	}
	// Wanting to see something happen is about that thing: "eager to see
	// the pact take effect", "wants to see the deal ratified".
	for _, t := range out {
		if l := p.LowerLemma(t); l != "see" && l != "watch" {
			continue
		}
		seen := p.ChildrenIn(t, relsObj)
		for _, k := range p.ChildrenIn(t, relsCcompXcomp) {
			// "eager to see the pact scrapped" is no support for it.
			if undoing[p.LowerLemma(k)] || slices.ContainsFunc(d.cuesOn(i, k), func(c lexCue) bool { return c.Stance != model.Support }) {
				seen = nil
				break
			}
			seen = append(seen, p.ChildrenIn(k, relsNsubjNsubjPass)...)
		}
		out = append(out, seen...)
	}
	// A verb in a relative clause is about the noun it describes: "the
	// deal the UK has struck".
	if h, rel := p.Head(c); h >= 0 && p.Tokens[c].IsVerb() && (rel == "acl:relcl" || syntax.Base(rel) == "acl") && !p.HasIn(c, relsObj) {
		out = append(out, h)
	}
	// A noun cue that is the object of a light verb takes that verb's
	// complements: "voiced concern over the plan".
	if h, rel := p.Head(c); p.Tokens[c].IsNoun() && h >= 0 && syntax.Base(rel) == "obj" {
		for _, e := range p.OutIn(h, relsOblIobj) {
			if isTime(&p.Tokens[e.Dep]) {
				continue // "restated its objections on Monday"
			}
			if m := syntax.Marker(e.Rel); e.Rel == "iobj" || m == "over" || m == "about" || m == "on" || m == "to" || m == "behind" || m == "for" || m == "against" || m == "regarding" {
				out = append(out, e.Dep)
			}
		}
	}
	// "France and Austria are against it"
	if h, rel := p.Head(c); rel == "case" && h >= 0 {
		out = append(out, h)
	}
	// "This pact is a betrayal": what the noun is said of.
	if p.Tokens[c].IsNoun() && p.HasIn(c, relsCop) && !personNouns.Has(p.LowerLemma(c)) {
		out = append(p.ChildrenIn(c, relsNsubj), out...)
	}
	return out, !asked
}

// reference classes of a target.
const (
	noReference = iota
	topicNamed
	topicAnaphor
	topicPronoun
	notTopic
)

// referringWords are the lemmas of the words refers may find the topic
// in besides its marked names: the anaphors, the vehicles and the
// concluding nouns.
var referringWords = func() *wordset.Map[bool] {
	m := map[string]bool{}
	for _, set := range []*wordset.Map[bool]{anaphors, vehicles, concluding} {
		for w := range set.Keys() {
			m[w] = true
		}
	}
	return wordset.Of(m)
}()

// mayRefer reports whether parsed sentence i holds a word in which refers
// can find the topic: a marked name, an anaphor ("the deal", "it"), a
// vehicle or a concluding noun. Every other case of refers passes the
// question on to other words of the sentence, so in a sentence with none
// of these no word refers to the topic (named, by an anaphor or by a
// pronoun), and the stages that need one (evaluations, merits, owners)
// would find nothing and change nothing.
func (d *docState) mayRefer(i int) bool {
	s := &d.sents[i]
	p := s.p
	for k := range p.Tokens {
		if s.topic[k] || referringWords.Has(p.LowerLemma(k)) || mayBePronounAnaphor(p.Lower(k)) && pronounAnaphor(p, k) {
			return true
		}
	}
	return false
}

// mayBePronounAnaphor: w is as long as "it", "this" or "that", the only
// words pronounAnaphor takes; asked of every word, it spares most the
// call.
func mayBePronounAnaphor(w string) bool { return len(w) == 2 || len(w) == 4 }

// refersTo classifies target token t of sentence i.
func (d *docState) refersTo(i, t int) int { return d.refers(i, t, 0) }

func (d *docState) refers(i, t, depth int) int {
	s := &d.sents[i]
	p := s.p
	if depth > 4 {
		return noReference
	}
	if s.topic[t] {
		return topicNamed
	}
	tok := &p.Tokens[t]
	// "the announcement, which France termed ...": what the clause
	// describes.
	if tok.POS == "WDT" || tok.POS == "WP" {
		if v, _ := p.Head(t); v >= 0 {
			if n, rel := p.Head(v); n >= 0 && strings.HasPrefix(rel, "acl") {
				return d.refers(i, n, depth+1)
			}
		}
		return noReference
	}
	if tok.POS == "PRP" || tok.POS == "DT" {
		if d.anaphor(i, t) && !d.pronounTaken(i, t) {
			return topicPronoun
		}
		return noReference
	}
	if d.anaphor(i, t) || d.leadMention(i, t) || d.vehicle(i, t, depth) || talksConcluded(p, t) {
		return topicAnaphor
	}
	// "This is an unfortunate decision": a predicate refers to what its
	// subject does. A noun with a subject and no verb is how the parser
	// often misreads a long object ("oppose the new trade accord between
	// the EU and South American nations", with "accord" the subject of
	// "nations"): the subject is the object meant.
	if tok.IsNoun() && (p.HasIn(t, relsCop) || p.HasIn(t, relsNsubj)) {
		for _, k := range p.ChildrenIn(t, relsNsubj) {
			if r := d.refers(i, k, depth+1); r != noReference {
				return r
			}
		}
	}
	// "criticism of the deal", "judgment on the accord", "a resolution
	// ratifying NATO membership", "the reports ... about the move".
	for _, k := range p.ChildrenIn(t, relsNmodAclAclRelclAppos) {
		if _, rel := p.Head(k); rel == "nmod:poss" {
			continue
		}
		if r := d.refers(i, k, depth+1); r == topicNamed || r == topicAnaphor {
			return r
		}
	}
	if tok.IsVerb() {
		// A clause as object: "hope that the agreement will help"; a
		// noun the parser left before the verb is its object ("endorsed
		// the deal Mrs May has reached", read as a clause).
		for _, k := range p.ChildrenIn(t, relsObjNsubjNsubjPassDep) {
			if _, rel := p.Head(k); rel == "dep" && (k > t || !p.Tokens[k].IsNoun()) {
				continue
			}
			if r := d.refers(i, k, depth+1); r == topicNamed || r == topicAnaphor {
				return r
			}
		}
		return noReference
	}
	if tok.IsNoun() || s.actor[t] != "" {
		return notTopic
	}
	return noReference
}

// hypothetical reports a cue whose object is an indefinite noun of the
// kind the topic's own names end in, narrowed by a clause ("a deal
// giving EU fleets free rein", "an agreement that protects farmers"), in
// a passage about the topic: a version of the event, backed or refused
// as a condition. Acts are never on a version: "signed a deal that ..."
// is another deal.
func (d *docState) hypothetical(i, c int, cue lexCue) bool {
	p := d.sents[i].p
	// "rejected a pact that would have opened its waters": done, not a
	// condition.
	if cue.Act || cue.Target || p.Tokens[c].POS == "VBD" || !(d.topicIn(i) || d.topicNear(i)) {
		return false
	}
	for _, o := range p.Children(c, "obj") {
		det := p.Children(o, "det")
		if len(det) != 1 || (p.Lower(det[0]) != "a" && p.Lower(det[0]) != "an" && p.Lower(det[0]) != "any") {
			continue
		}
		// The clause first: a question asked is one more answer another
		// topic must give alike to take this topic's reading.
		if p.Has(o, "acl", "acl:relcl") && d.ask(question{kind: askHeadNoun, arg: p.LowerLemma(o)}) {
			return true
		}
	}
	return false
}

// vehicles carry an event through a legislature or a council.
var vehicles = wordset.Of(map[string]bool{"resolution": true, "bill": true, "measure": true, "motion": true, "legislation": true})

// concluding nouns name the end of talks: in an article about an event,
// "the conclusion of the negotiations" is the event reached.
var concluding = wordset.Of(map[string]bool{"conclusion": true, "completion": true, "finalisation": true,
	"finalization": true, "success": true})

// talksConcluded: token t is a concluding noun of the talks ("applauds the
// conclusion of the talks between the EU and its neighbours").
func talksConcluded(p *syntax.Sentence, t int) bool {
	if !concluding.Has(p.LowerLemma(t)) || !definite(p, t) {
		return false
	}
	for _, e := range p.Out(t, "nmod:of") {
		switch p.LowerLemma(e.Dep) {
		case "talk", "talks", "negotiation", "negotiations":
			// Not talks on something else: "the negotiations on fishing
			// quotas".
			for _, o := range p.Out(e.Dep, "nmod") {
				switch syntax.Marker(o.Rel) {
				case "on", "over", "about", "regarding", "for", "concerning":
					return false
				}
			}
			return true
		}
	}
	return false
}

// vehicle: "the measure" anywhere after "a resolution ratifying NATO
// membership" is that resolution, and stands for the event.
func (d *docState) vehicle(i, t, depth int) bool {
	p := d.sents[i].p
	if depth > 0 || !vehicles.Has(p.LowerLemma(t)) || !p.Has(t, "det") || !definite(p, t) {
		return false
	}
	for j := i; j >= 0; j-- {
		q := d.sents[j].p
		if q == nil {
			continue
		}
		end := len(q.Tokens)
		if j == i {
			end = t
		}
		for k := 0; k < end; k++ {
			if vehicles.Has(q.LowerLemma(k)) && q.Tokens[k].IsNoun() {
				if r := d.refers(j, k, 1); r == topicNamed || r == topicAnaphor {
					return true
				}
			}
		}
	}
	return false
}

// pronounTaken: "it" that follows a noun subject of its own sentence
// refers to that noun ("the mischief Russia has pulled ... it is always
// unacceptable"), not to the topic.
func (d *docState) pronounTaken(i, t int) bool {
	p := d.sents[i].p
	taken := false
	for k := 0; k < t; k++ {
		h, rel := p.Head(k)
		switch {
		case d.sents[i].topic[k] || d.anaphor(i, k) && p.Tokens[k].IsNoun():
			// "The cabinet denounced the deal; Netanyahu called it ...":
			// the topic named since is nearer.
			taken = false
		case (syntax.Base(rel) == "nsubj" || rel == "dislocated") && p.Tokens[k].IsNoun() &&
			d.sents[i].actor[k] == "" && (h < 0 || !speechLemmas.Has(p.LowerLemma(h))):
			taken = true
		}
	}
	return taken
}

// leadMention: an article's first sentences name its event with an
// indefinite noun ("signed an agreement on Saturday with ...").
func (d *docState) leadMention(i, t int) bool {
	p := d.sents[i].p
	tok := &p.Tokens[t]
	// The word before the lead: most words are no strong anaphor, and
	// inLead may count the lines before.
	return tok.IsNoun() && !tok.IsProper() && anaphors.Has(p.LowerLemma(t)) && strong[p.LowerLemma(t)] && d.inLead(i)
}

// inLead: the article's first sentences, or the first sentence of one of
// its first two paragraphs (after a standfirst comes the dateline's).
func (d *docState) inLead(i int) bool {
	if i < 3 {
		return true
	}
	if i > 0 && d.sents[i-1].line == d.sents[i].line {
		return false
	}
	body := 0
	for ln := 0; ln <= d.sents[i].line && ln < len(d.lines); ln++ {
		if d.lines[ln].kind != heading {
			body++
		}
	}
	return body <= 2
}

// strong anaphors name a deal and nothing else.
var strong = map[string]bool{"deal": true, "agreement": true, "accord": true, "pact": true, "treaty": true}

// topicIn reports a sentence that names or refers to the topic.
func (d *docState) topicIn(i int) bool {
	s := &d.sents[i]
	if s.p == nil {
		return d.topicInText(i)
	}
	// Asked again for each cue and judgement of the sentence and of the
	// two after it: answered once.
	if s.topicIn != 0 {
		return s.topicIn == memoYes
	}
	s.topicIn = memoNo
	for t := range s.p.Tokens {
		if s.topic[t] || (s.p.Tokens[t].IsNoun() && d.anaphor(i, t)) { // the call for nouns only
			s.topicIn = memoYes
			break
		}
	}
	return s.topicIn == memoYes
}

// topicInText is topicIn for a sentence that was not parsed: a name of
// the topic, or "the deal", "this step", "its decision" in its words.
func (d *docState) topicInText(i int) bool {
	lower := d.lower[d.sents[i].start:d.sents[i].end]
	if d.ask(question{kind: askAbout, arg: lower}) {
		return true
	}
	prev := ""
	for w := range lowerWords(lower) {
		switch prev {
		case "the", "this", "that", "its", "his", "her", "their":
			if anaphors.Has(w) {
				return true
			}
		}
		prev = w
	}
	return false
}

// namedJustBefore: the sentence before, in the same paragraph, names the
// topic by one of its own names, so an act on "it" acts on the topic
// ("... to ratify Sweden's accession. Turkey ratified it in January.").
func (d *docState) namedJustBefore(i int) bool {
	if i == 0 || d.sents[i-1].line != d.sents[i].line || d.sents[i-1].p == nil {
		return false
	}
	return slices.Contains(d.sents[i-1].topic, true)
}

// topicNear: one of the two sentences before refers to the topic, in the
// same paragraph or the one before it.
func (d *docState) topicNear(i int) bool {
	if d.blocks[i] != nil {
		return true // a reaction under a label of a reactions section
	}
	// The lead is about what the headline names.
	if i > 0 && d.inLead(i) && d.sents[0].line == 0 && d.lines[0].kind == heading && d.topicIn(0) {
		return true
	}
	steps := 0
	for j := i - 1; j >= 0 && steps < 2; j-- {
		if d.lines[d.sents[j].line].kind == heading {
			continue // a section heading is no step away
		}
		if d.sents[i].line-d.sents[j].line > 2 {
			break
		}
		if d.topicIn(j) {
			return true
		}
		steps++
	}
	return false
}
