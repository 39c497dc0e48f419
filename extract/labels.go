package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/model"
)

// block is the scope of a label line such as "Turkey - Strong
// Opposition:", "Republican Critics:" or "European Partners:": the lines
// under it, up to the next label or heading, are that actor's reaction or
// reactions of that kind. A label whose first line follows it without a
// blank line heads that paragraph only: the blank line after it returns
// to the article's own prose.
type block struct {
	actor  string
	stance model.Stance
	label  string
	// paragraph: the label heads the paragraph it begins, not a section.
	paragraph bool
}

// findLabels reads every label line, claims its stance for its actor and
// records the block each later sentence falls in.
func (d *docState) findLabels() {
	d.blocks = make([]*block, len(d.sents))
	var cur *block
	si := 0
	for l, ln := range d.lines {
		switch {
		case ln.kind == heading:
			cur = nil
		case ln.kind == label:
			cur = d.parseLabel(l)
			cur.paragraph = l+1 < len(d.lines) && !d.blankBefore(l+1)
		case cur != nil && cur.paragraph && d.blankBefore(l):
			cur = nil
		}
		for ; si < len(d.sents) && d.sents[si].line == l; si++ {
			if ln.kind != label {
				d.blocks[si] = cur
			} else if cur != nil && cur.actor != "" && cur.stance != "" && d.about {
				d.add(candidate{sent: si, actor: cur.actor, stance: cur.stance, attr: model.Label, cue: "label: " + cur.label, conf: 0.9})
			}
		}
	}
}

// blankBefore reports a blank line between line l and the line before.
func (d *docState) blankBefore(l int) bool {
	return l > 0 && strings.Count(d.n.text[d.lines[l-1].end:d.lines[l].start], "\n") > 1
}

// parseLabel reads "Actor - stance words:", "Actor:" or "Stance words:".
func (d *docState) parseLabel(l int) *block {
	ln := d.lines[l]
	text := strings.TrimSuffix(d.n.text[ln.start:ln.end], ":")
	b := &block{label: text}
	actorPart, stancePart := text, text
	if k := strings.Index(text, " - "); k > 0 {
		actorPart, stancePart = text[:k], text[k+3:]
	}
	if ms := d.acts.mentions(d.n.text, ln.start, ln.start+len(actorPart)); len(ms) == 1 {
		b.actor = ms[0].id
		if actorPart == text {
			stancePart = text[ms[0].end-ln.start:]
		}
	} else if len(ms) == 0 && actorPart != text {
		// "U.S. Allies - Concerns": a group the gazetteer does not know.
		id := slug("group:", actorPart)
		d.acts.actor(id, actorPart, model.Group)
		b.actor = id
	}
	if s, ok := labelStance(stancePart); ok {
		b.stance = s
	}
	return b
}

// The stance words of labels: "Strong Opposition", "Qualified Support",
// "Supportive", "Republican Critics", "Concerns". Opposition wins over the
// hedge that softens it ("Cautious Opposition"); a hedged support is
// cautious. Each is a word (or two) of the label: \b(?:words)\b.
var (
	labelHedge    = wordsPattern(`qualified|cautious|conditional|tentative|guarded|mixed|limited`)
	labelOppose   = wordsPattern(`opposition|opposed|opposes|critics|critical|against|condemnation|rejection|criticism`)
	labelSupport  = wordsPattern(`support|supportive|supporters|supports|backing|backers|welcomes?|in favou?r`)
	labelCautious = wordsPattern(`concerns?|reservations|cautious|caution|wary|skeptical|sceptical|mixed|ambivalent`)
)

func labelStance(words string) (model.Stance, bool) {
	w := strings.ToLower(words)
	switch {
	case labelOppose.inWords(w):
		return model.Oppose, true
	case labelSupport.inWords(w):
		if labelHedge.inWords(w) {
			return model.Cautious, true
		}
		return model.Support, true
	case labelCautious.inWords(w):
		return model.Cautious, true
	}
	return "", false
}

// blockClaims gives the stance of the label a sentence stands under to the
// sentence's speaker: "President Erdogan: '...'" under "Turkey - Strong
// Opposition:", a quote signed "- Sen. Rand Paul" under "Republican
// Supporters:". It reports whether it did.
func (d *docState) blockClaims(i int) bool {
	b := d.blocks[i]
	sp := d.sents[i].speaker
	if b == nil || b.stance == "" || sp == "" {
		return false
	}
	d.add(candidate{sent: i, actor: sp, stance: b.stance, attr: model.Quote, cue: "label: " + b.label, conf: 0.85})
	return true
}
