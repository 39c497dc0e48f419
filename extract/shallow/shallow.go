// Package shallow gives sentences an approximate structure in pure Go.
package shallow

import (
	"context"

	"github.com/stancegraph/stancegraph/syntax"
)

// Parser is the shallow parser. It holds nothing and needs no closing.
type Parser struct{}

// Parse gives each sentence its structure.
func (Parser) Parse(_ context.Context, texts []string) ([]syntax.Sentence, error) {
	out := make([]syntax.Sentence, len(texts))
	for i, t := range texts {
		out[i] = syntax.Sentence{Text: t}
	}
	return out, nil
}

// Close does nothing.
func (Parser) Close() error { return nil }
