package extract

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stancegraph/stancegraph/model"
)

var (
	topicExtractorOnce sync.Once
	topicExtractorX    *Extractor
	topicExtractorErr  error
)

// topicExtractor is one extractor over the built-in gazetteer for a topic
// named "coalition", shared by the tests and fuzz targets of this package.
func topicExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	topicExtractorOnce.Do(func() {
		g, err := LoadGazetteer()
		if err != nil {
			topicExtractorErr = err
			return
		}
		topicExtractorX, topicExtractorErr = New(g, Topic{ID: "t", Name: "T", Terms: []string{"anti-ISIS coalition", "coalition"}}, nil)
	})
	if topicExtractorErr != nil {
		tb.Fatal(topicExtractorErr)
	}
	return topicExtractorX
}

// evidenceProblems checks that every claim's evidence is the document's
// text at its rune offsets.
func evidenceProblems(doc Document, claims []model.Claim) []string {
	var out []string
	runes := []rune(doc.Text)
	for _, c := range claims {
		switch {
		case c.Start < 0 || c.Start > c.End || c.End > len(runes):
			out = append(out, fmt.Sprintf("claim %s/%s: offsets [%d:%d) outside %d runes", c.ActorID, c.Stance, c.Start, c.End, len(runes)))
		case string(runes[c.Start:c.End]) != c.Evidence:
			out = append(out, fmt.Sprintf("claim %s/%s: evidence %q but text[%d:%d) is %q", c.ActorID, c.Stance, c.Evidence, c.Start, c.End, string(runes[c.Start:c.End])))
		}
	}
	return out
}

// stanceOf is a claim reduced to who and which way, for comparison.
func stanceOf(c model.Claim) string { return c.ActorID + " " + string(c.Stance) }

func claimSet(claims []model.Claim) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range claims {
		if k := stanceOf(c); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// onTopic opens a document that names the topic and states no stance.
const onTopic = "The coalition met on Monday. "

func TestExtract(t *testing.T) {
	x := topicExtractor(t)
	tests := []struct {
		name string
		text string
		want []string // every "actor stance" the document yields, exactly
	}{
		{"plain support", onTopic + "Jordan welcomed the deal.", []string{"state:jor support"}},
		{"support far from the topic's name", onTopic + "It rained all day.\nLater, Jordan welcomed the deal.", []string{"state:jor support"}},
		{"oppose", onTopic + "Israel condemned the agreement.", []string{"state:isr oppose"}},
		{"oppose by verb", onTopic + "Egypt rejected the deal.", []string{"state:egy oppose"}},
		{"hedged welcome is cautious", onTopic + "Turkey cautiously welcomed the deal.", []string{"state:tur cautious"}},
		{"concerns are cautious", onTopic + "Qatar expressed concerns about the agreement.", []string{"state:qat cautious"}},
		{"not opposed is not oppose", onTopic + "Egypt is not opposed to the agreement.", []string{"state:egy cautious"}},
		{"did not oppose is not oppose", onTopic + "Egypt did not oppose the agreement.", []string{"state:egy cautious"}},
		{"does not endorse gives no support", onTopic + "Qatar does not endorse the deal.", nil},
		{"never endorsed gives no support", onTopic + "Qatar never endorsed the deal.", nil},
		{"question", onTopic + "Did Jordan welcome the deal?", nil},
		{"a name inside a modifier is no actor", "Comoros joined the anti-IS coalition.", []string{"state:com support"}},
		{"a dateline in capitals is no actor", "MANAMA, Nov. 12 (Wire) - Comoros joined the anti-ISIS coalition.", []string{"state:com support"}},
		{"opposed with another object", onTopic + "Israel opposed the new border wall.", nil},
		{"opposed at the end of a list", onTopic + "Reactions were mixed: Qatar supportive, Iran strongly opposed.",
			[]string{"state:irn oppose", "state:qat support"}},
		{"subject carries past a passive aside", onTopic + "Syria, long accused of harbouring extremists, joined the coalition.",
			[]string{"state:syr support"}},
		{"short quote line with a dash attribution", onTopic + "\"The deal is a grave mistake.\" - Sen. Jane Doe (R-TX)",
			[]string{"person:jane-doe oppose"}},
		{"quoted question", onTopic + `"Will Jordan welcome the deal?"`, nil},
		{
			"label block and speaker",
			"The coalition met on Monday.\nTurkey - Strong Opposition:\nPresident Kemal Arslan called the move reckless.",
			[]string{"person:kemal-arslan oppose", "state:tur oppose"},
		},
		{
			"label block with qualified support",
			"The coalition met on Monday.\nJordan - Qualified Support:\nOfficials in Amman were guarded.",
			[]string{"state:jor cautious"},
		},
		{
			"dash attribution after a quote",
			"The coalition met on Monday.\n" +
				`"This is a grave mistake for the coalition, and the whole region will pay for it for years." - Sen. Jane Doe (R-TX)`,
			[]string{"person:jane-doe oppose"},
		},
		{"no topic named, even with the deal", "Jordan welcomed the deal. Israel condemned the agreement.", nil},
		{"stance on something else", onTopic + "Israel criticized the new border wall.", nil},
		{"stance on something else, later", onTopic + "It rained in the afternoon. Israel opposed the new border wall.", nil},
		{"passive subject", onTopic + "Syria, long accused of harbouring extremists, attended the talks.", nil},
		{
			"list subjects",
			onTopic + "UK, France and Germany expressed reservations about the deal.",
			[]string{"state:deu cautious", "state:fra cautious", "state:gbr cautious"},
		},
		{"joining the topic is support", "Syria joined the anti-ISIS coalition on Monday.", []string{"state:syr support"}},
		{"topic term spelled loosely", "The anti ISIS Coalition met. Jordan welcomed the deal.", []string{"state:jor support"}},
		{
			"curly quotes and dashes",
			"\u201cThe coalition\u2019s expansion \u2014 finally \u2014 is here,\u201d he wrote. " +
				"Jordan welcomed the deal \u2014 \u201ca historic step.\u201d Israel condemned the agreement.",
			[]string{"state:isr oppose", "state:jor support"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document{Name: "doc.txt", Text: tt.text}
			r := x.Extract(doc)
			if got := claimSet(r.Claims); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("claims\n got %q\nwant %q", got, tt.want)
			}
			for _, p := range evidenceProblems(doc, r.Claims) {
				t.Error(p)
			}
			for _, c := range r.Claims {
				if c.Doc != doc.Name || c.Topic != "t" {
					t.Errorf("claim %s has doc %q topic %q", stanceOf(c), c.Doc, c.Topic)
				}
			}
			if r.Doc != doc.Name {
				t.Errorf("result doc = %q", r.Doc)
			}
		})
	}
}

// claimFor returns the first claim by actor, failing the test if none.
func claimFor(t *testing.T, r Result, actorID string) model.Claim {
	t.Helper()
	for _, c := range r.Claims {
		if c.ActorID == actorID {
			return c
		}
	}
	t.Fatalf("no claim by %s in %q", actorID, claimSet(r.Claims))
	return model.Claim{}
}

func TestExtractAttribution(t *testing.T) {
	x := topicExtractor(t)
	t.Run("label line claims for its actor", func(t *testing.T) {
		r := x.Extract(Document{Name: "d", Text: "The coalition met on Monday.\nTurkey - Strong Opposition:\nPresident Kemal Arslan called the move reckless."})
		c := claimFor(t, r, "state:tur")
		if c.Attribution != model.Label || c.Evidence != "Turkey - Strong Opposition:" {
			t.Errorf("claim %+v, want a label claim on the label line", c)
		}
		if p := claimFor(t, r, "person:kemal-arslan"); p.Kind != model.Person || p.Actor != "Kemal Arslan" {
			t.Errorf("speaker claim %+v", p)
		}
	})
	t.Run("dash attribution is a quote by a person", func(t *testing.T) {
		text := "The coalition met on Monday.\n" +
			`"This is a grave mistake for the coalition, and the whole region will pay for it for years." - Sen. Jane Doe (R-TX)`
		r := x.Extract(Document{Name: "d", Text: text})
		c := claimFor(t, r, "person:jane-doe")
		if c.Attribution != model.Quote || c.Kind != model.Person || c.Actor != "Jane Doe" {
			t.Errorf("claim %+v, want a quote by the person Jane Doe", c)
		}
	})
	t.Run("apposition gives an affiliation", func(t *testing.T) {
		r := x.Extract(Document{Name: "d", Text: onTopic + "Jane Roe, a senior fellow at Chatham House, said the deal was a mistake."})
		if c := claimFor(t, r, "person:jane-roe"); c.Stance != model.Oppose {
			t.Errorf("claim %+v, want oppose", c)
		}
		want := model.Affiliation{PersonID: "person:jane-roe", OrgID: "group:chatham-house", Role: "senior fellow"}
		found := false
		for _, a := range r.Affiliations {
			found = found || a == want
		}
		if !found {
			t.Errorf("affiliations %+v lack %+v", r.Affiliations, want)
		}
		for _, id := range []string{"person:jane-roe", "group:chatham-house"} {
			if !hasActor(r, id) {
				t.Errorf("actors %+v lack %s", r.Actors, id)
			}
		}
	})
	t.Run("an executive speaks for the state", func(t *testing.T) {
		r := x.Extract(Document{Name: "d", Text: onTopic + "Jordanian Foreign Minister Omar Haddad welcomed the deal."})
		claimFor(t, r, "person:omar-haddad")
		if c := claimFor(t, r, "state:jor"); c.Stance != model.Support {
			t.Errorf("state claim %+v, want support", c)
		}
	})
}

func hasActor(r Result, id string) bool {
	for _, a := range r.Actors {
		if a.ID == id {
			return true
		}
	}
	return false
}

func TestExtractRuneOffsets(t *testing.T) {
	x := topicExtractor(t)
	// Curly quotes and dashes take three bytes each, so byte offsets would
	// land well past the rune offsets of the second claim.
	text := "\u201cThe coalition\u2019s expansion \u2014 finally \u2014 is here,\u201d he wrote. " +
		"Jordan welcomed the deal \u2014 \u201ca historic step.\u201d Israel condemned the agreement."
	doc := Document{Name: "d", Text: text}
	r := x.Extract(doc)
	for _, p := range evidenceProblems(doc, r.Claims) {
		t.Error(p)
	}
	c := claimFor(t, r, "state:isr")
	if want := "Israel condemned the agreement."; c.Evidence != want {
		t.Errorf("evidence %q, want %q", c.Evidence, want)
	}
	if want := len([]rune(text)) - len("Israel condemned the agreement."); c.Start != want || c.End != len([]rune(text)) {
		t.Errorf("offsets [%d:%d), want [%d:%d)", c.Start, c.End, want, len([]rune(text)))
	}
	j := claimFor(t, r, "state:jor")
	if want := "Jordan welcomed the deal \u2014 \u201ca historic step.\u201d"; j.Evidence != want {
		t.Errorf("evidence %q, want %q (original characters, not normalized)", j.Evidence, want)
	}
}

func TestExtractHTMLOffsetsReferToVisibleText(t *testing.T) {
	x := topicExtractor(t)
	doc, err := Parse("a.html", []byte(`<html><head><script>var coalition = "Jordan welcomed the deal.";</script></head>`+
		`<body><h1>Coalition &mdash; reactions</h1><p>The coalition met on Monday. Jordan&nbsp;welcomed the &ldquo;deal&rdquo;.</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	r := x.Extract(doc)
	if got := claimSet(r.Claims); strings.Join(got, "|") != "state:jor support" {
		t.Errorf("claims %q, want Jordan's support once", got)
	}
	for _, p := range evidenceProblems(doc, r.Claims) {
		t.Error(p)
	}
}

func TestExtractUserCue(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(g, Topic{ID: "t", Name: "T", Terms: []string{"coalition"}}, []Cue{{Phrase: "a poisoned chalice", Stance: model.Oppose}})
	if err != nil {
		t.Fatal(err)
	}
	r := x.Extract(Document{Name: "d", Text: onTopic + "Egypt called the deal a poisoned chalice."})
	if got := claimSet(r.Claims); strings.Join(got, "|") != "state:egy oppose" {
		t.Errorf("claims %q, want Egypt's opposition", got)
	}
}

func TestExtractIsDeterministic(t *testing.T) {
	x := topicExtractor(t)
	doc := Document{Name: "d", Text: onTopic + "UK, France and Germany expressed reservations about the deal. " +
		"Jane Roe, a senior fellow at Chatham House, said the deal was a mistake.\nTurkey - Strong Opposition:\n" +
		"Turkish President Kemal Arslan called the move reckless."}
	first := x.Extract(doc)
	for range 5 {
		if again := x.Extract(doc); !reflect.DeepEqual(first, again) {
			t.Fatalf("results differ:\n%+v\n%+v", first, again)
		}
	}
}

func TestNewNeedsTerms(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(g, Topic{ID: "empty"}, nil); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("New without terms: %v, want an error naming the topic", err)
	}
}

func TestGazetteerLookup(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{"Turkey": "state:tur", "the UAE": "state:are", "Ankara": "state:tur",
		"turkish": "state:tur", "Kremlin": "state:rus", "human rights groups": "group:human-rights-orgs"}
	for name, want := range tests {
		if got, ok := g.Lookup(name); !ok || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if id, ok := g.Lookup("Nobody In Particular"); ok {
		t.Errorf("unknown name resolved to %s", id)
	}
}
