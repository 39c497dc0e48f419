package syntax

import (
	"reflect"
	"testing"
)

// TestLowerWithoutIndex: tokens the parser lowered answer Lower and
// LowerLemma with no index built and no word lowered again; a token it
// did not lower has its words lowered, still with no index.
func TestLowerWithoutIndex(t *testing.T) {
	tests := []struct {
		name         string
		tok          Token
		lower, lemma string
		lowered      bool // whether the sentence's words were lowered
	}{
		{"lowered by the parser", Token{Text: "Votes", Lemma: "vote", Lower: "votes", LowerLemma: "vote"}, "votes", "vote", false},
		{"text lowered, lemma not", Token{Text: "Votes", Lemma: "Vote", Lower: "votes"}, "votes", "vote", true},
		{"neither lowered", Token{Text: "Votes", Lemma: "Vote", End: 5}, "votes", "vote", true},
		{"no text", Token{}, "", "", true},
	}
	for _, tt := range tests {
		s := &Sentence{Text: "Votes", Tokens: []Token{tt.tok},
			Tree: []Edge{{Head: -1, Dep: 0, Rel: "root"}}, Edges: []Edge{{Head: -1, Dep: 0, Rel: "root"}}}
		if got, lemma := s.Lower(0), s.LowerLemma(0); got != tt.lower || lemma != tt.lemma {
			t.Errorf("%s: Lower %q, LowerLemma %q; want %q, %q", tt.name, got, lemma, tt.lower, tt.lemma)
		}
		if s.idx.room.ints != nil {
			t.Errorf("%s: the index was built for a word", tt.name)
		}
		if lowered := s.low.room != nil; lowered != tt.lowered {
			t.Errorf("%s: words lowered %v, want %v", tt.name, lowered, tt.lowered)
		}
	}
}

// TestHeadAfterEdgesAdded: a tree indexed in order answers Head from its
// own edges, and edges added after do not change what it answers: a
// second head of a token comes after its first, and a new token's edge
// is indexed anew.
func TestHeadAfterEdgesAdded(t *testing.T) {
	// "Oslo signed it", in order.
	tree := []Edge{{Head: 1, Dep: 0, Rel: "nsubj"}, {Head: -1, Dep: 1, Rel: "root"}, {Head: 1, Dep: 2, Rel: "obj"}}
	type head struct {
		h   int
		rel string
	}
	tests := []struct {
		name        string
		tree, edges []Edge // appended once Head has been asked
		want        []head // Head of tokens -1 to 3
	}{
		{"nothing added", nil, nil, []head{{-1, ""}, {1, "nsubj"}, {-1, "root"}, {1, "obj"}, {-1, ""}}},
		{"an enhanced edge", nil, []Edge{{Head: 2, Dep: 0, Rel: "nsubj"}},
			[]head{{-1, ""}, {1, "nsubj"}, {-1, "root"}, {1, "obj"}, {-1, ""}}},
		{"a second head for a token", []Edge{{Head: 2, Dep: 0, Rel: "nmod"}}, nil,
			[]head{{-1, ""}, {1, "nsubj"}, {-1, "root"}, {1, "obj"}, {-1, ""}}},
		{"a new token's edge", []Edge{{Head: 1, Dep: 3, Rel: "punct"}}, nil,
			[]head{{-1, ""}, {1, "nsubj"}, {-1, "root"}, {1, "obj"}, {1, "punct"}}},
	}
	for _, tt := range tests {
		s := &Sentence{Text: "Oslo signed it.", Tokens: make([]Token, 4),
			Tree: append([]Edge{}, tree...), Edges: append([]Edge{}, tree...)}
		if h, _ := s.Head(0); h != 1 || s.idx.ordered == nil {
			t.Fatalf("%s: Head(0) = %d, want 1 from a tree indexed in order", tt.name, h)
		}
		s.Tree, s.Edges = append(s.Tree, tt.tree...), append(s.Edges, tt.edges...)
		for k, want := range tt.want {
			if h, rel := s.Head(k - 1); h != want.h || rel != want.rel {
				t.Errorf("%s: Head(%d) = %d %q, want %d %q", tt.name, k-1, h, rel, want.h, want.rel)
			}
		}
	}
}

// TestReuseEmptiesInPlace: a sentence emptied for another has no index
// and no lowered words left, whatever it was asked before, and keeps as
// spare the room of each that it made, and of each it did not make the
// room it had.
func TestReuseEmptiesInPlace(t *testing.T) {
	tests := []struct {
		name             string
		ask              func(s *Sentence)
		indexed, lowered bool
	}{
		{"never asked", func(*Sentence) {}, false, false},
		{"indexed", func(s *Sentence) { s.Children(1) }, true, false},
		{"words lowered", func(s *Sentence) { s.Lower(0) }, false, true},
		{"both", func(s *Sentence) { s.Children(1); s.LowerLemma(1) }, true, true},
	}
	for _, tt := range tests {
		s := &Sentence{Text: "Bern agreed", Tokens: []Token{{Text: "Bern", End: 4}, {Text: "agreed", Start: 5, End: 11}},
			Tree: []Edge{{Head: 1, Dep: 0, Rel: "nsubj"}, {Head: -1, Dep: 1, Rel: "root"}}}
		s.Edges = s.Tree
		s.spare = room{words: make([]string, 8), ints: make([]int, 32), bits: make([]uint64, 16), edges: make([]Edge, 4)}
		tt.ask(s)
		taken, words := s.idx.room, s.low.room
		s.Reuse("Oslo")
		if s.Text != "Oslo" || len(s.Tokens)+len(s.Edges)+len(s.Tree) != 0 || !reflect.DeepEqual(s.idx, index{}) || !reflect.DeepEqual(s.low, lowered{}) {
			t.Errorf("%s: not emptied: %q, %d tokens, %d edges, %d tree edges", tt.name, s.Text, len(s.Tokens), len(s.Edges), len(s.Tree))
		}
		if tt.indexed && &s.spare.ints[0] != &taken.ints[0] || !tt.indexed && len(s.spare.ints) != 32 {
			t.Errorf("%s: the index's room is not spare", tt.name)
		}
		if tt.lowered && &s.spare.words[0] != &words[0] || !tt.lowered && len(s.spare.words) != 8 {
			t.Errorf("%s: the lowered words' room is not spare", tt.name)
		}
	}
}
