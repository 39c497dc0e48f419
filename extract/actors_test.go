package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestTitledPeople: a title before a name makes it a person even when the
// named-entity model reads the whole phrase as an organisation.
func TestTitledPeople(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string
	}{
		{"West Coast Left MP Jo Rivers asked for an assurance.", "Jo Rivers"},
		{"Green MEP Ann Woods voted against it.", "Ann Woods"},
		{"Congresswoman Lea Park wrote to the White House.", "Lea Park"},
		{"Foreign Minister Tom Reyes spoke first.", "Tom Reyes"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			d := newDocActors(g)
			d.findPeople(tc.text)
			var names []string
			for _, p := range d.people {
				names = append(names, p.name)
			}
			sort.Strings(names)
			for _, n := range names {
				if n == tc.want {
					return
				}
			}
			t.Errorf("people in %q: %v, want %q among them", tc.text, names, tc.want)
		})
	}
}

// A trigger that is a word opens a window only where a word starts with
// it: "ms" in "arms" or "dr" in "hundred" is no title; one of
// punctuation ("'s ") opens one wherever it stands.
func TestWindowsOpenAtWordStarts(t *testing.T) {
	tests := []struct {
		text     string
		triggers []string
		want     [][2]int
	}{
		{"The arms deal was signed.", []string{"ms"}, nil},
		{"A hundred people came.", []string{"dr"}, nil},
		{"Ms Lind signed it.", []string{"ms"}, [][2]int{{0, 7}}},
		{"It was signed by Ms Lind.", []string{"ms"}, [][2]int{{14, 24}}},
		{"Norway's envoy agreed.", []string{"'s "}, [][2]int{{0, 14}}},
		{"The arms deal, said Ms Lind, was fair.", []string{"ms"}, [][2]int{{15, 27}}},
	}
	for _, tc := range tests {
		got := windows(tc.text, strings.ToLower(tc.text), tc.triggers, 2, 5)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%q: windows %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestLedPatternsHoldTheirTriggers: findNear tries a pattern with a lead
// only up to lead bytes before a trigger, which is exact only if every
// alternative the pattern begins with holds a trigger that near its start.
func TestLedPatternsHoldTheirTriggers(t *testing.T) {
	plain := strings.NewReplacer(`\`, "", "[ss]", "s", "[ee]", "e")
	for _, tc := range []struct {
		name         string
		alternatives string
		n            near
	}{
		{"roles", roleWords, titledNear},
		{"speech verbs", speechVerbs, speakerNears[0]},
	} {
		for _, alt := range strings.Split(tc.alternatives, "|") {
			w := plain.Replace(strings.ToLower(alt)) + " "
			at := -1
			for _, tr := range tc.n.triggers {
				if i := strings.Index(w, tr); i >= 0 && (at < 0 || i < at) {
					at = i
				}
			}
			if at < 0 || at > tc.n.lead {
				t.Errorf("%s: %q holds a trigger at %d, lead %d", tc.name, alt, at, tc.n.lead)
			}
		}
	}
}

// TestLedSearchFindsWhatTheWholeWindowDoes: trying a pattern only near its
// triggers finds the same matches as trying it at every position.
func TestLedSearchFindsWhatTheWholeWindowDoes(t *testing.T) {
	lines := []string{
		"Senate Majority Leader Ana Ruiz and Vice President Tomas Berg met Foreign Minister Lia Haas.",
		"\"We will not sign,\" said Karl Dunn, according to Mette Lund. \" - Sen. Ola Vik (R-KY)",
		"The arms envoy, Special Envoy Ida Holm, told reporters MP Jon Eide had left; the spokesman Per Moe emphasised it.",
		"Crown Prince Ali bin Saud and Secretary-General Rosa Mendez, with Minister of Water Affairs Eva Lind.",
		"Ünal Kaya, Präsident, said Über Alles; Dr. Sofía Núñez declared Mrs. Østby ready.",
	}
	for _, ln := range lines {
		for _, n := range append([]near{titledNear}, speakerNears...) {
			if n.lead < 0 {
				continue
			}
			lower := asciiLower(ln)
			for _, w := range windows(ln, lower, n.triggers, n.before, n.after) {
				want := n.re.FindAllStringSubmatchIndex(ln[w[0]:w[1]], -1)
				got := findLed(n, ln[w[0]:w[1]], lower[w[0]:w[1]])
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%q in %q: %v, every position %v", n.re, ln[w[0]:w[1]], got, want)
				}
			}
		}
	}
}
