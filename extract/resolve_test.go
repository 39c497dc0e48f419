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
		{"each actor's candidates summed among others'",
			[]candidate{c(2, "state:chl", model.Oppose, 0.4), c(1, "state:per", model.Oppose, 0.6), c(0, "state:chl", model.Support, 0.3),
				c(2, "state:nor", model.Support, 0.5), c(1, "state:chl", model.Support, 0.3), c(0, "state:per", model.Support, 0.5)},
			[]string{"state:chl support 0", "state:per oppose 1", "state:nor support 2"}},
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

// TestSortedInLeavesNoRoom: each list is its names sorted, in the room of
// the one list made for all, with no room after it, so that appending to
// one leaves the next alone; no names give an empty list, not none.
func TestSortedInLeavesNoRoom(t *testing.T) {
	lists := []aliases{
		{"Ministry of Trade", "Trade Ministry", "ministry"},
		nil,
		{"Olu Adeyemi"},
		{"Mr Brandt", "Brandt", "Karl Brandt", "Brandt"},
	}
	total := 0
	for _, names := range lists {
		total += len(names)
	}
	store := make([]string, 0, total)
	var got [][]string
	for _, names := range lists {
		got = append(got, sortedIn(&store, names))
	}
	for k, names := range lists {
		want := slices.Sorted(slices.Values(names))
		if !slices.Equal(got[k], want) || got[k] == nil || cap(got[k]) != len(got[k]) {
			t.Errorf("list %d: got %q (room %d), want %q with no room", k, got[k], cap(got[k]), want)
		}
		got[k] = append(got[k], "Zed") // grows into new room
	}
	if want := []string{"Ministry of Trade", "Trade Ministry", "ministry", "Olu Adeyemi", "Brandt", "Brandt", "Karl Brandt", "Mr Brandt"}; !slices.Equal(store, want) {
		t.Errorf("store %q, want %q", store, want)
	}
	// A document whose actors have no names at all.
	empty := make([]string, 0)
	if got := sortedIn(&empty, nil); got == nil {
		t.Error("no names in an empty store: none, want an empty list")
	}
}

// TestResultListsClaimedActors: an actor the document never mentions is
// listed when it has a claim, with the claim's names, and not without one.
func TestResultListsClaimedActors(t *testing.T) {
	x := fuzzExtractor(t)
	d := docOf(t, x, "Chile backed the pact on Monday. Peru rejected it on Tuesday.")
	for _, tt := range []struct {
		name    string
		claimed []string
		want    []string
	}{
		{"none claimed", nil, nil},
		{"one claimed", []string{"state:per"}, []string{"state:per"}},
		{"both claimed", []string{"state:per", "state:chl"}, []string{"state:chl", "state:per"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d.cands = nil
			d.actorFor("state:chl").aliases = aliases{"Santiago", "Chile"}
			d.actorFor("state:per").aliases = aliases{"Peru"}
			for _, id := range tt.claimed {
				d.cands = append(d.cands, candidate{sent: 0, actor: id, stance: model.Support, attr: model.Reported, cue: "cue", conf: 0.8})
			}
			r := d.result()
			var got []string
			for _, a := range r.Actors {
				got = append(got, a.ID)
				k := slices.IndexFunc(r.Claims, func(c model.Claim) bool { return c.ActorID == a.ID })
				if k < 0 || !slices.Equal(a.Aliases, r.Claims[k].Aliases) || !slices.IsSorted(a.Aliases) {
					t.Errorf("actor %s names %q, its claim's %+v", a.ID, a.Aliases, r.Claims)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("listed %q, want %q", got, tt.want)
			}
		})
	}
}
