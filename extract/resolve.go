package extract

import (
	"encoding/binary"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/model"
)

// resolve keeps one claim per actor: the actor's stance in the document as
// a reader would sum it up, with the most direct evidence for it. Support
// with reservations is cautious; opposition with reservations stays
// opposition; support and opposition go to the side with the stronger
// evidence, and to opposition on a tie (the earlier one scored worse on
// the dev corpus).
func (d *docState) resolve() []model.Claim {
	if len(d.cands) == 0 {
		return nil
	}
	// The candidates' indexes, each actor's together in the order they
	// were found: a map of a list per actor made half of the bytes the
	// extraction allocated.
	idx := make([]int, len(d.cands))
	for k := range idx {
		idx[k] = k
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(d.cands[a].actor, d.cands[b].actor) })
	// Each actor's pick: its first candidate's index and its best's.
	type pick struct{ first, best int }
	var picks []pick
	for lo := 0; lo < len(idx); {
		hi := lo + 1
		for hi < len(idx) && d.cands[idx[hi]].actor == d.cands[idx[lo]].actor {
			hi++
		}
		cs := idx[lo:hi]
		var weight weights
		for _, k := range cs {
			weight.add(d.cands[k].stance, d.cands[k].conf)
		}
		stance := pickStance(weight)
		best := -1
		for _, k := range cs {
			if c := &d.cands[k]; c.stance == stance && (best < 0 || c.conf > d.cands[best].conf) {
				best = k
			}
		}
		picks = append(picks, pick{first: cs[0], best: best})
		lo = hi
	}
	// The actors in the order they were first found, then by their
	// evidence's place: of two actors' claims from one sentence, the one
	// found first comes first.
	slices.SortFunc(picks, func(a, b pick) int { return a.first - b.first })
	// A claim is a large struct: the list is made at its size, not grown.
	claims := make([]model.Claim, 0, len(picks))
	for _, p := range picks {
		claims = append(claims, d.claim(d.cands[p.best]))
	}
	sort.SliceStable(claims, func(a, b int) bool { return claims[a].Start < claims[b].Start })
	return claims
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

// claim turns a candidate into a claim with its evidence sentence.
func (d *docState) claim(c candidate) model.Claim {
	a := d.actorFor(c.actor)
	s := &d.sents[c.sent]
	ob, oe := d.n.origAt(s.start), d.n.origAt(s.end)
	return model.Claim{
		Doc: d.doc.Name, ActorID: c.actor, Actor: a.name, Kind: a.kind, Stance: c.stance,
		Aliases: a.aliases.sorted(), Evidence: d.doc.Text[ob:oe],
		Start: d.runeOffset(ob), End: d.runeOffset(oe),
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
			if i+8 <= len(text) && binary.LittleEndian.Uint64([]byte(text[i:i+8]))&0x8080808080808080 == 0 {
				i += 8 // eight ASCII bytes at once
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
