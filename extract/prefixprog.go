package extract

import (
	"regexp"
	resyntax "regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// prefixProg runs a pattern anchored at the start of its text by a plain
// depth-first search of its compiled program, alternatives in order of
// preference: the first match that search reaches is the leftmost-first
// match regexp finds. Go's backtracking matcher pays for a bitmap of
// every instruction at every position, cleared on each call; a topic's
// terms, tried at every place a sentence may name them, cost 4,400
// instructions a try that way and about a third of it here.
type prefixProg struct {
	prog *resyntax.Prog
	// first holds, for each instruction, the bytes a match from it can
	// go on with: an alternative that cannot is passed over without a
	// search of its own (a state's dozen spellings are a chain of them).
	first []byteSet
	// runs holds, for each instruction that reads an ASCII byte as
	// itself, the bytes it and the instructions after it that do so read
	// and the instruction after them: a term's words are compared a run
	// at a time, where a step for each byte cost some thirty machine
	// instructions.
	runs []literalRun
}

// literalRun is a run of instructions that each read one ASCII byte as
// itself: the bytes, and the instruction after the last.
type literalRun struct {
	text string
	next uint32
}

// byteSet is a set of bytes, a bit each.
type byteSet [4]uint64

func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }

// anchored is a pattern that begins with ^, searched by hand (a
// prefixProg) where that can be and by regexp where not.
type anchored struct {
	re   *regexp.Regexp
	prog *lazyProg
}

// lazyProg is a pattern's prefixProg, made when first searched: most
// commands never extract, and making every pattern's at start added 388
// M instructions to it (the person patterns' Unicode classes parsed
// again).
type lazyProg struct {
	once sync.Once
	prog *prefixProg
}

func anchor(re *regexp.Regexp) anchored { return anchored{re: re, prog: &lazyProg{}} }

// program is a's prefixProg, nil if it has none.
func (a anchored) program() *prefixProg {
	a.prog.once.Do(func() { a.prog.prog = newPrefixProg(syntaxOf(a.re)) })
	return a.prog.prog
}

// end is where the match at the start of text ends, -1 if none matches.
func (a anchored) end(text string) int {
	if p := a.program(); p != nil {
		if e := p.end(text); e != gaveUp {
			return e
		}
	}
	if loc := a.re.FindStringIndex(text); loc != nil {
		return loc[1]
	}
	return -1
}

// wordsPattern is the anchored pattern ^(?:alternatives)\b, whose
// alternatives each begin with a letter: with it, inWords finds what
// \b(?:alternatives)\b finds.
func wordsPattern(alternatives string) anchored {
	return anchor(regexp.MustCompile(`^(?:` + alternatives + `)\b`))
}

// inWords reports whether a, made by wordsPattern, matches somewhere in
// text: at a word's start, as \b(?:alternatives)\b would. Unanchored,
// regexp read the text once for every place a match may start.
func (a anchored) inWords(text string) bool {
	for i := 0; i < len(text); i++ {
		if boundaryWord(text, i-1) != boundaryWord(text, i) && a.end(text[i:]) >= 0 {
			return true
		}
	}
	return false
}

// submatchIndex is a.re.FindStringSubmatchIndex(text).
func (a anchored) submatchIndex(text string) []int {
	if p := a.program(); p != nil {
		if m, searched := p.submatch(text, a.re.NumSubexp()); searched {
			return m
		}
	}
	return a.re.FindStringSubmatchIndex(text)
}

// gaveUp is what end returns when the search took more steps than
// maxSteps: the caller asks regexp instead, whose time is linear.
const (
	gaveUp   = -2
	maxSteps = 1 << 14
)

// newPrefixProg compiles r, a simplified syntax tree that begins with ^,
// for end; nil when a loop of it can match the empty text, where the
// search would not end.
func newPrefixProg(r *resyntax.Regexp) *prefixProg {
	if emptyLoop(r) {
		return nil
	}
	p, err := resyntax.Compile(r)
	if err != nil {
		panic(err) // re compiled from the same text
	}
	pp := &prefixProg{prog: p, first: make([]byteSet, len(p.Inst))}
	f := firsts{p: pp, done: make([]bool, len(p.Inst))}
	for pc := range p.Inst {
		f.of(uint32(pc))
	}
	pp.runs = literalRuns(p)
	return pp
}

// literalRuns is each instruction's literalRun (none for one that reads
// no ASCII byte as itself). No run loops: a loop goes through an InstAlt.
func literalRuns(p *resyntax.Prog) []literalRun {
	runs := make([]literalRun, len(p.Inst))
	var of func(pc uint32) literalRun
	of = func(pc uint32) literalRun {
		in := &p.Inst[pc]
		if in.Op != resyntax.InstRune1 || in.Rune[0] >= utf8.RuneSelf {
			return literalRun{next: pc}
		}
		if runs[pc].text == "" {
			rest := of(in.Out)
			runs[pc] = literalRun{text: string(rune(in.Rune[0])) + rest.text, next: rest.next}
		}
		return runs[pc]
	}
	for pc := range p.Inst {
		of(uint32(pc))
	}
	return runs
}

// firsts fills a prefixProg's first sets.
type firsts struct {
	p    *prefixProg
	done []bool
}

// of fills first[pc] from what follows pc up to the first rune read; no
// loop goes round without reading one (see emptyLoop).
func (f *firsts) of(pc uint32) byteSet {
	if f.done[pc] {
		return f.p.first[pc]
	}
	in := &f.p.prog.Inst[pc]
	var set byteSet
	switch in.Op {
	case resyntax.InstRune1, resyntax.InstRune:
		set = classBytes(in)
	case resyntax.InstRuneAny, resyntax.InstRuneAnyNotNL, resyntax.InstMatch:
		// Any byte begins some rune (invalid ones read as RuneError), and
		// a match that ends here lets anything follow.
		set = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	case resyntax.InstAlt:
		out, arg := f.of(in.Out), f.of(in.Arg)
		for k := range set {
			set[k] = out[k] | arg[k]
		}
	case resyntax.InstEmptyWidth, resyntax.InstCapture, resyntax.InstNop:
		set = f.of(in.Out)
	}
	f.p.first[pc], f.done[pc] = set, true
	return set
}

// classBytes is the set of bytes a rune instruction's rune can begin
// with: its ASCII runes, and every byte above them if it reads any other
// (news is nearly all ASCII; the lead bytes of a Unicode class's
// hundreds of ranges cost more to list than they would spare).
func classBytes(in *resyntax.Inst) byteSet {
	var set byteSet
	add := func(lo, hi rune) {
		for c := lo; c <= min(hi, utf8.RuneSelf-1); c++ {
			set[c>>6] |= 1 << (c & 63)
		}
		if hi >= utf8.RuneSelf {
			set[2], set[3] = ^uint64(0), ^uint64(0)
		}
	}
	if len(in.Rune) == 1 {
		add(in.Rune[0], in.Rune[0])
	}
	// The ranges are in order: past the first that reaches beyond ASCII
	// none adds a byte.
	for k := 0; k+1 < len(in.Rune) && (k == 0 || in.Rune[k-1] < utf8.RuneSelf); k += 2 {
		add(in.Rune[k], in.Rune[k+1])
	}
	if in.Op == resyntax.InstRune && resyntax.Flags(in.Arg)&resyntax.FoldCase != 0 {
		for c := unicode.SimpleFold(in.Rune[0]); c != in.Rune[0]; c = unicode.SimpleFold(c) {
			add(c, c)
		}
	}
	return set
}

// emptyLoop reports whether r repeats a part that can match the empty
// text (addFirst tells, with no set to fill).
func emptyLoop(r *resyntax.Regexp) bool {
	switch r.Op {
	case resyntax.OpStar, resyntax.OpPlus, resyntax.OpRepeat:
		if addFirst(r.Sub[0], nil) {
			return true
		}
	}
	for _, s := range r.Sub {
		if emptyLoop(s) {
			return true
		}
	}
	return false
}

// end is where the leftmost-first match at the start of text ends, -1 if
// there is none, gaveUp if the search grew too long.
func (p *prefixProg) end(text string) int {
	if p.turnsAway(text) {
		return -1
	}
	steps := 0
	return p.try(uint32(p.prog.Start), text, 0, &steps, nil)
}

// turnsAway reports whether no match can begin with text's first byte.
func (p *prefixProg) turnsAway(text string) bool {
	return text != "" && !p.first[p.prog.Start].has(text[0])
}

// submatch is what re.FindStringSubmatchIndex(text) is for the pattern
// re of p (nil for no match); searched false when the search grew too
// long and found nothing.
func (p *prefixProg) submatch(text string, groups int) (m []int, searched bool) {
	if p.turnsAway(text) {
		return nil, true
	}
	m = make([]int, 2*(groups+1))
	for k := range m {
		m[k] = -1
	}
	steps := 0
	switch e := p.try(uint32(p.prog.Start), text, 0, &steps, m); e {
	case gaveUp:
		return nil, false
	case -1:
		return nil, true
	default:
		m[0], m[1] = 0, e
		return m, true
	}
}

// try searches from instruction pc at pos of s, each alternative in
// order, recording in caps (if not nil) where its groups begin and end
// on the way that matches.
func (p *prefixProg) try(pc uint32, s string, pos int, steps *int, caps []int) int {
	for {
		if *steps++; *steps > maxSteps {
			return gaveUp
		}
		in := &p.prog.Inst[pc]
		switch in.Op {
		case resyntax.InstAlt:
			// At the end of s the sets tell nothing: both are searched.
			if pos < len(s) {
				switch c := s[pos]; {
				case !p.first[in.Out].has(c):
					pc = in.Arg
					continue
				case !p.first[in.Arg].has(c):
					pc = in.Out
					continue
				}
			}
			if e := p.try(in.Out, s, pos, steps, caps); e != -1 {
				return e
			}
			pc = in.Arg
			continue
		case resyntax.InstRune1:
			if run := &p.runs[pc]; run.text != "" {
				// The run's bytes at once, counted as the steps they are.
				if !strings.HasPrefix(s[pos:], run.text) {
					return -1
				}
				pos += len(run.text)
				*steps += len(run.text) - 1
				pc = run.next
				continue
			}
			r, w := runeAt(s, pos)
			if w == 0 || r != in.Rune[0] {
				return -1
			}
			pos += w
		case resyntax.InstRune:
			// An ASCII byte is its rune, and the instruction's first set
			// holds the ASCII runes it matches (classBytes): no search of
			// a Unicode class's ranges for a name's letters.
			if pos < len(s) && s[pos] < utf8.RuneSelf {
				if !p.first[pc].has(s[pos]) {
					return -1
				}
				pos++
				break
			}
			r, w := runeAt(s, pos)
			if w == 0 || !in.MatchRune(r) {
				return -1
			}
			pos += w
		case resyntax.InstRuneAny, resyntax.InstRuneAnyNotNL:
			r, w := runeAt(s, pos)
			if w == 0 || r == '\n' && in.Op == resyntax.InstRuneAnyNotNL {
				return -1
			}
			pos += w
		case resyntax.InstEmptyWidth:
			if resyntax.EmptyOp(in.Arg)&^emptyAt(s, pos) != 0 {
				return -1
			}
		case resyntax.InstCapture:
			if n := int(in.Arg); n < len(caps) {
				old := caps[n]
				caps[n] = pos
				e := p.try(in.Out, s, pos, steps, caps)
				if e == -1 {
					caps[n] = old
				}
				return e
			}
		case resyntax.InstNop:
		case resyntax.InstMatch:
			return pos
		default: // InstFail (syntax.Compile makes no InstAltMatch: only regexp's one-pass matcher, in its own copy)
			return -1
		}
		pc = in.Out
	}
}

// emptyAt is the set of zero-width assertions that hold at pos of s.
func emptyAt(s string, pos int) resyntax.EmptyOp {
	before, after := rune(-1), rune(-1)
	if pos > 0 {
		if before = rune(s[pos-1]); before >= utf8.RuneSelf {
			before, _ = utf8.DecodeLastRuneInString(s[:pos])
		}
	}
	if pos < len(s) {
		after, _ = runeAt(s, pos)
	}
	return resyntax.EmptyOpContext(before, after)
}
