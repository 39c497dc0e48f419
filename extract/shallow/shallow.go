// Package shallow gives sentences an approximate structure in pure Go, for
// the fast mode that needs no Java: words tagged from closed word classes,
// inflection and capitals, noun-phrase chunks, and the dependencies the
// extractor reads most (subjects with their coordination, objects,
// prepositional complements, complement clauses of speech verbs,
// infinitives, negation and modals) guessed from word order. It is far
// less accurate than a real parser and tens of times faster.
package shallow

import (
	"context"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/syntax"
)

// Parser is the shallow parser. It needs no closing, and is safe for
// concurrent use. The zero Parser works; New's keeps the lists one call's
// tagging and linking grew for the next call.
type Parser struct {
	// lists holds *analyser: each call made its own, a tenth of the
	// bytes an extraction allocated.
	lists *sync.Pool
}

// New returns a Parser that keeps its working lists between calls.
func New() Parser { return Parser{lists: &sync.Pool{}} }

// Parse gives each sentence its approximate structure.
func (p Parser) Parse(ctx context.Context, texts []string) ([]syntax.Sentence, error) {
	return p.ParseReusing(ctx, texts, nil, nil)
}

// TagsNoEntities tells the extractor that no token's NER is set: it
// need not look for named entities in the parses.
func (Parser) TagsNoEntities() {}

// ParseReusing is Parse filling the sentences of old, the result of an
// earlier call that nothing reads any more, with their room kept (see
// syntax.Sentence.Reuse). lower, if set, holds each text with its ASCII
// capitals lowered and nothing else changed, which the parser would
// otherwise make: the extractor has its documents lower-cased already.
func (p Parser) ParseReusing(_ context.Context, texts, lower []string, old []syntax.Sentence) ([]syntax.Sentence, error) {
	out := old[:cap(old)]
	if len(out) < len(texts) {
		out = append(out, make([]syntax.Sentence, len(texts)-len(out))...)
	}
	out = out[:len(texts)]
	var a *analyser
	if p.lists != nil {
		a, _ = p.lists.Get().(*analyser)
	}
	if a == nil {
		a = &analyser{}
	}
	for i, t := range texts {
		out[i].Reuse(t)
		if i < len(lower) && len(lower[i]) == len(t) {
			a.analyse(&out[i], lower[i])
		} else {
			a.analyse(&out[i], a.lowerASCII(t))
		}
	}
	if p.lists != nil {
		a.link.s = nil // the sentence is the caller's
		p.lists.Put(a)
	}
	return out, nil
}

// Close does nothing.
func (Parser) Close() error { return nil }

// Analyse tags and links one sentence.
func Analyse(text string) syntax.Sentence {
	var a analyser
	s := syntax.Sentence{Text: text}
	a.analyse(&s, a.lowerASCII(text))
	return s
}

// analyser holds the lists one sentence's tagging and linking need, kept
// for the next sentence: an article's sentences each made their own, a
// tenth of the parse's allocations.
type analyser struct {
	cls  []*class // per token: its word's class
	buf  []byte   // the sentence being lower-cased
	link linker
}

// analyse fills s, which holds its text and no tokens, for the
// sentence; low is the text with its ASCII capitals lowered.
func (a *analyser) analyse(s *syntax.Sentence, low string) {
	// Each token lower-cased once, by the tokenizer, for the tagger and
	// the linker, which lower-cased it three times between them. An
	// ASCII word is its part of the sentence lower-cased at once: one
	// string for the sentence, where each capitalised word had one of
	// its own.
	var wide bool // a character outside ASCII
	s.Tokens, wide = tokenize(s.Tokens, s.Text, low)
	if wide {
		for i := range s.Tokens {
			if t := &s.Tokens[i]; !isASCII(t.Text) {
				t.Lower = strings.ToLower(t.Text)
			}
		}
	}
	a.cls, a.link.tags = tag(s, a.cls, a.link.tags)
	a.link.run(s, a.cls)
}

// tokenize appends text's tokens to toks, each with its Lower cut from
// low, text with its ASCII capitals lowered. It splits words, keeping
// hyphenated words, abbreviations with inner periods ("U.S.") and
// apostrophes inside words whole, and splitting off the possessive "'s"
// and "n't"; wide tells whether text holds a byte outside ASCII, which
// the tokens need lower-cased by strings.ToLower.
func tokenize(toks []syntax.Token, text, low string) (_ []syntax.Token, wide bool) {
	toks = slices.Grow(toks, len(text)/5) // about a token per five bytes of news
	// i and j below are compared with the length unsigned, which tells
	// the compiler they are in range: no bounds check at each byte.
	for i := 0; uint(i) < uint(len(text)); {
		n := 1
		switch byteClasses[text[i]] {
		case spaceByte:
			i++
			continue
		case wordByte:
		case wideByte:
			wide = true
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			if wordRune(r) {
				break
			}
			fallthrough
		default:
			toks = push(toks, text[i:i+n], i, i+n, low[i:i+n])
			i += n
			continue
		}
		j := i
		for uint(j) < uint(len(text)) && byteClasses[text[j]] == wordByte {
			j++
		}
		// Most words are letters and digits alone, ended by a space or a
		// mark of their own: with no apostrophe they have no ending to
		// split off, and they are written at once.
		if uint(j) >= uint(len(text)) || byteClasses[text[j]] < joinByte {
			toks = push(toks, text[i:j], i, j, low[i:j])
			i = j
			continue
		}
	word:
		for {
			// The run of letters and digits in one tight loop: most of a
			// word is one.
			for uint(j) < uint(len(text)) && byteClasses[text[j]] == wordByte {
				j++
			}
			if j == len(text) {
				break
			}
			c := text[j]
			switch byteClasses[c] {
			case joinByte: // inner hyphens, apostrophes and periods ("U.S.") stay
				if j+1 < len(text) && wordAt(text, j+1) {
					j++
					continue
				}
			case wideByte:
				wide = true
				r, n := utf8.DecodeRuneInString(text[j:])
				if wordRune(r) || r == '’' && j+n < len(text) && wordAt(text, j+n) {
					j += n
					continue
				}
			}
			if c == '.' && strings.Contains(text[i:j], ".") {
				j++ // the final period of "U.S."
			}
			break word
		}
		word := text[i:j]
		if k := possessive(word); k > 0 {
			toks = push(push(toks, word[:k], i, i+k, low[i:i+k]), word[k:], i+k, j, low[i+k:j])
		} else if len(word) > 3 && word[len(word)-2] == '\'' && strings.EqualFold(word[len(word)-3:], "n't") {
			k := len(word) - 3
			toks = push(push(toks, word[:k], i, i+k, low[i:i+k]), word[k:], i+k, j, low[i+k:j])
		} else {
			toks = push(toks, word, i, j, low[i:j])
		}
		i = j
	}
	return toks, wide
}

// push appends the token of text at start to end, lowered lower, with
// its fields written in place: an appended literal was built on the
// stack and then copied, for every token. Its part of speech and lemmas
// are left as the room held them, for tag writes them all.
func push(toks []syntax.Token, text string, start, end int, lower string) []syntax.Token {
	toks = slices.Grow(toks, 1)[:len(toks)+1]
	t := &toks[len(toks)-1]
	t.Text, t.NER, t.Start, t.End, t.Lower = text, "", start, end, lower
	return toks
}

// The tokenizer's classes of bytes: most characters are ASCII, and one
// look-up tells what each is to it.
const (
	otherByte byte = iota // a token of its own
	spaceByte
	wordByte // a letter or digit
	joinByte // '-', '\'' or '.': inside a word before a letter or digit
	wideByte // a byte of a character outside ASCII
)

var byteClasses = func() (t [256]byte) {
	for c := range t {
		switch b := byte(c); {
		case b >= utf8.RuneSelf:
			t[c] = wideByte
		case b == ' ' || '\t' <= b && b <= '\r':
			t[c] = spaceByte
		case asciiAlnum(b):
			t[c] = wordByte
		case b == '-' || b == '\'' || b == '.':
			t[c] = joinByte
		}
	}
	return t
}()

// wordAt reports a letter or digit at byte i of text.
func wordAt(text string, i int) bool {
	r, _ := decode(text, i)
	return wordRune(r)
}

// lowerASCII is s with its ASCII capitals lowered; a word with a byte
// outside ASCII is lowered by strings.ToLower.
func (a *analyser) lowerASCII(s string) string {
	a.buf = append(a.buf[:0], s...)
	for i, c := range a.buf {
		if 'A' <= c && c <= 'Z' {
			a.buf[i] = c + 'a' - 'A'
		}
	}
	return string(a.buf)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// decode is the character at byte i of text and its length, read
// without a call when it is ASCII.
func decode(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// wordRune reports a letter or digit, one that continues a word.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiAlnum is read from a table: the tokenizer asks it of nearly every
// byte of a sentence.
func asciiAlnum(c byte) bool { return alnumBytes[c] }

var alnumBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// possessive returns where "'s" starts in a word, or 0.
func possessive(w string) int {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return 0 // most words: one byte says so
	}
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}
