package corenlp

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/repo"
	"github.com/stancegraph/stancegraph/syntax"
)

func TestUTF16Offsets(t *testing.T) {
	s := "Erdoğan 😀 said"
	off := utf16Offsets(s)
	// ğ is 1 UTF-16 unit and 2 bytes; the emoji 2 units and 4 bytes.
	tests := []struct{ u, b int }{{0, 0}, {4, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 13}, {11, 14}, {15, len(s)}, {99, len(s)}}
	for _, tt := range tests {
		if got := off(tt.u); got != tt.b {
			t.Errorf("utf16 %d -> byte %d, want %d", tt.u, got, tt.b)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One line.", "One line."},
		{"Two\nlines\r\nhere\u2028now", "Two lines  here now"},
		{"   ", ""},
		{strings.Repeat("a", maxChars+1), ""},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%.20q) = %.20q, want %.20q", tt.in, got, tt.want)
		}
	}
}

func TestCacheRoundTrip(t *testing.T) {
	c := &cache{dir: t.TempDir(), key: "v1"}
	texts := []string{"A.", "B."}
	if _, ok := c.get(texts); ok {
		t.Fatal("hit in an empty cache")
	}
	want := []syntax.Sentence{{Text: "A.", Tokens: []syntax.Token{{Text: "A", Lemma: "a", POS: "NN", Start: 0, End: 1}}}, {Text: "B."}}
	c.put(texts, want)
	got, ok := c.get(texts)
	if !ok || len(got) != 2 || got[0].Tokens[0].Lemma != "a" {
		t.Fatalf("round trip: %v %+v", ok, got)
	}
	if _, ok := (&cache{dir: c.dir, key: "v2"}).get(texts); ok {
		t.Error("another CoreNLP version or set of annotators hit the same entry")
	}
	var none *cache
	none.put(texts, want)
	if _, ok := none.get(texts); ok {
		t.Error("a nil cache hit")
	}
}

// TestParseWithTheRealWorker runs CoreNLP as the product does (fetched into
// the repository's .corenlp on first use), with no cache, and checks the
// structure the extractor relies on.
func TestParseWithTheRealWorker(t *testing.T) {
	home := filepath.Join(repo.Root(t), ".corenlp")
	p, err := Start(context.Background(), Options{Home: home, Version: "4.5.10", Java: "java", Heap: "2g",
		Workers: 1, StartTimeout: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	texts := []string{
		"Erdoğan’s government and Greece rejected the “deal” on Monday.",
		strings.Repeat("x", maxChars+1),
		"Norway welcomed it.",
	}
	out, err := p.Parse(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 {
		t.Fatalf("%d results for 3 texts", len(out))
	}
	if len(out[1].Tokens) != 0 {
		t.Errorf("an over-long text was parsed")
	}
	s := out[0]
	var rejected = -1
	for i, tk := range s.Tokens {
		if s.Text[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %q is not the text at its byte offsets %d..%d", tk.Text, tk.Start, tk.End)
		}
		if tk.Lemma == "reject" {
			rejected = i
		}
	}
	if rejected < 0 {
		t.Fatalf("no lemma reject in %+v", s.Tokens)
	}
	var subjects []string
	for _, e := range s.Out(rejected, "nsubj") {
		subjects = append(subjects, s.Tokens[e.Dep].Text)
	}
	if strings.Join(subjects, ",") != "government,Greece" {
		t.Errorf("enhanced subjects of rejected: %v, want both conjuncts", subjects)
	}
	if out[2].Tokens[0].NER != "LOCATION" {
		t.Errorf("Norway tagged %q", out[2].Tokens[0].NER)
	}
}

func TestStartFailsWithTheReason(t *testing.T) {
	p, err := Start(context.Background(), Options{Home: filepath.Join(repo.Root(t), ".corenlp"), Version: "4.5.10",
		Java: filepath.Join(t.TempDir(), "no-java"), Heap: "2g", Workers: 1, StartTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for range 2 { // the second call gives the same reason, without retrying
		_, err = p.Parse(context.Background(), []string{"One sentence."})
		if err == nil || !strings.Contains(err.Error(), "no-java") {
			t.Fatalf("want an error naming the missing java, got %v", err)
		}
	}
}
