// Package neo4jlocal fetches a Neo4j Community server from Maven Central and
// runs it on loopback, for users (and tests) with no Neo4j of their own. It
// knows nothing of the driver: callers pass a readiness probe.
package neo4jlocal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// entryPoint is Neo4j 5.x's server main class; adminEntryPoint its
// neo4j-admin.
const (
	entryPoint      = "org.neo4j.server.CommunityEntryPoint"
	adminEntryPoint = "org.neo4j.server.startup.Neo4jAdminCommand"
)

// Server describes one local Neo4j instance.
type Server struct {
	// Home holds the instance's conf, data, logs and pid file.
	Home string
	// Lib holds the jars; instances of the same version share it. Defaults
	// to lib-<Version> beside Home.
	Lib     string
	Version string
	Port    int
	// HTTPPort serves Neo4j Browser on loopback; 0 turns HTTP off.
	HTTPPort  int
	Heap      string
	PageCache string
	Java      string
	// StartTimeout bounds how long Start waits for Bolt to answer.
	StartTimeout time.Duration
	Logger       *slog.Logger
}

// Status is what Status reports.
type Status struct {
	Running      bool
	PID          int
	URI          string
	User         string
	PasswordFile string
	Home         string
	Data         string
	Version      string
	// Stranger is the process holding the port when it is not this
	// instance: another Neo4j, or anything else.
	Stranger *Holder
}

func (s *Server) lib() string {
	if s.Lib != "" {
		return s.Lib
	}
	return filepath.Join(filepath.Dir(s.Home), "lib-"+s.Version)
}

func (s *Server) pidFile() string { return filepath.Join(s.Home, "run", "stancegraph-neo4j.pid") }
func (s *Server) logDir() string  { return filepath.Join(s.Home, "logs") }

// BrowserURL is where Neo4j Browser answers, "" when HTTP is off.
func (s *Server) BrowserURL() string {
	if s.HTTPPort == 0 {
		return ""
	}
	return fmt.Sprintf("http://127.0.0.1:%d/browser/", s.HTTPPort)
}

// URI is the Bolt address the instance listens on.
func (s *Server) URI() string { return fmt.Sprintf("bolt://127.0.0.1:%d", s.Port) }

func (s *Server) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// Status reports whether the instance's JVM is running, and which other
// process holds its port if one does.
func (s *Server) Status() Status {
	pid, running := s.runningPID()
	home, _ := filepath.Abs(s.Home)
	return Status{Running: running, PID: pid, URI: s.URI(), User: User, PasswordFile: s.PasswordFile(), Home: home,
		Data: filepath.Join(home, "data"), Version: s.Version, Stranger: s.stranger(pid)}
}

// permanent marks a readiness error that waiting will not cure.
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// Permanent marks err, returned by a readiness probe, as final: Start
// stops waiting at once (a refused password does not get better).
func Permanent(err error) error { return permanent{err} }

// Start installs the jars if needed, writes the configuration, gives the
// database its password and starts the server in the background, then
// waits until ready returns nil. A running instance is reused. A port held
// by any other process is refused before anything starts: the probe would
// otherwise find that server ready and every later write would go to it.
// If the JVM exits or the wait times out, the error carries the tail of
// the server's logs.
func (s *Server) Start(ctx context.Context, ready func(context.Context) error) error {
	if pid, running := s.runningPID(); running {
		s.logger().Info("neo4j already running", "uri", s.URI())
		return s.wait(ctx, pid, nil, ready)
	}
	if h := s.stranger(0); h != nil {
		return fmt.Errorf("neo4j: port %d is already in use by %s, which this command did not start (local.home is %s); stop it or set local.port to a free port",
			s.Port, h, s.Home)
	}
	if err := s.Install(ctx); err != nil {
		return err
	}
	if err := s.writeConf(); err != nil {
		return err
	}
	pw, err := s.Password()
	if err != nil {
		return err
	}
	if err := s.applyPassword(ctx, pw); err != nil {
		return err
	}
	return s.launch(ctx, ready)
}

// launch starts the JVM on the written configuration and waits for it; a
// server that does not become ready is stopped.
func (s *Server) launch(ctx context.Context, ready func(context.Context) error) error {
	console, err := os.OpenFile(filepath.Join(s.logDir(), "console.log"), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("neo4j: open console log: %w", err)
	}
	defer console.Close()
	cmd := exec.Command(s.Java, s.jvmArgs()...)
	cmd.Stdout, cmd.Stderr = console, console
	// Its own session: the server outlives this command and a Ctrl-C in the
	// terminal that started it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("neo4j: start %s: %w", s.Java, err)
	}
	if err := os.WriteFile(s.pidFile(), []byte(strconv.Itoa(cmd.Process.Pid)), 0o644); err != nil {
		_ = cmd.Process.Kill()
		return fmt.Errorf("neo4j: write pid file: %w", err)
	}
	s.logger().Info("neo4j starting", "pid", cmd.Process.Pid, "uri", s.URI(), "home", s.Home)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if err := s.wait(ctx, cmd.Process.Pid, exited, ready); err != nil {
		_ = s.Stop(context.Background())
		return err
	}
	return nil
}

// wait polls ready every half second until it succeeds with the port held
// by pid, the JVM exits, ready fails for good, or the start timeout passes.
func (s *Server) wait(ctx context.Context, pid int, exited <-chan error, ready func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, s.StartTimeout)
	defer cancel()
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	var last error
	for {
		pctx, pcancel := context.WithTimeout(ctx, 5*time.Second)
		last = ready(pctx)
		pcancel()
		if last == nil {
			// Whoever answered must be this instance, not a server that
			// took the port meanwhile.
			if h := s.stranger(pid); h != nil {
				return fmt.Errorf("neo4j: port %d answered, but from %s, not this instance (pid %d)", s.Port, h, pid)
			}
			s.logger().Info("neo4j ready", "uri", s.URI())
			return nil
		}
		var final permanent
		if errors.As(last, &final) {
			return fmt.Errorf("neo4j: %w (stancegraph's password for user %s is in %s; a database whose password was changed by hand keeps that one)",
				final.error, User, s.PasswordFile())
		}
		select {
		case err := <-exited:
			return fmt.Errorf("neo4j: server exited during start-up (%v); log tail:\n%s", err, s.LogTail(40))
		case <-ctx.Done():
			return fmt.Errorf("neo4j: not ready at %s after %s (last error: %v); log tail:\n%s",
				s.URI(), s.StartTimeout, last, s.LogTail(40))
		case <-tick.C:
		}
	}
}

// Stop sends SIGTERM and, if the server has not exited after the grace
// period, SIGKILL. Stopping a stopped server is not an error.
func (s *Server) Stop(ctx context.Context) error {
	pid, running := s.runningPID()
	if !running {
		_ = os.Remove(s.pidFile())
		return nil
	}
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("neo4j: stop pid %d: %w", pid, err)
	}
	grace := time.NewTimer(30 * time.Second)
	defer grace.Stop()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for alive(pid) {
		select {
		case <-grace.C:
			s.logger().Warn("neo4j did not stop after SIGTERM; killing", "pid", pid)
			_ = syscall.Kill(pid, syscall.SIGKILL)
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
	_ = os.Remove(s.pidFile())
	s.logger().Info("neo4j stopped", "pid", pid)
	return nil
}

// Kill ends the server with SIGKILL at once: the fault tests' crash.
func (s *Server) Kill() error {
	pid, running := s.runningPID()
	if !running {
		return nil
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		return fmt.Errorf("neo4j: kill pid %d: %w", pid, err)
	}
	for alive(pid) {
		time.Sleep(50 * time.Millisecond)
	}
	return os.Remove(s.pidFile())
}

// runningPID reads the pid file and checks that the process is this
// instance's Neo4j, not an unrelated process that reused the pid.
func (s *Server) runningPID() (int, bool) {
	b, err := os.ReadFile(s.pidFile())
	if err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || !alive(pid) {
		return 0, false
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || !bytes.Contains(cmdline, []byte(entryPoint)) {
		return 0, false
	}
	abs, _ := filepath.Abs(s.Home)
	return pid, bytes.Contains(cmdline, []byte("--home-dir="+abs))
}

func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	// A zombie child has exited but still answers signal 0.
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	if i := bytes.LastIndexByte(stat, ')'); i > 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

// LogTail returns the last n lines of the server's logs, for error messages.
func (s *Server) LogTail(n int) string {
	var out strings.Builder
	for _, name := range []string{"console.log", "neo4j.log", "debug.log"} {
		b, err := os.ReadFile(filepath.Join(s.logDir(), name))
		if err != nil || len(b) == 0 {
			continue
		}
		lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		if len(lines) > n {
			lines = lines[len(lines)-n:]
		}
		fmt.Fprintf(&out, "==> %s <==\n%s\n", filepath.Join(s.logDir(), name), strings.Join(lines, "\n"))
		if name == "neo4j.log" {
			break // debug.log repeats it at length
		}
	}
	if out.Len() == 0 {
		return "(no log output in " + s.logDir() + ")"
	}
	return out.String()
}

func (s *Server) jvmArgs() []string {
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }
	return []string{
		"-cp", filepath.Join(abs(s.lib()), "*"),
		"-Xms" + s.Heap, "-Xmx" + s.Heap, "-XX:+UseG1GC",
		"--add-opens=java.base/java.nio=ALL-UNNAMED",
		"--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
		"--enable-native-access=ALL-UNNAMED",
		"-Dfile.encoding=UTF-8",
		entryPoint,
		"--home-dir=" + abs(s.Home),
		"--config-dir=" + abs(filepath.Join(s.Home, "conf")),
		"--console-mode",
	}
}
