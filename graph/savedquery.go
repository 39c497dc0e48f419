package graph

import (
	"context"
	"encoding/json"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/model"
)

// SavedQueries lists the queries analysts saved from the browser.
func (s *Store) SavedQueries(ctx context.Context) ([]cypher.Query, error) {
	recs, err := s.read(ctx, `MATCH (q:SavedQuery) RETURN q.name AS name, q.description AS description, q.cypher AS cypher, q.params AS params ORDER BY q.name`, nil)
	if err != nil {
		return nil, err
	}
	out := make([]cypher.Query, 0, len(recs))
	for _, r := range recs {
		q := cypher.Query{Name: str(field(r, "name")), Description: str(field(r, "description")), Cypher: str(field(r, "cypher")), Source: "saved", Params: []cypher.Param{}}
		if p := str(field(r, "params")); p != "" {
			if err := json.Unmarshal([]byte(p), &q.Params); err != nil {
				return nil, model.Wrap(model.Internal, err, "saved query %s: parameters", q.Name)
			}
		}
		out = append(out, q)
	}
	return out, nil
}

// SaveQuery stores a query. A query of the same name is replaced only
// when overwrite is set (Conflict otherwise), and a new one is refused
// (Conflict) when maxCount queries are saved already.
func (s *Store) SaveQuery(ctx context.Context, q cypher.Query, overwrite bool, maxCount int) error {
	params, err := json.Marshal(q.Params)
	if err != nil {
		return model.Wrap(model.Invalid, err, "saved query %s: parameters", q.Name)
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	_, err = sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, `MATCH (q:SavedQuery) RETURN count(q) AS saved, count(CASE WHEN q.name = $name THEN 1 END) AS named`,
			map[string]any{"name": q.Name})
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		saved, _ := field(rec, "saved").(int64)
		named, _ := field(rec, "named").(int64)
		exists := named > 0
		switch {
		case exists && !overwrite:
			return nil, model.Errorf(model.Conflict, `a saved query named %q exists; send "overwrite": true to replace it`, q.Name)
		case !exists && saved >= int64(maxCount):
			return nil, model.Errorf(model.Conflict, "%d saved queries is the most there may be; delete one first", maxCount)
		}
		// CREATE, not MERGE, for a new name: of two saves racing for one
		// name the uniqueness constraint refuses the second.
		write := "CREATE (q:SavedQuery {name: $name, created_at: datetime()})"
		if exists {
			write = "MATCH (q:SavedQuery {name: $name})"
		}
		res, err = tx.Run(ctx, write+"\nSET q.description = $description, q.cypher = $cypher, q.params = $params",
			map[string]any{"name": q.Name, "description": q.Description, "cypher": q.Cypher, "params": string(params)})
		if err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return nil, err
	})
	if err != nil {
		return s.translate(ctx, err, "save query %s", q.Name)
	}
	return nil
}

// DeleteSavedQuery removes a saved query; NotFound if there is none.
func (s *Store) DeleteSavedQuery(ctx context.Context, name string) error {
	recs, err := s.read(ctx, `MATCH (q:SavedQuery {name: $name}) RETURN count(q) AS n`, map[string]any{"name": name})
	if err != nil {
		return err
	}
	if n, _ := field(recs[0], "n").(int64); n == 0 {
		return model.Errorf(model.NotFound, "no saved query %q", name)
	}
	return s.write(ctx, `MATCH (q:SavedQuery {name: $name}) DELETE q`, map[string]any{"name": name})
}

// write runs one statement in a write transaction.
func (s *Store) write(ctx context.Context, query string, params map[string]any) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	_, err := neo4j.ExecuteQuery(ctx, s.driver, query, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return s.translate(ctx, err, "write")
	}
	return nil
}
