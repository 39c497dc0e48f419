package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract/wordset"
)

// speechVerbs attribute words to a speaker ("X said", "X told
// reporters", "X wrote on X").
var speechLemmas = wordset.Of(map[string]bool{
	"say": true, "tell": true, "add": true, "state": true, "write": true, "tweet": true, "post": true,
	"declare": true, "insist": true, "argue": true, "warn": true, "note": true, "stress": true,
	"claim": true, "assert": true, "remark": true, "reply": true, "respond": true, "comment": true,
	"observe": true, "acknowledge": true, "contend": true, "maintain": true, "emphasise": true,
	"emphasize": true, "explain": true, "suggest": true, "predict": true, "announce": true,
	"caution": true, "admit": true, "concede": true, "reiterate": true, "repeat": true, "affirm": true,
	"confirm": true, "complain": true, "quip": true, "proclaim": true, "assure": true, "underline": true,
	"underscore": true, "highlight": true, "point": true, "told": true, "agree": true, "continue": true,
	"conclude": true, "believe": true, "think": true, "feel": true, "recall": true, "vow": true,
	"pledge": true, "promise": true, "urge": true, "demand": true, "ask": true, "question": true,
	"wonder": true, "lament": true, "hope": true, "fear": true, "charge": true, "allege": true,
	"signal": true, "indicate": true, "stating": true, "answer": true, "expect": true, "quote": true,
})

// findSpeakers attributes each sentence's quoted words. A speech verb
// outside the quotation names the speaker ("..., X said"; "X said: ...";
// "according to X"); the other sentences of a quote that runs over
// several take the same speaker, and a paragraph that is nothing but a
// quote goes on with the speaker of the paragraph before.
func (d *docState) findSpeakers() {
	// Where each sentence's first speech verb outside quotes is (-1 for
	// none): only such sentences are read again below, from there on.
	speaks := make([]int, len(d.sents))
	// Whether each sentence holds quoted words, read once: continueQuotes
	// asks of the same sentences again and again.
	quoted := make([]bool, len(d.sents))
	for i := range d.sents {
		speaks[i] = -1
		if d.sents[i].p != nil {
			d.sents[i].speaker, speaks[i] = d.speechIn(i, 0)
		}
		quoted[i] = d.hasQuote(i)
	}
	d.continueQuotes(quoted)
	// Once quotes have their speakers, "She told the BBC: ..." finds who
	// "she" is; only then do a colon's or a dash's names count.
	signs := make([]lineSign, len(d.lines))
	for i := range d.sents {
		if d.sents[i].speaker == "" && speaks[i] >= 0 {
			d.sents[i].speaker, _ = d.speechIn(i, speaks[i])
		}
		if d.sents[i].speaker == "" {
			d.sents[i].speaker = d.signedBy(i, &signs[d.sents[i].line])
		}
	}
	d.signedHeadline()
	d.continueQuotes(quoted)
}

// continueQuotes gives quoted sentences (quoted, by sentence) with no
// speaker of their own the speaker of the quote they belong to.
func (d *docState) continueQuotes(quoted []bool) {
	// Paragraph by paragraph: the sentences, in text order, hold each
	// paragraph's together (a search of every sentence for every
	// paragraph grew with the square of the article; lists of each
	// paragraph's first and last, made for every call, cost more than a
	// walk of the sentences).
	for first := 0; first < len(d.sents); {
		ln, last := d.sents[first].line, d.paragraphEnd(first)
		// Within the paragraph: quoted sentences with no speaker of their
		// own take the nearest one, the later first ("..." X said).
		for i := first; i <= last; i++ {
			if d.sents[i].speaker != "" || !quoted[i] {
				continue
			}
			for j := i + 1; j <= last; j++ {
				if d.sents[j].speaker != "" {
					d.sents[i].speaker = d.sents[j].speaker
					break
				}
				if !quoted[j] {
					break
				}
			}
			if d.sents[i].speaker == "" && i > first && quoted[i-1] {
				d.sents[i].speaker = d.sents[i-1].speaker
			}
		}
		// A paragraph that opens a quote with nobody named continues the
		// quote of the paragraph before, or takes the speaker announced
		// by one that ended with a colon.
		if d.sents[first].speaker == "" && d.opensQuoted(ln) && first > 0 {
			prev := first - 1
			if sp := d.sents[prev].speaker; sp != "" && (quoted[prev] || strings.HasSuffix(d.text(prev), ":")) {
				for i := first; i <= last && quoted[i] && d.sents[i].speaker == ""; i++ {
					d.sents[i].speaker = sp
				}
			}
		}
		first = last + 1
	}
}

// paragraphEnd is the last sentence of the paragraph sentence first
// begins.
func (d *docState) paragraphEnd(first int) int {
	last := first
	for last+1 < len(d.sents) && d.sents[last+1].line == d.sents[first].line {
		last++
	}
	return last
}

// signedBy finds the speaker a sentence's line names by a dash after its
// quote or before a colon; a speaker the gazetteer cannot name under a
// label ("Foreign Ministry:" under "Saudi Arabia - ...:") is the label's
// actor. sign is the line's, read on the first ask.
func (d *docState) signedBy(i int, sign *lineSign) string {
	s := &d.sents[i]
	if !sign.read {
		*sign = d.lineSigns(s.line)
	}
	if sign.dashFrom >= 0 && s.end >= sign.dashFrom && sign.dashID != "" {
		return sign.dashID
	}
	if sign.lead {
		if sign.leadID != "" {
			return sign.leadID
		}
		if b := d.blocks[i]; b != nil && b.actor != "" {
			return b.actor
		}
	}
	return ""
}

// lineSign is what signedBy reads of a line: every sentence of a
// paragraph asks of the same line, and reading it again for each one
// grew with the square of the paragraph.
type lineSign struct {
	read bool
	// dashFrom is where the names after a quote's dash start (-1 for no
	// dash), dashID the first actor they name.
	dashFrom int
	dashID   string
	// lead is a speaker before a colon, leadID the actor it names.
	lead   bool
	leadID string
}

func (d *docState) lineSigns(l int) lineSign {
	ln := d.lines[l]
	text := d.n.text[ln.start:ln.end]
	sign := lineSign{read: true, dashFrom: -1}
	// Both signs are read by a quotation mark: most lines hold none.
	if strings.IndexByte(text, '"') < 0 {
		return sign
	}
	if m := dashSigned(text); m != nil {
		sign.dashFrom = ln.start + m[2]
		if ms := d.acts.mentions(d.n.text, sign.dashFrom, ln.end); len(ms) > 0 {
			sign.dashID = ms[0].id
		}
	}
	if m := leadSpeaker(text); m != nil {
		sign.lead = true
		if ms := d.acts.mentions(d.n.text, ln.start, ln.start+m[3]); len(ms) > 0 {
			sign.leadID = ms[0].id
		}
	}
	return sign
}

// dashSigned finds a quote signed with a dash ('"..." - Sen. Rand Paul
// (R-KY)'): the first quotation mark from which white space or none, a
// dash, white space or none, and 3 to 90 characters, no newline among
// them, run to the line's end; the match and the signature's offsets as the
// pattern `"\s*-\s*(.{3,90})$` would give them, or nil. Every sentence
// without a speaker asks it of its whole line.
func dashSigned(line string) []int {
	for q := strings.IndexByte(line, '"'); q >= 0; {
		if g := signatureAfter(line, q+1); g >= 0 {
			return []int{q, len(line), g, len(line)}
		}
		next := strings.IndexByte(line[q+1:], '"')
		if next < 0 {
			break
		}
		q += 1 + next
	}
	return nil
}

// signatureAfter is where the signature dashSigned reads from offset i
// starts, or -1.
func signatureAfter(line string, i int) int {
	i = skipSpace(line, i)
	if i == len(line) || line[i] != '-' {
		return -1
	}
	dash := i + 1
	i = skipSpace(line, dash)
	rest := line[i:]
	n := utf8.RuneCountInString(rest)
	if n > 90 || strings.IndexByte(rest, '\n') >= 0 {
		return -1
	}
	// Too short, the signature takes back white space, but no newline.
	for ; n < 3 && i > dash && line[i-1] != '\n'; n++ {
		i--
	}
	if n < 3 {
		return -1
	}
	return i
}

// leadSpeaker finds a speaker named before a colon ('President Erdogan:
// "..."'): the line's start, of 2 to 80 characters with no colon and no
// quotation mark, then a colon, a space or none, and a quotation mark;
// the match and the speaker's offsets as a pattern's submatch would give
// them, or nil. (As a pattern, each try cleared and walked a table of the
// pattern's steps, its 80 repeats among them, by the line's bytes: a
// hundredth of the synthetic corpus's extraction.)
func leadSpeaker(line string) []int {
	// The colon comes right before the first quotation mark, or a space
	// before it, and no colon before it: a search for the quotation mark
	// stops where the speaker could, where one for a colon read on
	// through lines that hold none.
	q := strings.IndexByte(line, '"')
	var colon int
	switch {
	case q >= 1 && line[q-1] == ':':
		colon = q - 1
	case q >= 2 && line[q-2:q] == ": ":
		colon = q - 2
	default:
		return nil
	}
	if strings.IndexByte(line[:colon], ':') >= 0 {
		return nil
	}
	if n := utf8.RuneCountInString(line[:colon]); n < 2 || n > 80 {
		return nil
	}
	return []int{0, q + 1, 0, colon}
}

// signedHeadline reads "WORDS: NAME" in the headline as NAME's words: the
// words before the colon count as quoted, and NAME speaks them.
func (d *docState) signedHeadline() {
	if len(d.sents) == 0 || d.sents[0].line != 0 || d.lines[0].kind != heading {
		return
	}
	ln := d.lines[0]
	text := d.n.text[ln.start:ln.end]
	m := headlineSigned(text)
	if m == nil {
		return
	}
	name := text[m[4]:m[5]]
	if len(strings.Fields(name)) > 6 || !looksLikeName(strings.TrimSpace(name)) {
		return
	}
	ms := d.acts.mentions(d.n.text, ln.start+m[4], ln.start+m[5])
	if len(ms) == 0 {
		return
	}
	for k := ln.start; k < ln.start+m[3]; k++ {
		d.quoted[k] = 1
	}
	for i := range d.sents {
		if d.sents[i].line == 0 && d.sents[i].speaker == "" {
			d.sents[i].speaker = ms[0].id
		}
	}
}

// headlineSigned finds "WORDS: NAME" in a headline, which gives NAME's
// words ("Deal must put rights first: Amnesty"): 8 characters or more,
// no newline among them, before the last colon, white space or none, and
// 2 to 60 characters with no colon or quotation mark to the end; the
// match and the two parts' offsets as the pattern
// `^(.{8,}?):\s*([^:"]{2,60})$` would give them, or nil.
func headlineSigned(text string) []int {
	c := strings.LastIndexByte(text, ':') // the name holds no colon
	if c < 0 || strings.IndexByte(text[:c], '\n') >= 0 || utf8.RuneCountInString(text[:c]) < 8 {
		return nil
	}
	if strings.IndexByte(text[c+1:], '"') >= 0 {
		return nil
	}
	i := skipSpace(text, c+1)
	n := utf8.RuneCountInString(text[i:])
	if n > 60 {
		return nil
	}
	// Too short, the name takes back white space.
	for ; n < 2 && i > c+1; n++ {
		i--
	}
	if n < 2 {
		return nil
	}
	return []int{0, len(text), 0, c, i, len(text)}
}

// hasQuote reports whether sentence i holds quoted words.
func (d *docState) hasQuote(i int) bool {
	s := &d.sents[i]
	return bytes.IndexByte(d.quoted[s.start:s.end], 1) >= 0
}

// speechIn finds the actor who is the subject of sentence i's speech verb
// outside its quotes, or the X of "according to X", reading from token
// from on, and the first token that is either (-1 for none): without one,
// no later finding can give it a speaker here; with one, the words before
// it need no second reading, since what skips them is the parse's.
func (d *docState) speechIn(i, from int) (string, int) {
	p := d.sents[i].p
	speaks := -1
	for t := from; t < len(p.Tokens); t++ {
		lemma, verb := p.LowerLemma(t), p.Tokens[t].IsVerb()
		// Most words are neither verbs nor "according": asked before the
		// quotes are, and those before the list of speech verbs.
		if !verb && lemma != "according" || d.inQuote(i, t) {
			continue
		}
		speech := verb && speechLemmas.Has(lemma)
		if !speech && lemma != "according" {
			continue
		}
		if speech {
			speaks = firstOf(speaks, t)
			for _, e := range p.OutIn(t, relsNsubj) {
				if id := d.holder(i, e.Dep); id != "" {
					return id, speaks
				}
			}
			// "Addressing an audience in Washington, Mr Trump said": a
			// person right before the verb, however the parser hung them.
			if t > 0 && isPerson(d.sents[i].actor[t-1]) && !d.inQuote(i, t-1) && !p.HasIn(t, relsNsubj) && !p.HasIn(t-1, relsCase) {
				return d.sents[i].actor[t-1], speaks
			}
			// '"...," said Jane Mallory' parsed with the speaker as object.
			if lemma == "say" {
				for _, e := range p.OutIn(t, relsObj) {
					if id := d.holder(i, e.Dep); isPerson(id) {
						return id, speaks
					}
				}
			}
		}
		if lemma == "according" && t+1 < len(p.Tokens) && p.Lower(t+1) == "to" {
			speaks = firstOf(speaks, t)
			if h, _ := p.Head(t); h >= 0 {
				if id := d.holder(i, h); id != "" {
					return id, speaks
				}
			}
		}
	}
	return "", speaks
}

// firstOf is first, or t when there is none yet (-1).
func firstOf(first, t int) int {
	if first < 0 {
		return t
	}
	return first
}
