package synth_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/synth"
)

func mustGazetteer(tb testing.TB) *extract.Gazetteer {
	tb.Helper()
	g, err := extract.LoadGazetteer()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestGenerate(t *testing.T) {
	g := mustGazetteer(t)
	base := synth.Generate(g, 1, 60)

	t.Run("same seed gives identical articles, even from another gazetteer load", func(t *testing.T) {
		again := synth.Generate(mustGazetteer(t), 1, 60)
		if !slices.Equal(base, again) {
			t.Fatal("two runs with seed 1 differ")
		}
	})
	t.Run("article i does not depend on n", func(t *testing.T) {
		if short := synth.Generate(g, 1, 7); !slices.Equal(short, base[:7]) {
			t.Fatal("Generate(g, 1, 7) is not a prefix of Generate(g, 1, 60)")
		}
	})
	t.Run("another seed gives other articles", func(t *testing.T) {
		other := synth.Generate(g, 2, 60)
		for i := range other {
			if other[i].Text == base[i].Text {
				t.Errorf("article %d is the same for seeds 1 and 2", i)
			}
		}
	})
	t.Run("zero articles", func(t *testing.T) {
		if got := synth.Generate(g, 1, 0); len(got) != 0 {
			t.Fatalf("got %d articles, want 0", len(got))
		}
	})
}

var reName = regexp.MustCompile(`^synth-\d{6}\.txt$`)

func TestGenerateShape(t *testing.T) {
	arts := synth.Generate(mustGazetteer(t), 42, 400)
	seen := map[string]bool{}
	for i, a := range arts {
		if !reName.MatchString(a.Name) || seen[a.Name] {
			t.Errorf("article %d: name %q is not a unique synth-NNNNNN.txt", i, a.Name)
		}
		seen[a.Name] = true
		if n := len(a.Text); n < synth.MinBytes || n > synth.MaxBytes {
			t.Errorf("%s: %d bytes, want %d-%d", a.Name, n, synth.MinBytes, synth.MaxBytes)
		}
		if !utf8.ValidString(a.Text) {
			t.Errorf("%s: invalid UTF-8", a.Name)
		}
		blocks := strings.Split(strings.TrimSuffix(a.Text, "\n"), "\n\n")
		headline, body := blocks[0], blocks[1:]
		if strings.Contains(headline, "\n") || len(strings.Fields(headline)) > 14 {
			t.Errorf("%s: headline %q is not one short line", a.Name, headline)
		}
		if len(body) < synth.MinParagraphs || len(body) > synth.MaxParagraphs {
			t.Errorf("%s: %d paragraphs, want %d-%d", a.Name, len(body), synth.MinParagraphs, synth.MaxParagraphs)
		}
		if !strings.Contains(body[0], "(Synth Wire) - ") {
			t.Errorf("%s: first paragraph has no dateline: %q", a.Name, body[0])
		}
	}
}

// TestGenerateExtracts runs the extractor over generated articles: every
// one loads, none panics, and most yield claims (about 5% never name the
// topic, by design).
func TestGenerateExtracts(t *testing.T) {
	g := mustGazetteer(t)
	x := nlptest.FastExtractor(t, model.Topic{ID: "t", Terms: []string{"anti-ISIS coalition", "coalition"}})
	n := 200
	if testing.Short() {
		n = 40
	}
	withClaims, stances := 0, map[string]int{}
	for _, a := range synth.Generate(g, 7, n) {
		doc, err := extract.Parse(a.Name, []byte(a.Text))
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		r, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Claims) > 0 {
			withClaims++
		}
		for _, c := range r.Claims {
			stances[string(c.Stance)]++
		}
	}
	if share := float64(withClaims) / float64(n); share < 0.7 {
		t.Errorf("%d of %d articles yield claims (%.0f%%), want at least 70%%", withClaims, n, 100*share)
	}
	for _, s := range []string{"support", "oppose", "cautious"} {
		if stances[s] == 0 {
			t.Errorf("no %s claims in %d articles: %v", s, n, stances)
		}
	}
}

func TestWrite(t *testing.T) {
	g := mustGazetteer(t)
	dir := filepath.Join(t.TempDir(), "corpus")
	files, bytes, err := synth.Write(dir, g, 3, 25)
	if err != nil {
		t.Fatal(err)
	}
	want := synth.Generate(g, 3, 25)
	var wantBytes int64
	for _, a := range want {
		wantBytes += int64(len(a.Text))
		b, err := os.ReadFile(filepath.Join(dir, a.Name))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != a.Text {
			t.Errorf("%s: file differs from Generate", a.Name)
		}
	}
	if files != 25 || bytes != wantBytes {
		t.Errorf("Write = %d files, %d bytes; want 25, %d", files, bytes, wantBytes)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 25 {
		t.Errorf("%d files in %s, want 25", len(entries), dir)
	}
}
