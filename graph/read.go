package graph

import (
	"cmp"
	"context"
	"maps"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"golang.org/x/sync/errgroup"

	"github.com/stancegraph/stancegraph/model"
)

// Claim is one claim as the explorer shows it, with its document.
type Claim struct {
	ID       string       `json:"id"`
	ActorID  string       `json:"actor_id"`
	Actor    string       `json:"actor"`
	Kind     model.Kind   `json:"kind"`
	Stance   model.Stance `json:"stance"`
	Quote    string       `json:"quote"`
	Doc      string       `json:"doc"`
	DocTitle string       `json:"doc_title"`
	// Published is the document's publication date (YYYY-MM-DD), "" when
	// it does not say.
	Published   string       `json:"published,omitempty"`
	Start       int64        `json:"start"`
	End         int64        `json:"end"`
	Attribution string       `json:"attribution"`
	Cue         string       `json:"cue"`
	Confidence  float64      `json:"confidence"`
	Review      model.Review `json:"review"`
	// Topic is the id of the topic the claim is about.
	Topic string `json:"topic"`
}

// StanceCount is one summary edge of an actor.
type StanceCount struct {
	Stance    model.Stance `json:"stance"`
	Claims    int64        `json:"claims"`
	Documents int64        `json:"documents"`
}

// Actor is an actor with its summary stances.
type Actor struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Kind     model.Kind    `json:"kind"`
	Aliases  []string      `json:"aliases"`
	Stances  []StanceCount `json:"stances"`
	Evidence int64         `json:"-"`
}

// Affiliation is an actor linked to another by AFFILIATED_WITH.
type Affiliation struct {
	ID   string     `json:"id"`
	Name string     `json:"name"`
	Kind model.Kind `json:"kind"`
	Role string     `json:"role"`
}

// ActorDetail is everything the side panel shows for one actor.
type ActorDetail struct {
	Actor        Actor         `json:"actor"`
	Affiliations []Affiliation `json:"affiliations"`
	// Claims are the page of the actor's claims asked for, in document
	// order, of ClaimsTotal in all.
	Claims      []Claim `json:"claims"`
	ClaimsTotal int     `json:"claims_total"`
}

// Page asks for Limit items (all when 0) from Offset on.
type Page struct {
	Limit, Offset int
}

// Validate refuses a negative limit or offset, naming the parameter.
func (p Page) Validate() error {
	if p.Limit < 0 {
		return model.Errorf(model.Invalid, "parameter limit: must be at least 1, got %d", p.Limit)
	}
	if p.Offset < 0 {
		return model.Errorf(model.Invalid, "parameter offset: must not be negative, got %d", p.Offset)
	}
	return nil
}

// params adds the page to a query's parameters: $offset, and $limit
// (null for all).
func (p Page) params(m map[string]any) map[string]any {
	m["offset"], m["limit"] = p.Offset, nil
	if p.Limit > 0 {
		m["limit"] = p.Limit
	}
	return m
}

// skipLimit is the clause that takes the page from a query's rows; the
// numbers are parameters (see params), so each shape is planned once.
func (p Page) skipLimit() string {
	if p.Limit == 0 {
		return "SKIP $offset"
	}
	return "SKIP $offset LIMIT $limit"
}

// ActorFilter narrows the actor list and the graph. Empty fields do not
// filter.
type ActorFilter struct {
	Stance string
	Kind   string
	Doc    string
	Name   string
	Topic  string
	// Page, when its Limit is above 0, keeps Limit actors from Offset on
	// in the order of their evidence, most first: lists and drawings of a
	// large graph show a page at a time.
	Page
}

// Validate rejects unknown stances and kinds with a message naming the
// parameter.
func (f ActorFilter) Validate() error {
	if err := checkStance(f.Stance); err != nil {
		return err
	}
	if f.Kind != "" {
		if _, err := model.ParseKind(f.Kind); err != nil {
			return model.Errorf(model.Invalid, "parameter kind: %s", model.ErrorMessage(err))
		}
	}
	return f.Page.Validate()
}

// checkStance refuses a stance filter ("" for none) that names no stance,
// naming the parameter.
func checkStance(stance string) error {
	if stance == "" {
		return nil
	}
	if _, err := model.ParseStance(stance); err != nil {
		return model.Errorf(model.Invalid, "parameter stance: %s", model.ErrorMessage(err))
	}
	return nil
}

// params binds a filter left empty as "", not null: Neo4j plans a query
// once per text and parameter types, so with nulls each combination of
// filters the explorer sends was planned anew (0.1-0.9 s each, and under
// load every request for it waited); with strings one plan serves them
// all, and the server's warm-up makes it. The topic stays null when
// empty, as every other query binds it.
func (f ActorFilter) params() map[string]any {
	p := f.Page.params(map[string]any{"stance": f.Stance, "kind": f.Kind, "doc": f.Doc, "name": strings.ToLower(f.Name), "topic": nil})
	if f.Topic != "" {
		p["topic"] = f.Topic
	}
	return p
}

// The filters apply to claims: an actor is listed with the stances its
// matching claims take.
const cypherActorList = `MATCH (a:Actor)-[:MADE]->(c:Claim)-[:IN]->(d:Document)
WHERE ` + counted + `
  AND ($stance = '' OR c.stance = $stance)
  AND ($kind = '' OR a.kind = $kind)
  AND ($doc = '' OR d.id = $doc)
  AND ($topic IS NULL OR EXISTS { (c)-[:ABOUT]->(:Topic {id: $topic}) })
  AND ($name = '' OR toLower(a.name) CONTAINS $name OR any(x IN a.aliases WHERE toLower(x) CONTAINS $name))
WITH a, c.stance AS stance, count(DISTINCT c) AS claims, count(DISTINCT d) AS documents
ORDER BY stance
WITH a, collect({stance: stance, claims: claims, documents: documents}) AS stances, sum(claims) AS evidence
` + actorPage

// actorPage ends an actor query (a, stances, evidence) with the page of
// actors asked for, most evidence first, and how many there are in all:
// one aggregation gives both. Only the page's actors are read beyond their
// names: reading every actor's id, kind and aliases into the list cost the
// 40 actors drawn of 1,888 a quarter of the query.
const actorPage = `WITH a, stances, evidence ORDER BY evidence DESC, a.name
WITH collect({a: a, stances: stances, evidence: evidence}) AS rows
RETURN size(rows) AS total, [r IN rows[$offset..CASE WHEN $limit IS NULL THEN size(rows) ELSE $offset + $limit END] |
  {id: r.a.id, name: r.a.name, kind: r.a.kind, aliases: r.a.aliases, stances: r.stances, evidence: r.evidence}] AS page`

// cypherActorSummaries answers the same from the summary edges, which is
// proportional to the actors rather than to the claims: used unless a
// document filter needs the claims themselves.
func cypherActorSummaries() string {
	return `MATCH (a:Actor)-[s:` + stanceRels() + `]->(t:Topic)
WITH a, t, s, ` + stanceOfRel("s") + ` AS stance
WHERE ($stance = '' OR stance = $stance)
  AND ($kind = '' OR a.kind = $kind)
  AND ($topic IS NULL OR t.id = $topic)
  AND ($name = '' OR toLower(a.name) CONTAINS $name OR any(x IN a.aliases WHERE toLower(x) CONTAINS $name))
WITH a, stance, sum(s.claims) AS claims, sum(s.documents) AS documents
ORDER BY stance
WITH a, collect({stance: stance, claims: claims, documents: documents}) AS stances, sum(claims) AS evidence
` + actorPage
}

// Actors lists actors with claims matching the filter, most evidence
// first (the page the filter's Limit and Offset ask for), and how many
// match in all.
func (s *Store) Actors(ctx context.Context, f ActorFilter) ([]Actor, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	if f.Doc == "" {
		return s.actorList(ctx, cypherActorSummaries(), f.params())
	}
	return s.actorList(ctx, cypherActorList, f.params())
}

func (s *Store) actorList(ctx context.Context, query string, params map[string]any) ([]Actor, int, error) {
	recs, err := s.read(ctx, query, params)
	if err != nil || len(recs) == 0 {
		return nil, 0, err
	}
	total, _ := field(recs[0], "total").(int64)
	page, _ := field(recs[0], "page").([]any)
	out := make([]Actor, 0, len(page))
	for _, x := range page {
		out = append(out, actorFrom(x.(map[string]any)))
	}
	return out, int(total), nil
}

func actorFrom(m map[string]any) Actor {
	a := Actor{ID: str(m["id"]), Name: str(m["name"]), Kind: model.Kind(str(m["kind"])), Aliases: strs(m["aliases"]), Stances: []StanceCount{}}
	stances, _ := m["stances"].([]any)
	for _, x := range stances {
		sc := x.(map[string]any)
		a.Stances = append(a.Stances, StanceCount{Stance: model.Stance(str(sc["stance"])), Claims: sc["claims"].(int64), Documents: sc["documents"].(int64)})
	}
	a.Evidence, _ = m["evidence"].(int64)
	return a
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func strs(v any) []string {
	xs, _ := v.([]any)
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, str(x))
	}
	return out
}

// claimReturn is the RETURN clause every claim query shares; c, a and d
// are the claim, its actor and its document. Its columns are Claim's
// fields by their JSON names (see decode).
const claimReturn = `RETURN c.id AS id, a.id AS actor_id, a.name AS actor, a.kind AS kind, c.stance AS stance,
       c.quote AS quote, d.id AS doc, d.title AS doc_title, toString(d.published) AS published,
       c.start AS start, c.end AS end, c.attribution AS attribution, c.cue AS cue,
       c.confidence AS confidence, coalesce(c.review, '') AS review, head([(c)-[:ABOUT]->(t:Topic) | t.id]) AS topic`

func claimFrom(r *neo4j.Record) Claim {
	var c Claim
	decode(r, &c)
	return c
}

// onTopic is the condition that claim c is about topic $topic (or that
// $topic is null).
const onTopic = "($topic IS NULL OR EXISTS { (c)-[:ABOUT]->(:Topic {id: $topic}) })"

func (s *Store) claims(ctx context.Context, where string, params map[string]any) ([]Claim, error) {
	return s.claimQuery(ctx, "MATCH (a:Actor)-[:MADE]->(c:Claim)-[:IN]->(d:Document) WHERE "+where+"\n"+claimReturn+
		"\nORDER BY d.source, d.id, c.start", params)
}

// claimQuery runs a query that ends in claimReturn.
func (s *Store) claimQuery(ctx context.Context, query string, params map[string]any) ([]Claim, error) {
	recs, err := s.read(ctx, query, params)
	if err != nil {
		return nil, err
	}
	out := make([]Claim, 0, len(recs))
	for _, r := range recs {
		out = append(out, claimFrom(r))
	}
	return out, nil
}

// Actor returns one actor with its affiliations, its stances and the page
// of its claims asked for, on one topic when topic is not "".
func (s *Store) Actor(ctx context.Context, id, topic string, page Page) (ActorDetail, error) {
	if err := page.Validate(); err != nil {
		return ActorDetail{}, err
	}
	return together(ctx, s, func(ctx context.Context) (ActorDetail, error) { return s.actor(ctx, id, topic, page) })
}

// actor reads Actor's actor, tallies, page of claims and affiliations.
func (s *Store) actor(ctx context.Context, id, topic string, page Page) (ActorDetail, error) {
	params := map[string]any{"id": id, "topic": nullIfEmpty(topic)}
	recs, err := s.read(ctx, `MATCH (a:Actor {id: $id})
RETURN a {.id, .name, .kind, .aliases} AS actor, count { (a)-[:MADE]->(c:Claim) WHERE `+onTopic+` } AS total`, params)
	if err != nil {
		return ActorDetail{}, err
	}
	if len(recs) == 0 {
		return ActorDetail{}, model.Errorf(model.NotFound, "no actor %q", id)
	}
	m, _ := field(recs[0], "actor").(map[string]any)
	d := ActorDetail{Actor: actorFrom(m), Affiliations: []Affiliation{}}
	total, _ := field(recs[0], "total").(int64)
	// The stances are tallied over every claim that counts, not the page.
	tally, err := s.read(ctx, `MATCH (a:Actor {id: $id})-[:MADE]->(c:Claim)-[:IN]->(d:Document)
WHERE `+counted+` AND `+onTopic+`
RETURN c.stance AS stance, count(c) AS claims, count(DISTINCT d) AS documents ORDER BY stance`, params)
	if err != nil {
		return ActorDetail{}, err
	}
	for _, r := range tally {
		sc := StanceCount{Stance: model.Stance(str(field(r, "stance")))}
		sc.Claims, _ = field(r, "claims").(int64)
		sc.Documents, _ = field(r, "documents").(int64)
		d.Actor.Stances = append(d.Actor.Stances, sc)
	}
	d.ClaimsTotal = int(total)
	if d.Claims, err = s.claimQuery(ctx, "MATCH (a:Actor {id: $id})-[:MADE]->(c:Claim)-[:IN]->(d:Document) WHERE "+onTopic+"\n"+claimReturn+
		"\nORDER BY d.source, d.id, c.start "+page.skipLimit(), page.params(params)); err != nil {
		return ActorDetail{}, err
	}
	for _, st := range d.Actor.Stances {
		d.Actor.Evidence += st.Claims
	}
	recs, err = s.read(ctx, `MATCH (a:Actor {id: $id})-[r:AFFILIATED_WITH]-(o:Actor)
RETURN o.id AS id, o.name AS name, o.kind AS kind, coalesce(r.role, '') AS role ORDER BY o.name`, map[string]any{"id": id})
	if err != nil {
		return ActorDetail{}, err
	}
	for _, r := range recs {
		d.Affiliations = append(d.Affiliations, Affiliation{ID: str(field(r, "id")), Name: str(field(r, "name")), Kind: model.Kind(str(field(r, "kind"))), Role: str(field(r, "role"))})
	}
	return d, nil
}

// DocumentSummary is one row of the document list.
type DocumentSummary struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Title  string `json:"title"`
	Source string `json:"source"`
	// URL is the address a page fetched from the web was found at.
	URL    string `json:"url,omitempty"`
	Chars  int64  `json:"chars"`
	Claims int64  `json:"claims"`
	Corpus string `json:"corpus,omitempty"`
	// Published is the publication date (YYYY-MM-DD), "" when unknown.
	Published string `json:"published,omitempty"`
	// Topics are the ids of the topics the document is about.
	Topics []string `json:"topics"`
}

// DocumentFilter narrows the document list: to one topic, and to
// documents whose title, source or file name contains Text (ignoring
// case). Empty fields do not filter.
type DocumentFilter struct {
	Topic, Text string
	Page
}

// Documents returns a page of the documents the filter keeps, in order of
// source, each with its number of claims (on the filter's topic), and how
// many there are.
func (s *Store) Documents(ctx context.Context, f DocumentFilter) ([]DocumentSummary, int, error) {
	if err := f.Page.Validate(); err != nil {
		return nil, 0, err
	}
	pageOf, count, p := documentQueries(f)
	// The count and the page each scan the documents a search keeps: read
	// side by side, a search waits for the slower, not for both.
	var total int64
	var recs []*neo4j.Record
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		counted, err := s.read(gctx, count, maps.Clone(p))
		if err == nil {
			total, _ = field(counted[0], "total").(int64)
		}
		return err
	})
	// The page is taken before the claims are counted: a graph of 100,000
	// documents counts the claims of 100, not of all.
	g.Go(func() error {
		var err error
		recs, err = s.read(gctx, pageOf, p)
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, 0, err
	}
	out := make([]DocumentSummary, len(recs))
	for i, r := range recs {
		decode(r, &out[i])
	}
	return out, int(total), nil
}

// documentQueries are the document list's page and count for f, and
// their parameters.
func documentQueries(f DocumentFilter) (page, count string, params map[string]any) {
	params = f.Page.params(map[string]any{"topic": nullIfEmpty(f.Topic), "text": nullIfEmpty(strings.TrimSpace(f.Text))})
	const docOnTopic = `($topic IS NULL OR EXISTS { (d)-[:ABOUT]->(:Topic {id: $topic}) })`
	count = `MATCH (d:Document) RETURN count(d) AS total` // from Neo4j's counts, without a scan
	// "d.source >= ''" (every document has a source) lets the planner read
	// document_source in order instead of sorting every document; a search
	// finds its documents in the document_search text index instead, where
	// a scan of 100,000 documents' titles took 340 ms for the page and as
	// long again for the count.
	match := `MATCH (d:Document) WHERE d.source >= '' AND ` + docOnTopic
	switch {
	case params["text"] != nil:
		match = `MATCH (d:Document) WHERE d.search CONTAINS toLower($text) AND ` + docOnTopic
		count = match + ` RETURN count(d) AS total`
	case params["topic"] != nil:
		count = match + ` RETURN count(d) AS total`
	}
	return match + `
WITH d ORDER BY d.source, d.id ` + f.Page.skipLimit() + `
RETURN d.id AS id, d.title AS title, d.source AS source, d.url AS url, d.chars AS chars,
  count { (d)<-[:IN]-(c:Claim) WHERE ` + onTopic + ` } AS claims,
  d.name AS name, d.corpus AS corpus, toString(d.published) AS published,
  [(d)-[:ABOUT]->(t:Topic) | t.id] AS topics`, count, params
}

// DocumentDetail is a document's text with its claims.
type DocumentDetail struct {
	Document struct {
		ID     string `json:"id"`
		Title  string `json:"title"`
		Source string `json:"source"`
		URL    string `json:"url,omitempty"`
		Text   string `json:"text"`
		// Corpus and CorpusNote say which collection the document is
		// from ("example": written for the project) and what that means.
		Corpus     string `json:"corpus,omitempty"`
		CorpusNote string `json:"corpus_note,omitempty"`
		Published  string `json:"published,omitempty"`
	} `json:"document"`
	Claims []Claim `json:"claims"`
}

// Document returns one document with its claims in text order.
func (s *Store) Document(ctx context.Context, id string) (DocumentDetail, error) {
	var d DocumentDetail
	recs, err := s.read(ctx, `MATCH (d:Document {id: $id})
RETURN d.id AS id, d.title AS title, d.source AS source, d.url AS url, d.text AS text, d.corpus AS corpus, d.corpus_note AS note,
  toString(d.published) AS published`, map[string]any{"id": id})
	if err != nil {
		return d, err
	}
	if len(recs) == 0 {
		return d, model.Errorf(model.NotFound, "no document %q", id)
	}
	get := func(k string) string { return str(field(recs[0], k)) }
	d.Document.ID, d.Document.Title, d.Document.Source, d.Document.URL, d.Document.Text = get("id"), get("title"), get("source"), get("url"), get("text")
	d.Document.Corpus, d.Document.CorpusNote, d.Document.Published = get("corpus"), get("note"), get("published")
	d.Claims, err = s.claims(ctx, "d.id = $id", map[string]any{"id": id})
	return d, err
}

// Disagreement is an actor whose claims on one topic take more than one
// stance.
type Disagreement struct {
	Actor   Actor          `json:"actor"`
	Topic   string         `json:"topic"`
	Stances []StanceClaims `json:"stances"`
}

// StanceClaims is one stance of an actor's: a few of its claims and how
// many there are.
type StanceClaims struct {
	Stance model.Stance `json:"stance"`
	Claims []Claim      `json:"claims"`
	// Total counts the claims (not rejected) of this stance, of which
	// Claims are at most QuotesPerStance.
	Total int64 `json:"total"`
}

// QuotesPerStance is how many quotes a disagreement shows for each side,
// in order of publication date. An actor's page has the rest.
const QuotesPerStance = 3

// cypherDisagreements finds the disputed actor-topic pairs from the
// summary edges alone (work in proportion to actors, not claims), most
// evidence first, and cuts the page; as actorPage, only the page's actors
// are read beyond what orders them.
func cypherDisagreements() string {
	return `MATCH (a:Actor)-[s:` + stanceRels() + `]->(t:Topic)
WHERE $topic IS NULL OR t.id = $topic
WITH a, t, ` + stanceOfRel("s") + ` AS stance, s.claims AS claims, s.documents AS documents
ORDER BY stance
WITH a, t, collect({stance: stance, claims: claims, documents: documents}) AS stances, sum(claims) AS evidence
WHERE size(stances) > 1
WITH a, t, stances, evidence ORDER BY evidence DESC, a.name, a.id, t.id
WITH collect({a: a, stances: stances, evidence: evidence, topic: t.id}) AS rows
RETURN size(rows) AS total, [r IN rows[$offset..CASE WHEN $limit IS NULL THEN size(rows) ELSE $offset + $limit END] |
  {id: r.a.id, name: r.a.name, kind: r.a.kind, aliases: r.a.aliases, stances: r.stances, evidence: r.evidence, topic: r.topic}] AS page`
}

// cypherDisagreementQuotes reads a few quotes of each stance of the
// page's pairs: the first Neo4j reaches, which may change when it plans
// the query again, not the earliest, whose finding would mean sorting
// every claim of an actor with thousands.
const cypherDisagreementQuotes = `UNWIND $pairs AS p
MATCH (a:Actor {id: p.actor}), (t:Topic {id: p.topic})
UNWIND p.stances AS stance
CALL (a, t, stance) {
  MATCH (a)-[:MADE]->(c:Claim)-[:ABOUT]->(t)
  WHERE c.stance = stance AND ` + counted + `
  WITH c LIMIT $quotes
  MATCH (c)-[:IN]->(d:Document)
  RETURN c, d
}
` + claimReturn + `
ORDER BY d.published IS NULL, d.published, d.source, d.id, c.start`

// Disagreements lists actors whose documents give them different stances
// on a topic (on the given one, or on any when topic is ""), one row per
// actor and topic, most evidence first: the page asked for, with how many
// there are in all. Each side carries its count and a few quotes.
func (s *Store) Disagreements(ctx context.Context, topic string, page Page) ([]Disagreement, int, error) {
	if err := page.Validate(); err != nil {
		return nil, 0, err
	}
	type result struct {
		rows  []Disagreement
		total int
	}
	r, err := together(ctx, s, func(ctx context.Context) (result, error) {
		rows, total, err := s.disagreements(ctx, topic, page)
		return result{rows, total}, err
	})
	return r.rows, r.total, err
}

// disagreements reads Disagreements' page and then its quotes.
func (s *Store) disagreements(ctx context.Context, topic string, page Page) ([]Disagreement, int, error) {
	recs, err := s.read(ctx, cypherDisagreements(), page.params(map[string]any{"topic": nullIfEmpty(topic)}))
	if err != nil || len(recs) == 0 {
		return nil, 0, err
	}
	total, _ := field(recs[0], "total").(int64)
	rows, _ := field(recs[0], "page").([]any)
	out := make([]Disagreement, 0, len(rows))
	pairs := make([]map[string]any, 0, len(rows))
	at := map[[2]string]*Disagreement{}
	for _, x := range rows {
		m := x.(map[string]any)
		d := Disagreement{Actor: actorFrom(m), Topic: str(m["topic"])}
		var stances []string
		for _, sc := range d.Actor.Stances {
			d.Stances = append(d.Stances, StanceClaims{Stance: sc.Stance, Claims: []Claim{}, Total: sc.Claims})
			stances = append(stances, string(sc.Stance))
		}
		out = append(out, d)
		pairs = append(pairs, map[string]any{"actor": d.Actor.ID, "topic": d.Topic, "stances": stances})
	}
	for i := range out {
		at[[2]string{out[i].Actor.ID, out[i].Topic}] = &out[i]
	}
	claims, err := s.claimQuery(ctx, cypherDisagreementQuotes, map[string]any{"pairs": pairs, "quotes": QuotesPerStance})
	if err != nil {
		return nil, 0, err
	}
	for _, c := range claims {
		d := at[[2]string{c.ActorID, c.Topic}]
		if d == nil {
			continue // not the page's: its topic changed between the reads
		}
		for i := range d.Stances {
			if d.Stances[i].Stance == c.Stance {
				d.Stances[i].Claims = append(d.Stances[i].Claims, c)
			}
		}
	}
	return out, int(total), nil
}

// ResolveActor maps a name an analyst types ("Ankara", "Erdogan", "the
// UAE") to an actor id: an exact id, then a name or alias equal to it
// ignoring case, then the full-text index.
func (s *Store) ResolveActor(ctx context.Context, name string) (string, bool, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", false, nil
	}
	recs, err := s.read(ctx, `MATCH (a:Actor)
WHERE a.id = $name OR toLower(a.name) = toLower($name) OR any(x IN a.aliases WHERE toLower(x) = toLower($name))
RETURN a.id AS id ORDER BY CASE WHEN toLower(a.name) = toLower($name) THEN 0 ELSE 1 END,
  count { (a)-[:MADE]->() } DESC LIMIT 1`, map[string]any{"name": name})
	if err != nil {
		return "", false, err
	}
	if len(recs) == 1 {
		return str(field(recs[0], "id")), true, nil
	}
	recs, err = s.read(ctx, `CALL db.index.fulltext.queryNodes('actor_names', $q) YIELD node, score
RETURN node.id AS id ORDER BY score DESC LIMIT 1`, map[string]any{"q": fulltextQuery(name)})
	if err != nil || len(recs) == 0 {
		return "", false, err
	}
	return str(field(recs[0], "id")), true, nil
}

// fulltextQuery quotes the name as one Lucene phrase so that its words
// cannot act as query syntax.
func fulltextQuery(name string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
}

// ClaimByID returns one claim.
func (s *Store) ClaimByID(ctx context.Context, id string) (Claim, error) {
	cs, err := s.claims(ctx, "c.id = $id", map[string]any{"id": id})
	if err != nil {
		return Claim{}, err
	}
	if len(cs) == 0 {
		return Claim{}, model.Errorf(model.NotFound, "no claim %q", id)
	}
	return cs[0], nil
}

// Quote is a claim as an answer's evidence shows it.
type Quote struct {
	ClaimID     string       `json:"claim_id"`
	ActorID     string       `json:"actor_id"`
	Topic       string       `json:"topic"`
	Stance      model.Stance `json:"stance"`
	Quote       string       `json:"quote"`
	Doc         string       `json:"doc"`
	DocTitle    string       `json:"doc_title"`
	Attribution string       `json:"attribution"`
}

// quoteWhere keeps the claims that count, in $stance (null for any), on
// $topic (null for any); quoteReturn reads only what a quote shows: the
// claim's every field cost Neo4j a fifth more for an answer's quotes.
const (
	quoteWhere  = counted + ` AND ($stance IS NULL OR c.stance = $stance) AND ` + onTopic
	quoteReturn = `RETURN c.id AS claim_id, a.id AS actor_id, c.stance AS stance, c.quote AS quote, d.id AS doc, d.title AS doc_title,
  c.attribution AS attribution, coalesce($topic, head([(c)-[:ABOUT]->(t:Topic) | t.id])) AS topic`
)

// Evidence returns up to per quotes of claims (not rejected) of each of
// the given actors, on one topic unless topic is "", for the evidence
// read with an answer: the first found, since ordering them would read
// every claim of a popular actor (Quotes pages through them all).
func (s *Store) Evidence(ctx context.Context, actorIDs []string, stance, topic string, per int) ([]Quote, error) {
	recs, err := s.read(ctx, `MATCH (a:Actor) WHERE a.id IN $ids
CALL {
  WITH a
  MATCH (a)-[:MADE]->(c:Claim)-[:IN]->(d:Document)
  WHERE `+quoteWhere+`
  RETURN c, d LIMIT $per
}
`+quoteReturn, map[string]any{"ids": actorIDs, "stance": nullIfEmpty(stance), "per": per, "topic": nullIfEmpty(topic)})
	if err != nil {
		return nil, err
	}
	return quotesOf(recs), nil
}

// QuotePage is a page of one actor's quotes, of Total in all.
type QuotePage struct {
	Quotes []Quote `json:"quotes"`
	Total  int     `json:"total"`
	Offset int     `json:"offset"`
}

// Quotes returns a page of the quotes of one actor's claims (not
// rejected), in one stance unless stance is "", on one topic unless topic
// is "": the evidence behind an answer's row, read when the row is opened
// rather than with every answer. They come in the order Neo4j finds them,
// as the answer's own sample does: for the actor with the most claims on
// the large synthetic graph, sorting them (by document) read its 4,966
// claims for each page, 41,476 db hits against 630, and counting them took
// 23,866 where the summary edges give a topic's count in 17.
func (s *Store) Quotes(ctx context.Context, actorID, stance, topic string, page Page) (QuotePage, error) {
	if err := cmp.Or(checkStance(stance), page.Validate()); err != nil {
		return QuotePage{}, err
	}
	params := map[string]any{"id": actorID, "stance": nullIfEmpty(stance), "topic": nullIfEmpty(topic)}
	return together(ctx, s, func(ctx context.Context) (QuotePage, error) {
		recs, err := s.read(ctx, `MATCH (a:Actor {id: $id})
RETURN CASE WHEN $topic IS NULL THEN count { (a)-[:MADE]->(c:Claim) WHERE `+quoteWhere+` }
  ELSE reduce(n = 0, claims IN [(a)-[s:`+stanceRels()+`]->(:Topic {id: $topic}) WHERE $stance IS NULL OR `+stanceOfRel("s")+` = $stance | s.claims] | n + claims)
  END AS total`, params)
		if err != nil {
			return QuotePage{}, err
		}
		if len(recs) == 0 {
			return QuotePage{}, model.Errorf(model.NotFound, "no actor %q", actorID)
		}
		total, _ := field(recs[0], "total").(int64)
		if recs, err = s.read(ctx, `MATCH (a:Actor {id: $id})-[:MADE]->(c:Claim)-[:IN]->(d:Document)
WHERE `+quoteWhere+`
WITH a, c, d `+page.skipLimit()+`
`+quoteReturn, page.params(params)); err != nil {
			return QuotePage{}, err
		}
		return QuotePage{Quotes: quotesOf(recs), Total: int(total), Offset: page.Offset}, nil
	})
}

func quotesOf(recs []*neo4j.Record) []Quote {
	out := make([]Quote, len(recs))
	for i, r := range recs {
		decode(r, &out[i])
	}
	return out
}

// TimelineCap bounds a timeline: the page shows a popular actor's first
// claims in time, not thousands.
const TimelineCap = 1000

// Timeline returns the claims (not rejected) of one actor, or of every
// actor when actorID is "", on one topic unless topic is "", in order of
// their documents' publication dates; claims from undated documents come
// last.
func (s *Store) Timeline(ctx context.Context, actorID, topic string) ([]Claim, error) {
	var actor any
	if actorID != "" {
		actor = actorID
	}
	return s.claimQuery(ctx, `MATCH (a:Actor)-[:MADE]->(c:Claim)-[:IN]->(d:Document)
WHERE ($actor IS NULL OR a.id = $actor) AND `+counted+` AND `+onTopic+`
`+claimReturn+`
ORDER BY d.published IS NULL, d.published, d.source, c.start LIMIT $cap`, map[string]any{"actor": actor, "cap": TimelineCap, "topic": nullIfEmpty(topic)})
}
