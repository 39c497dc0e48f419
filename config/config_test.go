package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadRejectsBadValuesNamingTheKey(t *testing.T) {
	tests := []struct {
		name, yaml, wantKey string
	}{
		{"malformed uri", "neo4j:\n  uri: 'not a uri'\n", "neo4j.uri"},
		{"wrong scheme", "neo4j:\n  uri: http://localhost:7474\n", "neo4j.uri"},
		{"uri port out of range", "neo4j:\n  uri: bolt://localhost:70000\n", "neo4j.uri"},
		{"no connections to neo4j", "neo4j:\n  max_connections: 0\n", "neo4j.max_connections"},
		{"local port out of range", "local:\n  port: 0\n", "local.port"},
		{"server addr without port", "server:\n  addr: localhost\n", "server.addr"},
		{"server port out of range", "server:\n  addr: 127.0.0.1:65536\n", "server.addr"},
		{"unknown stance in cue", "extract:\n  cues:\n    - {phrase: 'rejects', stance: hates}\n", "extract.cues[0].stance"},
		{"empty cue phrase", "extract:\n  cues:\n    - {phrase: '', stance: oppose}\n", "extract.cues[0].phrase"},
		{"negative size cap", "ingest:\n  max_bytes: -1\n", "ingest.max_bytes"},
		{"no documents per transaction", "ingest:\n  docs_per_transaction: 0\n", "ingest.docs_per_transaction"},
		{"negative bulk threshold", "ingest:\n  bulk_from: -1\n", "ingest.bulk_from"},
		{"no writers", "ingest:\n  writers: 0\n", "ingest.writers"},
		{"bad log level", "log:\n  level: loud\n", "log.level"},
		{"no fetch timeout", "fetch:\n  timeout: 0s\n", "fetch.timeout"},
		{"negative fetch delay", "fetch:\n  delay: -1s\n", "fetch.delay"},
		{"negative redirect count", "fetch:\n  max_redirects: -1\n", "fetch.max_redirects"},
		{"a User-Agent that would add a header", "fetch:\n  user_agent: \"x\\r\\nCookie: a=b\"\n", "fetch.user_agent"},
		{"no topic terms", "topic:\n  terms: []\n", "topic.terms"},
		{"a topic in a list without terms", "topics:\n  - {id: a, terms: [pact]}\n  - {id: b, terms: []}\n", "topics[1].terms"},
		{"a topic id listed twice", "topics:\n  - {id: a, terms: [pact]}\n  - {id: a, terms: [deal]}\n", "topics[1].id"},
		{"a topic id with a space", "topics:\n  - {id: 'a b', terms: [pact]}\n", "topics[0].id"},
		{"a topic start that is no date", "topics:\n  - {id: a, terms: [pact], start: 'next week'}\n", "topics[0].start"},
		{"a topic ending before it starts", "topics:\n  - {id: a, terms: [pact], start: 2025-11-10, end: 2025-11-01}\n", "topics[0].end"},
		{"both a topic block and a topics list", "topic:\n  id: a\n  terms: [pact]\ntopics:\n  - {id: b, terms: [deal]}\n", "topic and topics"},
		{"unknown key", "neo4j:\n  passwrd: x\n", "passwrd"},
		// Values that reach neo4j.conf: a newline would add a setting.
		{"newline in heap", "local:\n  heap: \"1g\\ndbms.security.auth_enabled=false\"\n", "local.heap"},
		{"newline in page cache", "local:\n  pagecache: \"512m\\nx=y\"\n", "local.pagecache"},
		{"newline in home", "local:\n  home: \".neo4j/x\\ndbms.security.auth_enabled=false\"\n", "local.home"},
		{"version not 5.x.y", "local:\n  version: \"5.26.30\\nx=y\"\n", "local.version"},
		{"host with a scheme", "server:\n  hosts: ['http://evil.example']\n", "server.hosts[0]"},
		{"certificate without key", "server:\n  tls_cert: cert.pem\n", "server.tls_cert"},
		{"tiny byte cap", "server:\n  byte_cap: 10\n", "server.byte_cap"},
		{"no large pages", "server:\n  large_pages: 0\n", "server.large_pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeFile(t, tt.yaml), nil, nil)
			if err == nil {
				t.Fatal("Load accepted a bad value")
			}
			if !strings.Contains(err.Error(), tt.wantKey) {
				t.Fatalf("error %q does not name %s", err, tt.wantKey)
			}
		})
	}
}

func TestLoadPrecedence(t *testing.T) {
	path := writeFile(t, "neo4j:\n  uri: bolt://file:7687\n  database: fromfile\nserver:\n  addr: 127.0.0.1:9000\n")
	t.Setenv("STANCEGRAPH_NEO4J_DATABASE", "fromenv")
	t.Setenv("STANCEGRAPH_LOCAL_START_TIMEOUT", "7s")
	flags := pflag.NewFlagSet("t", pflag.ContinueOnError)
	flags.String("addr", "", "")
	if err := flags.Parse([]string{"--addr", "127.0.0.1:9999"}); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path, flags, map[string]string{"addr": "server.addr"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.URI != "bolt://file:7687" {
		t.Errorf("file value lost: uri %q", c.Neo4j.URI)
	}
	if c.Neo4j.Database != "fromenv" {
		t.Errorf("env did not override file: database %q", c.Neo4j.Database)
	}
	if c.Local.StartTimeout.String() != "7s" {
		t.Errorf("env did not set a nested key: start_timeout %s", c.Local.StartTimeout)
	}
	if c.Server.Addr != "127.0.0.1:9999" {
		t.Errorf("flag did not override file: addr %q", c.Server.Addr)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "absent.yaml"), nil, nil)
	if err == nil || !strings.Contains(err.Error(), "absent.yaml") {
		t.Fatalf("want an error naming the file, got %v", err)
	}
}

func TestDefaultsAreSafe(t *testing.T) {
	t.Chdir(t.TempDir()) // no config.yaml here, nor in the user's folder: defaults only
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	c, err := Load("", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.Server.Addr, "127.0.0.1:") {
		t.Errorf("server does not default to loopback: %s", c.Server.Addr)
	}
	if c.Local.Port == 7687 {
		t.Error("local Neo4j defaults to 7687, clashing with a user's own Neo4j")
	}
	if !c.ManagedLocal() || c.BoltURI() != "bolt://127.0.0.1:17687" {
		t.Errorf("default Bolt URI %q, managed %v", c.BoltURI(), c.ManagedLocal())
	}
}

func TestProjectConfigIsValid(t *testing.T) {
	if _, err := Load("../config.yaml", nil, nil); err != nil {
		t.Fatal(err)
	}
}

func TestMaskedHidesSecrets(t *testing.T) {
	c := Config{Neo4j: Neo4j{URI: "neo4j+s://bob:hunter22@x.databases.neo4j.io", Password: "hunter2"},
		Server: Server{Token: "tok3n"}}
	m := c.Masked()
	for _, secret := range []string{"hunter2", "tok3n"} {
		for _, v := range []string{m.Neo4j.URI, m.Neo4j.Password, m.Server.Token} {
			if strings.Contains(v, secret) {
				t.Errorf("masked config still shows %q in %q", secret, v)
			}
		}
	}
	if c.Neo4j.Password != "hunter2" {
		t.Error("Masked changed the original")
	}
}

func TestNLPPathsAreRelativeToTheConfigFile(t *testing.T) {
	dir := t.TempDir()
	withNLP := filepath.Join(dir, "with.yaml")
	if err := os.WriteFile(withNLP, []byte("nlp:\n  home: models\n  cache: models/cache\nlocal:\n  home: .neo4j/mine\n"+
		"extract:\n  gazetteers: [more.yaml, /abs/other.yaml]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	topicOnly := filepath.Join(dir, "topic.yaml")
	if err := os.WriteFile(topicOnly, []byte("topic:\n  id: t\n  terms: [the deal]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(withNLP, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.NLP.Home != filepath.Join(dir, "models") || c.NLP.Cache != filepath.Join(dir, "models", "cache") {
		t.Errorf("nlp paths from the file: %q %q, want them beside the file", c.NLP.Home, c.NLP.Cache)
	}
	if c.Local.Home != filepath.Join(dir, ".neo4j", "mine") {
		t.Errorf("local.home from the file: %q, want it beside the file (not an empty database in the working folder)", c.Local.Home)
	}
	if c.Extract.Gazetteers[0] != filepath.Join(dir, "more.yaml") || c.Extract.Gazetteers[1] != "/abs/other.yaml" {
		t.Errorf("gazetteers from the file: %q", c.Extract.Gazetteers)
	}
	c, err = Load(topicOnly, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.NLP.Home != ".corenlp" {
		t.Errorf("default nlp.home %q changed by a file that does not set it", c.NLP.Home)
	}
}

func TestTopicsListAndSingleBlock(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"a list", "topics:\n  - {id: dam, name: Dam accord, terms: [dam accord], start: 2025-03-01}\n  - {id: port, terms: [port lease]}\n", []string{"dam", "port"}},
		{"a single block, as older files have", "topic:\n  id: dam\n  terms: [dam accord]\n", []string{"dam"}},
		{"neither: the default topic", "log:\n  level: info\n", []string{"syria-anti-isis-coalition"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(writeFile(t, tt.yaml), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tp := range c.Model() {
				got = append(got, tp.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("topics %v, want %v", got, tt.want)
			}
		})
	}
	c, err := Load(writeFile(t, tests[0].yaml), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Model()[0]; m.Name != "Dam accord" || m.Start != "2025-03-01" || m.Terms[0] != "dam accord" {
		t.Fatalf("first topic %+v", m)
	}
}

// The file is --config's, else STANCEGRAPH_CONFIG's, else ./config.yaml,
// else the user's configuration folder's; a file named but missing fails
// naming what named it.
func TestConfigFileLookup(t *testing.T) {
	work, user := t.TempDir(), t.TempDir()
	t.Chdir(work)
	t.Setenv("XDG_CONFIG_HOME", user)
	t.Setenv("HOME", user)
	write := func(path, level string) string {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("log:\n  level: "+level+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	level := func(flag string) string {
		t.Helper()
		c, err := Load(flag, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return c.Log.Level
	}
	if got := level(""); got != "info" {
		t.Errorf("no file anywhere: level %q, want the default", got)
	}
	write(filepath.Join(user, "stancegraph", "config.yaml"), "error")
	if got := level(""); got != "error" {
		t.Errorf("the user's file: level %q", got)
	}
	write(filepath.Join(work, "config.yaml"), "warn")
	if got := level(""); got != "warn" {
		t.Errorf("./config.yaml before the user's: level %q", got)
	}
	t.Setenv(ConfigEnv, write(filepath.Join(user, "env.yaml"), "debug"))
	if got := level(""); got != "debug" {
		t.Errorf("STANCEGRAPH_CONFIG before ./config.yaml: level %q", got)
	}
	if got := level(write(filepath.Join(user, "flag.yaml"), "info")); got != "info" {
		t.Errorf("--config before all: level %q", got)
	}
	t.Setenv(ConfigEnv, filepath.Join(user, "missing.yaml"))
	if _, err := Load("", nil, nil); err == nil || !strings.Contains(err.Error(), ConfigEnv) {
		t.Errorf("a missing file named by %s: %v", ConfigEnv, err)
	}
}

// NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, as every Neo4j tool reads
// them, are honoured; STANCEGRAPH_* wins over them.
func TestNeo4jToolsEnvironment(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("NEO4J_URI", "neo4j+s://example.databases.neo4j.io")
	t.Setenv("NEO4J_USERNAME", "reader")
	t.Setenv("NEO4J_PASSWORD", "from-neo4j-env")
	c, err := Load("", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.URI != "neo4j+s://example.databases.neo4j.io" || c.Neo4j.User != "reader" || c.Neo4j.Password != "from-neo4j-env" {
		t.Errorf("from NEO4J_*: %+v", c.Neo4j)
	}
	t.Setenv("STANCEGRAPH_NEO4J_URI", "bolt://127.0.0.1:7999")
	t.Setenv("STANCEGRAPH_NEO4J_PASSWORD", "ours")
	if c, err = Load("", nil, nil); err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.URI != "bolt://127.0.0.1:7999" || c.Neo4j.Password != "ours" || c.Neo4j.User != "reader" {
		t.Errorf("STANCEGRAPH_* should win: %+v", c.Neo4j)
	}
}
