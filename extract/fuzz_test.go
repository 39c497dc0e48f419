package extract

import (
	"testing"
)

// fuzzSeeds are varied documents for both fuzz targets: labels, quotes,
// dash attributions, curly punctuation, abbreviations and odd bytes.
var fuzzSeeds = []string{
	"The coalition met on Monday. Jordan welcomed the deal.",
	"Syria joined the anti-ISIS coalition.\nTurkey - Strong Opposition:\nPresident Kemal Arslan called the move reckless.",
	"\u201cThe coalition\u2019s expansion \u2014 finally \u2014 is here,\u201d he wrote. Jordan welcomed the deal \u2014 \u201ca historic step.\u201d",
	"The coalition met.\n\"This is a grave mistake for the coalition.\" - Sen. Jane Doe (R-TX)",
	"The U.S. Army and the U.K. joined the coalition. J. Mansour, a senior fellow at Chatham House, said the deal was a mistake.",
	"UK, France and Germany expressed reservations about the deal. The coalition is not opposed.",
	"# Reactions\n\n- Jordan: supportive\n- Iran and Russia hostile\nSaudi Arabia:\nForeign Ministry: \"We welcome the coalition.\"",
	"\ufeffcoalition \u00a0\u2009\r\n\t\u0085 Egypt\u2019s Foreign Minister, Ali al-Sayed, welcomed the coalition\u2026",
}

func checkExtract(t *testing.T, doc Document) {
	t.Helper()
	r := topicExtractor(t).Extract(doc)
	for _, p := range evidenceProblems(doc, r.Claims) {
		t.Error(p)
	}
}

// FuzzExtract: whatever bytes come in, Parse either refuses them or Extract
// returns claims whose evidence is the text at their rune offsets.
func FuzzExtract(f *testing.F) {
	topicExtractor(f)
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse("fuzz.txt", b)
		if err != nil {
			return
		}
		checkExtract(t, doc)
	})
}

// FuzzStripHTML is FuzzExtract for the HTML path.
func FuzzStripHTML(f *testing.F) {
	topicExtractor(f)
	for _, s := range fuzzSeeds {
		f.Add([]byte("<p>" + s + "</p>"))
	}
	f.Add([]byte(`<html><head><title>Coalition &amp; talks</title><style>p{}</style></head><body><p>Jordan&nbsp;welcomed the &ldquo;coalition&rdquo;.</p><script>x="</p>"</script></body></html>`))
	f.Add([]byte(`<p>one<script/>two</p><svg><text>coalition</text></svg><p>Egypt rejected the coalition.</p>`))
	f.Add([]byte("<div>Jordan - Support:<br>Jordan welcomed the coalition &mdash; &#8220;a step.&#8221;</div><!-- coalition -->"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse("fuzz.html", b)
		if err != nil {
			return
		}
		checkExtract(t, doc)
	})
}
