// Package server is stancegraph's HTTP explorer: Gin routes, the JSON API
// and the embedded web front end. It is the only package that imports Gin.
package server

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// Pinger reports whether the graph database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Options are what the server needs.
type Options struct {
	Graph     Pinger
	Logger    *slog.Logger
	Templates fs.FS
	// Topic is the name of the event the graph is about, for page titles.
	Topic string
}

// Server holds the routes' dependencies.
type Server struct {
	graph Pinger
	log   *slog.Logger
	pages *template.Template
	topic string
}

// New builds a server. Templates are parsed here so that a broken page
// fails at start-up, not at request time.
func New(o Options) (*Server, error) {
	gin.SetMode(gin.ReleaseMode)
	pages, err := template.ParseFS(o.Templates, "*.html")
	if err != nil {
		return nil, fmt.Errorf("server: parse templates: %w", err)
	}
	return &Server{graph: o.Graph, log: o.Logger, pages: pages, topic: o.Topic}, nil
}

// Handler builds the router: every route in one table.
func (s *Server) Handler() http.Handler {
	r := gin.New()
	r.Use(gin.Recovery(), s.requestLog())
	r.GET("/healthz", s.healthz)
	r.GET("/", s.index)
	return r
}

// requestLog logs each request with slog once it has been answered.
func (s *Server) requestLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		s.log.Info("http", "method", c.Request.Method, "path", c.Request.URL.Path,
			"status", c.Writer.Status(), "dur", time.Since(start).Round(time.Microsecond))
	}
}

// healthz answers 200 when Neo4j is reachable and 503 naming the cause
// when not; the driver reconnects by itself, so recovery needs no restart.
func (s *Server) healthz(c *gin.Context) {
	if err := s.graph.Ping(c.Request.Context()); err != nil {
		fail(c, s.log, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "neo4j": "up"})
}

// Serve listens on addr until ctx is cancelled, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	return s.ServeListener(ctx, ln)
}

// ServeListener serves on an open listener (tests pass one on port 0).
func (s *Server) ServeListener(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	s.log.Info("serving", "url", "http://"+ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
