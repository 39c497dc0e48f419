package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/model"
)

// An outsized document's working lists are dropped when it is done; an
// article's are kept for the next document.
func TestOutsizedDocumentListsNotKept(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(g, nil, model.Topic{ID: "dam", Terms: []string{"dam accord"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	line := "Peru and Chile met on Monday to talk about fishing rights.\n"
	// kept reports whether the lists of a document of text come back
	// from the pool; tried again, since with -race the pool drops some
	// at random.
	kept := func(text string) bool {
		doc, err := Parse("d.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for range 20 {
			if _, err := x.Extract(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if cap(x.lists().quoted) > len(text) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"article", strings.Repeat(line, 50), true},
		{"outsized", strings.Repeat(line, keptText/len(line)+1), false},
	}
	for _, tt := range tests {
		if got := kept(tt.text); got != tt.want {
			t.Errorf("%s (%d bytes): lists kept %v, want %v", tt.name, len(tt.text), got, tt.want)
		}
	}
}
