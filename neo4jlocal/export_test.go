package neo4jlocal

import (
	"context"
	"os"
	"path/filepath"
	"strings"
)

// StartWithoutAuth starts the instance as versions before authentication
// did (auth_enabled=false), making the database the migration must move
// over. The caller stops it with Stop.
func (s *Server) StartWithoutAuth(ctx context.Context, ready func(context.Context) error) error {
	if err := s.writeConf(); err != nil {
		return err
	}
	conf := filepath.Join(s.Home, "conf", "neo4j.conf")
	b, err := os.ReadFile(conf)
	if err != nil {
		return err
	}
	if err := os.WriteFile(conf, []byte(strings.Replace(string(b), "auth_enabled=true", "auth_enabled=false", 1)), 0o644); err != nil {
		return err
	}
	return s.launch(ctx, ready)
}

// GiveTestPassword writes the configuration and gives the database pw
// the way Start does.
func (s *Server) GiveTestPassword(ctx context.Context, pw string) error {
	if err := s.writeConf(); err != nil {
		return err
	}
	return s.applyPassword(ctx, pw)
}
