package neo4jlocal

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// User is the account stancegraph uses on its local server.
const User = "neo4j"

// PasswordFile is where the local server's password is kept: in local.home,
// readable by its owner only.
func (s *Server) PasswordFile() string {
	home, _ := filepath.Abs(s.Home)
	return filepath.Join(home, "password")
}

// appliedFile records (as a hash) which password the database was given,
// so set-initial-password runs once per database and password, not on
// every start. It lives in the data folder: a new database needs it again.
func (s *Server) appliedFile() string {
	return filepath.Join(s.Home, "data", "stancegraph-password-applied")
}

// Password returns the password of the local server's neo4j user,
// generating one on first use: 32 random bytes in hex (nothing a shell or
// a command line could take for an option), in a file of mode 0600. A file others can read is narrowed to 0600 first.
func (s *Server) Password() (string, error) {
	path := s.PasswordFile()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s.newPassword(path)
	}
	if err != nil {
		return "", fmt.Errorf("neo4j: read the password file: %w", err)
	}
	if err := s.ownerOnly(path); err != nil {
		return "", err
	}
	pw := strings.TrimSpace(string(b))
	if len(pw) < 8 {
		return "", fmt.Errorf("neo4j: the password file %s is empty or shorter than Neo4j's 8 characters; delete it together with %s to start afresh", path, filepath.Join(s.Home, "data"))
	}
	return pw, nil
}

func (s *Server) newPassword(path string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("neo4j: create %s: %w", filepath.Dir(path), err)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("neo4j: generate a password: %w", err)
	}
	pw := hex.EncodeToString(raw)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return s.Password() // another command created it first
	}
	if err != nil {
		return "", fmt.Errorf("neo4j: create the password file: %w", err)
	}
	_, werr := f.WriteString(pw + "\n")
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(path)
		return "", fmt.Errorf("neo4j: write the password file %s: %w", path, werr)
	}
	s.logger().Info("generated a password for the local Neo4j", "file", path)
	return pw, nil
}

// ownerOnly narrows a password file that others could read.
func (s *Server) ownerOnly(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	if info.Mode().Perm()&0o077 == 0 {
		return nil
	}
	s.logger().Warn("the password file was readable by others; narrowing it to 0600", "file", path, "mode", info.Mode().Perm().String())
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("neo4j: narrow %s to mode 0600: %w", path, err)
	}
	return nil
}

// applyPassword gives the database its password with Neo4j's own
// `neo4j-admin dbms set-initial-password` when it has not had this one
// yet. Neo4j applies it at the next start to a new database, and to one
// made with authentication off (whose neo4j user never had a password
// changed), which is how an old local database moves over.
func (s *Server) applyPassword(ctx context.Context, pw string) error {
	sum := sha256.Sum256([]byte(pw))
	mark := hex.EncodeToString(sum[:])
	if b, err := os.ReadFile(s.appliedFile()); err == nil && strings.TrimSpace(string(b)) == mark {
		return nil
	}
	home, err := filepath.Abs(s.Home)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	// The password goes through an argument file (mode 0600, removed
	// after), not the command line, which other users can read in /proc.
	args, err := os.CreateTemp(filepath.Join(home, "run"), "admin-args-*")
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	defer os.Remove(args.Name())
	_, werr := fmt.Fprintf(args, "%s\ndbms\nset-initial-password\n--\n%s\n", adminEntryPoint, pw)
	if cerr := args.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("neo4j: write %s: %w", args.Name(), werr)
	}
	lib, err := filepath.Abs(s.lib())
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	cmd := exec.CommandContext(ctx, s.Java, "-cp", filepath.Join(lib, "*"), "@"+args.Name())
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+filepath.Join(home, "conf"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("neo4j: set-initial-password: %w\n%s", err, out)
	}
	s.logger().Info("gave the local Neo4j its password", "file", s.PasswordFile())
	return os.WriteFile(s.appliedFile(), []byte(mark+"\n"), 0o600)
}
