// Package neo4jtest gives tests the project's real local Neo4j: a test
// instance under .neo4j/test, started on first use (the Makefile starts it
// once for the whole run and stops it after). There is no skip: without
// Neo4j a graph test fails with the server's log.
package neo4jtest

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/config"
	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/repo"
	"github.com/stancegraph/stancegraph/neo4jlocal"
)

// Version is the Neo4j version the tests run against; keep it in step with
// config.yaml's local.version.
const Version = "5.26.30"

// DefaultPort keeps the test instance apart from the main one (17687) and
// from a user's own Neo4j (7687).
const DefaultPort = 17688

// Root is the repository's top folder (where go.mod is).
func Root(tb testing.TB) string { return repo.Root(tb) }

// Server describes the test instance, Neo4j Browser on the port after
// Bolt's (scripts/test.sh starts it so). STANCEGRAPH_TEST_NEO4J_PORT moves it.
func Server(tb testing.TB) *neo4jlocal.Server {
	tb.Helper()
	port := DefaultPort
	if p := os.Getenv("STANCEGRAPH_TEST_NEO4J_PORT"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			tb.Fatalf("STANCEGRAPH_TEST_NEO4J_PORT=%q: %v", p, err)
		}
		port = n
	}
	root := Root(tb)
	return &neo4jlocal.Server{
		Home: filepath.Join(root, ".neo4j", "test"), Lib: filepath.Join(root, ".neo4j", "lib-"+Version),
		Version: Version, Port: port, HTTPPort: port + 1, Heap: "1g", PageCache: "512m", Java: "java",
		StartTimeout: 180 * time.Second, Logger: slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
}

// Password is the test instance's password, from its password file
// (generated if the instance never ran).
func Password(tb testing.TB) string {
	tb.Helper()
	pw, err := Server(tb).Password()
	if err != nil {
		tb.Fatal(err)
	}
	return pw
}

// Env points the real binary at the test instance as a server of its own
// (neo4j.uri set), with the user and password from the environment.
func Env(tb testing.TB) []string {
	tb.Helper()
	return []string{"STANCEGRAPH_NEO4J_URI=" + Server(tb).URI(), "STANCEGRAPH_NEO4J_USER=" + neo4jlocal.User,
		"STANCEGRAPH_NEO4J_PASSWORD=" + Password(tb)}
}

// Open returns a store on the test instance, starting the instance if it
// is not running, with the schema applied and the connections the product
// holds by default, so that benchmarks measure what ships. The store
// closes with the test.
func Open(tb testing.TB) *graph.Store {
	tb.Helper()
	srv := Server(tb)
	st, err := graph.Open(graph.Options{URI: srv.URI(), User: neo4jlocal.User, Password: Password(tb),
		Database: "neo4j", Timeout: 15 * time.Second, MaxConnections: config.DefaultMaxConnections})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = st.Close(context.Background()) })
	ctx := context.Background()
	if err := srv.Start(ctx, st.Ping); err != nil {
		tb.Fatalf("local test Neo4j: %v", err)
	}
	stmts, err := cypher.Schema()
	if err != nil {
		tb.Fatal(err)
	}
	if err := st.ApplySchema(ctx, stmts); err != nil {
		tb.Fatal(err)
	}
	return st
}

// Empty is Open on a database emptied first: tests that count nodes start
// from nothing. Packages run one at a time (go test -p 1), so no other test
// writes meanwhile.
func Empty(tb testing.TB) *graph.Store {
	tb.Helper()
	st := Open(tb)
	if err := st.DeleteAll(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return st
}

// Bulk is the bulk path on the test instance, from the first document:
// the instance is stopped, loaded with neo4j-admin's import and started
// again, as the ingest command does with the local server.
func Bulk(tb testing.TB, st *graph.Store) *ingest.Bulk {
	tb.Helper()
	srv := Server(tb)
	stmts, err := cypher.Schema()
	if err != nil {
		tb.Fatal(err)
	}
	return &ingest.Bulk{From: 1, Dir: tb.TempDir(), Load: func(ctx context.Context, files graph.ImportFiles) error {
		return st.FinishImport(ctx, srv.Import(ctx, neo4jlocal.ImportFiles(files), st.Ping), stmts)
	}}
}
