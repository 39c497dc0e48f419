package extract

import (
	"cmp"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/model"
)

// resolve keeps one claim per actor: the actor's stance in the document as
// a reader would sum it up, with the most direct evidence for it. Support
// with reservations is cautious; opposition with reservations stays
// opposition; support and opposition go to the side with the stronger
// evidence, and to opposition on a tie (the earlier one scored worse on
// the dev corpus). The claims come in their evidence's order.
func (d *docState) resolve() []model.Claim {
	if len(d.cands) == 0 {
		return nil
	}
	picks := d.picks()
	// The claims in their evidence's order, and of two actors' claims
	// from one sentence, the one found first first. (Sorted once the
	// claims were made, the large structs were swapped.)
	slices.SortFunc(picks, func(a, b pick) int { return cmp.Or(a.start-b.start, a.first-b.first) })
	// A claim is a large struct: the list is made at its size, not grown;
	// the claims' aliases share one list too.
	names := 0
	for _, p := range picks {
		names += len(p.a.aliases)
	}
	claims := make([]model.Claim, 0, len(picks))
	store := make([]string, 0, names)
	for _, p := range picks {
		claims = append(claims, d.claim(d.cands[p.best], p.a, p.start, sortedIn(&store, p.a.aliases)))
	}
	return claims
}

// pick is an actor's claim to be: its first candidate's index, what its
// candidates weigh for each stance and the stance they give, its best
// candidate's index, its record and where its evidence starts.
type pick struct {
	actor              string
	first, best, start int
	weight             weights
	stance             model.Stance
	a                  *actorInfo
}

// picks are the candidates' actors' picks, in the order the actors were
// first found. A candidate's actor is looked for among the picks, the
// latest first (an actor's candidates come together): sorting the
// candidates by actor cost more, and a map of a list per actor made half
// of the bytes the extraction allocated.
func (d *docState) picks() []pick {
	picks := make([]pick, 0, len(d.cands))
	of := make([]int, len(d.cands)) // each candidate's pick
	for k := range d.cands {
		c := &d.cands[k]
		p := len(picks) - 1
		for p >= 0 && picks[p].actor != c.actor {
			p--
		}
		if p < 0 {
			p = len(picks)
			picks = append(picks, pick{actor: c.actor, first: k, best: -1})
		}
		picks[p].weight.add(c.stance, c.conf)
		of[k] = p
	}
	// The best candidate for the stance the weights give: the strongest,
	// the first found of equals.
	for p := range picks {
		picks[p].stance = pickStance(picks[p].weight)
	}
	for k := range d.cands {
		c, p := &d.cands[k], &picks[of[k]]
		if c.stance == p.stance && (p.best < 0 || c.conf > d.cands[p.best].conf) {
			p.best = k
		}
	}
	for p := range picks {
		best := &d.cands[picks[p].best]
		picks[p].a = d.actorFor(best.actor)
		picks[p].start = d.runeOffset(d.n.origAt(d.sents[best.sent].start))
	}
	return picks
}

// sortedIn is names sorted, in the room of store, which has enough: the
// lists of a document's actors are made together, not one each. The list
// leaves no room after it, so that one appended to grows into new room
// (no list is changed in place).
func sortedIn(store *[]string, names aliases) []string {
	lo := len(*store)
	*store = append(*store, names...)
	out := (*store)[lo:len(*store):len(*store)]
	slices.Sort(out)
	return out
}

// weights are the summed confidence of an actor's candidates for each
// stance: three sums, not a map made for every actor of every document.
type weights struct{ sup, opp, cau float64 }

func (w *weights) add(s model.Stance, conf float64) {
	switch s {
	case model.Support:
		w.sup += conf
	case model.Oppose:
		w.opp += conf
	case model.Cautious:
		w.cau += conf
	}
}

func pickStance(w weights) model.Stance {
	sup, opp, cau := w.sup, w.opp, w.cau
	switch {
	case sup > 0 && opp > 0:
		if sup > opp {
			return model.Support
		}
		return model.Oppose
	case opp > 0:
		return model.Oppose
	case sup > 0 && cau > 0:
		return model.Cautious
	case sup > 0:
		return model.Support
	}
	return model.Cautious
}

// claim turns a candidate of actor a, its evidence starting at character
// start, into a claim with its evidence sentence and the actor's names.
func (d *docState) claim(c candidate, a *actorInfo, start int, names []string) model.Claim {
	s := &d.sents[c.sent]
	ob, oe := d.n.origAt(s.start), d.n.origAt(s.end)
	return model.Claim{
		Doc: d.doc.Name, ActorID: c.actor, Actor: a.name, Kind: a.kind, Stance: c.stance,
		Aliases: names, Evidence: d.doc.Text[ob:oe],
		Start: start, End: d.runeOffset(oe),
		Attribution: c.attr, Cue: c.cue, Confidence: c.conf, Topic: d.x.topic.t.ID,
	}
}

// runeOffset converts a byte offset in the document's text, at the start
// of a character (as normalize's offsets are), into a character (rune)
// offset: the bytes before it less those the wider characters before it
// take beyond one each. News is mostly ASCII: a table of every byte's
// offset took four bytes per byte of text, and a decoding pass over it.
func (d *docState) runeOffset(byteOff int) int {
	if d.wide == nil {
		w := &wideChars{}
		text, extra := d.doc.Text, 0
		for i := 0; i < len(text); {
			if i+32 <= len(text) && (load64(text, i)|load64(text, i+8)|load64(text, i+16)|load64(text, i+24))&highBits == 0 {
				i += 32 // four words of ASCII at once: a word at a time, the loop cost more than the test
				continue
			}
			if i+8 <= len(text) && load64(text, i)&highBits == 0 {
				i += 8
				continue
			}
			if text[i] < utf8.RuneSelf {
				i++
				continue
			}
			_, size := utf8.DecodeRuneInString(text[i:])
			extra += size - 1
			w.at, w.extra = append(w.at, i), append(w.extra, extra)
			i += size
		}
		d.wide = w
	}
	// The wide characters that start before byteOff.
	k := sort.SearchInts(d.wide.at, byteOff)
	if k == 0 {
		return byteOff
	}
	return byteOff - d.wide.extra[k-1]
}
