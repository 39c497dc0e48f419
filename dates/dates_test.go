package dates_test

import (
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/dates"
)

func TestPublished(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		html     bool
		want     string
	}{
		{"meta property", `<html><head><meta property="article:published_time" content="2025-11-12T08:30:00Z"></head><body><p>Text.</p></body></html>`, true, "2025-11-12"},
		{"meta name", `<html><head><meta name="pubdate" content="2024-03-05"></head></html>`, true, "2024-03-05"},
		{"itemprop", `<html><head><meta itemprop="datePublished" content="2023-07-09T10:00"></head></html>`, true, "2023-07-09"},
		{"json-ld", `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-31T06:00:00+01:00"}</script></head></html>`, true, "2022-01-31"},
		{"time element", `<html><body><time datetime="2021-06-01">June 1</time><p>Text.</p></body></html>`, true, "2021-06-01"},
		{"a script that is not structured data says nothing", `<html><head><script>var x = {"datePublished": "2020-01-01"};</script></head><body>Text.</body></html>`, true, ""},
		{"front matter", "---\ntitle: Pact signed\ndate: 2025-11-20\n---\n\n# Pact signed\n\nText.", false, "2025-11-20"},
		{"date line", "Pact signed\nDate: 14 March 2024\n\nText.", false, "2024-03-14"},
		{"dateline with the year", "Pact signed\n\nOSLO, Nov. 11, 2025 (Stancegraph Wire) - Norway signed the pact.", false, "2025-11-11"},
		{"dateline in British order", "Pact signed\n\nLONDON, 3 September 2019 - Britain signed the pact.", false, "2019-09-03"},
		{"dateline without a year is no date", "Pact signed\n\nOSLO, Nov. 11 (Stancegraph Wire) - Norway signed the pact.", false, ""},
		{"a date deep in a sentence is not the dateline", "Pact signed\n\nNorway, which first proposed the pact in talks that began on March 3, 2019, signed it.", false, ""},
		{"an impossible date", "Date: 2025-02-30\n\nText.", false, ""},
		{"nothing", "Pact signed\n\nNorway signed the pact.", false, ""},
		{"Windows line ends", "Pact signed\r\nDate: 14 March 2024\r\n\r\nText.", false, "2024-03-14"},
		{"a date line below the first twelve lines is not read", strings.Repeat("Text.\n", 12) + "Date: 14 March 2024\n", false, ""},
		{"the twelfth line is", strings.Repeat("Text.\n", 11) + "Date: 14 March 2024\n", false, "2024-03-14"},
	} {
		if got := dates.Published([]byte(tc.in), tc.html); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestValid(t *testing.T) {
	for in, want := range map[string]bool{"2025-11-11": true, "2025-13-01": false, "11/11/2025": false, "": false} {
		if got := dates.Valid(in); got != want {
			t.Errorf("Valid(%q) = %v", in, got)
		}
	}
}
