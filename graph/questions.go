package graph

import (
	"fmt"

	"github.com/stancegraph/stancegraph/model"
)

// The Cypher templates a plain question (package ask) can map to. They
// are fixed text: values from the question reach Neo4j only as
// parameters. Relationship types cannot be parameters, so the stance
// template exists once per stance, its type taken from
// model.Stance.Relationship, never from the question.
const (
	// questionStance: $stance ("support", "oppose" or "cautious", the
	// stance the relationship type stands for, echoed in each row for the
	// caller's evidence lookup), $kind ("person", "state", "group" or null
	// for any), $topic (a topic id or null for every topic: one row per
	// actor and topic, grouped by topic).
	questionStance = `MATCH (a:Actor)-[s:%s]->(t:Topic)
WHERE ($kind IS NULL OR a.kind = $kind) AND ($topic IS NULL OR t.id = $topic)
RETURN a.id AS id, a.name AS actor, a.kind AS kind, $stance AS stance, s.claims AS claims, s.documents AS documents,
  t.id AS topic_id, t.name AS topic
ORDER BY t.name, s.claims DESC, s.documents DESC, a.name`

	// QuestionSaid: $actor, $topic (or null). Rejected claims are left out,
	// as they are from the summary edges.
	QuestionSaid = `MATCH (a:Actor {id: $actor})-[:MADE]->(c:Claim)-[:IN]->(d:Document), (c)-[:ABOUT]->(t:Topic)
WHERE ` + counted + ` AND ($topic IS NULL OR t.id = $topic)
RETURN c.id AS claim_id, a.id AS id, a.name AS actor, c.stance AS stance, c.quote AS quote, c.attribution AS attribution,
  d.id AS doc, d.title AS doc_title, t.id AS topic_id, t.name AS topic
ORDER BY t.name, d.source, d.id, c.start`

	// QuestionWho: $actor. One row per affiliation in either direction
	// ("out": the actor is affiliated with the other; "in": the other is
	// affiliated with the actor), or one row with null affiliate columns
	// when there is none.
	QuestionWho = `MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (a)-[r:AFFILIATED_WITH]-(o:Actor)
RETURN a.id AS id, a.name AS actor, a.kind AS kind, o.id AS affiliate_id, o.name AS affiliate, o.kind AS affiliate_kind, r.role AS role,
  CASE WHEN r IS NULL THEN null WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction
ORDER BY direction DESC, affiliate`

	// QuestionPath: $from, $to. shortestPath refuses a path from a node to
	// itself, hence a <> b.
	QuestionPath = `MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
WHERE a <> b
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN [n IN nodes(p) | coalesce(n.name, n.title, n.id)] AS path, [r IN relationships(p) | type(r)] AS rels, length(p) AS hops`

	// QuestionMentions: $actor, $topic (or null: documents about any topic
	// or none).
	QuestionMentions = `MATCH (d:Document)-[m:MENTIONS]->(a:Actor {id: $actor})
WHERE $topic IS NULL OR EXISTS { (d)-[:ABOUT]->(:Topic {id: $topic}) }
RETURN d.id AS doc, d.title AS title, d.source AS source, m.count AS mentions
ORDER BY m.count DESC, d.source`
)

// TimelineClaims is the $timeline_claims a question is asked with: an
// actor with more claims on the topic (thousands, in a large archive)
// gets no timeline in the list, where it would cost seconds a row and
// read as noise, and has its own (/api/timeline?actor=).
const TimelineClaims = 200

// QuestionDisagree is the template, on $topic (or null), for actors whose
// claims on a topic, across all documents, take more than one stance: one
// row per actor and topic, found from the summary edges. The timeline,
// read from the claims after the page is cut (Neo4j plans the Top first),
// gives each change of stance with its date, in the order of the
// documents' publication dates (undated last); it is null past
// $timeline_claims claims.
func QuestionDisagree() string {
	return `MATCH (a:Actor)-[s:` + stanceRels() + `]->(t:Topic)
WHERE $topic IS NULL OR t.id = $topic
WITH a, t, collect(` + stanceOfRel("s") + `) AS stances, sum(s.claims) AS claims
WHERE size(stances) > 1
RETURN a.id AS id, a.name AS actor, a.kind AS kind, stances, claims,
  CASE WHEN claims <= $timeline_claims THEN [step IN reduce(steps = [], step IN COLLECT {
      MATCH (a)-[:MADE]->(c:Claim)-[:ABOUT]->(t) WHERE claims <= $timeline_claims AND ` + counted + `
      MATCH (c)-[:IN]->(d:Document)
      WITH c, d ORDER BY d.published IS NULL, d.published, d.source, d.id, c.start
      RETURN {date: coalesce(toString(d.published), 'undated'), stance: c.stance} } |
    CASE WHEN size(steps) > 0 AND steps[-1].stance = step.stance THEN steps ELSE steps + step END) |
    step.date + ' ' + step.stance] END AS timeline,
  t.id AS topic_id, t.name AS topic
ORDER BY topic, size(stances) DESC, claims DESC, actor`
}

// QuestionStance is the stance template for one stance.
func QuestionStance(s model.Stance) string {
	return fmt.Sprintf(questionStance, s.Relationship())
}

// QuestionTemplates lists every question template.
func QuestionTemplates() []string {
	t := []string{QuestionSaid, QuestionWho, QuestionPath, QuestionDisagree(), QuestionMentions}
	for _, s := range model.Stances() {
		t = append(t, QuestionStance(s))
	}
	return t
}
