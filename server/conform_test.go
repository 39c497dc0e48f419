package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
)

// specValidator checks responses against openapi.json with a maintained
// OpenAPI 3.1 validator; built once per test process.
var specValidator = sync.OnceValues(func() (validator.Validator, error) {
	doc, err := libopenapi.NewDocument(openapiJSON)
	if err != nil {
		return nil, err
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return v, nil
})

// conforming wraps a handler so that every response to an /api or
// /healthz request is checked against openapi.json: a response the
// document does not describe (an undocumented status, a missing
// required field, a wrong type) fails the test.
func conforming(t *testing.T, h http.Handler) http.Handler {
	t.Helper()
	v, err := specValidator()
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body []byte
		if r.Body != nil {
			body, _ = io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		for k, vs := range rec.Header() {
			w.Header()[k] = vs
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
		req := r.Clone(r.Context())
		req.Body = io.NopCloser(bytes.NewReader(body))
		for _, p := range nonConformities(v, req, rec) {
			t.Error(p)
		}
	})
}

// nonConformities lists how a response to an /api or /healthz request
// departs from openapi.json; pages and static files are not described
// there.
func nonConformities(v validator.Validator, r *http.Request, rec *httptest.ResponseRecorder) []string {
	if !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/healthz" {
		return nil
	}
	var out []string
	if ok, errs := v.ValidateHttpResponse(r, rec.Result()); !ok {
		for _, e := range errs {
			out = append(out, fmt.Sprintf("%s %s answered %d, which openapi.json does not describe: %s: %s %v",
				r.Method, r.URL.Path, rec.Code, e.Message, e.Reason, e.SchemaValidationErrors))
		}
	}
	return out
}

// The check catches a response that breaks the document: a field of the
// wrong type, a required one missing, a status it does not list.
func TestConformanceCheckCatchesBrokenResponses(t *testing.T) {
	v, err := specValidator()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, body string
		code             int
		broken           bool
	}{
		{"as documented", "/api/topics", `{"topics": [{"id": "dam", "name": "Dam", "terms": ["dam"], "documents": 1, "claims": 2, "actors": 1}]}`, 200, false},
		{"a number where text belongs", "/api/topics", `{"topics": [{"id": 3, "name": "Dam", "terms": [], "documents": 1, "claims": 2, "actors": 1}]}`, 200, true},
		{"a required field missing", "/api/topics", `{"topics": [{"id": "dam", "name": "Dam", "terms": []}]}`, 200, true},
		{"an undocumented status", "/api/topics", `{"error": "no", "code": "x"}`, http.StatusTeapot, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			rec.Header().Set("Content-Type", "application/json; charset=utf-8")
			rec.WriteHeader(tt.code)
			rec.WriteString(tt.body)
			got := nonConformities(v, localRequest("GET", tt.path, ""), rec)
			if (len(got) > 0) != tt.broken {
				t.Errorf("problems %q, want broken=%v", got, tt.broken)
			}
		})
	}
}
