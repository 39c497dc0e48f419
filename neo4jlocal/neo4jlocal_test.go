package neo4jlocal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
