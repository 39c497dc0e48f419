package shallow

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/syntax"
)

// Closed word classes, by Penn Treebank tag.
var closed = map[string]string{
	"the": "DT", "a": "DT", "an": "DT", "this": "DT", "these": "DT", "those": "DT", "any": "DT",
	"some": "DT", "no": "DT", "every": "DT", "each": "DT", "all": "DT", "both": "DT", "another": "DT",
	"its": "PRP$", "their": "PRP$", "his": "PRP$", "her": "PRP$", "our": "PRP$", "my": "PRP$", "your": "PRP$",
	"he": "PRP", "she": "PRP", "it": "PRP", "they": "PRP", "we": "PRP", "i": "PRP", "you": "PRP",
	"him": "PRP", "them": "PRP", "us": "PRP", "me": "PRP", "itself": "PRP", "themselves": "PRP",
	"and": "CC", "or": "CC", "but": "CC", "nor": "CC",
	"of": "IN", "in": "IN", "on": "IN", "at": "IN", "by": "IN", "for": "IN", "with": "IN", "from": "IN",
	"about": "IN", "over": "IN", "against": "IN", "into": "IN", "between": "IN", "among": "IN",
	"through": "IN", "during": "IN", "without": "IN", "under": "IN", "after": "IN", "before": "IN",
	"since": "IN", "despite": "IN", "toward": "IN", "towards": "IN", "behind": "IN", "amid": "IN",
	"alongside": "IN", "across": "IN", "regarding": "IN", "upon": "IN", "within": "IN", "than": "IN",
	"that": "IN", "whether": "IN", "if": "IN", "because": "IN", "while": "IN", "although": "IN",
	"though": "IN", "as": "IN", "unless": "IN", "whereas": "IN", "once": "IN", "like": "IN",
	"to": "TO", "not": "RB", "n't": "RB", "never": "RB", "also": "RB", "still": "RB", "already": "RB",
	"even": "RB", "only": "RB", "just": "RB", "yet": "RB", "now": "RB", "then": "RB", "however": "RB",
	"too": "RB", "likewise": "RB", "again": "RB", "further": "RB", "meanwhile": "RB", "instead": "RB",
	"will": "MD", "would": "MD", "can": "MD", "could": "MD", "may": "MD", "might": "MD", "shall": "MD",
	"should": "MD", "must": "MD", "ought": "MD",
	"who": "WP", "which": "WDT", "whom": "WP", "whose": "WP$", "what": "WP", "when": "WRB", "where": "WRB",
	"'s": "POS", "’s": "POS",
}

// particles complete phrasal verbs.
var particles = map[string]bool{"out": true, "up": true, "down": true, "off": true, "away": true,
	"back": true, "aside": true}

// trailingAdverbs are adverbs without "-ly" that news puts after a verb's
// object ("rejected the plan outright", "dropped the idea altogether");
// before a noun some are adjectives ("an outright ban").
var trailingAdverbs = map[string]bool{"outright": true, "altogether": true, "wholesale": true,
	"anyway": true, "together": true, "afterwards": true, "later": true, "soon": true}

// auxiliaries are the forms of be, have and do.
var auxiliaries = map[string]string{"is": "be", "are": "be", "was": "be", "were": "be", "be": "be",
	"been": "be", "being": "be", "am": "be", "has": "have", "have": "have", "had": "have", "having": "have",
	"does": "do", "do": "do", "did": "do"}

// class is what the word lists say of one lower-cased word. A sentence's
// words are each looked up once, in classes, rather than once per list.
type class struct {
	closed   string    // the tag of a closed-class word
	aux      string    // the lemma of a form of be, have or do
	verb     [2]string // the lemma and tag of a known verb form
	particle bool
	trailing bool // one of trailingAdverbs
	brk      bool // one of clauseBreaks
	// closedBits and verbBits are the bits of the closed tag and of the
	// verb form's tag, for tag to give with them.
	closedBits, verbBits tagBits
	// nmod and obl are a preposition's relations with it as their case
	// marker ("nmod:of", "obl:of"), made once, not for every phrase.
	nmod, obl string
}

// classes holds every word of the lists, built once and only read; most
// words of a sentence are in none.
var classes = newLexicon(func() map[string]*class {
	m := map[string]*class{}
	get := func(w string) *class {
		if m[w] == nil {
			m[w] = &class{}
		}
		return m[w]
	}
	for w, t := range closed {
		get(w).closed, get(w).closedBits = t, bitsOf(t)
		if t == "IN" {
			get(w).nmod, get(w).obl = "nmod:"+w, "obl:"+w
		}
	}
	for w, l := range auxiliaries {
		get(w).aux = l
	}
	for w, f := range forms {
		get(w).verb, get(w).verbBits = f, bitsOf(f[1])
	}
	for w := range particles {
		get(w).particle = true
	}
	for w := range trailingAdverbs {
		get(w).trailing = true
	}
	for w := range clauseBreaks {
		get(w).brk = true
	}
	return m
}())

// none is the class of a word no list holds; it is only read.
var none class

// lexicon is a map from words to their classes, a table with room for
// four times its words, each at the place a hash of its first, middle
// and last byte and its length gives or the first free one after. The
// parser looks up every word, and a map's hash of the whole word was
// most of what that cost. The table's size is a constant, so that a
// place needs no check against it.
type lexicon struct {
	at [1 << lexBits]lexEntry
}

// lexBits is the table's size in bits: room for 2,048 words, where the
// lists hold some 1,300.
const lexBits = 13

// maxLexWord is the longest word a lexicon holds, in bytes: two
// overlapping eight-byte numbers are all its bytes (see lexEntry).
const maxLexWord = 16

// lexEntry is a word's key and ends and its class. A free place has key
// 0, which no word of the lexicon has (their lengths, under 256, are in
// their keys), and the class none: a search that ends there returns its
// class with no test of its own.
type lexEntry struct {
	key uint32 // lexKey(word)
	// head and tail are the word's first and last four bytes, eight for
	// a word of eight bytes or more, which with its length (in key) are
	// all of it: get compares them where it compared the words, a call
	// for each word of four bytes or more it found. Zero for a word of
	// three bytes or fewer, which its key is all of.
	head, tail uint64
	c          *class
}

func newLexicon(m map[string]*class) *lexicon {
	if 4*len(m) > 1<<lexBits {
		panic("shallow: the lexicon has more words than lexBits makes room for")
	}
	x := &lexicon{}
	for i := range x.at {
		x.at[i].c = &none
	}
	for w, c := range m {
		if w == "" {
			continue // the empty word's key, 0, marks a free place: it is none's
		}
		if len(w) > maxLexWord {
			panic("shallow: a lexicon word is longer than maxLexWord: " + w)
		}
		i := x.place(w)
		for x.at[i].key != 0 {
			i = (i + 1) % uint32(len(x.at))
		}
		head, tail := wordEnds(w)
		x.at[i] = lexEntry{lexKey(w), head, tail, c}
	}
	return x
}

// lexKey is w's first, middle and last byte and its length, which a
// word of three bytes or fewer is all of: a key compared is a whole
// word compared, for the short words news is most made of. The empty
// word's is 0, a free place's.
func lexKey(w string) uint32 {
	n := uint(len(w))
	if n == 0 {
		return 0
	}
	return uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16 | uint32(n)<<24
}

// place is where w's search starts.
func (x *lexicon) place(w string) uint32 { return lexKey(w) * 0x9e3779b1 >> (32 - lexBits) }

// get is w's class, &none for a word it does not hold. The words are
// told apart by their keys, and only a longer word with the same key
// (and so its length, if under 256) by its ends, read here as wordEnds
// reads them: a call, for every word that was found, cost more than
// the reading.
func (x *lexicon) get(w string) *class {
	k := lexKey(w)
	for i := k * 0x9e3779b1 >> (32 - lexBits); ; i++ {
		e := &x.at[i%uint32(len(x.at))]
		if e.key == 0 {
			return e.c
		}
		if e.key != k {
			continue
		}
		switch n := len(w); {
		case n <= 3:
			return e.c
		case n < 8:
			if e.head == le32(w) && e.tail == le32(w[n-4:]) {
				return e.c
			}
		case n <= maxLexWord: // a longer word is none of the lexicon's
			if e.head == le64(w) && e.tail == le64(w[n-8:]) {
				return e.c
			}
		}
	}
}

// wordEnds is w's first and last four bytes, or eight if it has eight
// or more, each read as one number; zero for a word of three bytes or
// fewer.
func wordEnds(w string) (head, tail uint64) {
	switch n := len(w); {
	case n >= 8:
		return le64(w), le64(w[n-8:])
	case n >= 4:
		return le32(w), le32(w[n-4:])
	}
	return 0, 0
}

// le32 and le64 are s's first four and eight bytes as one number, which
// the compiler reads with one load.
func le32(s string) uint64 {
	_ = s[3]
	return uint64(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// tag gives each token its part of speech and lemma, the lemma lowered
// too (see syntax.Token), and returns each
// token's class and its part of speech's bits but tAux and tMain (see
// linker.tagBits), in the room of cls and bits. One loop for the
// sentence, where a call per token spilled its arguments, and each
// tag's bits set with it, where they were read again from the tag.
func tag(s *syntax.Sentence, cls []*class, bits []tagBits) ([]*class, []tagBits) {
	toks := s.Tokens // local: the loop then reads it, and writes cls, unchecked
	n := len(toks)
	cls = slices.Grow(cls[:0], n)[:n]
	bits = slices.Grow(bits[:0], n)[:n]
	// lead is the sentence's first token but opening quotation marks
	// and brackets: a capitalised word at or before it opens the
	// sentence, which a loop from the start asked for each one.
	lead := 0
	for lead < n && opener(toks[lead].Text) {
		lead++
	}
	for i := range toks {
		t := &toks[i]
		w := t.Text
		lw := t.Lower
		c := classes.get(lw)
		cls[i] = c
		// What the word's first character is, from a table when it is
		// ASCII: the calls to unicode's tests cost more than the table.
		var kind byte
		if w != "" && w[0] < utf8.RuneSelf {
			kind = asciiKinds[w[0]]
		} else {
			kind = runeKind(w)
		}
		switch {
		case kind&(kLetter|kDigit) == 0:
			// The possessive starts with an apostrophe: it is asked
			// here, not of every word.
			if c.closed != "" && (lw == "'s" || lw == "’s") {
				t.POS, t.Lemma, t.LowerLemma, bits[i] = c.closed, "'s", "'s", c.closedBits
				continue
			}
			t.POS, t.Lemma, t.LowerLemma, bits[i] = punctTag(w), w, lw, 0
			continue
		case kind&kDigit != 0:
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "CD", w, lw, tNominal|tCD
			continue
		}
		if c.closed != "" {
			t.POS, t.Lemma, t.LowerLemma, bits[i] = c.closed, lw, lw, c.closedBits
			if lw == "n't" {
				t.Lemma, t.LowerLemma = "not", "not"
			}
			continue
		}
		if c.aux != "" {
			t.POS, bits[i] = auxTag(lw)
			t.Lemma, t.LowerLemma = c.aux, c.aux
			continue
		}
		if kind&kUpper != 0 && (i > lead || !isCommonWord(c, lw)) {
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "NNP", w, lw, tNoun|tProper|tNominal
			if strings.HasSuffix(w, "s") && utf8.RuneCountInString(w) > 3 && isDemonymPlural(w) {
				t.POS = "NNPS"
			}
			continue
		}
		if c.trailing && endsPhrase(s.Tokens, i) {
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "RB", lw, lw, tRB
			continue
		}
		if c.particle && i > 0 && bits[i-1]&tVerb != 0 {
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "RP", lw, lw, tRP // "lashed out", "tore up"
			continue
		}
		if lemma, form := c.verb[0], c.verb[1]; lemma != "" && !afterDeterminer(bits, i) {
			// A base form right after another verb is a noun: "voiced
			// support"; a past form after "be" is a participle.
			switch {
			case form == "VBP" && i > 0 && bits[i-1]&tVerb != 0 && cls[i-1].aux == "":
				t.POS, t.Lemma, t.LowerLemma, bits[i] = "NN", lw, lw, tNoun|tNominal
			case form == "VBD" && i > 0 && cls[i-1].aux != "":
				t.POS, t.Lemma, t.LowerLemma, bits[i] = "VBN", lemma, lemma, tVerb|tVBN
			default:
				t.POS, t.Lemma, t.LowerLemma, bits[i] = form, lemma, lemma, c.verbBits
			}
			continue
		}
		switch {
		case strings.HasSuffix(lw, "ed") && len(lw) > 4 && i > 0 && bits[i-1]&tNoun != 0 || strings.HasSuffix(lw, "ed") && i > 0 && bits[i-1]&tPRP != 0:
			// An unknown word in -ed after its likely subject is a verb.
			l := strings.TrimSuffix(lw, "d")
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "VBD", l, l, tVerb
		case strings.HasSuffix(lw, "ly") && len(lw) > 4:
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "RB", lw, lw, tRB
		case adjectiveEnding(lw):
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "JJ", lw, lw, tNominal
		case strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && len(lw) > 3:
			l := singular(lw)
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "NNS", l, l, tNoun|tNominal
		default:
			t.POS, t.Lemma, t.LowerLemma, bits[i] = "NN", lw, lw, tNoun|tNominal
		}
	}
	return cls, bits
}

// endsPhrase reports that no noun phrase goes on after word i: the
// sentence ends, or punctuation or a closed-class word (a conjunction,
// preposition or determiner) follows. The next word is not classed yet:
// it is looked up.
func endsPhrase(toks []syntax.Token, i int) bool {
	if i+1 >= len(toks) {
		return true
	}
	next := toks[i+1].Lower
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return true
	}
	switch classes.get(next).closed {
	case "CC", "IN", "TO", "DT":
		return true
	}
	return false
}

func punctTag(w string) string {
	switch w {
	case ",", ":", ";", ".", "!", "?":
		if w == ";" {
			return ":"
		}
		return w
	case "\"", "“", "”", "'", "‘", "’":
		return "''"
	}
	return "SYM"
}

// auxTag is the tag of a form of be, have or do, and its bits.
func auxTag(w string) (string, tagBits) {
	switch w {
	case "was", "were", "had", "did":
		return "VBD", tVerb
	case "been":
		return "VBN", tVerb | tVBN
	case "being", "having":
		return "VBG", tVerb | tVBG
	case "is", "has", "does":
		return "VBZ", tVerb
	}
	return "VBP", tVerb
}

// opener reports a token that may come before a sentence's first word:
// a quotation mark or an opening bracket.
func opener(tk string) bool {
	return tk == "\"" || tk == "“" || tk == "'" || tk == "‘" || tk == "("
}

// The kinds of a word's first character, as tag asks them.
const (
	kLetter byte = 1 << iota
	kDigit
	kUpper
)

// asciiKinds is each ASCII character's kinds, as runeKind gives them.
var asciiKinds = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = kLetter | kUpper
		case 'a' <= c && c <= 'z':
			t[c] = kLetter
		case '0' <= c && c <= '9':
			t[c] = kDigit
		}
	}
	return t
}()

// runeKind is the kinds of w's first character by unicode's tests.
func runeKind(w string) (k byte) {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsLetter(r) {
		k |= kLetter
	}
	if unicode.IsDigit(r) {
		k |= kDigit
	}
	if unicode.IsUpper(r) {
		k |= kUpper
	}
	return k
}

// isCommonWord: a capitalised first word that is an ordinary word.
func isCommonWord(c *class, lw string) bool {
	return c.closed != "" || c.aux != "" || c.verb[0] != "" || strings.HasSuffix(lw, "ly")
}

// isDemonymPlural guesses plural nationalities and parties: "Republicans",
// "Palestinians", "Democrats".
func isDemonymPlural(w string) bool {
	for _, suf := range []string{"ans", "ians", "ists", "ats", "ese", "ers", "ites", "is"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// afterDeterminer reports that the token before i is tagged DT, PRP$,
// JJ or POS, read from the bits tag gave it (see bitsOf): JJ and PRP$
// are the tags it gives whose bits are tNominal alone (bitsOf gives JJR
// and JJS the same, but tag gives neither). Its tag compared
// as a string was a call for each known verb form.
func afterDeterminer(bits []tagBits, i int) bool {
	return i > 0 && (bits[i-1] == tNominal || bits[i-1]&(tDT|tPOS) != 0)
}

func adjectiveEnding(w string) bool {
	// Each ending needs a word of five letters or more, and only the
	// endings with the word's last letter are tried: most words end in a
	// letter none of them ends in. The word's last four bytes are read
	// into one number and each ending compared with it under a mask: a
	// comparison of strings called the runtime, for every noun.
	n := len(w)
	if n < 5 {
		return false
	}
	last := uint32(w[n-4])<<24 | uint32(w[n-3])<<16 | uint32(w[n-2])<<8 | uint32(w[n-1])
	for _, e := range adjectiveEndings[w[n-1]] {
		if last&e.mask == e.bytes && n > e.n+2 {
			return true
		}
	}
	return last&0xffff == 'a'<<8|'l' && n > 5
}

// ending is an ending of up to four bytes, as adjectiveEnding compares
// it: its bytes, the last lowest, its mask and its length.
type ending struct {
	bytes, mask uint32
	n           int
}

// adjectiveEndings holds adjectiveEnding's endings (but "al") by their
// last letter.
var adjectiveEndings = func() (by [256][]ending) {
	for _, suf := range []string{"ous", "ive", "ful", "less", "able", "ible", "ic", "ical", "ary", "ent", "ant", "ish"} {
		var e ending
		for i := range len(suf) {
			e.bytes, e.mask = e.bytes<<8|uint32(suf[i]), e.mask<<8|0xff
		}
		e.n = len(suf)
		by[suf[len(suf)-1]] = append(by[suf[len(suf)-1]], e)
	}
	return by
}()

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	}
	return strings.TrimSuffix(w, "s")
}
