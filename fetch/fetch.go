// Package fetch reads news from the web: article pages (their main text,
// title and date) and RSS, Atom or JSON feeds (the pages they list). It
// is polite (one request at a time per host, a pause between them, a
// timeout, a size cap, a User-Agent that says who asks) and careful: it
// reaches a loopback or private address only at a host and port the user
// named, so a page cannot send it to the analyst's own services.
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/stancegraph/stancegraph/model"
)

// Options bound what the client does.
type Options struct {
	UserAgent string
	// Timeout bounds one request, its body included.
	Timeout time.Duration
	// MaxBytes caps a response body; a larger one is refused.
	MaxBytes int64
	// Delay is the pause between two requests to one host.
	Delay time.Duration
	// MaxRedirects is how many redirects one request may follow.
	MaxRedirects int
}

// Client fetches pages and feeds. Its zero value is not usable: see New.
type Client struct {
	o    Options
	http *http.Client
	// named are the host:port pairs the user gave; only these may be on
	// loopback or private networks.
	named map[string]bool
	mu    sync.Mutex
	hosts map[string]*host
}

// host serialises the requests to one host and spaces them.
type host struct {
	turn chan struct{}
	last time.Time
}

// New returns a client for the given URLs (pages and feeds): a URL on
// loopback or a private network may be fetched only if its host and port
// are among these.
func New(o Options, named ...string) *Client {
	c := &Client{o: o, named: map[string]bool{}, hosts: map[string]*host{}}
	for _, n := range named {
		if u, err := url.Parse(n); err == nil && IsURL(n) {
			c.named[hostPort(u)] = true
		}
	}
	dialer := &net.Dialer{Timeout: o.Timeout}
	c.http = &http.Client{
		Transport: &http.Transport{
			// No proxy: the address check below must see where the
			// request really goes.
			Proxy:                  nil,
			DialContext:            c.dial(dialer),
			TLSHandshakeTimeout:    o.Timeout,
			ResponseHeaderTimeout:  o.Timeout,
			MaxResponseHeaderBytes: 64 << 10,
			ForceAttemptHTTP2:      true,
		},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects (last to %s)", o.MaxRedirects, req.URL.Redacted())
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s: address refused", req.URL.Scheme)
			}
			return nil
		},
	}
	return c
}

// dial connects only to public addresses, or to a loopback or private
// one the user named, and connects to the address it checked (so a name
// that resolves differently the second time cannot slip past).
func (c *Client) dial(d *net.Dialer) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		h, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", h)
		if err != nil {
			return nil, err
		}
		for _, ip := range ips {
			ip = ip.Unmap()
			if !public(ip) && !c.named[strings.ToLower(addr)] {
				return nil, &refused{addr: addr, ip: ip}
			}
		}
		var last error
		for _, ip := range ips {
			conn, err := d.DialContext(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
			if err == nil {
				return conn, nil
			}
			last = err
		}
		return nil, last
	}
}

// refused is a connection the address check did not allow.
type refused struct {
	addr string
	ip   netip.Addr
}

func (r *refused) Error() string {
	return fmt.Sprintf("%s (%s) is a %s address that was not given on the command line: refused", r.addr, r.ip, scope(r.ip))
}

func public(ip netip.Addr) bool {
	return ip.IsGlobalUnicast() && !ip.IsPrivate() && !ip.IsLoopback() && !ip.IsLinkLocalUnicast()
}

func scope(ip netip.Addr) string {
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast():
		return "link-local"
	}
	return "non-public"
}

// hostPort is a URL's host and port, the port filled in from the scheme.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return strings.ToLower(net.JoinHostPort(u.Hostname(), port))
}

// response is a fetched body and what the server said of it.
type response struct {
	url         *url.URL // after redirects
	contentType string   // the media type alone, lower case
	header      string   // the Content-Type header as sent
	body        []byte
}

// kind is what a request asks for: its name in errors, the Accept header
// it sends and the media types it reads ("" for a body sent without one).
type kind struct {
	name, accept string
	types        []string
}

// get fetches one URL of kind k, waiting for its host's turn. Every
// error names the URL.
func (c *Client) get(ctx context.Context, raw string, k kind) (response, error) {
	u, err := Parse(raw)
	if err != nil {
		return response{}, err
	}
	h := c.host(hostPort(u))
	select {
	case h.turn <- struct{}{}:
	case <-ctx.Done():
		return response{}, ctx.Err()
	}
	defer func() {
		h.last = time.Now()
		<-h.turn
	}()
	if wait := time.Until(h.last.Add(c.o.Delay)); wait > 0 {
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return response{}, ctx.Err()
		}
	}
	ctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return response{}, model.Wrap(model.Invalid, err, "%s", raw)
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", k.accept)
	resp, err := c.http.Do(req)
	if err != nil {
		return response{}, c.failed(raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return response{}, model.Errorf(model.Invalid, "%s: HTTP %s", raw, resp.Status)
	}
	header := resp.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(header)
	if header == "" || err != nil {
		mt = ""
	}
	if !slices.Contains(k.types, mt) {
		shown := header
		if shown == "" {
			shown = "none"
		}
		return response{}, model.Errorf(model.Invalid, "%s: content type %s is not %s", raw, shown, k.name)
	}
	if resp.ContentLength > c.o.MaxBytes {
		return response{}, model.Errorf(model.TooLarge, "%s: %d bytes is over the %d-byte cap (ingest.max_bytes); not read", raw, resp.ContentLength, c.o.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.o.MaxBytes+1))
	if err != nil {
		return response{}, c.failed(raw, err)
	}
	if int64(len(body)) > c.o.MaxBytes {
		return response{}, model.Errorf(model.TooLarge, "%s: body is over the %d-byte cap (ingest.max_bytes); stopped reading", raw, c.o.MaxBytes)
	}
	return response{url: resp.Request.URL, contentType: mt, header: header, body: body}, nil
}

// failed words a transport error for the analyst.
func (c *Client) failed(raw string, err error) error {
	var ref *refused
	switch {
	case errors.As(err, &ref):
		return model.Errorf(model.Invalid, "%s: %s", raw, ref.Error())
	case errors.Is(err, context.DeadlineExceeded):
		return model.Errorf(model.Invalid, "%s: no complete answer within %s (fetch.timeout)", raw, c.o.Timeout)
	case errors.Is(err, context.Canceled):
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return model.Errorf(model.Invalid, "%s: %v", raw, err)
}

func (c *Client) host(key string) *host {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.hosts[key]
	if !ok {
		h = &host{turn: make(chan struct{}, 1)}
		c.hosts[key] = h
	}
	return h
}

// IsURL says whether an argument names a web address rather than a file.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Parse checks that raw is an absolute http or https URL and returns it
// without its fragment, which names a place in the page, not another page.
func Parse(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, model.Wrap(model.Invalid, err, "%q is not a URL", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, model.Errorf(model.Invalid, "%q: only http and https URLs can be fetched", raw)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// sniffed reports the media type of a body sent without one.
func sniffed(body []byte) string {
	mt, _, _ := mime.ParseMediaType(http.DetectContentType(bytes.TrimSpace(body)))
	return mt
}
