package neo4jlocal

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ImportFiles are neo4j-admin's CSV inputs: node files and relationship
// files, each naming its labels or types in its own header. Quoted values
// may span lines; LongestRow, in bytes, sizes the importer's read buffer,
// which must hold a whole row.
type ImportFiles struct {
	Nodes, Relationships []string
	// ArrayDelimiter separates the items of a list value.
	ArrayDelimiter rune
	LongestRow     int
}

// Import replaces the instance's database with the CSV files, through
// Neo4j's offline importer, then starts the server again and waits for
// ready. The server is stopped first: the importer writes the store files
// itself. It is meant for an empty database, which is all it replaces: a
// failed import leaves unusable store files, so they are removed and the
// server starts on an empty database again. The importer's output goes to
// logs/import.log, whose tail a failure carries.
func (s *Server) Import(ctx context.Context, files ImportFiles, ready func(context.Context) error) error {
	home, err := filepath.Abs(s.Home)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	lib, err := filepath.Abs(s.lib())
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	if err := s.writeConf(); err != nil {
		return err
	}
	logPath := filepath.Join(s.logDir(), "import.log")
	log, err := os.Create(logPath)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	defer log.Close()
	args := []string{"-cp", filepath.Join(lib, "*"), "-Xmx" + s.Heap, "-Dfile.encoding=UTF-8", adminEntryPoint,
		"database", "import", "full", "neo4j", "--overwrite-destination", "--bad-tolerance=0", "--verbose",
		fmt.Sprintf("--array-delimiter=U+%04X", files.ArrayDelimiter),
		// "" is an empty string, an unquoted empty value no property, as
		// the transactional write stores them; spelled out, not left to
		// the importer's defaults.
		"--ignore-empty-strings=false", "--trim-strings=false", "--legacy-style-quoting=false",
		// Article text spans lines. Not the newer format that names the
		// multi-line files: on 5.26 its reader fails on a buffer boundary
		// ("found CR outside a text cell") in a large file of text.
		"--multiline-fields=true",
		fmt.Sprintf("--read-buffer-size=%d", max(4<<20, 2*files.LongestRow)),
		// The importer takes 90% of the machine's memory unless told.
		"--max-off-heap-memory=" + s.PageCache,
		"--report-file=" + filepath.Join(s.logDir(), "import.report")}
	for _, f := range files.Nodes {
		args = append(args, "--nodes="+f)
	}
	for _, f := range files.Relationships {
		args = append(args, "--relationships="+f)
	}
	if err := s.Stop(ctx); err != nil {
		return err
	}
	// From here on the server is down: whatever happens, it starts again,
	// even when ctx is cancelled.
	restart := context.WithoutCancel(ctx)
	cmd := exec.CommandContext(ctx, s.Java, args...)
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+filepath.Join(home, "conf"))
	cmd.Stdout, cmd.Stderr = log, log
	s.logger().Info("neo4j import", "nodes", len(files.Nodes), "relationships", len(files.Relationships), "log", logPath)
	if err := cmd.Run(); err != nil {
		failed := fmt.Errorf("neo4j: import failed (%v); tail of %s:\n%s", err, logPath, tail(logPath, 30))
		for _, dir := range []string{"databases", "transactions"} {
			if err := os.RemoveAll(filepath.Join(home, "data", dir, "neo4j")); err != nil {
				return fmt.Errorf("%w\nremoving its store files: %v", failed, err)
			}
		}
		if err := s.Start(restart, ready); err != nil {
			return fmt.Errorf("%w\nrestarting on an empty database: %v", failed, err)
		}
		return failed
	}
	return s.Start(restart, ready)
}

// tail is the last n lines of a file.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
