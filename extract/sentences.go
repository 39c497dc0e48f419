package extract

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/syntax"
)

// docState carries what one document's pass has learnt so far.
type docState struct {
	x     *Extractor
	doc   Document
	n     normalized
	lower string
	lines []line
	sents []sent
	// quoted is 1 for each byte of the normalized text that lies between
	// quotation marks, 0 for the rest: bytes, so that whether a sentence
	// holds a quote is one byte search (a loop over bools was 0.7% of
	// extraction).
	quoted []byte
	acts   *docActors
	// about: the article names the topic, so "the deal" and "the move"
	// in it refer to the topic.
	about bool
	cands []candidate
	// collective marks the groups named by a common noun phrase
	// ("Republican lawmakers") rather than by a name.
	collective map[string]bool
	// blocks holds, per sentence, the label block it stands under.
	blocks []*block
	// chained is how deep a pronoun chain is being followed.
	chained int
	// asked, when set, records what the stances ask of the topic besides
	// its marks (see ask).
	asked *[]question
	// wide lists the document's characters outside ASCII, made on first
	// use by runeOffset.
	wide *wideChars
	// scratch is the working lists of a document the extractor finished,
	// handed back to it when this one is done.
	scratch *scratch
	// judging is mayJudge's answer, its room kept for the next sentence.
	judging []int
}

// wideChars are where a text's characters outside ASCII start (at) and
// how many bytes beyond one each takes, added to those before it (extra).
type wideChars struct {
	at, extra []int
}

// sent is one sentence: byte offsets into the normalized text, the line
// (paragraph) it belongs to, and its parse if it was parsed.
type sent struct {
	start, end int
	line       int
	p          *syntax.Sentence
	// topic marks the tokens that belong to a name of the topic.
	topic []bool
	// actor holds, per token, the actor the token names ("" for none).
	actor []string
	// speaker says the sentence's quoted words.
	speaker string
	// anaphoric holds, per token, isAnaphor's answer once asked (see
	// anaphor), memoNo or memoYes; topicIn, topicIn's, for the topic
	// marked (setMarks forgets it).
	anaphoric []uint8
	topicIn   uint8
}

// docText is a document's text normalized and lower-cased: the same for
// every topic, so read once for all of them.
type docText struct {
	n     normalized
	lower string
}

func readText(doc Document) docText {
	// Normalized and lowered in one pass up to the first byte to
	// normalize, if any: most texts have none, and their words were read
	// once to find that and once to lower them. From that byte on, the
	// text is normalized and then lowered apart: a text with many bytes
	// to normalize (curly quotes, any text outside ASCII) took longer to
	// lower run by run, written to two builders, than in one pass after.
	var lower strings.Builder
	lower.Grow(len(doc.Text))
	n := normalized{text: doc.Text}
	if i := lowerKept(&lower, doc.Text); i < len(doc.Text) {
		n = normalizeFrom(doc.Text, i)
		lowerTo(&lower, n.text[i:]) // n.text[:i] is doc.Text[:i], written
	}
	return docText{n: n, lower: lower.String()}
}

func newDocState(x *Extractor, doc Document, t docText, about bool) *docState {
	n := t.n
	sc := x.lists()
	d := &docState{x: x, doc: doc, n: n, lower: t.lower, about: about, acts: sc.acts, collective: map[string]bool{},
		scratch: sc, cands: sc.cands[:0]}
	sc.lines, sc.segs = segment(n.text, sc.lines[:0], sc.segs[:0])
	d.lines = sc.lines
	sc.sents = emptied(sc.sents, len(sc.segs))
	d.sents = sc.sents
	for i, s := range sc.segs {
		d.sents[i] = sent{start: s.start, end: s.end, line: s.line}
	}
	d.skipDateline()
	sc.quoted = quoteMask(emptied(sc.quoted, len(n.text)+1), n.text, d.lines)
	d.quoted = sc.quoted
	d.acts.findPeople(n.text, d.lower)
	return d
}

// Datelines open a report with where it was filed and by whom:
// "WASHINGTON (AP) - ", "OSLO, Nov. 20, 2025 (Reuters) - ", "(Reuters) - ",
// "VIENNA-Iran ..." (normalization has made dashes hyphens), "New Delhi: ".
var (
	reDashDateline  = regexp.MustCompile(`^(?:([A-Z][A-Z.'/]+(?: [A-Z][A-Z.'/]+){0,3}),? ?(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})? ?)?(?:\([A-Za-z][A-Za-z .&]{0,30}\))? ?(?: - |--)|([A-Z]{3,}(?: [A-Z]{3,})*)-\b|\([A-Za-z][A-Za-z .&]{0,30}\) ?(?: - |--))`)
	reColonDateline = regexp.MustCompile(`^([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}): +[A-Z]`)
	dashDateline    = anchor(reDashDateline)
	colonDateline   = anchor(reColonDateline)
)

// skipDateline starts the first sentence of the body after its dateline,
// which is no part of the sentence and makes the parser misread it.
func (d *docState) skipDateline() {
	for i := range d.sents {
		s := &d.sents[i]
		if d.lines[s.line].kind == heading {
			continue
		}
		t := d.text(i)
		if !mayOpenDateline(t) {
			return
		}
		n := 0
		if m := dashDateline.submatchIndex(t); m != nil {
			n = m[1]
			// "NATO-Russia talks ...": a name, not a place, opens the sentence.
			for g := 2; g <= 4; g += 2 {
				if m[g] >= 0 {
					if id, ok := d.x.gaz.Lookup(t[m[g]:m[g+1]]); ok && !strings.HasPrefix(id, "state:") {
						n = 0
					}
				}
			}
		} else if m := colonDateline.submatchIndex(t); m != nil {
			// Only a place: "Pope Francis: ..." is a speaker.
			if id, ok := d.x.gaz.Lookup(t[m[2]:m[3]]); ok && strings.HasPrefix(id, "state:") {
				n = m[1] - 1
			}
		}
		if n > 0 && n < len(t) {
			s.start += n
		}
		return
	}
}

// mayOpenDateline reports whether t begins as a dateline must for either
// pattern: "(", two capitals or a capital and a dot, apostrophe or slash
// (reDashDateline), or a capital and a small letter with a colon later
// (reColonDateline). Most articles open with none, and the patterns
// cost more to say so.
func mayOpenDateline(t string) bool {
	if len(t) < 2 {
		return false
	}
	c, n := t[0], t[1]
	return c == '(' || 'A' <= c && c <= 'Z' && ('A' <= n && n <= 'Z' || n == '.' || n == '\'' || n == '/' ||
		'a' <= n && n <= 'z' && strings.IndexByte(t, ':') >= 0)
}

// text is a sentence's normalized text.
func (d *docState) text(i int) string { return d.n.text[d.sents[i].start:d.sents[i].end] }

// parse gives structure to the sentences of an article about the topic;
// other articles yield no claims, so only their names are read.
func (d *docState) parse(ctx context.Context, p Parser, named func(lower string) bool) error {
	if !d.about {
		return nil
	}
	// Only sentences that can carry a stance are parsed, or that name a
	// topic the document is read for (named); the rest keep their names
	// from the gazetteer and the patterns.
	sc := d.scratch
	texts, lowers, which := sc.texts[:0], sc.lowers[:0], sc.which[:0]
	words, k := d.acts.words, 0 // the document's, in order as the sentences
	for i := range d.sents {
		t := d.text(i)
		start := d.sents[i].start
		for k < len(words) && words[k].start < start {
			k++
		}
		lower := d.lower[start:d.sents[i].end]
		if !d.x.lex.mayCarry(lower, words[k:], start) && !named(lower) {
			continue
		}
		if d.sents[i].line == 0 && d.lines[0].kind == heading {
			t = d.truecase(t) // ASCII capitals lowered: lower stands
		}
		texts = append(texts, t)
		lowers = append(lowers, lower)
		which = append(which, i)
	}
	sc.texts, sc.lowers, sc.which = texts, lowers, which
	parsed, err := d.parseWith(ctx, p, texts, lowers)
	if err != nil {
		return err
	}
	// One array for all the sentences' actors, not one per sentence.
	total := 0
	for k := range parsed {
		total += len(parsed[k].Tokens)
	}
	d.scratch.actors = emptied(d.scratch.actors, total)
	d.scratch.anaphoric = emptied(d.scratch.anaphoric, total)
	actors, anaphoric := d.scratch.actors, d.scratch.anaphoric
	for k := range parsed {
		n := len(parsed[k].Tokens)
		if n == 0 {
			continue
		}
		s := &d.sents[which[k]]
		s.p = &parsed[k]
		s.actor, actors = actors[:n:n], actors[n:]
		s.anaphoric, anaphoric = anaphoric[:n:n], anaphoric[n:]
	}
	return nil
}

// parsedTokens is how many tokens the parsed sentences hold.
func (d *docState) parsedTokens() int {
	n := 0
	for i := range d.sents {
		if p := d.sents[i].p; p != nil {
			n += len(p.Tokens)
		}
	}
	return n
}

// markTopic marks in each parsed sentence the tokens that name the
// reader's topic, in marks (false, one per parsed token).
func (d *docState) markTopic(marks []bool) {
	d.topicMarks(d.x.topic, marks)
	d.setMarks(marks)
}

// topicMarks sets in marks (false, one per parsed token, the sentences'
// in order) the tokens that name m's topic.
func (d *docState) topicMarks(m *topicMatcher, marks []bool) {
	for i := range d.sents {
		s := &d.sents[i]
		if s.p == nil {
			continue
		}
		n := len(s.p.Tokens)
		m.mark(marks[:n:n], s.p, d.lower[s.start:s.end])
		marks = marks[n:]
	}
}

// setMarks gives each parsed sentence its tokens' marks, which topicMarks
// set.
func (d *docState) setMarks(marks []bool) {
	for i := range d.sents {
		if s := &d.sents[i]; s.p != nil {
			n := len(s.p.Tokens)
			s.topic, marks = marks[:n:n], marks[n:]
			s.topicIn = 0
		}
	}
}

// parseWith parses texts (lowers, lower-cased) with p, into the parses
// of an earlier document if p can fill them again.
func (d *docState) parseWith(ctx context.Context, p Parser, texts, lowers []string) ([]syntax.Sentence, error) {
	rp, ok := p.(reusingParser)
	if !ok {
		return p.Parse(ctx, texts)
	}
	parsed, err := rp.ParseReusing(ctx, texts, lowers, d.scratch.parsed)
	d.scratch.parsed = parsed
	return parsed, err
}

// truecase lower-cases the words of a Title Case headline that the
// article writes in lower case ("Greens Slam Submarine Pact"), so that the
// parser sees verbs as verbs. Only ASCII letters change, so offsets hold.
func (d *docState) truecase(h string) string {
	words := strings.Fields(h)
	caps := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	if caps*3 < len(words)*2 {
		return h // not Title Case
	}
	body := d.n.text[d.lines[0].end:]
	b := []byte(h)
	for k := 0; k < len(h); {
		end := k
		for end < len(h) && h[end] != ' ' {
			end++
		}
		w := h[k:end]
		if k > 0 && len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z' {
			lw := strings.ToLower(w[:1]) + w[1:]
			if containsWord(body, lw) && !containsWord(body, w) {
				b[k] = lw[0]
			}
		}
		k = end + 1
	}
	return string(b)
}

// containsWord reports w in s as a whole word.
func containsWord(s, w string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		from = i + len(w)
	}
}

// inQuote reports whether token t of sentence i is quoted.
func (d *docState) inQuote(i, t int) bool {
	s := &d.sents[i]
	return d.quoted[s.start+s.p.Tokens[t].Start] != 0
}

// quoteMask marks what lies between quotation marks, paragraph by
// paragraph: a quote left open at the end of a paragraph is closed there,
// as news style continues a quote in the next paragraph with a new opening
// mark. Single quotes count when they open at a word's start and close at
// a word's end, so that apostrophes ("Israel's", "don't") do not. mask
// is len(text)+1 zero bytes, set (1 for a quoted byte) and returned.
func quoteMask(mask []byte, text string, lines []line) []byte {
	for _, ln := range lines {
		double, single := false, false
		// dq is where the line's next '"' is, found once for all the
		// apostrophes before it (ln.end for none).
		dq := -1
		for i := ln.start; i < ln.end; i++ {
			if dq < i {
				dq = ln.end
				if k := strings.IndexByte(text[i:ln.end], '"'); k >= 0 {
					dq = i + k
				}
			}
			// Between quotation marks and apostrophes the state holds: the
			// bytes up to the next one take it at once.
			if next := nextQuote(text[i:dq]); next != 0 {
				if double || single {
					fillOnes(mask[i : i+next])
				}
				i += next
				if i == ln.end {
					break
				}
			}
			c := text[i]
			switch {
			case c == '"':
				double = !double
				if double {
					single = false
				}
			case c == '\'' && !double:
				prev, next := prevRune(text, i, ln.start), nextRune(text, i+1, ln.end)
				opens := !single && (prev == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([-:", prev)) && unicode.IsLetter(next)
				closes := single && prev != 0 && !unicode.IsSpace(prev) && (next == 0 || unicode.IsSpace(next) || unicode.IsPunct(next))
				if opens || closes {
					single = !single
				}
			}
			if double || single {
				mask[i] = 1
			}
		}
	}
	return mask
}

// nextQuote is the offset in s, which runs up to the next '"' or to the
// end of its line, of its first "'", len(s) if none.
func nextQuote(s string) int {
	if k := strings.IndexByte(s, '\''); k >= 0 {
		return k
	}
	return len(s)
}

// fillOnes sets every byte of b to 1, copying what is set so far, as much
// again each time: a quote's bytes set one by one were a third of what
// marking the dev corpus's quotes cost.
func fillOnes(b []byte) {
	if len(b) == 0 {
		return
	}
	b[0] = 1
	for k := 1; k < len(b); k *= 2 {
		copy(b[k:], b[:k])
	}
}

func prevRune(s string, i, floor int) rune {
	if i <= floor {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[floor:i])
	return r
}

func nextRune(s string, i, ceil int) rune {
	if i >= ceil {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:ceil])
	return r
}

// opensQuoted reports a paragraph that begins with an opening quotation
// mark: news style for a quote that goes on from the paragraph before.
func (d *docState) opensQuoted(line int) bool {
	ln := d.lines[line]
	return ln.end > ln.start && (d.n.text[ln.start] == '"' || d.n.text[ln.start] == '\'')
}

// copyFor is a copy of d, read, with reader x's topic marked (marks, as
// topicMarks sets them), to read that topic's stances from: what the
// stances change (the tokens' actors, the document's actors, its
// collective groups, the candidates) is copied; the text, parses and
// label blocks, which nothing changes after read, are shared. The copy
// hands no working lists back, and makes its own (judging).
func (d *docState) copyFor(x *Extractor, marks []bool) *docState {
	c := *d
	c.x, c.scratch, c.judging = x, nil, nil
	c.sents = slices.Clone(d.sents)
	actors := make([]string, len(marks)) // one per parsed token, as marks
	for i := range c.sents {
		if s := &c.sents[i]; s.p != nil {
			k := copy(actors, s.actor)
			s.actor, actors = actors[:k:k], actors[k:]
		}
	}
	c.acts = d.acts.clone()
	c.collective = maps.Clone(d.collective)
	c.cands = slices.Clone(d.cands)
	c.setMarks(marks)
	return &c
}
