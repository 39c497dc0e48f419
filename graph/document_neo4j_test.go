package graph_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
