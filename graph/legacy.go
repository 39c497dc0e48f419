package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/model"
)

// AdoptDocument gives a legacy document the identity of today's (id, name,
// source) and its claims the ids they have under it, so that its review
// marks carry over and the next write sees the document as its own.
func (s *Store) AdoptDocument(ctx context.Context, legacyID string, in DocumentInput) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, `MATCH (d:Document {id: $old})<-[:IN]-(c:Claim)<-[:MADE]-(a:Actor), (c)-[:ABOUT]->(t:Topic)
RETURN c.id AS id, a.id AS actor, t.id AS topic, c.stance AS stance, c.quote AS quote`, map[string]any{"old": legacyID})
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		rekey := make([]map[string]any, 0, len(recs))
		for _, r := range recs {
			c := model.Claim{ActorID: str(field(r, "actor")), Topic: str(field(r, "topic")), Stance: model.Stance(str(field(r, "stance"))), Evidence: str(field(r, "quote"))}
			rekey = append(rekey, map[string]any{"old": str(field(r, "id")), "new": ClaimID(in.ID, c)})
		}
		res, err = tx.Run(ctx, `MATCH (d:Document {id: $old})
SET d.id = $new, d.name = $name, d.source = $source
SET d.search = `+documentSearch+`
WITH d
UNWIND $claims AS r
MATCH (c:Claim {id: r.old})
SET c.id = r.new`, map[string]any{"old": legacyID, "new": in.ID, "name": in.Name, "source": in.Source, "claims": rekey})
		if err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return nil, err
	})
	if err != nil {
		return s.translate(ctx, err, "adopt document %s", legacyID)
	}
	return nil
}
