package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/cypher"
	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/web"
)

var seedOnce sync.Once

// seededServer is the real server on the real local Neo4j loaded with
// ../shared/seeds.
func seededServer(t *testing.T) (http.Handler, *graph.Store) {
	t.Helper()
	dir := neo4jtest.SeedsDir(t)
	st := neo4jtest.Open(t)
	seedOnce.Do(func() { neo4jtest.Seed(t, st, dir) })
	files, err := cypher.Saved()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Graph: st, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Static(),
		Topic: "T", QueryTimeout: 30 * time.Second, RowCap: 500, FileQueries: files})
	if err != nil {
		t.Fatal(err)
	}
	return conforming(t, s.Handler()), st
}

// seedFor loads the seeds and more folders for one test, and the seeds
// alone again after it, for the tests that share the seeded graph.
func seedFor(t *testing.T, st *graph.Store, more ...string) {
	t.Helper()
	neo4jtest.Seed(t, st, append([]string{neo4jtest.SeedsDir(t)}, more...)...)
	t.Cleanup(func() { neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t)) })
}

// getJSON GETs target, which must answer 200, and decodes its JSON into v.
func getJSON(t *testing.T, h http.Handler, target string, v any) {
	t.Helper()
	code, body := do(t, h, "GET", target, "")
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", target, code, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
}

func do(t *testing.T, h http.Handler, method, target, body string) (int, []byte) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := localRequest(method, target, body)
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

func TestAskWhoOpposedAgainstSeeds(t *testing.T) {
	h, _ := seededServer(t)
	for _, q := range []string{"who opposed the deal?", "who was against the agreement", "Who opposed it"} {
		t.Run(q, func(t *testing.T) {
			code, body := do(t, h, "GET", "/api/ask?q="+strings.ReplaceAll(q, " ", "+"), "")
			if code != http.StatusOK {
				t.Fatalf("%d %s", code, body)
			}
			var a answer
			if err := json.Unmarshal(body, &a); err != nil {
				t.Fatal(err)
			}
			actorCol := slices.Index(a.Columns, "actor")
			if !a.Understood || a.Cypher == "" || actorCol < 0 || a.Graph == nil {
				t.Fatalf("answer %+v", a)
			}
			got := map[string]int{}
			idCol := slices.Index(a.Columns, "id")
			for _, r := range a.Rows {
				got[r.Values[actorCol].(string)] = len(r.Evidence)
				if r.ActorID == "" || r.ActorID != r.Values[idCol] {
					t.Errorf("row %v carries actor_id %q, want its actor's id", r.Values, r.ActorID)
				}
			}
			for _, want := range []string{"Turkey", "Israel", "Russia", "Iran", "Lindsey Graham", "Chris Murphy",
				"Syrian opposition", "Human rights organizations"} {
				if got[want] == 0 {
					t.Errorf("%s missing or without a quote; rows %v", want, got)
				}
			}
			for _, n := range []string{"Turkey", "Chris Murphy"} {
				if !slices.ContainsFunc(a.Graph.Nodes, func(x Node) bool { return x.Data.Label == n }) {
					t.Errorf("graph lacks a node for %s", n)
				}
			}
		})
	}
}

// TestAnswerRowsOpenToTheirQuotes: an answer's actor row comes with its
// first quote (or ?quotes= of them), and opening it reads the rest, as
// many as its row counts, the first among them; bad parameters are
// refused, naming them.
func TestAnswerRowsOpenToTheirQuotes(t *testing.T) {
	h, _ := seededServer(t)
	for _, q := range []string{"who supported the deal?", "where do the sources disagree?"} {
		var a answer
		getJSON(t, h, "/api/ask?q="+url.QueryEscape(q), &a)
		claims, topic := slices.Index(a.Columns, "claims"), slices.Index(a.Columns, "topic_id")
		if len(a.Rows) < 3 || claims < 0 || topic < 0 {
			t.Fatalf("%q: columns %v, %d rows", q, a.Columns, len(a.Rows))
		}
		stance, _ := a.Params["stance"].(string)
		most := 0
		for _, r := range a.Rows {
			n := int(r.Values[claims].(float64))
			most = max(most, n)
			if len(r.Evidence) != 1 {
				t.Errorf("%q: %s has %d quotes with the answer, want its first", q, r.ActorID, len(r.Evidence))
				continue
			}
			var p graph.QuotePage
			getJSON(t, h, "/api/actors/"+url.PathEscape(r.ActorID)+"/evidence?limit=100&stance="+stance+"&topic="+url.QueryEscape(r.Values[topic].(string)), &p)
			if p.Total != n || len(p.Quotes) != n || !slices.ContainsFunc(p.Quotes, func(q graph.Quote) bool { return q.ClaimID == r.Evidence[0].ClaimID }) {
				t.Errorf("%q: %s opened: %d quotes of %d, its row counts %d and shows %s", q, r.ActorID, len(p.Quotes), p.Total, n, r.Evidence[0].ClaimID)
			}
		}
		if most < 2 {
			t.Fatalf("%q: no row with more than one claim, so none to open", q)
		}
		for _, quotes := range []int{0, 2} {
			var more answer
			getJSON(t, h, fmt.Sprintf("/api/ask?q=%s&quotes=%d", url.QueryEscape(q), quotes), &more)
			for _, r := range more.Rows {
				if want := min(quotes, int(r.Values[claims].(float64))); len(r.Evidence) != want {
					t.Errorf("%q, quotes=%d: %s has %d quotes, want %d", q, quotes, r.ActorID, len(r.Evidence), want)
				}
			}
		}
	}
	const q = "/api/ask?q=who+opposed+the+deal%3F"
	for _, tt := range []struct {
		target string
		code   int
		says   string
	}{
		{q + "&quotes=21", http.StatusBadRequest, "parameter quotes: want a whole number from 0 to 20"},
		{q + "&quotes=many", http.StatusBadRequest, "parameter quotes"},
		{"/api/actors/state:tur/evidence?stance=maybe", http.StatusBadRequest, "parameter stance"},
		{"/api/actors/state:tur/evidence?limit=0", http.StatusBadRequest, "parameter limit"},
		{"/api/actors/state:tur/evidence?topic=nope", http.StatusNotFound, "parameter topic"},
		{"/api/actors/state:nowhere/evidence", http.StatusNotFound, `no actor \"state:nowhere\"`},
	} {
		code, body := do(t, h, "GET", tt.target, "")
		if code != tt.code || !strings.Contains(string(body), tt.says) {
			t.Errorf("GET %s: %d %s, want %d saying %q", tt.target, code, body, tt.code, tt.says)
		}
	}
}

func TestDisagreementsShowTurkeyFromBothDocuments(t *testing.T) {
	h, _ := seededServer(t)
	for _, target := range []string{"/api/disagreements", "/api/ask?q=where+do+the+sources+disagree%3F"} {
		code, body := do(t, h, "GET", target, "")
		if code != http.StatusOK {
			t.Fatalf("%s: %d %s", target, code, body)
		}
		if target == "/api/disagreements" {
			var d struct {
				Rows []graph.Disagreement `json:"rows"`
			}
			if err := json.Unmarshal(body, &d); err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(d.Rows, func(r graph.Disagreement) bool { return r.Actor.Name == "Turkey" })
			if i < 0 || len(d.Rows[i].Stances) < 2 {
				t.Fatalf("Turkey not listed with two stances: %s", body)
			}
			docs := map[string]bool{}
			for _, s := range d.Rows[i].Stances {
				for _, c := range s.Claims {
					if c.Quote == "" {
						t.Errorf("claim without quote: %+v", c)
					}
					docs[c.Doc] = true
				}
			}
			if len(docs) < 2 {
				t.Fatalf("Turkey's quotes come from %d document(s)", len(docs))
			}
			continue
		}
		var a answer
		if err := json.Unmarshal(body, &a); err != nil || !a.Understood {
			t.Fatalf("%v %s", err, body)
		}
		if !strings.Contains(string(body), `"Turkey"`) {
			t.Fatalf("ask disagree lacks Turkey: %s", body)
		}
	}
}

func TestWritesAreRefused(t *testing.T) {
	h, st := seededServer(t)
	count := func() int64 {
		r, err := st.ReadQuery(context.Background(), "MATCH (n) RETURN count(n)", nil, 10*time.Second, 1)
		if err != nil {
			t.Fatal(err)
		}
		return r.Rows[0][0].(int64)
	}
	before := count()
	for _, q := range []string{
		`{"query": "CREATE (n:Evil {x: 1}) RETURN n"}`,
		`{"query": "MATCH (n) DETACH DELETE n"}`,
		`{"query": "MATCH (a:Actor) SET a.name = 'x'"}`,
	} {
		code, body := do(t, h, "POST", "/api/cypher", q)
		if code != http.StatusForbidden || !strings.Contains(string(body), "writes to the graph") {
			t.Errorf("%s: %d %s", q, code, body)
		}
	}
	// A query that would be refused cannot be saved either, and says why.
	code, body := do(t, h, "POST", "/api/queries", `{"name": "sneaky-delete", "description": "d", "cypher": "MATCH (n) DETACH DELETE n"}`)
	if code != http.StatusForbidden || !strings.Contains(string(body), "writes to the graph") {
		t.Fatalf("save a writing query: %d %s", code, body)
	}
	if code, _ := do(t, h, "GET", "/api/queries/sneaky-delete", ""); code != http.StatusNotFound {
		t.Fatalf("the refused query was stored: %d", code)
	}
	if after := count(); after != before {
		t.Fatalf("node count %d -> %d", before, after)
	}
}

// TestSavedQueryNamesCollide: saving under an existing name is a 409 that
// says how to replace it, and replaces it with "overwrite": true.
func TestSavedQueryNamesCollide(t *testing.T) {
	h, _ := seededServer(t)
	t.Cleanup(func() { do(t, h, "DELETE", "/api/queries/mine", "") })
	if code, body := do(t, h, "POST", "/api/queries", `{"name": "mine", "cypher": "MATCH (a:Actor) RETURN a.name"}`); code != http.StatusCreated {
		t.Fatalf("save: %d %s", code, body)
	}
	code, body := do(t, h, "POST", "/api/queries", `{"name": "mine", "cypher": "RETURN 2"}`)
	if code != http.StatusConflict || !strings.Contains(string(body), "overwrite") {
		t.Fatalf("same name again: %d %s", code, body)
	}
	if code, body := do(t, h, "POST", "/api/queries", `{"name": "mine", "cypher": "RETURN 2 AS two", "overwrite": true}`); code != http.StatusCreated {
		t.Fatalf("overwrite: %d %s", code, body)
	}
	code, body = do(t, h, "POST", "/api/queries/mine/run", `{}`)
	if code != http.StatusOK || !strings.Contains(string(body), `"two"`) {
		t.Fatalf("run the replaced query: %d %s", code, body)
	}
}

// TestSlowQueryAnswers504 runs a query longer than the server's timeout:
// 504 "query timed out", not the 503 of an outage.
func TestSlowQueryAnswers504(t *testing.T) {
	st := neo4jtest.Open(t)
	s, err := New(Options{Graph: st, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Static(),
		QueryTimeout: time.Second, RowCap: 10})
	if err != nil {
		t.Fatal(err)
	}
	code, body := do(t, s.Handler(), "POST", "/api/cypher",
		`{"query": "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(*)"}`)
	if code != http.StatusGatewayTimeout || !strings.Contains(string(body), "query timed out") {
		t.Fatalf("%d %s", code, body)
	}
}

func TestSavedQueriesRunWithParameters(t *testing.T) {
	h, _ := seededServer(t)
	code, body := do(t, h, "POST", "/api/queries/stance-by-kind/run", `{"params": {"kind": "person"}}`)
	if code != http.StatusOK {
		t.Fatalf("%d %s", code, body)
	}
	var tb export.Table
	if err := json.Unmarshal(body, &tb); err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) == 0 || tb.Params["kind"] != "person" {
		t.Fatalf("table %+v", tb)
	}
	for _, r := range tb.Rows {
		if r[0] == "Turkey" {
			t.Fatalf("a state in the person query: %v", r)
		}
	}
	code, body = do(t, h, "POST", "/api/queries/stance-by-kind/run?format=csv", `{"params": {"kind": "state"}}`)
	if code != http.StatusOK || !strings.HasPrefix(string(body), "actor,stance,claims,documents,topic\n") || !strings.Contains(string(body), "Turkey") {
		t.Fatalf("csv export: %d %s", code, body)
	}
	if code, body := do(t, h, "POST", "/api/queries/stance-by-kind/run", `{"params": {"nope": 1}}`); code != http.StatusBadRequest {
		t.Fatalf("unknown parameter: %d %s", code, body)
	}
	if code, _ := do(t, h, "DELETE", "/api/queries/stance-by-kind", ""); code != http.StatusForbidden {
		t.Fatalf("deleting a shipped query: %d", code)
	}
}

func TestActorDocumentAndGraphRoutes(t *testing.T) {
	h, _ := seededServer(t)
	code, body := do(t, h, "GET", "/api/actors/state:tur", "")
	if code != http.StatusOK {
		t.Fatalf("%d %s", code, body)
	}
	var d graph.ActorDetail
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	if d.Actor.Name != "Turkey" || len(d.Claims) == 0 {
		t.Fatalf("actor %+v", d)
	}
	code, body = do(t, h, "GET", "/api/documents/"+d.Claims[0].Doc, "")
	if code != http.StatusOK || !strings.Contains(string(body), `"text"`) {
		t.Fatalf("document: %d", code)
	}
	code, body = do(t, h, "GET", "/api/graph?stance=oppose&kind=state", "")
	var el Elements
	if code != http.StatusOK || json.Unmarshal(body, &el) != nil || len(el.Nodes) < 5 {
		t.Fatalf("graph: %d %s", code, body)
	}
	for _, e := range el.Edges {
		if e.Data.Type != "OPPOSES" && e.Data.Type != "AFFILIATED_WITH" {
			t.Errorf("filtered graph has %s edge", e.Data.Type)
		}
	}
	code, body = do(t, h, "GET", "/api/graph?format=graphml", "")
	if code != http.StatusOK || !strings.Contains(string(body), "<graphml") || !strings.Contains(string(body), "Turkey") {
		t.Fatalf("graphml: %d", code)
	}
	for _, target := range []string{"/api/actors/nobody", "/api/graph/neighbourhood/nobody", "/api/documents/..%2F..%2Fetc%2Fpasswd", "/documents/nope"} {
		if code, _ := do(t, h, "GET", target, ""); code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", target, code)
		}
	}
	if code, _ := do(t, h, "GET", "/api/actors?stance=hates", ""); code != http.StatusBadRequest {
		t.Errorf("bad stance filter: %d, want 400", code)
	}
}

// An analyst merges two people by name through the API; the merged one
// is gone, its claim is the other's, and bad requests say why.
func TestMergeActorsThroughTheAPI(t *testing.T) {
	h, st := seededServer(t)
	dir := t.TempDir()
	for name, body := range map[string]string{
		"merge-a.txt": "Coalition news\n\nSenator Ola Nordmann welcomed the decision to join the anti-ISIS coalition.\n",
		"merge-b.txt": "Coalition news\n\nSenator Kari Nordmann-Berg criticised the decision to join the anti-ISIS coalition.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seedFor(t, st, dir)
	for _, tc := range []struct {
		body string
		code int
	}{
		{`{"into": "Ola Nordmann"}`, http.StatusBadRequest},
		{`{"into": "Ola Nordmann", "from": ["Nobody Atall"]}`, http.StatusNotFound},
		{`{"into": "Ola Nordmann", "from": ["Turkey"]}`, http.StatusBadRequest},
	} {
		if code, body := do(t, h, "POST", "/api/actors/merge", tc.body); code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.body, code, body, tc.code)
		}
	}
	code, body := do(t, h, "POST", "/api/actors/merge", `{"into": "Ola Nordmann", "from": ["kari nordmann-berg"]}`)
	var got struct {
		Actor struct {
			ID      string   `json:"id"`
			Aliases []string `json:"aliases"`
		} `json:"actor"`
	}
	if code != http.StatusOK || json.Unmarshal(body, &got) != nil || got.Actor.ID != "person:ola-nordmann" || !slices.Contains(got.Actor.Aliases, "Kari Nordmann-Berg") {
		t.Fatalf("merge: %d %s", code, body)
	}
	if code, _ := do(t, h, "GET", "/api/actors/person:kari-nordmann-berg", ""); code != http.StatusNotFound {
		t.Errorf("the merged actor still answers: %d", code)
	}
	code, body = do(t, h, "GET", "/api/actors/person:ola-nordmann", "")
	var d graph.ActorDetail
	if code != http.StatusOK || json.Unmarshal(body, &d) != nil || len(d.Claims) != 2 {
		t.Fatalf("merged actor: %d %s", code, body)
	}
	// And split back out.
	if code, body := do(t, h, "POST", "/api/actors/split", `{"actor": "Ola Nordmann", "names": ["Ola Nordmann"]}`); code != http.StatusBadRequest {
		t.Errorf("splitting off the actor's own name: %d %s", code, body)
	}
	code, body = do(t, h, "POST", "/api/actors/split", `{"actor": "Ola Nordmann", "names": ["Kari Nordmann-Berg"]}`)
	if code != http.StatusOK || !strings.Contains(string(body), `"id":"person:kari-nordmann-berg"`) {
		t.Fatalf("split: %d %s", code, body)
	}
	code, body = do(t, h, "GET", "/api/actors/person:kari-nordmann-berg", "")
	if code != http.StatusOK || json.Unmarshal(body, &d) != nil || len(d.Claims) != 1 || d.Claims[0].Stance != "oppose" {
		t.Errorf("split-off actor: %d %s", code, body)
	}
}

// The project's own examples declare themselves a corpus; the document
// page and the document list say so, a news article does not.
func TestExampleDocumentsSayWhatTheyAre(t *testing.T) {
	h, st := seededServer(t)
	examples := filepath.Join(neo4jtest.Root(t), "examples", "articles")
	seedFor(t, st, examples)
	code, body := do(t, h, "GET", "/api/documents", "")
	var list struct {
		Documents []graph.DocumentSummary `json:"documents"`
	}
	if code != http.StatusOK || json.Unmarshal(body, &list) != nil {
		t.Fatalf("documents: %d %s", code, body)
	}
	var example, news string
	for _, d := range list.Documents {
		switch {
		case d.Name == "01-accession.md":
			example = d.ID
			if d.Corpus != "example" {
				t.Errorf("%s: corpus %q, want example", d.Name, d.Corpus)
			}
		case strings.HasPrefix(d.Name, "000_"):
			news = d.ID
			if d.Corpus != "" {
				t.Errorf("%s, a news article: corpus %q", d.Name, d.Corpus)
			}
		}
	}
	if example == "" || news == "" {
		t.Fatalf("documents %+v", list.Documents)
	}
	_, page := do(t, h, "GET", "/documents/"+example, "")
	if !strings.Contains(string(page), `class="corpus-note"`) || !strings.Contains(string(page), "invented people") {
		t.Errorf("the example's page does not say what it is:\n%s", page)
	}
	if _, page := do(t, h, "GET", "/documents/"+news, ""); strings.Contains(string(page), `class="corpus-note"`) {
		t.Errorf("a news article's page calls it a corpus document")
	}
}

// A rejected claim stops counting everywhere the API counts: the summary
// edges, the answers, the graph and its exports, the actor list and its
// CSV; and a forced re-ingest keeps it rejected.
func TestRejectedClaimStopsCounting(t *testing.T) {
	h, st := seededServer(t)
	t.Cleanup(func() { neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t)) })
	ctx := context.Background()
	detail, err := st.Actor(ctx, "person:chris-murphy", "", graph.Page{})
	if err != nil || len(detail.Claims) != 1 || detail.Claims[0].Stance != "oppose" {
		t.Fatalf("Chris Murphy should have one oppose claim in the seeds: %+v %v", detail, err)
	}
	claim := detail.Claims[0].ID
	targets := []string{"/api/ask?q=who+opposed+the+deal%3F", "/api/graph", "/api/graph?format=graphml",
		"/api/actors", "/api/actors?format=csv", "/api/actors?stance=oppose&format=json"}
	for _, target := range targets {
		if _, body := do(t, h, "GET", target, ""); !strings.Contains(string(body), "Chris Murphy") {
			t.Fatalf("%s does not show Chris Murphy before the rejection", target)
		}
	}
	code, body := do(t, h, "POST", "/api/claims/"+claim+"/review", `{"review": "rejected"}`)
	if code != http.StatusOK || !strings.Contains(string(body), `"review":"rejected"`) {
		t.Fatalf("review: %d %s", code, body)
	}
	gone := func(when string) {
		t.Helper()
		edges, err := st.ReadQuery(ctx, "MATCH (:Actor {id: 'person:chris-murphy'})-[r:SUPPORTS|OPPOSES|CAUTIOUS_ON]->() RETURN count(r)", nil, 10*time.Second, 10)
		if err != nil || edges.Rows[0][0].(int64) != 0 {
			t.Errorf("%s: summary edges %v %v", when, edges.Rows, err)
		}
		for _, target := range targets {
			code, body := do(t, h, "GET", target, "")
			if code != http.StatusOK {
				t.Errorf("%s: %s: %d", when, target, code)
			}
			if strings.Contains(string(body), "Chris Murphy") {
				t.Errorf("%s: %s still shows Chris Murphy, whose only claim is rejected", when, target)
			}
			if !strings.Contains(string(body), "Turkey") {
				t.Errorf("%s: %s lost Turkey too", when, target)
			}
		}
	}
	gone("after the rejection")
	sum, err := ingest.Run(ctx, ingest.Options{Store: st, Extractor: neo4jtest.Extractor(t),
		MaxBytes: 1 << 20, BatchSize: 100, Workers: 2, Force: true, Progress: neo4jtest.Quiet{}}, []string{neo4jtest.SeedsDir(t)})
	if err != nil || sum.Documents != 5 {
		t.Fatalf("forced re-ingest: %v %+v", err, sum)
	}
	if c, err := st.ClaimByID(ctx, claim); err != nil || c.Review != "rejected" {
		t.Errorf("after a forced re-ingest the claim is %+v (%v), want still rejected", c, err)
	}
	gone("after a forced re-ingest")
}

// GET /api/timeline: an actor's claims by publication date, undated last;
// an unknown actor is a 404 that names it.
func TestTimelineRoute(t *testing.T) {
	h, st := seededServer(t)
	examples := filepath.Join(neo4jtest.Root(t), "examples", "articles")
	seedFor(t, st, examples)
	code, body := do(t, h, "GET", "/api/timeline?actor=Turkey", "")
	var tl struct {
		Actor  string        `json:"actor"`
		Claims []graph.Claim `json:"claims"`
	}
	if code != http.StatusOK || json.Unmarshal(body, &tl) != nil || tl.Actor != "state:tur" {
		t.Fatalf("timeline: %d %s", code, body)
	}
	var got []string
	for _, c := range tl.Claims {
		got = append(got, c.Published+" "+string(c.Stance))
	}
	// The examples date Turkey's caution (12 November) and its opposition
	// (20 November); the seeds' articles give no date.
	if len(got) < 3 || got[0] != "2025-11-12 cautious" || got[1] != "2025-11-20 oppose" || got[len(got)-1][0] != ' ' {
		t.Errorf("Turkey's timeline %q, want the dated examples in order, then the undated seeds", got)
	}
	if code, body := do(t, h, "GET", "/api/timeline?actor=Atlantis", ""); code != http.StatusNotFound || !strings.Contains(string(body), "Atlantis") {
		t.Errorf("unknown actor: %d %s", code, body)
	}
	// "Who changed position?" gives each actor's stances in time.
	code, body = do(t, h, "GET", "/api/ask?q=who+changed+their+position%3F", "")
	var a answer
	if code != http.StatusOK || json.Unmarshal(body, &a) != nil {
		t.Fatalf("ask: %d %s", code, body)
	}
	actor, timeline := slices.Index(a.Columns, "actor"), slices.Index(a.Columns, "timeline")
	if actor < 0 || timeline < 0 {
		t.Fatalf("columns %v", a.Columns)
	}
	for _, r := range a.Rows {
		if r.Values[actor] != "Turkey" {
			continue
		}
		steps, _ := r.Values[timeline].([]any)
		if len(steps) < 2 || steps[0] != "2025-11-12 cautious" || steps[1] != "2025-11-20 oppose" {
			t.Errorf("Turkey's changes %v, want caution on 2025-11-12, then opposition on 2025-11-20", steps)
		}
		return
	}
	t.Errorf("Turkey is not among those who changed position: %v", a.Rows)
}

// An answer says how it read a name the graph knows by another, and why
// it is empty: nobody with that stance, or no documents at all.
func TestAnswersSayWhyTheyAreEmpty(t *testing.T) {
	h, st := seededServer(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "one.txt"), []byte("Coalition news\n\nSenator Ola Nordmann welcomed the decision to join the anti-ISIS coalition.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	neo4jtest.Seed(t, st, dir)
	t.Cleanup(func() { neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t)) })
	askFor := func(q string) answer {
		t.Helper()
		code, body := do(t, h, "GET", "/api/ask?q="+strings.ReplaceAll(q, " ", "+"), "")
		var a answer
		if code != http.StatusOK || json.Unmarshal(body, &a) != nil || !a.Understood {
			t.Fatalf("%q: %d %s", q, code, body)
		}
		return a
	}
	for _, tc := range []struct{ q, want string }{
		{"who opposed the deal?", "No actor is recorded as opposing the event"},
		{"which groups backed it?", "No group is recorded as supporting the event"},
		{"what did Nordmann say?", "Read as a question about Ola Nordmann"},
	} {
		if a := askFor(tc.q); !strings.Contains(a.Message, tc.want) {
			t.Errorf("%q: message %q, want %q", tc.q, a.Message, tc.want)
		}
	}
	if a := askFor("what did Ola Nordmann say?"); a.Message != "" || len(a.Rows) == 0 {
		t.Errorf("a question naming the actor as the graph does: message %q, %d rows", a.Message, len(a.Rows))
	}
	if err := st.Reset(context.Background()); err != nil {
		t.Fatal(err)
	}
	if a := askFor("who opposed the deal?"); !strings.Contains(a.Message, "no documents yet") {
		t.Errorf("an empty graph: message %q", a.Message)
	}
}

// TestTopicsSeparateEveryRoute: with the seeds and the example folder about
// a second, invented event ingested for two topics, /api/topics lists both
// with counts and topic= keeps each route to one.
func TestTopicsSeparateEveryRoute(t *testing.T) {
	h, st := seededServer(t)
	neo4jtest.SeedWith(t, st, neo4jtest.BothTopics(t), neo4jtest.SeedsDir(t), neo4jtest.TarvoDir(t))
	t.Cleanup(func() { neo4jtest.Seed(t, st, neo4jtest.SeedsDir(t)) })
	syria, tarvo := neo4jtest.Topic.ID, neo4jtest.TarvoTopic.ID
	get := func(target string, into any) { t.Helper(); getJSON(t, h, target, into) }

	var topics struct{ Topics []graph.TopicSummary }
	get("/api/topics", &topics)
	counts := map[string]graph.TopicSummary{}
	for _, tp := range topics.Topics {
		counts[tp.ID] = tp
	}
	if len(counts) != 2 || counts[syria].Documents != 5 || counts[tarvo].Documents != 2 ||
		counts[syria].Claims == 0 || counts[tarvo].Claims == 0 || counts[tarvo].Actors == 0 || counts[tarvo].Name != neo4jtest.TarvoTopic.Name {
		t.Fatalf("topics %+v", topics.Topics)
	}

	names := func(target string) []string {
		t.Helper()
		var r struct{ Actors []graph.Actor }
		get(target, &r)
		var out []string
		for _, a := range r.Actors {
			out = append(out, a.Name)
		}
		return out
	}
	for _, tt := range []struct {
		target   string
		has, not []string
	}{
		{"/api/actors?topic=" + tarvo, []string{"Finland", "Kaisa Lindholm", "Erik Dahlgren"}, []string{"Turkey", "Lindsey Graham"}},
		{"/api/actors?topic=" + syria, []string{"Turkey", "Lindsey Graham"}, []string{"Finland", "Kaisa Lindholm", "Erik Dahlgren"}},
		{"/api/actors?stance=oppose&topic=" + tarvo, []string{"Erik Dahlgren"}, []string{"Turkey", "Kaisa Lindholm"}},
		{"/api/actors", []string{"Turkey", "Kaisa Lindholm"}, nil},
	} {
		hasNot(t, tt.target, names(tt.target), tt.has, tt.not)
	}

	topicNodes := func(target string) []string {
		t.Helper()
		var el Elements
		get(target, &el)
		var out []string
		for _, n := range el.Nodes {
			if n.Data.Type == "topic" {
				out = append(out, n.Data.ID)
			}
		}
		for _, e := range el.Edges {
			if e.Data.Stance != "" && !slices.Contains(out, e.Data.Target) {
				t.Errorf("%s: stance edge %s to no drawn topic", target, e.Data.ID)
			}
		}
		slices.Sort(out)
		return out
	}
	if got := topicNodes("/api/graph?topic=" + tarvo); !slices.Equal(got, []string{tarvo}) {
		t.Errorf("graph of one topic draws topics %v", got)
	}
	if got := topicNodes("/api/graph"); !slices.Equal(got, []string{syria, tarvo}) {
		t.Errorf("graph of all draws topics %v, want both", got)
	}

	var docs struct{ Documents []graph.DocumentSummary }
	get("/api/documents?topic="+tarvo, &docs)
	if len(docs.Documents) != 2 || !slices.Equal(docs.Documents[0].Topics, []string{tarvo}) {
		t.Errorf("documents of %s: %+v", tarvo, docs.Documents)
	}
	tarvoDocs := map[string]bool{}
	for _, d := range docs.Documents {
		tarvoDocs[d.ID] = true
	}

	var dis struct{ Rows []graph.Disagreement }
	get("/api/disagreements?topic="+tarvo, &dis)
	if len(dis.Rows) != 1 || dis.Rows[0].Actor.Name != "Finland" || dis.Rows[0].Topic != tarvo {
		t.Errorf("disagreements on %s: %+v (want Finland, cautious then supporting)", tarvo, dis.Rows)
	}
	get("/api/disagreements?topic="+syria, &dis)
	if !slices.ContainsFunc(dis.Rows, func(d graph.Disagreement) bool { return d.Actor.Name == "Turkey" }) ||
		slices.ContainsFunc(dis.Rows, func(d graph.Disagreement) bool { return d.Topic != syria }) {
		t.Errorf("disagreements on %s: %+v", syria, dis.Rows)
	}

	var tl struct{ Claims []graph.Claim }
	get("/api/timeline?topic="+tarvo, &tl)
	if len(tl.Claims) == 0 || slices.ContainsFunc(tl.Claims, func(c graph.Claim) bool { return c.Topic != tarvo }) {
		t.Errorf("timeline of %s: %+v", tarvo, tl.Claims)
	}

	code, csv := do(t, h, "GET", "/api/actors?format=csv&topic="+tarvo, "")
	if code != http.StatusOK || !strings.Contains(string(csv), "Kaisa Lindholm") || strings.Contains(string(csv), "Turkey") {
		t.Errorf("CSV export of %s: %d %s", tarvo, code, csv)
	}

	for _, tt := range []struct {
		q, topic string
		has, not []string
	}{
		{"who opposed the Tarvo accord?", tarvo, []string{"Erik Dahlgren"}, []string{"Turkey"}},
		{"who opposed the anti-ISIS coalition?", syria, []string{"Turkey"}, []string{"Erik Dahlgren"}},
		{"who opposed the deal?", "", []string{"Turkey", "Erik Dahlgren"}, nil},
	} {
		var a answer
		get("/api/ask?q="+url.QueryEscape(tt.q), &a)
		actor, topicCol := slices.Index(a.Columns, "actor"), slices.Index(a.Columns, "topic_id")
		if a.Topic != tt.topic || actor < 0 || topicCol < 0 {
			t.Fatalf("%q: topic %q, columns %v", tt.q, a.Topic, a.Columns)
		}
		var got []string
		for _, r := range a.Rows {
			got = append(got, r.Values[actor].(string))
			if tt.topic != "" && r.Values[topicCol] != tt.topic {
				t.Errorf("%q: row %v is on another topic", tt.q, r.Values)
			}
			for _, ev := range r.Evidence {
				if tt.topic == tarvo && !tarvoDocs[ev.Doc] {
					t.Errorf("%q: evidence from %s", tt.q, ev.Doc)
				}
			}
		}
		hasNot(t, tt.q, got, tt.has, tt.not)
	}

	code, body := do(t, h, "POST", "/api/queries/opponents/run", `{"params": {"topic": "`+tarvo+`"}}`)
	if code != http.StatusOK || !strings.Contains(string(body), "Erik Dahlgren") || strings.Contains(string(body), "Turkey") {
		t.Errorf("saved query opponents on %s: %d %s", tarvo, code, body)
	}

	for _, target := range []string{"/api/actors?topic=nope", "/api/graph?topic=nope", "/api/documents?topic=nope",
		"/api/disagreements?topic=nope", "/api/timeline?topic=nope", "/api/ask?q=who+opposed+it&topic=nope"} {
		code, body := do(t, h, "GET", target, "")
		if code != http.StatusNotFound || !strings.Contains(string(body), "parameter topic") || !strings.Contains(string(body), tarvo) {
			t.Errorf("%s: %d %s, want 404 naming the parameter and the topics there are", target, code, body)
		}
	}
}

// hasNot checks that what answered got with every name in has and none in
// not (the other topic's).
func hasNot(t *testing.T, what string, got, has, not []string) {
	t.Helper()
	for _, n := range has {
		if !slices.Contains(got, n) {
			t.Errorf("%s lacks %s: %v", what, n, got)
		}
	}
	for _, n := range not {
		if slices.Contains(got, n) {
			t.Errorf("%s gives %s, of the other topic", what, n)
		}
	}
}

// TestLargePagesTakeTurnsOnNeo4j: large pages of every kind asked for at
// once on the real graph, one built at a time, all answer in full and
// give their turn back. (That they wait for it, and how they are refused,
// is TestLargePagesTakeTurns.)
func TestLargePagesTakeTurnsOnNeo4j(t *testing.T) {
	_, st := seededServer(t)
	s, err := New(Options{Graph: st, Logger: slog.New(slog.DiscardHandler), Templates: web.Templates(), Static: web.Static(),
		Topic: "T", QueryTimeout: 20 * time.Second, LargePages: 1})
	if err != nil {
		t.Fatal(err)
	}
	h := conforming(t, s.Handler())
	targets := []string{"/api/ask?q=who+opposed+the+deal&limit=1000", "/api/graph?limit=1000", "/api/actors?format=csv",
		"/api/disagreements?limit=1000", "/api/documents?limit=5000", "/api/actors?limit=300"}
	var wg sync.WaitGroup
	codes := make([]int, 2*len(targets))
	for i := range codes {
		wg.Go(func() {
			var body []byte
			codes[i], body = do(t, h, "GET", targets[i%len(targets)], "")
			if codes[i] == http.StatusOK && len(body) < 100 {
				t.Errorf("%s: %d bytes: %s", targets[i%len(targets)], len(body), body)
			}
		})
	}
	wg.Wait()
	for i, code := range codes {
		if code != http.StatusOK {
			t.Errorf("%s: %d", targets[i%len(targets)], code)
		}
	}
	if n := len(s.large); n != 0 {
		t.Errorf("%d turns still held after every large page answered", n)
	}
}
