package graph_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/model"
)

// TestClaimsWrittenUnderOneTopicKeepTheirMarks: a claim written when claim
// ids left the topic out takes the topic's id on the next write of its
// document and keeps its review mark.
func TestClaimsWrittenUnderOneTopicKeepTheirMarks(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	topic := model.Topic{ID: "dam", Name: "The dam accord", Terms: []string{"dam accord"}}
	claim := model.Claim{ActorID: "state:chl", Actor: "Chile", Kind: model.State, Stance: model.Support,
		Evidence: "Chile backed the dam accord.", End: 28, Attribution: model.Reported, Topic: topic.ID}
	doc := graph.DocumentInput{ID: "doc-1", Name: "a.txt", Source: "a.txt", SHA256: "x", Text: claim.Evidence,
		Topics: []model.Topic{topic}, Actors: []model.Actor{{ID: claim.ActorID, Name: "Chile", Kind: model.State, Mentions: 1}},
		Claims: []model.Claim{claim}}
	if err := st.WriteDocument(ctx, doc, 100); err != nil {
		t.Fatal(err)
	}
	// The id as the single-topic version computed it: no topic in it.
	h := sha256.Sum256([]byte(doc.ID + "\x00" + claim.ActorID + "\x00" + string(claim.Stance) + "\x00" + claim.Evidence))
	old := "claim:" + hex.EncodeToString(h[:12])
	id := graph.ClaimID(doc.ID, claim)
	if id == old {
		t.Fatal("the claim id leaves the topic out")
	}
	if err := st.WriteForTest(ctx, `MATCH (c:Claim {id: $id}) SET c.id = $old, c.review = 'confirmed'`, map[string]any{"id": id, "old": old}); err != nil {
		t.Fatal(err)
	}
	if err := st.WriteDocument(ctx, doc, 100); err != nil {
		t.Fatal(err)
	}
	rows, err := st.ReadQuery(ctx, `MATCH (c:Claim) RETURN c.id, c.review`, nil, 10*time.Second, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows.Rows) != 1 || rows.Rows[0][0] != id || rows.Rows[0][1] != "confirmed" {
		t.Fatalf("claims after the rewrite: %v, want [%s confirmed]", rows.Rows, id)
	}
}

// TestDocumentsWrittenTogether: documents written in one transaction, one
// of them too large for a statement's batch and one a rewrite of a stored
// document, leave the same graph as their claims say: summary edges equal
// to a count of the claims, mentions and topics as written.
func TestDocumentsWrittenTogether(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	topic := model.Topic{ID: "dam", Name: "The dam accord", Terms: []string{"dam accord"}}
	actors := map[string]model.Actor{
		"chl": {ID: "state:chl", Name: "Chile", Kind: model.State, Mentions: 1},
		"per": {ID: "state:per", Name: "Peru", Kind: model.State, Mentions: 2},
		"bol": {ID: "state:bol", Name: "Bolivia", Kind: model.State, Mentions: 1},
	}
	doc := func(id string, stances ...string) graph.DocumentInput {
		in := graph.DocumentInput{ID: id, Name: id + ".txt", Source: id + ".txt", SHA256: id, Topics: []model.Topic{topic}}
		seen := map[string]bool{}
		for i := 0; i < len(stances); i += 2 {
			a := actors[stances[i]]
			text := a.Name + " took a view on the dam accord in " + id + "."
			in.Claims = append(in.Claims, model.Claim{ActorID: a.ID, Actor: a.Name, Kind: a.Kind, Stance: model.Stance(stances[i+1]),
				Evidence: text, End: len(text), Attribution: model.Reported, Topic: topic.ID})
			if !seen[a.ID] {
				seen[a.ID] = true
				in.Actors = append(in.Actors, a)
			}
		}
		return in
	}
	// summaries reads the summary edges; recount counts the claims.
	summaries := func() map[string][2]int64 {
		rows, err := st.ReadQuery(ctx, `MATCH (a:Actor)-[s]->(:Topic {id: 'dam'}) WHERE s.claims IS NOT NULL
RETURN a.id + ' ' + type(s), s.claims, s.documents`, nil, 10*time.Second, 100)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][2]int64{}
		for _, r := range rows.Rows {
			out[r[0].(string)] = [2]int64{r[1].(int64), r[2].(int64)}
		}
		return out
	}
	recount := func() map[string][2]int64 {
		out := map[string][2]int64{}
		for _, s := range model.Stances() {
			rows, err := st.ReadQuery(ctx, `MATCH (a:Actor)-[:MADE]->(c:Claim {stance: $stance})-[:ABOUT]->(:Topic {id: 'dam'}), (c)-[:IN]->(d)
RETURN a.id, count(c), count(DISTINCT d)`, map[string]any{"stance": string(s)}, 10*time.Second, 100)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows.Rows {
				out[r[0].(string)+" "+s.Relationship()] = [2]int64{r[1].(int64), r[2].(int64)}
			}
		}
		return out
	}
	steps := []struct {
		name string
		docs []graph.DocumentInput
		want map[string][2]int64 // summary edges: claims, documents
	}{
		{"three new documents", []graph.DocumentInput{doc("c", "per", "oppose", "bol", "cautious", "chl", "support"),
			doc("a", "chl", "support", "per", "oppose"), doc("b", "chl", "support")},
			map[string][2]int64{"state:chl SUPPORTS": {3, 3}, "state:per OPPOSES": {2, 2}, "state:bol CAUTIOUS_ON": {1, 1}}},
		{"a rewrite beside new documents", []graph.DocumentInput{doc("d", "bol", "support"), doc("a", "chl", "cautious"), doc("e", "per", "oppose")},
			map[string][2]int64{"state:chl SUPPORTS": {2, 2}, "state:chl CAUTIOUS_ON": {1, 1}, "state:per OPPOSES": {2, 2},
				"state:bol CAUTIOUS_ON": {1, 1}, "state:bol SUPPORTS": {1, 1}}},
	}
	for _, s := range steps {
		// A batch of two rows: document c (three claims) is written in
		// batches of its own, before the others (whose statement carries
		// the summary deltas on a first load) or between them.
		if err := st.WriteDocuments(ctx, s.docs, 2); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		got := summaries()
		if !reflect.DeepEqual(got, s.want) {
			t.Errorf("%s: summary edges %v, want %v", s.name, got, s.want)
		}
		if rc := recount(); !reflect.DeepEqual(got, rc) {
			t.Errorf("%s: summary edges %v, claims counted %v", s.name, got, rc)
		}
	}
	rows, err := st.ReadQuery(ctx, `MATCH (d:Document)-[:ABOUT]->(:Topic {id: 'dam'}) OPTIONAL MATCH (d)-[m:MENTIONS]->(a)
RETURN d.id, collect(a.id + '=' + toString(m.count)) ORDER BY d.id`, nil, 10*time.Second, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows.Rows) != 5 {
		t.Fatalf("documents about the topic: %v", rows.Rows)
	}
	for _, r := range rows.Rows {
		if r[0] == "c" && len(r[1].([]any)) != 3 || r[0] == "a" && !reflect.DeepEqual(r[1], []any{"state:chl=1"}) {
			t.Errorf("mentions of %v: %v", r[0], r[1])
		}
	}
}
