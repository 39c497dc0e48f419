package graph

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"regexp"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Rows is a tabular query result.
type Rows struct {
	Columns []string
	Rows    [][]any
	// Truncated is set when the row or byte cap cut the result short.
	Truncated bool
}

// Limits bound one query: its time in Neo4j, and the rows and bytes (as
// JSON) of its result; a zero Bytes leaves the size unbounded.
type Limits struct {
	Timeout time.Duration
	Rows    int
	Bytes   int
}

// ReadQuery runs Cypher of stancegraph's own in a read transaction, so
// Neo4j itself refuses any write, with a timeout and at most rowCap rows.
// Parameters are bound by the driver, never spliced into the text.
func (s *Store) ReadQuery(ctx context.Context, query string, params map[string]any, timeout time.Duration, rowCap int) (Rows, error) {
	return s.runRead(ctx, query, params, Limits{Timeout: timeout, Rows: rowCap}, false)
}

// UserQuery runs an analyst's Cypher as ReadQuery does, once Neo4j's plan
// of it, in the same transaction, shows a plain read of the graph (see
// CheckQuery); the result is capped in rows and bytes.
func (s *Store) UserQuery(ctx context.Context, query string, params map[string]any, lim Limits) (Rows, error) {
	return s.runRead(ctx, query, params, lim, true)
}

func (s *Store) runRead(ctx context.Context, query string, params map[string]any, lim Limits, check bool) (Rows, error) {
	out, err := s.inRead(ctx, lim.Timeout, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		if check {
			if err := s.explain(ctx, tx, query, params); err != nil {
				return nil, err
			}
		}
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return nil, err
		}
		return collect(ctx, res, lim)
	})
	if err != nil {
		return Rows{}, err
	}
	return out.(Rows), nil
}

// inRead runs fn in a read transaction bounded by timeout, on our side
// (the context) and on Neo4j's (the transaction's timeout); or in the one
// ReadTogether shares, bounded by its own.
func (s *Store) inRead(ctx context.Context, timeout time.Duration, fn func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error)) (any, error) {
	if tx := s.shared(ctx); tx != nil {
		out, err := fn(ctx, tx)
		if err != nil {
			return nil, s.translate(ctx, err, "read query")
		}
		return out, nil
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return fn(ctx, tx) }, neo4j.WithTxTimeout(timeout))
	if err != nil {
		return nil, s.translate(ctx, err, "read query")
	}
	return out, nil
}

// ReadPage runs a question template (fixed, read-only text ending in its
// ORDER BY) and returns a page of its rows, at most rowCap, and how many
// rows it gives in all. The page is cut in Cypher and the rest only
// counted, not sent: an answer on 100,000 documents reads its 50 rows,
// not a thousand.
func (s *Store) ReadPage(ctx context.Context, query string, params map[string]any, timeout time.Duration, rowCap int, page Page) (Rows, int, error) {
	limit := rowCap + 1 // one more than the cap tells a truncated page
	if page.Limit > 0 && page.Limit <= rowCap {
		limit = page.Limit
	}
	p := maps.Clone(params)
	if p == nil {
		p = map[string]any{}
	}
	p["page_offset"], p["page_limit"] = page.Offset, limit
	type result struct {
		rows  Rows
		total int
	}
	out, err := s.inRead(ctx, timeout, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, query+"\nSKIP $page_offset LIMIT $page_limit", p)
		if err != nil {
			return nil, err
		}
		rows, err := collect(ctx, res, Limits{Rows: rowCap})
		if err != nil {
			return nil, err
		}
		// A page that ends short of its limit is the last: the rows need
		// counting only when there may be more, or the page is past them.
		if n := len(rows.Rows); !rows.Truncated && n > 0 && n < limit {
			return result{rows, page.Offset + n}, nil
		}
		rec, err := first(ctx, tx, counting(query), p, errors.New("no count"))
		if err != nil {
			return nil, err
		}
		total, _ := field(rec, "total").(int64)
		return result{rows, int(total)}, nil
	})
	if err != nil {
		return Rows{}, 0, err
	}
	r := out.(result)
	return r.rows, r.total, nil
}

// counting is the query that counts a template's rows. When the
// template's final RETURN only projects (no aggregation, no DISTINCT, no
// UNION), it becomes count(*): a row's columns, properties and
// subqueries (a timeline) cannot change how many rows there are, and
// reading them made a count of 1,700 stance edges take 9 ms instead of 2.
// Otherwise the whole template is counted in a subquery.
func counting(query string) string {
	q := unordered(query)
	if i := strings.LastIndex(q, "\nRETURN "); i >= 0 && braceDepth(q[:i]) == 0 && !reUnion.MatchString(q) && !reAggregates.MatchString(q[i:]) {
		return q[:i] + "\nRETURN count(*) AS total"
	}
	return "CALL {\n" + q + "\n}\nRETURN count(*) AS total"
}

// braceDepth is how many braces (subqueries, maps) are open at the end of
// s: 0 outside them all.
func braceDepth(s string) int {
	return strings.Count(s, "{") - strings.Count(s, "}")
}

var (
	reUnion = regexp.MustCompile(`(?i)\bUNION\b`)
	// reAggregates: a clause that aggregates or drops duplicate rows, so
	// that it may give fewer rows than reach it; any namespaced function
	// (a plugin's aggregate) counts too.
	reAggregates = regexp.MustCompile(`(?i)\bDISTINCT\b|\b(count|collect|sum|avg|min|max|percentile\w*|stdev\w*)\s*\(|\w\.\w+\s*\(`)
)

// unordered is a template without its final ORDER BY, for counting its
// rows: Neo4j sorts them otherwise, for nothing.
func unordered(query string) string {
	if i := strings.LastIndex(query, "\nORDER BY "); i >= 0 && !strings.Contains(query[i+1:], "}") {
		return query[:i]
	}
	return query
}

// answers reports whether Neo4j takes a connection now (within half a
// second): after a deadline it tells a slow query (it does) from a server
// that went away or hangs meanwhile (it does not). The probe runs past the
// request's deadline, so it is kept short: a request that timed out
// answers within half a second of it, not a whole second, which under
// load came to more (faults.TestNeo4jRestartedUnderLoad, 4.002 s for 3).
func (s *Store) answers() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	return s.driver.VerifyConnectivity(ctx) == nil
}

// collect reads records until the result or a cap ends.
func collect(ctx context.Context, res neo4j.ResultWithContext, lim Limits) (Rows, error) {
	keys, err := res.Keys()
	if err != nil {
		return Rows{}, err
	}
	r := Rows{Columns: keys}
	size := 0
	for res.Next(ctx) {
		if len(r.Rows) == lim.Rows {
			r.Truncated = true
			break
		}
		vals := res.Record().Values
		for i := range vals {
			vals[i] = plain(vals[i])
		}
		if lim.Bytes > 0 {
			b, err := json.Marshal(vals)
			if err != nil {
				return Rows{}, err
			}
			if size += len(b) + 1; size > lim.Bytes {
				r.Truncated = true
				break
			}
		}
		r.Rows = append(r.Rows, vals)
	}
	return r, res.Err()
}
