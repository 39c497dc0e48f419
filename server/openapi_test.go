package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/web"
)

// openAPIDoc is the part of the OpenAPI document the tests read.
type openAPIDoc struct {
	OpenAPI string                                `json:"openapi"`
	Paths   map[string]map[string]json.RawMessage `json:"paths"`
}

func parseOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	return doc
}

// httpMethods are the keys of a path item that name operations.
var httpMethods = map[string]bool{"get": true, "put": true, "post": true, "delete": true,
	"options": true, "head": true, "patch": true, "trace": true}

var ginParam = regexp.MustCompile(`[:*]([A-Za-z0-9_]+)`)

// routeKeys lists the router's routes as "METHOD /path/{param}".
func routeKeys(t *testing.T) map[string]bool {
	t.Helper()
	s, err := New(Options{Graph: pingFunc(func(context.Context) error { return nil }), Logger: slog.New(slog.DiscardHandler),
		Templates: web.Templates(), Static: web.Templates(), Topic: "T"})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	eng, ok := h.(*gin.Engine)
	if !ok {
		t.Fatalf("Handler() returned %T, want *gin.Engine", h)
	}
	keys := map[string]bool{}
	for _, r := range eng.Routes() {
		keys[r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}")] = true
	}
	return keys
}

func TestOpenAPIParses(t *testing.T) {
	doc := parseOpenAPI(t)
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	if len(doc.Paths) == 0 {
		t.Fatal("openapi.json has no paths")
	}
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc := parseOpenAPI(t)
	var missing []string
	for key := range routeKeys(t) {
		method, path, _ := strings.Cut(key, " ")
		if path != "/healthz" && path != "/api" && !strings.HasPrefix(path, "/api/") {
			continue
		}
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			missing = append(missing, key)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("routes missing from openapi.json:\n%s", strings.Join(missing, "\n"))
	}
}

func TestOpenAPIDocumentsOnlyRoutes(t *testing.T) {
	doc := parseOpenAPI(t)
	routes := routeKeys(t)
	var extra []string
	for path, item := range doc.Paths {
		for method := range item {
			if !httpMethods[method] {
				continue // parameters, summary, description...
			}
			key := strings.ToUpper(method) + " " + path
			if !routes[key] {
				extra = append(extra, key)
			}
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Fatalf("openapi.json documents operations the router does not have:\n%s", strings.Join(extra, "\n"))
	}
}

func TestOpenAPIServed(t *testing.T) {
	h := newTestServer(t, pingFunc(func(context.Context) error { return nil }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, localRequest(http.MethodGet, "/api/openapi.json", ""))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("GET /api/openapi.json = %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if !json.Valid(rec.Body.Bytes()) {
		t.Fatal("GET /api/openapi.json: body is not JSON")
	}
}
