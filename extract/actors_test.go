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
