package neo4jlocal

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/stancegraph/stancegraph/internal/maven"
)

// BrowserVersion is the Neo4j Browser the local server serves, the latest
// on Maven Central; it speaks Bolt to any 5.x server.
const BrowserVersion = "5.24.0"

// artifacts are what the lib folder holds: one umbrella artifact pulls in
// the whole server; the Browser is its own.
func (s *Server) artifacts() []maven.Artifact {
	return []maven.Artifact{{Group: "org.neo4j", Name: "neo4j", Version: s.Version},
		{Group: "org.neo4j.client", Name: "neo4j-browser", Version: BrowserVersion}}
}

// Install fetches the server's jars from Maven Central into the lib folder
// unless a complete copy of this version is already there.
func (s *Server) Install(ctx context.Context) error {
	if !maven.Complete(s.lib(), s.artifacts()...) {
		s.logger().Info("fetching Neo4j jars from Maven Central (first run only, ~140 MB)", "version", s.Version, "into", s.lib())
	}
	return maven.Fetch(ctx, "neo4j", s.lib(), s.artifacts()...)
}

// writeConf writes neo4j.conf for a small instance bound to loopback only,
// with authentication on, loading from file and network URLs forbidden and
// telemetry off. It is rewritten on every start so a changed port or heap
// takes effect. Values holding a control character are refused: a newline
// would add a setting.
func (s *Server) writeConf() error {
	home, err := filepath.Abs(s.Home)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", s.Port)
	settings := [][2]string{
		{"server.directories.data", filepath.Join(home, "data")},
		{"server.directories.logs", filepath.Join(home, "logs")},
		{"server.directories.run", filepath.Join(home, "run")},
		{"server.directories.import", filepath.Join(home, "import")},
		{"server.directories.plugins", filepath.Join(home, "plugins")},
		{"server.default_listen_address", "127.0.0.1"},
		{"server.default_advertised_address", "127.0.0.1"},
		{"server.bolt.listen_address", addr},
		{"server.bolt.advertised_address", addr},
		{"server.https.enabled", "false"},
		// Any local process and any web page (Bolt also speaks WebSocket)
		// can reach a loopback port: the password keeps them out.
		{"dbms.security.auth_enabled", "true"},
		// A second wall behind the server's read-only check: LOAD CSV may
		// read no file and fetch no address.
		{"dbms.security.allow_csv_import_from_file_urls", "false"},
		{"internal.dbms.cypher_ip_blocklist", "0.0.0.0/0,::/0"},
		{"server.memory.heap.initial_size", s.Heap},
		{"server.memory.heap.max_size", s.Heap},
		{"server.memory.pagecache.size", s.PageCache},
		{"db.tx_log.preallocate", "false"},
		{"db.tx_log.rotation.retention_policy", "1 files"},
		{"dbms.usage_report.enabled", "false"},
		{"client.allow_telemetry", "false"},
	}
	if s.HTTPPort > 0 {
		// Neo4j Browser's page and nothing else over HTTP: it talks to the
		// database over Bolt, with the password, like every client.
		http := fmt.Sprintf("127.0.0.1:%d", s.HTTPPort)
		settings = append(settings, [2]string{"server.http.enabled", "true"}, [2]string{"server.http.listen_address", http},
			[2]string{"server.http.advertised_address", http}, [2]string{"server.http_enabled_modules", "BROWSER"})
	} else {
		settings = append(settings, [2]string{"server.http.enabled", "false"})
	}
	var b strings.Builder
	b.WriteString("# Written by stancegraph on every start; edit config.yaml instead.\n")
	for _, kv := range settings {
		if strings.ContainsFunc(kv[1], unicode.IsControl) {
			return fmt.Errorf("neo4j: the value of %s, %q, holds a control character; neo4j.conf not written", kv[0], kv[1])
		}
		fmt.Fprintf(&b, "%s=%s\n", kv[0], kv[1])
	}
	// Only its owner may read the database, its logs and its password.
	if err := os.MkdirAll(home, 0o700); err != nil {
		return fmt.Errorf("neo4j: create %s: %w", home, err)
	}
	if err := os.Chmod(home, 0o700); err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	for _, d := range []string{"conf", "data", "logs", "run", "import", "plugins"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			return fmt.Errorf("neo4j: create %s: %w", d, err)
		}
	}
	return os.WriteFile(filepath.Join(home, "conf", "neo4j.conf"), []byte(b.String()), 0o644)
}
