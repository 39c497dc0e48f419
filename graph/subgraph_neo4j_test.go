package graph_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/internal/nlptest"
)

// TestSubgraphDrawsOneTopicAndCountsThemAll: an answer's graph on one
// topic draws that topic's stance edges alone, the same the graph view
// draws, while each actor's stances count every topic, as the actor list
// does; actors come most evidence first, an unknown id is left out, and
// the affiliations are those among the actors.
func TestSubgraphDrawsOneTopicAndCountsThemAll(t *testing.T) {
	st := neo4jtest.Empty(t)
	neo4jtest.SeedWith(t, st, nlptest.FastTopics(t, neo4jtest.Topic, neo4jtest.TarvoTopic), neo4jtest.SeedsDir(t), neo4jtest.TarvoDir(t))
	ctx := context.Background()
	tarvo := neo4jtest.TarvoTopic.ID
	all, _, err := st.Actors(ctx, graph.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]graph.Actor{}
	ids := []string{"person:nobody-at-all"}
	for _, a := range all {
		byID[a.ID] = a
		ids = append(ids, a.ID)
	}
	onTarvo, err := st.Graph(ctx, graph.ActorFilter{Topic: tarvo})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := st.Graph(ctx, graph.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := st.Subgraph(ctx, ids, tarvo)
	if err != nil {
		t.Fatal(err)
	}
	if len(onTarvo.Stances) == 0 || len(onTarvo.Stances) == len(whole.Stances) {
		t.Fatalf("%d stance edges on %s of %d: want some, not all", len(onTarvo.Stances), tarvo, len(whole.Stances))
	}
	edge := func(e graph.StanceEdge) string { return e.ID() }
	got, want := sortedBy(sg.Stances, edge), sortedBy(onTarvo.Stances, edge)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stance edges on %s: %v, the graph view draws %v", tarvo, got, want)
	}
	if len(sg.Topics) != 1 || sg.Topics[0].ID != tarvo {
		t.Errorf("topics %v, want %s alone", sg.Topics, tarvo)
	}
	if len(sg.Actors) != len(all) {
		t.Errorf("%d actors of %d asked for (and one unknown)", len(sg.Actors), len(all))
	}
	for i, a := range sg.Actors {
		if w := byID[a.ID]; !reflect.DeepEqual(a.Stances, w.Stances) || a.Evidence != w.Evidence {
			t.Errorf("%s: stances %v (%d claims), the actor list counts %v (%d)", a.ID, a.Stances, a.Evidence, w.Stances, w.Evidence)
		}
		if i > 0 && sg.Actors[i-1].Evidence < a.Evidence {
			t.Errorf("%s (%d claims) after %s (%d): want most evidence first", a.ID, a.Evidence, sg.Actors[i-1].ID, sg.Actors[i-1].Evidence)
		}
	}
	link := func(l graph.Link) string { return l.ID() + "|" + l.Role }
	if got, want := sortedBy(sg.Affiliations, link), sortedBy(whole.Affiliations, link); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("affiliations %v, the whole graph has %v", got, want)
	}
}

func sortedBy[T any](xs []T, key func(T) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, key(x))
	}
	slices.Sort(out)
	return out
}
