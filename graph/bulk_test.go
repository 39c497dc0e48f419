package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/model"
)

// TestBulkRefusesWhatTheImporterWouldMisread: a value the importer
// would split or reject fails its document, naming it, and leaves none of
// that batch in the files; a good document's text, quotes and line breaks
// included, is written as one quoted value.
func TestBulkRefusesWhatTheImporterWouldMisread(t *testing.T) {
	good := graph.DocumentInput{ID: "doc:good", Name: "good.txt", Text: "The minister said \"no\".\nThen she left.",
		Topics: []model.Topic{{ID: "t", Name: "T", Terms: []string{"the accord"}}},
		Actors: []model.Actor{{ID: "state:x", Name: "Xland", Kind: model.State, Mentions: 2}}}
	for _, tc := range []struct {
		name string
		bad  func(*graph.DocumentInput)
		want string
	}{
		{"an alias holding the list delimiter", func(d *graph.DocumentInput) {
			d.Actors = []model.Actor{{ID: "person:y", Name: "Yan Yu", Kind: model.Person, Aliases: []string{"Y\x1fY"}}}
		}, "alias"},
		{"an empty alias", func(d *graph.DocumentInput) {
			d.Actors = []model.Actor{{ID: "person:y", Name: "Yan Yu", Kind: model.Person, Aliases: []string{""}}}
		}, "alias"},
		{"a publication date that is not one", func(d *graph.DocumentInput) { d.Published = "12/01/2026" }, "published date"},
		{"a topic term holding the list delimiter", func(d *graph.DocumentInput) {
			d.Topics = []model.Topic{{ID: "t2", Terms: []string{"a\x1fb"}}}
		}, "topic t2"},
		{"a topic date that is not one", func(d *graph.DocumentInput) {
			d.Topics = []model.Topic{{ID: "t3", Terms: []string{"x"}, Start: "soon"}}
		}, "topic t3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			b, err := graph.NewBulk(dir)
			if err != nil {
				t.Fatal(err)
			}
			bad := graph.DocumentInput{ID: "doc:bad", Name: "bad.txt", Text: "text"}
			tc.bad(&bad)
			err = b.WriteDocuments(context.Background(), []graph.DocumentInput{good, bad}, 0)
			if err == nil || !strings.Contains(err.Error(), tc.want) || model.ErrorCode(err) != model.Invalid {
				t.Fatalf("want an invalid-input error naming %q, got %v", tc.want, err)
			}
			if err := b.WriteDocuments(context.Background(), []graph.DocumentInput{good}, 0); err != nil {
				t.Fatal(err)
			}
			files, err := b.Close()
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(files.Nodes, func(p string) bool { return filepath.Base(p) == "documents.csv" })
			if i < 0 {
				t.Fatalf("no documents file in %v", files.Nodes)
			}
			docs, err := os.ReadFile(files.Nodes[i])
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(docs), `"doc:`); n != 1 || !strings.Contains(string(docs), `"The minister said ""no"".`+"\n"+`Then she left."`) {
				t.Errorf("want the good document alone, its text quoted whole; documents file:\n%s", docs)
			}
		})
	}
}
