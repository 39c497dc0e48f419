package extract

import (
	"sort"
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
