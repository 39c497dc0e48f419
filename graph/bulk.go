package graph

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/dates"
	"github.com/stancegraph/stancegraph/model"
)

// Bulk writes documents as the CSV files of Neo4j's offline importer
// (neo4j-admin database import), for the first load of an empty
// database: the importer builds the store files directly, where
// transactions pay for every index and lock. The files hold the graph
// WriteDocuments would build from the same documents written in the same
// order, down to the property types; only what CSV cannot say (an empty
// list) is left to FinishImport. Claims and documents are streamed to
// disk; actors, topics, affiliations and the summary counts, which later
// documents change, are held until Close, as copies: a name is a slice of
// its document's text and would keep all of it in memory.
type Bulk struct {
	dir   string
	mu    sync.Mutex
	files map[string]*csvFile
	// Each stanceKey's claims and documents, summed over the documents.
	summary map[stanceKey]*[2]int64
	topics  map[string]model.Topic
	actors  map[string]*bulkActor
	// Affiliations in the order first written, and each one's role.
	affOrder []affKey
	affRole  map[affKey]string
	order    []string // actor ids in the order first written
	closed   bool
}

type bulkActor struct {
	name, kind string
	aliases    []string
	labels     []string
}

type affKey struct{ person, org string }

// ImportFiles are the importer's inputs: node files and relationship
// files, each naming its labels or types in its own header. Quoted values
// span lines (article text); LongestRow, in bytes, is what the importer's
// read buffer must hold.
type ImportFiles struct {
	Nodes, Relationships []string
	// ArrayDelimiter separates the items of a list value.
	ArrayDelimiter rune
	LongestRow     int
}

// ArrayDelimiter separates the items of a list in a CSV value: the
// unit separator, which news text does not hold (a value that does is
// refused).
const ArrayDelimiter = '\x1f'

const arrayDelimiter = string(ArrayDelimiter)

// bulkFile is one of the importer's files: its name, its header, and
// whether it holds relationships. A header names the property types the
// transactional write stores, so that both give the same graph.
type bulkFile struct {
	name, header string
	rel          bool
}

func bulkFiles() []bulkFile {
	return []bulkFile{
		{name: "topics", header: "id:ID(Topic),name,terms:string[],start:date,end:date,:LABEL"},
		{name: "documents", header: "id:ID(Document),name,title,source,url,sha256,read_for,chars:long,text,ingested_at:datetime,corpus,corpus_note,published:date,:LABEL"},
		{name: "actors", header: "id:ID(Actor),name,kind,aliases:string[],aliases_text,:LABEL"},
		{name: "claims", header: "id:ID(Claim),review,stance,quote,start:long,end:long,attribution,cue,confidence:double,actor_name,:LABEL"},
		{name: "document-about", header: ":START_ID(Document),:END_ID(Topic),:TYPE", rel: true},
		{name: "mentions", header: ":START_ID(Document),:END_ID(Actor),count:long,:TYPE", rel: true},
		{name: "made", header: ":START_ID(Actor),:END_ID(Claim),:TYPE", rel: true},
		{name: "claim-about", header: ":START_ID(Claim),:END_ID(Topic),:TYPE", rel: true},
		{name: "claim-in", header: ":START_ID(Claim),:END_ID(Document),:TYPE", rel: true},
		{name: "affiliations", header: ":START_ID(Actor),:END_ID(Actor),role,:TYPE", rel: true},
		{name: "summaries", header: ":START_ID(Actor),:END_ID(Topic),claims:long,documents:long,:TYPE", rel: true},
	}
}

// NewBulk starts the import files in dir, which must exist.
func NewBulk(dir string) (*Bulk, error) {
	b := &Bulk{dir: dir, files: map[string]*csvFile{}, summary: map[stanceKey]*[2]int64{}, topics: map[string]model.Topic{},
		actors: map[string]*bulkActor{}, affRole: map[affKey]string{}}
	for _, f := range bulkFiles() {
		cf, err := createCSV(filepath.Join(dir, f.name+".csv"), f.header)
		if err != nil {
			b.abandon()
			return nil, err
		}
		b.files[f.name] = cf
	}
	return b, nil
}

// WriteDocuments adds documents to the import files, each whole or not at
// all: a document with a value the importer cannot take is refused before
// any of it is written. batch is unused; it matches the Store's method, so
// that an ingest run can write here instead.
func (b *Bulk) WriteDocuments(_ context.Context, ins []DocumentInput, _ int) error {
	for _, in := range ins {
		if err := checkBulk(in); err != nil {
			return err
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return fmt.Errorf("bulk load: files already closed")
	}
	for _, in := range ins {
		if err := b.add(in); err != nil {
			return err
		}
	}
	return nil
}

// checkBulk refuses what the importer would misread or reject: a list item
// holding the list delimiter or empty (an empty item is dropped), a date
// Neo4j's date() would refuse.
func checkBulk(in DocumentInput) error {
	for _, a := range in.Actors {
		for _, s := range a.Aliases {
			if s == "" || strings.Contains(s, arrayDelimiter) {
				return model.Errorf(model.Invalid, "document %s: actor %s: alias %q is empty or holds a control character (U+001F)", in.ID, a.ID, s)
			}
		}
	}
	if in.Published != "" && !dates.Valid(in.Published) {
		return model.Errorf(model.Invalid, "document %s: published date %q is not YYYY-MM-DD", in.ID, in.Published)
	}
	for _, t := range in.Topics {
		for _, s := range t.Terms {
			if s == "" || strings.Contains(s, arrayDelimiter) {
				return model.Errorf(model.Invalid, "topic %s: term %q is empty or holds a control character (U+001F)", t.ID, s)
			}
		}
		for _, d := range []string{t.Start, t.End} {
			if d != "" && !dates.Valid(d) {
				return model.Errorf(model.Invalid, "topic %s: date %q is not YYYY-MM-DD", t.ID, d)
			}
		}
	}
	return nil
}

// add writes one document's rows, following cypherUpsertDocuments and
// cypherWriteDocs step by step: topics, the document, its actors,
// mentions, claims and affiliations; rows whose actor or topic is not in
// the graph by then are left out as the MATCHes there leave them out.
func (b *Bulk) add(in DocumentInput) error {
	for _, t := range in.Topics {
		b.topics[t.ID] = t
	}
	b.row("documents", q(in.ID), q(in.Name), q(in.Title), q(in.Source), qn(in.URL), q(in.SHA256), q(in.ReadFor),
		strconv.Itoa(len([]rune(in.Text))), q(in.Text), time.Now().UTC().Format(time.RFC3339Nano), qn(in.Corpus), qn(in.CorpusNote),
		in.Published, "Document")
	for _, t := range in.Topics {
		b.row("document-about", q(in.ID), q(t.ID), "ABOUT")
	}
	for _, a := range in.Actors {
		b.actor(a)
		if a.Mentions > 0 {
			b.row("mentions", q(in.ID), q(a.ID), strconv.Itoa(a.Mentions), "MENTIONS")
		}
	}
	// MERGE on the claim's id: a repeated claim is one node, with the
	// last row's properties.
	last := map[string]int{}
	var ids []string
	for i, c := range in.Claims {
		id := ClaimID(in.ID, c)
		if _, ok := last[id]; !ok {
			ids = append(ids, id)
		}
		last[id] = i
	}
	for _, id := range ids {
		c := in.Claims[last[id]]
		_, actor := b.actors[c.ActorID]
		_, topic := b.topics[c.Topic]
		if !actor || !topic {
			continue
		}
		b.row("claims", q(id), q(""), q(string(c.Stance)), q(c.Evidence), strconv.Itoa(c.Start), strconv.Itoa(c.End),
			q(string(c.Attribution)), q(c.Cue), strconv.FormatFloat(c.Confidence, 'g', -1, 64), q(c.Actor), "Claim")
		b.row("made", q(c.ActorID), q(id), "MADE")
		b.row("claim-about", q(id), q(c.Topic), "ABOUT")
		b.row("claim-in", q(id), q(in.ID), "IN")
	}
	for _, f := range in.Affiliations {
		_, p := b.actors[f.PersonID]
		_, o := b.actors[f.OrgID]
		if !p || !o {
			continue
		}
		k := affKey{f.PersonID, f.OrgID}
		role, seen := b.affRole[k]
		if !seen {
			k = affKey{strings.Clone(k.person), strings.Clone(k.org)}
			b.affOrder = append(b.affOrder, k)
		}
		if role == "" {
			b.affRole[k] = strings.Clone(f.Role)
		}
	}
	for k, n := range newCounts(in.ID, in.Claims) {
		s := b.summary[k]
		if s == nil {
			s = &[2]int64{}
			b.summary[stanceKey{strings.Clone(k.actor), strings.Clone(k.stance), strings.Clone(k.topic)}] = s
		}
		s[0] += n
		s[1]++
	}
	for _, f := range b.files {
		if f.err != nil {
			// A full disk fails every later document too: the run stops.
			return model.Wrap(model.Unavailable, f.err, "bulk load: %s", f.path)
		}
	}
	return nil
}

// actor folds one document's actor into the graph's, as cypherActors
// does: the name with more words wins, aliases gather in order, and each
// kind the actor was written with adds its label.
func (b *Bulk) actor(in model.Actor) {
	a := b.actors[in.ID]
	if a == nil {
		id := strings.Clone(in.ID)
		a = &bulkActor{name: strings.Clone(in.Name), kind: string(in.Kind), labels: []string{"Actor"}}
		b.actors[id] = a
		b.order = append(b.order, id)
	}
	if len(strings.Split(in.Name, " ")) > len(strings.Split(a.name, " ")) {
		a.name = strings.Clone(in.Name)
	}
	for _, al := range in.Aliases {
		if !slices.Contains(a.aliases, al) {
			a.aliases = append(a.aliases, strings.Clone(al))
		}
	}
	if l := kindLabel(in.Kind); l != "" && !slices.Contains(a.labels, l) {
		a.labels = append(a.labels, l)
	}
}

func kindLabel(k model.Kind) string {
	switch k {
	case model.Person:
		return "Person"
	case model.State:
		return "State"
	case model.Group:
		return "Group"
	}
	return ""
}

// Close writes what later documents could still change (topics, actors,
// affiliations, summary edges), closes every file and says what to give
// the importer.
func (b *Bulk) Close() (ImportFiles, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	ids := make([]string, 0, len(b.topics))
	for id := range b.topics {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		t := b.topics[id]
		terms := ""
		if t.Terms != nil {
			terms = q(strings.Join(t.Terms, arrayDelimiter))
		}
		b.row("topics", q(t.ID), q(t.Name), terms, t.Start, t.End, "Topic")
	}
	for _, id := range b.order {
		a := b.actors[id]
		aliases, text := "", ""
		if len(a.aliases) > 0 {
			aliases, text = q(strings.Join(a.aliases, arrayDelimiter)), " "+strings.Join(a.aliases, " ")
		}
		b.row("actors", q(id), q(a.name), q(a.kind), aliases, q(text), strings.Join(a.labels, arrayDelimiter))
	}
	for _, k := range b.affOrder {
		b.row("affiliations", q(k.person), q(k.org), q(b.affRole[k]), "AFFILIATED_WITH")
	}
	for k, s := range b.summary {
		st, err := model.ParseStance(k.stance)
		if _, ok := b.actors[k.actor]; !ok || err != nil || s[0] <= 0 {
			continue
		}
		if _, ok := b.topics[k.topic]; !ok {
			continue
		}
		b.row("summaries", q(k.actor), q(k.topic), strconv.FormatInt(s[0], 10), strconv.FormatInt(s[1], 10), st.Relationship())
	}
	out := ImportFiles{ArrayDelimiter: ArrayDelimiter}
	var first error
	for _, f := range bulkFiles() {
		cf := b.files[f.name]
		if err := cf.close(); err != nil && first == nil {
			first = fmt.Errorf("bulk load: %s: %w", cf.path, err)
		}
		if f.rel {
			out.Relationships = append(out.Relationships, cf.path)
		} else {
			out.Nodes = append(out.Nodes, cf.path)
		}
		out.LongestRow = max(out.LongestRow, cf.longest)
	}
	return out, first
}

// abandon closes whatever files were opened.
func (b *Bulk) abandon() {
	for _, f := range b.files {
		_ = f.close()
	}
}

func (b *Bulk) row(file string, fields ...string) { b.files[file].row(fields) }

// q quotes a string value: quoted, an empty string is stored as one.
func q(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// qn quotes a value that is stored only when not empty (nullIfEmpty).
func qn(s string) string {
	if s == "" {
		return ""
	}
	return q(s)
}

// csvFile is one buffered import file; its first write error sticks.
type csvFile struct {
	path    string
	f       *os.File
	w       *bufio.Writer
	err     error
	longest int // bytes of the longest row
}

func createCSV(path, header string) (*csvFile, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	c := &csvFile{path: path, f: f, w: bufio.NewWriterSize(f, 1<<16)}
	c.row([]string{header})
	return c, c.err
}

func (c *csvFile) row(fields []string) {
	if c.err != nil {
		return
	}
	n := len(fields)
	for _, s := range fields {
		n += len(s)
	}
	c.longest = max(c.longest, n)
	for i, s := range fields {
		if i > 0 {
			c.err = c.w.WriteByte(',')
		}
		if c.err == nil {
			_, c.err = c.w.WriteString(s)
		}
	}
	if c.err == nil {
		c.err = c.w.WriteByte('\n')
	}
}

func (c *csvFile) close() error {
	if c.f == nil {
		return c.err
	}
	if c.err == nil {
		c.err = c.w.Flush()
	}
	if err := c.f.Close(); c.err == nil {
		c.err = err
	}
	c.f = nil
	return c.err
}

// FinishImport readies the graph after the importer has run (importErr
// is what it returned): the schema's constraints and indexes, which the
// importer does not build, and what its CSV cannot say (an actor with no
// aliases has the empty list the transactional write gives it). Imported,
// or emptied by a failed import, the database has no schema until this
// runs, so it runs either way and a cancelled ctx does not stop it
// halfway. It returns importErr first.
func (s *Store) FinishImport(ctx context.Context, importErr error, schema []string) error {
	return cmp.Or(importErr, s.finishImport(context.WithoutCancel(ctx), schema))
}

func (s *Store) finishImport(ctx context.Context, schema []string) error {
	if err := s.ApplySchema(ctx, schema); err != nil {
		return err
	}
	if _, err := s.inWrite(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
		return nil, exec(ctx, tx, "MATCH (a:Actor) WHERE a.aliases IS NULL SET a.aliases = []", nil)
	}, "finish import"); err != nil {
		return err
	}
	// The indexes fill in the background; the first reads should not
	// scan while they do.
	return s.autoCommit(ctx, "CALL db.awaitIndexes(600)", "wait for the indexes after the import")
}

// Empty reports whether the database holds no node at all: only then may
// the importer replace it.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	recs, err := s.read(ctx, "MATCH (n) WITH n LIMIT 1 RETURN count(n) AS n", nil)
	if err != nil {
		return false, err
	}
	return len(recs) == 1 && field(recs[0], "n") == int64(0), nil
}
