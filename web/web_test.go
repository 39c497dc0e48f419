package web

import (
	"html/template"
	"io/fs"
	"strings"
	"testing"
)

func mustPages(tb testing.TB) *template.Template {
	tb.Helper()
	pages, err := template.ParseFS(Templates(), "*.html")
	if err != nil {
		tb.Fatalf("parse templates: %v", err)
	}
	return pages
}

func render(tb testing.TB, name string, data any) string {
	tb.Helper()
	var b strings.Builder
	if err := mustPages(tb).ExecuteTemplate(&b, name, data); err != nil {
		tb.Fatalf("execute %s: %v", name, err)
	}
	return b.String()
}

func TestIndex(t *testing.T) {
	out := render(t, "index.html", map[string]string{"Topic": `<b>Sweden</b>`})
	t.Run("escapes the topic", func(t *testing.T) {
		if strings.Contains(out, "<b>Sweden") {
			t.Error("topic not escaped")
		}
	})
	t.Run("has no inline script or style", func(t *testing.T) {
		for _, bad := range []string{"<style", "style=", "<script>", "onclick=", "javascript:"} {
			if strings.Contains(out, bad) {
				t.Errorf("page contains %q, which the CSP refuses", bad)
			}
		}
	})
	t.Run("has the ids the tests use", func(t *testing.T) {
		for _, id := range []string{"ask-form", "ask-input", "answer", "graph", "panel", "panel-claims", "queries",
			"query-form", "query-run", "result-table", "export-csv", "export-json", "export-graphml", "export-png",
			"banner", "actor-list"} {
			if !strings.Contains(out, `id="`+id+`"`) {
				t.Errorf("no #%s", id)
			}
		}
	})
}

type segment struct{ Text, ClaimID, Stance, Actor string }

func TestDocument(t *testing.T) {
	out := render(t, "document.html", map[string]any{
		"Title":  "Ankara <i>shifts</i>",
		"Source": "05-turkey-shift.txt",
		"Segments": []segment{
			{Text: "Before.\n\n  "},
			{Text: `"We <script>alert(1)</script> object," he said.`, ClaimID: "c1", Stance: "oppose", Actor: "Erdoğan"},
			{Text: " After."},
		},
	})
	t.Run("marks the claim", func(t *testing.T) {
		if !strings.Contains(out, `<mark id="claim-c1" class="claim stance-oppose" data-claim="c1" title="Erdoğan: oppose">`) {
			t.Errorf("no claim mark in\n%s", out)
		}
	})
	t.Run("escapes the text", func(t *testing.T) {
		if strings.Contains(out, "<script>") || strings.Contains(out, "<i>shifts") {
			t.Error("document text not escaped")
		}
	})
	t.Run("keeps whitespace between segments", func(t *testing.T) {
		if !strings.Contains(out, "Before.\n\n  <mark") || !strings.Contains(out, "</mark> After.</article>") {
			t.Errorf("segments not joined verbatim in\n%s", out)
		}
	})
	t.Run("lists the claims", func(t *testing.T) {
		if !strings.Contains(out, `<li class="claim" data-claim-id="c1">`) || strings.Contains(out, "No claims were found") {
			t.Error("claim list wrong")
		}
	})
	t.Run("says when there are none", func(t *testing.T) {
		out := render(t, "document.html", map[string]any{"Title": "T", "Segments": []segment{{Text: "plain"}}})
		if !strings.Contains(out, "No claims were found") {
			t.Error("no empty-state text")
		}
	})
}

func TestStatic(t *testing.T) {
	if _, err := fs.Stat(Static(), "app.css"); err != nil {
		t.Fatalf("app.css not embedded: %v", err)
	}
}
