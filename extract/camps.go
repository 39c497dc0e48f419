package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/model"
)

// camps reads the sides news names by a prefix on the event's own name:
// "anti-pact protesters", "the pro-deal camp", "an anti-Mercosur alliance
// that counts Poland and Austria". The members an including clause lists
// take the side; with none listed, the phrase names the group.
func (d *docState) camps(i int) {
	p := d.sents[i].p
	// Each word is a piece of the sentence's text as written (CoreNLP's
	// too: its original text): with no hyphen there, none is "anti-" or
	// "pro-" anything, and most sentences are not read word by word.
	if strings.IndexByte(p.Text, '-') < 0 {
		return
	}
	for c := range p.Tokens {
		w := p.Lower(c)
		if len(w) < len("pro-x") || w[3] != '-' && w[4] != '-' {
			continue // most words: no "pro-" or "anti-" to read, no call
		}
		stance, ok := d.campPrefix(w)
		if !ok {
			continue
		}
		tok := &p.Tokens[c]
		h, rel := p.Head(c)
		if h < 0 || rel != "amod" && rel != "compound" || !p.Tokens[h].IsNoun() {
			continue
		}
		var members []int
		for _, v := range p.Children(h, "acl:relcl", "acl") {
			if including[p.LowerLemma(v)] {
				members = append(members, p.Children(v, "obj")...)
			}
		}
		for _, e := range p.Out(h, "nmod:including") {
			members = append(members, e.Dep)
		}
		heads := members // the members named are the ones who act
		if len(heads) == 0 {
			heads = []int{h}
		}
		for _, k := range heads {
			for _, id := range d.expand(i, k) {
				d.add(candidate{sent: i, actor: id, stance: stance, attr: model.Reported, cue: tok.Text, conf: 0.7})
			}
		}
	}
}

// including are the verbs by which a side lists its members.
var including = map[string]bool{"count": true, "include": true, "comprise": true, "unite": true,
	"gather": true, "number": true}

// campPrefix reads "anti-X" as opposition to the event and "pro-X" as
// support when X names it: a word by which news refers to an event
// ("anti-deal", "pro-accord"). Against the first name of one of the
// topic's terms counts too ("anti-Mercosur" for "Mercosur deal"), but
// not for it: "pro-Brexit" MPs may fight a Brexit deal.
func (d *docState) campPrefix(w string) (model.Stance, bool) {
	var stance model.Stance
	var rest string
	switch {
	case strings.HasPrefix(w, "anti-"):
		stance, rest = model.Oppose, w[len("anti-"):]
	case strings.HasPrefix(w, "pro-"):
		stance, rest = model.Support, w[len("pro-"):]
	default:
		return "", false
	}
	if anaphors.Has(rest) {
		return stance, true
	}
	if stance != model.Oppose {
		return "", false
	}
	if d.ask(question{kind: askLeadName, arg: rest}) {
		return stance, true
	}
	return "", false
}
