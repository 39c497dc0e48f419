package extract

import (
	"iter"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract/wordset"
	"github.com/stancegraph/stancegraph/model"
)

// Patterns for people and organisations the gazetteer does not know. They
// run on normalized text (straight quotes, "-" for dashes).
const (
	// "McConnell", "DeSantis", "O'Brien" and "D'Alema" are one part each.
	namePart = `(?:(?:[Aa]l|[Ee]l)-)?(?:\p{Lu}')?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:'\p{Lu}\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?`
	// A person's name: up to four capitalised parts, with an initial or a
	// lower-case particle ("bin", "de") between them.
	personName = `(?:\p{Lu}\. )?` + namePart + `(?: (?:(?:bin|ibn|de|van|von|der|da|di|abu|Abu) )?` + namePart + `){0,3}`
	// Roles that precede a name. Longer ones first so the regexp prefers them.
	roleWords = `Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Vice President|President|Prime Minister|Foreign Minister|Defense Minister|Defence Minister|` +
		`Interior Minister|Information Minister|Finance Minister|Minister of \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?|` +
		`Secretary of State|Secretary of Defense|Defense Secretary|Treasury Secretary|Secretary-General|` +
		`Secretary General|Foreign Secretary|Ambassador|ambassador|Sen\.|Senator|Rep\.|Representative|Gov\.|` +
		`Governor|Gen\.|General|Adm\.|Admiral|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Professor|King|Crown Prince|` +
		`Prince|Sheikh|Emir|Pope|Pastor|Cardinal|Rabbi|Imam|Chancellor|Speaker|Chairman|[Ss]pokesman|[Ss]pokeswoman|[Ss]pokesperson|` +
		`[Ss]pecial [Ee]nvoy|[Ee]nvoy|Commander|Minister|Secretary|Leader|Senate Majority Leader|Senate Minority Leader|` +
		`MP|MEP|Congressman|Congresswoman`
	// "- Sen. Lindsey Graham (R-SC)" at the end of a quote
	dashSpeaker = `" ?- ?(?:(?:` + roleWords + `) )?(` + personName + `)`
	// titledRest follows the role of a titled name.
	titledRest  = ` (` + personName + `)(?: \(([RDI])-[A-Z]{2}\))?`
	speechVerbs = `said|says|told|added|stated|warned|argued|explained|noted|wrote|insisted|cautioned|declared|` +
		`announced|stressed|urged|claimed|asserted|remarked|replied|responded|commented|observed|acknowledged|` +
		`contended|maintained|emphasized|emphasised|predicted|suggested`
)

var (
	// "John Hannah, a senior fellow at the Jewish Institute ..."
	reApposition = regexp.MustCompile(`(` + personName + `), (?:(?:a|an|the) )?((?:[\p{Ll}\p{Lu}][\p{L}.-]* ){0,6}?(?:[\p{Ll}][\p{L}-]*)) (?:at|of|with|for) (?:the )?(\p{Lu}[\p{L}.'&-]*(?: (?:of|for|on|and|the|de|\p{Lu}[\p{L}.'&-]*))*)`)
	// "Syria's ambassador to the U.N., Ibrahim Olabi"
	rePossessiveRole = regexp.MustCompile(`(\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)'s ((?:[\p{Ll}]+ ){0,3}(?:ambassador|minister|president|envoy|spokesman|spokeswoman|spokesperson|leader|foreign minister)(?: to the [\p{Lu}.]+)?), (` + personName + `)`)
	// "said Hannah", "Hannah said", "according to Hannah"
	reSpeechAfter  = regexp.MustCompile(`(?:` + speechVerbs + `) (` + personName + `)`)
	reSpeechBefore = regexp.MustCompile(`(` + personName + `) (?:` + speechVerbs + `)\b`)
	reAccording    = regexp.MustCompile(`according to (` + personName + `)`)
	// "Syrian Democratic Forces (SDF)": an organisation defined with its acronym.
	reAcronymDef = regexp.MustCompile(`((?:\p{Lu}[\p{L}-]+ )(?:(?:of|for|and|the) )?(?:\p{Lu}[\p{L}-]+ ?){1,5}) \((\p{Lu}{2,6})\)`)
)

// notNames are capitalised words that start sentences or name things that
// are not people; a candidate containing one is rejected.
var notNames = wordset.Of(map[string]bool{
	"The": true, "This": true, "That": true, "These": true, "Those": true, "In": true, "On": true, "At": true,
	"However": true, "But": true, "And": true, "For": true, "With": true, "From": true, "By": true, "As": true,
	"It": true, "He": true, "She": true, "They": true, "We": true, "I": true, "Our": true, "His": true, "Her": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true,
	"Sunday": true, "January": true, "February": true, "March": true, "April": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true,
	"Office": true, "House": true, "Ministry": true, "Department": true, "Council": true, "Institute": true,
	"Foundation": true, "Forces": true, "Army": true, "Party": true, "Group": true, "Coalition": true,
	"Agreement": true, "Act": true, "Accords": true, "Operation": true, "News": true, "Journal": true,
	"Street": true, "East": true, "West": true, "North": true, "South": true, "Administration": true,
	"Government": true, "Presidency": true, "Yes": true, "No": true, "If": true, "When": true, "While": true,
	"Although": true, "Despite": true, "After": true, "Before": true, "During": true, "Meanwhile": true,
	"According": true, "Critics": true, "Experts": true, "Officials": true, "Analysts": true, "Some": true,
	"Republican": true, "Democratic": true, "Republicans": true, "Democrats": true, "Pentagon": true,
	"Congress": true, "Senate": true, "Resolve": true, "State": true, "Islamic": true,
})

// titleWords are titles and offices, never part of a person's name:
// "Taoiseach Simon Harris" is Simon Harris.
var titleWords = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "president": true, "minister": true, "secretary": true, "senator": true,
	"sen": true, "rep": true, "representative": true, "governor": true, "gov": true, "general": true,
	"gen": true, "chancellor": true, "premier": true, "taoiseach": true, "tánaiste": true, "tanaiste": true,
	"ambassador": true, "envoy": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"chairman": true, "chairwoman": true, "chair": true, "leader": true, "mp": true, "mep": true,
	"king": true, "queen": true, "prince": true, "princess": true, "emir": true, "sheikh": true,
	"pope": true, "pastor": true, "cardinal": true, "rabbi": true, "imam": true, "prof": true,
	"professor": true, "commissioner": true, "chief": true, "head": true, "director": true,
	"director-general": true, "secretary-general": true, "deputy": true, "speaker": true, "mayor": true,
	"judge": true, "justice": true, "colonel": true, "col": true, "captain": true, "admiral": true,
	"adm": true, "prime": true, "foreign": true, "defence": true, "defense": true, "former": true}

// stripTitles drops the titles a named-entity span may begin with.
func stripTitles(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 && isTitleWord(f[0]) {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// groupHeads end the names of organisations.
var groupHeads = wordset.Of(map[string]bool{"Forces": true, "Institute": true, "Foundation": true, "Council": true,
	"Organization": true, "Organisation": true, "Party": true, "Front": true, "Army": true, "Brigade": true,
	"Brigades": true, "Movement": true, "Group": true, "Ministry": true, "Agency": true, "Committee": true,
	"Association": true, "Center": true, "Centre": true, "Union": true, "League": true, "Network": true,
	"Commission": true, "Watch": true, "Fund": true, "Bank": true, "University": true, "House": true})

// person is someone the patterns found in a document.
type person struct {
	id, name string
	// role and lowRole, it lower-cased, are set together by setRole:
	// roleHolder compares every person's role for each "the minister".
	role, lowRole string
	orgID         string // affiliation, if known
	// surnames is the last word of a name of two words or more, nil for
	// a name of one (addPerson registers it lower-cased as a name too).
	surnames []string
}

func (p *person) setRole(role string) { p.role, p.lowRole = role, strings.ToLower(role) }

// actorInfo is what the document learns about each actor it mentions.
type actorInfo struct {
	id, name string
	kind     model.Kind
	aliases  aliases
	mentions int
}

// aliases are the names an actor goes by in one document: a few each, so
// a list, not a map (a map per actor, grown as names were met, was a
// twentieth of the bytes extraction allocated).
type aliases []string

func (s *aliases) add(name string) {
	if !slices.Contains(*s, name) {
		*s = append(*s, name)
	}
}

// mention is one place a sentence names an actor, as byte offsets into the
// normalized text.
type mention struct {
	start, end int
	id         string
	surface    string
}

// docActors collects the actors of one document.
type docActors struct {
	g      *Gazetteer
	people map[string]*person // by id
	byName map[string]string  // full name or surname -> person id
	// firsts holds the first word of every name in byName, lower-cased
	// (see named): most words begin none. An article names tens of
	// people: 8,192 bits.
	firsts *wordBits
	// begins holds firsts' words and the gazetteer's first words, in a
	// set of the gazetteer's size: mentions turns most words away with
	// one test, not one of each.
	begins  *wordBits
	actors  map[string]*actorInfo
	groups  map[string]string // organisation name -> id, for ones not in the gazetteer
	affils  map[[2]string]string
	ordered []string
	titled  []titled // in text order, found by findPeople
	// words are the tokens of text, the document's, found once by
	// findPeople: its trigger search and mentions read every word of
	// the document, and each tokenized it. after is the index in words
	// of the first after the last span mentions read.
	text  string
	words []token
	after int
	// toks and ms are mentions' scratch for the words of a span that
	// cuts one of the document's words or is of another text (a clone
	// has none), and the list it returns: it runs on every sentence, and
	// keeps none of them.
	toks []token
	ms   []mention
	near nearScratch // findNear's, for the person patterns
	// plausible holds plausibleName's answers, by name: an article
	// names its people again and again, each time through the patterns.
	plausible map[string]bool
	// infos holds the actors' records, in chunks that never move (the
	// map points into them), filled again after a reset with their
	// aliases' room: an article names dozens of actors.
	infos [][]actorInfo
	used  int
}

func newDocActors(g *Gazetteer) *docActors {
	return &docActors{g: g, people: map[string]*person{}, byName: map[string]string{}, firsts: newWordBits(7),
		begins: &wordBits{slices.Clone(g.firstWords.bits)},
		actors: map[string]*actorInfo{}, groups: map[string]string{}, affils: map[[2]string]string{},
		plausible: map[string]bool{}}
}

// clone is a copy of d that can be changed apart from it: its maps, lists
// and records copied, a record that two names share shared in the copy.
// The document's words are not: a copy tokenizes what mentions is asked
// of it (none is, after reading).
func (d *docActors) clone() *docActors {
	c := &docActors{g: d.g, people: make(map[string]*person, len(d.people)), byName: maps.Clone(d.byName),
		firsts: &wordBits{slices.Clone(d.firsts.bits)}, begins: &wordBits{slices.Clone(d.begins.bits)}, actors: make(map[string]*actorInfo, len(d.actors)),
		groups: maps.Clone(d.groups), affils: maps.Clone(d.affils), ordered: slices.Clone(d.ordered), titled: slices.Clone(d.titled),
		plausible: maps.Clone(d.plausible)}
	people := map[*person]*person{}
	for id, p := range d.people {
		if people[p] == nil {
			q := *p
			q.surnames = slices.Clone(p.surnames)
			people[p] = &q
		}
		c.people[id] = people[p]
	}
	infos := map[*actorInfo]*actorInfo{}
	for id, a := range d.actors {
		if infos[a] == nil {
			b := c.newInfo()
			*b = *a
			b.aliases = slices.Clone(a.aliases)
			infos[a] = b
		}
		c.actors[id] = infos[a]
	}
	return c
}

// reset empties d for another document, its maps' and lists' room kept.
func (d *docActors) reset() {
	clear(d.people)
	clear(d.byName)
	clear(d.firsts.bits)
	copy(d.begins.bits, d.g.firstWords.bits)
	clear(d.actors)
	clear(d.groups)
	clear(d.affils)
	clear(d.plausible)
	d.ordered, d.titled, d.toks, d.ms = d.ordered[:0], d.titled[:0], d.toks[:0], d.ms[:0]
	d.text, d.words, d.after = "", d.words[:0], 0
	d.used = 0
}

// slug is prefix followed by s lower-cased with each run of other
// characters than letters and digits made one hyphen, none at either
// end: ("person:", "Ana Ruiz") -> "person:ana-ruiz". Each rune is lowered
// as it is read (strings.ToLower's mapping): a new person's id made no
// lowered copy of the name first, nor its slug and then the id.
func slug(prefix, s string) string {
	var b strings.Builder
	b.Grow(len(prefix) + len(s))
	b.WriteString(prefix)
	dash := false
	for _, r := range s {
		// ASCII without the Unicode tables: a name is nearly all ASCII.
		if r < utf8.RuneSelf {
			if c := byte(r); asciiAlnum(c) {
				b.WriteByte(c | 0x20) // lowers a letter and keeps a digit
				dash = false
			} else if !dash && b.Len() > len(prefix) {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		if r = unicode.ToLower(r); unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > len(prefix) {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// plausibleName is the gazetteer's answer for name, kept for the rest of
// the document.
func (d *docActors) plausibleName(name string) bool {
	ok, known := d.plausible[name]
	if !known {
		ok = d.g.plausibleName(name)
		d.plausible[name] = ok
	}
	return ok
}

// plausibleName rejects candidates that are sentence furniture or name a
// known actor rather than a person.
func (g *Gazetteer) plausibleName(name string) bool {
	for w := range strings.FieldsSeq(name) {
		if notNames.Has(w) || groupHeads.Has(w) || isTitleWord(w) {
			return false
		}
	}
	// A name's few words on the stack: most names asked are new.
	var room [8]token
	toks := tokenizeInto(room[:0], name, 0)
	if id, end, ok := g.names.match(name, toks, 0); ok && end == len(toks) && id != "" {
		return false
	}
	if _, _, ok := g.demonyms.match(name, toks, 0); ok {
		return false
	}
	return true
}

// addPerson registers a person, merging with a known one whose full name or
// surname matches.
func (d *docActors) addPerson(name, role, orgID string) *person {
	name = strings.TrimSpace(name)
	if id, ok := d.byName[name]; ok {
		p := d.people[id]
		if role != "" && p.role == "" {
			p.setRole(role)
		}
		if orgID != "" && p.orgID == "" {
			p.orgID = orgID
		}
		return p
	}
	last, single := lastWord(name)
	lowLast := strings.ToLower(last)
	if single {
		if id, ok := d.byName[lowLast]; ok {
			return d.people[id]
		}
	}
	p := &person{id: slug("person:", name), name: name, orgID: orgID}
	p.setRole(role)
	if !single {
		p.surnames = []string{last}
	}
	d.people[p.id] = p
	d.named(name, p.id)
	if _, taken := d.byName[lowLast]; !single && !taken {
		d.named(lowLast, p.id)
	}
	// A surname-only person found earlier ("President Erdogan") is the same
	// person as a later full name that ends with it.
	if id, ok := d.byName[lowLast]; ok && id != p.id && len(d.people[id].surnames) == 0 {
		old := d.people[id]
		delete(d.people, id)
		if old.role != "" && p.role == "" {
			p.setRole(old.role)
		}
		if old.orgID != "" && p.orgID == "" {
			p.orgID = old.orgID
		}
		d.named(old.name, p.id)
		d.named(lowLast, p.id)
	}
	return p
}

// lastWord is the last of the words strings.Fields finds in name, which
// has no space at either end, and whether it is the only one, read back
// from the end: addPerson split every new person's name into a list for
// these two answers.
func lastWord(name string) (last string, single bool) {
	i := strings.LastIndexFunc(name, unicode.IsSpace)
	if i < 0 {
		return name, true
	}
	_, n := utf8.DecodeRuneInString(name[i:])
	return name[i+n:], false
}

// findPeople runs the person and organisation patterns over the whole
// document before mentions are resolved, so that a surname seen before
// the full name still resolves. lower is text with its ASCII letters
// lower-cased.
//
// The patterns are costly to try at every position, so each runs only
// around its triggers, on the lines that hold them. The triggers are
// found in one pass over the document (findAtWords): at words' first
// bytes and at every byte between words, which finds them all while
// every one begins with an ASCII letter or with no letter or digit
// (atStarts; TestPersonTriggersAtStarts); none holds a newline, so none
// runs across one, and a line with none is not read again.
func (d *docActors) findPeople(text, lower string) {
	d.text, d.words, d.after = text, tokenizeInto(d.words[:0], text, 0), 0
	d.near.hits = personTriggers.findAtWords(d.near.hits, lower, d.words, 0)
	hits := d.near.hits
	for off := 0; len(hits) > 0; {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		n := 0 // the line's hits
		for n < len(hits) && hits[n].at < end {
			hits[n].at -= off
			n++
		}
		if n > 0 {
			d.findPeopleInLine(text[off:end], lower[off:end], off, hits[:n])
		}
		hits = hits[n:]
		off = end + 1
	}
}

// titled is a name after a title: "Syrian Information Minister Hamza
// al-Mustafa", with byte offsets into the document's normalized text.
type titled struct {
	start, end          int
	nat, role, name, pa string
}

// titledIn finds the titled names of one line that starts at off (hits
// are personTriggers' in it).
func titledIn(text, lower string, off int, hits []hit, sc *nearScratch) []titled {
	var out []titled
	for _, m := range findNear(&titledNear, text, lower, hits, sc) {
		t := titled{start: off + m[0], end: off + m[1], role: sub(text, m, 1),
			name: trimTrailingNonName(sub(text, m, 2)), pa: sub(text, m, 3)}
		if n, ok := nationalityAt(text[max(0, m[0]-24):m[0]]); ok {
			t.nat = strings.TrimSpace(text[max(0, m[0]-24)+n : m[0]])
			t.start -= m[0] - (max(0, m[0]-24) + n)
		}
		out = append(out, t)
	}
	return out
}

// nationalityAt is where the nationality before a title starts in s, the
// text before the title: s ends with a word and a space, and the word is
// "U.S.", "U.K." or a capital followed by letters only ("Syrian"); the
// first capital from which only letters run to the word's end starts it
// ("McCarthy", not "Carthy"). A regular expression read every position of
// s for it.
func nationalityAt(s string) (int, bool) {
	w, ok := strings.CutSuffix(s, " ")
	switch {
	case !ok:
		return 0, false
	case strings.HasSuffix(w, "U.S.") || strings.HasSuffix(w, "U.K."):
		return len(w) - 4, true
	}
	letters := len(w) // where the letters that end w start
	for letters > 0 {
		r, size := utf8.DecodeLastRuneInString(w[:letters])
		if !unicode.IsLetter(r) {
			break
		}
		letters -= size
	}
	for p := letters; p < len(w); {
		r, size := utf8.DecodeRuneInString(w[p:])
		if unicode.IsUpper(r) && p+size < len(w) {
			return p, true
		}
		p += size
	}
	return 0, false
}

// triggers are the words a line must contain for a pattern to be tried.
var (
	roleTriggers = []string{"president", "minister", "secretary", "ambassador", "sen.", "senator", "rep.",
		"representative", "gov", "gen.", "general", "adm", "dr.", "mr.", "mrs.", "ms.", "prof", "king", "prince",
		"sheikh", "emir", "chancellor", "speaker", "chairman", "spokes", "envoy", "commander", "leader",
		"mr", "ms", "dr", "sir", "dame", "lord", "lady", "pope", "pastor", "cardinal", "rabbi", "imam",
		"mp ", "mep ", "congress"}
	speechTriggers = []string{"said", "says", "told", "added", "stated", "warned", "argued", "explained", "noted",
		"wrote", "insisted", "cautioned", "declared", "announced", "stressed", "urged", "claimed", "asserted",
		"remarked", "replied", "responded", "commented", "observed", "acknowledged", "contended", "maintained",
		"emphasi", "predicted", "suggested"}
)

func asciiLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// asciiAlnum: an ASCII letter or digit, a byte that continues a word.
// Read from a table: the word scans ask it of nearly every byte of a text.
func asciiAlnum(c byte) bool { return alnumBytes[c] }

var alnumBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = asciiLetter(byte(c)) || '0' <= c && c <= '9'
	}
	return t
}()

// asciiWordByte is a byte that \b counts as part of a word.
func asciiWordByte(c byte) bool { return asciiAlnum(c) || c == '_' }

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// findPeopleInLine runs the patterns on one line that starts at off,
// around hits, personTriggers' in it, in the line's offsets.
func (d *docActors) findPeopleInLine(text, lower string, off int, hits []hit) {
	// The patterns the line holds a trigger of: most lines hold few, and
	// the others' windows need not be looked for.
	var tags uint32
	for _, h := range hits {
		tags |= h.tags
	}
	if tags&acronymNear.tag != 0 {
		for _, m := range findNear(&acronymNear, text, lower, hits, &d.near) {
			name, acr := strings.TrimSpace(sub(text, m, 1)), sub(text, m, 2)
			if _, _, ok := d.g.names.match(acr, tokenize(acr), 0); ok {
				continue
			}
			id := slug("group:", acr)
			d.groups[name], d.groups[acr] = id, id
			d.actor(id, name, model.Group)
		}
	}
	if tags&titledNear.tag != 0 {
		for _, t := range titledIn(text, lower, off, hits, &d.near) {
			d.titled = append(d.titled, t)
			if !d.plausibleName(t.name) {
				continue
			}
			org := d.stateOf(t.nat)
			if org == "" && t.pa != "" {
				org = "state:usa" // "Sen. Rand Paul (R-KY)": a U.S. party and state code
			}
			d.addPerson(t.name, t.role, org)
		}
	}
	if tags&appositionNear.tag != 0 {
		for _, m := range findNear(&appositionNear, text, lower, hits, &d.near) {
			name, role, orgName := sub(text, m, 1), sub(text, m, 2), sub(text, m, 3)
			name = trimTrailingNonName(name)
			if !d.plausibleName(name) || !looksLikeRole(role) {
				continue
			}
			d.addPerson(name, role, d.orgID(strings.TrimRight(orgName, ".,")))
		}
	}
	if tags&possessiveNear.tag != 0 {
		for _, m := range findNear(&possessiveNear, text, lower, hits, &d.near) {
			org, role, name := sub(text, m, 1), sub(text, m, 2), sub(text, m, 3)
			if st := d.stateOf(org); st != "" && d.plausibleName(name) {
				d.addPerson(trimTrailingNonName(name), role, st)
			}
		}
	}
	for k := range speakerNears {
		p := &speakerNears[k]
		if tags&p.tag == 0 {
			continue
		}
		for _, m := range findNear(p, text, lower, hits, &d.near) {
			name := trimTrailingNonName(sub(text, m, 1))
			if !d.plausibleName(name) {
				continue
			}
			// A lone capitalised word is a person only right after a speech
			// verb and at the end of the clause ("said Sharawi."); before one,
			// or followed by more words ("said Labour would"), it may be
			// anything.
			if len(strings.Fields(name)) >= 2 || p.re == reSpeechAfter && endsClause(text, m[3]) {
				d.addPerson(name, "", "")
			}
		}
	}
}

// nearScratch is the room findNear makes its windows, starts and list
// of matches in, kept for the next line (each line's eight patterns made
// lists of their own), and the document's trigger hits.
type nearScratch struct {
	wins   [][2]int
	starts []int
	hits   []hit
	found  [][]int
}

// endsClause: nothing but punctuation follows offset e up to the end of
// the clause.
func endsClause(text string, e int) bool {
	rest := strings.TrimLeft(text[e:], " ")
	return rest == "" || strings.ContainsRune(".,;:!?\")", rune(rest[0]))
}

// near is a pattern findNear runs only in windows around its trigger
// words: the patterns are costly to try at every position of long text.
type near struct {
	re *regexp.Regexp
	// at is re anchored at the start of its input.
	at anchored
	// first holds the bytes a match of re can begin with, and begin texts
	// one of which begins every match (a title's words, a speech verb).
	first *[256]bool
	begin *starts
	// inner holds the bytes a match can hold: a try reads no further
	// than the first other byte (see reach).
	inner *[256]bool
	// needs, for a pattern with no begin texts, are texts one of which
	// every match holds: a try whose reach holds none is not made (most
	// tries of the apposition and possessive patterns fail, each after
	// reading its whole reach). A pattern with begin texts has its start
	// checked already, and what its start holds is all it would find.
	needs []string
	// span, when set, is how much of a try's reach a match from its start
	// can hold, 0 where none can: a try is made on that much only, or not
	// at all (most of the apposition's tries failed, each after reading
	// to the end of the sentence, commas and all).
	span func(s string) int
	// sep is the text whose first place after a try's start span reads
	// on from (the comma after an apposition's name, the possessive's
	// "'s "): a window where the span from none of its places is above 0
	// holds no match and is not searched (none of the 15,000 windows of
	// the possessive in the dev corpus held one).
	sep      string
	triggers []string
	// tag is the pattern's bit in the tags of personTriggers' hits (see
	// tagTriggers).
	tag uint32
	// before and after are the window's reach around a trigger.
	before, after int
	// alts, when set, are re split at an alternation every match goes
	// through, each piece anchored (see splitNear): the first in order to
	// match at a position is the match re finds there (leftmost-first),
	// and each is small enough for Go's backtracking matcher, which leaves
	// a pattern over 500 instructions to its slowest one.
	alts []alt
	// altsAt lists, for each byte, the alts that can begin with it, in
	// order: a title's forty alternatives were each asked at every try.
	// With opening set, the byte is the one after the opening.
	altsAt *[256][]int
	// opening, when set, reads the run every alt's texts open with, its
	// length in a text, -1 where none opens it (see withOpening).
	opening func(s string) int
	// starts, when set, lists in order the positions of a window (and
	// its lower-cased copy) where a match can start; only those are
	// tried. It must list every position a match of re could start at,
	// in dst's room.
	starts func(dst []int, text, lower string) []int
	// spoken, set for a pattern whose every match is a name and then,
	// after a space, one of its triggers, finds its starts from its hits
	// (see nameStarts.before); starts is not used.
	spoken *nameStarts
	// led marks a pattern whose starts are read from its triggers' hits
	// instead (see ledStarts): a match starts at most lead bytes before
	// one.
	led  bool
	lead int
	// rest, when set, reads what follows a head without the regular
	// expression (see names.go), given the head's length: the heads are
	// the texts one of which the pattern opens with (in its order of
	// preference), or, split, each alt's.
	rest  func(s string, head int) []int
	heads []string
}

func newNear(re *regexp.Regexp, triggers []string, before, after int, starts func(dst []int, text, lower string) []int) near {
	// Parsed once for all that is read from it: a person's name is spelled
	// with Unicode classes, which are most of what parsing costs.
	r := syntaxOf(re)
	n := near{re: re, at: anchor(regexp.MustCompile(`^(?:` + re.String() + `)`)), first: firstBytes(r), begin: startsOf(r),
		inner: innerBytes(r), triggers: triggers, before: before, after: after, starts: starts}
	if n.begin == nil {
		n.needs = needsOf(r)
	}
	return n
}

// alt is one piece of a split pattern, anchored, with texts one of which
// begins each of its matches.
type alt struct {
	at    anchored
	begin *starts
	// heads are the texts the alt's head matches, when it matches no
	// other (a title's words, not "Minister of" and a capitalised word).
	heads []string
}

// splitNear is ledNear for the pattern re, whose every match is a match
// of one of heads followed by rest: re split at an alternation that every
// match goes through, each alternative with what comes before it in a
// head. They are tried in order one at a time (see near.alts), each where
// a text its head begins with starts, and keep re's group numbers.
func splitNear(re string, heads []string, rest string, triggers []string, before, after, lead int) near {
	n := ledNear(regexp.MustCompile(re), triggers, before, after, lead)
	n.altsAt = new([256][]int)
	for k, h := range heads {
		head := syntaxOf(regexp.MustCompile(h))
		a := alt{at: anchor(regexp.MustCompile(`^(?:` + h + rest + `)`)), begin: startsOf(head)}
		if a.begin == nil {
			panic("splitNear: " + h + " begins with no text") // the alts are looked up by their first bytes
		}
		if texts, whole := spelled(head); whole {
			a.heads = texts
		}
		n.alts = append(n.alts, a)
		for c := range n.altsAt {
			if a.begin.byFirst[c] != nil {
				n.altsAt[c] = append(n.altsAt[c], k)
			}
		}
	}
	return n
}

// withOpening is the split near n with its alts looked up by the byte
// after the opening that every one of its alts' texts opens with, read
// by opening: the dash before a quote's speaker, before each title's
// alternative, where all begin with the quotation mark. An alt with a
// text that is all opening is listed under every byte.
func withOpening(n near, opening func(s string) int) near {
	n.opening = opening
	n.altsAt = new([256][]int)
	for k, a := range n.alts {
		var under [256]bool
		for _, texts := range a.begin.byFirst {
			for _, t := range texts {
				switch o := opening(t); {
				case o < 0:
					panic("withOpening: " + t + " opens with no opening")
				case o == len(t):
					for c := range under {
						under[c] = true
					}
				default:
					under[t[o]] = true
				}
			}
		}
		for c := range under {
			if under[c] {
				n.altsAt[c] = append(n.altsAt[c], k)
			}
		}
	}
	return n
}

// quoteDash is the length of the dash that opens s after a quote,
// `" ?- ?` (dashSpeaker's), -1 if none does. Its spaces are read as the
// pattern reads them: what follows the dash, a title or a name, begins
// with no space.
func quoteDash(s string) int {
	if s == "" || s[0] != '"' {
		return -1
	}
	i := 1
	if i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || s[i] != '-' {
		return -1
	}
	i++
	if i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// withRest is n with its rest read by rest (see near.rest), after heads
// or, split, after each alt's.
func withRest(n near, rest func(s string, head int) []int, heads ...string) near {
	n.rest, n.heads = rest, heads
	return n
}

// restAfter is rest's match after the first of heads that text opens
// with and rest matches after.
func restAfter(text string, heads []string, rest func(s string, head int) []int) []int {
	for _, h := range heads {
		// The first byte before the call: the heads are many ("said ",
		// "told ", ...), and most differ there.
		if h != "" && (text == "" || text[0] != h[0]) {
			continue
		}
		if strings.HasPrefix(text, h) {
			if m := rest(text, len(h)); m != nil {
				return m
			}
		}
	}
	return nil
}

// each is each alternative of alternatives (split at "|", which none
// holds inside) between before and after.
func each(before, alternatives, after string) []string {
	var out []string
	for _, a := range strings.Split(alternatives, "|") {
		out = append(out, before+a+after)
	}
	return out
}

// match is the anchored pattern's match at the start of text. A regular
// expression is given text up to its reach only (see reach), found here
// and not before: most tries are read by rest, which reads no further
// than the match, and the reach of a title's or a speech verb's try ran
// to the end of its clause.
func (n *near) match(text string) []int {
	if n.alts == nil {
		if n.rest != nil {
			return restAfter(text, n.heads, n.rest)
		}
		return n.at.submatchIndex(text[:reach(text, 0, n.inner)])
	}
	at := 0 // the byte the alts are looked up by
	if n.opening != nil {
		at = n.opening(text)
	}
	if at < 0 || at >= len(text) {
		return nil // every alt's match begins with a text, and holds more than an opening
	}
	end := -1 // the reach, once an alt needs it
	for _, k := range n.altsAt[text[at]] {
		a := &n.alts[k]
		if !a.begin.begins(text) {
			continue
		}
		var m []int
		if n.rest != nil && a.heads != nil {
			m = restAfter(text, a.heads, n.rest)
		} else {
			if end < 0 {
				end = reach(text, 0, n.inner)
			}
			m = a.at.submatchIndex(text[:end])
		}
		if m != nil {
			return m
		}
	}
	return nil
}

// roleLead is the farthest a title's trigger sits from its start:
// "Senate Majority " before "leader".
const roleLead = 16

var (
	acronymNear = newNear(reAcronymDef, []string{"("}, 100, 12, definesAcronym)
	// "Syrian Information Minister Hamza al-Mustafa", "Sen. Rand Paul (R-KY)"
	titledNear = withRest(splitNear(`(`+roleWords+`)`+titledRest, each(`(`, roleWords, `)`), titledRest, roleTriggers, 2, 80, roleLead), titledAfter)
	// "John Hannah, a senior fellow at ...": a name, then a comma.
	appositionNear = withSpan(newNear(reApposition, roleNouns, 120, 120, nameThen(", ")), appositive, ", ")
	// "Norway's envoy, ...": one or two capitalised words, then "'s".
	possessiveNear = withSpan(newNear(rePossessiveRole, []string{"'s "}, 40, 120, nameThen("'s ")), possessor, "'s ")
	speakerNears   = []near{
		withRest(ledNear(reSpeechAfter, speechTriggers, 2, 60, 0), nameAfter, each("", speechVerbs, " ")...),
		// "Hannah said": a name, then a speech verb.
		withRest(spokenNear(reSpeechBefore, speechTriggers, 60, 12), nameThenSpeech, ""),
		withRest(ledNear(reAccording, []string{"according to"}, 2, 60, 0), nameAfter, "according to "),
		// The title is optional: each one in turn, then none.
		withRest(withOpening(splitNear(dashSpeaker, append(each(`" ?- ?(?:`, roleWords, `) `), `" ?- ?`), `(`+personName+`)`, []string{"\" -", "\"-"}, 2, 80, 0), quoteDash), nameAfter),
	}
	// personTriggers are the triggers of all the patterns above, found in
	// one pass over a document's words.
	personTriggers = func() *triggerSet {
		nears := []*near{&acronymNear, &titledNear, &appositionNear, &possessiveNear}
		for k := range speakerNears {
			nears = append(nears, &speakerNears[k])
		}
		return tagTriggers(nears)
	}()
)

// withSpan is n with the span its matches can take and the text it
// reads from (see near.span and near.sep).
func withSpan(n near, span func(s string) int, sep string) near {
	n.span, n.sep = span, sep
	return n
}

// appositive is how much of s, which starts where a name may, an
// apposition (reApposition) from its start can span, 0 if none can. The
// name holds no comma, so the first ", " ends it. After it come words of
// letters, dots and hyphens up to " at ", " of ", " with " or " for ",
// then "the " or not, and the organisation: a capital, then words of
// letters, dots, apostrophes, ampersands and hyphens ("Ana Ruiz, a senior
// fellow at the Lake Institute").
func appositive(s string) int {
	c := strings.Index(s, ", ")
	if c < 0 || !roleThenOrg(s[c+2:]) {
		return 0
	}
	rest := s[c+2:]
	role := lettersAnd(rest, &roleBytes)
	return c + 2 + role + leadRun(rest[role:], func(r rune) bool {
		return unicode.IsLetter(r) || r == '.' || r == '\'' || r == '&' || r == '-' || r == ' '
	})
}

// roleSpaces is the most spaces an apposition's role holds up to the
// one that begins its preposition: an article and six words, each with
// one after it, and the seventh's (reApposition's).
const roleSpaces = 8

// roleThenOrg reports whether rest, what follows an apposition's comma,
// opens with a role and an organisation as reApposition reads them: in
// the run of letters, dots, hyphens and spaces rest opens with, among its
// first roleSpaces spaces, one that begins " at ", " of ", " with " or
// " for ", then "the " or not and a capital. The run goes on to the end
// of the clause, sentences' periods and all, but no role reaches past
// its first roleSpaces spaces: the run is read only that far (the
// commas of every apposition window start one).
func roleThenOrg(rest string) bool {
	spaces := 0
	for j := 0; j < len(rest); {
		c := rest[j]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(rest[j:])
			if !unicode.IsLetter(r) {
				return false
			}
			j += size
			continue
		}
		if !roleBytes[c] {
			return false
		}
		if c == ' ' && j+1 < len(rest) {
			switch rest[j+1] {
			case 'a', 'o', 'w', 'f': // most words begin with none of the prepositions' letters
				if orgAfter(rest[j:]) {
					return true
				}
			}
			if spaces++; spaces == roleSpaces {
				return false
			}
		}
		j++
	}
	return false
}

// orgAfter reports whether s, which starts at a space of a role, opens
// with " at ", " of ", " with " or " for ", then "the " or not and a
// capital.
func orgAfter(s string) bool {
	for _, p := range [...]string{" at ", " of ", " with ", " for "} {
		if org, ok := strings.CutPrefix(s, p); ok {
			r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(org, "the "))
			return unicode.IsUpper(r)
		}
	}
	return false
}

// roleBytes are the ASCII bytes of an apposition's role: letters, dots,
// hyphens and spaces.
var roleBytes = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = asciiLetter(byte(c)) || c == '.' || c == '-' || c == ' '
	}
	return t
}()

// lettersAnd is how many bytes of s the letters and the ASCII bytes of
// also that begin it take: leadRun, with the ASCII bytes read from a
// table (a role runs on to the end of its clause, and every apposition
// window's commas start one).
func lettersAnd(s string, also *[utf8.RuneSelf]bool) int {
	for k := 0; k < len(s); {
		if c := s[k]; c < utf8.RuneSelf {
			if !also[c] {
				return k
			}
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsLetter(r) {
			return k
		}
		k += size
	}
	return len(s)
}

// leadRun is how many bytes of s the runes that begin it and pass in
// take.
func leadRun(s string, in func(r rune) bool) int {
	for k, r := range s {
		if !in(r) {
			return k
		}
	}
	return len(s)
}

// definesAcronym marks where an acronym's definition (reAcronymDef) can
// start in a window: at a capital, and only in a window that holds one's
// end, " (" then two to six capitals and ")". Most parentheses in news
// hold no acronym ("(Reuters)", "(R-KY)"), and the pattern was tried at
// every position of the window around each.
func definesAcronym(dst []int, text, _ string) []int {
	for rest := text; ; {
		i := strings.Index(rest, " (")
		if i < 0 {
			return dst[:0]
		}
		rest = rest[i+2:]
		end := leadRun(rest, unicode.IsUpper)
		if caps := utf8.RuneCountInString(rest[:end]); caps >= 2 && caps <= 6 && end < len(rest) && rest[end] == ')' {
			break
		}
	}
	starts := dst[:0]
	for i, r := range text {
		if unicode.IsUpper(r) {
			starts = append(starts, i)
		}
	}
	return starts
}

// possessor is how much of s, which starts where a name may, a
// possessive role (rePossessiveRole) from its start can span, 0 if none
// can. The owner's words hold no apostrophe, so the first "'s " ends
// them; after it, up to the first ", ", come lower-case words with the
// role among them, and " to the " and a body's capitals or not ("Peru's
// envoy to the U.N., Ines Quispe"); then the name, of letters,
// apostrophes, dots, hyphens and spaces.
func possessor(s string) int {
	a := strings.Index(s, "'s ")
	if a < 0 {
		return 0
	}
	rest := s[a+3:]
	c := strings.Index(rest, ", ")
	if c < 0 || !nameWordStart(rest[c+2:]) || !containsAny(rest[:c], possessedRoles) ||
		leadRun(rest[:c], func(r rune) bool { return unicode.IsLetter(r) || r == '.' || r == ' ' }) < c {
		return 0
	}
	name := leadRun(rest[c+2:], func(r rune) bool {
		return unicode.IsLetter(r) || r == '\'' || r == '.' || r == '-' || r == ' '
	})
	return a + 3 + c + 2 + name
}

// possessedRoles are the roles rePossessiveRole reads, one of which its
// every match holds ("spokes" for spokesman, spokeswoman, spokesperson).
var possessedRoles = []string{"ambassador", "minister", "president", "envoy", "spokes", "leader"}

// spokenNear is a pattern whose every match is a name and then, after a
// space, one of its triggers (see near.spoken).
func spokenNear(re *regexp.Regexp, triggers []string, before, after int) near {
	n := newNear(re, triggers, before, after, nil)
	n.spoken = &nameStarts{newPrefixSet(each(" ", strings.Join(triggers, "|"), ""))}
	return n
}

// ledNear is a pattern whose every match holds one of its triggers at
// most lead bytes after its start.
func ledNear(re *regexp.Regexp, triggers []string, before, after, lead int) near {
	n := newNear(re, triggers, before, after, nil)
	n.led, n.lead = true, lead
	return n
}

// findNear runs n's pattern only in windows around its trigger words in
// a line (lower is its lower-cased copy). A trigger that is a word counts
// only at the start of a word ("ms" in "Ms Lind", not in "arms"), as every
// pattern begins its title, role or verb there; one of punctuation ("'s
// ", "(") counts anywhere. A window starts at a word boundary so that it
// does not cut a name in two. Matches are in text's offsets, each once,
// the same as the pattern finds in each window. hits are the line's
// triggers, n's among them. sc's lists are reused, the list of matches
// among them: it is read before the next call.
func findNear(n *near, text, lower string, hits []hit, sc *nearScratch) [][]int {
	out := sc.found[:0]
	sc.wins = windows(sc.wins, text, hits, n.tag, n.before, n.after)
	for _, w := range sc.wins {
		if n.sep != "" && !spans(n, text[w[0]:w[1]]) {
			continue
		}
		found := len(out)
		switch {
		case n.led:
			sc.starts = ledStarts(sc.starts, n, hits, w)
			out = findFrom(out, n, text[w[0]:w[1]], sc.starts)
		case n.spoken != nil:
			sc.starts = n.spoken.before(sc.starts, text[w[0]:w[1]], hits, n.tag, w[0])
			out = findFrom(out, n, text[w[0]:w[1]], sc.starts)
		case n.starts == nil:
			out = append(out, n.re.FindAllStringSubmatchIndex(text[w[0]:w[1]], -1)...)
		default:
			sc.starts = n.starts(sc.starts, text[w[0]:w[1]], lower[w[0]:w[1]])
			out = findFrom(out, n, text[w[0]:w[1]], sc.starts)
		}
		for _, m := range out[found:] {
			for k := range m {
				if m[k] >= 0 {
					m[k] += w[0]
				}
			}
		}
	}
	sc.found = out
	return out
}

// spans reports whether n's span from some place of its sep in window is
// above 0. A try from any start reads on from the first place of sep
// after it, with at most the rest of the window after that place: the
// span from there with the whole rest is above 0 if the try's is.
func spans(n *near, window string) bool {
	for k := 0; ; k++ {
		i := strings.Index(window[k:], n.sep)
		if i < 0 {
			return false
		}
		k += i
		if n.span(window[k:]) > 0 {
			return true
		}
	}
}

// findFrom finds what FindAllStringSubmatchIndex finds with n's unanchored
// pattern, trying the anchored one only at the marked starts that hold a
// byte and a text a match can begin with, left to right, each match's end
// the next start: a position no match can start at changes nothing. (Each
// try costs a regexp call, even one that fails at the first byte.) The
// matches are appended to out.
func findFrom(out [][]int, n *near, text string, starts []int) [][]int {
	next := 0 // where the last match ended: no try starts before it
	// The starts inside one run of bytes a match can hold reach as far:
	// the run is read once for all of them, [run, runEnd) its tries'
	// starts (an apposition's runs are long, its starts many).
	run, runEnd := 0, 0
	for _, pos := range starts {
		if pos < next || pos >= len(text) || !n.first[text[pos]] || !n.begin.begins(text[pos:]) {
			continue
		}
		end := len(text)
		// Only the needs and the span ask for the reach here; match finds
		// it when a regular expression needs it.
		if n.needs != nil || n.span != nil {
			if pos < run || pos >= runEnd {
				run, runEnd = pos, reach(text, pos, n.inner)
			}
			end = runEnd
			if !holdsAny(text[pos:end], n.needs) {
				continue
			}
		}
		if n.span != nil {
			if end = pos + n.span(text[pos:end]); end == pos {
				continue
			}
		}
		m := n.match(text[pos:end])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += pos
			}
		}
		out = append(out, m)
		next = max(pos+1, m[1])
	}
	return out
}

// ledStarts marks the positions of window w up to n.lead bytes before
// each of n's triggers among the line's hits, in window offsets: the
// starts of a pattern whose every match holds a trigger that near its
// start (a title holds its trigger word: "Vice President", 5 bytes in).
// The hits are at word starts, where every title and speech verb begins:
// one inside a word ("aforesaid") starts none. They are made in dst's
// room.
func ledStarts(dst []int, n *near, hits []hit, w [2]int) []int {
	starts := dst[:0]
	// The hits come in order of position: each range goes on from where
	// the one before ended.
	for _, h := range hits {
		if h.at < w[0] || h.at >= w[1] || h.tags&n.tag == 0 {
			continue
		}
		from := max(w[0], h.at-n.lead) - w[0]
		if len(starts) > 0 {
			from = max(from, starts[len(starts)-1]+1)
		}
		for k := from; k <= h.at-w[0]; k++ {
			starts = append(starts, k)
		}
	}
	return starts
}

// nameThen marks the positions where something shaped like a name starts
// and runs up to a place where one of ends begins: a capital letter (or
// "al-", "el-"), then only letters, apostrophes, hyphens, dots and single
// spaces, each word after a space capitalised or a particle ("bin", "de").
// Every match of the name-led patterns starts so (their names are
// personName or capitalised words), so no other position can start one.
func nameThen(ends ...string) func(dst []int, text, lower string) []int {
	// A method value, not a closure: the closure of a function inlined
	// where the patterns are made had none of its own calls inlined.
	return nameStarts{newPrefixSet(ends)}.find
}

// nameStarts finds nameThen's starts, with set holding its ends.
type nameStarts struct{ set *prefixSet }

func (ns nameStarts) find(dst []int, text, _ string) []int {
	return ns.scan(dst, text, 0, len(text))
}

// before is find for a pattern whose every match is a name and then, after
// a space, one of its triggers ("Hannah said"), in the window of the line
// at offset w0 (text is the window): a name runs across no byte nameBreaks
// holds, so one that reaches the window's first hit or a later one starts
// after the last such byte before the first, and one that starts after
// the last hit reaches none. Most of the window is not read.
func (ns nameStarts) before(dst []int, text string, hits []hit, tag uint32, w0 int) []int {
	first, last := -1, 0
	for _, h := range hits {
		if h.at >= w0+len(text) {
			break // the hits come in order of position
		}
		if h.at >= w0 && h.tags&tag != 0 {
			if first < 0 {
				first = h.at - w0
			}
			last = h.at - w0
		}
	}
	if first < 0 {
		return dst[:0]
	}
	from := first
	for from > 0 && !nameBreaks[text[from-1]] {
		from--
	}
	return ns.scan(dst, text, from, last)
}

// nameBreaks holds the ASCII bytes no personName holds: all but letters,
// apostrophes, hyphens, dots and spaces.
var nameBreaks = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiLetter(byte(c)) && !strings.ContainsRune("'-. ", rune(c))
	}
	return t
}()

// scan is find over text[from:to], reading on past to for the ends.
func (ns nameStarts) scan(dst []int, text string, from, to int) []int {
	set := ns.set
	starts := dst[:0]
	// Whether a character lets a name go on does not depend on where
	// the name began, so the starts of one run of such characters go
	// as far as each other: one pass marks each start of a run where
	// ends holds at it or later in the run (walking on from every
	// start read each run once per word in it).
	var buf [8]int
	pending, inRun := buf[:0], false
	for k := from; k < to; {
		if !inRun {
			// Outside a name, most bytes start none: passed over in a
			// loop of their own, "a" and "e" stopping it only before
			// "l-".
			for k < to && !(nameLead[text[k]] && startsNameAt(text, k)) {
				k++
			}
			if k >= to {
				break
			}
		}
		if c := text[k]; inRun && 'b' <= c && c <= 'z' && c != 'e' && !set.first[c] {
			// Inside a name, a lower-case letter (but the "a" and "e"
			// of "al-", "el-") starts nothing, ends nothing and lets
			// the name go on.
			k++
			continue
		}
		r, size := rune(text[k]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[k:])
		}
		if nameWordStart(text[k:]) {
			pending, inRun = append(pending, k), true
		}
		if inRun {
			if set.begins(text[k:]) {
				starts = append(starts, pending...) // in order: runs and their words come left to right
				pending = pending[:0]
			}
			goesOn := r < utf8.RuneSelf && asciiLetter(byte(r)) || r >= utf8.RuneSelf && unicode.IsLetter(r) || r == '\'' || r == '-' || r == '.'
			if r == ' ' {
				goesOn = nameWordStart(text[k+1:]) || particleSet.begins(text[k+1:])
			}
			if !goesOn {
				pending, inRun = pending[:0], false
			}
		}
		k += size
	}
	return starts
}

// nameParticles are the lower-case words a name may hold between its
// parts (personName's), each with the space after it.
var (
	nameParticles = []string{"bin ", "ibn ", "de ", "van ", "von ", "der ", "da ", "di ", "abu "}
	particleSet   = newPrefixSet(nameParticles)
)

// prefixSet tells whether a text begins with one of a few texts. The
// text's first two bytes are tested before any text is compared: in the
// name-start scan, most places where one of them could begin (a space
// inside a name) are followed by a byte that continues none (a capital,
// where the texts are a space and a lower-case verb).
type prefixSet struct {
	first, second [256]bool
	texts         []string
	// short holds the one-byte texts, which have no second byte.
	short [256]bool
}

func newPrefixSet(texts []string) *prefixSet {
	p := &prefixSet{texts: texts}
	for _, t := range texts {
		p.first[t[0]] = true
		if len(t) == 1 {
			p.short[t[0]] = true
		} else {
			p.second[t[1]] = true
		}
	}
	return p
}

// begins is small enough to be inlined: the name-start scan asks it at
// most bytes of a name, and the first byte turns most away.
func (p *prefixSet) begins(s string) bool {
	return s != "" && p.first[s[0]] && p.beginsWith(s)
}

// beginsWith is begins for a text whose first byte some of the texts
// begin with.
func (p *prefixSet) beginsWith(s string) bool {
	if p.short[s[0]] {
		return true
	}
	return len(s) > 1 && p.second[s[1]] && hasAnyPrefix(s, p.texts)
}

// nameLead holds the bytes startsNameAt and nameWordStart can hold at: a
// table, read without a call for each byte of the text.
var nameLead = func() (t [256]bool) {
	for c := range t {
		t[c] = 'A' <= c && c <= 'Z' || c >= 0xC0 || c == 'a' || c == 'e'
	}
	return t
}()

// startsNameAt reports whether nameWordStart can hold at byte k of s: an
// ASCII capital, the first byte of a character outside ASCII (a capital
// or not), or "a" and "e" before "l-" ("al-", "el-").
func startsNameAt(s string, k int) bool {
	c := s[k]
	if 'A' <= c && c <= 'Z' || c >= 0xC0 {
		return true
	}
	return (c == 'a' || c == 'e') && k+2 < len(s) && s[k+1] == 'l' && s[k+2] == '-'
}

// nameWordStart reports a word that can begin a name or a part of one: a
// capital letter, or "al-"/"el-" in any case. Small enough to be inlined:
// the name-start scan asks it of most bytes of a name, and nameLead
// turns most others away.
func nameWordStart(s string) bool {
	return s != "" && nameLead[s[0]] && leadsName(s)
}

// leadsName is nameWordStart for a text whose first byte nameLead holds.
func leadsName(s string) bool {
	if c := s[0]; c < utf8.RuneSelf { // most of any text: no decoding
		return 'A' <= c && c <= 'Z' || len(s) >= 3 && (c|0x20 == 'a' || c|0x20 == 'e') && s[1] == 'l' && s[2] == '-'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		// The first two bytes before the call: most prefixes differ there.
		if len(p) > 1 && len(s) > 1 && (s[0] != p[0] || s[1] != p[1]) {
			continue
		}
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// windows are the spans of text findNear searches around the hits
// tagged with tag, merged where they overlap, in text order, in dst's
// room.
func windows(dst [][2]int, text string, hits []hit, tag uint32, before, after int) [][2]int {
	wins := dst[:0]
	for _, h := range hits {
		if h.tags&tag == 0 {
			continue
		}
		i := h.at
		a, b := max(0, i-before), min(len(text), i+len(h.trigger)+after)
		for a > 0 && text[a-1] != ' ' && text[a-1] != '"' && i-a < before+40 {
			a-- // back to the start of the word the window would cut
		}
		wins = append(wins, [2]int{a, b})
	}
	return merged(wins)
}

// merged sorts spans and merges those that overlap. Small enough to be
// inlined: most lines hold one window of a pattern or none.
func merged(wins [][2]int) [][2]int {
	if len(wins) < 2 {
		return wins // an empty list's room is kept for the next line
	}
	return sortMerged(wins)
}

// sortMerged is merged for two spans or more.
func sortMerged(wins [][2]int) [][2]int {
	slices.SortFunc(wins, func(a, b [2]int) int { return a[0] - b[0] }) // sort.Slice reflects, and allocates, every call
	out := wins[:1]
	for _, w := range wins[1:] {
		last := &out[len(out)-1]
		if w[0] <= last[1] {
			last[1] = max(last[1], w[1])
			continue
		}
		out = append(out, w)
	}
	return out
}

// tagTriggers is the set of the triggers of nears, each hit tagged with
// the patterns it is a trigger of: nears[k]'s tag is bit k. Each line's
// hits were looked up in a set of each pattern's triggers, eight times.
func tagTriggers(nears []*near) *triggerSet {
	lists := make([][]string, len(nears))
	for k, n := range nears {
		n.tag, lists[k] = 1<<k, n.triggers
	}
	return newTaggedSet(lists...)
}

// newTaggedSet is the triggerSet of the texts of lists, each tagged with
// bit k for each lists[k] that holds it.
func newTaggedSet(lists ...[]string) *triggerSet {
	if len(lists) > 32 {
		panic("newTaggedSet: more lists than bits in a tag")
	}
	ts := newTriggerSet(slices.Concat(lists...))
	for k, l := range lists {
		for i, t := range ts.list {
			if slices.Contains(l, t) {
				ts.tags[i] |= 1 << k
			}
		}
	}
	return ts
}

// triggerSet finds the occurrences of a list of strings in one pass over
// a text: searching each line once per trigger of each pattern took an
// eighth of the extractor's time.
type triggerSet struct {
	list []string
	// bySecond holds the triggers of two bytes or more that begin with
	// a byte by their second (see secondBytes); nil for a byte no such
	// trigger begins with. Most positions are passed over at a glance,
	// and at the rest only triggers sharing two bytes are compared.
	bySecond [256]*secondBytes
	// single is the index in list of the one-byte trigger b, -1 for none.
	single [256]int32
	// lead holds the bytes some trigger begins with.
	lead [256]bool
	// tags are list's tags (see newTaggedSet), all 0 in a set made by
	// newTriggerSet.
	tags []uint32
	// atStarts: every trigger begins with an ASCII letter or with no
	// letter or digit at all, so that findAtWords finds every hit (the
	// tests hold the person triggers to it).
	atStarts bool
}

// secondBytes are the triggers of two bytes or more that begin with one
// byte, by their second.
type secondBytes struct {
	// at is where those with each second byte c lie in the sorted list:
	// list[at[c]:at[c+1]].
	at [257]int32
	// thirds holds, for each second byte c, bit b&63 for the third byte
	// b of each of those with c, every bit if one has none: a word whose
	// third byte's bit is clear begins none of them. Half of a text's
	// words share their first two bytes with a person trigger ("se",
	// "pr", "co"), and over two in three of them differ from each in the
	// third.
	thirds [256]uint64
}

// hit is an occurrence of a trigger at a byte offset, with the trigger's
// tags.
type hit struct {
	at      int
	trigger string
	tags    uint32
}

func newTriggerSet(list []string) *triggerSet {
	ts := &triggerSet{list: slices.Compact(slices.Sorted(slices.Values(list))), atStarts: true}
	ts.tags = make([]uint32, len(ts.list))
	for b := range ts.single {
		ts.single[b] = -1
	}
	for k, t := range ts.list {
		// A trigger that begins inside a character, or with one that is
		// not UTF-8, may begin inside a word.
		if r, _ := utf8.DecodeRuneInString(t); r == utf8.RuneError || !asciiLetter(t[0]) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			ts.atStarts = false
		}
		ts.lead[t[0]] = true
		if len(t) == 1 {
			ts.single[t[0]] = int32(k)
			continue
		}
		r := ts.bySecond[t[0]]
		if r == nil {
			// Sorted, the triggers beginning with t[0] after k are those
			// with a second byte at least t[1]: ranges start at k.
			r = new(secondBytes)
			for c := range r.at {
				r.at[c] = int32(k)
			}
			ts.bySecond[t[0]] = r
		}
		for c := int(t[1]) + 1; c < len(r.at); c++ {
			r.at[c] = int32(k + 1)
		}
		if len(t) == 2 {
			r.thirds[t[1]] = ^uint64(0)
		} else {
			r.thirds[t[1]] |= 1 << (t[2] & 63)
		}
	}
	return ts
}

// findAtWords returns the occurrences in s by offset, overlapping ones
// included, in dst's room, of a set whose triggers begin with an ASCII
// letter or with no letter or digit (atStarts), one of the first counted
// only at a word's start ("ms" in "Ms Lind", not in "arms"). words are
// s's tokens, in offsets base bytes on: a trigger of the first kind can
// begin only at a word's first byte, and the rest of each word is passed
// over at once (the person patterns' triggers are looked for in every
// article, whose words are found already). A byte of a rune outside a
// word that is not its first begins no such trigger. The look-up at a
// word's start is appendAt's, written out with a filter of third bytes
// before the comparisons: through a call the synthetic corpus cost 0.2%
// more instructions.
func (ts *triggerSet) findAtWords(dst []hit, s string, words []token, base int) []hit {
	out := dst[:0]
	i := 0 // where the bytes outside words start
	// By index, with the bytes after the last word read apart: a loop that
	// went on to a last turn for them, and so asked at each word whether
	// it was the last, cost 0.1% more instructions (0.8% on dev).
	for k := range words {
		// The bytes up to the word, outside words: most begin no trigger.
		for next := words[k].start - base; i < next; i++ {
			if ts.lead[s[i]] {
				out = ts.appendAt(out, s, i)
			}
		}
		// A word's start, written out: most words' first bytes begin
		// some trigger, and a call for each cost more than the search.
		c := s[i]
		if one := ts.single[c]; one >= 0 {
			out = append(out, ts.hit(i, one))
		}
		if r := ts.bySecond[c]; r != nil && i+1 < len(s) && (i+2 == len(s) || r.thirds[s[i+1]]>>(s[i+2]&63)&1 != 0) {
			for t := r.at[s[i+1]]; t < r.at[int(s[i+1])+1]; t++ {
				// The triggers that share a word's first two bytes and may
				// share its third have it compared here, before a call.
				// Sorted, they come in the order of their third bytes (one
				// with none first): past the word's, none matches.
				if w := ts.list[t]; len(w) > 2 {
					if i+2 >= len(s) || w[2] > s[i+2] {
						break
					}
					if w[2] != s[i+2] {
						continue
					}
				}
				if strings.HasPrefix(s[i:], ts.list[t]) {
					out = append(out, ts.hit(i, t))
				}
			}
		}
		i = words[k].end - base
	}
	// The bytes after the last word.
	for ; i < len(s); i++ {
		if ts.lead[s[i]] {
			out = ts.appendAt(out, s, i)
		}
	}
	return out
}

// appendAt appends to out the hits at offset i of s, whose byte there
// begins some trigger.
func (ts *triggerSet) appendAt(out []hit, s string, i int) []hit {
	c := s[i]
	if one := ts.single[c]; one >= 0 {
		out = append(out, ts.hit(i, one))
	}
	if r := ts.bySecond[c]; r != nil && i+1 < len(s) {
		for k := r.at[s[i+1]]; k < r.at[int(s[i+1])+1]; k++ {
			// Most triggers that share a word's first two bytes differ
			// in its third, which is compared here, before a call.
			// Sorted, they come in the order of their third bytes (one
			// with none first): past the word's, none matches.
			if t := ts.list[k]; len(t) > 2 {
				if i+2 >= len(s) || t[2] > s[i+2] {
					break
				}
				if t[2] != s[i+2] {
					continue
				}
			}
			if strings.HasPrefix(s[i:], ts.list[k]) {
				out = append(out, ts.hit(i, k))
			}
		}
	}
	return out
}

// hit is list[k]'s hit at offset i.
func (ts *triggerSet) hit(i int, k int32) hit {
	return hit{at: i, trigger: ts.list[k], tags: ts.tags[k]}
}

// any reports whether one of the triggers occurs in s, anywhere. A few
// are each searched for by the byte search, which passes over most of
// the text many bytes at a time; more are found in one pass.
func (ts *triggerSet) any(s string) bool {
	if len(ts.list) <= searchedApart {
		return slices.ContainsFunc(ts.list, func(t string) bool { return strings.Contains(s, t) })
	}
	for range ts.occurring(s) {
		return true
	}
	return false
}

// last is the greatest offset at which one of the triggers occurs in s,
// -1 if none does. A few are each searched for by the byte search, again
// past each occurrence (a text holds few; strings.LastIndex, which reads
// the text byte by byte, cost the synthetic corpus 3% more); more are
// looked for from the end, which stops at the last.
func (ts *triggerSet) last(s string) int {
	last := -1
	if len(ts.list) <= searchedApart {
		for _, t := range ts.list {
			for i, j := 0, strings.Index(s, t); j >= 0; j = strings.Index(s[i:], t) {
				i += j
				last = max(last, i)
				i++
			}
		}
		return last
	}
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if !ts.lead[c] {
			continue // most bytes begin no trigger: one test
		}
		if ts.single[c] >= 0 {
			return i
		}
		r := ts.bySecond[c]
		if r == nil || i+1 == len(s) {
			continue
		}
		for k := r.at[s[i+1]]; k < r.at[int(s[i+1])+1]; k++ {
			if strings.HasPrefix(s[i:], ts.list[k]) {
				return i
			}
		}
	}
	return -1
}

// searchedApart is the most triggers any searches for one by one.
const searchedApart = 4

// occurring yields the triggers that occur in s, anywhere, by their
// index in list, one for each occurrence in text order: find's answer
// with atWords false, or as much of it as the caller reads, without the
// list.
func (ts *triggerSet) occurring(s string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !ts.lead[c] {
				continue // most bytes begin no trigger: one test
			}
			if one := ts.single[c]; one >= 0 && !yield(int(one)) {
				return
			}
			r := ts.bySecond[c]
			if r == nil || i+1 == len(s) {
				continue
			}
			for k := r.at[s[i+1]]; k < r.at[int(s[i+1])+1]; k++ {
				if strings.HasPrefix(s[i:], ts.list[k]) && !yield(int(k)) {
					return
				}
			}
		}
	}
}

func sub(s string, m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// trimTrailingNonName drops trailing words that the name pattern swallowed
// but are not part of a name ("Trump Monday").
func trimTrailingNonName(name string) string {
	if i := strings.LastIndexByte(name, ' '); !notNames.Has(name[i+1:]) && singlySpaced(name) {
		return name // most names: as they are
	}
	f := strings.Fields(name)
	for len(f) > 1 && notNames.Has(f[len(f)-1]) {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// singlySpaced reports that s neither begins nor ends with white space
// and holds no white space but single spaces: strings.Fields and Join
// give it back as it is.
func singlySpaced(s string) bool {
	prev := ' '
	for _, r := range s {
		if unicode.IsSpace(r) && (r != ' ' || prev == ' ') {
			return false
		}
		prev = r
	}
	return prev != ' '
}

// isTitleWord reports a title, in any case and with its period or not:
// "Mr", "mr.", "MINISTER". (strings.ToLower allocated for every
// capitalised word.)
func isTitleWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	// Most words asked are a name's parts: one in ASCII that no title has
	// the first letter and length of is turned away before the map's hash.
	if w != "" && titleShapes[w[0]|0x20]>>len(w)&1 == 0 && asciiOnly(w) {
		return false
	}
	title, _ := lowerLookup(titleWords, w)
	return title
}

// titleShapes holds, for each first byte of titleWords, bit n for each
// title of n bytes that begins with it. An ASCII word's first byte with
// 0x20 set is its lower case's if it is a letter, and no letter if not.
var titleShapes = func() (t [256]uint64) {
	for w := range titleWords {
		t[w[0]] |= 1 << len(w)
	}
	return t
}()

// asciiOnly reports whether s is all ASCII: lower-casing keeps its length.
func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// roleNouns name what people quoted in the news are ("a senior fellow at").
var roleNouns = []string{"fellow", "analyst", "director", "professor", "researcher", "expert", "head",
	"chief", "president", "chair", "spokes", "minister", "ambassador", "envoy", "editor", "correspondent",
	"member", "scholar", "adviser", "advisor", "officer", "official", "founder", "leader", "secretary",
	"commander", "lecturer", "economist", "lawyer", "historian", "specialist", "partner", "executive"}

// roleNounSet finds roleNouns in one pass over a role: a search for
// each was 0.7% of extraction's instructions.
var roleNounSet = newTriggerSet(roleNouns)

func looksLikeRole(role string) bool {
	return roleNounSet.any(strings.ToLower(role))
}

// stateOf resolves a nationality or state name ("Syrian", "U.S.") to a state id.
func (d *docActors) stateOf(s string) string {
	if s == "" {
		return ""
	}
	toks := tokenize(s)
	if len(toks) == 0 {
		return ""
	}
	for _, t := range []*trie{d.g.demonyms, d.g.names} {
		if id, end, ok := t.match(s, toks, 0); ok && end == len(toks) && strings.HasPrefix(id, "state:") {
			return id
		}
	}
	return ""
}

// orgID resolves an organisation name to a gazetteer id, or registers it
// as a new group.
func (d *docActors) orgID(name string) string {
	toks := tokenize(name)
	if len(toks) == 0 {
		return ""
	}
	if id, end, ok := d.g.names.match(name, toks, 0); ok && end == len(toks) {
		return id
	}
	if id, ok := d.groups[name]; ok {
		return id
	}
	id := slug("group:", name)
	d.groups[name] = id
	d.actor(id, name, model.Group)
	return id
}

// actor returns the document's record of an actor, creating it.
func (d *docActors) actor(id, name string, kind model.Kind) *actorInfo {
	if a, ok := d.actors[id]; ok {
		return a
	}
	return d.add(id, name, kind)
}

// add creates the record of an actor the document has none of, for a
// caller that has just asked: most mentions make one.
func (d *docActors) add(id, name string, kind model.Kind) *actorInfo {
	a := d.newInfo()
	*a = actorInfo{id: id, name: name, kind: kind, aliases: a.aliases[:0]}
	d.actors[id] = a
	d.ordered = append(d.ordered, id)
	return a
}

// infoChunk is how many actor records a chunk of docActors.infos holds.
const infoChunk = 32

// newInfo is the next actor record: one left by the document before, or
// a new one.
func (d *docActors) newInfo() *actorInfo {
	c, k := d.used/infoChunk, d.used%infoChunk
	if c == len(d.infos) {
		d.infos = append(d.infos, make([]actorInfo, infoChunk))
	}
	d.used++
	return &d.infos[c][k]
}

// institutions after a demonym make it name the state: "Iranian state media".
var institutions = []string{"government", "officials", "official", "authorities", "state media",
	"foreign ministry", "ministry", "leadership", "leaders", "diplomats", "administration", "regime",
	"presidency", "embassy", "delegation", "state television", "state news agency", "military"}

// mentions finds every actor named in text[s:e]: people first (their
// spans include titles and nationalities), then gazetteer names, then
// demonyms before an institution. The list is d's own, good until the
// next call: every caller reads it at once, and a list per sentence was
// a twenty-fifth of the bytes extraction allocated.
func (d *docActors) mentions(text string, s, e int) []mention {
	// The words are in text's offsets; upto ends with the span, so that
	// no name is read past it.
	toks, upto := d.wordsIn(text, s, e), text[:e]
	out := d.ms[:0]
	taken := func(a, b int) bool {
		for _, m := range out {
			if a < m.end && b > m.start {
				return true
			}
		}
		return false
	}
	add := func(a, b int, id, surface string) {
		if !taken(a, b) {
			out = append(out, mention{start: a, end: b, id: id, surface: surface})
		}
	}
	for k := range d.titled {
		t := &d.titled[k] // not copied: most are in other sentences
		if t.start < s || t.end > e {
			continue
		}
		id, ok := d.byName[t.name]
		if !ok {
			id, ok = d.byName[strings.ToLower(t.name)]
		}
		if ok {
			add(t.start, t.end, id, t.role+" "+t.name)
		}
	}
	for i := 0; i < len(toks); i++ {
		// Most words begin no known name: one hash of the word says so.
		person, listed := true, true
		if t := &toks[i]; t.ascii {
			if !d.begins.has(t.h) {
				continue
			}
			person, listed = d.firsts.has(t.h), d.g.firstWords.has(t.h)
		}
		if !person && !listed {
			continue
		}
		// Known people by full name, then by surname.
		if person {
			if id, end, ok := d.personAt(upto, toks, i); ok {
				add(toks[i].start, toks[end-1].end, id, upto[toks[i].start:toks[end-1].end])
				i = end - 1
				continue
			}
		}
		if !listed {
			continue // no gazetteer name or demonym begins with it
		}
		if id, end, ok := d.g.names.match(upto, toks, i); ok {
			a, b := toks[i].start, toks[end-1].end
			if b < len(upto) && upto[b] == '.' && strings.Contains(upto[a:b], ".") {
				b++ // "U.S."
			}
			if !modifierOnly(text[s:e], a-s, b-s) {
				add(a, b, id, upto[a:b])
			}
			i = end - 1
			continue
		}
		if id, end, ok := d.g.demonyms.match(upto, toks, i); ok && strings.HasPrefix(id, "state:") {
			rest := upto[toks[end-1].end:]
			for _, inst := range institutions {
				if rest != "" && rest[0] == ' ' && hasLowerPrefix(rest[1:], inst) {
					b := toks[end-1].end + 1 + len(inst)
					add(toks[i].start, b, id, upto[toks[i].start:b])
					break
				}
			}
			i = end - 1
		}
	}
	slices.SortFunc(out, func(a, b mention) int { return a.start - b.start }) // no two start alike
	d.ms = out
	return out
}

// wordsIn are the tokens of text[s:e], in text's offsets: the
// document's words that lie in it, when text is the document's and the
// span cuts none of them (the tokens of a span are then the text's
// there), else the span's own.
func (d *docActors) wordsIn(text string, s, e int) []token {
	if w := d.words; text == d.text {
		// Most spans are sentences read in order, each starting where
		// the words of the one before end; the others' first words are
		// searched for.
		lo := d.after
		if lo > 0 && w[lo-1].end > s || lo < len(w) && w[lo].end <= s {
			lo = firstEndingAfter(w, s)
		}
		hi := lo
		for hi < len(w) && w[hi].end <= e {
			hi++
		}
		if (lo == len(w) || w[lo].start >= s) && (hi == len(w) || w[hi].start >= e) {
			d.after = hi
			return w[lo:hi]
		}
	}
	d.toks = tokenizeInto(d.toks[:0], text[:e], s)
	return d.toks
}

// firstEndingAfter is the index of the first of words, which are in
// order, that ends after offset s; len(words) if none does.
func firstEndingAfter(words []token, s int) int {
	lo, hi := 0, len(words)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); words[m].end <= s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// modifierOnly reports a name used as a modifier ("U.S.-led", "Iran-backed",
// "anti-IS"), which names no actor taking a position.
func modifierOnly(seg string, start, end int) bool {
	// Each affix has its hyphen next to the name: most names have none.
	if before := seg[max(0, start-5):start]; strings.HasSuffix(before, "-") &&
		(hasLowerSuffix(before, "anti-") || hasLowerSuffix(before, "pro-") || hasLowerSuffix(before, "non-")) {
		return true
	}
	rest := seg[end:]
	if !strings.HasPrefix(rest, "-") {
		return false
	}
	for _, suf := range []string{"-led", "-backed", "-brokered", "-based", "-controlled", "-allied", "-aligned", "-sponsored"} {
		if strings.HasPrefix(rest, suf) {
			return true
		}
	}
	return false
}

// named maps a full name or surname to a person's id.
func (d *docActors) named(name, id string) {
	d.byName[name] = id
	// The first word's run of letters and digits, if the name opens with
	// one (tokenize's first token there); add lowers it as it hashes.
	if e := wordEnd(name, 0); e > 0 {
		d.firsts.add(name[:e])
		d.begins.add(name[:e])
	}
}

// personAt matches a registered person's full name or surname at token i.
func (d *docActors) personAt(seg string, toks []token, i int) (string, int, bool) {
	for n := min(4, len(toks)-i); n >= 1; n-- {
		cand := seg[toks[i].start:toks[i+n-1].end]
		if id, ok := d.byName[cand]; ok {
			return id, i + n, true
		}
		if n == 1 || (n == 2 && strings.Contains(cand, "-")) {
			if r, _ := utf8.DecodeRuneInString(cand); !unicode.IsUpper(r) && !strings.HasPrefix(cand, "al-") && !strings.HasPrefix(cand, "el-") {
				continue
			}
			if id, ok := d.byName[strings.ToLower(cand)]; ok {
				return id, i + n, true
			}
		}
	}
	return "", 0, false
}

// mergeSurnames folds a person known only by one name ("Trump") into the
// person whose full name ends with it ("Donald Trump"), when exactly one
// does.
func (d *docActors) mergeSurnames() {
	// Longer names first, then by id: "Donald Trump" folds into "Donald
	// J. Trump" before "Trump" looks for its one full name, whatever order
	// a map would give.
	ids := sortedKeys(d.people)
	// Each name's words, split once, in a list: every person is compared
	// with every other, and a walk of the map for each, with a look-up
	// of the words of each, was most of what merging cost.
	people := make([]wordedPerson, len(ids))
	for k, id := range ids {
		p := d.people[id]
		people[k] = wordedPerson{id: id, p: p, words: strings.Fields(p.name)}
	}
	sort.SliceStable(people, func(a, b int) bool { return len(people[a].words) > len(people[b].words) })
	for k := range people {
		w := &people[k]
		if len(w.words) > 2 {
			continue
		}
		// The surname first; failing that any part of the name, as
		// "Mr Saifuddin" for Saifuddin Abdullah.
		full := soleFullName(people, w, true)
		if full == nil {
			full = soleFullName(people, w, false)
		}
		if full == nil {
			continue
		}
		p := w.p
		if full.role == "" {
			full.setRole(p.role)
		}
		if full.orgID == "" {
			full.orgID = p.orgID
		}
		for name, pid := range d.byName {
			if pid == w.id {
				d.byName[name] = full.id
			}
		}
		d.named(strings.ToLower(p.name), full.id)
		d.named(p.name, full.id)
		delete(d.people, w.id)
		w.merged = true
	}
}

// wordedPerson is one of docActors.people, by its id, with its name's
// words, for mergeSurnames; merged once it is folded into another (and
// no longer among the people).
type wordedPerson struct {
	id     string
	p      *person
	words  []string
	merged bool
}

// soleFullName is the one person with more than one name whose last name
// (or, with lastOnly false, any name) is w's name; nil if none or several.
// people are the people not merged, with those merged marked.
func soleFullName(people []wordedPerson, w *wordedPerson, lastOnly bool) *person {
	var full *person
	p, pf := w.p, w.words
	for k := range people {
		q, f := people[k].p, people[k].words
		if people[k].merged || q == p || len(f) < 2 {
			continue
		}
		if len(f) <= len(pf) {
			continue
		}
		// "Le Drian" is the end of "Jean-Yves Le Drian".
		match := strings.EqualFold(strings.Join(f[len(f)-len(pf):], " "), p.name)
		if !lastOnly && len(pf) == 1 {
			for _, w := range f {
				match = match || strings.EqualFold(w, p.name)
			}
		}
		if match {
			if full != nil {
				return nil
			}
			full = q
		}
	}
	return full
}
