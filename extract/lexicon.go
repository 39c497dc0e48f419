package extract

import (
	"bytes"
	"embed"
	"fmt"
	"strings"

	"github.com/jonreiter/govader"
	"go.yaml.in/yaml/v3"

	"github.com/stancegraph/stancegraph/extract/shallow"
	"github.com/stancegraph/stancegraph/extract/wordset"
	"github.com/stancegraph/stancegraph/model"
	"github.com/stancegraph/stancegraph/syntax"
)

//go:embed lexicon/*.yaml
var lexiconFS embed.FS

// Cue is a stance phrase: a word or words in lemma form with the stance
// they report. The built-in cues are in lexicon/cues.yaml; users add their
// own in config.yaml (extract.cues).
type Cue struct {
	Phrase string       `yaml:"cue"`
	POS    string       `yaml:"pos"`
	Stance model.Stance `yaml:"stance"`
	// Act marks acts that make the actor a party to the event ("signed",
	// "sealed"): they count only when their object names the event.
	Act bool `yaml:"act"`
	// Weak marks words that only suggest a position.
	Weak bool `yaml:"weak"`
	// Demanded marks nouns that show a position only as what someone asks
	// for: "sought an assurance", "demanded changes".
	Demanded bool `yaml:"demanded"`
	// Target marks cues that count only with the event as their object:
	// "resigned over the deal", not "resigned".
	Target bool `yaml:"target"`
	// Reaction marks verbs of reacting whose stance is their manner:
	// "responded cautiously", "reacted angrily".
	Reaction bool `yaml:"reaction"`
	// Object lists the nouns a verb's object must be: "recalled its
	// ambassador".
	Object []string `yaml:"object"`
}

// Lexicon holds the stance cues, indexed by their first lemma, and the
// valence of evaluative words.
type Lexicon struct {
	// Each map is looked up with nearly every word of a text, and holds
	// few of them (see wordset).
	byHead *wordset.Map[[]lexCue]
	// forms holds every inflected form of every cue's first word and of
	// the verbs of speech and naming: a sentence with none of them and no
	// quotation mark states no position, so it is never parsed.
	forms   *wordset.Map[bool]
	valence *wordset.Map[float64]
	// phrases are the valence entries of more than one word, and
	// phraseStarts their first words: phraseValence reads a phrase only
	// where one may begin.
	phrases      []valencePhrase
	phraseStarts wordset.Filter
}

type lexCue struct {
	Cue
	words []string // lemmas, lower case
}

type valencePhrase struct {
	words []string
	v     float64
}

// LoadLexicon reads the built-in cues and evaluative words and adds the
// user's cues. Errors name the cue.
func LoadLexicon(extra []Cue) (*Lexicon, error) {
	var cues []Cue
	if err := decodeStrict("lexicon/cues.yaml", &cues); err != nil {
		return nil, err
	}
	for i, c := range cues {
		if err := c.check(); err != nil {
			return nil, fmt.Errorf("extract: lexicon/cues.yaml entry %d: %w", i+1, err)
		}
	}
	for i, c := range extra {
		if err := c.check(); err != nil {
			return nil, fmt.Errorf("extract.cues[%d]: %w", i, err)
		}
	}
	lx := &Lexicon{}
	byHead, forms, valence := map[string][]lexCue{}, map[string]bool{}, map[string]float64{}
	addForms := func(lemma string) {
		for _, f := range shallow.Forms(lemma) {
			forms[f] = true
		}
	}
	for _, c := range append(cues, extra...) {
		words := strings.Fields(strings.ToLower(c.Phrase))
		byHead[words[0]] = append(byHead[words[0]], lexCue{Cue: c, words: words})
		addForms(words[0])
	}
	for w := range speechLemmas.Keys() {
		addForms(w)
	}
	for w := range namingVerbs.Keys() {
		addForms(w)
	}
	// VADER's general lexicon first, then the news register's own words.
	for w, v := range govader.NewSentimentIntensityAnalyzer().Lexicon {
		if !strings.ContainsAny(w, " ") && isWord(w) {
			valence[w] = v
		}
	}
	var eval map[string]float64
	if err := decodeStrict("lexicon/evaluative.yaml", &eval); err != nil {
		return nil, err
	}
	for w, v := range eval {
		words := strings.Fields(w)
		if len(words) > 1 {
			lx.phrases = append(lx.phrases, valencePhrase{words: words, v: v})
			lx.phraseStarts.Add(words[0])
			continue
		}
		valence[w] = v
	}
	lx.byHead, lx.forms, lx.valence = wordset.Of(byHead), wordset.Of(forms), wordset.Of(valence)
	return lx, nil
}

func decodeStrict(name string, into any) error {
	b, err := lexiconFS.ReadFile(name)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("extract: %s: %w", name, err)
	}
	return nil
}

func (c Cue) check() error {
	if strings.TrimSpace(c.Phrase) == "" {
		return fmt.Errorf("cue: must not be empty")
	}
	if _, err := model.ParseStance(string(c.Stance)); err != nil {
		return fmt.Errorf("cue %q: %s", c.Phrase, model.ErrorMessage(err))
	}
	switch c.POS {
	case "", "verb", "noun", "adj":
	default:
		return fmt.Errorf("cue %q: pos %q is not verb, noun or adj", c.Phrase, c.POS)
	}
	return nil
}

func isWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-' || r == '\'') {
			return false
		}
	}
	return w != ""
}

// mayCarry reports whether a sentence of the normalized text, lower-cased,
// holds a quotation mark or a word that can state a position, a cue or a
// pro- or anti- prefix: only such sentences are parsed. Normalized, every
// quotation mark is the straight one (see normalize), so one byte search
// finds it.
func (lx *Lexicon) mayCarry(lower string) bool {
	if strings.IndexByte(lower, '"') >= 0 {
		return true
	}
	for w := range lowerWords(lower) {
		if lx.forms.Has(w) || strings.HasPrefix(w, "anti-") || strings.HasPrefix(w, "pro-") {
			return true // a cue, or a camp ("anti-deal")
		}
	}
	return false
}

// cuesAt returns the cues whose first word is token t, by lemma or, for
// participles used as adjectives ("incensed", "divided"), by the word.
func (lx *Lexicon) cuesAt(p *syntax.Sentence, t int) []lexCue {
	lemma, word := p.LowerLemma(t), p.Lower(t)
	out, _ := lx.byHead.Get(lemma)
	if word == lemma {
		return out
	}
	// Copied only when the word adds cues to the lemma's: the lists are
	// the lexicon's own.
	more, _ := lx.byHead.Get(word)
	switch {
	case len(more) == 0:
		return out
	case len(out) == 0:
		return more
	}
	return append(append([]lexCue(nil), out...), more...)
}

// Valence is the valence of one word (lower case), 0 if it has none.
func (lx *Lexicon) Valence(word string) float64 {
	v, _ := lx.valence.Get(word)
	return v
}
