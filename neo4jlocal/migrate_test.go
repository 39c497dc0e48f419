package neo4jlocal_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/neo4jlocal"
)

// TestDatabaseWithoutAuthMovesOver makes a database the way versions
// before authentication did, with a node in it, then starts it as today:
// it gets the generated password, keeps its data, and refuses a client
// without the password.
func TestDatabaseWithoutAuthMovesOver(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	s := &neo4jlocal.Server{Home: filepath.Join(t.TempDir(), "old"), Lib: neo4jtest.Server(t).Lib, Version: neo4jtest.Version,
		Port: port, Heap: "512m", PageCache: "64m", Java: "java", StartTimeout: 180 * time.Second}
	ctx := context.Background()
	t.Cleanup(func() { _ = s.Stop(ctx) })
	open := func(user, password string) *graph.Store {
		st, err := graph.Open(graph.Options{URI: s.URI(), User: user, Password: password, Database: "neo4j", Timeout: 10 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = st.Close(ctx) })
		return st
	}
	noAuth := open("", "")
	if err := s.StartWithoutAuth(ctx, noAuth.Ping); err != nil {
		t.Fatal(err)
	}
	// ApplySchema runs any statement in a write transaction.
	if err := noAuth.ApplySchema(ctx, []string{"CREATE (:Kept {from: 'before auth'})"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.PasswordFile()); err == nil {
		t.Fatal("a password file before the first start with authentication")
	}

	pw, err := s.Password()
	if err != nil {
		t.Fatal(err)
	}
	st := open(neo4jlocal.User, pw)
	if err := s.Start(ctx, st.Ping); err != nil {
		t.Fatalf("start with authentication on the old database: %v", err)
	}
	r, err := st.ReadQuery(ctx, "MATCH (k:Kept) RETURN k.from", nil, 10*time.Second, 10)
	if err != nil || len(r.Rows) != 1 || r.Rows[0][0] != "before auth" {
		t.Fatalf("the old data with the password: %v %v", err, r.Rows)
	}
	if err := noAuth.Ping(ctx); !errors.Is(err, graph.ErrCredentials) {
		t.Fatalf("a client without the password after the move: %v", err)
	}
}

// TestPasswordThatLooksLikeAnOption: neo4j-admin must take any password
// as the password, even one starting with a dash (an old base64 password
// file could), not as an option.
func TestPasswordThatLooksLikeAnOption(t *testing.T) {
	s := &neo4jlocal.Server{Home: filepath.Join(t.TempDir(), "home"), Lib: neo4jtest.Server(t).Lib, Version: neo4jtest.Version,
		Port: 1, Heap: "512m", PageCache: "64m", Java: "java"}
	if err := s.GiveTestPassword(context.Background(), "-looks-like-an-option"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(s.Home, "data", "dbms", "auth.ini")); err != nil {
		t.Fatalf("neo4j-admin wrote no initial password: %v", err)
	}
}
