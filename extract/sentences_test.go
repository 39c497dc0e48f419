package extract

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/model"
)

// The dateline is no part of the lead sentence; a speaker before a colon
// and a name before a hyphen are.
func TestSkipDateline(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(g, nil, model.Topic{ID: "pact", Terms: []string{"pact"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, lead, want string }{
		{"city in capitals", "LIMA - Chile signed the pact.", "Chile signed the pact."},
		{"city and agency", "WASHINGTON (AP) - Chile signed the pact.", "Chile signed the pact."},
		{"agency", "(Wire) - Chile signed the pact.", "Chile signed the pact."},
		{"dash made a hyphen", "LIMA\u2014Chile signed the pact.", "Chile signed the pact."},
		{"city, date and agency", "OSLO, Nov. 20, 2025 (Wire) - Chile signed the pact.", "Chile signed the pact."},
		{"two cities and a date", "ISTANBUL/DUBAI, Nov. 12 (Wire) - Chile signed the pact.", "Chile signed the pact."},
		{"capital with a colon", "Ankara: Responding to the pact, Turkey said yes.", "Responding to the pact, Turkey said yes."},
		{"a speaker's colon stays", "Pope Francis: Voices Concern About the Pact.", "Pope Francis: Voices Concern About the Pact."},
		{"a name before a hyphen stays", "NATO-Russia talks on the pact broke down.", "NATO-Russia talks on the pact broke down."},
		{"no dateline", "Chile signed the pact.", "Chile signed the pact."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := docOf(t, x, "Pact signed\n\n"+tt.lead+"\n\nMore follows.")
			if got := d.text(1); got != tt.want {
				t.Errorf("lead sentence %q, want %q", got, tt.want)
			}
		})
	}
}

// A long run of pronoun sentences with nobody named resolves in a bounded
// number of steps: each pronoun looks back a few sentences, and without a
// bound on the chain the lookups multiply with every paragraph.
func TestPronounChainIsBounded(t *testing.T) {
	x := fuzzExtractor(t)
	d := parsedDocOf(t, x, "Pact signed\n\n"+strings.Repeat("She went on.\n\nShe walked on.\n\n", 40)+"She said the pact was a disaster.\n")
	d.findActors(false) // the shallow parser tags no entities
	last := len(d.sents) - 1
	if id, _, _ := d.antecedent(last, 0, isPerson); id != "" {
		t.Errorf("nobody is named, yet the chain found %q", id)
	}
	if d.chained != 0 {
		t.Errorf("chain depth left at %d", d.chained)
	}
}

// TestQuoteMask: the bytes inside quotation marks are marked, each line on
// its own; single quotes count when they open at a word's start and close
// at a word's end, so apostrophes do not.
func TestQuoteMask(t *testing.T) {
	tests := []struct{ text, want string }{
		// From the opening mark up to the closing one.
		{`He said "no deal" today.`, `        ^^^^^^^^        `},
		{`Israel's envoy said 'never' and didn't.`, `                    ^^^^^^             `},
		// A new line starts outside; its first mark opens.
		{`"Open and` + "\n" + `still" shut`, `^^^^^^^^^` + "\n" + `     ^^^^^^`},
		{`No quotes at all.`, `                 `},
		{`"Twice" and "again"`, `^^^^^^      ^^^^^^ `},
		// Apostrophes before, inside and after a quote; a quote longer
		// than the runs fillOnes copies at first.
		{`It's Kim's "don't, won't" rule's end`, `           ^^^^^^^^^^^^^            `},
		{`'Ann's' and "` + strings.Repeat("x", 70) + `"`, `^^^^^^      ` + strings.Repeat("^", 71) + ` `},
		{`"` + strings.Repeat("y", 64) + `" then 'z' 's`, strings.Repeat("^", 65) + `       ^^  ^^`},
	}
	for _, tc := range tests {
		lines, _ := segment(tc.text, nil, nil)
		mask := quoteMask(make([]byte, len(tc.text)+1), tc.text, lines)
		var got strings.Builder
		for i := range len(tc.text) {
			switch {
			case tc.text[i] == '\n':
				got.WriteByte('\n')
			case mask[i] == 1:
				got.WriteByte('^')
			default:
				got.WriteByte(' ')
			}
		}
		if got.String() != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got.String(), tc.want)
		}
	}
}

// TestFillOnes: every byte set, none past the slice, for every length
// the doubling copies meet.
func TestFillOnes(t *testing.T) {
	for n := range 70 {
		buf := make([]byte, n+1)
		fillOnes(buf[:n])
		if want := append(bytes.Repeat([]byte{1}, n), 0); !bytes.Equal(buf, want) {
			t.Errorf("fillOnes of %d bytes: %v", n, buf)
		}
	}
}

// TestMayOpenDateline: the look at a sentence's first bytes passes every
// sentence either dateline pattern matches, written ones and every line
// of the dev corpus.
func TestMayOpenDateline(t *testing.T) {
	lines := append([]string{
		"OSLO, Nov. 20, 2025 (Reuters) - Ministers met.", "(AP) - Ministers met.", "LIMA-Peru said no.",
		"Lima: The talks ended.", "O'HARE - Flights resumed.", "The talks ended: no deal.", "A", "",
	}, devLines(t)...)
	matched := 0
	for _, ln := range lines {
		if reDashDateline.MatchString(ln) || reColonDateline.MatchString(ln) {
			matched++
			if !mayOpenDateline(ln) {
				t.Errorf("%q opens a dateline, and the first look passes over it", ln)
			}
		}
	}
	if matched == 0 {
		t.Error("no dateline: the comparison showed nothing")
	}
}

// TestRuneOffset: a byte offset at a character's start becomes the number
// of characters before it, in text of ASCII alone, of wide characters at
// its start, middle and end, and with a byte that is no character.
func TestRuneOffset(t *testing.T) {
	for _, text := range []string{"", "Plain text.", "Ünal said “no” to the café’s plan — twice.", "日本", "a\xffb é", "eight ch€rs, then more than eight ASCII é and ASCII again to the end",
		"Thirty-two bytes of ASCII, and more, then a wide one: café, then thirty-two more of ASCII at least, é"} {
		d := &docState{doc: Document{Text: text}}
		for i := range text {
			if got, want := d.runeOffset(i), utf8.RuneCountInString(text[:i]); got != want {
				t.Errorf("%q at byte %d: character %d, want %d", text, i, got, want)
			}
		}
		if got, want := d.runeOffset(len(text)), utf8.RuneCountInString(text); got != want {
			t.Errorf("%q at its end: character %d, want %d", text, got, want)
		}
	}
}

// TestCopyForChangesApart: what a topic's reading of a copy changes (the
// tokens' actors, the document's actors and their records, its collective
// groups, the candidates) leaves the read document and its other copies
// as they were.
func TestCopyForChangesApart(t *testing.T) {
	x := fuzzExtractor(t)
	base := docOf(t, x, "Pact signed\n\nForeign Minister Ana Ruiz of Chile said Peru backed the pact. Opposition lawmakers rejected it.")
	if err := base.read(context.Background(), x.parser, x.topic.about); err != nil {
		t.Fatal(err)
	}
	snapshot := func(d *docState) string {
		var b strings.Builder
		for i := range d.sents {
			fmt.Fprintln(&b, d.sents[i].actor)
		}
		for _, id := range slices.Sorted(maps.Keys(d.acts.actors)) {
			a := d.acts.actors[id]
			fmt.Fprintln(&b, id, a.name, a.mentions, a.aliases)
		}
		for _, id := range slices.Sorted(maps.Keys(d.acts.people)) {
			p := d.acts.people[id]
			fmt.Fprintln(&b, id, p.role, p.orgID, p.surnames)
		}
		fmt.Fprintln(&b, d.acts.byName, d.acts.groups, d.acts.ordered, d.collective, len(d.cands))
		return b.String()
	}
	before := snapshot(base)
	if len(base.acts.actors) == 0 || len(base.acts.people) == 0 {
		t.Fatalf("nothing read: %s", before)
	}
	// Room to grow in place, as lists filled again from the pool have.
	base.cands = slices.Grow(base.cands, 4)
	for _, a := range base.acts.actors {
		a.aliases = slices.Grow(a.aliases, 4)
	}
	other := base.copyFor(x, make([]bool, base.parsedTokens()))
	c := base.copyFor(x, make([]bool, base.parsedTokens()))
	for i := range c.sents {
		for k := range c.sents[i].actor {
			c.sents[i].actor[k] = "group:changed"
		}
	}
	c.acts.actor("group:new", "New", model.Group)
	for _, a := range c.acts.actors {
		a.mentions += 5
		a.aliases.add("Changed")
	}
	for _, p := range c.acts.people {
		p.setRole("changed")
		p.surnames = append(p.surnames[:0], "Changed")
	}
	c.acts.byName["new"], c.acts.groups["New"] = "group:new", "group:new"
	c.collective["group:new"] = true
	c.cands = append(c.cands, candidate{actor: "group:new", stance: model.Support})
	if after := snapshot(c); after == before {
		t.Fatal("the copy did not change")
	}
	// Lists one copy grows are not grown by another in the same room.
	for _, a := range other.acts.actors {
		a.aliases.add("Other")
	}
	other.cands = append(other.cands, candidate{actor: "group:other", stance: model.Oppose})
	for id, a := range c.acts.actors {
		if a.aliases[len(a.aliases)-1] != "Changed" {
			t.Errorf("%s: the copy's last alias is %q", id, a.aliases[len(a.aliases)-1])
		}
	}
	if last := c.cands[len(c.cands)-1]; last.actor != "group:new" {
		t.Errorf("the copy's last candidate is %s's", last.actor)
	}
	for name, d := range map[string]*docState{"the read document": base} {
		if got := snapshot(d); got != before {
			t.Errorf("%s changed with the copy:\n%s\nwas\n%s", name, got, before)
		}
	}
}

// docOf is the document state of text, not yet read, about x's topic if
// text names it.
func docOf(t *testing.T, x *Extractor, text string) *docState {
	t.Helper()
	doc, err := Parse("d.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	read := readText(doc)
	return newDocState(x, doc, read, x.topic.about(read.lower))
}

// parsedDocOf is docOf with the sentences parsed.
func parsedDocOf(t *testing.T, x *Extractor, text string) *docState {
	t.Helper()
	d := docOf(t, x, text)
	if err := d.parse(context.Background(), x.parser, x.topic.about); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestEndsQuestion: a question mark counts when only closing quotation
// marks and spaces follow it, as TrimRight of them left it last.
func TestEndsQuestion(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Will the senate ratify it?", true},
		{`"Who would back such a pact?" `, true},
		{"Is it over?' ", true},
		{"He asked why? Then he left.", false},
		{"It passed.", false},
		{"?", true},
		{`"' `, false},
		{"", false},
		{"Did they sign it?\n", false},
	} {
		if got := endsQuestion(tc.text); got != tc.want || got != strings.HasSuffix(strings.TrimRight(tc.text, `"' `), "?") {
			t.Errorf("endsQuestion(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
