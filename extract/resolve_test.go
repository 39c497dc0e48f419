package extract

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/model"
)

// TestResolveKeepsOneClaimPerActor: each actor's stance summed up, its
// strongest candidate for it the evidence (the first of equals), the
// claims in their sentences' order and, within one sentence, in the order
// their actors were first found.
func TestResolveKeepsOneClaimPerActor(t *testing.T) {
	x := fuzzExtractor(t)
	d := docOf(t, x, "Chile backed the pact on Monday. Peru and Norway rejected it on Tuesday. Norway repeated its view.")
	if len(d.sents) != 3 {
		t.Fatalf("%d sentences, want 3", len(d.sents))
	}
	c := func(sent int, actor string, stance model.Stance, conf float64) candidate {
		return candidate{sent: sent, actor: actor, stance: stance, attr: model.Reported, cue: "cue", conf: conf}
	}
	for _, tt := range []struct {
		name  string
		cands []candidate
		want  []string // actor, stance and evidence sentence
	}{
		{"none", nil, nil},
		{"one each, in the sentences' order",
			[]candidate{c(1, "state:per", model.Oppose, 0.8), c(0, "state:chl", model.Support, 0.7)},
			[]string{"state:chl support 0", "state:per oppose 1"}},
		{"one sentence's claims in the order their actors were found",
			[]candidate{c(1, "state:per", model.Oppose, 0.6), c(1, "state:chl", model.Oppose, 0.8), c(0, "state:per", model.Oppose, 0.5)},
			[]string{"state:per oppose 1", "state:chl oppose 1"}},
		{"the stronger side wins, its strongest candidate the evidence",
			[]candidate{c(0, "state:chl", model.Support, 0.7), c(2, "state:chl", model.Oppose, 0.5), c(1, "state:chl", model.Oppose, 0.6)},
			[]string{"state:chl oppose 1"}},
		{"of equal candidates the first found",
			[]candidate{c(2, "state:nor", model.Oppose, 0.6), c(1, "state:nor", model.Oppose, 0.6)},
			[]string{"state:nor oppose 2"}},
		{"support with reservations is cautious",
			[]candidate{c(0, "state:chl", model.Support, 0.9), c(2, "state:chl", model.Cautious, 0.4)},
			[]string{"state:chl cautious 2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d.cands = tt.cands
			var got []string
			for _, cl := range d.resolve() {
				sent := slices.IndexFunc(d.sents, func(s sent) bool { return cl.Evidence == d.doc.Text[d.n.origAt(s.start):d.n.origAt(s.end)] })
				got = append(got, fmt.Sprintf("%s %s %d", cl.ActorID, cl.Stance, sent))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
