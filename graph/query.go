package graph

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Rows is a tabular query result.
type Rows struct {
	Columns []string
	Rows    [][]any
	// Truncated is set when the row cap cut the result short.
	Truncated bool
}

// ReadQuery runs Cypher in a read transaction, so Neo4j itself refuses any
// write, with a timeout and at most rowCap rows. Parameters are bound by
// the driver, never spliced into the text.
func (s *Store) ReadQuery(ctx context.Context, query string, params map[string]any, timeout time.Duration, rowCap int) (Rows, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return nil, err
		}
		keys, err := res.Keys()
		if err != nil {
			return nil, err
		}
		r := Rows{Columns: keys}
		for res.Next(ctx) {
			if len(r.Rows) == rowCap {
				r.Truncated = true
				break
			}
			vals := res.Record().Values
			for i := range vals {
				vals[i] = plain(vals[i])
			}
			r.Rows = append(r.Rows, vals)
		}
		if err := res.Err(); err != nil {
			return nil, err
		}
		return r, nil
	}, neo4j.WithTxTimeout(timeout))
	if err != nil {
		return Rows{}, s.translate(err, "read query")
	}
	return out.(Rows), nil
}
