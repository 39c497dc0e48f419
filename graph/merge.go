package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/model"
)

// Merge statements. An analyst's merge moves every claim, mention and
// affiliation of one actor onto another, keeps its names as aliases, and
// leaves a (:Merge) decision behind so that re-ingesting its documents
// writes onto the actor it was merged into.
const (
	cypherMergeMove = `MATCH (from:Actor {id: $from}), (into:Actor {id: $into})
CALL { WITH from, into
  MATCH (from)-[m:MADE]->(c:Claim) CREATE (into)-[:MADE]->(c) DELETE m }
CALL { WITH from, into
  MATCH (d:Document)-[m:MENTIONS]->(from)
  MERGE (d)-[n:MENTIONS]->(into) ON CREATE SET n.count = 0
  SET n.count = n.count + m.count DELETE m }
CALL { WITH from, into
  MATCH (from)-[f:AFFILIATED_WITH]->(o:Actor) WHERE o <> into
  MERGE (into)-[g:AFFILIATED_WITH]->(o) SET g.role = coalesce(g.role, f.role) }
CALL { WITH from, into
  MATCH (p:Actor)-[f:AFFILIATED_WITH]->(from) WHERE p <> into
  MERGE (p)-[g:AFFILIATED_WITH]->(into) SET g.role = coalesce(g.role, f.role) }
SET into.aliases = coalesce(into.aliases, []) + [x IN [from.name] + coalesce(from.aliases, []) WHERE NOT x IN coalesce(into.aliases, []) AND x <> into.name]
SET into.aliases_text = reduce(s = '', x IN into.aliases | s + ' ' + x)
MERGE (x:Merge {from: $from})
SET x.into = $into, x.names = [from.name] + coalesce(from.aliases, []), x.at = datetime()
WITH from
MATCH (earlier:Merge {into: $from}) SET earlier.into = $into`

	cypherMergeDrop = `MATCH (from:Actor {id: $from}) DETACH DELETE from`
)

// MergeActors makes the actors in from one with into (each named by id,
// or by an exact name or alias): their claims, mentions and affiliations
// move to it, their names become its aliases, and the decision is kept so
// that a later ingest of their documents writes onto into. It returns
// into as it now is.
func (s *Store) MergeActors(ctx context.Context, into string, from []string) (model.Actor, error) {
	into, err := s.ActorID(ctx, into)
	if err != nil {
		return model.Actor{}, err
	}
	ids := make([]string, len(from))
	for i, f := range from {
		if ids[i], err = s.ActorID(ctx, f); err != nil {
			return model.Actor{}, err
		}
	}
	from = ids
	out, err := s.inWrite(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		target, err := actorIn(ctx, tx, into)
		if err != nil {
			return nil, err
		}
		for _, f := range from {
			if f == into {
				return nil, model.Errorf(model.Invalid, "cannot merge %s into itself", f)
			}
			src, err := actorIn(ctx, tx, f)
			if err != nil {
				return nil, err
			}
			if src.Kind != target.Kind {
				return nil, model.Errorf(model.Invalid, "cannot merge %s (%s) into %s (%s): not the same kind", src.Name, src.Kind, target.Name, target.Kind)
			}
			if err := rekeyClaims(ctx, tx, f, into); err != nil {
				return nil, err
			}
			for _, q := range []string{cypherMergeMove, cypherMergeDrop} {
				if err := exec(ctx, tx, q, map[string]any{"from": f, "into": into}); err != nil {
					return nil, err
				}
			}
		}
		if err := exec(ctx, tx, cypherSummaries(), map[string]any{"actors": []string{into}}); err != nil {
			return nil, err
		}
		return actorIn(ctx, tx, into)
	}, "merge %s into %s", strings.Join(from, ", "), into)
	if err != nil {
		return model.Actor{}, err
	}
	return out.(model.Actor), nil
}

// rekeyClaims gives the claims of actor from the ids they will have as
// into's claims, so that review marks survive a later re-ingest, which
// computes claim ids from the actor. A claim into already has is the
// same claim: from's copy goes.
func rekeyClaims(ctx context.Context, tx neo4j.ManagedTransaction, from, into string) error {
	return rekeyClaimsNamed(ctx, tx, from, into, nil)
}

// rekeyClaimsNamed is rekeyClaims for the claims whose document named the
// actor by one of names (any case); nil is every claim.
func rekeyClaimsNamed(ctx context.Context, tx neo4j.ManagedTransaction, from, into string, names []string) error {
	res, err := tx.Run(ctx, `MATCH (:Actor {id: $from})-[:MADE]->(c:Claim)-[:IN]->(d:Document), (c)-[:ABOUT]->(t:Topic)
WHERE $names IS NULL OR toLower(c.actor_name) IN $names
RETURN c.id AS id, d.id AS doc, t.id AS topic, c.stance AS stance, c.quote AS quote`, map[string]any{"from": from, "names": lowered(names)})
	if err != nil {
		return err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return err
	}
	rows := make([]map[string]any, 0, len(recs))
	for _, r := range recs {
		c := model.Claim{ActorID: into, Topic: str(field(r, "topic")), Stance: model.Stance(str(field(r, "stance"))), Evidence: str(field(r, "quote"))}
		rows = append(rows, map[string]any{"old": str(field(r, "id")), "new": ClaimID(str(field(r, "doc")), c)})
	}
	return exec(ctx, tx, `UNWIND $rows AS r
MATCH (c:Claim {id: r.old})
OPTIONAL MATCH (dup:Claim {id: r.new}) WHERE dup <> c
FOREACH (_ IN CASE WHEN dup IS NULL THEN [1] ELSE [] END | SET c.id = r.new)
FOREACH (_ IN CASE WHEN dup IS NULL THEN [] ELSE [1] END | DETACH DELETE c)`, map[string]any{"rows": rows})
}

// actorIn reads one actor inside a transaction.
func actorIn(ctx context.Context, tx neo4j.ManagedTransaction, id string) (model.Actor, error) {
	rec, err := first(ctx, tx, `MATCH (a:Actor {id: $id}) RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases`,
		map[string]any{"id": id}, model.Errorf(model.NotFound, "no actor %q", id))
	if err != nil {
		return model.Actor{}, err
	}
	return modelActor(rec), nil
}

func modelActor(r *neo4j.Record) model.Actor {
	a := model.Actor{ID: str(field(r, "id")), Name: str(field(r, "name")), Kind: model.Kind(str(field(r, "kind")))}
	if xs, ok := field(r, "aliases").([]any); ok {
		for _, x := range xs {
			a.Aliases = append(a.Aliases, str(x))
		}
	}
	return a
}

// Merges returns the analysts' merge decisions: merged actor id -> the id
// it became.
func (s *Store) Merges(ctx context.Context) (map[string]string, error) {
	recs, err := s.read(ctx, "MATCH (m:Merge) RETURN m.from AS from, m.into AS into", nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(recs))
	for _, r := range recs {
		out[str(field(r, "from"))] = str(field(r, "into"))
	}
	return out, nil
}

// ActorID finds the one actor an analyst means by an id or an exact name
// or alias (any case): an error names the candidates when several fit.
func (s *Store) ActorID(ctx context.Context, idOrName string) (string, error) {
	recs, err := s.read(ctx, `MATCH (a:Actor)
WHERE a.id = $q OR toLower(a.name) = toLower($q) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($q))
RETURN a.id AS id, a.name AS name, a.id = $q AS exact ORDER BY exact DESC, a.id LIMIT 6`, map[string]any{"q": strings.TrimSpace(idOrName)})
	if err != nil {
		return "", err
	}
	switch {
	case len(recs) == 0:
		return "", model.Errorf(model.NotFound, "no actor is called %q", idOrName)
	case len(recs) == 1:
		return str(field(recs[0], "id")), nil
	}
	if exact, _ := field(recs[0], "exact").(bool); exact {
		return str(field(recs[0], "id")), nil
	}
	var names []string
	for _, r := range recs {
		names = append(names, fmt.Sprintf("%s (%s)", str(field(r, "name")), str(field(r, "id"))))
	}
	return "", model.Errorf(model.Invalid, "%q names several actors: %s; give an id", idOrName, strings.Join(names, ", "))
}

// lowered is names in lower case, or nil for nil.
func lowered(names []string) any {
	if names == nil {
		return nil
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.ToLower(strings.TrimSpace(n))
	}
	return out
}

// Split statements: the claims whose documents used the split-off names
// move to a new actor with those names, and a (:Split) decision keeps
// them apart when their documents are ingested again.
const (
	cypherSplitCreate = `MATCH (old:Actor {id: $id})
CREATE (n:Actor {id: $new, name: $names[0], kind: old.kind, aliases: $names[1..]})
SET n.aliases_text = reduce(s = '', x IN $names | s + ' ' + x)
FOREACH (_ IN CASE WHEN old:Person THEN [1] ELSE [] END | SET n:Person)
FOREACH (_ IN CASE WHEN old:State THEN [1] ELSE [] END | SET n:State)
FOREACH (_ IN CASE WHEN old:Group THEN [1] ELSE [] END | SET n:Group)
SET old.aliases = [x IN coalesce(old.aliases, []) WHERE NOT toLower(x) IN $lower]
SET old.aliases_text = reduce(s = '', x IN old.aliases | s + ' ' + x)
WITH old, n
MATCH (old)-[m:MADE]->(c:Claim) WHERE toLower(c.actor_name) IN $lower
CREATE (n)-[:MADE]->(c) DELETE m`

	cypherSplitDecide = `MERGE (x:Split {id: $new})
SET x.from = $id, x.names = $names, x.at = datetime()
WITH x
OPTIONAL MATCH (m:Merge {from: $new}) DELETE m`
)

// SplitActor takes names (aliases of the actor, by which some documents
// named it) off the actor with this id or name and makes them a new
// actor: the claims of the documents that used them move to it, and the
// decision is kept so that re-ingesting those documents keeps the two
// apart. Mentions stay with the original actor. It returns the new actor.
func (s *Store) SplitActor(ctx context.Context, actor string, names []string) (model.Actor, error) {
	id, err := s.ActorID(ctx, actor)
	if err != nil {
		return model.Actor{}, err
	}
	if len(names) == 0 {
		return model.Actor{}, model.Errorf(model.Invalid, "split %s: name the spellings to take off it", id)
	}
	out, err := s.inWrite(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		old, err := actorIn(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if strings.EqualFold(n, old.Name) {
				return nil, model.Errorf(model.Invalid, "split %s: %q is the actor's own name; split off its other spellings", old.Name, n)
			}
			if !slices.ContainsFunc(old.Aliases, func(a string) bool { return strings.EqualFold(a, n) }) {
				return nil, model.Errorf(model.Invalid, "split %s: %q is not one of its names (%s)", old.Name, n, strings.Join(old.Aliases, ", "))
			}
		}
		newID := strings.SplitN(id, ":", 2)[0] + ":" + slug(names[0])
		if _, err := actorIn(ctx, tx, newID); err == nil {
			return nil, model.Errorf(model.Invalid, "split %s: an actor %s already exists; merge into it instead", old.Name, newID)
		}
		if err := rekeyClaimsNamed(ctx, tx, id, newID, names); err != nil {
			return nil, err
		}
		p := map[string]any{"id": id, "new": newID, "names": names, "lower": lowered(names)}
		for _, q := range []string{cypherSplitCreate, cypherSplitDecide} {
			if err := exec(ctx, tx, q, p); err != nil {
				return nil, err
			}
		}
		if err := exec(ctx, tx, cypherSummaries(), map[string]any{"actors": []string{id, newID}}); err != nil {
			return nil, err
		}
		return actorIn(ctx, tx, newID)
	}, "split %s", id)
	if err != nil {
		return model.Actor{}, err
	}
	return out.(model.Actor), nil
}

// Splits returns the analysts' split decisions: each name (lower case)
// that was split off -> the id of the actor it became.
func (s *Store) Splits(ctx context.Context) (map[string]string, error) {
	recs, err := s.read(ctx, "MATCH (x:Split) UNWIND x.names AS name RETURN toLower(name) AS name, x.id AS id", nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(recs))
	for _, r := range recs {
		out[str(field(r, "name"))] = str(field(r, "id"))
	}
	return out, nil
}

// slug makes an id's name part: lower case, words joined by hyphens.
func slug(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(f, "-")
}
