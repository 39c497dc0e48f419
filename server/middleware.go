package server

import (
	"context"
	"crypto/subtle"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/model"
)

// csp allows only the server's own scripts and styles: document text is
// untrusted, and nothing inline may run.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		c.Next()
	}
}

// tokenCookie carries the token for the browser, which cannot add a header
// to page loads: opening /?token=... once sets it. It is HttpOnly (no
// script reads it), SameSite=Strict (no other site's request carries it),
// bound to this host and path /, Secure when served over TLS, and gone
// when the browser closes or on POST /api/logout.
const tokenCookie = "stancegraph_token"

func setTokenCookie(c *gin.Context, value string, maxAge int) {
	c.SetSameSite(http.SameSiteStrictMode)
	c.SetCookie(tokenCookie, value, maxAge, "/", "", c.Request.TLS != nil, true)
}

// logout forgets the token cookie.
func (s *Server) logout(c *gin.Context) {
	setTokenCookie(c, "", -1)
	c.Status(http.StatusNoContent)
}

// auth requires the token when one is configured: as a bearer header, or
// in the cookie that opening a page with ?token= sets (the token then
// leaves the address bar by a redirect). Comparisons take constant time;
// the token is never logged.
func (s *Server) auth() gin.HandlerFunc {
	want := []byte(s.Token)
	ok := func(got string) bool { return got != "" && subtle.ConstantTimeCompare([]byte(got), want) == 1 }
	return func(c *gin.Context) {
		if len(want) == 0 {
			c.Next()
			return
		}
		if t := c.Query("token"); c.Request.Method == http.MethodGet && ok(t) {
			setTokenCookie(c, t, 0)
			q := c.Request.URL.Query()
			q.Del("token")
			u := *c.Request.URL
			u.RawQuery = q.Encode()
			c.Redirect(http.StatusSeeOther, u.RequestURI())
			c.Abort()
			return
		}
		got, found := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !found {
			got, _ = c.Cookie(tokenCookie)
		}
		if !ok(got) {
			c.Header("WWW-Authenticate", `Bearer realm="stancegraph"`)
			c.AbortWithStatusJSON(http.StatusUnauthorized, errorBody{Error: "a valid bearer token is required", Code: "unauthorized"})
			return
		}
		c.Next()
	}
}

// limits caps the request body, bounds the request's time in Neo4j, and
// gives back the large page's turn (admitLarge) a request took, even when
// its handler panics.
func (s *Server) limits() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxBody)
		ctx, cancel := context.WithTimeout(c.Request.Context(), s.QueryTimeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		defer func() {
			if c.GetBool(largeKey) {
				<-s.large
			}
		}()
		c.Next()
	}
}

// largeKey marks a request that holds a large page's turn.
const largeKey = "stancegraph.large"

// admitLarge waits for a turn to build a large page: 32 requests for
// everything at once on 100,000 documents held 2.5 GB together, and most
// timed out. The wait may take half the request's time, so that a page
// that gets its turn still has time to be built; one that gets none
// answers 429 with Retry-After, and ok is false.
func (s *Server) admitLarge(c *gin.Context) bool {
	if c.GetBool(largeKey) {
		return true
	}
	wait, cancel := context.WithTimeout(c.Request.Context(), s.QueryTimeout/2)
	defer cancel()
	select {
	case s.large <- struct{}{}:
		c.Set(largeKey, true)
		return true
	case <-wait.Done():
		// A large page takes a few seconds on a large graph.
		c.Header("Retry-After", "5")
		fail(c, s.log, model.Errorf(model.Busy,
			"busy: large pages (more than %d items, or downloads without a limit) are built %d at a time and none was free; ask again shortly or for a smaller page (?limit=)",
			largePage, cap(s.large)))
		return false
	}
}

// filesOnly serves files and answers 404 for folders, so /static/ lists
// nothing.
type filesOnly struct{ fs http.FileSystem }

func (f filesOnly) Open(name string) (http.File, error) {
	file, err := f.fs.Open(name)
	if err != nil {
		return nil, err
	}
	if info, err := file.Stat(); err != nil || info.IsDir() {
		file.Close()
		return nil, fs.ErrNotExist
	}
	return file, nil
}

// bindJSON decodes a JSON body, answering 413 or 400 itself on failure.
func (s *Server) bindJSON(c *gin.Context, v any) bool {
	if err := c.ShouldBindJSON(v); err != nil {
		var tooBig *http.MaxBytesError
		if asMaxBytes(err, &tooBig) {
			fail(c, s.log, model.Errorf(model.TooLarge, "request body over %d bytes", maxBody))
		} else {
			fail(c, s.log, model.Errorf(model.Invalid, "request body is not valid JSON for this route: %v", err))
		}
		return false
	}
	return true
}
