package graph

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/model"
)

// DocumentInput is everything one article contributes to the graph.
type DocumentInput struct {
	// ID says where the document came from (see ingest): two files of
	// the same name in different folders are two documents.
	ID     string
	Name   string // the file's base name
	Title  string
	Source string // its path under the folder that was ingested, or its URL
	// URL is where a page fetched from the web was found (after
	// redirects); "" for a file.
	URL    string
	SHA256 string // of the file's bytes
	// ReadFor names the topics the document was read against (see ingest).
	ReadFor string
	Text    string
	// Topics are the events the document is about; each claim names one
	// of them.
	Topics []model.Topic
	Actors []model.Actor
	Claims []model.Claim
	// Affiliations link people to states and groups.
	Affiliations []model.Affiliation
	// Corpus names the collection the document belongs to ("" for none),
	// and CorpusNote is what readers should know of it: the project's own
	// examples are written for it, their quotations invented.
	Corpus, CorpusNote string
	// Published is the publication date, YYYY-MM-DD, or "" for unknown.
	Published string
}

// ClaimID is stable across re-ingests of a changed file as long as the
// same actor takes the same stance on the same topic in the same sentence,
// so analysts' review marks survive edits elsewhere in the document. The
// document's id and the topic are part of it: the same sentence in two
// documents, or about two events, is two claims.
func ClaimID(docID string, c model.Claim) string {
	return claimHash(docID + "\x00" + c.Topic + "\x00" + c.ActorID + "\x00" + string(c.Stance) + "\x00" + c.Evidence)
}

// singleTopicClaimID is the id claims had when the graph held one topic;
// a claim still under it takes its new id when its document is next
// written, keeping its review mark.
func singleTopicClaimID(docID string, c model.Claim) string {
	return claimHash(docID + "\x00" + c.ActorID + "\x00" + string(c.Stance) + "\x00" + c.Evidence)
}

func claimHash(key string) string {
	h := sha256.Sum256([]byte(key))
	return "claim:" + hex.EncodeToString(h[:12])
}

// DocumentState is what the ingester needs to know of a stored document
// to tell whether it must be read again (and, for a document an earlier
// version wrote, where it was read from).
type DocumentState struct {
	SHA256  string
	ReadFor string
	Source  string
}

// DocumentStates returns the state of each of the given documents the
// graph holds, by id, in one query per 10,000 ids: an ingest run asks once
// for all its documents instead of once for each.
func (s *Store) DocumentStates(ctx context.Context, ids []string) (map[string]DocumentState, error) {
	out := make(map[string]DocumentState, len(ids))
	for start := 0; start < len(ids); start += 10000 {
		recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (d:Document {id: id})
RETURN d.id AS id, d.sha256 AS sha256, d.read_for AS read_for, d.source AS source`, map[string]any{"ids": ids[start:min(start+10000, len(ids))]})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			out[str(field(r, "id"))] = DocumentState{SHA256: str(field(r, "sha256")), ReadFor: str(field(r, "read_for")), Source: str(field(r, "source"))}
		}
	}
	return out, nil
}

// People returns every person in the graph by id and name, for the
// ingester to map new spellings of a name onto the person it has.
func (s *Store) People(ctx context.Context) ([]model.Actor, error) {
	recs, err := s.read(ctx, "MATCH (a:Person) RETURN a.id AS id, a.name AS name ORDER BY a.id", nil)
	if err != nil {
		return nil, err
	}
	out := make([]model.Actor, 0, len(recs))
	for _, r := range recs {
		out = append(out, model.Actor{ID: str(field(r, "id")), Name: str(field(r, "name")), Kind: model.Person})
	}
	return out, nil
}

// The write statements. Each runs with UNWIND over a batch of rows; labels
// and relationship types cannot be parameters, hence one statement per kind
// and FOREACH switches per stance.
const (
	// cypherUpsertDocuments writes the topics and the documents, ties each
	// document to the topics it is now about, and returns the documents'
	// claim counts as they were.
	cypherUpsertDocuments = `CALL {
UNWIND $topics AS r
MERGE (t:Topic {id: r.id})
SET t.name = r.name, t.terms = r.terms,
    t.start = CASE WHEN r.start IS NULL THEN null ELSE date(r.start) END,
    t.end = CASE WHEN r.end IS NULL THEN null ELSE date(r.end) END
}
UNWIND $docs AS doc
MERGE (d:Document {id: doc.id})
SET d.name = doc.name, d.title = doc.title, d.source = doc.source, d.url = doc.url, d.sha256 = doc.sha256, d.read_for = doc.read_for,
    d.chars = doc.chars, d.text = doc.text, d.ingested_at = datetime(),
    d.corpus = doc.corpus, d.corpus_note = doc.corpus_note,
    d.published = CASE WHEN doc.published IS NULL THEN null ELSE date(doc.published) END
SET d.search = ` + documentSearch + `
WITH d, doc
CALL { WITH d MATCH (d)-[old:ABOUT]->(:Topic) DELETE old }
CALL { WITH d, doc UNWIND doc.topics AS tid MATCH (t:Topic {id: tid}) CREATE (d)-[:ABOUT]->(t) }
WITH d
OPTIONAL ` + docClaimCounts

	// cypherStanceCounts counts documents' claims that count (not
	// rejected) per actor and stance, before and after a rewrite, so that
	// the summary edges can be adjusted by the difference instead of
	// recounted over every document.
	cypherStanceCounts = "UNWIND $ids AS id\nMATCH (d:Document {id: id})\n" + docClaimCounts

	// docClaimCounts counts the claims of document d per actor, stance
	// and topic.
	docClaimCounts = `MATCH (d)<-[:IN]-(c:Claim)<-[:MADE]-(a:Actor), (c)-[:ABOUT]->(t:Topic)
WHERE ` + counted + `
RETURN d.id AS doc, a.id AS actor, c.stance AS stance, t.id AS topic, count(c) AS claims`

	// cypherRekeyClaims gives claims written under the single-topic id
	// their id under the topic's, so that the rewrite below finds them
	// and their review marks stay.
	cypherRekeyClaims = `UNWIND $rekey AS r
MATCH (c:Claim {id: r.old})
OPTIONAL MATCH (taken:Claim {id: r.new})
WITH c, r WHERE taken IS NULL
SET c.id = r.new`

	cypherDropStale = `MATCH (d:Document {id: $id})<-[:IN]-(c:Claim)
WHERE NOT c.id IN $keep
DETACH DELETE c`

	cypherActors = `UNWIND $actors AS r
MERGE (a:Actor {id: r.id})
ON CREATE SET a.name = r.name, a.kind = r.kind, a.aliases = []
SET a.name = CASE WHEN size(split(r.name, ' ')) > size(split(a.name, ' ')) THEN r.name ELSE a.name END
SET a.aliases = reduce(acc = coalesce(a.aliases, []), x IN r.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END)
SET a.aliases_text = reduce(s = '', x IN a.aliases | s + ' ' + x)
FOREACH (_ IN CASE WHEN r.kind = 'person' THEN [1] ELSE [] END | SET a:Person)
FOREACH (_ IN CASE WHEN r.kind = 'state' THEN [1] ELSE [] END | SET a:State)
FOREACH (_ IN CASE WHEN r.kind = 'group' THEN [1] ELSE [] END | SET a:Group)`

	cypherMentions = `MATCH (d:Document {id: $id})
CALL { WITH d MATCH (d)-[old:MENTIONS]->(:Actor) DELETE old }
WITH d, $mentions AS mentions
UNWIND mentions AS r
MATCH (a:Actor {id: r.id})
CREATE (d)-[:MENTIONS {count: r.count}]->(a)`

	cypherClaims = `MATCH (d:Document {id: $id})
UNWIND $claims AS r
MATCH (a:Actor {id: r.actor}), (t:Topic {id: r.topic})
MERGE (c:Claim {id: r.id})
ON CREATE SET c.review = ''
SET c.stance = r.stance, c.quote = r.quote, c.start = r.start, c.end = r.end,
    c.attribution = r.attribution, c.cue = r.cue, c.confidence = r.confidence, c.actor_name = r.actor_name
MERGE (a)-[:MADE]->(c)
MERGE (c)-[:ABOUT]->(t)
MERGE (c)-[:IN]->(d)`

	cypherAffiliations = `UNWIND $affiliations AS r
MATCH (p:Actor {id: r.person}), (o:Actor {id: r.org})
MERGE (p)-[a:AFFILIATED_WITH]->(o)
SET a.role = CASE WHEN coalesce(a.role, '') = '' THEN r.role ELSE a.role END`
)

// cypherWriteDocs writes several documents' rows in one statement: the
// parts above, each run once per document, in order, as a unit subquery
// reading the document's row (doc.claims) where the part alone reads a
// parameter ($claims). One round trip for a batch of documents instead
// of one per document and part.
var cypherWriteDocs = func() string {
	perDoc := strings.NewReplacer("$id", "doc.id", "$keep", "doc.keep", "$rekey", "doc.rekey", "$actors", "doc.actors",
		"$mentions", "doc.mentions", "$claims", "doc.claims", "$affiliations", "doc.affiliations")
	q := "UNWIND $docs AS doc"
	for _, part := range []string{cypherRekeyClaims, cypherDropStale, cypherActors, cypherMentions, cypherClaims, cypherAffiliations} {
		q += "\nCALL {\nWITH doc\n" + perDoc.Replace(part) + "\n}"
	}
	return q
}()

// WriteDocument writes one document in a transaction of its own: all of
// it or nothing (see WriteDocuments).
func (s *Store) WriteDocument(ctx context.Context, in DocumentInput, batch int) error {
	return s.WriteDocuments(ctx, []DocumentInput{in}, batch)
}

// WriteDocuments writes documents, their actors, claims, mentions and
// affiliations, and refreshes the summary edges of every actor whose
// claims changed, all in one transaction: a failure leaves no document
// half-written, and none of them written. Claims a new version no longer
// has are removed; claims it keeps keep their review marks. batch bounds
// a document's rows in one statement (one with more is written in batches
// of its own). Several documents per transaction share the cost
// of a commit and of each statement's round trip; a caller that needs each
// document to stand alone writes them again one by one when the
// transaction fails.
func (s *Store) WriteDocuments(ctx context.Context, ins []DocumentInput, batch int) error {
	if len(ins) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, time.Duration(3+len(ins))*s.timeout)
	defer cancel()
	if batch < 1 {
		batch = 1000
	}
	writes := make([]docWrite, len(ins))
	for i, in := range ins {
		writes[i] = prepare(in)
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, writeAll(ctx, tx, writes, batch)
	})
	if err != nil {
		if len(ins) == 1 {
			return s.translate(ctx, err, "write document %s", ins[0].ID)
		}
		return s.translate(ctx, err, "write documents %s ... %s", ins[0].ID, ins[len(ins)-1].ID)
	}
	return nil
}

// docWrite is one document's rows, ready for Cypher.
type docWrite struct {
	in                                                DocumentInput
	keep                                              []string
	claimRows, rekey, actorRows, mentionRows, affRows []map[string]any
	doc                                               map[string]any
}

func prepare(in DocumentInput) docWrite {
	w := docWrite{in: in, keep: make([]string, 0, len(in.Claims)), claimRows: make([]map[string]any, 0, len(in.Claims)),
		rekey: make([]map[string]any, 0, len(in.Claims)), actorRows: make([]map[string]any, 0, len(in.Actors)),
		mentionRows: make([]map[string]any, 0, len(in.Actors)), affRows: make([]map[string]any, 0, len(in.Affiliations))}
	for _, c := range in.Claims {
		id := ClaimID(in.ID, c)
		w.keep = append(w.keep, id)
		w.rekey = append(w.rekey, map[string]any{"old": singleTopicClaimID(in.ID, c), "new": id})
		w.claimRows = append(w.claimRows, map[string]any{"id": id, "actor": c.ActorID, "stance": string(c.Stance), "topic": c.Topic,
			"quote": c.Evidence, "start": c.Start, "end": c.End, "attribution": string(c.Attribution),
			"cue": c.Cue, "confidence": c.Confidence, "actor_name": c.Actor})
	}
	for _, a := range in.Actors {
		w.actorRows = append(w.actorRows, map[string]any{"id": a.ID, "name": a.Name, "kind": string(a.Kind), "aliases": a.Aliases})
		if a.Mentions > 0 {
			w.mentionRows = append(w.mentionRows, map[string]any{"id": a.ID, "count": a.Mentions})
		}
	}
	for _, f := range in.Affiliations {
		w.affRows = append(w.affRows, map[string]any{"person": f.PersonID, "org": f.OrgID, "role": f.Role})
	}
	topicIDs := make([]string, len(in.Topics))
	for i, t := range in.Topics {
		topicIDs[i] = t.ID
	}
	w.doc = map[string]any{"id": in.ID, "name": in.Name, "title": in.Title, "source": in.Source, "url": nullIfEmpty(in.URL), "sha256": in.SHA256, "read_for": in.ReadFor,
		"chars": len([]rune(in.Text)), "text": in.Text, "corpus": nullIfEmpty(in.Corpus), "corpus_note": nullIfEmpty(in.CorpusNote),
		"published": nullIfEmpty(in.Published), "topics": topicIDs}
	return w
}

// fits: the document's rows fit in one statement's batch.
func (w docWrite) fits(batch int) bool {
	return len(w.actorRows) <= batch && len(w.claimRows) <= batch && len(w.affRows) <= batch
}

// row is the document's rows as one row of cypherWriteDocs.
func (w docWrite) row() map[string]any {
	return map[string]any{"id": w.in.ID, "keep": w.keep, "rekey": w.rekey, "actors": w.actorRows,
		"mentions": w.mentionRows, "claims": w.claimRows, "affiliations": w.affRows}
}

// writeAll writes documents in tx: the documents and their topics, their
// actors, mentions, claims and affiliations, then the change to the
// summary edges, in a few statements for all of them. A document with
// more rows than a batch is written in batches of its own, in its turn.
func writeAll(ctx context.Context, tx neo4j.ManagedTransaction, writes []docWrite, batch int) error {
	run := func(q string, p map[string]any) error { return exec(ctx, tx, q, p) }
	before, err := upsertDocuments(ctx, tx, writes)
	if err != nil {
		return err
	}
	// A new document's claims are all unreviewed: its counts are known
	// without asking. Only documents that had claims before are counted
	// again after the write.
	var again []string
	for _, w := range writes {
		if len(before[w.in.ID]) > 0 {
			again = append(again, w.in.ID)
		}
	}
	changes := make([]countChange, len(writes))
	for i, w := range writes {
		changes[i] = countChange{before: before[w.in.ID], after: newCounts(w.in.ID, w.in.Claims)}
	}
	// On a first load no document is counted again: the summary deltas
	// are known before writing and ride on the last statement.
	var deltas []map[string]any
	if len(again) == 0 {
		deltas = summaryDeltas(changes)
	}
	var together []map[string]any
	flush := func(last bool) error {
		if len(together) == 0 {
			return nil
		}
		q, p := cypherWriteDocs, map[string]any{"docs": together}
		if last && len(deltas) > 0 {
			q, p["rows"] = q+"\nWITH count(*) AS written\nCALL {\n"+cypherSummaryDeltas()+"\n}", deltas
			deltas = nil
		}
		together = nil
		return run(q, p)
	}
	for _, w := range writes {
		if w.fits(batch) {
			together = append(together, w.row())
			continue
		}
		if err := flush(false); err != nil {
			return err
		}
		if err := writeInBatches(run, w, batch); err != nil {
			return err
		}
	}
	if err := flush(true); err != nil {
		return err
	}
	if len(again) > 0 {
		after, err := stanceCounts(ctx, tx, again)
		if err != nil {
			return err
		}
		for i, w := range writes {
			if len(before[w.in.ID]) > 0 {
				changes[i].after = after[w.in.ID]
			}
		}
		deltas = summaryDeltas(changes)
	}
	if len(deltas) == 0 {
		return nil
	}
	return run(cypherSummaryDeltas(), map[string]any{"rows": deltas})
}

// upsertDocuments writes the topics and the document nodes and returns
// each document's claim counts before this write, by document id.
func upsertDocuments(ctx context.Context, tx neo4j.ManagedTransaction, writes []docWrite) (map[string]map[stanceKey]int64, error) {
	var topics []map[string]any
	seen := map[string]bool{}
	docs := make([]map[string]any, len(writes))
	for i, w := range writes {
		docs[i] = w.doc
		for _, t := range w.in.Topics {
			if !seen[t.ID] {
				seen[t.ID] = true
				topics = append(topics, map[string]any{"id": t.ID, "name": t.Name, "terms": t.Terms,
					"start": nullIfEmpty(t.Start), "end": nullIfEmpty(t.End)})
			}
		}
	}
	res, err := tx.Run(ctx, cypherUpsertDocuments, map[string]any{"topics": topics, "docs": docs})
	if err != nil {
		return nil, err
	}
	return countsFrom(ctx, res)
}

// writeInBatches is the path for a document with more rows than one
// batch.
func writeInBatches(run func(string, map[string]any) error, w docWrite, batch int) error {
	for _, rows := range chunks(w.rekey, batch) {
		if err := run(cypherRekeyClaims, map[string]any{"rekey": rows}); err != nil {
			return err
		}
	}
	if err := run(cypherDropStale, map[string]any{"id": w.in.ID, "keep": w.keep}); err != nil {
		return err
	}
	for _, rows := range chunks(w.actorRows, batch) {
		if err := run(cypherActors, map[string]any{"actors": rows}); err != nil {
			return err
		}
	}
	if err := run(cypherMentions, map[string]any{"id": w.in.ID, "mentions": w.mentionRows}); err != nil {
		return err
	}
	for _, rows := range chunks(w.claimRows, batch) {
		if err := run(cypherClaims, map[string]any{"id": w.in.ID, "claims": rows}); err != nil {
			return err
		}
	}
	for _, rows := range chunks(w.affRows, batch) {
		if err := run(cypherAffiliations, map[string]any{"affiliations": rows}); err != nil {
			return err
		}
	}
	return nil
}

func newCounts(docID string, claims []model.Claim) map[stanceKey]int64 {
	out := map[stanceKey]int64{}
	seen := map[string]bool{}
	for _, c := range claims {
		if id := ClaimID(docID, c); !seen[id] {
			seen[id] = true
			out[stanceKey{c.ActorID, string(c.Stance), c.Topic}]++
		}
	}
	return out
}

// stanceKey is one actor's stance on one topic in one document.
type stanceKey struct{ actor, stance, topic string }

// countChange is one document's claim counts before and after a write.
type countChange struct{ before, after map[stanceKey]int64 }

// stanceCounts returns the claim counts of the given documents, by id.
func stanceCounts(ctx context.Context, tx neo4j.ManagedTransaction, docIDs []string) (map[string]map[stanceKey]int64, error) {
	res, err := tx.Run(ctx, cypherStanceCounts, map[string]any{"ids": docIDs})
	if err != nil {
		return nil, err
	}
	return countsFrom(ctx, res)
}

func countsFrom(ctx context.Context, res neo4j.ResultWithContext) (map[string]map[stanceKey]int64, error) {
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]map[stanceKey]int64{}
	for _, r := range recs {
		actor, _ := field(r, "actor").(string)
		if actor == "" {
			continue // OPTIONAL MATCH found no claim
		}
		doc := str(field(r, "doc"))
		if out[doc] == nil {
			out[doc] = map[stanceKey]int64{}
		}
		n, _ := field(r, "claims").(int64)
		out[doc][stanceKey{actor, str(field(r, "stance")), str(field(r, "topic"))}] = n
	}
	return out, nil
}

// summaryDeltas turns documents' claim counts before and after a rewrite
// into changes of the summary edges, summed over the documents: claims by
// the difference, documents by one where a document starts or stops
// counting. The rows are in key order, so that two transactions update
// shared edges in the same order and do not deadlock on each other.
func summaryDeltas(changes []countChange) []map[string]any {
	type delta struct{ claims, docs int64 }
	sum := map[stanceKey]delta{}
	for _, ch := range changes {
		keys := map[stanceKey]bool{}
		for k := range ch.before {
			keys[k] = true
		}
		for k := range ch.after {
			keys[k] = true
		}
		for k := range keys {
			b, a := ch.before[k], ch.after[k]
			d := sum[k]
			d.claims += a - b
			switch {
			case b == 0 && a > 0:
				d.docs++
			case b > 0 && a == 0:
				d.docs--
			}
			sum[k] = d
		}
	}
	keys := make([]stanceKey, 0, len(sum))
	for k, d := range sum {
		if d != (delta{}) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(x, y stanceKey) int {
		return cmp.Or(cmp.Compare(x.actor, y.actor), cmp.Compare(x.topic, y.topic), cmp.Compare(x.stance, y.stance))
	})
	rows := make([]map[string]any, len(keys))
	for i, k := range keys {
		rows[i] = map[string]any{"actor": k.actor, "stance": k.stance, "topic": k.topic, "claims": sum[k].claims, "documents": sum[k].docs}
	}
	return rows
}

// chunks splits rows into batches of at most n; an empty input gives no
// batches.
func chunks(rows []map[string]any, n int) [][]map[string]any {
	var out [][]map[string]any
	for len(rows) > 0 {
		k := min(n, len(rows))
		out = append(out, rows[:k])
		rows = rows[k:]
	}
	return out
}

// Counts is the size of the graph, by label and relationship type.
type Counts struct {
	Nodes         map[string]int64
	Relationships map[string]int64
}

// Count tallies nodes per label and relationships per type.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	c := Counts{Nodes: map[string]int64{}, Relationships: map[string]int64{}}
	recs, err := s.read(ctx, "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n", nil)
	if err != nil {
		return c, err
	}
	for _, r := range recs {
		c.Nodes[str(field(r, "label"))], _ = field(r, "n").(int64)
	}
	recs, err = s.read(ctx, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n", nil)
	if err != nil {
		return c, err
	}
	for _, r := range recs {
		c.Relationships[str(field(r, "type"))], _ = field(r, "n").(int64)
	}
	return c, nil
}

// SetReview records an analyst's mark on a claim and refreshes its
// actor's summary edges, since rejected claims do not count. It returns
// the claim's actor id.
func (s *Store) SetReview(ctx context.Context, claimID string, review model.Review) (string, error) {
	if _, err := model.ParseReview(string(review)); err != nil {
		return "", err
	}
	out, err := s.inWrite(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		rec, err := first(ctx, tx, `MATCH (a:Actor)-[:MADE]->(c:Claim {id: $id}) SET c.review = $review RETURN a.id AS actor`,
			map[string]any{"id": claimID, "review": string(review)}, model.Errorf(model.NotFound, "no claim %q", claimID))
		if err != nil {
			return nil, err
		}
		actor := str(field(rec, "actor"))
		return actor, exec(ctx, tx, cypherSummaries(), map[string]any{"actors": []string{actor}})
	}, "review claim %s", claimID)
	if err != nil {
		return "", err
	}
	return out.(string), nil
}

// nullIfEmpty stores nothing for an empty string, so that an absent
// property stays absent.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// cypherSummaryDeltas adds each row's change in claims and documents to
// the actor's summary edge, then drops edges left with no claims.
func cypherSummaryDeltas() string {
	return `UNWIND $rows AS r
MATCH (a:Actor {id: r.actor}), (t:Topic {id: r.topic})
` + perStance("r.stance", `MERGE (a)-[s:REL]->(t) ON CREATE SET s.claims = 0, s.documents = 0
  SET s.claims = s.claims + r.claims, s.documents = s.documents + r.documents`) + `
WITH DISTINCT a, t
MATCH (a)-[s:` + stanceRels() + `]->(t)
WHERE s.claims <= 0
DELETE s`
}

// cypherSummaries rebuilds the summary edges of the given actors from
// their claims; rejected claims do not count.
func cypherSummaries() string {
	return `UNWIND $actors AS aid
MATCH (a:Actor {id: aid})
OPTIONAL MATCH (a)-[old:` + stanceRels() + `]->(:Topic)
DELETE old
WITH DISTINCT a
MATCH (a)-[:MADE]->(c:Claim)-[:ABOUT]->(t:Topic), (c)-[:IN]->(d:Document)
WHERE ` + counted + `
WITH a, t, c.stance AS stance, count(DISTINCT c) AS claims, count(DISTINCT d) AS documents
` + perStance("stance", "MERGE (a)-[r:REL]->(t) SET r.claims = claims, r.documents = documents")
}
