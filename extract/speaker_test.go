package extract

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// What dashSigned, leadSpeaker and headlineSigned read, as patterns.
var (
	reDashSigned     = regexp.MustCompile(`"\s*-\s*(.{3,90})$`)
	reLeadSpeak      = regexp.MustCompile(`^([^":]{2,80}): ?"`)
	reHeadlineSigned = regexp.MustCompile(`^(.{8,}?):\s*([^:"]{2,60})$`)
)

// TestSignedLinesAsThePatternsRead: a dash after a quotation mark, a
// colon before one and a colon in a headline, read by hand, give the
// offsets the patterns give, on sentences written for it and on every
// line of the dev corpus.
func TestSignedLinesAsThePatternsRead(t *testing.T) {
	lines := []string{
		`"We will not sign this." - Mette Lund, water minister`,
		`"We will not sign this."  -Mette Lund`,
		`"No," she said. "Never." -- Ola Vik`,
		`"Yes" and "no" - both were heard.`,
		`"Short" - ab`,
		`Minister Lind: "We will wait."`,
		`Minister Lind:"We will wait."`,
		`Minister Lind said "we will wait": a pause.`,
		`At 10:30 the talks began.`,
		`A: "x"`,
		`Minister Lind:  "Two spaces."`,
		`Minister Lind: said "no" to it`,
		`Lake pact must put fishers first: Water Watch`,
		`Lake pact: a first step: Water Watch`,
		`No colon in this headline`,
		`Nothing here at all.`,
		`"An open quote that never closes - and a dash`,
		// Speakers of 80 and 81 characters, some outside ASCII (80 are
		// more than 80 bytes), and a byte that is not UTF-8.
		strings.Repeat("é", 80) + `: "Yes."`,
		strings.Repeat("é", 81) + `: "No."`,
		strings.Repeat("a", 79) + "\xff" + `:"Yes."`,
		`Ö: "One letter is no speaker."`,
		`Minister Lind : "A space before the colon."`,
		`Minister Lind:`,
		`Minister Lind: `,
		// Colons and quotation marks in other places than the speaker's.
		`Minister:: "Two colons."`, `Minister: Lind: "Two speakers."`, `"Quote first": Minister Lind`,
		`:"No speaker."`, ` :"A space."`, `Minister Lind: " and: "`, `Minister Lind :"`, `"`, `:`, `: "`,
		// Signatures and names too short but for the white space before
		// them, of the most characters and one more, after a newline or
		// a tab, and headlines whose name holds a quotation mark or whose
		// words are 7 and 8 characters.
		`"Yes" -ab`, "\"Yes\" -\tab", "\"Yes\" -\nab", "\"Yes\" - \nab", `"Yes" -  a`, `"Yes"-`,
		`"Yes" - ` + strings.Repeat("é", 90), `"Yes" - ` + strings.Repeat("é", 91), "\"Yes\" - Ola\nVik",
		`"No" - ` + strings.Repeat("x", 95) + ` "Yes" - Ola Vik`,
		`Deal must put rights first: A`, `Deal must put rights first:  A`, `Deal must put rights first:A`,
		`Deal must put rights first: Water "Watch"`, `Deal must put rights first:` + strings.Repeat("ö", 60),
		`Deal must put rights first:` + strings.Repeat("ö", 61), `Seven c: Name`, `Eight ch: Name`,
		"Deal\nmust put rights first: Water Watch", "Deal must put rights first:\tWater\nWatch",
	}
	lines = append(lines, devLines(t)...)
	found := map[string]int{}
	for _, ln := range lines {
		for _, tc := range []struct {
			name string
			got  []int
			want []int
		}{
			{"dash", dashSigned(ln), reDashSigned.FindStringSubmatchIndex(ln)},
			{"lead", leadSpeaker(ln), reLeadSpeak.FindStringSubmatchIndex(ln)},
			{"headline", headlineSigned(ln), reHeadlineSigned.FindStringSubmatchIndex(ln)},
		} {
			if fmt.Sprint(tc.got) != fmt.Sprint(tc.want) {
				t.Errorf("%s in %q: %v, the pattern %v", tc.name, ln, tc.got, tc.want)
			}
			if tc.got != nil {
				found[tc.name]++
			}
		}
		// lineSigns reads neither sign of a line with no quotation mark.
		if !strings.Contains(ln, `"`) && (dashSigned(ln) != nil || leadSpeaker(ln) != nil) {
			t.Errorf("%q holds no quotation mark, and is signed", ln)
		}
	}
	for _, name := range []string{"dash", "lead", "headline"} {
		if found[name] == 0 {
			t.Errorf("no %s-signed line: the comparison showed nothing", name)
		}
	}
}

// TestSpeechInFrom: speechIn read on from the first token it found
// speaking answers as a reading from the start does, so findSpeakers's
// second ask can skip the words before; a sentence with no speech verb
// outside quotes (nor "according to") has none.
func TestSpeechInFrom(t *testing.T) {
	x := fuzzExtractor(t)
	for _, tc := range []struct {
		s, speaker string
		speaks     bool
	}{
		{"Chile backed the pact, the minister said on Monday.", "", true},
		{"Peru opposed the pact, according to the harbour authority.", "", true},
		{`"We back the pact," said Ana Torres, the trade minister.`, "person:ana-torres", true},
		{`"They said we would oppose the pact," the mayor of Lima told reporters.`, "", true},
		{"Addressing farmers in Cusco, Ana Torres said Peru backed the pact.", "person:ana-torres", true},
		{`"Critics said it was a bad deal," a banner read.`, "", false},
		{"Quito backed the pact in May.", "", false},
		{"Peru backed the pact, according as the weather allowed.", "", false},
	} {
		d, p := stageDoc(t, x, tc.s)
		want, first := d.speechIn(1, 0)
		if want != tc.speaker || (first >= 0) != tc.speaks {
			t.Errorf("%q: speechIn = %q, %d, want %q and a speaking token: %v", tc.s, want, first, tc.speaker, tc.speaks)
		}
		for from := 0; from <= first && from < len(p.Tokens); from++ {
			if got, f := d.speechIn(1, from); got != want || f != first {
				t.Errorf("%q from %d: speechIn = %q, %d, want %q, %d", tc.s, from, got, f, want, first)
			}
		}
	}
}
