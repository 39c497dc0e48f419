package shallow_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/syntax"
)

// rel finds the relation between two words of an analysed sentence,
// enhanced edges included.
func rel(s syntax.Sentence, head, dep string) string {
	for _, e := range s.Edges {
		if e.Head >= 0 && s.Tokens[e.Head].Text == head && s.Tokens[e.Dep].Text == dep {
			return e.Rel
		}
	}
	return ""
}

func TestAnalyse(t *testing.T) {
	tests := []struct {
		sentence        string
		head, dep, want string
	}{
		{"Norway and Denmark welcomed the pact.", "welcomed", "Norway", "nsubj"},
		{"Norway and Denmark welcomed the pact.", "welcomed", "Denmark", "nsubj"},
		{"Norway and Denmark welcomed the pact.", "welcomed", "pact", "obj"},
		{"Iran lashed out at Egypt over the deal.", "lashed", "out", "compound:prt"},
		{"Iran lashed out at Egypt over the deal.", "lashed", "deal", "obl:over"},
		{"The deal was praised by Spain.", "praised", "deal", "nsubj:pass"},
		{"The deal was praised by Spain.", "praised", "Spain", "obl:agent"},
		{"Poland will not back the deal.", "back", "not", "advmod"},
		{"Poland will not back the deal.", "back", "will", "aux"},
		{"Ed Park said the pact would undermine Europe's security.", "undermine", "pact", "nsubj"},
		{"Ed Park said the pact would undermine Europe's security.", "said", "undermine", "ccomp"},
		{"Ed Park said the pact would undermine Europe's security.", "security", "Europe", "nmod:poss"},
		{"Chile vowed to block the pact.", "vowed", "block", "xcomp"},
		{"Chile voiced support for the pact.", "support", "pact", "nmod:for"},
		// An adverb after the object leaves it the object; before a noun
		// the same word describes it.
		{"Peru rejected the trade pact outright.", "rejected", "pact", "obj"},
		{"Peru rejected the pact outright and recalled its envoy.", "rejected", "pact", "obj"},
		{"Peru dropped the plan altogether, officials said.", "dropped", "plan", "obj"},
		{"Peru claimed an outright victory in the vote.", "claimed", "victory", "obj"},
	}
	for _, tt := range tests {
		s := shallow.Analyse(tt.sentence)
		if got := rel(s, tt.head, tt.dep); got != tt.want {
			t.Errorf("%q: %s -> %s is %q, want %q", tt.sentence, tt.head, tt.dep, got, tt.want)
		}
	}
}

func TestTokensAndTags(t *testing.T) {
	tokens := func(text string) (words, tags []string) {
		s := shallow.Analyse(text)
		for _, tk := range s.Tokens {
			words = append(words, tk.Text)
			tags = append(tags, tk.POS)
			if s.Text[tk.Start:tk.End] != tk.Text {
				t.Errorf("token %q is not the text at its offsets", tk.Text)
			}
			if tk.Lower != strings.ToLower(tk.Text) {
				t.Errorf("token %q lower-cased as %q", tk.Text, tk.Lower)
			}
			if tk.LowerLemma != strings.ToLower(tk.Lemma) {
				t.Errorf("token %q: lemma %q lower-cased as %q", tk.Text, tk.Lemma, tk.LowerLemma)
			}
		}
		return words, tags
	}
	words, tags := tokens("The U.S. didn't sign Turkey's deal, said Ms. Ito.")
	if want := []string{"The", "U.S.", "did", "n't", "sign", "Turkey", "'s", "deal", ",", "said", "Ms", ".", "Ito", "."}; !slices.Equal(words, want) {
		t.Fatalf("tokens %q, want %q", words, want)
	}
	if tags[4] != "VBP" || tags[5] != "NNP" || tags[6] != "POS" || tags[9] != "VBD" {
		t.Errorf("tags %v", tags)
	}
	// Letters and spaces outside ASCII: a no-break space parts words, a
	// curly apostrophe inside one stays.
	words, _ = tokens("Ünal’s aide in Zürich\u00a0wasn’t sure—yet")
	// Every way the tagger finds a lemma: a possessive, punctuation, a
	// number, a closed-class word, "n't", a form of be, a name, a trailing
	// adverb, a particle, a listed verb's forms, an unknown verb in -ed,
	// and adverbs, adjectives and nouns, plural or not, in or outside
	// ASCII.
	tokens("Íñigo's 12 aides didn't say it; THE envoys Were backing off, then ÉMIGRÉS quietly wrote CALMER notes outright.")
	tokens("They snubbed the dangerous démarches, and Öztürk's aide TESTED ÇAĞLAR's lawyers; émigrés fumed.")
	if want := []string{"Ünal", "’s", "aide", "in", "Zürich", "wasn’t", "sure", "—", "yet"}; !slices.Equal(words, want) {
		t.Errorf("tokens %q, want %q", words, want)
	}
}

// Every token has exactly one head in the tree, and the tree has one root.
func TestTreeIsATree(t *testing.T) {
	p := shallow.Parser{}
	out, err := p.Parse(context.Background(), []string{
		"Iran and Turkey lashed out at the UAE over the deal, even as much of the world welcomed the move.",
		"\"We will fight it,\" she said.", "", "...", "Leaders",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range out {
		roots := 0
		heads := map[int]int{}
		for _, e := range s.Tree {
			heads[e.Dep]++
			if e.Head == -1 {
				roots++
			}
		}
		if len(s.Tokens) > 0 && (roots != 1 || len(heads) != len(s.Tokens)) {
			t.Errorf("%q: %d roots, %d of %d tokens with a head", s.Text, roots, len(heads), len(s.Tokens))
		}
		for d, n := range heads {
			if n != 1 {
				t.Errorf("%q: token %d has %d heads", s.Text, d, n)
			}
		}
	}
}

// A batch's sentences share the parser's working lists: each must come out
// as it does alone, whatever the sentence before it left behind.
func TestParseBatchAsAlone(t *testing.T) {
	texts := []string{
		"Norway and Denmark, whose envoys met in Oslo on Monday, welcomed the pact that Peru rejected outright.",
		"Chile vowed to block it.",
		"\"We will not back the deal,\" said Ms. Ito, Japan's envoy.",
		"",
		"Élise Müller’s party, the Greens, said the accord was a mistake.",
		"Spain agreed.",
	}
	out, err := shallow.Parser{}.Parse(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		alone := shallow.Analyse(text)
		if !slices.Equal(out[i].Tokens, alone.Tokens) || !slices.Equal(out[i].Tree, alone.Tree) || !slices.Equal(out[i].Edges, alone.Edges) {
			t.Errorf("%q parsed in a batch differs from the sentence alone:\n%v\n%v", text, out[i].Edges, alone.Edges)
		}
	}
}

// TestParseReusingAsFresh: sentences parsed into the parses of an earlier
// batch, longer or shorter than they are and indexed or not, come out as
// each parses alone, index and all.
func TestParseReusingAsFresh(t *testing.T) {
	first := []string{
		"Chile objected.", // shaped as "Peru hesitated.", which takes its place
		"The ministers of Chile, Peru and Bolivia, meeting in La Paz, said on Tuesday that they would sign the water accord next month.",
		"Bolivia's president called it \"a fair bargain\".",
	}
	second := []string{
		"Peru hesitated.",
		"Ecuador, which was not invited, condemned the accord and said it would ask the court to halt it.",
		"Colombia's envoy welcomed it, saying the region needed rules.",
		"\"It is a start,\" said Ana Ruiz.",
		"Éire and Zürich hosted the TALKS.",
	}
	ctx := context.Background()
	// New's parser: each call's lists are the last call's, as well as its
	// parses the last parses.
	p := shallow.New()
	old, err := p.Parse(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	_ = old[0].Children(0) // one sentence indexed, the others not
	_ = old[0].Lower(0)
	// The second batch comes with its texts lower-cased as the extractor
	// has them (ASCII capitals only), the third without.
	lowers := make([]string, len(second))
	for i, text := range second {
		lowers[i] = strings.Map(func(r rune) rune {
			if 'A' <= r && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, text)
	}
	for k, texts := range [][]string{second, first[1:2]} {
		var lower []string
		if k == 0 {
			lower = lowers
		}
		out, err := p.ParseReusing(ctx, texts, lower, old)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != len(texts) {
			t.Fatalf("%d parses of %d sentences", len(out), len(texts))
		}
		for i, text := range texts {
			fresh := shallow.Analyse(text)
			if !slices.Equal(out[i].Tokens, fresh.Tokens) || !slices.Equal(out[i].Tree, fresh.Tree) || !slices.Equal(out[i].Edges, fresh.Edges) {
				t.Errorf("%q parsed into an earlier parse differs from a fresh parse:\n%v\n%v", text, out[i].Edges, fresh.Edges)
			}
			for k := -1; k < len(fresh.Tokens); k++ {
				if !slices.Equal(out[i].Children(k), fresh.Children(k)) || k >= 0 && out[i].LowerLemma(k) != fresh.LowerLemma(k) {
					t.Errorf("%q token %d: children %v, lemma %q; fresh %v, %q", text, k, out[i].Children(k), out[i].LowerLemma(k), fresh.Children(k), fresh.LowerLemma(k))
				}
			}
		}
		old = out
	}
}

// TestParseReusingReadsTheGivenLowerCase: a lower-cased text given is
// taken as it is (the caller's to make right), one of another length
// than its text is not used.
func TestParseReusingReadsTheGivenLowerCase(t *testing.T) {
	texts := []string{"Chile objected.", "Peru hesitated."}
	out, err := shallow.New().ParseReusing(context.Background(), texts, []string{"chilE objected.", "peru"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := out[0].Tokens[0].Lower; got != "chilE" {
		t.Errorf("the first word's lower case is %q, want the given %q", got, "chilE")
	}
	if fresh := shallow.Analyse(texts[1]); !slices.Equal(out[1].Tokens, fresh.Tokens) {
		t.Errorf("with a lower case of another length:\n%v\nfresh:\n%v", out[1].Tokens, fresh.Tokens)
	}
}

// TestTokenize: words with their inner hyphens, apostrophes and periods,
// the final period of an abbreviation, possessives and "n't" apart, and a
// token for each other character, ASCII or not; white space, ASCII or
// not, is none. Each is lower-cased, in or outside ASCII.
func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The U.S.-led pact's critics didn't agree, Ms. O'Neil said.",
			[]string{"The", "U.S.", "-", "led", "pact", "'s", "critics", "did", "n't", "agree", ",", "Ms", ".", "O'Neil", "said", "."}},
		{"Zürich’s “deal” – signed\u00a0today… isn’t final; al-Assad’s 2.5% U.N. E.U.",
			[]string{"Zürich", "’s", "“", "deal", "”", "–", "signed", "today", "…", "isn’t", "final", ";", "al-Assad", "’s", "2.5", "%", "U.N.", "E.U."}},
		{"end. U.S. a.b.c. x- -y 'quoted' don't can't won’t ’s s's",
			[]string{"end", ".", "U.S.", "a.b.c.", "x", "-", "-", "y", "'", "quoted", "'", "do", "n't", "ca", "n't", "won’t", "’", "s", "s", "'s"}},
		{"\t\x01tab\x7fdel\xffbad 日本 agreed! ok?",
			[]string{"\x01", "tab", "\x7f", "del", "\xff", "bad", "日本", "agreed", "!", "ok", "?"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range shallow.Analyse(tt.text).Tokens {
			if tt.text[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q at %d-%d is not the text there", tt.text, tok.Text, tok.Start, tok.End)
			}
			if tok.Lower != strings.ToLower(tok.Text) {
				t.Errorf("%q: token %q lower-cased %q", tt.text, tok.Text, tok.Lower)
			}
			got = append(got, tok.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokens of %q: %q, want %q", tt.text, got, tt.want)
		}
	}
}
