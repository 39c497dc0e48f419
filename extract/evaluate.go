package extract

import (
	"slices"
	"strings"

	"github.com/stancegraph/stancegraph/extract/wordset"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// namingVerbs judge their object by what they call it: "called the deal
// balanced", "branded it a travesty", "described the step as perilous".
var namingVerbs = wordset.Of(map[string]bool{"call": true, "describe": true, "brand": true, "label": true,
	"term": true, "dub": true, "characterise": true, "characterize": true, "deem": true, "consider": true,
	"see": true, "regard": true, "view": true, "hail": true, "denounce": true, "condemn": true,
	"praise": true, "portray": true, "paint": true, "declare": true, "judge": true, "find": true})

// neutralSpeech report a judgement without adding one of their own;
// "feared that", "hoped that", "urged that" are cues of their own.
var neutralSpeech = map[string]bool{"say": true, "tell": true, "add": true, "state": true, "write": true,
	"tweet": true, "post": true, "declare": true, "insist": true, "argue": true, "note": true, "stress": true,
	"claim": true, "assert": true, "remark": true, "reply": true, "respond": true, "comment": true,
	"observe": true, "acknowledge": true, "contend": true, "maintain": true, "emphasise": true,
	"emphasize": true, "explain": true, "suggest": true, "predict": true, "announce": true, "admit": true,
	"concede": true, "reiterate": true, "repeat": true, "affirm": true, "confirm": true, "proclaim": true,
	"assure": true, "underline": true, "underscore": true, "conclude": true, "believe": true, "think": true,
	"feel": true, "warn": true, "charge": true, "allege": true, "complain": true, "expect": true,
	"signal": true, "indicate": true, "quote": true}

// warnings report a judgement as a danger.
var warnings = map[string]bool{"warn": true, "caution": true}

// evaluationThreshold is the valence a judgement must reach to count as a
// stance: one clearly loaded word, or several mild ones.
const evaluationThreshold = 1.2

// evaluations finds statements that judge the event rather than report a
// position with a stance word: "the pact would bring a dramatic erosion of
// sovereignty" said by someone, a quote calling the move "a knife in the
// back", "X called the deal a blunder". Their stance is the sign of the
// judgement's valence; the judge is whoever says it.
func (d *docState) evaluations(i int) {
	p := d.sents[i].p
	judging := d.mayJudge(p)
	for pr := range p.Tokens {
		if p.Tokens[pr].IsVerb() && namingVerbs.Has(p.LowerLemma(pr)) {
			d.naming(i, pr)
		}
		if judging[pr] == notJudging {
			continue
		}
		// Most words judge no subject, or none that is the event; the
		// checks below cost more than finding that out.
		subjects := d.judgedSubjects(i, pr, judging)
		if !slices.ContainsFunc(subjects, func(subj int) bool { ok, _ := d.judgedSubject(i, subj); return ok }) {
			continue
		}
		// A stance word of its own is read by the cue stage, unless the
		// event is its subject: "the pact would undermine peace" judges
		// the pact.
		if len(d.cuesOn(i, pr)) > 0 && !d.eventSubject(i, pr) {
			continue
		}
		if d.underCondition(i, pr) || asked(p, pr) {
			continue // "if the deal is to clear its last obstacle"
		}
		for _, subj := range subjects {
			ok, flip := d.judgedSubject(i, subj)
			if !ok {
				continue
			}
			judges, verb := d.reporterVerb(i, pr)
			for _, judge := range judges {
				v := d.valence(i, pr, subj)
				if flip {
					v = -v // "spurning the deal would mean war": good for the deal
				}
				if d.counterfactual(i, pr) {
					v = min(v, -2*evaluationThreshold) // what it should have done, it failed to do
				} else if (v >= evaluationThreshold || v > -evaluationThreshold && len(d.cuesOn(i, pr)) == 0) && !flip && required(p, pr) {
					// "the deal must put rights first", in someone's words: a
					// good, or anything not bad, that the event has yet to
					// deliver is a condition set on it ("must fail" is no
					// condition).
					d.add(candidate{sent: i, actor: judge, stance: model.Cautious, attr: model.Reported, cue: "requires: " + strings.ToLower(p.Span(pr, pr)), conf: 0.5})
					continue
				}
				cue := strings.ToLower(p.Span(pr, pr))
				if verb >= 0 {
					switch lemma := p.LowerLemma(verb); {
					case warnings[lemma]:
						// A warning about the event is reserve at least; one
						// about spurning it is not.
						if v > -evaluationThreshold && !flip {
							d.add(candidate{sent: i, actor: judge, stance: model.Cautious, attr: model.Reported, cue: "warns: " + cue, conf: 0.55})
							continue
						}
					case !neutralSpeech[lemma]:
						continue
					}
				}
				d.judged(i, judge, v, cue)
			}
		}
	}
}

// subjectRels are the relations of a predicate's subjects, asked of
// every word of a parsed sentence.
var subjectRels = syntax.RelSet("nsubj", "nsubj:pass", "csubj")

// The marks of mayJudge that are not a token's one subject.
const (
	notJudging  = -1 // no subject, and no xcomp
	xcompOnly   = -2 // an xcomp with no subject
	subjectsRun = -3 // subjects that are not one token's: ChildrenIn's
)

// mayJudge marks the tokens of p for which judgedSubjects may find
// subjects: those with a subject and those that are an xcomp. One pass
// over the tree costs 0.8% of extraction's instructions less than asking
// every token for its subjects and its head (most have neither). A token
// with one subject is marked with it, which is then what ChildrenIn
// would find: most predicates have one.
func (d *docState) mayJudge(p *syntax.Sentence) []int {
	marks := slices.Grow(d.judging[:0], len(p.Tokens))[:len(p.Tokens)]
	for k := range marks {
		marks[k] = notJudging
	}
	d.judging = marks
	for _, e := range p.Tree {
		switch {
		case e.Rel == "xcomp" && 0 <= e.Dep && e.Dep < len(marks):
			if marks[e.Dep] == notJudging {
				marks[e.Dep] = xcompOnly
			}
		case 0 <= e.Head && e.Head < len(marks) && subjectRel(e.Rel):
			marks[e.Head] = withSubject(marks[e.Head], e.Dep)
		}
	}
	return marks
}

// withSubject is a token's mark once subject k is found beside those of
// mark.
func withSubject(mark, k int) int {
	if (mark == notJudging || mark == xcompOnly) && k >= 0 {
		return k
	}
	return subjectsRun
}

// subjectRel is subjectRels.Holds(rel), a base of "nsubj" or "csubj",
// read from the bytes in place: mayJudge asks it of every edge, and the
// call was half of mayJudge's cost.
func subjectRel(rel string) bool {
	return len(rel) >= 5 && (rel[0] == 'n' || rel[0] == 'c') && rel[1:5] == "subj" && (len(rel) == 5 || rel[5] == ':')
}

// judgedSubjects are the subjects of predicate pr, or, when an
// expectation verb takes pr's subject as its object ("expects the pact to
// give exporters a lift"), that object; marks are mayJudge's. The list
// may be the marks' own room, which the next sentence's marks fill
// again: it is read before then, and never written.
func (d *docState) judgedSubjects(i, pr int, marks []int) []int {
	p := d.sents[i].p
	if s := markedSubjects(p, pr, marks); len(s) > 0 {
		return s
	}
	if h, rel := p.Head(pr); h >= 0 && rel == "xcomp" && d.expectsOfEvent(i, h) {
		return p.Children(h, "obj")
	}
	return nil
}

// markedSubjects is p.ChildrenIn(pr, subjectRels), read from mayJudge's
// marks where they hold the answer.
func markedSubjects(p *syntax.Sentence, pr int, marks []int) []int {
	switch marks[pr] {
	case notJudging, xcompOnly:
		return nil
	case subjectsRun:
		return p.ChildrenIn(pr, subjectRels)
	}
	return marks[pr : pr+1 : pr+1]
}

// expecting verbs report a judgement of their object's future: "expects
// the pact to give its exports a lift".
var expecting = wordset.Of(map[string]bool{"expect": true, "believe": true, "predict": true, "consider": true})

// asked reports a predicate inside an indirect question, which asks
// rather than judges: "knew what the pact would mean for peace", "how
// good the deal really is". The question word opens the clause.
func asked(p *syntax.Sentence, pr int) bool {
	// The clause's span is the costly part: most sentences have no
	// question word before the predicate to open it.
	if !questionWordBefore(p, pr) {
		return false
	}
	first, _ := p.Subtree(pr)
	if first >= pr {
		return false
	}
	switch p.Lower(first) {
	case "why", "whether":
		return true
	case "what":
		// Not "knew what a disaster it would be", which exclaims.
		return first+1 < len(p.Tokens) && p.Lower(first+1) != "a" && p.Lower(first+1) != "an"
	case "how":
		// "explained how good the pact is" tells; "asked how good it is"
		// asks.
		h, _ := p.Head(pr)
		return h >= 0 && questioning[p.LowerLemma(h)]
	}
	return false
}

// questionWordBefore reports a word before token pr that asked can find
// opening an indirect question.
func questionWordBefore(p *syntax.Sentence, pr int) bool {
	for k := 0; k < pr; k++ {
		switch p.Lower(k) {
		case "why", "whether", "what", "how":
			return true
		}
	}
	return false
}

// questioning verbs take an indirect question.
var questioning = map[string]bool{"ask": true, "wonder": true, "know": true, "learn": true, "question": true,
	"see": true, "decide": true, "doubt": true, "debate": true, "unclear": true, "consider": true}

// naming: "called the deal 'a historic blunder'" - the verb's object is the
// topic, its complement the judgement.
func (d *docState) naming(i, v int) {
	p := d.sents[i].p
	objs := p.Children(v, "obj")
	if len(objs) == 0 {
		// "called the deal balanced and fair": a small clause.
		for _, x := range p.Children(v, "xcomp") {
			if subj := p.Children(x, "nsubj"); len(subj) > 0 && d.isTarget(i, subj[0]) {
				d.judgeFor(i, v, d.valence(i, x, subj[0]))
			}
		}
		return
	}
	if !d.isTarget(i, objs[0]) {
		return
	}
	// What it is called: "called the deal 'a blunder'", "described it as
	// perilous"; "judged it by its results" calls it nothing.
	var val float64
	// A second object is the name too: parsers read "called it 'a
	// costly blunder'" as two objects.
	for _, c := range p.Children(v, "xcomp", "obl", "advcl", "dep", "obj") {
		if _, rel := p.Head(c); c == objs[0] || (rel == "obl" || rel == "advcl") && !d.hasMarker(i, c, "as") {
			continue
		}
		val += d.valence(i, c, -1)
	}
	for _, c := range p.Children(objs[0], "acl", "amod", "appos", "dep") {
		val += d.valence(i, c, -1)
	}
	// "called the step "an unfortunate decision"": the name, hung on the
	// object as a noun with no preposition.
	for _, e := range p.Out(objs[0], "nmod") {
		if e.Rel == "nmod" {
			val += d.valence(i, e.Dep, -1)
		}
	}
	d.judgeFor(i, v, val)
}

// judgeFor records the judgement val for the holders of naming verb v.
func (d *docState) judgeFor(i, v int, val float64) {
	if val == 0 {
		return
	}
	p := d.sents[i].p
	for _, h := range d.verbHolders(i, v) {
		for _, id := range d.expand(i, h) {
			d.judged(i, id, val, p.Lower(v))
		}
	}
}

// judgedSubject: subject t of a judgement is the event itself ("the
// pact", "this step", "Sweden's joining NATO"), not something about it
// ("Israel's lack of sway over the talks on the deal"). flip reports a
// subject that is an act against the event ("spurning the deal").
func (d *docState) judgedSubject(i, t int) (ok, flip bool) {
	s := &d.sents[i]
	p := s.p
	if p.Tokens[t].IsVerb() {
		for _, k := range p.Children(t, "obj") {
			if s.topic[k] || d.anaphor(i, k) {
				for _, cue := range d.cuesOn(i, t) {
					if cue.Stance == model.Oppose {
						return true, true
					}
				}
				return true, false
			}
		}
	}
	if s.topic[t] && !p.Tokens[t].IsVerb() {
		return true, false
	}
	if !d.isTarget(i, t) {
		return false, false
	}
	return d.directTarget(i, t) || p.Tokens[t].POS == "PRP" || p.Tokens[t].POS == "DT", false
}

// isTarget: token t names or refers to the topic here. "It" that follows
// a state or group in its own sentence is that actor ("Indonesia said it
// feared ..."), not the topic.
func (d *docState) isTarget(i, t int) bool {
	switch d.refersTo(i, t) {
	case topicNamed, topicAnaphor:
		return true
	case topicPronoun:
		if w := d.sents[i].p.Lower(t); (w == "it" || w == "its") && !d.inQuote(i, t) {
			if _, j, k := d.antecedent(i, t, notPerson); j == i && k >= 0 && d.isSubject(j, k) && !d.coargument(i, k, t) {
				return false
			}
		}
		return d.topicIn(i) || d.topicNear(i)
	}
	return false
}

// underCondition: predicate pr, or the verb it is the complement of,
// is marked as a condition or a question ("if", "unless", "whether").
func (d *docState) underCondition(i, pr int) bool {
	return d.upInfinitives(i, pr, func(w string) bool { return w == "whether" || conditions.Has(w) }, "mark") ||
		d.inverted(i, pr)
}

// inverted: the clause of predicate v is a condition by inversion, its
// auxiliary before its subject ("should the deal fail", "were Sweden to
// join"), which has no "if" to find.
func (d *docState) inverted(i, v int) bool {
	p := d.sents[i].p
	return upXcomp(p, v, func(n int) bool { return invertedAt(p, n) })
}

// eventSubject: the topic is the subject of predicate pr.
func (d *docState) eventSubject(i, pr int) bool {
	for _, k := range d.sents[i].p.Children(pr, "nsubj", "csubj") {
		if r := d.refersTo(i, k); r == topicNamed || r == topicAnaphor {
			return true
		}
	}
	return false
}

// counterfactual: "the deal ought to have done away with ...", "it
// should have gone further": a modal of duty with a perfect.
func (d *docState) counterfactual(i, pr int) bool {
	p := d.sents[i].p
	if !strings.EqualFold(p.Tokens[pr].Text, "ought") && !hasAux(p, pr, "should", "ought") {
		return false
	}
	for _, v := range append([]int{pr}, p.Children(pr, "xcomp")...) {
		if p.Tokens[v].POS == "VBN" && hasAux(p, v, "have") {
			return true
		}
	}
	return false
}

// coargument: tokens a and b are the subject and the object of one verb,
// so b, a pronoun, cannot stand for a: in "Labour described it as ..."
// "it" is not Labour.
func (d *docState) coargument(i, a, b int) bool {
	p := d.sents[i].p
	va, rela := p.Head(a)
	for va >= 0 && (rela == "compound" || rela == "flat") {
		va, rela = p.Head(va) // "Labour" in "The Labour Party"
	}
	vb, rel := p.Head(b)
	return va >= 0 && va == vb && syntax.Base(rel) == "obj"
}

// required: predicate pr is what its subject must do ("must protect",
// "should respect", "has to put", "needs to guarantee").
func required(p *syntax.Sentence, pr int) bool {
	if hasAux(p, pr, "must", "should") {
		// "should he fall short" puts the auxiliary first: a condition.
		for _, a := range p.Children(pr, "aux") {
			for _, sb := range p.Children(pr, "nsubj", "nsubj:pass") {
				if a < sb {
					return false
				}
			}
		}
		return true
	}
	h, rel := p.Head(pr)
	if h < 0 || syntax.Base(rel) != "xcomp" {
		return false
	}
	switch p.LowerLemma(h) {
	case "have", "need":
		return true
	}
	return false
}

func (d *docState) judged(i int, judge string, v float64, cue string) {
	var stance model.Stance
	switch {
	case v >= evaluationThreshold:
		stance = model.Support
	case v <= -evaluationThreshold:
		stance = model.Oppose
	default:
		return
	}
	attr := model.Reported
	if d.hasQuote(i) {
		attr = model.Quote
	}
	d.add(candidate{sent: i, actor: judge, stance: stance, attr: attr, cue: "judges it: " + cue, conf: 0.5})
}

// valence judges the phrase under token root, leaving out the subtree of
// skip (the subject being judged). A word's own valence speaks for the
// words under it ("an erosion of freedom" is bad, whatever "freedom" is);
// a word with none passes on the sum of its dependents'. Negators flip a
// word's valence, and verbs of removal flip their object's ("end the
// war").
func (d *docState) valence(i, root, skip int) float64 {
	p := d.sents[i].p
	var walk func(n, depth int) float64
	walk = func(n, depth int) float64 {
		if n == skip || depth > 8 {
			return 0
		}
		tok := &p.Tokens[n]
		var v float64
		// A name is worth nothing: "the United States", "Good Hope".
		if tok.NER == "" || tok.NER == "O" {
			v = d.x.lex.Valence(p.Lower(n))
			if v == 0 {
				v = d.x.lex.Valence(p.LowerLemma(n))
			}
		}
		if causatives.Has(p.LowerLemma(n)) {
			// "spark tensions" is as good as the tensions; "provoke
			// Beijing" keeps the verb's own worth.
			var brought float64
			for _, k := range p.Children(n, "obj") {
				brought += walk(k, depth+1)
			}
			if brought != 0 {
				v = 0
			}
		}
		if v == 0 {
			for _, k := range p.Children(n) {
				if _, rel := p.Head(k); rel == "punct" || rel == "cc" || syntax.Base(rel) == "advcl" || syntax.Base(rel) == "parataxis" {
					continue
				}
				v += walk(k, depth+1)
			}
			if reversers.Has(strings.ToLower(tok.Lemma)) {
				v = -v
			}
		} else {
			if intensified(p, n) {
				v *= 1.3
			}
			// A word with a worth of its own still has its coordinated
			// words beside it: "tensions and conflicts"; not a clause of
			// its own ("the economy remained fragile") nor a contrast.
			for _, k := range p.Children(n, "conj") {
				if p.Tokens[k].IsVerb() || p.Has(k, "nsubj", "nsubj:pass", "cop") || d.contrasted(i, k) {
					continue
				}
				v += walk(k, depth+1)
			}
		}
		if d.negated(i, n) {
			v = -v
		}
		return v
	}
	first, last := p.Subtree(root)
	return walk(root, 0) + d.phraseValence(i, first, last)
}

// contrasted: conjunct k is joined by "but" or "yet".
func (d *docState) contrasted(i, k int) bool {
	p := d.sents[i].p
	for _, cc := range p.Children(k, "cc") {
		if w := p.Lower(cc); w == "but" || w == "yet" {
			return true
		}
	}
	return false
}

// causatives bring about what they act on: their worth is its worth,
// whatever the lexicon says of the verb itself.
var causatives = wordset.Of(map[string]bool{"spark": true, "trigger": true, "fuel": true, "cause": true, "create": true,
	"bring": true, "provoke": true, "unleash": true, "generate": true, "produce": true, "breed": true,
	"stoke": true, "ignite": true, "foster": true, "yield": true})

// reversers undo what they act on: ending a war is good, ending peace bad.
var reversers = wordset.Of(map[string]bool{"end": true, "stop": true, "halt": true, "prevent": true, "avert": true,
	"avoid": true, "reduce": true, "curb": true, "counter": true, "ease": true, "cut": true, "eliminate": true,
	"remove": true, "resolve": true, "settle": true, "defuse": true, "lift": true, "combat": true,
	"fight": true, "tackle": true, "restrain": true, "contain": true, "deter": true, "limit": true,
	"lower": true, "lessen": true, "diminish": true, "block": true, "close": true, "check": true,
	"relinquish": true, "abandon": true, "forfeit": true, "lose": true, "sacrifice": true, "surrender": true,
	"squander": true, "waste": true, "deny": true,
	// leaving something: "an exit from the peace process"
	"exit": true, "depart": true, "departure": true, "retreat": true, "withdraw": true, "withdrawal": true})

// intensified: "gravely undermine", "extremely reckless".
func intensified(p *syntax.Sentence, n int) bool {
	for _, k := range p.Children(n, "advmod") {
		switch p.Lower(k) {
		case "very", "extremely", "gravely", "deeply", "highly", "truly", "utterly", "seriously", "hugely", "profoundly":
			return true
		}
	}
	return false
}

// phraseValence adds the evaluative phrases of more than one word.
func (d *docState) phraseValence(i, first, last int) float64 {
	p := d.sents[i].p
	// The span is most of a sentence, and few of its words may begin a
	// phrase: each phrase is read only at those, in the same order, so
	// that the sum is added up as before.
	var room [16]int
	starts := room[:0]
	for k := first; k <= last; k++ {
		if f := &d.x.lex.phraseStarts; f.May(p.LowerLemma(k)) || f.May(p.Lower(k)) {
			starts = append(starts, k)
		}
	}
	var sum float64
	for _, ph := range d.x.lex.phrases {
		for _, k := range starts {
			if k+len(ph.words)-1 > last {
				break
			}
			match := true
			for j, w := range ph.words {
				if p.LowerLemma(k+j) != w && p.Lower(k+j) != w {
					match = false
					break
				}
			}
			if match {
				sum += ph.v
			}
		}
	}
	return sum
}

// merits reads a judgement carried by the object of a plain verb: "singled
// out the advantages of the pact", "stressed the dangers of the deal".
// The noun's worth is the subject's judgement of the event.
func (d *docState) merits(i int) {
	p := d.sents[i].p
	for n := range p.Tokens {
		tok := &p.Tokens[n]
		if !tok.IsNoun() {
			continue
		}
		// Most nouns are no verb's object: that is asked first.
		v, rel := p.Head(n)
		if v < 0 || !objectRel(rel) || !p.Tokens[v].IsVerb() {
			continue
		}
		// Most objects have no "of" phrase, which one bit test tells:
		// asked before their valence, two look-ups.
		ofs := p.OutIn(n, relsNmodOf)
		if len(ofs) == 0 {
			continue
		}
		val := d.x.lex.Valence(p.Lower(n))
		if val == 0 {
			val = d.x.lex.Valence(p.LowerLemma(n))
		}
		if val == 0 || len(d.cuesOn(i, v)) > 0 || d.underCondition(i, v) {
			continue
		}
		// "the benefits of the deal": the event's.
		if !slices.ContainsFunc(ofs, func(e syntax.Edge) bool {
			r := d.refersTo(i, e.Dep)
			return r == topicNamed || r == topicAnaphor
		}) {
			continue
		}
		if d.negated(i, v) != (reversers.Has(p.LowerLemma(v)) || discounting[p.LowerLemma(v)]) {
			val = -val // "did not see the benefits", "played down the dangers"
		}
		for _, h := range d.verbHolders(i, v) {
			for _, id := range d.expand(i, h) {
				d.judged(i, id, val, p.Lower(n))
			}
		}
	}
}

// objectRel is syntax.Base(rel) == "obj", read from the first bytes:
// merits asks it of every noun, whose relations are longer than "obj"
// and cut at their colon by Base.
func objectRel(rel string) bool {
	return len(rel) >= 3 && rel[:3] == "obj" && (len(rel) == 3 || rel[3] == ':')
}

// discounting verbs make light of what they take: "downplayed the
// dangers", "questioned the benefits".
var discounting = map[string]bool{"downplay": true, "dismiss": true, "exaggerate": true,
	"overstate": true, "overplay": true, "question": true, "doubt": true, "underestimate": true}
