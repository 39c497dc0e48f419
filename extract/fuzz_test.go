package extract

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/model"
)

// fuzzSeeds are varied documents for both fuzz targets: labels, quotes,
// dash signatures, curly punctuation, abbreviations and odd bytes.
var fuzzSeeds = []string{
	"Harbour pact signed\n\nThe pact was signed on Monday. Jordan welcomed the deal.",
	"The harbour pact was signed.\nTurkey - Strong Opposition:\nPresident Kemal Arslan called the move reckless.",
	"\u201cThe pact\u2019s signing \u2014 finally \u2014 is here,\u201d he wrote. Jordan welcomed the deal \u2014 \u201ca historic step.\u201d",
	"The pact was signed.\n\"This is a grave mistake for the pact.\" - Sen. Jane Doe (R-TX)",
	"The U.S. Army and the U.K. backed the pact. J. Mansour, a senior fellow at Chatham House, said the deal was a mistake.",
	"UK, France and Germany expressed reservations about the deal. They are not opposed to the pact.",
	"# Reactions\n\n- Jordan: supportive\n- Iran and Russia hostile\nSaudi Arabia:\nForeign Ministry: \"We welcome the pact.\"",
	"\ufeffpact \u00a0\u2009\r\n\t\u0085 Egypt\u2019s Foreign Minister, Ali al-Sayed, welcomed the pact\u2026",
	"Mixed reactions: Chile supportive, Peru cautiously accepting, Bolivia strongly opposed.",
}

// fuzzExtractor runs the stages on the pure-Go parser: fuzzing explores
// the stages' handling of any text, and the real parser is too slow for it.
func fuzzExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	g, err := LoadGazetteer()
	if err != nil {
		tb.Fatal(err)
	}
	lx, err := LoadLexicon(nil)
	if err != nil {
		tb.Fatal(err)
	}
	x, err := New(g, lx, model.Topic{ID: "pact", Terms: []string{"harbour pact", "the pact", "pact"}}, shallow.Parser{})
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// evidenceProblems checks what every claim promises: its evidence is the
// document's text at its rune offsets, and it has an actor, a kind and a
// stance.
func evidenceProblems(doc Document, claims []model.Claim) []string {
	var out []string
	runes := []rune(doc.Text)
	seen := map[string]bool{}
	for _, c := range claims {
		if c.Start < 0 || c.End > len(runes) || c.Start > c.End || string(runes[c.Start:c.End]) != c.Evidence {
			out = append(out, "evidence "+c.Evidence+" is not the text at its offsets")
		}
		if c.Actor == "" || c.ActorID == "" || !utf8.ValidString(c.Actor) {
			out = append(out, "claim without a valid actor")
		}
		if _, err := model.ParseStance(string(c.Stance)); err != nil {
			out = append(out, err.Error())
		}
		if _, err := model.ParseKind(string(c.Kind)); err != nil {
			out = append(out, err.Error())
		}
		if seen[c.ActorID] {
			out = append(out, "two claims for "+c.ActorID)
		}
		seen[c.ActorID] = true
	}
	return out
}

func checkExtract(t *testing.T, x *Extractor, doc Document) {
	t.Helper()
	r, err := x.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range evidenceProblems(doc, r.Claims) {
		t.Error(p)
	}
}

// FuzzExtract: whatever bytes come in, Parse either refuses them or Extract
// returns claims whose evidence is the text at their rune offsets.
func FuzzExtract(f *testing.F) {
	x := fuzzExtractor(f)
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse("fuzz.txt", b)
		if err != nil {
			return
		}
		checkExtract(t, x, doc)
	})
}

// FuzzStripHTML is FuzzExtract for the HTML path.
func FuzzStripHTML(f *testing.F) {
	x := fuzzExtractor(f)
	for _, s := range fuzzSeeds {
		f.Add([]byte("<p>" + strings.ReplaceAll(s, "\n", "</p><p>") + "</p>"))
	}
	f.Add([]byte(`<html><head><title>Pact &amp; talks</title><style>p{}</style></head><body><p>Jordan&nbsp;welcomed the &ldquo;pact&rdquo;.</p><script>x="</p>"</script></body></html>`))
	f.Add([]byte(`<p>one<script/>two</p><svg><text>pact</text></svg><p>Egypt rejected the pact.</p>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse("fuzz.html", b)
		if err != nil {
			return
		}
		checkExtract(t, x, doc)
	})
}

// TestFuzzSeedsHoldTheirPromises runs the seeds on both parsers' stage
// code paths once, as an ordinary test.
func TestFuzzSeedsHoldTheirPromises(t *testing.T) {
	x := fuzzExtractor(t)
	for _, s := range fuzzSeeds {
		doc, err := Parse("seed.txt", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		checkExtract(t, x, doc)
	}
}
