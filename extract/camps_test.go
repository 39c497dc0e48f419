package extract_test

import (
	"context"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/model"
)

// Sides named by a prefix on the event's name.
func TestCamps(t *testing.T) {
	andean := extract.Topic{ID: "andean-pact", Name: "The Andean pact", Terms: []string{"Andean pact", "the pact"}}
	cases := []struct {
		name  string
		topic extract.Topic
		body  string
		want  map[string]model.Stance
		none  []string
	}{
		{name: "an anti-event alliance and the members it counts", topic: pactTopic,
			body: "Paris would have to widen an anti-pact alliance that already counts Poland, Austria and Ireland to stop the trade pact being ratified.",
			want: map[string]model.Stance{"Poland": model.Oppose, "Austria": model.Oppose, "Ireland": model.Oppose},
			none: []string{"Anti-pact alliance"}},
		{name: "anti-event protesters", topic: pactTopic,
			body: "Anti-pact protesters marched in Lima on Sunday.",
			want: map[string]model.Stance{"Anti-pact protesters": model.Oppose}},
		{name: "a pro-event camp including a party", topic: pactTopic,
			body: "The pro-pact camp in parliament, including the Liberal Party, held firm.",
			want: map[string]model.Stance{"Liberal Party": model.Support}},
		{name: "pro- a common word of the topic's name is not the event", topic: pactTopic,
			body: "The pro-trade camp in parliament, including the Liberal Party, held firm."},
		{name: "against the name the event carries", topic: andean,
			body: "Andean pact signed\n\nLima would have to widen an anti-Andean alliance that already counts Chile and Bolivia.",
			want: map[string]model.Stance{"Chile": model.Oppose, "Bolivia": model.Oppose}},
		{name: "for the name is not for the event", topic: andean,
			body: "Andean pact signed\n\nThe pro-Andean camp in parliament, including the Liberal Party, held firm."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := nlptest.Extractor(t, tc.topic)
			text := tc.body
			if tc.topic.ID == pactTopic.ID {
				text = headline + text
			}
			doc, err := extract.Parse("t.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			r, err := x.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]model.Stance{}
			for _, c := range r.Claims {
				got[c.Actor] = c.Stance
			}
			for actor, want := range tc.want {
				if got[actor] != want {
					t.Errorf("%s: got %q, want %q (all: %v)", actor, got[actor], want, sorted(got))
				}
			}
			if tc.want == nil && len(got) > 0 {
				t.Errorf("want no claim, got %v", sorted(got))
			}
			for _, actor := range tc.none {
				if _, ok := got[actor]; ok {
					t.Errorf("%s: want no claim (all: %v)", actor, sorted(got))
				}
			}
		})
	}
}
