package shallow

import (
	"slices"
	"strings"

	"github.com/stancegraph/stancegraph/extract/wordset"
	"github.com/stancegraph/stancegraph/syntax"
)

// speech verbs take a complement clause.
var speech = wordset.Of(map[string]bool{"say": true, "tell": true, "add": true, "state": true, "warn": true,
	"argue": true, "claim": true, "insist": true, "note": true, "stress": true, "write": true, "tweet": true,
	"announce": true, "declare": true, "believe": true, "fear": true, "expect": true, "suggest": true,
	"caution": true, "confirm": true, "indicate": true, "signal": true, "predict": true, "explain": true})

// clauseBreaks end the search for a verb's subject or object.
var clauseBreaks = map[string]bool{"that": true, "whether": true, "if": true, "because": true, "while": true,
	"although": true, "though": true, "as": true, "unless": true, "whereas": true, "once": true,
	"when": true, "where": true, "who": true, "which": true, "whom": true, ";": true, ":": true, "but": true}

// linker holds one sentence's guessed tree and enhanced edges.
type linker struct {
	s    *syntax.Sentence
	head []int // per token: its head, -2 for none yet
	// rel is each token's relation to its head, read through relOf: it
	// is not cleared for each sentence (that was a call), so a token with
	// no head yet holds what the sentence before left.
	rel   []string
	extra []syntax.Edge
	drops []bool    // per token: an extra edge replaces its tree edge
	np    []int     // per token: the head of its noun-phrase chunk, or -1
	tags  []tagBits // per token: its part of speech's bits, from tag
	cls   []*class  // per token: its word's class
	// The main verbs and the prepositions (IN), in order, listed by
	// tagBits: the passes that act on them visit them alone, where they
	// read every token's bits.
	mains, ins []int
}

// run links sentence s, reusing the lists of the sentence before.
func (l *linker) run(s *syntax.Sentence, cls []*class) {
	n := len(s.Tokens)
	l.s, l.cls = s, cls
	l.head = slices.Grow(l.head[:0], n)[:n]
	l.rel = slices.Grow(l.rel[:0], n)[:n]
	l.np = slices.Grow(l.np[:0], n)[:n]
	l.tagBits()
	l.extra = l.extra[:0]
	l.chunks()
	l.verbs()
	l.prepositions()
	l.coordination()
	l.finish()
}

func (l *linker) pos(i int) string  { return l.s.Tokens[i].POS }
func (l *linker) word(i int) string { return l.s.Tokens[i].Lower }

// relOf is token i's relation to its head, "" for none yet.
func (l *linker) relOf(i int) string {
	if l.head[i] == -2 {
		return ""
	}
	return l.rel[i]
}

func (l *linker) set(dep, head int, rel string) {
	if dep == head || l.head[dep] != -2 {
		return
	}
	l.head[dep], l.rel[dep] = head, rel
}

// tagBits are what the linker asks of a token's part of speech, each a
// bit: the tag is read once per token, where the passes below compared
// it as a string about ten times per token.
type tagBits uint32

const (
	tVerb    tagBits = 1 << iota // VB, VBD, ...
	tNoun                        // NN, NNS, NNP, NNPS
	tProper                      // NNP, NNPS
	tNominal                     // a noun-phrase word: a noun, adjective, determiner, number or "'s"
	tPRP
	tPOS
	tCD
	tDT
	tRB
	tTO
	tIN
	tMD
	tRP
	tVBN
	tVBG
	tAux  // a modal, or a form of be, have or do before another verb (see tagBits)
	tMain // a verb and no auxiliary
)

// bitsOf is the bits of tag p, but tAux and tMain. Read a byte at a
// time: tags are two to four bytes, and most differ at the first.
func bitsOf(p string) tagBits {
	if len(p) < 2 {
		return 0 // punctuation
	}
	switch p[0] {
	case 'V':
		if p[1] != 'B' {
			return 0
		}
		switch p[1:] {
		case "BN":
			return tVerb | tVBN
		case "BG":
			return tVerb | tVBG
		}
		return tVerb
	case 'N':
		switch {
		case p[1] != 'N':
			return 0
		case len(p) > 2 && p[2] == 'P':
			return tNoun | tProper | tNominal
		}
		return tNoun | tNominal
	case 'J':
		if p == "JJ" || p == "JJR" || p == "JJS" {
			return tNominal
		}
	case 'D':
		if p == "DT" {
			return tNominal | tDT
		}
	case 'C':
		if p == "CD" {
			return tNominal | tCD
		}
	case 'P':
		switch p {
		case "POS":
			return tNominal | tPOS
		case "PRP":
			return tPRP
		case "PRP$":
			return tNominal
		}
	case 'R':
		switch p {
		case "RB":
			return tRB
		case "RP":
			return tRP
		}
	case 'T':
		if p == "TO" {
			return tTO
		}
	case 'I':
		if p == "IN" {
			return tIN
		}
	case 'M':
		if p == "MD" {
			return tMD
		}
	}
	return 0
}

// tagBits adds tAux and tMain to the bits tag gave each token and lists
// the main verbs and prepositions. A token is an auxiliary if it is a
// modal, or a form of be, have or do before another verb, adverbs
// between: what it reads of the tokens after it is tag's, which this
// leaves as it was, so the pass reads the tokens in order. The same
// pass marks every token with no head and no chunk yet.
func (l *linker) tagBits() {
	dst := l.tags
	n := len(dst)
	// Local, of a known length: read and written unchecked.
	cls, head, np := l.cls[:n], l.head[:n], l.np[:n]
	// Room for every token, written by index: appends kept three words
	// a list live in the loop.
	mains, ins := slices.Grow(l.mains[:0], n)[:n], slices.Grow(l.ins[:0], n)[:n]
	nm, ni := 0, 0
	for i := range dst {
		head[i], np[i] = -2, -1
		b := dst[i]
		aux := b&tMD != 0
		if !aux && cls[i].aux != "" {
			for k := i + 1; k < n && k <= i+3; k++ {
				if dst[k]&tRB == 0 {
					aux = dst[k]&tVerb != 0
					break
				}
			}
		}
		switch {
		case aux:
			b |= tAux
		case b&tVerb != 0:
			b |= tMain
			mains[nm] = i
			nm++
		}
		if b&tIN != 0 {
			ins[ni] = i
			ni++
		}
		dst[i] = b
	}
	l.mains, l.ins = mains[:nm], ins[:ni]
}

// is reports whether token i has one of the bits b.
func (l *linker) is(i int, b tagBits) bool { return l.tags[i]&b != 0 }

// chunks groups noun phrases and links their words to their head; a
// possessive splits one: "Iran 's foreign ministry".
func (l *linker) chunks() {
	// The bits and heads as local lists of the sentence's length: read
	// through l, each look-up loaded the list and checked its index.
	tags := l.tags[:len(l.s.Tokens)]
	np := l.np[:len(tags)]
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
		// The phrase runs to the first token that is not nominal, each
		// possessive in it ending a part with a head of its own: read in
		// one pass, where the phrase's end was found before its parts.
		start, owner := i, -1
		k := i
		for ; k < n && tags[k]&tNominal != 0; k++ {
			if tags[k]&tPOS != 0 {
				h := l.part(tags, np, start, k, owner)
				l.set(k, h, "case") // "'s"
				start, owner = k+1, h
			}
		}
		l.part(tags, np, start, k, owner)
		i = k
	}
}

// part links the words start to end-1 of a noun phrase to its head, the
// last noun or number before end (or else end-1), and owner, the head of
// the part before a possessive (-1 for none), to it. It returns the
// head, which a possessive at end hangs from.
func (l *linker) part(tags []tagBits, np []int, start, end, owner int) int {
	h := end - 1
	for h >= start && tags[h]&(tNoun|tCD) == 0 {
		h--
	}
	if h < start {
		h = end - 1
	}
	if h >= start {
		for m := start; m < end; m++ {
			np[m] = h
			if m != h {
				l.set(m, h, modRel(l.pos(m)))
			}
		}
		if owner >= 0 {
			l.set(owner, h, "nmod:poss")
		}
	}
	return h
}

func modRel(p string) string {
	switch p {
	case "DT":
		return "det"
	case "PRP$":
		return "nmod:poss"
	case "CD":
		return "nummod"
	case "JJ", "JJR", "JJS":
		return "amod"
	}
	return "compound"
}

// verbs links each main verb to its auxiliaries, negation, subject and
// object, and to the verb it depends on.
func (l *linker) verbs() {
	n := len(l.s.Tokens)
	var prev = -1 // the last main verb
	for _, v := range l.mains {
		passive := false
		k := v - 1
		for ; k >= 0 && l.is(k, tAux|tRB|tTO); k-- {
			switch {
			case l.is(k, tTO):
				l.set(k, v, "mark")
			case l.is(k, tRB):
				l.set(k, v, "advmod")
			case l.cls[k].aux == "be" && l.is(v, tVBN):
				l.set(k, v, "aux:pass")
				passive = true
			default:
				l.set(k, v, "aux")
			}
		}
		// A verb after "to", "and" or a speech verb depends on the one
		// before; after "who"/"which", on the noun before that.
		switch {
		case k >= 0 && (l.word(k) == "who" || l.word(k) == "which" || l.word(k) == "that" && k > 0 && l.np[k-1] >= 0):
			if k > 0 && l.np[k-1] >= 0 {
				noun := l.np[k-1]
				l.set(v, noun, "acl:relcl")
				l.set(k, v, "nsubj")
				l.extra = append(l.extra, syntax.Edge{Head: v, Dep: noun, Rel: "nsubj"})
			}
		case v > 0 && l.is(v-1, tTO) && prev >= 0:
			l.set(v, prev, "xcomp")
		case k >= 0 && l.word(k) == "and" && prev >= 0 && l.subjectOf(v, prev) < 0:
			l.set(v, prev, "conj")
			if s := l.subjectOf(prev, -1); s >= 0 {
				l.extra = append(l.extra, syntax.Edge{Head: v, Dep: s, Rel: "nsubj"})
			}
		case prev >= 0 && speech.Has(l.s.Tokens[prev].Lemma):
			l.set(v, prev, "ccomp")
		case prev >= 0 && l.is(v, tVBG) && k >= 0 && l.word(k) == ",":
			l.set(v, prev, "advcl")
		}
		rel := "nsubj"
		if passive {
			rel = "nsubj:pass"
		}
		if s := l.subjectOf(v, prev); s >= 0 {
			l.set(s, v, rel)
		}
		for k := v + 1; k < n && l.is(k, tRP); k++ {
			l.set(k, v, "compound:prt")
		}
		// "said the pact would undermine ...": the phrase after a speech
		// verb is the next clause's subject, not the verb's object.
		if o := l.objectOf(v); o >= 0 && !(speech.Has(l.s.Tokens[v].Lemma) && o+1 < n && l.is(o+1, tMD|tVerb)) {
			l.set(o, v, "obj")
		}
		prev = v
	}
}

// subjectOf is the nearest noun-phrase head left of verb v that no
// preposition governs, within v's clause, or -1.
func (l *linker) subjectOf(v, prev int) int {
	for k := v - 1; k >= 0 && k > prev; k-- {
		if l.cls[k].brk && !l.is(k, tDT) || l.is(k, tMain) {
			return -1
		}
		if h := l.np[k]; h == k {
			if f := l.firstOf(k); f > 0 && l.is(f-1, tIN) && !l.cls[f-1].brk {
				continue // "of Syria", "with Israel"; not "as much of the world"
			}
			// The first conjunct of "Labour, the SNP and the DUP".
			for {
				f := l.firstOf(k)
				if f >= 2 && (l.word(f-1) == "and" || l.word(f-1) == ",") && l.np[f-2] >= 0 {
					k = l.np[f-2]
					continue
				}
				break
			}
			return k
		}
	}
	return -1
}

// objectOf is the noun-phrase head right after verb v, or -1.
func (l *linker) objectOf(v int) int {
	for k := v + 1; k < len(l.s.Tokens) && k <= v+6; k++ {
		switch {
		case l.np[k] >= 0:
			h := l.np[k]
			for steps := 0; steps < 3 && l.relOf(h) == "nmod:poss" && l.head[h] >= 0; steps++ {
				h = l.head[h] // "Europe's security": the phrase's head
			}
			return h
		case l.is(k, tRB|tRP) || l.word(k) == "that":
			continue
		}
		return -1
	}
	return -1
}

// firstOf is the first token of the chunk headed at h.
func (l *linker) firstOf(h int) int {
	f := h
	for f > 0 && l.np[f-1] == h {
		f--
	}
	return f
}

// prepositions attach "IN NP" to the noun before it or else to the verb
// before it: "support for the deal", "lashed out at Turkey".
func (l *linker) prepositions() {
	n := len(l.s.Tokens)
	for _, i := range l.ins {
		if i == n-1 || l.cls[i].brk && l.word(i) != "as" {
			continue
		}
		obj := -1
		for k := i + 1; k < n && k <= i+6; k++ {
			if l.np[k] >= 0 {
				obj = l.np[k]
				break
			}
		}
		if obj < 0 {
			continue
		}
		l.set(i, obj, "case")
		marker := l.word(i)
		// After a common noun the phrase modifies it ("support for the
		// deal"); after a name, the verb ("lashed out at Turkey over ...").
		if i > 0 && l.np[i-1] >= 0 && l.head[obj] == -2 && !l.is(l.np[i-1], tProper) {
			l.set(obj, l.np[i-1], "nmod")
			l.extra = append(l.extra, syntax.Edge{Head: l.np[i-1], Dep: obj, Rel: withMarker(l.cls[i].nmod, "nmod:", marker)})
			continue
		}
		for v := i - 1; v >= 0; v-- {
			if l.is(v, tMain) {
				rel := withMarker(l.cls[i].obl, "obl:", marker)
				if marker == "by" && l.hasChild(v, "aux:pass") {
					rel = "obl:agent"
				}
				l.set(obj, v, "obl")
				l.extra = append(l.extra, syntax.Edge{Head: v, Dep: obj, Rel: rel})
				break
			}
		}
	}
}

// withMarker is made (a preposition's relation with its case marker,
// made once with its word class) or, for a word without one, rel and
// marker joined.
func withMarker(made, rel, marker string) string {
	if made != "" {
		return made
	}
	return rel + marker
}

func (l *linker) hasChild(h int, rel string) bool {
	for k := range l.head {
		if l.head[k] == h && l.relOf(k) == rel {
			return true
		}
	}
	return false
}

// coordination links "X, Y and Z" and gives every conjunct of a subject
// the verb too.
func (l *linker) coordination() {
	n := len(l.s.Tokens)
	// Most tokens are passed over at this test, read from local lists
	// the compiler knows the length of.
	np, head := l.np[:n], l.head[:n]
	for k := range np {
		if np[k] != k || head[k] != -2 {
			continue
		}
		f := l.firstOf(k)
		if f < 2 || (l.word(f-1) != "and" && l.word(f-1) != "," && l.word(f-1) != "or") {
			continue
		}
		prev := l.np[f-2]
		if prev < 0 {
			continue
		}
		first := prev
		for l.relOf(first) == "conj" {
			first = l.head[first]
		}
		l.set(k, first, "conj")
		if l.word(f-1) != "," {
			l.set(f-1, k, "cc")
		}
		if r := l.relOf(first); strings.HasPrefix(r, "nsubj") {
			l.extra = append(l.extra, syntax.Edge{Head: l.head[first], Dep: k, Rel: r})
		}
	}
}

// finish roots the tree at the first main verb (or noun) and hangs every
// loose token from the root; the enhanced edges are the tree's plus the
// shared subjects and case-marked complements.
func (l *linker) finish() {
	n := len(l.s.Tokens)
	// The lists cut to n, and the sentence's part of the tree, so that
	// the loops read them unchecked.
	head := l.head[:n]
	np, rel, toks := l.np[:len(head)], l.rel[:len(head)], l.s.Tokens[:len(head)]
	root := -1
	for _, i := range l.mains {
		if head[i] == -2 {
			root = i
			break
		}
	}
	if root < 0 {
		for i := range head {
			if head[i] == -2 && np[i] == i {
				root = i
				break
			}
		}
	}
	if root < 0 {
		root = 0
	}
	// An extra edge between a tree edge's tokens ("support for the deal":
	// nmod:for, not nmod) takes its place. Those tree edges are marked
	// first, so that the loop below writes the enhanced edges with the
	// tree's, where the tree's were copied again in runs between them.
	drops := slices.Grow(l.drops[:0], n)[:len(head)]
	clear(drops)
	for _, x := range l.extra {
		if uint(x.Dep) < uint(len(head)) && treeHead(head, root, x.Dep) == x.Head {
			drops[x.Dep] = true
		}
	}
	l.drops = drops
	base := len(l.s.Tree)
	tree := slices.Grow(l.s.Tree, n)[:base+n]
	out := tree[base:][:len(head)]
	edges := slices.Grow(l.s.Edges, n+len(l.extra))
	// The root's and loose tokens' heads and relations are the edges'
	// alone: nothing reads the lists after, and a relation written back
	// checked a write barrier.
	for i := range head {
		h, r := head[i], rel[i]
		switch {
		case i == root:
			h, r = -1, "root"
		case h == -2:
			h, r = root, "dep"
			if t := toks[i].Text; len(t) == 1 && punctBytes[t[0]] {
				r = "punct"
			}
		}
		e := syntax.Edge{Head: h, Dep: i, Rel: r}
		out[i] = e
		if !drops[i] {
			edges = append(edges, e)
		}
	}
	l.s.Tree = tree
	// The extra edges one at a time: they are one or two, and copying
	// them at once was a call.
	for _, x := range l.extra {
		edges = append(edges, x)
	}
	l.s.Edges = edges
}

// treeHead is token d's head in the tree finish makes: none (-1) for
// the root, and the root for a token nothing else took.
func treeHead(head []int, root, d int) int {
	switch {
	case d == root:
		return -1
	case head[d] == -2:
		return root
	}
	return head[d]
}

// punctBytes are the one-byte tokens a loose token hangs from the root
// as punct: a table, where a search of their string was a call for each
// loose token.
var punctBytes = func() (t [256]bool) {
	for _, c := range []byte(",.;:!?\"'()-") {
		t[c] = true
	}
	return t
}()
