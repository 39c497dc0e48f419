package extract

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/syntax"
)

// A group's alias is the noun phrase as a name: not the preposition or
// conjunction before it, nor what follows a comma, nor a phrase of time a
// parser hangs on the noun; a clause that says which members stays.
func TestWrittenAs(t *testing.T) {
	x := fuzzExtractor(t)
	tests := []struct{ sentence, head, want string }{
		{"Peru joined the regional coalition on Friday.", "coalition", "the regional coalition"},
		{"Officials said Peru would join the regional coalition before the end of the month.", "coalition", "the regional coalition"},
		{"Peru announced its decision to join the regional coalition after weeks of talks.", "coalition", "the regional coalition"},
		{"Peru is the tenth member of the regional coalition, officials in Lima said.", "coalition", "the regional coalition"},
		{"Chile opposed Peru's membership in the regional coalition, its foreign ministry said.", "coalition", "the regional coalition"},
		{"The pact was welcomed by Welsh Labour MPs and dairy farmers.", "farmers", "dairy farmers"},
		{"Several dairy farmers who backed the pact spoke to reporters.", "farmers", "Several dairy farmers who backed the pact"},
		{"Lawmakers in the parliament of Norway approved the plan.", "parliament", "the parliament of Norway"},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			d := parsedDocOf(t, x, "Pact signed\n\n"+tt.sentence)
			p := d.sents[1].p
			h := -1
			for k, tok := range p.Tokens {
				if tok.Text == tt.head {
					h = k
				}
			}
			if h < 0 {
				t.Fatalf("no %q in %q", tt.head, tt.sentence)
			}
			first, last := d.writtenAs(1, h)
			if got := p.Span(first, last); got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
}

// holder reads "MPs", tagged a proper noun, as a plural collective
// without changing the token's tag, which later rules read.
func TestHolderKeepsTheTag(t *testing.T) {
	x := fuzzExtractor(t)
	d := parsedDocOf(t, x, "Pact signed\n\nWelsh Labour MPs voted against the pact.")
	p := d.sents[1].p
	h := slices.IndexFunc(p.Tokens, func(tok syntax.Token) bool { return tok.Text == "MPs" })
	if h < 0 || p.Tokens[h].POS != "NNP" {
		t.Fatalf("want \"MPs\" tagged NNP to test with: %+v", p.Tokens)
	}
	if id := d.holder(1, h); id == "" {
		t.Error("\"Welsh Labour MPs\" names no group")
	}
	if got := p.Tokens[h].POS; got != "NNP" {
		t.Errorf("holder changed the tag of \"MPs\" to %s", got)
	}
}

// TestPronounGender: the personal pronouns in any case fall in two
// groups; other words, long ones and ones not in ASCII, in none. A
// sentence's first word is found past leading spaces.
func TestPronounGender(t *testing.T) {
	tests := []struct{ word, want string }{
		{"he", "he"}, {"His", "he"}, {"HIMSELF", "he"},
		{"she", "she"}, {"Her", "she"}, {"herself", "she"},
		{"they", ""}, {"Hera", ""}, {"héllo", ""}, {"", ""},
		{"himselfhimselfhimselfhimselfhimself", ""},
	}
	for _, tc := range tests {
		if got := genderOf(tc.word); got != tc.want {
			t.Errorf("genderOf(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	for in, want := range map[string]string{"She said so.": "She", "  \tHe left": "He", "Alone": "Alone", " ": "", "": ""} {
		if got := firstWord(in); got != want {
			t.Errorf("firstWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// holderLists holds each lemma with the bit of every list it is in and no
// other, so that holder's one look-up asks what each list would answer.
func TestHolderLists(t *testing.T) {
	lists := []struct {
		bit  holderList
		list map[string]bool
	}{
		{inQuantifiers, quantifiers}, {inAgents, agents}, {inStateBodies, stateBodies}, {inSpeaksFor, speaksFor},
		{inBodies, bodies}, {inLegislatures, legislatures}, {inCollectives, collectives}, {inCamps, camps}, {inGeneric, generic},
	}
	words := map[string]bool{"": true, "nobody": true}
	for _, l := range lists {
		for w := range l.list {
			words[w] = true
		}
	}
	for w := range words {
		for _, l := range lists {
			in, _ := holderLists.Get(w)
			if got, want := in&l.bit != 0, l.list[w]; got != want {
				t.Errorf("holderLists[%q] has bit %b: %v, its list: %v", w, l.bit, got, want)
			}
		}
	}
}

// TestCapitalise: the first letter upper-cased and every other byte
// kept, as a copy of the runes with the first upper-cased has them; an
// empty name stays empty.
func TestCapitalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"greek parliament", "Greek parliament"},
		{"Greek parliament", "Greek parliament"},
		{"x", "X"},
		{"élite farmers", "Élite farmers"},
		{"ümit's faction of the café union", "Ümit's faction of the café union"},
		{"ßtrasse group", "ßtrasse group"},
		{"2025 backbenchers", "2025 backbenchers"},
		{"ǆemal bloc", "Ǆemal bloc"},
	}
	for _, tt := range tests {
		r := []rune(tt.in)
		r[0] = unicode.ToUpper(r[0])
		if got := capitalise(tt.in); got != tt.want || got != string(r) {
			t.Errorf("capitalise(%q) = %q, want %q (as runes %q)", tt.in, got, tt.want, string(r))
		}
	}
	if got := capitalise(""); got != "" {
		t.Errorf(`capitalise("") = %q, want ""`, got)
	}
}

// TestRoleHolderReadsPeople: "the minister" is the one person with a
// record whose role ends so, none when two are or none is, as a reading
// of every actor in order finds.
func TestRoleHolderReadsPeople(t *testing.T) {
	x := fuzzExtractor(t)
	tests := []struct{ text, head, want string }{
		{"Foreign Minister Ana Lind met Lake Institute fellow Jon Vik. The foreign minister said the pact was fair.", "minister", "person:ana-lind"},
		{"Foreign Minister Ana Lind met Trade Minister Jon Vik. The minister said the pact was fair.", "minister", ""},
		{"Ana Lind met Jon Vik on Monday. The minister said the pact was fair.", "minister", ""},
		{"Trade Minister Jon Vik met Ana Lind. Ana Lind said the pact was fair; the trade minister said so too.", "minister", "person:jon-vik"},
	}
	for _, tt := range tests {
		d := parsedDocOf(t, x, "Pact signed\n\n"+tt.text)
		d.findActors(false) // the shallow parser tags no entities
		i := len(d.sents) - 1
		p := d.sents[i].p
		h := -1
		for k := range p.Tokens {
			if p.Lower(k) == tt.head {
				h = k
			}
		}
		if h < 0 {
			t.Fatalf("no %q in %q", tt.head, tt.text)
		}
		got := d.roleHolder(i, h)
		// The reading of every actor in order.
		first, _ := p.Subtree(h)
		det := p.ChildrenIn(h, relsDet)
		role := strings.ToLower(p.Span(max(first, det[0]+1), h))
		var inOrder string
		for _, id := range d.acts.ordered {
			if per := d.acts.people[id]; per != nil && per.role != "" && (strings.HasSuffix(per.lowRole, role) || strings.HasSuffix(per.lowRole, p.Lower(h)) && len(role) > 3) {
				if inOrder != "" {
					inOrder = "two"
					break
				}
				inOrder = id
			}
		}
		switch inOrder {
		case "two":
			inOrder = ""
		case "":
			inOrder = got // the person just named, for a title alone, or none
		}
		if got != tt.want || got != inOrder {
			t.Errorf("%q: %q is %q, want %q (in order %q)", tt.text, tt.head, got, tt.want, inOrder)
		}
	}
}

// nerParser is the shallow parser with some words tagged as the named
// entities they are part of, as CoreNLP tags them.
type nerParser map[string]string

func (n nerParser) Parse(ctx context.Context, texts []string) ([]syntax.Sentence, error) {
	out, err := shallow.New().Parse(ctx, texts)
	for k := range out {
		for t := range out[k].Tokens {
			out[k].Tokens[t].NER = n[out[k].Tokens[t].Text]
		}
	}
	return out, err
}

// TestEntitiesReadUnlessNoneTagged: a group that only the parser's
// entities name is registered from a parser that tags entities, and not
// looked for in the shallow parser's parses, in which no token has one.
func TestEntitiesReadUnlessNoneTagged(t *testing.T) {
	x := fuzzExtractor(t)
	text := "Harbour news\n\nThe Tamarind Collective welcomed the pact on Monday, and Ilse Varga of Porto praised it."
	tests := []struct {
		name   string
		parser Parser
		blind  bool
	}{
		{"entities tagged", nerParser{"Tamarind": "ORGANIZATION", "Collective": "ORGANIZATION"}, false},
		{"the shallow parser", shallow.New(), true},
	}
	for _, tt := range tests {
		if _, blind := tt.parser.(entityBlind); blind != tt.blind {
			t.Errorf("%s: tags no entities %v, want %v", tt.name, blind, tt.blind)
		}
		d := docOf(t, x, text)
		if err := d.read(context.Background(), tt.parser, x.topic.about); err != nil {
			t.Fatal(err)
		}
		if _, found := d.acts.groups["Tamarind Collective"]; found == tt.blind {
			t.Errorf("%s: the Tamarind Collective found %v", tt.name, found)
		}
		if !tt.blind {
			continue
		}
		for i := range d.sents {
			if p := d.sents[i].p; p != nil {
				for _, tok := range p.Tokens {
					if tok.NER != "" {
						t.Errorf("%s: %q tagged %q", tt.name, tok.Text, tok.NER)
					}
				}
			}
		}
	}
}
