package server

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/internal/neo4jtest"
)

// Lists, drawings and answers of a large graph come a page at a time, most
// evidence first (documents by source), with how many there are in all;
// pages do not overlap and together give everything a download gives.
func TestPagesOfActorsGraphAnswersAndClaims(t *testing.T) {
	h, _ := seededServer(t)
	get := func(target string, into any) { t.Helper(); getJSON(t, h, target, into) }
	type actorList struct {
		Actors []struct {
			ID       string `json:"id"`
			Evidence int    `json:"evidence"`
		} `json:"actors"`
		Total  int `json:"total"`
		Offset int `json:"offset"`
	}
	var all actorList
	get("/api/actors?limit=10000", &all)
	if all.Total != len(all.Actors) || all.Total < 10 {
		t.Fatalf("all actors: %d listed, total %d", len(all.Actors), all.Total)
	}
	var ids []string
	for offset := 0; offset < all.Total; offset += 4 {
		var page actorList
		get(fmt.Sprintf("/api/actors?limit=4&offset=%d", offset), &page)
		if page.Total != all.Total || page.Offset != offset || len(page.Actors) != min(4, all.Total-offset) {
			t.Fatalf("page at %d: %d actors, total %d, offset %d", offset, len(page.Actors), page.Total, page.Offset)
		}
		for _, a := range page.Actors {
			ids = append(ids, a.ID)
		}
	}
	for i, a := range all.Actors {
		if i > 0 && a.Evidence > all.Actors[i-1].Evidence {
			t.Errorf("actor %d (%s) has more evidence than the one before it", i, a.ID)
		}
		if ids[i] != a.ID {
			t.Fatalf("paging gives %v, the whole list %v", ids, all.Actors)
		}
	}
	var download struct {
		Rows [][]any `json:"rows"`
	}
	get("/api/actors?format=json", &download)
	downloaded := map[any]bool{} // a row per actor and stance
	for _, r := range download.Rows {
		downloaded[r[0]] = true
	}
	if len(downloaded) != all.Total {
		t.Errorf("the download has %d actors, want every one of %d", len(downloaded), all.Total)
	}

	var g struct {
		Nodes []struct {
			Data struct{ ID, Type string } `json:"data"`
		} `json:"nodes"`
		ActorsTotal int `json:"actors_total"`
	}
	get("/api/graph?limit=3", &g)
	var drawn []string
	for _, n := range g.Nodes {
		if n.Data.Type == "actor" {
			drawn = append(drawn, n.Data.ID)
		}
	}
	if g.ActorsTotal != all.Total || !slices.Equal(drawn, ids[:3]) {
		t.Errorf("graph page: actors %v of %d, want %v of %d", drawn, g.ActorsTotal, ids[:3], all.Total)
	}

	type answer struct {
		Rows []struct {
			ActorID string `json:"actor_id"`
		} `json:"rows"`
		Total int `json:"total"`
	}
	var whole, second answer
	get("/api/ask?q=who+opposed+the+deal%3F&limit=10000", &whole)
	get("/api/ask?q=who+opposed+the+deal%3F&limit=2&offset=2", &second)
	if whole.Total < 4 || second.Total != whole.Total || len(second.Rows) != 2 ||
		second.Rows[0].ActorID != whole.Rows[2].ActorID || second.Rows[1].ActorID != whole.Rows[3].ActorID {
		t.Errorf("answer rows 3-4: %+v of %d; all rows %+v", second.Rows, second.Total, whole.Rows)
	}

	type detail struct {
		Claims []struct {
			ID string `json:"id"`
		} `json:"claims"`
		ClaimsTotal int `json:"claims_total"`
	}
	top := all.Actors[0].ID
	var full, one detail
	get("/api/actors/"+top+"?limit=10000", &full)
	get("/api/actors/"+top+"?limit=1&offset=1", &one)
	if full.ClaimsTotal < 2 || full.ClaimsTotal != len(full.Claims) || one.ClaimsTotal != full.ClaimsTotal ||
		len(one.Claims) != 1 || one.Claims[0].ID != full.Claims[1].ID {
		t.Errorf("%s's claims: page %+v of %d; all %d of %d", top, one.Claims, one.ClaimsTotal, len(full.Claims), full.ClaimsTotal)
	}

	type docList struct {
		Documents []struct {
			ID     string `json:"id"`
			Title  string `json:"title"`
			Name   string `json:"name"`
			Source string `json:"source"`
			Claims int    `json:"claims"`
		} `json:"documents"`
		Total int `json:"total"`
	}
	var docs docList
	get("/api/documents", &docs)
	if docs.Total != 5 || len(docs.Documents) != 5 {
		t.Fatalf("documents: %d listed of %d, want the seeds' 5", len(docs.Documents), docs.Total)
	}
	for offset := 0; offset < docs.Total; offset += 2 {
		var page docList
		get(fmt.Sprintf("/api/documents?topic=%s&limit=2&offset=%d", neo4jtest.Topic.ID, offset), &page)
		if page.Total != docs.Total || len(page.Documents) != min(2, docs.Total-offset) {
			t.Fatalf("documents at %d: %d of %d", offset, len(page.Documents), page.Total)
		}
		for i, d := range page.Documents {
			if want := docs.Documents[offset+i]; d != want {
				t.Errorf("document %d: %+v, the whole list has %+v", offset+i, d, want)
			}
		}
	}
	for i, d := range docs.Documents {
		if i > 0 && d.Source < docs.Documents[i-1].Source {
			t.Errorf("document %d (%s) comes before %s", i, d.Source, docs.Documents[i-1].Source)
		}
	}
	// The document search keeps those whose title, source or file name
	// holds the text, ignoring case, in the same order.
	first := docs.Documents[0]
	titleWord := strings.Fields(first.Title)[1]
	for _, text := range []string{strings.ToUpper(first.Source), titleWord, first.Name[2:7], "  " + titleWord + " ", "no document says this"} {
		var want []string
		needle := strings.ToLower(strings.TrimSpace(text))
		for _, d := range docs.Documents {
			if strings.Contains(strings.ToLower(d.Title), needle) || strings.Contains(strings.ToLower(d.Source), needle) ||
				strings.Contains(strings.ToLower(d.Name), needle) {
				want = append(want, d.ID)
			}
		}
		var found docList
		get("/api/documents?limit=1&text="+url.QueryEscape(text), &found)
		var got []string
		for _, d := range found.Documents {
			got = append(got, d.ID)
		}
		if found.Total != len(want) || !slices.Equal(got, want[:min(1, len(want))]) {
			t.Errorf("documents holding %q: %v of %d, want %v of %d", text, got, found.Total, want[:min(1, len(want))], len(want))
		}
	}

	for _, target := range []string{"/api/actors?limit=0", "/api/graph?limit=x", "/api/documents?offset=-2", "/api/ask?q=who+opposed+the+deal%3F&offset=-1",
		"/api/actors/" + top + "?limit=10001"} {
		code, body := do(t, h, "GET", target, "")
		param := "parameter limit"
		if strings.Contains(target, "offset") {
			param = "parameter offset"
		}
		if code != http.StatusBadRequest || !strings.Contains(string(body), param) {
			t.Errorf("GET %s: %d %s; want 400 naming %s", target, code, body, param)
		}
	}
}
