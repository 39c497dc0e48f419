package ask

import (
	"regexp"
	"strings"

	"github.com/stancegraph/stancegraph/model"
)

// A rule is one way of asking for an intent: a regular expression over the
// normalised question (lowercase words separated by single spaces). Named
// groups: a and b are actor names, kind and kind2 an actor-kind word.
type rule struct {
	intent Intent
	stance model.Stance // stance rules only
	re     *regexp.Regexp
}

// Word lists shared by the patterns.
const (
	aux = `has|have|had|did|do|does|was|were|is|are|been|being|be|will|would|may|might|could|` +
		`also|still|initially|first|publicly|openly|strongly|actively|explicitly|firmly|fiercely|` +
		`vocally|clearly|most|more|very|quite|somewhat|rather|some|serious|mixed|deep|any|real|` +
		`remained|remain|remains|stayed|stay|stays|seemed|seem|seems|appeared|appear|appears|` +
		`sounded|sound|sounds|came out|come out|spoke out|expressed|voiced|raised|showed|urged`

	prep = `to|of|with|about|on|over|regarding|towards|toward|concerning|around|at`

	adverb = `most|the most|strongly|most strongly|publicly|openly|initially|at first|first|` +
		`explicitly|so far|in the end|overall|at all`

	topicNouns = `deal|deals|agreement|agreements|move|accession|membership|coalition|plan|` +
		`proposal|decision|bid|joining|entry|step|pact|treaty|arrangement|announcement|` +
		`initiative|idea|policy|event|issue|measure|inclusion|admission|integration|` +
		`partnership|accord|process|talks|news|question|matter|development`

	// topic is what the question is about: a pronoun, or a phrase that
	// contains a topic noun ("Syria's accession to the coalition"). The
	// graph holds one event per topic, so the words themselves are not used.
	topic = `(?:it|this|that|them|these|those|so|(?:[^ ]+ ){0,6}(?:` + topicNouns + `)(?: [^ ]+){0,8})`

	kindWords = `countries|country|states|state|nations|nation|governments|government|capitals|` +
		`powers|regimes|people|persons|person|individuals|individual|officials|official|` +
		`senators|senator|politicians|politician|leaders|leader|lawmakers|lawmaker|ministers|` +
		`minister|diplomats|diplomat|figures|men|women|presidents|legislators|representatives|` +
		`spokespeople|spokesmen|experts|analysts|groups|group|organisations|organizations|` +
		`organisation|organization|orgs|org|militias|militia|factions|faction|movements|` +
		`movement|alliances|alliance|coalitions|bodies|institutions|agencies|ngos|ngo|` +
		`actors|actor|players|player|ones|entities|entity|sides|side|voices|participants|` +
		`stakeholders|parties|party`

	docWords = `documents|document|docs|doc|articles|article|sources|source|reports|report|` +
		`stories|story|texts|text|pieces|piece|papers|paper|news|outlets|coverage`
)

// kinds maps a kind word to an actor kind. Words absent here ("who",
// "actors", "parties") mean any kind.
var kinds = func() map[string]model.Kind {
	m := map[string]model.Kind{}
	add := func(k model.Kind, words string) {
		for _, w := range strings.Split(words, "|") {
			m[w] = k
		}
	}
	add(model.State, `countries|country|states|state|nations|nation|governments|government|capitals|powers|regimes`)
	add(model.Person, `people|persons|person|individuals|individual|officials|official|senators|senator|`+
		`politicians|politician|leaders|leader|lawmakers|lawmaker|ministers|minister|diplomats|diplomat|`+
		`figures|men|women|presidents|legislators|representatives|spokespeople|spokesmen|experts|analysts`)
	add(model.Group, `groups|group|organisations|organizations|organisation|organization|orgs|org|`+
		`militias|militia|factions|faction|movements|movement|alliances|alliance|coalitions|bodies|`+
		`institutions|agencies|ngos|ngo`)
	return m
}()

// stanceWords holds, per stance, the verbs and predicates ("opposed", "in
// favour", "had reservations" once aux has taken "had"), the nouns for
// its holders ("opponents") and the adjectives ("opposing countries").
var stanceWords = map[model.Stance]struct{ verb, noun, adj string }{
	model.Oppose: {
		verb: `opposed|oppose|opposes|opposing|against|objected|object|objects|objecting|rejected|` +
			`reject|rejects|rejecting|condemned|condemn|condemns|denounced|denounce|denounces|` +
			`criticised|criticized|criticise|criticize|criticises|criticizes|resisted|resist|resists|` +
			`disapproved|disapprove|disapproves|disagreed|disagree|disagrees|protested|protest|` +
			`protests|blocked|block|blocks|vetoed|veto|disputed|dispute|disputes|in opposition|` +
			`hostile|critical|pushed back|argued against|warned against|voted against|` +
			`lobbied against|said no|anti|opposition|objections|an opponent|opponents|a critic|critics`,
		noun: `opponents|opponent|critics|critic|detractors|objectors|dissenters|naysayers|opposition|opposers`,
		adj:  `opposing|opposed|dissenting|hostile|critical|objecting`,
	},
	model.Support: {
		verb: `supported|support|supports|supporting|backed|back|backs|backing|endorsed|endorse|` +
			`endorses|endorsing|welcomed|welcome|welcomes|welcoming|favoured|favored|favour|favor|` +
			`favours|favors|in favour|in favor|approved|approve|approves|praised|praise|praises|` +
			`championed|champions|applauded|applauds|embraced|embraces|agreed|agree|agrees|for|` +
			`supportive|positive|in support|pro|spoke in favour|spoke in favor|voted for|argued for|` +
			`lobbied for|pushed for|said yes|sided with|stood behind|stood by|a supporter|supporters`,
		noun: `supporters|supporter|backers|backer|proponents|proponent|advocates|advocate|champions|allies|endorsers|fans`,
		adj:  `supporting|supportive|backing|endorsing|favourable|favorable|friendly|approving`,
	},
	model.Cautious: {
		verb: `cautious|wary|hesitant|hesitated|hesitate|sceptical|skeptical|doubtful|ambivalent|` +
			`undecided|uncertain|unsure|uncommitted|noncommittal|non-committal|reserved|concerned|` +
			`worried|guarded|lukewarm|circumspect|on the fence|sitting on the fence|reservations|` +
			`reservation|concerns|concern|doubts|misgivings|qualms|caution|cautioned|cautions|` +
			`called for caution|hedged|hedging|hedge|hedges|careful|in two minds|of two minds`,
		noun: `sceptics|skeptics|doubters|fence sitters|fence-sitters|waverers|undecided|cautious|cautious ones|cautious voices|hesitant ones`,
		adj:  `cautious|hesitant|sceptical|skeptical|wary|undecided|ambivalent|uncommitted|guarded|reserved|doubtful`,
	},
}

var stanceTemplates = []string{
	// who opposed the deal / which countries backed it / who among the
	// states was cautious about it / which of the groups objected
	`^(?:who|which|what)(?: else)?(?: of)?(?: all)?(?: the)?(?: {kind})?(?: (?:among|amongst|of) (?:the )?{kind2})?(?: (?:that|who|which))? (?:(?:{aux}) )*(?:{verb}){tail}$`,
	// countries that opposed the deal / those who backed it
	`^(?:all )?(?:the )?(?:{kind}|those|ones) (?:that|who|which) (?:(?:{aux}) )*(?:{verb}){tail}$`,
	// did anyone oppose it / were any countries against the move
	`^(?:is|are|was|were|did|does|do|has|have) (?:anyone|anybody|someone|somebody|any(?: of the)? {kind}) (?:(?:{aux}) )*(?:{verb}){tail}$`,
	// the opponents / who are the main state supporters of the deal
	`^(?:(?:who|what|which) (?:is|are|were|was) )?(?:all )?(?:the )?(?:(?:main|key|biggest|major|leading|strongest|most vocal|vocal|prominent|principal|chief|only|other|known) )*(?:{kind} )?(?:{noun})(?: (?:among|amongst|from|in) (?:the )?{kind2})?(?: (?:of|to|for|on|against|about|regarding|in) {topic})?$`,
	// opposing countries / which are the cautious states
	`^(?:(?:who|what|which) (?:is|are|were|was) )?(?:all )?(?:the )?(?:{adj}) {kind}(?: (?:on|about|to|regarding|towards|toward|of) {topic})?$`,
}

// Verbs for what an actor said, and the nouns for its position.
const (
	sayVerbs = `say|said|says|saying|think|thought|thinks|thinking|state|stated|argue|argued|argues|` +
		`claim|claimed|claims|tell|told|write|wrote|written|announce|announced|declare|declared|` +
		`comment|commented|have to say|had to say|got to say|believe|believes|believed|feel|feels|felt`
	positionWords = `position|positions|stance|stances|view|views|line|take|opinion|opinions|` +
		`statement|statements|quotes|quote|comments|remarks|response|reaction|stand|attitude|` +
		`argument|arguments|claims|words|thoughts|say`
	aboutPrep = `about|on|regarding|of|concerning|over|in response to|to|towards|toward|in favour of|in favor of|against`
)

var saidPatterns = []string{
	`^what (?:did|does|do|has|have|had|is|was|were|are|will) {a} (?:{sayverb})(?: (?:{aboutprep}) .+)?$`,
	`^what {a} (?:said|says|thinks|thought|has said|had said|stated|argued|claimed)(?: (?:{aboutprep}) .+)?$`,
	`^what (?:is|was|are|were) {a} (?:{position})(?: (?:{aboutprep}) .+)?$`,
	`^(?:what (?:is|was|are|were) )?(?:all )?(?:the )?(?:{position}|claims|words|things said) (?:of|from|by|attributed to) {a}(?: (?:{aboutprep}) .+)?$`,
	`^(?:where|how) (?:does|did|do) {a} stand(?: (?:on|about|regarding) .+)?$`,
	`^(?:what|how) about {a}$`,
	`^how (?:did|does|has) {a} (?:react|respond|reacted|responded|feel)(?: (?:to|about) .+)?$`,
	`^(?:did|does|has|have) {a} (?:say|said|comment|commented|speak|spoken|spoke)(?: anything)?(?: (?:about|on|regarding) .+)?$`,
	`^(?:what|which) (?:claims|statements|quotes|positions|stances|comments) (?:did|has|have|does) {a} (?:make|made|take|taken|give|given|issue|issued)(?: .+)?$`,
	`^(?:is|was|are|were) {a} (?:for|against|in favour of|in favor of|supportive of|opposed to|for or against|against or for)(?: .+)?$`,
	`^{a} (?:{position})(?: (?:{aboutprep}) .+)?$`,
}

var whoPatterns = []string{
	`^who (?:is|was|are|were) {a}(?: and (?:what|who|which|where) .+)?$`,
	`^what (?:is|was|are|were) {a} (?:affiliated|associated|tied|linked|allied|connected) (?:with|to)$`,
	`^(?:(?:what|which)(?: {kind})? )(?:is|was|are|were|does|did) {a} (?:part of|a member of|member of|in|belong to|work for|represent|affiliated with|associated with|allied with|tied to|linked to)$`,
	`^(?:who|what) (?:does|did|do) {a} (?:work for|represent|belong to|serve|speak for)$`,
	`^(?:more )?(?:about|describe|profile|info on|info about|information on|information about|details on|details about|background on) {a}$`,
	`^(?:(?:what|who) (?:is|are|were|was) )?(?:the )?{a} (?:affiliations|affiliation|role|roles|background|profile|allies|partners|ties|connections)$`,
	`^{a}$`,
}

var pathPatterns = []string{
	`^how (?:is|are|was|were) {a} (?:connected|linked|related|tied|associated) (?:to|with) {b}$`,
	`^how (?:does|do|did) {a} (?:connect|link|relate|tie in) (?:to|with) {b}$`,
	`^(?:(?:what|where|which) (?:is|are|was|were) |is there |are there |find )?(?:the |a |any )?(?:shortest )?(?:connection|connections|link|links|relationship|relationships|relation|relations|path|paths|route|ties|tie|chain) (?:between|from) {a} (?:and|to) {b}$`,
	`^what (?:links|connects|ties|relates|joins) {a} (?:to|and|with) {b}$`,
	`^(?:is|are|was|were) {a} (?:connected|linked|related|tied) (?:to|with) {b}$`,
	`^how (?:are|were|is) {a} and {b} (?:connected|linked|related|tied together|tied)$`,
	`^(?:connect|link) {a} (?:to|and|with) {b}$`,
}

var mentionPatterns = []string{
	`^(?:in )?(?:which|what) (?:{doc}) (?:mention|mentions|mentioned|mentioning|name|names|named|cite|cites|cited|refer to|refers to|referred to|talk about|talks about|talked about|discuss|discusses|discussed|cover|covers|covered|feature|features|featured|quote|quotes|quoted|are about|is about|were about|was about|include|includes|included|reference|references|referenced) {a}$`,
	`^where (?:is|are|was|were|does|do|did) {a} (?:mentioned|named|cited|referenced|discussed|featured|quoted|appear|appears|show up|come up|get mentioned)$`,
	`^(?:(?:all|the) )*(?:{doc}|mentions) (?:about|on|of|mentioning|naming|citing|featuring|covering|discussing|referring to|that mention|which mention|that name|which name|with|involving|that discuss) {a}$`,
	`^(?:in )?(?:which|what) (?:{doc}) (?:is|are|was|were|does|do|did) {a} (?:mentioned|named|cited|discussed|appear|quoted|featured)(?: in)?$`,
	`^how (?:often|many times|frequently) (?:is|was|are|were|does|did) {a} (?:mentioned|named|appear|cited|come up)$`,
	`^(?:who|what) mentions {a}$`,
}

// disagreeRe finds a question about sources or actors that contradict one
// another anywhere in the question. It runs after the stance rules, so
// "who disagreed with the deal" stays a stance question.
var disagreeRe = regexp.MustCompile(`(?:^| )(?:disagree|disagrees|disagreed|disagreement|disagreements|` +
	`disagreeing|contradict|contradicts|contradicted|contradiction|contradictions|contradictory|` +
	`contradicting|conflicting|inconsistent|inconsistency|inconsistencies|discrepancy|discrepancies|` +
	`differ|differs|differed|difference|differences|divergence|divergent|diverge|diverges|` +
	`mixed (?:stances|positions|signals|messages|views)|flip flop|flip-flop|flip-flopped|flip flopped|` +
	`flip-flops|flipflop|changed (?:their|its|his|her) (?:mind|minds|stance|stances|position|positions|view|views)|` +
	`more than one (?:stance|position)|multiple (?:stances|positions)|both sides|` +
	`different (?:stances|positions|sides)|at odds)(?: |$)`)

// rules in the order they are tried: the first that matches, and whose
// names the resolver knows, wins.
var rules = func() []rule {
	var rs []rule
	for _, tmpl := range stanceTemplates {
		for _, st := range model.Stances() {
			w := stanceWords[st]
			rs = append(rs, rule{intent: Stance, stance: st, re: compile(tmpl, map[string]string{
				"{verb}": w.verb, "{noun}": w.noun, "{adj}": w.adj,
			})})
		}
	}
	rs = append(rs, rule{intent: Disagree, re: disagreeRe})
	for _, p := range pathPatterns {
		// Lazy then greedy first name, so that a name containing "and"
		// or "to" can stand on either side.
		rs = append(rs, rule{intent: Path, re: compile(p, nil)})
		rs = append(rs, rule{intent: Path, re: compile(strings.Replace(p, "{a}", "{agreedy}", 1), nil)})
	}
	for _, p := range mentionPatterns {
		rs = append(rs, rule{intent: Mentions, re: compile(p, nil)})
	}
	for _, p := range saidPatterns {
		rs = append(rs, rule{intent: Said, re: compile(p, nil)})
	}
	for _, p := range whoPatterns {
		rs = append(rs, rule{intent: Who, re: compile(p, nil)})
	}
	return rs
}()

// compile expands the placeholders of a pattern.
func compile(p string, extra map[string]string) *regexp.Regexp {
	pairs := []string{
		"{a}", `(?P<a>[^ ].*?)`,
		"{agreedy}", `(?P<a>[^ ].*)`,
		"{b}", `(?P<b>[^ ].*?)`,
		"{kind}", `(?P<kind>` + kindWords + `)`,
		"{kind2}", `(?P<kind2>` + kindWords + `)`,
		"{aux}", aux,
		"{tail}", `(?: (?:` + prep + `))?(?: ` + topic + `)?(?: (?:` + adverb + `))*`,
		"{topic}", topic,
		"{doc}", docWords,
		"{sayverb}", sayVerbs,
		"{position}", positionWords,
		"{aboutprep}", aboutPrep,
	}
	for k, v := range extra {
		pairs = append(pairs, k, v)
	}
	return regexp.MustCompile(strings.NewReplacer(pairs...).Replace(p))
}
