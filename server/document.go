package server

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// segment is a run of document text, highlighted when it is a claim.
type segment struct {
	Text    string
	ClaimID string
	Stance  model.Stance
	Actor   string
}

// segments cuts the text at claim spans (character offsets); overlapping
// claims keep the first, so the text is shown exactly once.
func segments(text string, claims []graph.Claim) []segment {
	runes := []rune(text)
	var out []segment
	pos := 0
	for _, c := range claims {
		start, end := int(c.Start), int(c.End)
		if start < pos || end > len(runes) || start >= end {
			continue
		}
		if start > pos {
			out = append(out, segment{Text: string(runes[pos:start])})
		}
		out = append(out, segment{Text: string(runes[start:end]), ClaimID: c.ID, Stance: c.Stance, Actor: c.Actor})
		pos = end
	}
	if pos < len(runes) {
		out = append(out, segment{Text: string(runes[pos:])})
	}
	return out
}

// documentPage renders a document with its claims highlighted; the
// template escapes every piece of the untrusted text.
func (s *Server) documentPage(c *gin.Context) {
	d, err := s.Graph.Document(c.Request.Context(), c.Param("id"))
	if err != nil {
		fail(c, s.log, err)
		return
	}
	s.render(c, "document.html", gin.H{"Title": d.Document.Title, "Source": d.Document.Source, "URL": d.Document.URL, "ID": d.Document.ID,
		"Corpus": d.Document.Corpus, "CorpusNote": d.Document.CorpusNote,
		"Segments": segments(d.Document.Text, d.Claims), "Claims": d.Claims, "Topic": s.Topic})
}

func (s *Server) index(c *gin.Context) {
	types := map[model.Stance]string{}
	for _, st := range model.Stances() {
		types[st] = st.Relationship()
	}
	b, err := json.Marshal(types)
	if err != nil {
		fail(c, s.log, err)
		return
	}
	s.render(c, "index.html", gin.H{"Topic": s.Topic, "Auth": s.Token != "", "StanceTypes": string(b), "NoBundle": !s.hasBundle()})
}

func (s *Server) render(c *gin.Context, name string, data any) {
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Status(http.StatusOK)
	if err := s.pages.ExecuteTemplate(c.Writer, name, data); err != nil {
		s.log.Error("render page", "page", name, "err", err)
	}
}
