package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract/wordset"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// findActors registers the people and organisations the parser's named
// entities add to the patterns' and gazetteer's, if it tagged any
// (entities), then marks, token by token, which actor each parsed
// sentence names.
func (d *docState) findActors(entities bool) {
	if entities {
		for i := range d.sents {
			if d.sents[i].p != nil {
				d.registerEntities(i)
			}
		}
	}
	d.acts.mergeSurnames()
	for i := range d.sents {
		s := &d.sents[i]
		ms := d.acts.mentions(d.n.text, s.start, s.end)
		d.count(ms)
		if s.p == nil {
			continue
		}
		// The mentions come in order and do not overlap; the tokens'
		// starts and ends never go back (CoreNLP's closing "." after
		// "U.S." overlaps the token before it): one walk pairs them. A
		// token that two mentions overlap is the later one's.
		toks, t := s.p.Tokens, 0
		for _, m := range ms {
			for t < len(toks) && s.start+toks[t].End <= m.start {
				t++
			}
			for k := t; k < len(toks) && s.start+toks[k].Start < m.end; k++ {
				s.actor[k] = m.id
			}
		}
		d.markOrganisations(i)
	}
	// Name the groups common nouns make ("Republican lawmakers",
	// "the Nordic nations") and the people titles announce, so that later
	// pronouns can refer to them.
	for i := range d.sents {
		s := &d.sents[i]
		if s.p == nil {
			continue
		}
		// The lists as locals, kept in registers from word to word: read
		// through s, each was loaded again for every word.
		toks, actor := s.p.Tokens, s.actor
		for t := range toks {
			tok := &toks[t]
			// Both ask of nouns only: most words are turned away by one
			// test.
			if actor[t] != "" || !tok.IsNoun() {
				continue
			}
			if tok.IsProper() {
				d.titledPerson(i, t)
			}
			if actor[t] == "" && (tok.POS == "NNS" || tok.POS == "NNPS" || tok.POS == "NNP" && strings.HasSuffix(tok.Text, "s")) {
				d.holder(i, t)
			}
		}
		d.personOrgs(i)
	}
}

// titledPerson registers the person a proper-noun head with a title
// before it names, when the named-entity model missed them: "West
// Australian Left MP Sue Lines".
func (d *docState) titledPerson(i, h int) {
	s := &d.sents[i]
	p := s.p
	if hh, rel := p.Head(h); rel == "compound" || rel == "flat" || hh >= 0 && p.Tokens[hh].IsProper() && hh == h+1 {
		return // not the head of its name
	}
	mods := p.ChildrenIn(h, relsCompoundFlat)
	title := -1
	for _, k := range mods {
		if isTitleWord(p.Tokens[k].Text) {
			title = k
		}
	}
	if title < 0 || title >= h {
		return
	}
	first := title + 1
	for first < h && !p.Tokens[first].IsProper() {
		first++
	}
	name := normalize(p.Span(first, h)).text
	if len(strings.Fields(name)) < 2 || !looksLikeName(name) || !d.acts.plausibleName(name) {
		return
	}
	per := d.acts.addPerson(name, normalize(p.Span(title, title)).text, "")
	for k := first; k <= h; k++ {
		s.actor[k] = per.id
	}
	if a := d.actorFor(per.id); a != nil {
		a.mentions++
		a.aliases.add(name)
	}
}

// personOrgs learns a person's party or group from "X of the Y party" and
// "Y leader X" when the patterns did not.
func (d *docState) personOrgs(i int) {
	s := &d.sents[i]
	p := s.p
	for t, id := range s.actor {
		if !isPerson(id) {
			continue // most words name no one: no look-up
		}
		if t+1 < len(s.actor) && s.actor[t+1] == id {
			continue // the name's last word is asked: one look-up a name
		}
		per := d.acts.people[id]
		if per == nil || per.orgID != "" {
			continue
		}
		for _, e := range p.Out(t, "nmod") {
			if syntax.Marker(e.Rel) == "of" {
				if id := d.holder(i, e.Dep); strings.HasPrefix(id, "group:") {
					per.orgID = id
				}
			}
		}
		// "X, who heads the Free Citizens": the group a person leads.
		for _, v := range p.Children(t, "acl:relcl") {
			if !leading[p.LowerLemma(v)] {
				continue
			}
			for _, o := range p.Children(v, "obj", "iobj") {
				// "the junior partner Free Citizens": the name may hang
				// under a describing noun, which the parser may take for
				// an indirect object.
				for _, n := range append([]int{o}, p.Children(o, "appos", "dep")...) {
					if id := d.holder(i, n); strings.HasPrefix(id, "group:") && per.orgID == "" {
						per.orgID = id
					}
				}
			}
		}
	}
}

// leading verbs make their subject the head of their object.
var leading = map[string]bool{"head": true, "lead": true, "chair": true, "found": true}

// markOrganisations marks the organisations of sentence i that neither the
// gazetteer nor a person covers: named entities and acronyms the document
// defined.
func (d *docState) markOrganisations(i int) {
	if len(d.acts.groups) == 0 {
		return // no group named yet: no run of names to normalize and look up
	}
	s := &d.sents[i]
	p := s.p
	for a := 0; a < len(p.Tokens); {
		if s.actor[a] != "" || (p.Tokens[a].NER != "ORGANIZATION" && !p.Tokens[a].IsProper()) {
			a++
			continue
		}
		b := a + 1
		for b < len(p.Tokens) && s.actor[b] == "" && (p.Tokens[b].NER == p.Tokens[a].NER && p.Tokens[a].NER == "ORGANIZATION" || p.Tokens[a].NER != "ORGANIZATION" && p.Tokens[b].IsProper()) {
			b++
		}
		name := strings.TrimSuffix(normalize(p.Span(a, b-1)).text, "'s")
		if id, ok := d.acts.groups[name]; ok {
			for t := a; t < b; t++ {
				s.actor[t] = id
			}
			if ai := d.acts.actors[id]; ai != nil {
				ai.mentions++
				ai.aliases.add(name)
			}
		}
		a = b
	}
}

// registerEntities adds the people and organisations the parser tagged in
// sentence i that no pattern found.
func (d *docState) registerEntities(i int) {
	p := d.sents[i].p
	toks := p.Tokens // a local, kept in a register from word to word
	for a := 0; a < len(toks); {
		ner := toks[a].NER
		if ner != "PERSON" && ner != "ORGANIZATION" {
			a++
			continue
		}
		b := a + 1
		for b < len(toks) && toks[b].NER == ner {
			b++
		}
		name := strings.TrimSuffix(normalize(p.Span(a, b-1)).text, "'s")
		start := a
		a = b
		if ner == "PERSON" {
			name = stripTitles(name)
			// One word alone ("Labor", "Brexit") is too often no person;
			// people are named in full once, and the patterns catch
			// "Mr Johnson" and "said Sharawi".
			if !d.acts.plausibleName(name) || !looksLikeName(name) {
				continue
			}
			if len(strings.Fields(name)) > 1 {
				d.acts.addPerson(name, "", "")
			} else if start > 0 && d.subjectOfVerb(i, start) && d.x.lex.cuesAt(p, start) == nil {
				d.acts.addPerson(name, "", "")
			} else if st := d.possessingState(i, start); st != "" {
				// "Israel's Netanyahu": a state's man named by surname, as
				// headlines do, and the state says whose.
				d.acts.addPerson(name, "", st)
			}
			continue
		}
		if _, known := d.x.gaz.Lookup(name); known || !looksLikeName(name) {
			continue
		}
		// "Saudi Arabia's Royal Court", "the Chinese Foreign Ministry":
		// a state's institution is the state, found by the holder stage.
		body := false
		for _, w := range strings.Fields(strings.ToLower(name)) {
			body = body || stateBodies[w]
		}
		if body && (start > 0 && (p.Tokens[start-1].POS == "POS" || d.x.gaz.isDemonym(p.Tokens[start-1].Text)) || d.x.gaz.isDemonym(strings.Fields(name)[0])) {
			continue
		}
		if _, ok := d.acts.groups[name]; !ok {
			id := slug("group:", name)
			d.acts.groups[name] = id
			d.acts.actor(id, name, model.Group)
		}
	}
}

// subjectOfVerb: token t is the subject of a verb.
func (d *docState) subjectOfVerb(i, t int) bool {
	p := d.sents[i].p
	h, rel := p.Head(t)
	return h >= 0 && syntax.Base(rel) == "nsubj" && p.Tokens[h].IsVerb()
}

// possessingState is the state named in the possessive before token t
// ("Israel's", "Saudi Arabia's"), or "".
func (d *docState) possessingState(i, t int) string {
	p := d.sents[i].p
	if t < 2 || p.Tokens[t-1].POS != "POS" {
		return ""
	}
	a := t - 2
	for a > 0 && p.Tokens[a-1].POS == "NNP" {
		a--
	}
	for ; a < t-1; a++ {
		if st := d.acts.stateOf(normalize(p.Span(a, t-2)).text); st != "" {
			return st
		}
	}
	return ""
}

// looksLikeName: every word starts with a capital or is a short particle.
func looksLikeName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !startsUpper(w) && !particles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

var particles = map[string]bool{"bin": true, "ibn": true, "de": true, "van": true, "von": true, "der": true,
	"da": true, "di": true, "al": true, "el": true, "of": true, "for": true, "and": true, "the": true, "la": true, "le": true}

// count records every mention for the document's actor list.
func (d *docState) count(ms []mention) {
	for _, m := range ms {
		a := d.actorFor(m.id)
		if a == nil {
			continue
		}
		a.mentions++
		a.aliases.add(m.surface)
	}
}

// actorFor returns the document's record for an actor id, creating it from
// the gazetteer or the people found.
func (d *docState) actorFor(id string) *actorInfo {
	if a, ok := d.acts.actors[id]; ok {
		return a
	}
	if e, ok := d.x.gaz.Entry(id); ok {
		return d.acts.add(id, e.Name, e.Kind)
	}
	if p, ok := d.acts.people[id]; ok {
		return d.acts.add(id, p.name, model.Person)
	}
	return nil
}

// institutions speak for the state that owns them: "Iran's foreign
// ministry", "the Chinese government", "Saudi Arabia's Royal Court".
var stateBodies = map[string]bool{"government": true, "administration": true, "ministry": true,
	"cabinet": true, "presidency": true, "embassy": true, "court": true, "regime": true,
	"leadership": true, "authority": true, "official": true, "office": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "diplomat": true, "delegation": true, "department": true,
	"foreign": true, "state": true, "palace": true, "military": true, "negotiator": true}

// legislatures are groups of their own, named with their country:
// "the Turkish parliament", "Greece's parliament".
var legislatures = map[string]bool{"parliament": true, "congress": true, "senate": true,
	"legislature": true, "assembly": true, "house": true, "chamber": true, "knesset": true, "duma": true,
	"bundestag": true, "caucus": true}

// members name the legislature their plural belongs to: "Greek
// lawmakers" act as the Greek parliament, "U.S. senators" as the Senate.
var members = wordset.Of(map[string]string{"lawmaker": "parliament", "legislator": "parliament", "mp": "parliament",
	"deputy": "parliament", "parliamentarian": "parliament", "senator": "senate", "congressman": "congress"})

// collectives are the plural nouns by which news names groups of people
// who take positions: "Republican lawmakers", "Flemish farmers",
// "hardliners".
var collectives = map[string]bool{
	"lawmaker": true, "legislator": true, "senator": true, "congressman": true, "mp": true, "mep": true,
	"deputy": true, "politician": true, "minister": true, "leader": true, "member": true,
	"conservative": true, "liberal": true, "progressive": true, "hardliner": true, "hard-liner": true,
	"moderate": true, "reformist": true, "nationalist": true, "republican": true, "democrat": true,
	"brexiteer": true, "brexiter": true, "remainer": true, "tory": true, "socialist": true,
	"protester": true, "protestor": true, "demonstrator": true, "activist": true, "campaigner": true,
	"critic": true, "opponent": true, "supporter": true, "farmer": true, "worker": true, "union": true,
	"business": true, "employer": true, "group": true, "organisation": true, "organization": true,
	"party": true, "faction": true, "state": true, "country": true, "nation": true, "government": true,
	"ally": true, "partner": true, "power": true, "capital": true, "evangelical": true, "christian": true,
	"muslim": true, "settler": true, "resident": true, "citizen": true, "voter": true, "veteran": true,
	"hawk": true, "dove": true, "body": true, "association": true, "federation": true, "lobby": true,
	"industry": true, "producer": true, "exporter": true, "manufacturer": true, "official": true,
	"diplomat": true, "cleric": true, "community": true, "people": true, "backbencher": true,
	"monarchy": true, "dynasty": true, "neighbour": true, "neighbor": true, "delegate": true,
	"opposition": true,
}

// generic collectives name nobody in particular without a modifier that
// says whose: "EU leaders", "Arab states", not "leaders".
var generic = map[string]bool{"leader": true, "official": true, "country": true, "state": true,
	"nation": true, "government": true, "ally": true, "partner": true, "member": true, "people": true,
	"power": true, "capital": true, "group": true, "organisation": true, "organization": true,
	"party": true, "body": true, "community": true, "neighbour": true, "neighbor": true, "minister": true,
	"politician": true, "critic": true, "opponent": true, "supporter": true, "delegate": true,
	"diplomat": true, "business": true, "worker": true, "resident": true, "citizen": true, "voter": true}

// qualified: a collective with a modifier that names whose it is: a
// proper noun, a demonym, a capitalised adjective or a noun compound.
func (d *docState) qualified(i, h int) bool {
	p := d.sents[i].p
	for _, k := range p.ChildrenIn(h, relsAmodCompound) {
		t := &p.Tokens[k]
		if t.IsProper() || d.sents[i].actor[k] != "" || (startsUpper(t.Text) && k > 0) {
			return true
		}
		if _, rel := p.Head(k); rel == "compound" && t.IsNoun() {
			return true
		}
	}
	return false
}

// bodies are singular nouns for organised groups.
var bodies = map[string]bool{"cabinet": true, "caucus": true, "committee": true, "council": true,
	"board": true, "faction": true, "movement": true, "camp": true, "bloc": true, "party": true,
	"union": true, "association": true, "federation": true, "lobby": true, "group": true,
	"alliance": true, "coalition": true, "organisation": true, "organization": true, "campaign": true}

// lastGroupCalled finds the group last named before sentence i whose name
// contains the noun ("the party" after "the Labour Party"), else, for "the
// group", the organisation last named in the sentences just before.
func (d *docState) lastGroupCalled(i int, noun string) string {
	var recent string
	for j := i; j >= 0 && i-j < 8; j-- {
		s := &d.sents[j]
		if s.p == nil {
			continue
		}
		for t := len(s.actor) - 1; t >= 0; t-- {
			id := s.actor[t]
			if id == "" {
				continue // most words name no one: no look-up
			}
			a := d.acts.actors[id]
			if a == nil || a.kind != model.Group {
				continue
			}
			if strings.Contains(strings.ToLower(a.name), noun) {
				return id
			}
			if recent == "" && i-j < 3 && !d.collective[id] {
				recent = id
			}
		}
	}
	if noun == "group" || noun == "organisation" || noun == "organization" {
		return recent
	}
	return ""
}

// quantifiers before a collective do not name it: "some conservatives",
// "many Democrats".
var quantifiers = map[string]bool{"some": true, "many": true, "most": true, "several": true, "few": true,
	"all": true, "both": true, "other": true, "more": true, "numerous": true, "various": true, "certain": true,
	"the": true, "a": true, "an": true, "these": true, "those": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "dozens": true, "hundreds": true, "thousands": true, "two": true, "three": true, "four": true}

// leads are the verbs by which a body is said to be led by someone.
var leads = map[string]bool{"head": true, "lead": true, "chair": true, "run": true, "found": true, "direct": true}

// ledBody is the body that noun n of sentence i is said to lead ("the
// lobby headed by n"), or -1: a relative clause after n is about the
// body ("Copa, the lobby headed by Ann Lee, which staged ...").
func (d *docState) ledBody(i, n int) int {
	p := d.sents[i].p
	if a, rel := p.Head(n); a >= 0 && syntax.Base(rel) == "obl" && leads[p.LowerLemma(a)] {
		if m, mrel := p.Head(a); m >= 0 && syntax.Base(mrel) == "acl" {
			// "Copa, the farm lobby headed by ...": the name, not the
			// description.
			if x, xrel := p.Head(m); x >= 0 && xrel == "appos" {
				if d.holder(i, x) != "" {
					return x
				}
				// A name no list knows, described as a body: "Copa, the
				// farm lobby" is a group called Copa.
				if p.Tokens[x].IsProper() && !p.Tokens[m].IsProper() && d.namedGroup(i, x) != "" {
					return x
				}
			}
			return m
		}
	}
	return -1
}

// holderLists is which of holder's word lists hold each lemma: holder
// asks up to nine of them about one lemma, and each look-up hashed it
// anew.
var holderLists = wordset.Of(func() map[string]holderList {
	m := map[string]holderList{}
	for bit, list := range map[holderList]map[string]bool{inQuantifiers: quantifiers, inAgents: agents,
		inStateBodies: stateBodies, inSpeaksFor: speaksFor, inBodies: bodies, inLegislatures: legislatures,
		inCollectives: collectives, inCamps: camps, inGeneric: generic} {
		for w, ok := range list {
			if ok {
				m[w] |= bit
			}
		}
	}
	return m
}())

// inList reports whether w is in holder's list l, by holderLists.
func inList(w string, l holderList) bool {
	in, _ := holderLists.Get(w)
	return in&l != 0
}

// holderList is a set of holder's word lists, one bit each.
type holderList uint16

const (
	inQuantifiers holderList = 1 << iota
	inAgents
	inStateBodies
	inSpeaksFor
	inBodies
	inLegislatures
	inCollectives
	inCamps
	inGeneric
)

// holder is the actor that noun-phrase head h of sentence i names, or "".
func (d *docState) holder(i, h int) string {
	s := &d.sents[i]
	p := s.p
	t := &p.Tokens[h]
	if id := s.actor[h]; id != "" {
		return id
	}
	lemma := p.LowerLemma(h)
	switch t.POS {
	case "PRP", "PRP$":
		return d.pronoun(i, h)
	case "WDT", "WP":
		// "Kenya, which has opposed ...": the noun the clause describes.
		if v, _ := p.Head(h); v >= 0 {
			if n, rel := p.Head(v); n >= 0 && strings.HasPrefix(rel, "acl") {
				return d.holder(i, n)
			}
		}
		// The parser lost the clause's noun ("France above all, which has
		// branded it ..."): the name just before the comma, past a
		// focusing phrase.
		if k := h - 1; k > 0 && p.Tokens[k].Text == "," {
			for k--; k >= 0 && h-k <= 4; k-- {
				if t := &p.Tokens[k]; t.IsProper() {
					return s.actor[k]
				} else if t.IsNoun() || t.IsVerb() || t.Text == "," {
					break
				}
			}
		}
		return ""
	}
	// "The chief of the BDI, Siegfried Russwurm": the person named.
	for _, k := range p.ChildrenIn(h, relsAppos) {
		if id := s.actor[k]; isPerson(id) {
			return id
		}
	}
	// "Special Representative for Trade Luis Vidal", with the name hung
	// on the title through its "for": the person named.
	if t.IsNoun() && startsUpper(t.Text) {
		for _, e := range p.OutIn(h, relsNmod) {
			// The role is asked last: most capitalised nouns have no
			// person hung on them.
			if id := s.actor[e.Dep]; isPerson(id) && e.Dep > h && (looksLikeRole(lemma) || lemma == "representative") {
				return id
			}
		}
	}
	// "Juan Soto - leaders of the four nations", with the name hung on
	// the description after the dash: the person named.
	for _, k := range p.ChildrenIn(h, relsCompoundDep) {
		if id := s.actor[k]; isPerson(id) && k+1 < h && p.Tokens[k+1].Text == "-" {
			return id
		}
	}
	// "Most of Israel's opposition parties", "representatives of the US":
	// the phrase names the group it is part of.
	in, _ := holderLists.Get(lemma)
	if in&inQuantifiers != 0 || t.POS == "CD" || in&inAgents != 0 {
		for _, e := range p.OutIn(h, relsNmodOf) {
			if id := d.holder(i, e.Dep); id != "" {
				return id
			}
		}
		if in&inQuantifiers != 0 || t.POS == "CD" {
			return ""
		}
	}
	// Whose the noun is matters only to the nouns of the lists below and
	// to a legislature's: most nouns are not asked. (Asking can register
	// a group on the way, when a "his" resolves through a speaker's
	// subject: a noun no list holds no longer does.)
	var owner string
	if in&(inStateBodies|inBodies) != 0 {
		owner = d.ownerOf(i, h, relsAmodCompoundNmodPossNmod)
	}
	// A state's institutions speak for it: "the Iranian foreign ministry",
	// "Saudi Arabia's Royal Court", "White House officials"; an
	// organisation's leaders and members for it: "EU leaders".
	if in&inStateBodies != 0 && strings.HasPrefix(owner, "state:") {
		return owner
	}
	if in&inSpeaksFor != 0 {
		if closeOwner := d.closeOwner(i, h); closeOwner != "" && !isPerson(closeOwner) && d.describers(i, h) <= 1 {
			return closeOwner // "EU leaders", "Iranian officials", not "American evangelical leaders"
		}
	}
	// "his party": the party of the person it belongs to; with that party
	// unknown, no other party named nearby is it.
	if in&inBodies != 0 && isPerson(owner) {
		if per := d.acts.people[owner]; per != nil && strings.HasPrefix(per.orgID, "group:") {
			return per.orgID
		}
		return ""
	}
	if id := d.legislature(i, h, lemma, in); id != "" {
		return id
	}
	if in&inLegislatures != 0 {
		return d.namedGroup(i, h) // "the Senate", "the House"
	}
	if t.IsNoun() && !t.IsProper() {
		if id := d.roleHolder(i, h); id != "" {
			return id
		}
		if id := d.bareReference(i, h, lemma); id != "" {
			return id
		}
	}
	if t.POS == "NNPS" || t.IsProper() && t.NER == "ORGANIZATION" {
		return d.namedGroup(i, h) // "Republicans", "Arabs", "the Palestinians"
	}
	// A region or province the gazetteer does not list acts like a state:
	// "Wallonia is against the deal".
	if t.IsProper() && t.NER == "LOCATION" && d.isSubject(i, h) && !partyTag(p, h) {
		return d.region(i, h)
	}
	// "those opposed to the agreement": the people the clause describes.
	if lw := p.Lower(h); (lw == "those" || lw == "people") && p.HasIn(h, relsAclAclRelcl) {
		return d.describedGroup(i, h)
	}
	// "MPs" and "MEPs" are often tagged as proper nouns, lemma unchanged.
	// Read as a plural here; the token, which others read, keeps its tag.
	pos := t.POS
	if pos == "NNP" && strings.HasSuffix(t.Text, "s") && collectives[strings.TrimSuffix(lemma, "s")] {
		pos, lemma = "NNS", strings.TrimSuffix(lemma, "s")
		in, _ = holderLists.Get(lemma)
	}
	if pos == "NNS" && in&inCollectives != 0 {
		if in&inGeneric != 0 && !d.qualified(i, h) {
			return "" // "leaders", "countries": nobody in particular
		}
		return d.namedGroup(i, h)
	}
	// A body named by what it is: "the shadow cabinet", "Labor's Socialist
	// Left faction"; bare "the party" is the last such group named.
	if in&(inBodies|inCamps) != 0 {
		if in&inCamps != 0 || d.namedBy(i, h) {
			return d.namedGroup(i, h)
		}
		return d.lastGroupCalled(i, lemma)
	}
	return ""
}

// namedBy reports a modifier that says which body noun h is: "the
// shadow cabinet", "Labor's faction"; not a possessive pronoun, since
// "his party" names no party of its own.
func (d *docState) namedBy(i, h int) bool {
	p := d.sents[i].p
	for _, k := range p.ChildrenIn(h, relsAmodCompoundNmodPoss) {
		if p.Tokens[k].POS != "PRP$" {
			return true
		}
	}
	return false
}

// legislature names one state's legislature the same way however the
// article words it: "Greece's parliament", "the Greek parliament" and
// "Greek lawmakers" are one group, the Greek Parliament. in is holder's
// lists that lemma is in.
func (d *docState) legislature(i, h int, lemma string, in holderList) string {
	p := d.sents[i].p
	body := lemma
	if m, ok := members.Get(lemma); ok && p.Tokens[h].POS == "NNS" {
		body = m
	} else if in&inLegislatures == 0 {
		return ""
	}
	e, ok := d.x.gaz.Entry(d.closeOwner(i, h))
	if !ok || e.Kind != model.State || len(e.Demonyms) == 0 {
		return ""
	}
	name := e.Demonyms[0] + " " + capitalise(body)
	id := slug("group:", name)
	a := d.acts.actor(id, name, model.Group)
	first, last := d.writtenAs(i, h)
	for first < h && (p.Tokens[first].POS == "DT" || inList(p.Lower(first), inQuantifiers)) {
		first++
	}
	if last > h {
		last = h
	}
	a.aliases.add(normalize(p.Span(first, last)).text)
	return id
}

// partyTag: the state in a legislator's party tag, "Josh Hawley, R-Mo.",
// is no actor.
func partyTag(p *syntax.Sentence, h int) bool {
	if h >= 2 && p.Tokens[h-1].Text == "-" {
		switch p.Tokens[h-2].Text {
		case "R", "D", "I":
			return true
		}
	}
	return false
}

// ranks qualify officials without saying whose they are: "senior EU
// officials" speak for the EU as "EU officials" do.
var ranks = map[string]bool{"senior": true, "top": true, "high-ranking": true, "leading": true, "other": true}

// describers counts the modifiers of noun h that say what it is, ranks
// aside.
func (d *docState) describers(i, h int) int {
	p := d.sents[i].p
	n := 0
	for _, k := range p.ChildrenIn(h, relsAmodCompound) {
		if !ranks[p.Lower(k)] {
			n++
		}
	}
	return n
}

// region registers a place the gazetteer lacks as a state-like actor.
func (d *docState) region(i, h int) string {
	p := d.sents[i].p
	first := h
	for _, k := range p.Children(h, "compound", "flat") {
		first = min(first, k)
	}
	name := normalize(p.Span(first, h)).text
	id := slug("state:", name)
	a := d.acts.actor(id, name, model.State)
	a.aliases.add(name)
	return id
}

// describedGroup names a group by the whole phrase that describes it:
// "those opposed to the Greek-Macedonian name agreement".
func (d *docState) describedGroup(i, h int) string {
	p := d.sents[i].p
	first, last := p.Subtree(h)
	// The description ends where its clause does: in "wants those who
	// oppose the deal to put forward alternatives" the parser may hang
	// the wanted act on "oppose"; "those who want to block it" keeps its
	// infinitive, which has no object before it.
	for _, v := range p.Children(h, "acl", "acl:relcl") {
		// ... and at the first comma after its verb: "those who opposed
		// the pact, including Ann Holt, now say ...".
		if k := nextComma(p, v); k >= 0 && k < last {
			last = k - 1
		}
		objs := p.Children(v, "obj")
		for _, k := range p.Children(v, "xcomp", "advcl", "parataxis") {
			if a, _ := p.Subtree(k); len(objs) > 0 && objs[0] < k && a <= last {
				last = a - 1
			}
		}
	}
	name := strings.Trim(normalize(p.Span(first, last)).text, " ,")
	if len(strings.Fields(name)) > 14 {
		return ""
	}
	id := slug("group:", name)
	d.collective[id] = true
	a := d.acts.actor(id, capitalise(name), model.Group)
	a.aliases.add(name)
	return id
}

// agents act for what they belong to: "representatives of the US and the
// Taliban", "the foreign policy chiefs of Macedonia and Greece".
var agents = map[string]bool{"representative": true, "delegate": true, "delegation": true, "envoy": true,
	"negotiator": true, "chief": true, "head": true, "leadership": true}

// speaksFor are the people an organisation or state speaks through when
// the text names no one: "EU leaders", "Iranian officials".
var speaksFor = map[string]bool{"leader": true, "official": true, "member": true, "state": true,
	"minister": true, "diplomat": true, "negotiator": true, "authority": true, "government": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "representative": true}

// camps are political sides named by one word: "the left", "the right".
var camps = map[string]bool{"left": true, "right": true}

// bareReference resolves "the country", "the government", "the cabinet"
// with no name to say whose: the state last named for "the country", the
// state the document names most for a government.
func (d *docState) bareReference(i, h int, lemma string) string {
	// The noun is asked first: holder asks of every common noun, and
	// most are none of these.
	country := lemma == "country" || lemma == "nation"
	if !country && lemma != "government" && lemma != "cabinet" && lemma != "administration" {
		return ""
	}
	p := d.sents[i].p
	det := p.ChildrenIn(h, relsDet)
	if len(det) != 1 || p.Lower(det[0]) != "the" || p.HasIn(h, relsAmodCompoundNmodPossNmod) {
		return ""
	}
	if country {
		id, _, _ := d.antecedent(i, h, func(id string) bool { return strings.HasPrefix(id, "state:") })
		return id
	}
	// In a state's own words, its government: "a White House official
	// said the administration supported ..."
	if sp := d.reporter(i, h); strings.HasPrefix(sp, "state:") {
		return sp
	}
	return d.mainState()
}

// mainState is the state the document names most, or "" on a tie.
func (d *docState) mainState() string {
	// Sentences, not mentions: "signed in Lima, Peru" names Peru once.
	// Adjectives count too: an article about "Irish farmers" and "Irish
	// officials" is about Ireland however often it names Uruguay.
	sentences := map[string]int{}
	for _, s := range d.sents {
		if s.p == nil {
			continue
		}
		here := map[string]bool{}
		for t := range s.p.Tokens {
			tok := &s.p.Tokens[t]
			if id := s.actor[t]; strings.HasPrefix(id, "state:") {
				here[id] = true
			}
			if tok.POS == "JJ" || tok.POS == "NNP" {
				if id, ok := d.acts.g.demonymState(tok.Text); ok {
					here[id] = true
				}
			}
		}
		for id := range here {
			sentences[id]++
		}
	}
	best, n, tie := "", 0, false
	for _, id := range d.acts.ordered {
		if d.acts.actors[id].kind != model.State {
			continue
		}
		switch m := sentences[id]; {
		case m > n:
			best, n, tie = id, m, false
		case m == n:
			tie = true
		}
	}
	if tie || n < 2 {
		return ""
	}
	return best
}

// ownerOf finds the state or group a modifier of h names: "Iran's",
// "Chinese", "of Israel", "in Berlin".
func (d *docState) ownerOf(i, h int, rels syntax.Rels) string {
	s := &d.sents[i]
	p := s.p
	for _, c := range p.ChildrenIn(h, rels) {
		if id := s.actor[c]; id != "" {
			return id
		}
		if p.Tokens[c].POS == "PRP$" || p.Tokens[c].POS == "PRP" {
			if id := d.pronoun(i, c); id != "" {
				return id
			}
		}
		if id, ok := d.x.gaz.demonymState(p.Tokens[c].Text); ok {
			return id
		}
		if p.LowerLemma(c) == "foreign" || stateBodies[p.LowerLemma(c)] {
			if id := d.ownerOf(i, c, rels); id != "" {
				return id
			}
		}
	}
	return ""
}

// closeOwner is whose noun phrase head h is by a possessive or a
// modifier: "EU leaders", "Greece's parliament".
func (d *docState) closeOwner(i, h int) string {
	return d.ownerOf(i, h, relsAmodCompoundNmodPoss)
}

// namedGroup registers the group a collective noun phrase names, without
// its determiner and quantifiers: "some Republican lawmakers" ->
// "Republican lawmakers".
func (d *docState) namedGroup(i, h int) string {
	p := d.sents[i].p
	first := h
	for _, c := range p.ChildrenIn(h, relsAmodCompoundNmodPossDetNummod) {
		if c < first {
			first = c
		}
	}
	// Not the determiner, quantifiers, counts, quotation marks or words
	// that judge them: "some", "the", "all 13", "'overjoyed'".
	for first < h {
		t := &p.Tokens[first]
		lw := p.Lower(first)
		// Nor a person the parser joined to it: "Juan Soto - leaders of
		// the four nations".
		if !(inList(lw, inQuantifiers) || t.POS == "POS" || t.POS == "DT" || t.POS == "PRP$" || t.POS == "CD" || isPunct(t) ||
			len(d.x.lex.cuesAt(p, first)) > 0 || d.x.lex.Valence(lw) != 0 || isPerson(d.sents[i].actor[first])) {
			break
		}
		first++
	}
	last := h
	// "Members of Parliament": a name of people goes on through "of".
	for _, k := range p.ChildrenIn(h, relsNmod) {
		if !generic[p.LowerLemma(h)] {
			break
		}
		if _, r := p.Head(k); r == "nmod" && d.markerOf(i, k) == "of" {
			if _, l := p.Subtree(k); l > last {
				last = l
			}
		}
	}
	name := normalize(p.Span(first, last)).text
	if name == "" {
		return ""
	}
	id := slug("group:", name)
	a, known := d.acts.actors[id]
	if !known {
		d.collective[id] = true
		a = d.acts.add(id, capitalise(name), model.Group)
	}
	a.aliases.add(name)
	// Without its possessor too: "Labor's Socialist Left faction" is
	// the Socialist Left faction.
	for _, k := range p.ChildrenIn(h, relsNmodPoss) {
		if _, e := p.Subtree(k); e+1 <= h && k <= first {
			a.aliases.add(normalize(p.Span(e+1, last)).text)
		}
	}
	// Without the words that describe it: "the far-right Mi Hazánk
	// party" is the Mi Hazánk party.
	for k := first; k < h; k++ {
		if p.Tokens[k].IsProper() {
			if k > first {
				a.aliases.add(normalize(p.Span(k, last)).text)
				a.aliases.add(normalize(p.Span(k, h-1)).text)
			}
			break
		}
	}
	for k := first; k <= last; k++ {
		if d.sents[i].actor[k] == "" {
			d.sents[i].actor[k] = id
		}
	}
	// Every way the text writes it is an alias: "some conservatives",
	// "Greeks who reject the accord".
	start, end := d.writtenAs(i, h)
	if end-start < 14 {
		a.aliases.add(normalize(p.Span(start, end)).text)
	}
	if start < first {
		a.aliases.add(normalize(p.Span(start, last)).text)
	}
	return id
}

// writtenAs is the span of the noun phrase headed by h as a name for what
// it names: its subtree without the preposition or conjunction before it
// ("in the coalition", "and dairy farmers"), ending before a comma after
// h (an apposition, the next item of a list, the speaker of "...,
// officials said") and before a phrase of time that a parser hung on the
// noun ("the bloc before the end of the month", "the bloc on Friday").
func (d *docState) writtenAs(i, h int) (start, end int) {
	p := d.sents[i].p
	start, end = p.Subtree(h)
	for start < h && (p.Tokens[start].POS == "IN" || p.Tokens[start].POS == "TO" || p.Tokens[start].POS == "CC" || isPunct(&p.Tokens[start])) {
		start++
	}
	for k := h + 1; k <= end; k++ {
		if p.Tokens[k].Text == "," {
			end = k - 1
			break
		}
	}
	for _, k := range p.ChildrenIn(h, relsOblNmod) {
		if k > h && k <= end && d.temporal(i, k) {
			first, _ := p.Subtree(k)
			end = max(h, min(end, first-1))
		}
	}
	for end > h && isPunct(&p.Tokens[end]) {
		end--
	}
	return start, end
}

// temporal reports a prepositional phrase that says when: its marker is
// one of time ("before", "after", "during") or its noun is a time word
// ("on Friday", "in May").
func (d *docState) temporal(i, k int) bool {
	p := d.sents[i].p
	switch d.markerOf(i, k) {
	case "before", "after", "during", "until", "since", "amid":
		return true
	}
	return isTime(&p.Tokens[k])
}

// isPunct reports a token that is a punctuation mark.
func isPunct(t *syntax.Token) bool {
	r, _ := runeAt(t.Text, 0)
	return unicode.IsPunct(r)
}

// startsUpper reports a text that begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := runeAt(s, 0)
	return unicode.IsUpper(r)
}

// capitalise is s with its first letter upper-cased. s is UTF-8 (a
// normalized text's words or a lemma), which a copy as runes and back
// leaves as it is: only the first rune is read (the copy cost a group's
// naming a fifth of its instructions).
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// roleHolder resolves "the prime minister", "the senator", "The
// Opposition Leader" to the person of the document with that role.
func (d *docState) roleHolder(i, h int) string {
	p := d.sents[i].p
	det := p.ChildrenIn(h, relsDet)
	if len(det) != 1 || p.Lower(det[0]) != "the" {
		return ""
	}
	// The determiner is in h's subtree, which therefore begins no later:
	// the role is the words after it.
	role := strings.ToLower(p.Span(det[0]+1, h))
	// The document's people with the role and a record of their own: one
	// is the answer, two are none, in whatever order they are read. Read
	// from the few people, not every actor with a look-up of each person
	// among them.
	var found string
	for id, per := range d.acts.people {
		r := per.lowRole
		if per.role == "" || !isPerson(id) || !strings.HasSuffix(r, role) && !(strings.HasSuffix(r, p.Lower(h)) && len(role) > 3) {
			continue
		}
		if _, recorded := d.acts.actors[id]; !recorded {
			continue
		}
		if found != "" {
			return "" // two candidates: leave it
		}
		found = id
	}
	if found == "" && titles[role] {
		// "Theresa May was given a rough ride ... The prime minister
		// argued": the person just named as a subject, when the article
		// gives nobody that title and them no other.
		if id, _, _ := d.antecedent(i, h, isPerson); id != "" && d.acts.people[id] != nil && d.acts.people[id].role == "" {
			found = id
		}
	}
	return found
}

// titles are the roles news uses to refer back to a person just named.
var titles = map[string]bool{"prime minister": true, "president": true, "chancellor": true,
	"foreign minister": true, "foreign secretary": true, "secretary of state": true, "premier": true,
	"senator": true, "minister": true, "taoiseach": true}

// pronoun resolves a personal pronoun: "I", "we" inside a quote to its
// speaker; "he", "she" to the last person named as a subject; "they",
// "it" to the last state or group so named.
func (d *docState) pronoun(i, h int) string {
	w := d.sents[i].p.Lower(h)
	switch w {
	case "i", "me", "my", "we", "us", "our":
		if d.inQuote(i, h) {
			return d.sents[i].speaker
		}
		return ""
	case "he", "him", "his", "she", "her", "hers", "himself", "herself":
		if id := d.speakersOwn(i, h); id != "" {
			return id
		}
		id, _, _ := d.antecedent(i, h, isPerson)
		return id
	case "they", "them", "their", "themselves":
		// A group: states are "it" (several states come back through
		// expand, which follows the conjunction).
		id, _, _ := d.antecedent(i, h, func(id string) bool { return strings.HasPrefix(id, "group:") })
		return id
	case "it", "its", "itself":
		id, _, _ := d.antecedent(i, h, notPerson)
		return id
	}
	return ""
}

// speakersOwn resolves a possessive "his" or "her" in what a person is
// reported to say to that person: "X, who heads the Free Citizens, has
// said his party will not back it" is X's party, whoever was named last.
// Inside quotation marks the words are the speaker's own, and their
// "his" is somebody else.
func (d *docState) speakersOwn(i, h int) string {
	p := d.sents[i].p
	if p.Tokens[h].POS != "PRP$" || d.inQuote(i, h) {
		return ""
	}
	n, _ := p.Head(h)
	if n < 0 {
		return ""
	}
	if v, rel := p.Head(n); v >= 0 && (syntax.Base(rel) == "nsubj" || syntax.Base(rel) == "obj") {
		n = v
	}
	if sp, _ := d.reporterVerb(i, n); len(sp) == 1 && isPerson(sp[0]) && d.nearestPerson(i, h) == sp[0] {
		return sp[0]
	}
	return ""
}

func isPerson(id string) bool  { return strings.HasPrefix(id, "person:") }
func notPerson(id string) bool { return !isPerson(id) }

// plural reports "they", "them", "their".
func plural(lower string) bool {
	switch lower {
	case "they", "them", "their", "themselves":
		return true
	}
	return false
}

// antecedent walks back from token h of sentence i, within the paragraph
// and the two before it, to the nearest actor that fits, preferring
// subjects and speakers to other mentions. It returns the actor and where
// it is named (sentence, token; token -1 for a speaker).
func (d *docState) antecedent(i, h int, fits func(string) bool) (string, int, int) {
	line := d.sents[i].line
	gender := genderOf(firstWord(d.text(i))) // an unparsed sentence is entered at its first word
	if d.sents[i].p != nil && h < len(d.sents[i].p.Tokens) {
		gender = genderOf(d.sents[i].p.Tokens[h].Text)
	}
	var other string
	oj, ot := -1, -1
	for j := i; j >= 0 && line-d.sents[j].line <= 2; j-- {
		s := &d.sents[j]
		if j < i && s.speaker != "" && fits(s.speaker) {
			return s.speaker, j, -1
		}
		if s.p == nil {
			// An unparsed sentence that opens with the same pronoun
			// speaks of the same person.
			if j < i && gender != "" && gender == genderOf(firstWord(d.text(j))) {
				if d.chained < maxChain {
					d.chained++
					id, jj, tt := d.antecedent(j, 0, fits)
					d.chained--
					if id != "" {
						return id, jj, tt
					}
				}
			}
			continue
		}
		end := len(s.p.Tokens)
		if j == i {
			end = h
		}
		for t := end - 1; t >= 0; t-- {
			if d.inQuote(j, t) && !d.inQuote(i, h) && (j == i || d.continuedQuote(i, j)) {
				// '"... in Putin's direction," he said': not Putin, nor
				// anyone named in the earlier sentences of the quote he
				// closes.
				continue
			}
			id := s.actor[t]
			if id == "" && j < i && gender != "" && gender == genderOf(s.p.Tokens[t].Text) && d.isSubject(j, t) {
				if d.chained < maxChain {
					d.chained++
					id = d.pronoun(j, t) // "She said ... She added ...": the same person
					d.chained--
				}
			}
			if id == "" || !fits(id) || (t > 0 && s.actor[t-1] == id) {
				continue
			}
			if d.isSubject(j, t) {
				return id, j, t
			}
			if other == "" {
				other, oj, ot = id, j, t
			}
		}
		// A mention earlier in the pronoun's own sentence is nearer than
		// any subject before it.
		if j == i && other != "" {
			return other, oj, ot
		}
	}
	return other, oj, ot
}

// continuedQuote: sentence i goes on a quotation that sentence j, earlier
// in the same paragraph, is part of: i opens inside quotation marks.
func (d *docState) continuedQuote(i, j int) bool {
	return d.sents[i].line == d.sents[j].line && d.sents[i].p != nil && len(d.sents[i].p.Tokens) > 0 && d.inQuote(i, 0)
}

// maxChain bounds how many pronouns back a chain is followed: each step
// may try several sentences, so an unbounded chain over a long run of
// "She ..." paragraphs with nobody named would take exponential time.
const maxChain = 4

// genderOf groups the personal pronouns by the person they stand for:
// "he", "him" and "his" are one, "she" and "her" another; "" for any
// other word.
func genderOf(w string) string {
	var buf [32]byte
	lw, ok := lowerInto(&buf, w) // no pronoun is longer or not ASCII
	if !ok {
		return ""
	}
	switch string(lw) {
	case "he", "him", "his", "himself":
		return "he"
	case "she", "her", "hers", "herself":
		return "she"
	}
	return ""
}

func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if end := strings.IndexFunc(s, unicode.IsSpace); end >= 0 {
		return s[:end]
	}
	return s
}

// isSubject reports whether token t, or the phrase it belongs to, is a
// clause subject.
func (d *docState) isSubject(i, t int) bool {
	p := d.sents[i].p
	for n, steps := t, 0; n >= 0 && steps < 4; steps++ {
		h, rel := p.Head(n)
		switch syntax.Base(rel) {
		case "nsubj", "csubj":
			return true
		case "compound", "flat", "appos", "amod", "conj":
			n = h
			continue
		}
		return false
	}
	return false
}
