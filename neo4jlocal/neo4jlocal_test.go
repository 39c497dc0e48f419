package neo4jlocal

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestConfBindsLoopbackOnlyWithTelemetryOff(t *testing.T) {
	s := &Server{Home: t.TempDir(), Version: "5.26.30", Port: 23456, Heap: "1g", PageCache: "512m"}
	if err := s.writeConf(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(s.Home, "conf", "neo4j.conf"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(b)
	for _, want := range []string{
		"server.default_listen_address=127.0.0.1\n",
		"server.bolt.listen_address=127.0.0.1:23456\n",
		"server.http.enabled=false\n",
		"server.https.enabled=false\n",
		"dbms.usage_report.enabled=false\n",
		"client.allow_telemetry=false\n",
		"dbms.security.auth_enabled=true\n",
		"dbms.security.allow_csv_import_from_file_urls=false\n",
		"internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0\n",
	} {
		if !strings.Contains(conf, want) {
			t.Errorf("neo4j.conf lacks %q", want)
		}
	}
	for _, line := range strings.Split(conf, "\n") {
		if strings.Contains(line, "listen_address") && !strings.Contains(line, "127.0.0.1") {
			t.Errorf("non-loopback listen setting: %s", line)
		}
	}
}

// With an HTTP port, the server serves Neo4j Browser's page on loopback
// and no other HTTP module (no Cypher over HTTP).
func TestConfServesOnlyTheBrowserOnLoopback(t *testing.T) {
	s := &Server{Home: t.TempDir(), Version: "5.26.30", Port: 23456, HTTPPort: 23458, Heap: "1g", PageCache: "512m"}
	if err := s.writeConf(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(s.Home, "conf", "neo4j.conf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"server.http.enabled=true\n", "server.http.listen_address=127.0.0.1:23458\n",
		"server.http_enabled_modules=BROWSER\n", "server.https.enabled=false\n", "dbms.security.auth_enabled=true\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("neo4j.conf lacks %q", want)
		}
	}
	if s.BrowserURL() != "http://127.0.0.1:23458/browser/" {
		t.Errorf("BrowserURL %q", s.BrowserURL())
	}
}

func TestStatusOfNeverStartedServer(t *testing.T) {
	s := &Server{Home: t.TempDir(), Version: "5.26.30", Port: 23457}
	st := s.Status()
	if st.Running || st.URI != "bolt://127.0.0.1:23457" || !filepath.IsAbs(st.Data) {
		t.Fatalf("status %+v", st)
	}
	if err := s.Stop(t.Context()); err != nil {
		t.Fatalf("stopping a stopped server: %v", err)
	}
}

// TestConfRefusesControlCharacters: a value with a newline would add a
// setting of its own (auth off, say); writeConf refuses it, naming it.
func TestConfRefusesControlCharacters(t *testing.T) {
	for _, s := range []*Server{
		{Home: t.TempDir(), Version: "5.26.30", Port: 23456, Heap: "1g\ndbms.security.auth_enabled=false", PageCache: "512m"},
		{Home: t.TempDir(), Version: "5.26.30", Port: 23456, Heap: "1g", PageCache: "512m\r"},
		{Home: filepath.Join(t.TempDir(), "a\nb"), Version: "5.26.30", Port: 23456, Heap: "1g", PageCache: "512m"},
	} {
		err := s.writeConf()
		if err == nil || !strings.Contains(err.Error(), "control character") {
			t.Errorf("%+v: %v", s, err)
		}
		if _, statErr := os.Stat(filepath.Join(s.Home, "conf", "neo4j.conf")); statErr == nil {
			t.Errorf("neo4j.conf written despite %v", err)
		}
	}
}

func TestPasswordFileIsGeneratedOnceAndOwnerOnly(t *testing.T) {
	s := &Server{Home: filepath.Join(t.TempDir(), "home"), Version: "5.26.30", Port: 23458}
	pw, err := s.Password()
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(s.PasswordFile())
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 || len(pw) < 40 || filepath.Dir(s.PasswordFile()) != mustAbs(t, s.Home) {
		t.Fatalf("password file %s mode %v, password of %d characters", s.PasswordFile(), info.Mode().Perm(), len(pw))
	}
	again, err := s.Password()
	if err != nil || again != pw {
		t.Fatalf("second read: %v, same password %v", err, again == pw)
	}
	other := &Server{Home: filepath.Join(t.TempDir(), "other"), Version: "5.26.30", Port: 23459}
	if pw2, _ := other.Password(); pw2 == pw {
		t.Fatal("two homes got the same password")
	}
	// A file others may read is narrowed to 0600.
	if err := os.Chmod(s.PasswordFile(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Password(); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(s.PasswordFile()); info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v after reading a 0644 file", info.Mode().Perm())
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestStartRefusesAPortSomeoneElseHolds holds the port with a listener of
// this test process: Start refuses before installing or starting anything,
// naming the port and this process, and Status names it as a stranger.
func TestStartRefusesAPortSomeoneElseHolds(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	s := &Server{Home: filepath.Join(t.TempDir(), "home"), Version: "5.26.30", Port: port, Java: "java", StartTimeout: time.Second}
	err = s.Start(t.Context(), func(context.Context) error { return nil })
	if err == nil {
		t.Fatal("Start succeeded on a port held by another process")
	}
	for _, want := range []string{fmt.Sprint(port), fmt.Sprintf("pid %d", os.Getpid()), "did not start"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
	if _, err := os.Stat(s.lib()); err == nil {
		t.Error("Start fetched jars before checking the port")
	}
	st := s.Status()
	if st.Running || st.Stranger == nil || st.Stranger.PID != os.Getpid() {
		t.Fatalf("status %+v, stranger %+v", st, st.Stranger)
	}
	ln.Close()
	if st := s.Status(); st.Stranger != nil {
		t.Fatalf("stranger %+v after the port was freed", st.Stranger)
	}
}
