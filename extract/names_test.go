package extract

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestNamesReadAsThePatterns: each pattern read without its regular
// expression (names.go) matches what the expression matches, groups and
// all, at every offset of sentences written for it and of every dev
// line, cut short and not, and on strings made at random of the pieces
// names are made of.
func TestNamesReadAsThePatterns(t *testing.T) {
	written := []string{
		`Foreign Minister Ana Ruiz-Vik said. Sen. Rand Pauls (R-KY) and Rep. Ola Nord (X-NY) spoke; Mr. A. O'Brien told us.`,
		`"We will see" - Ambassador Hamza al-Mustafa; "No" -Mr McCain-Lind. "Yes" - Ida D'Alema`,
		`according to Sheikh Ali bin Hamad, said Ursula von der Leyen, says Abu Bakr, told Abu said, Ana de said.`,
		`Ünal Özdemir said, Élodie Brun warned, Ana Ruiz saidx, Ana Ruiz said_, Al-shabaab said, El-Sisi saidé.`,
		`spokesman Ola Moe, Spokeswoman ÖZ Lind, Minister of Foreign Affairs Kari Nord emphasized, Prime Minister O'x`,
	}
	var pieces = []string{"Ana", "Ruiz", "al-", "Al-", "el-", "El-", "O'", "Mc", "Cain", "D'", "'", "-", " ", ". ",
		"A", "B.", "bin ", "de ", "der ", "Abu ", "abu ", "von ", "said", "says", "told", "emphasised", " (R-KY)",
		" (D-NY)", " (X-NY)", "(", ")", "Ünal", "Élodie", "ß", "é", "İ", "_", "9", "x", "Mr", "Mr.", "Sen. ",
		"Minister of ", "Foreign Minister", `"-`, `" - `, "according to ", "Spokesman", "spokesman", "envoy", "\xff"}
	rng := rand.New(rand.NewSource(1))
	var made []string
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.Intn(8) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		made = append(made, b.String())
	}
	nears := map[string]near{"titled": titledNear}
	for k, n := range speakerNears {
		if n.rest != nil {
			nears[[]string{"speech after", "speech before", "according to", "dash"}[k]] = n
		}
	}
	if len(nears) != 5 {
		t.Fatalf("%d patterns read without their expression, want 5", len(nears))
	}
	found := map[string]int{}
	check := func(text string) {
		for name, n := range nears {
			got, want := n.match(text), byExpression(n, text)
			if !slices.Equal(got, want) {
				t.Errorf("%s on %q: %v, the expression %v", name, text, got, want)
			}
			if want != nil {
				found[name]++
			}
		}
	}
	for _, ln := range append(written, devLines(t)...) {
		for pos := range len(ln) {
			for _, end := range []int{len(ln), min(len(ln), pos+12), min(len(ln), pos+25)} {
				check(ln[pos:end])
			}
		}
	}
	for _, s := range made {
		check(s)
	}
	for name := range nears {
		if found[name] == 0 {
			t.Errorf("%s matched nothing: the comparison showed nothing", name)
		}
	}
}

// byExpression is n.match as its regular expressions read it.
func byExpression(n near, text string) []int {
	if n.alts == nil {
		return n.at.re.FindStringSubmatchIndex(text)
	}
	for _, a := range n.alts {
		if a.begin.begins(text) {
			if m := a.at.re.FindStringSubmatchIndex(text); m != nil {
				return m
			}
		}
	}
	return nil
}

// TestNameEnd: where a name read from the start of a text ends.
func TestNameEnd(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Ana Ruiz said", 8},
		{"A. Ruiz", 7},
		{"A. ruiz", -1},
		{"al-Mustafa spoke", 10},
		{"Al-shabaab", 2},
		{"O'Brien and", 7},
		{"McConnell-Vik's", 13},
		{"Ursula von der Leyen", 6}, // one particle at most between parts: not "von der"
		{"Abu Bakr al-Baghdadi", 20},
		{"Abu said", 3},
		{"Ola Moe Lind Berg Vik", 17}, // four parts at most
		{"Ünal Özdemir", 14},
		{"ana", -1},
		{"", -1},
	}
	for _, tt := range tests {
		if got := nameEnd(tt.text, 0); got != tt.want {
			t.Errorf("nameEnd(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// startsUpper reads the first character whole, as a rune slice did.
func TestStartsUpper(t *testing.T) {
	for _, s := range []string{"", "Kenya", "kenya", "Élysée", "élysée", "1st", "«Yes»", "\xffA"} {
		want := false
		if r := []rune(s); len(r) > 0 {
			want = unicode.IsUpper(r[0])
		}
		if got := startsUpper(s); got != want {
			t.Errorf("startsUpper(%q) = %v, want %v", s, got, want)
		}
	}
}
