package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stancegraph/stancegraph/web"
)

func TestTokenGuardsEverythingButHealthz(t *testing.T) {
	s, err := New(Options{Graph: pingFunc(func(context.Context) error { return nil }), Logger: slog.New(slog.DiscardHandler),
		Templates: web.Templates(), Static: web.Static(), Token: "s3cret-t0ken"})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	get := func(target string, hdr map[string]string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		req := localRequest(http.MethodGet, target, "")
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, target := range []string{"/", "/static/app.css", "/api/actors", "/api/actors?format=csv", "/api/graph?format=graphml",
		"/api/openapi.json", "/documents/x", "/api/ask?q=who+opposed"} {
		for name, hdr := range map[string]map[string]string{
			"no token":     nil,
			"wrong token":  {"Authorization": "Bearer s3cret-t0keX"},
			"empty bearer": {"Authorization": "Bearer "},
			"wrong cookie": {"Cookie": tokenCookie + "=nope"},
		} {
			if rec := get(target, hdr); rec.Code != http.StatusUnauthorized {
				t.Errorf("%s with %s: %d, want 401", target, name, rec.Code)
			}
		}
	}
	if rec := get("/healthz", nil); rec.Code != http.StatusOK {
		t.Errorf("/healthz without token: %d", rec.Code)
	}
	if rec := get("/static/app.css", map[string]string{"Authorization": "Bearer s3cret-t0ken"}); rec.Code != http.StatusOK {
		t.Errorf("static with token: %d", rec.Code)
	}
	// Opening a page with ?token= sets the cookie and drops the token from the address.
	rec := get("/?token=s3cret-t0ken", nil)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/" {
		t.Fatalf("token link: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	cookie := rec.Result().Cookies()
	if len(cookie) != 1 || !cookie[0].HttpOnly || cookie[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie %+v", cookie)
	}
	if rec := get("/static/app.css", map[string]string{"Cookie": tokenCookie + "=s3cret-t0ken"}); rec.Code != http.StatusOK {
		t.Errorf("static with cookie: %d", rec.Code)
	}
}
