package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/syntax"
)

// TestSubjectRel: subjectRel answers as subjectRels.Holds, for the
// subjects, their subtypes and the relations that look like them.
func TestSubjectRel(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		want bool
	}{
		{"nsubj", true}, {"csubj", true}, {"nsubj:pass", true}, {"csubj:pass", true}, {"nsubj:xsubj", true},
		{"nsubjx", false}, {"xsubj", false}, {"nsub", false}, {"obj", false}, {"", false}, {":subj", false},
		{"nmod:subj", false}, {"csubjpass", false},
	} {
		if got := subjectRel(tc.rel); got != tc.want || got != subjectRels.Holds(tc.rel) {
			t.Errorf("subjectRel(%q) = %v, want %v (Holds: %v)", tc.rel, got, tc.want, subjectRels.Holds(tc.rel))
		}
	}
}

// TestObjectRel: objectRel answers as syntax.Base(rel) == "obj", for
// objects, their subtypes and the relations that begin as theirs do.
func TestObjectRel(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		want bool
	}{
		{"obj", true}, {"obj:agent", true}, {"obj:", true}, {"iobj", false}, {"obl", false},
		{"obl:to", false}, {"objx", false}, {"ob", false}, {"", false}, {"Obj", false}, {"nmod:obj", false},
	} {
		if got := objectRel(tc.rel); got != tc.want || got != (syntax.Base(tc.rel) == "obj") {
			t.Errorf("objectRel(%q) = %v, want %v (Base: %q)", tc.rel, got, tc.want, syntax.Base(tc.rel))
		}
	}
}

// TestMayJudgeMarksEveryJudgingWord: evaluations reads only the words
// mayJudge marks, so it must mark every word judgedSubjects can answer
// for: those with a subject and those whose head takes them as an xcomp;
// and the subjects its marks give are ChildrenIn's. Hand-built trees (out
// of order, a word with two heads, edges out of range, two subjects, a
// subject out of range, relations near a subject's) and the shallow
// parses of every dev line.
func TestMayJudgeMarksEveryJudgingWord(t *testing.T) {
	built := []syntax.Sentence{
		// "Oslo backed it": in order.
		{Tokens: make([]syntax.Token, 3), Tree: []syntax.Edge{{Head: 1, Dep: 0, Rel: "nsubj"}, {Head: -1, Dep: 1, Rel: "root"}, {Head: 1, Dep: 2, Rel: "obj"}}},
		// "expects it to help": out of order, a passive subject, an xcomp.
		{Tokens: make([]syntax.Token, 4), Tree: []syntax.Edge{{Head: -1, Dep: 0, Rel: "root"}, {Head: 0, Dep: 3, Rel: "xcomp"},
			{Head: 3, Dep: 1, Rel: "nsubj:pass"}, {Head: 3, Dep: 2, Rel: "mark"}}},
		// "Welcomed, said Oslo": the first word has the subject.
		{Tokens: make([]syntax.Token, 2), Tree: []syntax.Edge{{Head: -1, Dep: 0, Rel: "root"}, {Head: 0, Dep: 1, Rel: "nsubj"}}},
		// A word with two heads, the xcomp second; edges out of range.
		{Tokens: make([]syntax.Token, 3), Tree: []syntax.Edge{{Head: -1, Dep: 0, Rel: "root"}, {Head: 0, Dep: 2, Rel: "obj"},
			{Head: 0, Dep: 2, Rel: "xcomp"}, {Head: 7, Dep: 1, Rel: "csubj"}, {Head: 0, Dep: 9, Rel: "xcomp"}}},
		// "Oslo and Lima said to back it": two subjects of an xcomp, the
		// xcomp's edge after them.
		{Tokens: make([]syntax.Token, 7), Tree: []syntax.Edge{{Head: 3, Dep: 0, Rel: "nsubj"}, {Head: 2, Dep: 1, Rel: "cc"},
			{Head: 3, Dep: 2, Rel: "nsubj:xsubj"}, {Head: -1, Dep: 3, Rel: "root"}, {Head: 5, Dep: 4, Rel: "mark"},
			{Head: 3, Dep: 5, Rel: "xcomp"}, {Head: 5, Dep: 6, Rel: "obj"}}},
		// "to fail hurts": an xcomp's edge before its one subject, and a
		// subject before the sentence.
		{Tokens: make([]syntax.Token, 3), Tree: []syntax.Edge{{Head: 2, Dep: 1, Rel: "xcomp"}, {Head: 1, Dep: 0, Rel: "csubj:pass"},
			{Head: -1, Dep: 2, Rel: "root"}, {Head: 2, Dep: -1, Rel: "nsubj"}}},
		// Relations that only begin as a subject's do.
		{Tokens: make([]syntax.Token, 3), Tree: []syntax.Edge{{Head: 1, Dep: 0, Rel: "nsubjx"}, {Head: -1, Dep: 1, Rel: "root"},
			{Head: 1, Dep: 2, Rel: "Nsubj"}}},
	}
	parsed, err := shallow.New().Parse(context.Background(), devLines(t))
	if err != nil {
		t.Fatal(err)
	}
	d := &docState{}
	marked, words := 0, 0
	for k, p := range append(built, parsed...) {
		marks := d.mayJudge(&p)
		for pr := range p.Tokens {
			h, rel := p.Head(pr)
			subjects := p.ChildrenIn(pr, subjectRels)
			if want := len(subjects) > 0 || h >= 0 && rel == "xcomp"; want && marks[pr] == notJudging {
				t.Errorf("sentence %d %q, word %d: judged by judgedSubjects, not marked", k, p.Text, pr)
			}
			if got := markedSubjects(&p, pr, marks); !slices.Equal(got, subjects) {
				t.Errorf("sentence %d %q, word %d: marked subjects %v, want %v", k, p.Text, pr, got, subjects)
			}
			if marks[pr] != notJudging {
				marked++
			}
			words++
		}
	}
	if marked*2 > words {
		t.Errorf("%d of %d words marked: most words judge nothing, and marking them saves nothing", marked, words)
	}
}
