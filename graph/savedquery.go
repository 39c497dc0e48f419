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
	recs, err := s.read(ctx, `MATCH (q:SavedQuery) RETURN q.name, q.description, q.cypher, q.params ORDER BY q.name`, nil)
	if err != nil {
		return nil, err
	}
	out := make([]cypher.Query, 0, len(recs))
	for _, r := range recs {
		q := cypher.Query{Name: str(r.Values[0]), Description: str(r.Values[1]), Cypher: str(r.Values[2]), Source: "saved", Params: []cypher.Param{}}
		if p := str(r.Values[3]); p != "" {
			if err := json.Unmarshal([]byte(p), &q.Params); err != nil {
				return nil, model.Wrap(model.Internal, err, "saved query %s: parameters", q.Name)
			}
		}
		out = append(out, q)
	}
	return out, nil
}

// SaveQuery stores a query; a query of the same name is replaced.
func (s *Store) SaveQuery(ctx context.Context, q cypher.Query) error {
	params, err := json.Marshal(q.Params)
	if err != nil {
		return model.Wrap(model.Invalid, err, "saved query %s: parameters", q.Name)
	}
	return s.write(ctx, `MERGE (q:SavedQuery {name: $name})
ON CREATE SET q.created_at = datetime()
SET q.description = $description, q.cypher = $cypher, q.params = $params`,
		map[string]any{"name": q.Name, "description": q.Description, "cypher": q.Cypher, "params": string(params)})
}

// DeleteSavedQuery removes a saved query; NotFound if there is none.
func (s *Store) DeleteSavedQuery(ctx context.Context, name string) error {
	recs, err := s.read(ctx, `MATCH (q:SavedQuery {name: $name}) RETURN count(q)`, map[string]any{"name": name})
	if err != nil {
		return err
	}
	if recs[0].Values[0].(int64) == 0 {
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
		return s.translate(err, "write")
	}
	return nil
}
