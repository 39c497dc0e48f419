package neo4jlocal

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// pom pulls the whole server in through its one umbrella artifact.
const pom = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>stancegraph.local</groupId>
  <artifactId>neo4j-server</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>%s</version>
    </dependency>
  </dependencies>
</project>
`

// mavenDependencyPlugin is pinned so that every machine copies jars the
// same way.
const mavenDependencyPlugin = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies"

// Install fetches the server's jars from Maven Central into the lib folder
// unless a complete copy of this version is already there. The jars land in
// a temporary folder that is renamed into place, so an interrupted download
// never looks complete.
func (s *Server) Install(ctx context.Context) error {
	lib := s.lib()
	marker := filepath.Join(lib, ".complete")
	if _, err := os.Stat(marker); err == nil {
		return nil
	}
	if _, err := exec.LookPath("mvn"); err != nil {
		return fmt.Errorf("neo4j: Maven (mvn) is needed to fetch Neo4j %s from Maven Central: %w", s.Version, err)
	}
	s.logger().Info("fetching Neo4j jars from Maven Central (first run only, ~125 MB)", "version", s.Version, "into", lib)
	tmp := lib + ".partial"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("neo4j: clear %s: %w", tmp, err)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return fmt.Errorf("neo4j: create %s: %w", tmp, err)
	}
	pomPath := filepath.Join(tmp, "pom.xml")
	if err := os.WriteFile(pomPath, []byte(fmt.Sprintf(pom, s.Version)), 0o644); err != nil {
		return fmt.Errorf("neo4j: write %s: %w", pomPath, err)
	}
	absTmp, _ := filepath.Abs(tmp)
	cmd := exec.CommandContext(ctx, "mvn", "-B", "-q", "-f", pomPath, mavenDependencyPlugin,
		"-DincludeScope=runtime", "-Dmdep.prependGroupId=true", "-DoutputDirectory="+absTmp)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("neo4j: fetch jars for %s with Maven: %w\n%s", s.Version, err, tail(string(out), 30))
	}
	if err := os.Remove(pomPath); err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), []byte(s.Version+"\n"), 0o644); err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	if err := os.RemoveAll(lib); err != nil {
		return fmt.Errorf("neo4j: clear %s: %w", lib, err)
	}
	if err := os.Rename(tmp, lib); err != nil {
		return fmt.Errorf("neo4j: move jars into %s: %w", lib, err)
	}
	return nil
}

// writeConf writes neo4j.conf for a small instance bound to loopback only,
// with telemetry off. It is rewritten on every start so a changed port or
// heap takes effect.
func (s *Server) writeConf() error {
	home, err := filepath.Abs(s.Home)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	for _, d := range []string{"conf", "data", "logs", "run", "import", "plugins"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			return fmt.Errorf("neo4j: create %s: %w", d, err)
		}
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
		{"server.http.enabled", "false"},
		{"server.https.enabled", "false"},
		// A throwaway loopback instance; users with a password-protected
		// Neo4j configure neo4j.uri instead.
		{"dbms.security.auth_enabled", "false"},
		{"server.memory.heap.initial_size", s.Heap},
		{"server.memory.heap.max_size", s.Heap},
		{"server.memory.pagecache.size", s.PageCache},
		{"db.tx_log.preallocate", "false"},
		{"db.tx_log.rotation.retention_policy", "1 files"},
		{"dbms.usage_report.enabled", "false"},
		{"client.allow_telemetry", "false"},
	}
	var b strings.Builder
	b.WriteString("# Written by stancegraph on every start; edit config.yaml instead.\n")
	for _, kv := range settings {
		fmt.Fprintf(&b, "%s=%s\n", kv[0], kv[1])
	}
	return os.WriteFile(filepath.Join(home, "conf", "neo4j.conf"), []byte(b.String()), 0o644)
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
