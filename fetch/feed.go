package fetch

import (
	"bytes"
	"context"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/stancegraph/stancegraph/model"
)

// Feed is what an RSS, Atom or JSON feed lists.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed: the page it links to.
type Item struct {
	Title string
	// URL is the item's link, made absolute against the feed's address.
	URL string
	// Published is the item's date (YYYY-MM-DD), or "".
	Published string
}

// Feeds are served under many types; "" and text/plain are parsed anyway.
var feedKind = kind{name: "a feed (RSS, Atom or JSON Feed)",
	accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8",
	types:  []string{"", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/feed+json", "application/json", "text/plain"}}

// Feed fetches and parses a feed. An item without a usable link is left
// out and named in the returned list of problems.
func (c *Client) Feed(ctx context.Context, raw string) (Feed, []error, error) {
	r, err := c.get(ctx, raw, feedKind)
	if err != nil {
		return Feed{}, nil, err
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(r.body))
	if err != nil {
		return Feed{}, nil, model.Wrap(model.Invalid, err, "%s: not a feed", raw)
	}
	out := Feed{Title: strings.TrimSpace(f.Title)}
	var problems []error
	for i, it := range f.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		ref, err := r.url.Parse(link)
		if link == "" || err != nil {
			problems = append(problems, model.Errorf(model.Invalid, "%s: item %d (%q) has no usable link", raw, i+1, it.Title))
			continue
		}
		u, err := Parse(ref.String())
		if err != nil {
			problems = append(problems, model.Wrap(model.Invalid, err, "%s: item %d", raw, i+1))
			continue
		}
		item := Item{Title: strings.Join(strings.Fields(it.Title), " "), URL: u.String()}
		if t := it.PublishedParsed; t != nil {
			item.Published = t.Format("2006-01-02")
		} else if t := it.UpdatedParsed; t != nil {
			item.Published = t.Format("2006-01-02")
		}
		out.Items = append(out.Items, item)
	}
	return out, problems, nil
}
