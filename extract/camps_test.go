package extract_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/model"
)

// andeanTopic carries a name of its own in its terms.
var andeanTopic = model.Topic{ID: "andean-pact", Name: "The Andean pact", Terms: []string{"Andean pact", "the pact"}}

// Sides named by a prefix on the event's name.
func TestCamps(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "an anti-event alliance and the members it counts",
			body: "Paris would have to widen an anti-pact alliance that already counts Poland, Austria and Ireland to stop the trade pact being ratified.",
			want: map[string]model.Stance{"Poland": model.Oppose, "Austria": model.Oppose, "Ireland": model.Oppose},
			none: []string{"Anti-pact alliance"}},
		{name: "anti-event protesters",
			body: "Anti-pact protesters marched in Lima on Sunday.",
			want: map[string]model.Stance{"Anti-pact protesters": model.Oppose}},
		{name: "a pro-event camp including a party",
			body: "The pro-pact camp in parliament, including the Liberal Party, held firm.",
			want: map[string]model.Stance{"Liberal Party": model.Support}},
		{name: "pro- a common word of the topic's name is not the event",
			body:   "The pro-trade camp in parliament, including the Liberal Party, held firm.",
			nobody: true},
		{name: "against the name the event carries", topic: &andeanTopic,
			body: "Andean pact signed\n\nLima would have to widen an anti-Andean alliance that already counts Chile and Bolivia.",
			want: map[string]model.Stance{"Chile": model.Oppose, "Bolivia": model.Oppose}},
		{name: "for the name is not for the event", topic: &andeanTopic,
			body:   "Andean pact signed\n\nThe pro-Andean camp in parliament, including the Liberal Party, held firm.",
			nobody: true},
	})
}
