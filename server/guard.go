package server

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/model"
)

// The guards in this file stand between a web page the analyst happens to
// visit and the server on the analyst's machine.

// allowedHosts are the names a request's Host may carry: the loopback
// names, the host of the address the server listens on, and the extra
// names configured (server.hosts).
func allowedHosts(addr string, extra []string) []string {
	hosts := []string{"localhost"}
	if h, _, err := net.SplitHostPort(addr); err == nil && !unspecified(h) {
		hosts = append(hosts, strings.ToLower(h))
	}
	for _, h := range extra {
		hosts = append(hosts, strings.ToLower(strings.Trim(h, "[]")))
	}
	return hosts
}

// hostGuard answers 421 to a Host header that names no allowed host: a
// page on a rebinding domain (rebind.evil.example resolving to 127.0.0.1)
// then reaches the server but gets nothing from it.
func (s *Server) hostGuard() gin.HandlerFunc {
	allowed := allowedHosts(s.Addr, s.Hosts)
	return func(c *gin.Context) {
		host := c.Request.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.ToLower(strings.Trim(host, "[]"))
		if ip := net.ParseIP(host); (ip != nil && ip.IsLoopback()) || slices.Contains(allowed, host) {
			c.Next()
			return
		}
		fail(c, s.log, model.Errorf(model.Misdirected, "this server does not answer for the host %q; open it as http://127.0.0.1 or http://localhost, or add the name to server.hosts", host))
	}
}

// sameOrigin lets a state-changing request (any method but GET, HEAD and
// OPTIONS) through only when it comes from the server's own pages or from
// a program, not from another site (Origin, Sec-Fetch-Site: Go's
// CrossOriginProtection), and only with a JSON body, which a page on
// another site cannot send without a preflight this server never allows.
func (s *Server) sameOrigin() gin.HandlerFunc {
	cop := http.NewCrossOriginProtection()
	return func(c *gin.Context) {
		switch c.Request.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			c.Next()
			return
		}
		if err := cop.Check(c.Request); err != nil {
			fail(c, s.log, model.Errorf(model.Forbidden, "cross-site request refused: %v", err))
			return
		}
		if mt, _, err := mime.ParseMediaType(c.ContentType()); err != nil || mt != "application/json" {
			fail(c, s.log, model.Errorf(model.Forbidden, "%s %s needs Content-Type: application/json (got %q)",
				c.Request.Method, c.Request.URL.Path, c.GetHeader("Content-Type")))
			return
		}
		c.Next()
	}
}

// unspecified reports whether a listen host means every interface.
func unspecified(host string) bool {
	ip := net.ParseIP(host)
	return host == "" || (ip != nil && ip.IsUnspecified())
}

// CheckExposure refuses to serve beyond loopback without a token unless
// the user asked for it by name (serve --allow-network-without-token):
// anyone on the network could otherwise read the graph and change it.
func CheckExposure(addr, token string, allowed bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("server.addr %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) || token != "" || allowed {
		return nil
	}
	return fmt.Errorf("refusing to serve on %s without a token: anyone who can reach that address could read the graph and change it; "+
		"set STANCEGRAPH_SERVER_TOKEN, or pass --allow-network-without-token if this network is trusted", addr)
}
