package extract

import (
	"regexp"
	"strings"

	"github.com/stancegraph/stancegraph/model"
)

// cueKind says where a cue finds its actor and what else it needs.
type cueKind int

const (
	// verbCue: the actor is the subject before it, and the statement must
	// name the topic after it ("Turkey cautiously welcomed the deal").
	verbCue cueKind = iota
	// joinCue: the subject joins the topic ("Syria has agreed to join the
	// coalition"); the topic must follow at once.
	joinCue
	// fromCue: the actors follow it ("with backing from Saudi Arabia").
	fromCue
	// evalCue: an evaluation that needs a speaker or subject and a topic in
	// context ("an important step", "morally bankrupt").
	evalCue
	// stateCue: a bare stance adjective in a list or label ("UAE supportive").
	stateCue
	// objCue: a stance noun whose object must be the topic ("opposition
	// to the deal", "concerns about the arrangement").
	objCue
	// partyCue: a party's own official confirming or announcing the step
	// ("Minister X confirmed the accession") supports it.
	partyCue
)

type cue struct {
	re     *regexp.Regexp
	lits   []string // one of these occurs wherever re matches
	stance model.Stance
	kind   cueKind
	text   string
}

func newCue(pattern string, s model.Stance, k cueKind, text string) cue {
	return cue{re: regexp.MustCompile(pattern), lits: requiredLiterals(pattern), stance: s, kind: k, text: text}
}

func phrase(p string) string {
	return `\b` + p + `\b`
}

// builtinCues is the stance lexicon, written for news in general. Phrases
// are regular expressions over lower-cased, normalized text.
func builtinCues() []cue {
	type c struct {
		p string
		s model.Stance
		k cueKind
	}
	list := []c{
		// Support.
		{`(?:warmly |cautiously |tentatively |quickly )?welcom(?:e|es|ed|ing)`, model.Support, verbCue},
		{`(?:strongly |fully )?(?:support(?:s|ed|ing)?|back(?:s|ed|ing)?|endors(?:e|es|ed|ing)|embrac(?:e|es|ed|ing)|applaud(?:s|ed|ing)?|prais(?:e|es|ed|ing)|hail(?:s|ed|ing)?|champion(?:s|ed)?)`, model.Support, verbCue},
		{`(?:issued|expressed|voiced|offered|signaled|signalled|pledged) (?:statements? of |its |their |his |her |strong |full |qualified |cautious )*(?:support|backing)`, model.Support, evalCue},
		{`(?:statements? of support|support(?:ive)? of|in favou?r of)`, model.Support, evalCue},
		{`(?:agreed to|decided to|voted to|moved to|will|would|to|has|have|had|officially|formally|formally agreed to)? ?join(?:s|ed|ing)?`, model.Support, joinCue},
		{`(?:intent(?:ion)?|efforts?|decision|bid|plans?|readiness|willingness|commitment) to (?:join|align (?:politically )?with|enter)`, model.Support, joinCue},
		{`(?:entry into|accession to|membership (?:in|of)|(?:become|becomes|became|becoming) (?:the |a |an )?(?:[a-z']+ )?(?:\d+(?:st|nd|rd|th) )?member of|(?:remains?|remained|is|are|was|were|stays?|stayed) (?:fully |firmly )?committed to)`, model.Support, joinCue},
		{`(?:backing|support|endorsement|praise) from`, model.Support, fromCue},
		{`(?:an? )?(?:important|significant|positive|critical|crucial|major|welcome|historic|necessary|right) (?:step|milestone|move|development|decision|opportunity)`, model.Support, evalCue},
		{`(?:significant |major |important )?milestone`, model.Support, evalCue},
		{`should be welcomed|is right to|was right to|step forward|step in the right direction|as crucial|is crucial|pragmatic|(?:is|was|are|were|stands?|stood) ready to (?:work|cooperate)|we support|we welcome|good for`, model.Support, evalCue},
		{`supportive|(?:broadly |largely |firmly )?in favou?r`, model.Support, stateCue},
		{`(?:responded|reacted) (?:cautiously|warily|coolly|guardedly)`, model.Cautious, stateCue},
		// Opposition.
		{`(?:strongly |firmly |sharply |vehemently )?(?:oppos(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|criticiz(?:e|es|ed|ing)|criticis(?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|reject(?:s|ed|ing)?|slam(?:s|med|ming)?|decr(?:y|ies|ied)|blast(?:s|ed)?|assail(?:s|ed)?|accus(?:e|es|ed|ing)|protest(?:s|ed)?)`, model.Oppose, verbCue},
		{`(?:criticism|condemnation|opposition|objections?|sharp reactions?|backlash|fire) from`, model.Oppose, fromCue},
		{`(?:strong |sharp |fierce |harsh )?(?:criticism|condemnation|opposition) (?:of|to)`, model.Oppose, objCue},
		{`betrayal|morally bankrupt|short-sighted|undeserved legitimacy|a violation of|a mistake|a grave mistake|reckless|dangerous precedent|undermines?|abandoning our principles|we oppose|we reject|we condemn|selling (?:out|the)|whitewash(?:es|ing)?`, model.Oppose, evalCue},
		{`(?:strongly |firmly )?opposed|hostile`, model.Oppose, stateCue},
		// Caution.
		{`(?:expressed|voiced|raised|expresse?s?|voices?|raises?|has|have|had) (?:serious |deep |grave |some )?(?:concerns?|reservations|doubts|misgivings|caution|skepticism|scepticism)`, model.Cautious, evalCue},
		{`(?:serious |deep |grave )?(?:concerns?|reservations) (?:about|over|regarding)`, model.Cautious, objCue},
		{`confirm(?:s|ed)|announc(?:e|es|ed)`, model.Support, partyCue},
		{`(?:cautiously (?:accepting|optimistic|supportive|positive)|wary|skeptical|sceptical|cautious|ambivalent|mixed reactions?|qualified support|conditional support|guarded)`, model.Cautious, stateCue},
		{`will monitor|wait and see|remains? to be seen|we note`, model.Cautious, evalCue},
	}
	out := make([]cue, 0, len(list))
	for _, x := range list {
		out = append(out, newCue(phrase(x.p), x.s, x.k, x.p))
	}
	return out
}

// userCue turns a configured phrase into a cue that behaves like an
// evaluation: it needs an actor and the topic in context.
func userCue(p string, s model.Stance) cue {
	return newCue(phrase(regexp.QuoteMeta(strings.ToLower(strings.TrimSpace(p)))), s, evalCue, p)
}

// negations before a cue turn it off: "not opposed", "doesn't constitute
// endorsement", "no support".
var reNegation = regexp.MustCompile(`(?:\b(?:not|never|no|nor|neither|without|refused to|declined to|stopped short of|far from|hardly|rather than|instead of)|n't)\b(?:\s+\S+){0,2}\s*$`)

// rePassive before a verb cue means the subject is its object: "Syria, long
// accused of harbouring extremists".
var rePassive = regexp.MustCompile(`\b(?:was|were|been|being|is|are|be|and|long|often|widely)\s*$`)

// hedges before or inside a support cue make it cautious.
var reHedge = regexp.MustCompile(`\b(?:cautious(?:ly)?|qualified|conditional(?:ly)?|tentative(?:ly)?|guarded(?:ly)?|reluctant(?:ly)?|grudging(?:ly)?|lukewarm|muted|limited)\b(?:\s+\S+){0,1}\s*$`)

// stanceAt applies negation and hedging to a cue found at [a, b) of the
// lower-cased clause. ok is false when the cue is negated away.
func stanceAt(lower string, a, b int, c cue) (model.Stance, bool) {
	before := lower[max(0, a-40):a]
	matched := lower[a:b]
	if reNegation.MatchString(before) {
		if c.stance == model.Oppose {
			return model.Cautious, true // "not opposed": acceptance with reserve
		}
		return "", false
	}
	if c.stance == model.Support && (reHedge.MatchString(before) || reHedge.MatchString(matched+" ")) {
		return model.Cautious, true
	}
	return c.stance, true
}

// labelStance reads the stance words of a label: "Strong Opposition",
// "Qualified Support", "Supportive", "Republican Critics".
var (
	reLabelHedge    = regexp.MustCompile(`\b(?:qualified|cautious|conditional|tentative|guarded|mixed|limited)\b`)
	reLabelOppose   = regexp.MustCompile(`\b(?:opposition|opposed|opposes|critics|critical|against|condemnation|rejection|criticism)\b`)
	reLabelSupport  = regexp.MustCompile(`\b(?:support|supportive|supporters|supports|backing|backers|welcomes?|in favou?r)\b`)
	reLabelCautious = regexp.MustCompile(`\b(?:concerns?|reservations|cautious|caution|wary|skeptical|sceptical|mixed|ambivalent)\b`)
)

func labelStance(words string) (model.Stance, bool) {
	w := strings.ToLower(words)
	switch {
	case reLabelOppose.MatchString(w):
		return model.Oppose, true
	case reLabelSupport.MatchString(w):
		if reLabelHedge.MatchString(w) {
			return model.Cautious, true
		}
		return model.Support, true
	case reLabelCautious.MatchString(w):
		return model.Cautious, true
	}
	return "", false
}
