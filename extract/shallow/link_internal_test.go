package shallow

import (
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/syntax"
)

// TestBitsOf: each tag's bits say what the string tests the linker
// made of the tag before say.
func TestBitsOf(t *testing.T) {
	tags := []string{"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "NN", "NNS", "NNP", "NNPS",
		"JJ", "JJR", "JJS", "DT", "PRP", "PRP$", "POS", "CD", "RB", "RBR", "RP", "TO", "IN",
		"MD", "CC", "WDT", "WP", "EX", "UH", "FW", ",", ".", ":", "``", "''", "-LRB-", "V", "N", ""}
	for _, p := range tags {
		var want tagBits
		set := func(b tagBits, ok bool) {
			if ok {
				want |= b
			}
		}
		set(tVerb, strings.HasPrefix(p, "VB"))
		set(tNoun, strings.HasPrefix(p, "NN"))
		set(tProper, strings.HasPrefix(p, "NNP"))
		set(tNominal, strings.HasPrefix(p, "NN") || p == "JJ" || p == "JJR" || p == "JJS" || p == "DT" || p == "PRP$" || p == "CD" || p == "POS")
		for b, tag := range map[tagBits]string{tPRP: "PRP", tPOS: "POS", tCD: "CD", tDT: "DT", tRB: "RB",
			tTO: "TO", tIN: "IN", tMD: "MD", tRP: "RP", tVBN: "VBN", tVBG: "VBG"} {
			set(b, p == tag)
		}
		if got := bitsOf(p); got != want {
			t.Errorf("%q: %b, want %b", p, got, want)
		}
	}
}

// TestTagBits: the bits tag gives each token with its tag are the bits
// of the tag, whichever of its branches tagged the word.
func TestTagBits(t *testing.T) {
	for _, sentence := range []string{
		"Oslo's mayor has not really backed the 2030 plan, aides said.",
		"They walked out; the Finns protested outright and we voted against it.",
		"Both towns were being careful, having lost 12 ferries to the storm.",
		"The talks were opened by Ghana's envoys, who quietly moved on.",
		"Ministers can't say whether Peru pledged wholesale changes or not.",
	} {
		a, s := analysed(sentence)
		for i, tok := range s.Tokens {
			if got, want := a.link.tags[i]&^(tAux|tMain), bitsOf(tok.POS); got != want {
				t.Errorf("%q: %q tagged %s has bits %b, want %b", sentence, tok.Text, tok.POS, got, want)
			}
		}
	}
}

// TestAuxiliaries: a modal, or a form of be, have or do with a verb
// after it (adverbs between), is an auxiliary; a verb that is none is
// a main verb.
func TestAuxiliaries(t *testing.T) {
	tests := []struct {
		sentence string
		aux      []string
		main     []string
	}{
		{"Oslo has not really backed the plan.", []string{"has"}, []string{"backed"}},
		{"Oslo has a plan.", nil, []string{"has"}},
		{"Oslo will back it and is being careful.", []string{"will", "is"}, []string{"back", "being"}},
		{"Oslo did very quickly not quite agree.", nil, []string{"did", "agree"}}, // four adverbs: too far
		{"Oslo could.", []string{"could"}, nil},
	}
	for _, tc := range tests {
		a, s := analysed(tc.sentence)
		var aux, main []string
		for i, tok := range s.Tokens {
			if a.link.is(i, tAux) {
				aux = append(aux, tok.Text)
			}
			if a.link.is(i, tMain) {
				main = append(main, tok.Text)
			}
		}
		if strings.Join(aux, " ") != strings.Join(tc.aux, " ") || strings.Join(main, " ") != strings.Join(tc.main, " ") {
			t.Errorf("%q: auxiliaries %q, main verbs %q; want %q, %q", tc.sentence, aux, main, tc.aux, tc.main)
		}
	}
}

// TestLooseTokens: a loose token hangs from the root as punct if it is
// one of the punctuation bytes, and as dep otherwise ("&", "#", words).
func TestLooseTokens(t *testing.T) {
	tests := []struct {
		sentence    string
		punct, deps string // the loose tokens by relation, space-separated
	}{
		{"Lima agreed: the quota stays, for now!", ": , !", "stays for now"},
		{"Kenya (again) balked; \"never\" said its envoy?", "( ) ; \" \" ?", "again never said"},
		{"Oslo waited & hoped # then - sighed.", "- .", "& hoped # then sighed"},
	}
	for _, tc := range tests {
		s := Analyse(tc.sentence)
		var punct, deps []string
		for _, e := range s.Tree {
			switch e.Rel {
			case "punct":
				punct = append(punct, s.Tokens[e.Dep].Text)
			case "dep":
				deps = append(deps, s.Tokens[e.Dep].Text)
			}
		}
		if strings.Join(punct, " ") != tc.punct || strings.Join(deps, " ") != tc.deps {
			t.Errorf("%q: punct %q, dep %q; want %q, %q", tc.sentence, punct, deps, tc.punct, tc.deps)
		}
	}
}

// TestEdgesAreTheTreeAndTheExtras: the enhanced edges are the tree's,
// less those an extra edge between the same two tokens replaces, in
// order, then the extra edges. Most of these sentences have tree edges
// replaced, some of them edges from the root.
func TestEdgesAreTheTreeAndTheExtras(t *testing.T) {
	replaced := 0
	for _, sentence := range []string{
		"Quito voiced support for the dam and Lima lashed out at Bogota over the fees.",
		"The envoys of Fiji, Samoa and Tonga, who met in Suva, said the levy was unfair.",
		"Rangers were fined by the league, which cited the brawl.",
		"Thanks for nothing.",
		"Talks on the dam.",
		"Praise for Peru, anger at Chile.",
		"Ghana, Togo and Benin signed.",
		"",
	} {
		a, s := analysed(sentence)
		var want []syntax.Edge
		for _, e := range s.Tree {
			if slices.ContainsFunc(a.link.extra, func(x syntax.Edge) bool { return x.Head == e.Head && x.Dep == e.Dep }) {
				replaced++
				continue
			}
			want = append(want, e)
		}
		want = append(want, a.link.extra...)
		if !slices.Equal(s.Edges, want) {
			t.Errorf("%q: edges\n%v\nwant\n%v", sentence, s.Edges, want)
		}
	}
	if replaced == 0 {
		t.Error("no tree edge was replaced: the test tests nothing")
	}
}

// TestTreeHead: the root has no head, a token without one hangs from
// the root, and any other keeps its own.
func TestTreeHead(t *testing.T) {
	head := []int{2, -2, -2, 2, -2}
	for _, tc := range []struct{ root, d, want int }{
		{2, 0, 2}, {2, 1, 2}, {2, 2, -1}, {2, 3, 2}, {2, 4, 2},
		{0, 0, -1}, {0, 1, 0}, {0, 3, 2}, {4, 4, -1}, {4, 1, 4},
	} {
		if got := treeHead(head, tc.root, tc.d); got != tc.want {
			t.Errorf("token %d, root %d: head %d, want %d", tc.d, tc.root, got, tc.want)
		}
	}
}

// TestTokensInUsedRoom: a sentence parsed into room whose tokens hold
// another parse's fields comes out as parsed fresh, for the tokenizer
// leaves the part of speech and lemmas to tag, which writes them all,
// whichever of its branches tags the word.
func TestTokensInUsedRoom(t *testing.T) {
	junk := syntax.Token{Text: "x", Lemma: "y", POS: "NNP", NER: "PERSON", Start: 7, End: 9, Lower: "x", LowerLemma: "y"}
	for _, sentence := range []string{
		"Oslo's mayor hasn't really backed the 2030 plan, aides said.",
		"They walked out; the Finns protested outright and we voted against it.",
		"Both towns were being careful, having lost 12 ferries to the storm.",
		"The talks were opened by Ghana's envoys, who quietly moved on.",
		"Ministers voiced fears that Peru pledged wholesale changes, Lima’s critics claimed.",
	} {
		var a analyser
		s := syntax.Sentence{Text: sentence, Tokens: slices.Repeat([]syntax.Token{junk}, 64)[:0]}
		a.analyse(&s, a.lowerASCII(sentence))
		if fresh := Analyse(sentence); !slices.Equal(s.Tokens, fresh.Tokens) {
			t.Errorf("%q in used room:\n%v\nfresh:\n%v", sentence, s.Tokens, fresh.Tokens)
		}
	}
}

// TestRelationsOfTheSentenceBefore: the relations a sentence leaves in
// the linker's lists are not read as the next one's, whose tokens there
// have no head yet (see relOf); each second sentence parses as it does
// fresh.
func TestRelationsOfTheSentenceBefore(t *testing.T) {
	for _, pair := range [][2]string{
		{"Fiji, Samoa and Tonga signed, and Chile's envoy and Peru's objected.", "Leaders , quietly , then the talks , so ; over ."},
		{"Quito and Lima backed the plan but Bogota's mayor and aides rejected it outright.", "Yes , and the mayor 's aides , Quito 's and Lima 's ."},
		{"The rules were set by Ghana, and Togo's minister was named by the board.", "Rules , set by Ghana , named by the board ."},
	} {
		var a analyser
		for _, sentence := range pair {
			s := syntax.Sentence{Text: sentence}
			a.analyse(&s, a.lowerASCII(sentence))
			fresh := Analyse(sentence)
			if !slices.Equal(s.Tree, fresh.Tree) || !slices.Equal(s.Edges, fresh.Edges) {
				t.Errorf("%q after %q:\n%v\nfresh:\n%v", sentence, pair[0], s.Edges, fresh.Edges)
			}
		}
	}
}

// analysed is text parsed by an analyser of its own, which the tests
// read with the sentence: its linker's lists are what they check.
func analysed(text string) (*analyser, *syntax.Sentence) {
	a := &analyser{}
	s := &syntax.Sentence{Text: text}
	a.analyse(s, a.lowerASCII(text))
	return a, s
}

// TestListedTokens: tagBits lists the main verbs and the prepositions,
// each in the tokens' order, exactly the tokens with tMain and tIN.
func TestListedTokens(t *testing.T) {
	for _, sentence := range []string{
		"Oslo has not really backed the plan for the fjord, aides said in March.",
		"Of course Lima will protest against it, because of the fees.",
		"Quito argued and Bogota agreed, then both signed at dawn in Cali",
		"Into the storm.",
		"",
	} {
		a, s := analysed(sentence)
		var mains, ins []int
		for i := range s.Tokens {
			if a.link.is(i, tMain) {
				mains = append(mains, i)
			}
			if a.link.is(i, tIN) {
				ins = append(ins, i)
			}
		}
		if !slices.Equal(a.link.mains, mains) || !slices.Equal(a.link.ins, ins) {
			t.Errorf("%q: main verbs %v, prepositions %v; want %v, %v", sentence, a.link.mains, a.link.ins, mains, ins)
		}
	}
}

// TestChunksInOnePass: chunks links each phrase's words, its parts split
// by possessives, as the two passes it made before did (chunksTwoPass):
// the same chunk heads, heads and relations for every token.
func TestChunksInOnePass(t *testing.T) {
	possessives := 0
	for _, sentence := range []string{
		"Iran's foreign ministry rejected the new draft.",
		"Peru's and Chile's envoys met the 12 mayors' aides.",
		"Oslo's",
		"The old red 2030 tram plan of the city's council's budget chief stalled.",
		"Kenya's envoy's deputy's own office said so.",
		"They gave the big , bold plan its first real test in years.",
		"",
	} {
		a, s := analysed(sentence)
		l := &a.link
		got := slices.Clone(l.np)
		for i := range s.Tokens {
			if l.is(i, tPOS) {
				possessives++
			}
		}
		var ref linker
		ref.s, ref.tags, ref.cls = s, l.tags, l.cls
		ref.head = slices.Repeat([]int{-2}, len(s.Tokens))
		ref.rel = make([]string, len(s.Tokens))
		ref.np = slices.Repeat([]int{-1}, len(s.Tokens))
		ref.chunksTwoPass()
		l.s = s
		l.tagBits()
		l.chunks()
		if !slices.Equal(l.np, ref.np) || !slices.Equal(l.head, ref.head) {
			t.Errorf("%q: chunk heads %v, heads %v; two passes: %v, %v", sentence, l.np, l.head, ref.np, ref.head)
		}
		for i := range l.head {
			if l.relOf(i) != ref.relOf(i) {
				t.Errorf("%q: token %d's relation %q; two passes: %q", sentence, i, l.relOf(i), ref.relOf(i))
			}
		}
		if !slices.Equal(got, l.np) {
			t.Errorf("%q: the parse's chunk heads %v, chunks' own %v", sentence, got, l.np)
		}
	}
	if possessives < 8 {
		t.Errorf("%d possessives: the test hardly tests the parts", possessives)
	}
}

// chunksTwoPass is chunks as it was written before it read a phrase in
// one pass: the phrase's end found first, then its parts. The test's
// reference.
func (l *linker) chunksTwoPass() {
	tags, np := l.tags, l.np
	n := len(tags)
	for i := 0; i < n; {
		if tags[i]&tPRP != 0 {
			np[i] = i
			i++
			continue
		}
		if tags[i]&tNominal == 0 {
			i++
			continue
		}
		j := i
		for j < n && tags[j]&tNominal != 0 {
			j++
		}
		start, owner := i, -1
		for k := i; k <= j; k++ {
			if k < j && tags[k]&tPOS == 0 {
				continue
			}
			h := k - 1
			for h >= start && tags[h]&(tNoun|tCD) == 0 {
				h--
			}
			if h < start {
				h = k - 1
			}
			if h >= start {
				for m := start; m < k; m++ {
					np[m] = h
					if m != h {
						l.set(m, h, modRel(l.pos(m)))
					}
				}
				if owner >= 0 {
					l.set(owner, h, "nmod:poss")
				}
			}
			if k < j {
				l.set(k, h, "case")
				owner = h
			}
			start = k + 1
		}
		i = j
	}
}

// TestRoot: the tree's one root is the first main verb with no head,
// else the first chunk head with none, else the first token.
func TestRoot(t *testing.T) {
	tests := []struct{ sentence, root string }{
		{"Oslo backed the plan.", "backed"},
		{"To sign it, Lima waited.", "sign"},                // "waited" hangs from it
		{"Talks on the dam, and praise for Peru.", "Talks"}, // no verb
		{"The dam's critics.", "critics"},
		{", .", ","},
	}
	for _, tc := range tests {
		s := Analyse(tc.sentence)
		var roots []string
		for _, e := range s.Tree {
			if e.Head == -1 || e.Rel == "root" {
				if e.Head != -1 || e.Rel != "root" {
					t.Errorf("%q: edge %v", tc.sentence, e)
				}
				roots = append(roots, s.Tokens[e.Dep].Text)
			}
		}
		if len(roots) != 1 || roots[0] != tc.root {
			t.Errorf("%q: roots %q, want %q", tc.sentence, roots, tc.root)
		}
	}
}

// TestRootWithAHead: a first token that is the root for want of another
// is the root even though a pass gave it a head (here the two tokens
// took each other).
func TestRootWithAHead(t *testing.T) {
	s := &syntax.Sentence{Text: "x y", Tokens: []syntax.Token{{Text: "x"}, {Text: "y"}}}
	l := linker{s: s, head: []int{1, 0}, rel: []string{"obj", "nsubj"}, np: []int{-1, -1}, tags: []tagBits{0, 0}}
	l.finish()
	want := []syntax.Edge{{Head: -1, Dep: 0, Rel: "root"}, {Head: 0, Dep: 1, Rel: "nsubj"}}
	if !slices.Equal(s.Tree, want) || !slices.Equal(s.Edges, want) {
		t.Errorf("tree %v, edges %v; want %v", s.Tree, s.Edges, want)
	}
}
