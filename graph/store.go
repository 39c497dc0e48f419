// Package graph is everything that speaks Cypher to Neo4j: the driver's
// lifecycle, the schema, batched idempotent writes and the read queries the
// server needs. It is the only package that imports the Neo4j driver.
package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/stancegraph/stancegraph/model"
)

// Options says how to reach Neo4j.
type Options struct {
	URI      string
	User     string
	Password string // empty: no authentication
	Database string
	// Timeout bounds every transaction and connection attempt.
	Timeout time.Duration
	// MaxConnections caps the transactions open at once (0: the driver's
	// 100); the rest wait for a connection, within Timeout. Neo4j plans a
	// query anew on one thread while the others wait for that plan: with
	// 64 requests running beside it on two cores, that thread got so
	// little time that a route timed out for seconds (faults.TestLoad
	// failed 3 of 9 runs at 100, none of 7 at 4, 8 or 16).
	MaxConnections int
}

// Store is a connection pool to one Neo4j database.
type Store struct {
	driver  neo4j.DriverWithContext
	db      string
	uri     string
	timeout time.Duration
}

// Open creates the driver. It does not contact the server: Neo4j may come up
// later, and Ping tells whether it is reachable now.
func Open(o Options) (*Store, error) {
	auth := neo4j.NoAuth()
	if o.Password != "" {
		auth = neo4j.BasicAuth(o.User, o.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(o.URI, auth, func(c *config.Config) {
		c.SocketConnectTimeout = o.Timeout
		c.ConnectionAcquisitionTimeout = o.Timeout
		c.MaxTransactionRetryTime = o.Timeout
		if o.MaxConnections > 0 {
			c.MaxConnectionPoolSize = o.MaxConnections
		}
	})
	if err != nil {
		return nil, model.Wrap(model.Invalid, err, "neo4j driver for %s", o.URI)
	}
	return &Store{driver: d, db: o.Database, uri: redact(o.URI), timeout: o.Timeout}, nil
}

// redact drops any user:password@ from a URI, which then appears in
// messages and logs.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return uri
	}
	u.User = nil
	return u.String()
}

// ErrCredentials is the cause of every error that says Neo4j refused the
// user and password.
var ErrCredentials = errors.New("neo4j refused the user and password")

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// URI is the address the store connects to, without credentials.
func (s *Store) URI() string { return s.uri }

// Ping checks that Neo4j answers.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return s.translate(ctx, err, "ping")
	}
	return nil
}

// documentSearch is a document's search key (Documents' text filter):
// its title, source and file name in lower case, one per line, which the
// document_search text index finds substrings in; computed by Neo4j
// wherever it is written, so that the key and the text searched for are
// lowered alike. It reads what is stored, so it is set in a SET clause
// after the one that writes those.
const documentSearch = `toLower(coalesce(d.title, '')) + '\n' + toLower(coalesce(d.source, '')) + '\n' + toLower(coalesce(d.name, ''))`

// ApplySchema runs each schema statement in its own transaction (Neo4j does
// not mix schema and data changes in one), then gives documents written
// before the search key existed (or by the bulk importer) theirs, in
// batches. Managed transactions retry the transient lock errors two
// processes applying the schema at once can meet.
func (s *Store) ApplySchema(ctx context.Context, statements []string) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	for _, st := range statements {
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, st, nil)
			if err != nil {
				return nil, err
			}
			return res.Consume(ctx)
		})
		if err != nil {
			return s.translate(ctx, err, "apply schema statement %q", st)
		}
	}
	return s.autoCommit(ctx, `MATCH (d:Document) WHERE d.search IS NULL
CALL { WITH d SET d.search = `+documentSearch+` } IN TRANSACTIONS OF 10000 ROWS`, "give documents their search keys")
}

// autoCommit runs one statement outside a managed transaction, as
// CALL ... IN TRANSACTIONS and waiting on indexes need, and without the
// store's query timeout.
func (s *Store) autoCommit(ctx context.Context, query, what string) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, query, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return s.translate(ctx, err, "%s", what)
	}
	return nil
}

// SchemaItem is a constraint or index as Neo4j reports it.
type SchemaItem struct {
	What string // "constraint" or "index"
	Name string
	Type string
}

// Schema lists the database's constraints and indexes, sorted by name.
func (s *Store) Schema(ctx context.Context) ([]SchemaItem, error) {
	var items []SchemaItem
	for _, what := range [][2]string{
		{"constraint", "SHOW CONSTRAINTS YIELD name, type RETURN name, type"},
		{"index", "SHOW INDEXES YIELD name, type RETURN name, type"},
	} {
		res, err := s.read(ctx, what[1], nil)
		if err != nil {
			return nil, err
		}
		for _, r := range res {
			items = append(items, SchemaItem{What: what[0], Name: str(field(r, "name")), Type: str(field(r, "type"))})
		}
	}
	sortItems(items)
	return items, nil
}

// read runs one query in a read transaction, or in the one ReadTogether
// shares, and returns its records.
func (s *Store) read(ctx context.Context, query string, params map[string]any) ([]*neo4j.Record, error) {
	if tx := s.shared(ctx); tx != nil {
		recs, err := collectAll(ctx, tx, query, params)
		if err != nil {
			return nil, s.translate(ctx, err, "query")
		}
		return recs, nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, query, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, s.translate(ctx, err, "query")
	}
	return res.Records, nil
}

// sharedTx is the context key of the read transaction ReadTogether
// opened, one key per store.
type sharedTx struct{ s *Store }

// ReadTogether runs fn with a context in which this store's reads share
// one read transaction, bounded by timeout. An answer reads its topics, a
// page and its count, evidence and a graph: in four transactions they cost
// Neo4j a tenth more than in one (BENCHMARKS.md). The driver runs fn again
// if the transaction fails on a transient error, so fn only reads. Inside
// fn, ReadTogether adds nothing: its reads share the transaction already
// open.
func (s *Store) ReadTogether(ctx context.Context, timeout time.Duration, fn func(ctx context.Context) error) error {
	if s.shared(ctx) != nil {
		return fn(ctx)
	}
	_, err := s.inRead(ctx, timeout, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		return nil, fn(context.WithValue(ctx, sharedTx{s}, tx))
	})
	return err
}

// together runs read with its reads in one transaction (ReadTogether),
// bounded by the store's timeout: a page of the explorer that reads
// several times pays for one transaction.
func together[T any](ctx context.Context, s *Store, read func(ctx context.Context) (T, error)) (T, error) {
	var out T
	err := s.ReadTogether(ctx, s.timeout, func(ctx context.Context) error {
		var err error
		out, err = read(ctx)
		return err
	})
	return out, err
}

// shared is the read transaction ctx carries for this store, nil if none.
func (s *Store) shared(ctx context.Context) neo4j.ManagedTransaction {
	tx, _ := ctx.Value(sharedTx{s}).(neo4j.ManagedTransaction)
	return tx
}

// translate turns driver errors into model errors once, here: connectivity
// problems and refused credentials (ErrCredentials) become Unavailable,
// timed-out transactions and deadlines that pass while Neo4j still
// answers Timeout, constraint violations Conflict, refused
// writes Forbidden, bad Cypher Invalid.
func (s *Store) translate(ctx context.Context, err error, format string, args ...any) error {
	var classified *model.Error
	if errors.As(err, &classified) {
		return err // ours, from inside a transaction: already says what went wrong
	}
	what := fmt.Sprintf(format, args...)
	var nerr *neo4j.Neo4jError
	var limit *neo4j.TransactionExecutionLimit
	switch {
	case errors.As(err, &limit):
		// The driver retried connectivity and transient errors until its
		// time limit: the server is not answering in time.
		cause := limit.Cause
		if n := len(limit.Errors); n > 0 {
			cause = rootCause(limit.Errors[n-1])
		}
		return model.Wrap(model.Unavailable, err, "neo4j at %s is unreachable (%s)", s.uri, cause)
	case errors.As(err, &nerr):
		switch {
		case nerr.Code == "Neo.ClientError.Security.Unauthorized" ||
			nerr.Code == "Neo.ClientError.Security.AuthenticationRateLimit":
			return model.Wrap(model.Unavailable, fmt.Errorf("%w: %s", ErrCredentials, nerr.Msg),
				"neo4j at %s refused stancegraph's user and password", s.uri)
		case nerr.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return model.Wrap(model.Conflict, err, "%s: %s", what, nerr.Msg)
		case nerr.Code == "Neo.ClientError.Statement.AccessMode" ||
			nerr.Code == "Neo.ClientError.Security.Forbidden":
			return model.Wrap(model.Forbidden, err, "%s: %s", what, nerr.Msg)
		case nerr.Code == "Neo.ClientError.Transaction.TransactionTimedOut" ||
			nerr.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration":
			return model.Wrap(model.Timeout, err, "query timed out")
		case nerr.Classification() == "ClientError":
			return model.Wrap(model.Invalid, err, "%s: %s", what, nerr.Msg)
		}
		return model.Wrap(model.Internal, err, "%s", what)
	case (errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded)) && s.answers():
		// The time ran out while Neo4j still answers: the work was slow
		// (a cold server, a heavy question), not the server gone. The
		// driver's ConnectivityError hides the deadline from errors.Is,
		// hence the context.
		return model.Wrap(model.Timeout, err, "query timed out: %s did not finish in time", what)
	case neo4j.IsConnectivityError(err), errors.Is(err, context.DeadlineExceeded),
		isUsageTimeout(err):
		return model.Wrap(model.Unavailable, err, "neo4j at %s is unreachable (%s)", s.uri, rootCause(err))
	}
	return model.Wrap(model.Internal, err, "%s", what)
}

func isUsageTimeout(err error) bool {
	var te *neo4j.ConnectivityError
	return errors.As(err, &te)
}

// rootCause is the innermost error's text: the part that names the cause
// ("connection refused") without the driver's retry narrative.
func rootCause(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

// DeleteAll removes every node and relationship, in batches so that a large
// graph does not need one huge transaction: relationships first, since
// detaching a hub such as the topic would delete all of its at once.
// Schema is kept.
func (s *Store) DeleteAll(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	for _, q := range []string{
		"MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 5000 ROWS",
		"MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 5000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return s.translate(ctx, err, "delete all")
		}
	}
	return nil
}

// exec runs one statement inside a transaction and discards its rows.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any) error {
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// first runs a query inside a transaction and returns its first record;
// missing is the error when there is none.
func first(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any, missing error) (*neo4j.Record, error) {
	recs, err := collectAll(ctx, tx, query, params)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, missing
	}
	return recs[0], nil
}

// collectAll runs a query in tx and returns all its records.
func collectAll(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// inWrite runs fn in one managed write transaction (retried by the driver
// on transient errors) bounded by the store's timeout; errors come back
// translated, saying what was being done.
func (s *Store) inWrite(ctx context.Context, fn func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error), what string, args ...any) (any, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return fn(ctx, tx) })
	if err != nil {
		return nil, s.translate(ctx, err, what, args...)
	}
	return out, nil
}
