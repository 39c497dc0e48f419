package server

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/web"
)

func newServer(t *testing.T, o Options) http.Handler {
	t.Helper()
	if o.Graph == nil {
		o.Graph = pingFunc(func(context.Context) error { return nil })
	}
	o.Logger, o.Templates, o.Static = slog.New(slog.DiscardHandler), web.Templates(), web.Static()
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return s.Handler()
}

func TestHostAllowList(t *testing.T) {
	h := newServer(t, Options{Addr: "10.0.0.5:8080", Token: "t0ken-for-a-lan-address", Hosts: []string{"stancegraph.lan"}})
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:8080", http.StatusOK},
		{"localhost:8080", http.StatusOK},
		{"LOCALHOST", http.StatusOK},
		{"[::1]:8080", http.StatusOK},
		{"127.0.0.2", http.StatusOK},
		{"10.0.0.5:8080", http.StatusOK},
		{"stancegraph.lan:8080", http.StatusOK},
		{"rebind.evil.example", http.StatusMisdirectedRequest},
		{"rebind.evil.example:8080", http.StatusMisdirectedRequest},
		{"127.0.0.1.evil.example", http.StatusMisdirectedRequest},
		{"localhost.evil.example", http.StatusMisdirectedRequest},
		{"10.0.0.6:8080", http.StatusMisdirectedRequest},
		{"", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			req := localRequest(http.MethodGet, "/healthz", "")
			req.Host = tt.host
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("Host %q: %d, want %d (%s)", tt.host, rec.Code, tt.want, rec.Body)
			}
		})
	}
}

// TestStateChangingRoutesNeedSameOriginJSON sends every POST and DELETE
// route the router has cross-site or without a JSON body: each gets 403
// before its handler runs (the fake graph would panic into a 500 if it
// were used).
func TestStateChangingRoutesNeedSameOriginJSON(t *testing.T) {
	h := newServer(t, Options{})
	var routes []gin.RouteInfo
	for _, r := range h.(*gin.Engine).Routes() {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			routes = append(routes, r)
		}
	}
	if len(routes) < 6 {
		t.Fatalf("only %d state-changing routes found", len(routes))
	}
	tests := []struct {
		name    string
		headers map[string]string
	}{
		{"cross-site Origin", map[string]string{"Content-Type": "application/json", "Origin": "https://evil.example"}},
		{"cross-site fetch", map[string]string{"Content-Type": "application/json", "Sec-Fetch-Site": "cross-site"}},
		{"same-site but other origin", map[string]string{"Content-Type": "application/json", "Sec-Fetch-Site": "same-site"}},
		{"Origin of another port", map[string]string{"Content-Type": "application/json", "Origin": "http://127.0.0.1:9999"}},
		{"text/plain", map[string]string{"Content-Type": "text/plain"}},
		{"form post", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}},
		{"multipart form", map[string]string{"Content-Type": "multipart/form-data; boundary=x"}},
		{"no content type", nil},
	}
	for _, tt := range tests {
		for _, r := range routes {
			path := strings.NewReplacer(":name", "stance-by-kind", ":id", "x").Replace(r.Path)
			req := localRequest(r.Method, path, `{"query": "RETURN 1", "review": "rejected", "name": "x", "cypher": "RETURN 1"}`)
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), `"forbidden"`) {
				t.Errorf("%s %s, %s: %d %s", r.Method, path, tt.name, rec.Code, rec.Body)
			}
		}
	}
	// The page's own request passes.
	req := localRequest(http.MethodPost, "/api/logout", "{}")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "http://127.0.0.1:8080")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNoContent {
		t.Fatalf("same-origin JSON logout: %d %s", rec.Code, rec.Body)
	}
}

func TestTokenCookieIsScopedAndLogoutClearsIt(t *testing.T) {
	const token = "s3cret-t0ken"
	h := newServer(t, Options{Token: token})
	for _, tt := range []struct {
		name   string
		tls    bool
		secure bool
	}{{"plain HTTP", false, false}, {"TLS", true, true}} {
		t.Run(tt.name, func(t *testing.T) {
			req := localRequest(http.MethodGet, "/?token="+token, "")
			if tt.tls {
				req.TLS = &tls.ConnectionState{}
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			cookies := rec.Result().Cookies()
			if rec.Code != http.StatusSeeOther || len(cookies) != 1 {
				t.Fatalf("token link: %d, cookies %v", rec.Code, cookies)
			}
			c := cookies[0]
			if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" || c.Domain != "" || c.Secure != tt.secure {
				t.Fatalf("cookie %+v: want HttpOnly, SameSite=Strict, Path=/, no Domain, Secure=%v", c, tt.secure)
			}
		})
	}
	req := localRequest(http.MethodPost, "/api/logout", "{}")
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(&http.Cookie{Name: tokenCookie, Value: token})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	cookies := rec.Result().Cookies()
	if rec.Code != http.StatusNoContent || len(cookies) != 1 || cookies[0].Name != tokenCookie || cookies[0].MaxAge >= 0 || cookies[0].Value != "" {
		t.Fatalf("logout: %d, cookies %+v", rec.Code, cookies)
	}
}

func TestStaticListsNoFolder(t *testing.T) {
	h := newServer(t, Options{})
	for path, want := range map[string]int{
		"/static/":         http.StatusNotFound,
		"/static":          http.StatusMovedPermanently, // to /static/, which lists nothing
		"/static/app.css":  http.StatusOK,
		"/static/nothing/": http.StatusNotFound,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, localRequest(http.MethodGet, path, ""))
		if rec.Code != want || strings.Contains(rec.Body.String(), "app.css\"") {
			t.Errorf("GET %s: %d, want %d: %.200s", path, rec.Code, want, rec.Body)
		}
	}
}

func TestCheckExposure(t *testing.T) {
	tests := []struct {
		addr, token string
		allowed     bool
		ok          bool
	}{
		{"127.0.0.1:8080", "", false, true},
		{"localhost:8080", "", false, true},
		{"[::1]:8080", "", false, true},
		{"0.0.0.0:8080", "", false, false},
		{":8080", "", false, false},
		{"[::]:8080", "", false, false},
		{"192.168.1.5:8080", "", false, false},
		{"0.0.0.0:8080", "t0ken", false, true},
		{"0.0.0.0:8080", "", true, true},
	}
	for _, tt := range tests {
		err := CheckExposure(tt.addr, tt.token, tt.allowed)
		if (err == nil) != tt.ok {
			t.Errorf("%s token=%q allowed=%v: %v", tt.addr, tt.token, tt.allowed, err)
		}
		if err != nil && !strings.Contains(err.Error(), "--allow-network-without-token") {
			t.Errorf("%s: the refusal does not name the flag: %v", tt.addr, err)
		}
	}
	if _, err := New(Options{Addr: "0.0.0.0:8080", Templates: web.Templates()}); err == nil {
		t.Error("New accepted an open address without a token")
	}
}

// queryGraph answers UserQuery with a fixed error.
type queryGraph struct {
	fakeGraph
	err error
}

func (q queryGraph) UserQuery(context.Context, string, map[string]any, graph.Limits) (graph.Rows, error) {
	return graph.Rows{}, q.err
}

func TestQueryErrorsMapToStatus(t *testing.T) {
	tests := []struct {
		err  error
		want int
		text string
	}{
		{model.Errorf(model.Timeout, "query timed out after 1s"), http.StatusGatewayTimeout, "query timed out"},
		{model.Errorf(model.Unavailable, "neo4j at bolt://x is unreachable"), http.StatusServiceUnavailable, "unreachable"},
		{model.Errorf(model.Forbidden, "refused: LOAD CSV is not allowed"), http.StatusForbidden, "LOAD CSV"},
	}
	for _, tt := range tests {
		h := newServer(t, Options{Graph: queryGraph{err: tt.err}})
		req := localRequest(http.MethodPost, "/api/cypher", `{"query": "MATCH (n) RETURN n"}`)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tt.want || !strings.Contains(rec.Body.String(), tt.text) {
			t.Errorf("%v: %d %s, want %d with %q", tt.err, rec.Code, rec.Body, tt.want, tt.text)
		}
	}
}

func TestSavedQueryCapsBeforeNeo4j(t *testing.T) {
	h := newServer(t, Options{})
	params := make([]string, 51)
	for i := range params {
		params[i] = `{"name": "p` + strings.Repeat("x", i) + `"}`
	}
	for name, body := range map[string]string{
		"oversized":       `{"name": "big", "cypher": "RETURN '` + strings.Repeat("x", 20001) + `'"}`,
		"many parameters": `{"name": "many", "cypher": "RETURN 1", "params": [` + strings.Join(params, ",") + `]}`,
	} {
		req := localRequest(http.MethodPost, "/api/queries", body)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s: %d %s", name, rec.Code, rec.Body)
		}
	}
}

// TestServesTLSWithSecureCookie serves over real TLS (a certificate made
// here) on loopback: the token cookie comes back Secure.
func TestServesTLSWithSecureCookie(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	const token = "tls-t0ken"
	s, err := New(Options{Graph: pingFunc(func(context.Context) error { return nil }), Logger: slog.New(slog.DiscardHandler),
		Templates: web.Templates(), Static: web.Static(), Token: token, TLSCert: certFile, TLSKey: keyFile})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.ServeListener(ctx, ln) }()
	defer func() { cancel(); <-done }()
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get("https://" + ln.Addr().String() + "/?token=" + token)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cookies := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || len(cookies) != 1 || !cookies[0].Secure || !cookies[0].HttpOnly {
		t.Fatalf("over TLS: %d, cookies %+v", resp.StatusCode, cookies)
	}
}
