// Package dates finds when an article was published, from what the file
// itself says: an HTML page's meta tags, structured data or <time>
// element, a Markdown front matter's date, a "Date:" line, or a dateline
// that gives the year. An article that says none of these has no date.
package dates

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Layout is how a date is written everywhere stancegraph stores or shows
// one.
const Layout = "2006-01-02"

// Published returns the article's publication date as YYYY-MM-DD, or ""
// when the file does not say. html tells whether the bytes are a page.
func Published(b []byte, isHTML bool) string {
	if isHTML {
		if d := fromHTML(b); d != "" {
			return d
		}
	}
	return fromText(b)
}

// metaNames are the meta tags news sites put their publication date in.
var metaNames = map[string]bool{"article:published_time": true, "og:published_time": true,
	"datepublished": true, "pubdate": true, "publishdate": true, "publish-date": true, "date": true,
	"dc.date": true, "dc.date.issued": true, "dcterms.created": true, "sailthru.date": true, "parsely-pub-date": true}

var reJSONLD = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

// fromHTML reads the page's head: meta tags first, then JSON-LD's
// datePublished, then the first <time datetime>.
func fromHTML(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	timeTag := ""
	inScript := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return parse(timeTag)
		case html.TextToken:
			if inScript {
				if m := reJSONLD.FindSubmatch(z.Text()); m != nil {
					if d := parse(string(m[1])); d != "" {
						return d
					}
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "script" {
				inScript = false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[strings.ToLower(string(k))] = string(v)
			}
			switch string(name) {
			case "meta":
				key := strings.ToLower(attrs["property"] + attrs["name"] + attrs["itemprop"])
				if metaNames[key] {
					if d := parse(attrs["content"]); d != "" {
						return d
					}
				}
			case "time":
				if timeTag == "" {
					timeTag = attrs["datetime"]
				}
			case "script":
				inScript = attrs["type"] == "application/ld+json"
			}
		}
	}
}

var (
	reDateLine  = regexp.MustCompile(`(?i)^\s*(?:date|published|publication date|dated)\s*:\s*(.+)$`)
	reFrontDate = regexp.MustCompile(`(?i)^\s*(?:date|published)\s*:\s*["']?([^"']+)["']?\s*$`)
)

// fromText reads a front matter block, a "Date:" line among the first
// lines, or a dateline there that gives a full date.
func fromText(b []byte) string {
	front := false
	// Only the first lines are read: cut in place, not scanned through a
	// 64 KB buffer per document.
	rest := b
	for n := 0; len(rest) > 0 && n < 12; n++ {
		var raw []byte
		raw, rest, _ = bytes.Cut(rest, []byte{'\n'})
		line := strings.TrimSpace(string(raw))
		switch {
		case n == 0 && line == "---":
			front = true
			continue
		case front && line == "---":
			front = false
			continue
		case front:
			if m := reFrontDate.FindStringSubmatch(line); m != nil {
				if d := parse(m[1]); d != "" {
					return d
				}
			}
			continue
		}
		if m := reDateLine.FindStringSubmatch(line); m != nil {
			if d := parse(m[1]); d != "" {
				return d
			}
		}
		if d := inDateline(line); d != "" {
			return d
		}
	}
	return ""
}

var months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

const month = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var (
	reISO      = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:\D|$)`)
	reMonthDay = regexp.MustCompile(`\b` + month + `\s+(\d{1,2}),?\s+(\d{4})\b`)
	reDayMonth = regexp.MustCompile(`\b(\d{1,2})\s+` + month + `,?\s+(\d{4})\b`)
)

// inDateline finds a full date in a dateline ("WASHINGTON, Nov. 11, 2025
// (Reuters) -"), not in a sentence that merely mentions one: the date
// must come within the line's first words.
func inDateline(line string) string {
	head := line
	if len(head) > 60 {
		head = head[:60]
	}
	if !hasYear(head) {
		return "" // both patterns end in a year: most lines have none, and the patterns try every position
	}
	for _, re := range []*regexp.Regexp{reMonthDay, reDayMonth} {
		if m := re.FindStringIndex(head); m != nil {
			return parse(head[m[0]:m[1]])
		}
	}
	return ""
}

// hasYear reports four digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			run = 0
		} else if run++; run == 4 {
			return true
		}
	}
	return false
}

// parse reads one date in the forms news uses: ISO (with or without a
// time), "November 11, 2025", "Nov. 11, 2025", "11 November 2025".
func parse(s string) string {
	s = strings.TrimSpace(s)
	if m := reISO.FindStringSubmatch(s); m != nil {
		if t, err := time.Parse(Layout, m[1]); err == nil {
			return t.Format(Layout)
		}
		return ""
	}
	var mon, day, year string
	if m := reMonthDay.FindStringSubmatch(s); m != nil {
		mon, day, year = m[1], m[2], m[3]
	} else if m := reDayMonth.FindStringSubmatch(s); m != nil {
		day, mon, year = m[1], m[2], m[3]
	} else {
		return ""
	}
	mo := months[strings.ToLower(mon[:3])]
	t, err := time.Parse("2006-1-2", year+"-"+strconv.Itoa(int(mo))+"-"+day)
	if err != nil {
		return ""
	}
	return t.Format(Layout)
}

// Valid checks a date an analyst types (ingest --date): YYYY-MM-DD.
func Valid(s string) bool {
	_, err := time.Parse(Layout, s)
	return err == nil
}
