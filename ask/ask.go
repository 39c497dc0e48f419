// Package ask turns a plain English question about the graph ("who opposed
// the deal?", "what did Turkey say?") into an intent, its parameters and
// the fixed, parameterised Cypher template that answers it.
//
// Questions are untrusted. Their text never reaches the Cypher: it goes
// only to the Resolver (to find actor ids) and, as resolved ids and fixed
// words, into Params. Parse reads at most MaxQuestion characters, treats
// invalid UTF-8 as spaces and does not panic on any input.
package ask

import (
	"context"
	"fmt"
	"strings"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// Intent is the kind of question asked.
type Intent string

// The intents Parse understands.
const (
	// Stance: which actors support, oppose or are cautious about the
	// event. Params: stance, kind (null for any).
	Stance Intent = "stance"
	// Said: the claims of one actor. Params: actor.
	Said Intent = "said"
	// Who: one actor and its affiliations. Params: actor.
	Who Intent = "who"
	// Path: the shortest path between two actors. Params: from, to.
	Path Intent = "path"
	// Disagree: actors whose claims take more than one stance. Params:
	// timeline_claims (graph.TimelineClaims).
	Disagree Intent = "disagree"
	// Mentions: the documents that mention one actor. Params: actor.
	Mentions Intent = "mentions"
)

// Question is a parsed question, ready to run.
type Question struct {
	Intent Intent
	// Cypher is one of a fixed set of templates; values are bound through
	// Params, never spliced into the text.
	Cypher string
	// Params binds every parameter Cypher names; values are strings or nil.
	Params map[string]any
	// Actors are the resolved actor ids the question names, in order, for
	// the caller's evidence lookup.
	Actors []string
	// Topic is the id of the topic the answer is about: the one the
	// question names, else the caller's; "" for every topic. Params
	// carries it as $topic for the intents that are about a topic.
	Topic string
}

// Resolver maps a name as a question writes it ("Ankara", "Erdogan", "the
// UAE", "Turkish") to an actor id. The graph layer implements it.
type Resolver interface {
	Resolve(ctx context.Context, name string) (id string, ok bool, err error)
}

// Form describes one kind of question Parse understands.
type Form struct {
	Intent      Intent   `json:"intent"`
	Description string   `json:"description"`
	Examples    []string `json:"examples"`
}

// Forms lists the questions Parse understands, with examples, for the
// answer to a question it does not.
func Forms() []Form {
	return []Form{
		{Stance, "Which actors supported, opposed or were cautious about the event; name countries, people or groups to keep only those.",
			[]string{"who opposed the deal?", "which countries backed it?", "which groups were cautious about the move?", "list the supporters"}},
		{Said, "What one actor said: its claims with quote, stance and source document.",
			[]string{"what did Turkey say?", "what has Erdogan said about the deal?", "quotes from Lindsey Graham", "Turkey's position"}},
		{Who, "Who an actor is and the states, groups or people it is affiliated with.",
			[]string{"who is Marco Rubio?", "what is Rubio affiliated with?", "tell me about Hannah"}},
		{Path, "How two actors are connected in the graph: the shortest path between them.",
			[]string{"how is Rubio connected to Syria?", "connection between Turkey and the UAE", "what links Erdogan to Syria?"}},
		{Disagree, "Where the sources disagree: actors whose claims take more than one stance.",
			[]string{"where do the sources disagree?", "which actors have conflicting stances?", "contradictions"}},
		{Mentions, "Which documents mention an actor, and how often.",
			[]string{"which documents mention Turkey?", "where is Iran mentioned?", "articles about Rubio"}},
	}
}

// maxResolves caps the resolver calls one question can cause: each is a
// database look-up, and a long question can match several rules.
const maxResolves = 16

// Parse reads the question q (at most its first MaxQuestion characters) and
// returns what it asks. ok is false when the question is not understood,
// including when it names an actor r does not know; the Question is then
// empty. err is only ever a resolver failure. r may be nil, in which case
// only questions that name no actor are understood. topics are the topics
// the graph holds: a question naming one is answered on it alone, one
// naming none on topic (an id, or "" for all).
func Parse(ctx context.Context, q string, r Resolver, topics []model.Topic, topic string) (Question, bool, error) {
	t := normalize(q)
	if len(t.lower) == 0 {
		return Question{}, false, nil
	}
	if named := nameTopic(&t, topics); named != "" {
		topic = named
	}
	p := parser{ctx: ctx, r: r, t: &t, known: map[string]string{}, budget: maxResolves}
	for _, ru := range rules {
		m := ru.re.FindStringSubmatchIndex(t.s)
		if m == nil {
			continue
		}
		q, ok, err := p.build(ru, m)
		if err != nil {
			return Question{}, false, err
		}
		if ok {
			q.Topic = topic
			if strings.Contains(q.Cypher, "$topic") {
				q.Params["topic"] = nilIfEmpty(topic)
			}
			return q, true, nil
		}
	}
	return Question{}, false, nil
}

// nilIfEmpty binds "" as null: every topic.
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

type parser struct {
	ctx    context.Context
	r      Resolver
	t      *text
	known  map[string]string // name -> id ("" when the resolver does not know it)
	budget int
}

// build makes the Question for a rule's match m, resolving the names it
// captured; ok is false when a name does not resolve.
func (p *parser) build(ru rule, m []int) (Question, bool, error) {
	group := func(name string) (start, end int, found bool) {
		i := ru.re.SubexpIndex(name)
		if i < 0 || m[2*i] < 0 {
			return 0, 0, false
		}
		return m[2*i], m[2*i+1], true
	}
	actor := func(name string) (string, bool, error) {
		s, e, found := group(name)
		if !found {
			return "", false, nil
		}
		return p.resolve(p.t.span(s, e))
	}

	switch ru.intent {
	case Stance:
		var kind any // nil: any kind
		for _, g := range []string{"kind", "kind2"} {
			if s, e, found := group(g); found {
				if k, ok := kinds[p.t.s[s:e]]; ok {
					kind = string(k)
					break
				}
			}
		}
		return Question{Intent: Stance, Cypher: graph.QuestionStance(ru.stance),
			Params: map[string]any{"stance": string(ru.stance), "kind": kind}}, true, nil

	case Disagree:
		return Question{Intent: Disagree, Cypher: graph.QuestionDisagree(), Params: map[string]any{"timeline_claims": graph.TimelineClaims}}, true, nil

	case Path:
		from, ok, err := actor("a")
		if !ok || err != nil {
			return Question{}, false, err
		}
		to, ok, err := actor("b")
		if !ok || err != nil || to == from {
			return Question{}, false, err
		}
		return Question{Intent: Path, Cypher: graph.QuestionPath,
			Params: map[string]any{"from": from, "to": to}, Actors: []string{from, to}}, true, nil

	case Said, Who, Mentions:
		id, ok, err := actor("a")
		if !ok || err != nil {
			return Question{}, false, err
		}
		cypher := map[Intent]string{Said: graph.QuestionSaid, Who: graph.QuestionWho, Mentions: graph.QuestionMentions}[ru.intent]
		return Question{Intent: ru.intent, Cypher: cypher,
			Params: map[string]any{"actor": id}, Actors: []string{id}}, true, nil
	}
	return Question{}, false, nil
}

// resolve asks the resolver for each reading of a captured name in turn.
func (p *parser) resolve(words []string) (string, bool, error) {
	for _, name := range candidates(words) {
		id, seen := p.known[name]
		if !seen {
			if p.r == nil || p.budget == 0 {
				return "", false, nil
			}
			p.budget--
			var ok bool
			var err error
			id, ok, err = p.r.Resolve(p.ctx, name)
			if err != nil {
				return "", false, fmt.Errorf("ask: resolve %q: %w", name, err)
			}
			if !ok {
				id = ""
			}
			p.known[name] = id
		}
		if id != "" {
			return id, true, nil
		}
	}
	return "", false, nil
}

// Words that cannot start or end an actor's name: when a rule captures
// one, it has matched the wrong part of the question.
var notName = setOf(`what|who|which|how|where|why|when|is|are|was|were|did|does|do|has|have|had|` +
	`and|or|of|to|about|on|in|the|a|an|with|for|from|by|that|this|it|its|they|their|he|she|his|her`)

// Titles and generic nouns dropped for a second try: "President Erdogan"
// -> "Erdogan", "the Turkish government" -> "Turkish".
var (
	titles = setOf(`president|senator|sen|secretary|minister|prime|foreign|defence|defense|mr|mrs|ms|` +
		`dr|king|queen|crown|prince|sheikh|general|gen|ambassador|chancellor|rep|representative|` +
		`governor|spokesman|spokeswoman|spokesperson|state|of`)
	generic = setOf(`government|governments|officials|official|leadership|authorities|administration|` +
		`regime|side|ministry|delegation|people|leaders|camp`)
	sayWords = setOf(`say|said|says|think|thinks|thought`)
)

// candidates lists the readings of a captured name to try, best first:
// without a leading "the", a possessive 's or a trailing "say"; then with
// "the"; then without titles or a trailing generic noun.
func candidates(words []string) []string {
	w := append([]string(nil), words...)
	for len(w) > 0 && sayWords[strings.ToLower(w[len(w)-1])] {
		w = w[:len(w)-1]
	}
	var the []string
	for len(w) > 0 && strings.ToLower(w[0]) == "the" {
		the, w = w[:1], w[1:]
	}
	if len(w) > 0 {
		last := w[len(w)-1]
		lower := strings.ToLower(last)
		switch {
		case strings.HasSuffix(lower, "'s"):
			last = last[:len(last)-2]
		case strings.HasSuffix(lower, "'"):
			last = last[:len(last)-1]
		}
		w[len(w)-1] = last
		if last == "" {
			w = w[:len(w)-1]
		}
	}
	// A name is a few words; anything longer is a misparse.
	if len(w) == 0 || len(w) > 8 || notName[strings.ToLower(w[0])] || notName[strings.ToLower(w[len(w)-1])] {
		return nil
	}
	name := strings.Join(w, " ")
	if len(name) > 100 {
		return nil
	}
	out := []string{name}
	if the != nil {
		out = append(out, strings.Join(append(the, w...), " "))
	}
	i := 0
	for i < len(w)-1 && titles[strings.ToLower(w[i])] {
		i++
	}
	if i > 0 {
		out = append(out, strings.Join(w[i:], " "))
	}
	if len(w) > 1 && generic[strings.ToLower(w[len(w)-1])] {
		out = append(out, strings.Join(w[:len(w)-1], " "))
	}
	return out
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(words, "|") {
		m[w] = true
	}
	return m
}
