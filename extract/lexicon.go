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
	forms *wordset.Map[bool]
	// formHashes holds the hashLower of every form, "anti" and "pro":
	// mayCarry asks it of the words the document's tokenizer hashed.
	formHashes hashBits
	valence    *wordset.Map[float64]
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
	for w := range forms {
		lx.formHashes.addWord(w)
	}
	lx.formHashes.addWord("anti") // a camp's prefix, before its hyphen
	lx.formHashes.addWord("pro")
	lx.byHead, lx.forms, lx.valence = wordset.Indexed(byHead), wordset.Of(forms), wordset.Of(valence)
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
// finds it. words are the document's tokens from the first that starts
// in the sentence on, the sentence beginning at from in the document:
// nearly every sentence holds a form within its first few words, which
// their hashes find with no second reading of the bytes; a sentence they
// do not settle is read word by word.
func (lx *Lexicon) mayCarry(lower string, words []token, from int) bool {
	return strings.IndexByte(lower, '"') >= 0 || lx.formAmong(lower, words, from) || lx.formIn(lower)
}

// formAmong reports whether one of the tokens in lower (which begins at
// from; words may run on past it) is one of lowerWords' words of lower
// that is a form, or the part before the hyphen of one that begins with
// "anti-" or "pro-". False says only that no token is such a word: one
// glued to digits or other letters, or after a hyphen, is none.
func (lx *Lexicon) formAmong(lower string, words []token, from int) bool {
	for _, w := range words {
		s, e := w.start-from, w.end-from
		if e > len(lower) {
			return false
		}
		if !w.ascii || !lx.formHashes.has(w.h) || s > 0 && wordByte(lower[s-1]) || !smallLetters(lower[s:e]) {
			continue
		}
		switch next := e < len(lower) && wordByte(lower[e]); {
		case !next && lx.forms.Has(lower[s:e]):
			return true
		case next && lower[e] == '-' && (lower[s:e] == "anti" || lower[s:e] == "pro"):
			return true // a camp ("anti-deal")
		}
	}
	return false
}

// formIn reports whether one of lowerWords' words of lower is a form or
// begins with "anti-" or "pro-".
func (lx *Lexicon) formIn(lower string) bool {
	for w := range lowerWords(lower) {
		if lx.forms.Has(w) || strings.HasPrefix(w, "anti-") || strings.HasPrefix(w, "pro-") {
			return true // a cue, or a camp ("anti-deal")
		}
	}
	return false
}

// smallLetters reports whether w is all of a-z.
func smallLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// hashBits is a bit for each value of hashLower's low 16 bits: false from
// has means no word added hashes to h.
type hashBits [1024]uint64

// addWord adds w's hashLower; a word outside ASCII has none, and no
// token that has one spells it.
func (b *hashBits) addWord(w string) {
	if h, ok := hashLower(w); ok {
		b[h>>6&1023] |= 1 << (h & 63)
	}
}

func (b *hashBits) has(h uint32) bool { return b[h>>6&1023]&(1<<(h&63)) != 0 }

// cuesAt returns the cues whose first word is token t, by lemma or, for
// participles used as adjectives ("incensed", "divided"), by the word.
func (lx *Lexicon) cuesAt(p *syntax.Sentence, t int) []lexCue {
	lemma, word := p.LowerLemma(t), p.Lower(t)
	out, _ := lx.byHead.Lookup(lemma)
	if word == lemma {
		return out
	}
	// Copied only when the word adds cues to the lemma's: the lists are
	// the lexicon's own.
	more, _ := lx.byHead.Lookup(word)
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
