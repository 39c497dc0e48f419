// Package server is stancegraph's HTTP explorer: Gin routes, the JSON API
// and the embedded web front end. It is the only package that imports Gin.
package server

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/ask"
	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// Graph is what the server reads from (and the little it writes to) Neo4j.
type Graph interface {
	// What answering a question reads, and the one transaction its reads
	// share.
	ask.Reader
	ReadTogether(ctx context.Context, timeout time.Duration, fn func(ctx context.Context) error) error
	Ping(ctx context.Context) error
	Actors(ctx context.Context, f graph.ActorFilter) ([]graph.Actor, int, error)
	Actor(ctx context.Context, id, topic string, page graph.Page) (graph.ActorDetail, error)
	Quotes(ctx context.Context, actorID, stance, topic string, page graph.Page) (graph.QuotePage, error)
	Documents(ctx context.Context, f graph.DocumentFilter) ([]graph.DocumentSummary, int, error)
	Topics(ctx context.Context) ([]graph.TopicSummary, error)
	CheckTopic(ctx context.Context, id string) error
	Document(ctx context.Context, id string) (graph.DocumentDetail, error)
	Graph(ctx context.Context, f graph.ActorFilter) (graph.Subgraph, error)
	Neighbourhood(ctx context.Context, id, topic string) (graph.Subgraph, error)
	Disagreements(ctx context.Context, topic string, page graph.Page) ([]graph.Disagreement, int, error)
	CheckQuery(ctx context.Context, query string, params map[string]any) error
	UserQuery(ctx context.Context, query string, params map[string]any, lim graph.Limits) (graph.Rows, error)
	SavedQueries(ctx context.Context) ([]cypher.Query, error)
	SaveQuery(ctx context.Context, q cypher.Query, overwrite bool, maxCount int) error
	DeleteSavedQuery(ctx context.Context, name string) error
	ClaimByID(ctx context.Context, id string) (graph.Claim, error)
	SetReview(ctx context.Context, claimID string, review model.Review) (string, error)
	ResolveActor(ctx context.Context, name string) (string, bool, error)
	ActorID(ctx context.Context, idOrName string) (string, error)
	MergeActors(ctx context.Context, into string, from []string) (model.Actor, error)
	Timeline(ctx context.Context, actorID, topic string) ([]graph.Claim, error)
	SplitActor(ctx context.Context, actor string, names []string) (model.Actor, error)
}

// Options are what the server needs.
type Options struct {
	Graph     Graph
	Logger    *slog.Logger
	Templates fs.FS
	Static    fs.FS
	// Topic names what the graph is about (one event's name, or "every
	// topic"), for page titles until a topic is picked.
	Topic string
	// Addr is where Serve listens; with Hosts, the names (besides the
	// loopback ones) that requests may carry in their Host header.
	Addr  string
	Hosts []string
	// Token, when set, guards every route but /healthz. Without one, New
	// refuses a non-loopback Addr unless OpenWithoutToken is set.
	Token            string
	OpenWithoutToken bool
	// TLSCert and TLSKey, when set, make Serve speak HTTPS.
	TLSCert, TLSKey string
	// QueryTimeout bounds each request's work in Neo4j; RowCap the rows a
	// query returns and ByteCap its size as JSON.
	QueryTimeout time.Duration
	RowCap       int
	ByteCap      int
	// LargePages is how many large pages (see admitLarge) are built at
	// once; 2 if not set.
	LargePages int
	// FileQueries are the saved queries shipped as .cypher files.
	FileQueries []cypher.Query
	// Resolver maps names to actor ids for plain questions; defaults to
	// the graph's own.
	Resolver Resolver
}

// Resolver maps a name an analyst types to an actor id.
type Resolver interface {
	Resolve(ctx context.Context, name string) (string, bool, error)
}

// Server holds the routes' dependencies.
type Server struct {
	Options
	log   *slog.Logger
	pages *template.Template
	// large holds a token for each large page being built.
	large chan struct{}
}

// New builds a server. Templates are parsed here so that a broken page
// fails at start-up, not at request time.
func New(o Options) (*Server, error) {
	gin.SetMode(gin.ReleaseMode)
	if o.Addr != "" {
		if err := CheckExposure(o.Addr, o.Token, o.OpenWithoutToken); err != nil {
			return nil, err
		}
	}
	pages, err := template.ParseFS(o.Templates, "*.html")
	if err != nil {
		return nil, fmt.Errorf("server: parse templates: %w", err)
	}
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = 10 * time.Second
	}
	if o.RowCap <= 0 {
		o.RowCap = 1000
	}
	if o.ByteCap <= 0 {
		o.ByteCap = 4 << 20
	}
	if o.LargePages <= 0 {
		o.LargePages = 2
	}
	if o.Resolver == nil {
		o.Resolver = graphResolver{o.Graph}
	}
	s := &Server{Options: o, log: o.Logger, pages: pages, large: make(chan struct{}, o.LargePages)}
	if !s.hasBundle() {
		s.log.Warn("this binary has no front-end bundle (static/dist/app.js): the page will say so and do nothing; build with make build, or make web before go build")
	}
	return s, nil
}

// bundle is the front end's script, which npm builds into static/dist; a
// binary built without running the build has none.
const bundle = "dist/app.js"

// hasBundle reports whether the static files hold the front end's script.
func (s *Server) hasBundle() bool {
	_, err := fs.Stat(s.Static, bundle)
	return err == nil
}

type graphResolver struct{ g Graph }

func (r graphResolver) Resolve(ctx context.Context, name string) (string, bool, error) {
	return r.g.ResolveActor(ctx, name)
}

// maxBody caps request bodies: queries and questions are small.
const maxBody = 1 << 20

// Handler builds the router: every route in one table.
func (s *Server) Handler() http.Handler {
	r := gin.New()
	r.Use(gin.CustomRecoveryWithWriter(io.Discard, s.recovered), s.requestLog(), securityHeaders(), s.hostGuard(), s.sameOrigin())
	r.GET("/healthz", s.healthz)

	p := r.Group("/", s.auth(), s.limits())
	p.GET("/", s.index)
	p.GET("/documents/:id", s.documentPage)
	p.StaticFS("/static", filesOnly{http.FS(s.Static)})

	api := p.Group("/api")
	api.GET("/openapi.json", s.openapi)
	api.GET("/actors", s.actors)
	api.GET("/actors/:id", s.actor)
	api.GET("/actors/:id/evidence", s.evidence)
	api.GET("/topics", s.topics)
	api.GET("/documents", s.documents)
	api.GET("/documents/:id", s.document)
	api.GET("/graph", s.graph)
	api.GET("/graph/neighbourhood/:id", s.neighbourhood)
	api.GET("/disagreements", s.disagreements)
	api.GET("/timeline", s.timeline)
	api.GET("/queries", s.listQueries)
	api.GET("/queries/:name", s.getQuery)
	api.POST("/queries", s.saveQuery)
	api.POST("/queries/:name/run", s.runQuery)
	api.DELETE("/queries/:name", s.deleteQuery)
	api.POST("/cypher", s.runCypher)
	api.GET("/ask", s.ask)
	api.POST("/claims/:id/review", s.review)
	api.POST("/actors/merge", s.mergeActors)
	api.POST("/actors/split", s.splitActor)
	api.POST("/logout", s.logout)
	r.NoRoute(func(c *gin.Context) {
		c.JSON(http.StatusNotFound, errorBody{Error: "no route " + c.Request.Method + " " + c.Request.URL.Path, Code: "not_found"})
	})
	return r
}

// requestLog logs each request with slog once it has been answered. The
// query string is left out: it can carry a token or a user's question.
func (s *Server) requestLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		s.log.Info("http", "method", c.Request.Method, "path", c.Request.URL.Path,
			"status", c.Writer.Status(), "dur", time.Since(start).Round(time.Microsecond))
	}
}

// healthz answers 200 when Neo4j is reachable and 503 when not; the
// driver reconnects by itself, so recovery needs no restart. It needs no
// token, so it says no more than up or down: the cause, which can name
// the server and its user, goes to the log.
func (s *Server) healthz(c *gin.Context) {
	if err := s.Graph.Ping(c.Request.Context()); err != nil {
		fail(c, s.log, model.Wrap(model.Unavailable, err, "neo4j is unavailable"))
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "neo4j": "up"})
}

// Serve listens on Addr until ctx is cancelled, then shuts down gracefully.
// It warms Neo4j's query plans before it answers; requests that arrive
// meanwhile wait in the listener's queue.
func (s *Server) Serve(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.Addr, err)
	}
	s.Warm(ctx)
	return s.ServeListener(ctx, ln)
}

// ServeListener serves on an open listener (tests pass one on port 0).
func (s *Server) ServeListener(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.QueryTimeout + 30*time.Second,
		IdleTimeout:       120 * time.Second,
		// Room for a long question in the URL, so that it reaches the
		// handler and gets its JSON 400 rather than a bare 431.
		MaxHeaderBytes: 256 << 10,
	}
	errc := make(chan error, 1)
	if s.TLSCert != "" {
		s.log.Info("serving", "url", "https://"+ln.Addr().String())
		go func() { errc <- srv.ServeTLS(ln, s.TLSCert, s.TLSKey) }()
	} else {
		s.log.Info("serving", "url", "http://"+ln.Addr().String())
		go func() { errc <- srv.Serve(ln) }()
	}
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
