package fetch

import (
	"bytes"
	"context"
	"html"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/stancegraph/stancegraph/dates"
	"github.com/stancegraph/stancegraph/model"
)

// Page is an article read from the web.
type Page struct {
	// URL is where the page was found, after redirects.
	URL   string
	Title string
	// Published is the date the page gives (YYYY-MM-DD), or "".
	Published string
	// HTML is the article's title and main text as a small HTML page:
	// menus, links lists and other boilerplate dropped.
	HTML []byte
}

var pageKind = kind{name: "an article page (text/html)", accept: "text/html, application/xhtml+xml;q=0.9",
	types: []string{"", "text/html", "application/xhtml+xml"}}

// Page fetches an article page and keeps its main text.
func (c *Client) Page(ctx context.Context, raw string) (Page, error) {
	r, err := c.get(ctx, raw, pageKind)
	if err != nil {
		return Page{}, err
	}
	if r.contentType == "" && sniffed(r.body) != "text/html" {
		return Page{}, model.Errorf(model.Invalid, "%s: sent without a content type and is not HTML", raw)
	}
	body, err := utf8Body(r)
	if err != nil {
		return Page{}, model.Wrap(model.Invalid, err, "%s: cannot decode its charset", raw)
	}
	art, err := readability.FromReader(bytes.NewReader(body), r.url)
	if err != nil {
		return Page{}, model.Wrap(model.Invalid, err, "%s: cannot read the page", raw)
	}
	if art.Node == nil {
		return Page{}, model.Errorf(model.Invalid, "%s: no article text found on the page", raw)
	}
	var main bytes.Buffer
	if err := art.RenderHTML(&main); err != nil {
		return Page{}, model.Wrap(model.Invalid, err, "%s: render its text", raw)
	}
	title := strings.Join(strings.Fields(art.Title()), " ")
	p := Page{URL: r.url.String(), Title: title, Published: dates.Published(body, true)}
	if t, err := art.PublishedTime(); err == nil && p.Published == "" {
		p.Published = t.Format("2006-01-02")
	}
	var out bytes.Buffer
	out.WriteString("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>")
	out.WriteString(html.EscapeString(title))
	out.WriteString("</title></head><body>\n")
	if title != "" {
		out.WriteString("<h1>" + html.EscapeString(title) + "</h1>\n")
	}
	out.Write(main.Bytes())
	out.WriteString("\n</body></html>\n")
	p.HTML = out.Bytes()
	return p, nil
}

// utf8Body decodes a page to UTF-8 by the charset its header, byte order
// mark or <meta> declares (windows-1252 when none does and the bytes are
// not UTF-8, as browsers do).
func utf8Body(r response) ([]byte, error) {
	if utf8.Valid(r.body) && !strings.Contains(strings.ToLower(r.header), "charset=") {
		return r.body, nil
	}
	enc, _, _ := charset.DetermineEncoding(r.body, r.header)
	out, _, err := transform.Bytes(enc.NewDecoder(), r.body)
	return out, err
}
