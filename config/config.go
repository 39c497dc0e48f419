// Package config turns config.yaml, STANCEGRAPH_* environment variables and
// command-line flags into one typed, validated Config. Viper stays here: the
// rest of stancegraph receives plain values.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/stancegraph/stancegraph/dates"
	"github.com/stancegraph/stancegraph/model"
)

// EnvPrefix prefixes every environment variable: neo4j.uri is read from
// STANCEGRAPH_NEO4J_URI.
const EnvPrefix = "STANCEGRAPH"

// Config is stancegraph's whole configuration.
type Config struct {
	Neo4j   Neo4j   `mapstructure:"neo4j"`
	Local   Local   `mapstructure:"local"`
	Server  Server  `mapstructure:"server"`
	Ingest  Ingest  `mapstructure:"ingest"`
	Fetch   Fetch   `mapstructure:"fetch"`
	Extract Extract `mapstructure:"extract"`
	Queries Queries `mapstructure:"queries"`
	NLP     NLP     `mapstructure:"nlp"`
	// Topics are the events followed; Topic, a single block, is read when
	// the file has no topics list (older files).
	Topics []Topic `mapstructure:"topics"`
	Topic  Topic   `mapstructure:"topic"`
	Log    Log     `mapstructure:"log"`
}

// Neo4j says which Neo4j to use. An empty URI means the local server that
// stancegraph manages itself (see Local).
type Neo4j struct {
	URI      string        `mapstructure:"uri"`
	User     string        `mapstructure:"user"`
	Password string        `mapstructure:"password"`
	Database string        `mapstructure:"database"`
	Timeout  time.Duration `mapstructure:"timeout"`
	// MaxConnections caps the queries one process runs in Neo4j at once.
	MaxConnections int `mapstructure:"max_connections"`
}

// Local configures the Neo4j Community server that stancegraph fetches from
// Maven Central and runs on loopback when no neo4j.uri is set.
type Local struct {
	Home    string `mapstructure:"home"`
	Version string `mapstructure:"version"`
	Port    int    `mapstructure:"port"`
	// HTTPPort serves Neo4j Browser on loopback; 0 turns it off.
	HTTPPort     int           `mapstructure:"http_port"`
	Heap         string        `mapstructure:"heap"`
	PageCache    string        `mapstructure:"pagecache"`
	Java         string        `mapstructure:"java"`
	StartTimeout time.Duration `mapstructure:"start_timeout"`
}

// Server configures the HTTP explorer.
type Server struct {
	Addr string `mapstructure:"addr"`
	// Hosts are names besides the loopback ones and the address's own host
	// that requests may carry in their Host header.
	Hosts        []string      `mapstructure:"hosts"`
	Token        string        `mapstructure:"token"`
	TLSCert      string        `mapstructure:"tls_cert"`
	TLSKey       string        `mapstructure:"tls_key"`
	QueryTimeout time.Duration `mapstructure:"query_timeout"`
	RowCap       int           `mapstructure:"row_cap"`
	// ByteCap bounds an ad-hoc or saved query's result as JSON.
	ByteCap int `mapstructure:"byte_cap"`
	// LargePages is how many large pages (downloads without a limit, or
	// more items than any page asks for by default) are built at once.
	LargePages int `mapstructure:"large_pages"`
}

// Ingest configures reading and writing articles.
type Ingest struct {
	MaxBytes  int64 `mapstructure:"max_bytes"`
	BatchSize int   `mapstructure:"batch_size"`
	Workers   int   `mapstructure:"workers"`
	// Writers write documents, DocsPerTransaction at a time.
	Writers            int `mapstructure:"writers"`
	DocsPerTransaction int `mapstructure:"docs_per_transaction"`
	// BulkFrom is the fewest articles whose first ingest into the local
	// Neo4j's empty database goes through neo4j-admin's import; 0 never.
	BulkFrom int `mapstructure:"bulk_from"`
}

// Fetch configures reading pages and feeds from the web (the size cap is
// ingest.max_bytes).
type Fetch struct {
	// UserAgent names stancegraph to the sites it reads; "" means
	// "stancegraph/VERSION".
	UserAgent    string        `mapstructure:"user_agent"`
	Timeout      time.Duration `mapstructure:"timeout"`
	Delay        time.Duration `mapstructure:"delay"`
	MaxRedirects int           `mapstructure:"max_redirects"`
}

// Extract configures the extractor's data.
type Extract struct {
	// Gazetteers are the user's own YAML files of actors, read after the
	// built-in ones.
	Gazetteers []string `mapstructure:"gazetteers"`
	// Cues are extra stance phrases, each with its stance.
	Cues []Cue `mapstructure:"cues"`
}

// Cue is one user-defined stance phrase.
type Cue struct {
	Phrase string `mapstructure:"phrase"`
	// POS limits the cue to verbs, nouns or adjectives; empty matches any.
	POS    string `mapstructure:"pos"`
	Stance string `mapstructure:"stance"`
}

// NLP configures how sentences get their structure: "corenlp" parses them
// with Stanford CoreNLP (fetched from Maven Central, run as child
// processes), "fast" with the built-in shallow parser (pure Go, no Java).
type NLP struct {
	Parser       string        `mapstructure:"parser"`
	Home         string        `mapstructure:"home"`
	Version      string        `mapstructure:"version"`
	Java         string        `mapstructure:"java"`
	Heap         string        `mapstructure:"heap"`
	Workers      int           `mapstructure:"workers"`
	StartTimeout time.Duration `mapstructure:"start_timeout"`
	// Cache keeps parses by sentence text; empty turns it off.
	Cache string `mapstructure:"cache"`
}

// Topic is an event or deal that stances are about, the words that name
// it and, optionally, when it happened (YYYY-MM-DD).
type Topic struct {
	ID    string   `mapstructure:"id"`
	Name  string   `mapstructure:"name"`
	Terms []string `mapstructure:"terms"`
	Start string   `mapstructure:"start"`
	End   string   `mapstructure:"end"`
}

// Model returns the topics as the rest of stancegraph uses them.
func (c Config) Model() []model.Topic {
	out := make([]model.Topic, len(c.Topics))
	for i, t := range c.Topics {
		out[i] = model.Topic{ID: t.ID, Name: t.Name, Terms: t.Terms, Start: t.Start, End: t.End}
	}
	return out
}

// Queries says where saved queries come from besides the shipped ones.
type Queries struct {
	// Folder's .cypher files are read when a command starts; one of the
	// same name replaces a shipped query. Empty: the shipped ones only.
	Folder string `mapstructure:"folder"`
}

// Log configures slog.
type Log struct {
	Level  string `mapstructure:"level"`
	Format string `mapstructure:"format"`
}

// DefaultMaxConnections is neo4j.max_connections unless configured: the
// Neo4j connections one process holds (BENCHMARKS.md, "A cap on Neo4j
// connections").
const DefaultMaxConnections = 16

// defaults lists every key, so that each can be overridden from the
// environment (viper only maps env vars onto keys it knows).
func defaults() map[string]any {
	return map[string]any{
		"neo4j.uri":                   "",
		"neo4j.user":                  "neo4j",
		"neo4j.password":              "",
		"neo4j.database":              "neo4j",
		"neo4j.timeout":               "15s",
		"neo4j.max_connections":       DefaultMaxConnections,
		"local.home":                  ".neo4j/main",
		"local.version":               "5.26.30",
		"local.port":                  17687,
		"local.http_port":             17474,
		"local.heap":                  "1g",
		"local.pagecache":             "512m",
		"local.java":                  "java",
		"local.start_timeout":         "180s",
		"server.addr":                 "127.0.0.1:8080",
		"server.hosts":                []string{},
		"server.token":                "",
		"server.tls_cert":             "",
		"server.tls_key":              "",
		"server.query_timeout":        "10s",
		"server.row_cap":              1000,
		"server.large_pages":          2,
		"server.byte_cap":             4 << 20,
		"ingest.max_bytes":            10 << 20,
		"ingest.batch_size":           1000,
		"ingest.workers":              2,
		"ingest.writers":              2,
		"ingest.docs_per_transaction": 64,
		"ingest.bulk_from":            15000,
		"fetch.user_agent":            "",
		"fetch.timeout":               "30s",
		"fetch.delay":                 "1s",
		"fetch.max_redirects":         5,
		"extract.gazetteers":          []string{},
		"queries.folder":              "",
		"extract.cues":                []any{},
		"nlp.parser":                  "corenlp",
		"nlp.home":                    ".corenlp",
		"nlp.version":                 "4.5.10",
		"nlp.java":                    "java",
		"nlp.heap":                    "2g",
		"nlp.workers":                 2,
		"nlp.start_timeout":           "180s",
		"nlp.cache":                   ".corenlp/cache",
		"topic.start":                 "",
		"topic.end":                   "",
		"topic.id":                    "syria-anti-isis-coalition",
		"topic.name":                  "Syria joins the U.S.-led coalition against ISIS",
		"topic.terms": []string{
			"anti-ISIS coalition", "coalition against ISIS", "coalition against the Islamic State",
			"anti-IS coalition", "Global Coalition to Defeat ISIS", "U.S.-led coalition",
			"join the coalition", "joining the coalition", "coalition membership", "coalition",
		},
		"log.level":  "info",
		"log.format": "text",
	}
}

// Load reads the configuration. The file is the one path names (--config),
// else the one STANCEGRAPH_CONFIG names, else config.yaml in the working
// directory, else stancegraph/config.yaml in the user's configuration
// folder, if either exists; without any, the defaults. flags, if not nil,
// are bound by name to the keys in flagKeys.
func Load(path string, flags *pflag.FlagSet, flagKeys map[string]string) (Config, error) {
	v := viper.New()
	for k, d := range defaults() {
		v.SetDefault(k, d)
	}
	v.SetEnvPrefix(EnvPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	// The variables every Neo4j tool and tutorial uses, after ours.
	for key, name := range neo4jEnv() {
		if err := v.BindEnv(key, EnvPrefix+"_"+strings.ToUpper(strings.ReplaceAll(key, ".", "_")), name); err != nil {
			return Config{}, fmt.Errorf("config: bind %s: %w", name, err)
		}
	}
	for name, key := range flagKeys {
		if f := flags.Lookup(name); f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return Config{}, fmt.Errorf("config: bind flag --%s: %w", name, err)
			}
		}
	}
	path, namedBy := configFile(path)
	if _, err := os.Stat(path); err != nil {
		if namedBy != "" {
			return Config{}, fmt.Errorf("config file %s (named by %s): %w", path, namedBy, errors.Unwrap(err))
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return Config{}, fmt.Errorf("config file %s: %w", path, errors.Unwrap(err))
		}
	} else {
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return Config{}, fmt.Errorf("config file %s: %w", path, err)
		}
	}
	var c Config
	// YAML reads an unquoted 2025-11-10 as a time; topics keep dates as
	// text.
	hook := viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		mapstructure.StringToTimeDurationHookFunc(), mapstructure.StringToSliceHookFunc(","), dateAsText))
	if err := v.UnmarshalExact(&c, hook); err != nil {
		return Config{}, fmt.Errorf("config file %s: %w", path, err)
	}
	if len(c.Topics) > 0 && v.InConfig("topic") {
		return Config{}, fmt.Errorf("config file %s: topic and topics: give the topics list only (a single topic block is read when there is no list)", path)
	}
	if len(c.Topics) == 0 {
		c.Topics = []Topic{c.Topic}
	}
	// Paths written in a config file are that file's neighbours, whichever
	// folder a command runs from: local.home relative to the working folder
	// would start an empty database from another one, and nlp.home fetch
	// 480 MB again.
	if used := v.ConfigFileUsed(); used != "" {
		dir := filepath.Dir(used)
		for key, p := range map[string]*string{"local.home": &c.Local.Home, "nlp.home": &c.NLP.Home, "nlp.cache": &c.NLP.Cache,
			"server.tls_cert": &c.Server.TLSCert, "server.tls_key": &c.Server.TLSKey,
			"queries.folder": &c.Queries.Folder} {
			if v.InConfig(key) && *p != "" && !filepath.IsAbs(*p) {
				*p = filepath.Join(dir, *p)
			}
		}
		if v.InConfig("extract.gazetteers") {
			for i, g := range c.Extract.Gazetteers {
				if !filepath.IsAbs(g) {
					c.Extract.Gazetteers[i] = filepath.Join(dir, g)
				}
			}
		}
	}
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// neo4jEnv maps keys to the Neo4j tools' own environment variables, read
// when the STANCEGRAPH_ one is not set.
func neo4jEnv() map[string]string {
	return map[string]string{"neo4j.uri": "NEO4J_URI", "neo4j.user": "NEO4J_USERNAME", "neo4j.password": "NEO4J_PASSWORD"}
}

// ConfigEnv names the config file when --config does not.
const ConfigEnv = EnvPrefix + "_CONFIG"

// configFile is the file to read and what named it ("--config" or the
// environment variable; then it must exist, and "" otherwise): --config,
// then STANCEGRAPH_CONFIG, then ./config.yaml if there is one, then the
// user's configuration folder's.
func configFile(flag string) (string, string) {
	if flag != "" {
		return flag, "--config"
	}
	if env := os.Getenv(ConfigEnv); env != "" {
		return env, ConfigEnv
	}
	if _, err := os.Stat("config.yaml"); err == nil {
		return "config.yaml", ""
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "config.yaml", "" // no home folder: the defaults
	}
	return filepath.Join(dir, "stancegraph", "config.yaml"), ""
}

// dateAsText turns a YAML date into the YYYY-MM-DD it was written as.
func dateAsText(from, to reflect.Type, data any) (any, error) {
	if t, ok := data.(time.Time); ok && to.Kind() == reflect.String {
		return t.Format(time.DateOnly), nil
	}
	return data, nil
}

// Validate checks every value and names the key of the first bad one.
func (c Config) Validate() error {
	bad := func(key, format string, args ...any) error {
		return fmt.Errorf("config: %s: %s", key, fmt.Sprintf(format, args...))
	}
	if c.Neo4j.URI != "" {
		u, err := url.Parse(c.Neo4j.URI)
		if err != nil || u.Host == "" {
			return bad("neo4j.uri", "%q is not a URI like bolt://host:7687", c.Neo4j.URI)
		}
		switch u.Scheme {
		case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
		default:
			return bad("neo4j.uri", "scheme %q is not one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc", u.Scheme)
		}
		if p := u.Port(); p != "" {
			if err := checkPort(p); err != nil {
				return bad("neo4j.uri", "%v", err)
			}
		}
	}
	if c.Neo4j.Database == "" {
		return bad("neo4j.database", "must not be empty")
	}
	if c.Neo4j.Timeout <= 0 {
		return bad("neo4j.timeout", "must be positive, got %s", c.Neo4j.Timeout)
	}
	if c.Neo4j.MaxConnections < 1 {
		return bad("neo4j.max_connections", "must be at least 1, got %d", c.Neo4j.MaxConnections)
	}
	if c.Local.Port < 1 || c.Local.Port > 65535 {
		return bad("local.port", "%d is out of range 1-65535", c.Local.Port)
	}
	if c.Local.HTTPPort < 0 || c.Local.HTTPPort > 65535 || c.Local.HTTPPort == c.Local.Port {
		return bad("local.http_port", "%d is not a free port of 1-65535 other than local.port (0 turns Neo4j Browser off)", c.Local.HTTPPort)
	}
	if c.Local.Home == "" {
		return bad("local.home", "must not be empty")
	}
	if hasControl(c.Local.Home) {
		return bad("local.home", "%q holds a control character (a newline would add settings to neo4j.conf)", c.Local.Home)
	}
	if !reNeo4jVersion.MatchString(c.Local.Version) {
		return bad("local.version", "%q is not a version like 5.26.30: only Neo4j 5.x runs on this project's Java 17 launcher", c.Local.Version)
	}
	for key, size := range map[string]string{"local.heap": c.Local.Heap, "local.pagecache": c.Local.PageCache} {
		if !reMemSize.MatchString(size) {
			return bad(key, "%q is not a memory size like 1g or 512m", size)
		}
	}
	if c.Local.StartTimeout <= 0 {
		return bad("local.start_timeout", "must be positive, got %s", c.Local.StartTimeout)
	}
	if _, port, err := net.SplitHostPort(c.Server.Addr); err != nil {
		return bad("server.addr", "%q is not HOST:PORT", c.Server.Addr)
	} else if err := checkPort(port); err != nil && port != "0" { // 0: any free port
		return bad("server.addr", "%v", err)
	}
	for i, h := range c.Server.Hosts {
		if !reHostName.MatchString(h) {
			return bad(fmt.Sprintf("server.hosts[%d]", i), "%q is not a host name or IP address (no scheme or port)", h)
		}
	}
	if (c.Server.TLSCert == "") != (c.Server.TLSKey == "") {
		return bad("server.tls_cert", "server.tls_cert and server.tls_key go together: set both or neither")
	}
	if c.Server.QueryTimeout <= 0 {
		return bad("server.query_timeout", "must be positive, got %s", c.Server.QueryTimeout)
	}
	if c.Server.RowCap < 1 {
		return bad("server.row_cap", "must be at least 1, got %d", c.Server.RowCap)
	}
	if c.Server.LargePages < 1 {
		return bad("server.large_pages", "must be at least 1, got %d", c.Server.LargePages)
	}
	if c.Server.ByteCap < 1024 {
		return bad("server.byte_cap", "must be at least 1024, got %d", c.Server.ByteCap)
	}
	if c.Ingest.MaxBytes < 1 {
		return bad("ingest.max_bytes", "must be at least 1, got %d", c.Ingest.MaxBytes)
	}
	if c.Ingest.BatchSize < 1 {
		return bad("ingest.batch_size", "must be at least 1, got %d", c.Ingest.BatchSize)
	}
	if c.Ingest.Workers < 1 {
		return bad("ingest.workers", "must be at least 1, got %d", c.Ingest.Workers)
	}
	if c.Ingest.Writers < 1 {
		return bad("ingest.writers", "must be at least 1, got %d", c.Ingest.Writers)
	}
	if c.Ingest.DocsPerTransaction < 1 || c.Ingest.DocsPerTransaction > 1000 {
		return bad("ingest.docs_per_transaction", "must be from 1 to 1000, got %d", c.Ingest.DocsPerTransaction)
	}
	if c.Ingest.BulkFrom < 0 {
		return bad("ingest.bulk_from", "must be 0 (never) or more, got %d", c.Ingest.BulkFrom)
	}
	if c.Fetch.Timeout <= 0 {
		return bad("fetch.timeout", "must be positive, got %s", c.Fetch.Timeout)
	}
	if c.Fetch.Delay < 0 {
		return bad("fetch.delay", "must not be negative, got %s", c.Fetch.Delay)
	}
	if c.Fetch.MaxRedirects < 0 {
		return bad("fetch.max_redirects", "must not be negative, got %d", c.Fetch.MaxRedirects)
	}
	if strings.ContainsAny(c.Fetch.UserAgent, "\r\n") {
		return bad("fetch.user_agent", "must be one line")
	}
	for i, cue := range c.Extract.Cues {
		if strings.TrimSpace(cue.Phrase) == "" {
			return bad(fmt.Sprintf("extract.cues[%d].phrase", i), "must not be empty")
		}
		switch cue.POS {
		case "", "verb", "noun", "adj":
		default:
			return bad(fmt.Sprintf("extract.cues[%d].pos", i), "%q is not verb, noun or adj", cue.POS)
		}
		if _, err := model.ParseStance(cue.Stance); err != nil {
			return bad(fmt.Sprintf("extract.cues[%d].stance", i), "%s", model.ErrorMessage(err))
		}
	}
	switch c.NLP.Parser {
	case "corenlp", "fast":
	default:
		return bad("nlp.parser", "%q is not corenlp or fast", c.NLP.Parser)
	}
	if c.NLP.Parser == "corenlp" {
		if c.NLP.Home == "" {
			return bad("nlp.home", "must not be empty")
		}
		if c.NLP.Workers < 1 {
			return bad("nlp.workers", "must be at least 1, got %d", c.NLP.Workers)
		}
		if c.NLP.StartTimeout <= 0 {
			return bad("nlp.start_timeout", "must be positive, got %s", c.NLP.StartTimeout)
		}
		if !reMemSize.MatchString(c.NLP.Heap) {
			return bad("nlp.heap", "%q is not a Java heap size like 2g", c.NLP.Heap)
		}
	}
	seen := map[string]bool{}
	for i, t := range c.Topics {
		key := fmt.Sprintf("topics[%d]", i)
		if len(c.Topics) == 1 && t.ID == c.Topic.ID && t.Name == c.Topic.Name {
			key = "topic" // the file's single block
		}
		if !reTopicID.MatchString(t.ID) {
			return bad(key+".id", "%q is not an id of letters, digits, '-', '_' or '.' (it goes in addresses as topic=...)", t.ID)
		}
		if seen[t.ID] {
			return bad(key+".id", "%q is listed twice", t.ID)
		}
		seen[t.ID] = true
		if len(t.Terms) == 0 {
			return bad(key+".terms", "must list at least one word or phrase for the topic")
		}
		for _, d := range []struct{ k, v string }{{"start", t.Start}, {"end", t.End}} {
			if d.v != "" && !dates.Valid(d.v) {
				return bad(key+"."+d.k, "%q is not a date like 2025-11-10", d.v)
			}
		}
		if t.Start != "" && t.End != "" && t.End < t.Start {
			return bad(key+".end", "%s is before start %s", t.End, t.Start)
		}
	}
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		return bad("log.level", "%q is not one of debug, info, warn, error", c.Log.Level)
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		return bad("log.format", "%q is not text or json", c.Log.Format)
	}
	return nil
}

var (
	reNeo4jVersion = regexp.MustCompile(`^5\.[0-9]+\.[0-9]+$`)
	reTopicID      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	reMemSize      = regexp.MustCompile(`^[0-9]+[kmgKMG]$`)
	reHostName     = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$`)
)

// hasControl reports whether s holds a control character.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, unicode.IsControl)
}

func checkPort(p string) error {
	n, err := strconv.Atoi(p)
	if err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("port %q is out of range 1-65535", p)
	}
	return nil
}

// ManagedLocal reports whether stancegraph runs its own local Neo4j, which
// it does when no neo4j.uri is configured.
func (c Config) ManagedLocal() bool { return c.Neo4j.URI == "" }

// BoltURI is the URI the driver connects to: the configured one, or the
// managed local server's loopback address.
func (c Config) BoltURI() string {
	if c.ManagedLocal() {
		return fmt.Sprintf("bolt://127.0.0.1:%d", c.Local.Port)
	}
	return c.Neo4j.URI
}

// Masked returns a copy safe to print: secrets are replaced.
func (c Config) Masked() Config {
	m := c
	if m.Neo4j.Password != "" {
		m.Neo4j.Password = "********"
	}
	if m.Server.Token != "" {
		m.Server.Token = "********"
	}
	if u, err := url.Parse(m.Neo4j.URI); err == nil && u.User != nil {
		u.User = url.User(u.User.Username())
		m.Neo4j.URI = u.String()
	}
	return m
}
