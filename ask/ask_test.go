package ask

import (
	"context"
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// fakeResolver knows a few actors by lowercase name and records every name
// it is asked about.
type fakeResolver struct {
	ids   map[string]string
	calls []string
}

func newFakeResolver() *fakeResolver {
	return &fakeResolver{ids: map[string]string{
		"turkey": "state:tur", "ankara": "state:tur", "turkish": "state:tur", "türkiye": "state:tur",
		"erdogan": "person:recep-tayyip-erdogan", "erdoğan": "person:recep-tayyip-erdogan",
		"recep tayyip erdogan": "person:recep-tayyip-erdogan",
		"rubio":                "person:marco-rubio", "marco rubio": "person:marco-rubio",
		"syria": "state:syr", "damascus": "state:syr",
		"uae": "state:are", "united arab emirates": "state:are",
		"us": "state:usa", "united states": "state:usa",
		"iran":           "state:irn",
		"lindsey graham": "person:lindsey-graham", "graham": "person:lindsey-graham",
		"hannah":                "person:hannah",
		"trinidad and tobago":   "state:tto",
		"hay'at tahrir al-sham": "group:hts",
	}}
}

func (f *fakeResolver) Resolve(_ context.Context, name string) (string, bool, error) {
	f.calls = append(f.calls, name)
	id, ok := f.ids[strings.ToLower(name)]
	return id, ok, nil
}

// echoResolver resolves every name to an id made of the name itself, so
// that hostile text reaches Params.
type echoResolver struct{}

func (echoResolver) Resolve(_ context.Context, name string) (string, bool, error) {
	return "x:" + name, true, nil
}

type failingResolver struct{}

var errDown = errors.New("neo4j down")

func (failingResolver) Resolve(context.Context, string) (string, bool, error) {
	return "", false, errDown
}

func isTemplate(cypher string) bool { return slices.Contains(graph.QuestionTemplates(), cypher) }

func TestParse(t *testing.T) {
	changes := map[string]any{"timeline_claims": graph.TimelineClaims}
	tests := []struct {
		q      string
		intent Intent
		params map[string]any
	}{
		// stance, any kind
		{"who opposed the deal?", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"Who was against the agreement", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"who objected", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"who objected to the move?", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"who's against it?", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"list the opponents", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"who are the main opponents of the accession?", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"who disagreed with the deal", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"who else opposed it", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"did anyone oppose it?", Stance, map[string]any{"stance": "oppose", "kind": nil}},
		{"who is in favour", Stance, map[string]any{"stance": "support", "kind": nil}},
		{"who is in favor of the coalition membership?", Stance, map[string]any{"stance": "support", "kind": nil}},
		{"list the supporters", Stance, map[string]any{"stance": "support", "kind": nil}},
		{"Can you show me the backers of this?", Stance, map[string]any{"stance": "support", "kind": nil}},
		{"who welcomed Syria’s accession to the anti-ISIS coalition?", Stance, map[string]any{"stance": "support", "kind": nil}},
		{"who was cautious about it", Stance, map[string]any{"stance": "cautious", "kind": nil}},
		{"who had reservations", Stance, map[string]any{"stance": "cautious", "kind": nil}},
		{"who expressed some reservations about the move?", Stance, map[string]any{"stance": "cautious", "kind": nil}},
		{"who was on the fence?", Stance, map[string]any{"stance": "cautious", "kind": nil}},
		// stance, kind filters
		{"which countries backed it", Stance, map[string]any{"stance": "support", "kind": "state"}},
		{"Which states supported the move?", Stance, map[string]any{"stance": "support", "kind": "state"}},
		{"what nations were in favour of the deal", Stance, map[string]any{"stance": "support", "kind": "state"}},
		{"what people supported the deal", Stance, map[string]any{"stance": "support", "kind": "person"}},
		{"which senators endorsed the agreement?", Stance, map[string]any{"stance": "support", "kind": "person"}},
		{"which officials were wary of it", Stance, map[string]any{"stance": "cautious", "kind": "person"}},
		{"which groups opposed", Stance, map[string]any{"stance": "oppose", "kind": "group"}},
		{"which organizations rejected the deal?", Stance, map[string]any{"stance": "oppose", "kind": "group"}},
		{"which of the organisations were sceptical?", Stance, map[string]any{"stance": "cautious", "kind": "group"}},
		{"who among the states opposed the move", Stance, map[string]any{"stance": "oppose", "kind": "state"}},
		{"countries that opposed the deal", Stance, map[string]any{"stance": "oppose", "kind": "state"}},
		{"list all opposing states", Stance, map[string]any{"stance": "oppose", "kind": "state"}},
		{"the cautious countries", Stance, map[string]any{"stance": "cautious", "kind": "state"}},
		{"state supporters of the deal", Stance, map[string]any{"stance": "support", "kind": "state"}},
		{"were any countries against the move?", Stance, map[string]any{"stance": "oppose", "kind": "state"}},
		{"WHICH POLITICIANS CRITICISED THE DEAL?!", Stance, map[string]any{"stance": "oppose", "kind": "person"}},
		{"which actors backed it", Stance, map[string]any{"stance": "support", "kind": nil}},
		// said
		{"what did Turkey say?", Said, map[string]any{"actor": "state:tur"}},
		{"What has Erdogan said about the deal", Said, map[string]any{"actor": "person:recep-tayyip-erdogan"}},
		{"what did Ankara say", Said, map[string]any{"actor": "state:tur"}},
		{"quotes from Lindsey Graham", Said, map[string]any{"actor": "person:lindsey-graham"}},
		{"Turkey's position", Said, map[string]any{"actor": "state:tur"}},
		{"Turkey’s stance on the accession", Said, map[string]any{"actor": "state:tur"}},
		{"what is Turkey's position on the deal?", Said, map[string]any{"actor": "state:tur"}},
		{"what did the Turkish government say", Said, map[string]any{"actor": "state:tur"}},
		{"what did the U.A.E. think about it", Said, map[string]any{"actor": "state:are"}},
		{"what did President Erdoğan say?", Said, map[string]any{"actor": "person:recep-tayyip-erdogan"}},
		{"tell me what Rubio said", Said, map[string]any{"actor": "person:marco-rubio"}},
		{"what about Turkey?", Said, map[string]any{"actor": "state:tur"}},
		{"where does Iran stand on the deal?", Said, map[string]any{"actor": "state:irn"}},
		{"is Turkey for or against the deal?", Said, map[string]any{"actor": "state:tur"}},
		{"statements by the United States", Said, map[string]any{"actor": "state:usa"}},
		// who
		{"who is Rubio?", Who, map[string]any{"actor": "person:marco-rubio"}},
		{"Who is Marco Rubio and what is he affiliated with?", Who, map[string]any{"actor": "person:marco-rubio"}},
		{"what is Rubio affiliated with", Who, map[string]any{"actor": "person:marco-rubio"}},
		{"tell me about Hannah", Who, map[string]any{"actor": "person:hannah"}},
		{"who does Lindsey Graham work for?", Who, map[string]any{"actor": "person:lindsey-graham"}},
		{"Rubio's affiliations", Who, map[string]any{"actor": "person:marco-rubio"}},
		{"who are Turkey's allies", Who, map[string]any{"actor": "state:tur"}},
		{"Erdogan", Who, map[string]any{"actor": "person:recep-tayyip-erdogan"}},
		{"who is Secretary of State Marco Rubio", Who, map[string]any{"actor": "person:marco-rubio"}},
		// path
		{"how is Rubio connected to Syria?", Path, map[string]any{"from": "person:marco-rubio", "to": "state:syr"}},
		{"connection between Erdogan and the UAE", Path, map[string]any{"from": "person:recep-tayyip-erdogan", "to": "state:are"}},
		{"what links Hannah to Turkey?", Path, map[string]any{"from": "person:hannah", "to": "state:tur"}},
		{"path from Iran to Lindsey Graham", Path, map[string]any{"from": "state:irn", "to": "person:lindsey-graham"}},
		{"what is the link between Trinidad and Tobago and Syria", Path, map[string]any{"from": "state:tto", "to": "state:syr"}},
		{"is there a connection between Syria and Trinidad and Tobago?", Path, map[string]any{"from": "state:syr", "to": "state:tto"}},
		{"how are Rubio and Erdogan connected", Path, map[string]any{"from": "person:marco-rubio", "to": "person:recep-tayyip-erdogan"}},
		// disagree
		{"where do the sources disagree?", Disagree, changes},
		{"Which actors have conflicting stances", Disagree, changes},
		{"contradictions", Disagree, changes},
		{"where do sources differ?", Disagree, changes},
		{"are there any inconsistencies between the articles", Disagree, changes},
		{"who changed their position", Disagree, changes},
		// mentions
		{"which documents mention Turkey?", Mentions, map[string]any{"actor": "state:tur"}},
		{"where is Iran mentioned", Mentions, map[string]any{"actor": "state:irn"}},
		{"articles about Rubio", Mentions, map[string]any{"actor": "person:marco-rubio"}},
		{"in which articles is Hay’at Tahrir al-Sham mentioned?", Mentions, map[string]any{"actor": "group:hts"}},
		{"how often is Damascus mentioned", Mentions, map[string]any{"actor": "state:syr"}},
		{"show documents mentioning the UAE", Mentions, map[string]any{"actor": "state:are"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			q, ok, err := Parse(context.Background(), tt.q, newFakeResolver(), nil, "")
			if err != nil || !ok {
				t.Fatalf("Parse(%q) = ok %v, err %v; want understood", tt.q, ok, err)
			}
			if q.Intent != tt.intent {
				t.Errorf("intent = %q, want %q", q.Intent, tt.intent)
			}
			want := maps.Clone(tt.params)
			if strings.Contains(q.Cypher, "$topic") {
				want["topic"] = nil // no topic named, none asked for: every topic
			}
			if !reflect.DeepEqual(q.Params, want) {
				t.Errorf("params = %#v, want %#v", q.Params, want)
			}
			if !isTemplate(q.Cypher) {
				t.Errorf("cypher is not a template:\n%s", q.Cypher)
			}
			for _, k := range []string{"actor", "from", "to"} {
				if id, ok := tt.params[k]; ok && !slices.Contains(q.Actors, id.(string)) {
					t.Errorf("actors = %v, want %v among them", q.Actors, id)
				}
			}
			for name := range q.Params {
				if !strings.Contains(q.Cypher, "$"+name) {
					t.Errorf("param %q is not used by the cypher", name)
				}
			}
		})
	}
}

func TestParseStanceCypher(t *testing.T) {
	for q, rel := range map[string]string{
		"who opposed the deal?":     "[s:OPPOSES]",
		"who supported the deal?":   "[s:SUPPORTS]",
		"who was cautious about it": "[s:CAUTIOUS_ON]",
	} {
		got, ok, _ := Parse(context.Background(), q, nil, nil, "")
		if !ok || !strings.Contains(got.Cypher, rel) {
			t.Errorf("Parse(%q) cypher = %q, want %s", q, got.Cypher, rel)
		}
	}
}

func TestParseNotUnderstood(t *testing.T) {
	for _, q := range []string{
		"",
		"   ?!  ",
		"hello",
		"what is the weather in Paris?",
		"who didn't support the deal?",
		"who supported Turkey?",
		"what did Atlantis say?",       // unknown actor
		"who is Nobody In Particular?", // unknown actor
		"how is Rubio connected to Atlantis?",
		"how is Turkey connected to Ankara?", // the same actor twice
		"which documents mention the deal?",
		"list",
		strings.Repeat("a", 100_000),
		"\xff\xfe\xfd",
	} {
		t.Run(q[:min(len(q), 40)], func(t *testing.T) {
			got, ok, err := Parse(context.Background(), q, newFakeResolver(), nil, "")
			if err != nil || ok {
				t.Fatalf("Parse(%q) = %+v, ok %v, err %v; want not understood", q, got, ok, err)
			}
			if !reflect.DeepEqual(got, Question{}) {
				t.Errorf("not understood but Question carries data: %+v", got)
			}
		})
	}
}

func TestForms(t *testing.T) {
	forms := Forms()
	if len(forms) == 0 {
		t.Fatal("Forms() is empty")
	}
	seen := map[Intent]bool{}
	for _, f := range forms {
		seen[f.Intent] = true
		if f.Description == "" || len(f.Examples) == 0 {
			t.Errorf("form %q has no description or examples", f.Intent)
		}
		// Every example must itself be understood, as the intent it documents.
		for _, ex := range f.Examples {
			q, ok, err := Parse(context.Background(), ex, newFakeResolver(), nil, "")
			if err != nil || !ok || q.Intent != f.Intent {
				t.Errorf("example %q: intent %q, ok %v, err %v; want %q", ex, q.Intent, ok, err, f.Intent)
			}
		}
	}
	for _, i := range []Intent{Stance, Said, Who, Path, Disagree, Mentions} {
		if !seen[i] {
			t.Errorf("no form for intent %q", i)
		}
	}
}

func TestParseResolverError(t *testing.T) {
	_, ok, err := Parse(context.Background(), "what did Turkey say?", failingResolver{}, nil, "")
	if ok || !errors.Is(err, errDown) {
		t.Fatalf("ok %v, err %v; want the resolver's error", ok, err)
	}
	// Questions that name no actor never reach the resolver.
	if _, ok, err := Parse(context.Background(), "who opposed the deal?", failingResolver{}, nil, ""); !ok || err != nil {
		t.Fatalf("stance question with failing resolver: ok %v, err %v", ok, err)
	}
}

func TestParseNilResolver(t *testing.T) {
	if _, ok, err := Parse(context.Background(), "what did Turkey say?", nil, nil, ""); ok || err != nil {
		t.Fatalf("ok %v, err %v; want not understood", ok, err)
	}
}

func TestParseInjection(t *testing.T) {
	hostile := []string{
		`what did Turkey' }) DETACH DELETE n // say?`,
		`who is Rubio"}) MATCH (n) DETACH DELETE n RETURN 1 //`,
		"who opposed the deal' }) MATCH (n) DETACH DELETE n //",
		"which documents mention x`) CALL dbms.killQueries() //",
		`how is a}) SET a.name='pwned' WITH a MATCH (b connected to Syria`,
		"what did $actor say",
		"Turkey's position\nMATCH (n) DETACH DELETE n",
	}
	markers := []string{"DETACH", "DELETE", "pwned", "killQueries", "dbms"}
	for _, q := range hostile {
		for _, r := range []Resolver{newFakeResolver(), echoResolver{}} {
			got, ok, err := Parse(context.Background(), q, r, nil, "")
			if err != nil {
				t.Fatalf("Parse(%q): %v", q, err)
			}
			if !ok {
				if !reflect.DeepEqual(got, Question{}) {
					t.Errorf("Parse(%q) not understood but carries %+v", q, got)
				}
				continue
			}
			if !isTemplate(got.Cypher) {
				t.Errorf("Parse(%q) cypher is not a template:\n%s", q, got.Cypher)
			}
			for _, m := range markers {
				if strings.Contains(got.Cypher, m) {
					t.Errorf("Parse(%q): %q reached the cypher", q, m)
				}
			}
		}
	}
	// With a resolver that accepts anything, the hostile name lands in
	// Params, and only there.
	got, ok, _ := Parse(context.Background(), `what did Turkey' }) DETACH DELETE n // say?`, echoResolver{}, nil, "")
	if !ok || got.Intent != Said || !strings.Contains(got.Params["actor"].(string), "DETACH DELETE") || got.Cypher != graph.QuestionSaid {
		t.Errorf("echo resolver: got %+v ok %v", got, ok)
	}
}

func TestParseLongQuestion(t *testing.T) {
	r := newFakeResolver()
	long := "who opposed the deal?" + strings.Repeat(" ", 100_000)
	if q, ok, _ := Parse(context.Background(), long, r, nil, ""); !ok || q.Intent != Stance {
		t.Errorf("question with 100,000 trailing spaces: %+v ok %v", q, ok)
	}
	// Only the first MaxQuestion characters are read: a name far into the
	// question is never seen.
	far := "what did " + strings.Repeat("é", 100_000) + " Turkey say?"
	if _, ok, _ := Parse(context.Background(), far, r, nil, ""); ok {
		t.Error("question longer than MaxQuestion understood")
	}
	for _, c := range r.calls {
		if utf8.RuneCountInString(c) > MaxQuestion {
			t.Errorf("resolver asked about a %d-character name", utf8.RuneCountInString(c))
		}
	}
}

func TestParseInvalidUTF8(t *testing.T) {
	for q, want := range map[string]Intent{
		"who opposed \xff\xfe the deal?":       Stance,
		"what did Turkey\xc3 say?":             Said,
		"which documents mention \x80Iran\x80": Mentions,
	} {
		got, ok, err := Parse(context.Background(), q, newFakeResolver(), nil, "")
		if err != nil || !ok || got.Intent != want {
			t.Errorf("Parse(%q) = %+v, ok %v, err %v; want %q", q, got, ok, err, want)
		}
	}
	r := newFakeResolver()
	if _, ok, _ := Parse(context.Background(), "what did Tur\xffkey say?", r, nil, ""); ok {
		t.Error("name split by an invalid byte resolved")
	}
	for _, c := range r.calls {
		if !utf8.ValidString(c) {
			t.Errorf("resolver got invalid UTF-8 %q", c)
		}
	}
}

func TestParseResolverBudget(t *testing.T) {
	r := newFakeResolver()
	Parse(context.Background(), strings.Repeat("and the ", 60)+"Atlantis", r, nil, "")
	Parse(context.Background(), "how is a and b and c and d and e connected to f and g and h", r, nil, "")
	if len(r.calls) > 2*maxResolves {
		t.Errorf("%d resolver calls for two questions, want at most %d", len(r.calls), 2*maxResolves)
	}
}

// fuzzTopics are topics for the fuzzer's questions to name.
var fuzzTopics = []model.Topic{{ID: "dam-accord", Name: "The Orvik dam accord", Terms: []string{"dam accord", "Orvik"}}}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"who opposed the deal?", "what did Turkey say?", "how is Rubio connected to Syria?",
		"where do the sources disagree?", "which documents mention Turkey?", "who is Marco Rubio",
		`what did Turkey' }) DETACH DELETE n // say?`, "U.S.", "who's 'against' it", "\xff\xfe", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range []Resolver{newFakeResolver(), echoResolver{}, nil} {
			q, ok, err := Parse(context.Background(), s, r, fuzzTopics, "")
			if err != nil {
				t.Fatalf("Parse(%q): %v", s, err)
			}
			if !ok {
				if !reflect.DeepEqual(q, Question{}) {
					t.Fatalf("Parse(%q) not understood but carries %+v", s, q)
				}
				continue
			}
			if !isTemplate(q.Cypher) {
				t.Fatalf("Parse(%q) cypher is not a template:\n%s", s, q.Cypher)
			}
			for k, v := range q.Params {
				// Text from the question is a string; a number is a bound the
				// parser sets, never read from the question.
				switch v.(type) {
				case nil, string, int:
				default:
					t.Fatalf("Parse(%q) param %q = %#v, want a string, a number or nil", s, k, v)
				}
				if !strings.Contains(q.Cypher, "$"+k) {
					t.Fatalf("Parse(%q) param %q unused by the cypher", s, k)
				}
			}
		}
	})
}

func TestParseFindsTheTopicTheQuestionNames(t *testing.T) {
	topics := []model.Topic{
		{ID: "dam-accord", Name: "The Orvik dam accord", Terms: []string{"dam accord", "Orvik accord"}},
		{ID: "port-lease", Name: "The Sella port lease", Terms: []string{"port lease", "Sella lease"}},
		{ID: "sella-port-lease-extension", Name: "Extending the Sella port lease", Terms: []string{"Sella port lease extension"}},
	}
	tests := []struct {
		q, asked, want string
	}{
		{"who opposed the dam accord?", "", "dam-accord"},
		{"who opposed the Orvik accord?", "port-lease", "dam-accord"}, // the question's topic wins over the page's
		{"which countries backed the Sella port lease?", "", "port-lease"},
		{"who supported the Sella port lease extension?", "", "sella-port-lease-extension"}, // the longest mention
		{"what did Turkey say about the port lease?", "", "port-lease"},
		{"who opposed the deal?", "", ""},                     // none named: every topic
		{"who opposed the deal?", "port-lease", "port-lease"}, // none named: the page's
		{"who opposed the accord?", "", ""},                   // a word of a term is not the term
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			q, ok, err := Parse(context.Background(), tt.q, newFakeResolver(), topics, tt.asked)
			if err != nil || !ok {
				t.Fatalf("not understood: %v", err)
			}
			if q.Topic != tt.want {
				t.Errorf("topic %q, want %q", q.Topic, tt.want)
			}
			var want any
			if tt.want != "" {
				want = tt.want
			}
			if q.Params["topic"] != want {
				t.Errorf("$topic = %v, want %v", q.Params["topic"], want)
			}
		})
	}
}
