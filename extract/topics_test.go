package extract_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

// countingParser counts the sentences it is asked to parse.
type countingParser struct {
	p     extract.Parser
	texts map[string]int
}

func (c *countingParser) Parse(ctx context.Context, texts []string) ([]syntax.Sentence, error) {
	for _, t := range texts {
		c.texts[t]++
	}
	return c.p.Parse(ctx, texts)
}

func TestTopicsAssignsEachDocumentToTheTopicsItNames(t *testing.T) {
	dam := model.Topic{ID: "dam", Name: "The Orvik dam accord", Terms: []string{"dam accord"}}
	port := model.Topic{ID: "port", Name: "The Sella port lease", Terms: []string{"port lease"}}
	both := "Talks in Lima\n\nChile backed the dam accord on Monday. Peru rejected the port lease."
	tests := []struct {
		name, body, pin string
		want            map[string]map[string]model.Stance // topic -> actor -> stance
	}{
		{"a document about both topics gets claims on each", both, "",
			map[string]map[string]model.Stance{"dam": {"Chile": model.Support}, "port": {"Peru": model.Oppose}}},
		{"a document about one topic is assigned to it alone",
			"Talks in Lima\n\nChile backed the dam accord on Monday.", "",
			map[string]map[string]model.Stance{"dam": {"Chile": model.Support}}},
		{"a document about neither has no topic",
			"Talks in Lima\n\nChile backed a new budget on Monday.", "", map[string]map[string]model.Stance{}},
		{"a pinned document is about its topic alone", both, "port",
			map[string]map[string]model.Stance{"port": {"Peru": model.Oppose}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &countingParser{p: nlptest.Parser(t), texts: map[string]int{}}
			ts := nlptest.Topics(t, p, dam, port)
			doc, err := extract.Parse("d.txt", []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			res, err := ts.Extract(context.Background(), doc, tt.pin)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]map[string]model.Stance{}
			for _, r := range res {
				got[r.Topic.ID] = map[string]model.Stance{}
				for _, c := range r.Claims {
					if c.Topic != r.Topic.ID {
						t.Errorf("claim of %s names topic %q in the result for %q", c.Actor, c.Topic, r.Topic.ID)
					}
					got[r.Topic.ID][c.Actor] = c.Stance
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("topics %v, want %v", got, tt.want)
			}
			for topic, actors := range tt.want {
				for actor, st := range actors {
					if got[topic][actor] != st {
						t.Errorf("topic %s: %s is %q, want %q (all: %v)", topic, actor, got[topic][actor], st, got)
					}
				}
				if len(got[topic]) != len(actors) {
					t.Errorf("topic %s: claims %v, want %v", topic, got[topic], actors)
				}
			}
			for text, n := range p.texts {
				if n > 1 {
					t.Errorf("sentence parsed %d times: %q", n, strings.TrimSpace(text))
				}
			}
		})
	}
}

// TestTopicsReadTogetherAsApart: a document read once for the two topics
// it names yields for each what it yields read for that topic alone
// (pinned), though the second topic's stances are read on the first's
// copy of the document: nothing one topic's reading learns reaches the
// other's. Every sentence here would be parsed for either topic.
func TestTopicsReadTogetherAsApart(t *testing.T) {
	dam := model.Topic{ID: "dam", Terms: []string{"dam accord"}}
	port := model.Topic{ID: "port", Terms: []string{"port lease"}}
	body := "Talks in Lima\n\nChile backed the dam accord on Monday, Foreign Minister Ana Ruiz said. " +
		"Peru rejected the port lease.\n\nOpposition lawmakers in Peru said they opposed the dam accord. " +
		"\"We will fight the port lease,\" said Luis Vidal, a Bolivian envoy. Farm unions in Chile welcomed it, and the lawmakers denounced it."
	ts := nlptest.Topics(t, nlptest.Parser(t), dam, port)
	doc, err := extract.Parse("d.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	together, err := ts.Extract(context.Background(), doc, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(together) != 2 {
		t.Fatalf("%d results, want one for each topic", len(together))
	}
	for _, r := range together {
		apart, err := ts.Extract(context.Background(), doc, r.Topic.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Claims) == 0 {
			t.Errorf("%s: no claims", r.Topic.ID)
		}
		if !reflect.DeepEqual(r, apart[0]) {
			t.Errorf("%s read together:\n%+v\nread alone:\n%+v", r.Topic.ID, r, apart[0])
		}
	}
}

// TestTopicsWithTheSameMarksReadAsApart: topics a document names by the
// same words ("the deal") are read once when the stances ask nothing
// else of them that they answer differently; a first name behind "anti-"
// (a) and a head noun of a condition's object (b) are such questions.
func TestTopicsWithTheSameMarksReadAsApart(t *testing.T) {
	velka := model.Topic{ID: "velka", Terms: []string{"Velka deal", "the deal"}}
	river := model.Topic{ID: "river", Terms: []string{"river pact", "the deal"}}
	water := model.Topic{ID: "water", Terms: []string{"water deal", "the deal"}}
	harbour := model.Topic{ID: "harbour", Terms: []string{"harbour deal", "the deal"}}
	body := "Ministers meet in Oslo\n\nNorway and Chile signed the deal on Friday, officials said. " +
		"An anti-Velka alliance that counts Poland and Austria met in Vienna on Monday.\n\n" +
		"The deal divides the region. Sweden would back a pact that protects farmers, its foreign minister said. " +
		"Peru welcomed the deal."
	doc, err := extract.Parse("d.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		parser func(testing.TB) extract.Parser
		// differ are the topics whose claims differ from water's, which
		// asks and answers as harbour does.
		differ []string
	}{
		{"fast", func(testing.TB) extract.Parser { return shallow.New() }, []string{"velka"}},
		{"corenlp", nlptest.Parser, []string{"velka", "river"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := nlptest.Topics(t, tt.parser(t), velka, river, water, harbour)
			together, err := ts.Extract(context.Background(), doc, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(together) != 4 {
				t.Fatalf("%d results, want one for each topic", len(together))
			}
			stances := map[string]string{}
			for _, r := range together {
				apart, err := ts.Extract(context.Background(), doc, r.Topic.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(r, apart[0]) {
					t.Errorf("%s read together:\n%+v\nread alone:\n%+v", r.Topic.ID, r, apart[0])
				}
				var b strings.Builder
				for _, c := range r.Claims {
					if c.Topic != r.Topic.ID {
						t.Errorf("%s: a claim on %q", r.Topic.ID, c.Topic)
					}
					fmt.Fprintln(&b, c.ActorID, c.Stance, c.Cue)
				}
				stances[r.Topic.ID] = b.String()
			}
			if stances["harbour"] != stances["water"] || stances["water"] == "" {
				t.Errorf("harbour:\n%s\nwater:\n%s", stances["harbour"], stances["water"])
			}
			for _, id := range tt.differ {
				if stances[id] == stances["water"] {
					t.Errorf("%s read as water:\n%s", id, stances[id])
				}
			}
		})
	}
}

func TestTopicsRejectsATopicListedTwice(t *testing.T) {
	g, err := extract.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	a := model.Topic{ID: "a", Terms: []string{"pact"}}
	if _, err := extract.NewTopics(g, nil, []model.Topic{a, a}, nil); err == nil || !strings.Contains(err.Error(), `"a" is listed twice`) {
		t.Fatalf("err = %v, want the duplicate named", err)
	}
}
