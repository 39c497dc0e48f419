// Package model holds the words every layer of stancegraph shares: actors,
// stances, claims and documents. It imports nothing outside the standard
// library so that extract, graph and server all speak the same types.
package model

import "fmt"

// Kind says what sort of actor a name refers to.
type Kind string

// The kinds of actor the graph distinguishes.
const (
	Person Kind = "person"
	State  Kind = "state"
	Group  Kind = "group"
)

// ParseKind validates a kind given as text.
func ParseKind(s string) (Kind, error) {
	switch k := Kind(s); k {
	case Person, State, Group:
		return k, nil
	}
	return "", Errorf(Invalid, "unknown kind %q (want person, state or group)", s)
}

// Stance is an actor's stated position on a topic.
type Stance string

// The stances an actor can take.
const (
	Support  Stance = "support"
	Oppose   Stance = "oppose"
	Cautious Stance = "cautious"
)

// Stances lists every stance in display order.
func Stances() []Stance { return []Stance{Support, Oppose, Cautious} }

// ParseStance validates a stance given as text.
func ParseStance(s string) (Stance, error) {
	switch st := Stance(s); st {
	case Support, Oppose, Cautious:
		return st, nil
	}
	return "", Errorf(Invalid, "unknown stance %q (want support, oppose or cautious)", s)
}

// Relationship is the summary edge type that links an actor to a topic for
// this stance.
func (s Stance) Relationship() string {
	switch s {
	case Support:
		return "SUPPORTS"
	case Oppose:
		return "OPPOSES"
	case Cautious:
		return "CAUTIOUS_ON"
	}
	panic(fmt.Sprintf("model: stance %q has no relationship", string(s)))
}

// Review is an analyst's mark on a claim.
type Review string

// The marks a claim can carry.
const (
	Unreviewed Review = ""
	Confirmed  Review = "confirmed"
	// Rejected claims stop counting: in summary edges, answers, the graph
	// and exports.
	Rejected Review = "rejected"
)

// ParseReview validates a mark given as text.
func ParseReview(s string) (Review, error) {
	switch r := Review(s); r {
	case Unreviewed, Confirmed, Rejected:
		return r, nil
	}
	return "", Errorf(Invalid, "review %q is not empty, confirmed or rejected", s)
}

// Attribution says how the text ties a claim to its actor.
type Attribution string

// The ways a text attributes a position.
const (
	// Quote: the actor's own words in quotation marks.
	Quote Attribution = "quote"
	// Reported: reported speech or a description of the actor's position.
	Reported Attribution = "reported"
	// Label: a heading or label such as "Turkey - Strong Opposition:".
	Label Attribution = "label"
)

// Actor is a person, state or group as it appears in one document.
type Actor struct {
	ID   string
	Name string
	Kind Kind
	// Aliases are the names the document uses for the actor.
	Aliases []string
	// Mentions counts how often the document names the actor.
	Mentions int
}

// Affiliation ties a person to a state or group: "Secretary of State Marco
// Rubio" gives Rubio -> United States with role "Secretary of State".
type Affiliation struct {
	PersonID string
	OrgID    string
	Role     string
}

// Claim is one actor's stated position on a topic in one sentence of one
// document. Start and End are character (rune) offsets of Evidence in the
// document's text.
type Claim struct {
	Doc         string      `json:"doc"`
	ActorID     string      `json:"actor_id"`
	Actor       string      `json:"actor"`
	Kind        Kind        `json:"kind"`
	Stance      Stance      `json:"stance"`
	Aliases     []string    `json:"aliases"`
	Evidence    string      `json:"evidence"`
	Start       int         `json:"start"`
	End         int         `json:"end"`
	Attribution Attribution `json:"attribution"`
	Cue         string      `json:"cue"`
	Confidence  float64     `json:"confidence"`
	Topic       string      `json:"topic"`
}

// Topic is an event or deal that stances are about, and the words that
// name it. Start and End (YYYY-MM-DD, either may be empty) bound when it
// happened, for readers; they do not filter documents.
type Topic struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Terms []string `json:"terms"`
	Start string   `json:"start,omitempty"`
	End   string   `json:"end,omitempty"`
}
