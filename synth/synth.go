// Package synth writes synthetic news articles about the default topic (a
// state joining the anti-ISIS coalition) for benchmarks and robustness
// tests. Articles are built from sentence templates filled with states and
// groups from the gazetteer and invented people. The output depends only on
// the seed, the article's index and the gazetteer, so a seed names a corpus.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/model"
)

// Article is one generated article: a file-system-safe name and its text.
type Article struct {
	Name string
	Text string
}

// Size and shape bounds of every article, in bytes and blank-line
// separated blocks after the headline.
const (
	MinBytes      = 1500
	MaxBytes      = 6000
	MinParagraphs = 6
	MaxParagraphs = 20
)

// offTopicShare is the share of articles that never name the topic, so a
// corpus also exercises the extractor's early exit.
const offTopicShare = 0.05

// Generate returns n articles for seed. Article i is the same whatever n
// is: Generate(g, s, 10)[:5] equals Generate(g, s, 5).
func Generate(g *extract.Gazetteer, seed int64, n int) []Article {
	gen := newGenerator(g)
	out := make([]Article, n)
	for i := range out {
		out[i] = gen.article(seed, i)
	}
	return out
}

// Write generates n articles for seed into dir (created if missing), one
// file each, and returns how many files and bytes it wrote. Existing files
// with the same names are replaced.
func Write(dir string, g *extract.Gazetteer, seed int64, n int) (files int, bytes int64, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, fmt.Errorf("synth: %w", err)
	}
	gen := newGenerator(g)
	for i := range n {
		a := gen.article(seed, i)
		if err := os.WriteFile(filepath.Join(dir, a.Name), []byte(a.Text), 0o644); err != nil {
			return files, bytes, fmt.Errorf("synth: %w", err)
		}
		files++
		bytes += int64(len(a.Text))
	}
	return files, bytes, nil
}

// actor is a gazetteer entry reduced to the forms news text uses for it.
type actor struct {
	name    string
	refs    []string // name, aliases and metonyms safe mid-sentence
	demonym string   // "" when the gazetteer lists none
	capital string   // first metonym, or the name
}

type generator struct {
	states, groups []actor
}

func newGenerator(g *extract.Gazetteer) *generator {
	gen := &generator{}
	for _, e := range g.Entries() {
		if e.Kind == model.Person || unsafeName(e.Name) {
			continue
		}
		a := actor{name: e.Name, refs: []string{e.Name}, capital: e.Name}
		for _, r := range append(append([]string{}, e.Aliases...), e.Metonyms...) {
			if !unsafeName(r) && len(r) <= 30 {
				a.refs = append(a.refs, r)
			}
		}
		if len(e.Metonyms) > 0 && !unsafeName(e.Metonyms[0]) {
			a.capital = e.Metonyms[0]
		}
		if len(e.Demonyms) > 0 {
			a.demonym = e.Demonyms[0]
		}
		if e.Kind == model.State {
			gen.states = append(gen.states, a)
		} else {
			gen.groups = append(gen.groups, a)
		}
	}
	// A gazetteer without states or groups still yields articles.
	if len(gen.states) == 0 {
		gen.states = []actor{{name: "Ruritania", refs: []string{"Ruritania"}, capital: "Strelsau", demonym: "Ruritanian"}}
	}
	if len(gen.groups) == 0 {
		gen.groups = []actor{{name: "Harbour Institute", refs: []string{"Harbour Institute"}, capital: "Harbour Institute"}}
	}
	return gen
}

// unsafeName rejects forms that would break a sentence or name the topic
// itself: dotted acronyms ("U.S." before a full stop), lower-case starts,
// digits, and the coalition or its enemy.
func unsafeName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	l := strings.ToLower(s)
	return s == "" || !unicode.IsUpper(r) || strings.ContainsAny(s, ".0123456789") ||
		strings.Contains(l, "coalition") || strings.Contains(l, "islamic state")
}

// doc is the state of one article being written.
type doc struct {
	gen    *generator
	r      *rand.Rand
	joiner actor
	b      strings.Builder
	blocks int
}

type person struct{ intro, last string }

// article writes article i of seed.
func (gen *generator) article(seed int64, i int) Article {
	d := &doc{gen: gen, r: rand.New(rand.NewPCG(uint64(seed), splitmix(uint64(i))))}
	d.joiner = d.state()
	offTopic := d.r.Float64() < offTopicShare
	if offTopic {
		d.b.WriteString(d.fill(pick(d.r, offTopicHeadlines)))
	} else {
		d.b.WriteString(d.fill(pick(d.r, headlines)))
	}
	d.b.WriteString("\n")
	target := MinBytes + 200 + d.r.IntN(MaxBytes-MinBytes-1000)
	for d.blocks < MaxParagraphs && (d.blocks < MinParagraphs || d.b.Len() < target) {
		var p string
		switch {
		case d.blocks == 0:
			lead := d.joinParagraph()
			if offTopic {
				lead = d.filler(2)
			}
			p = d.dateline() + lead
		case offTopic:
			p = d.filler(2 + d.r.IntN(3))
		default:
			p = d.body()
		}
		if d.b.Len()+len(p)+2 > MaxBytes {
			if d.blocks >= MinParagraphs {
				break
			}
			p = d.filler(1) // short enough: six blocks never reach the cap
		}
		d.b.WriteString("\n")
		d.b.WriteString(p)
		d.b.WriteString("\n")
		d.blocks++
	}
	return Article{Name: fmt.Sprintf("synth-%06d.txt", i), Text: d.b.String()}
}

// splitmix spreads consecutive indices over the seed space.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func (d *doc) state() actor { return pick(d.r, d.gen.states) }
func (d *doc) group() actor { return pick(d.r, d.gen.groups) }

// body writes one paragraph of a kind chosen by weight.
func (d *doc) body() string {
	switch n := d.r.IntN(100); {
	case n < 8:
		return d.joinParagraph()
	case n < 38:
		return d.sentences(reactions, 2+d.r.IntN(2))
	case n < 52:
		return d.quoteParagraph()
	case n < 60:
		return d.dashQuote()
	case n < 70:
		return d.labelBlock()
	case n < 80:
		return d.sentences(hedged, 1+d.r.IntN(2))
	case n < 86:
		return d.fill(pick(d.r, leadIns)) + " " + d.fill(pick(d.r, questions))
	case n < 90:
		return d.fill(pick(d.r, subheadings))
	default:
		return d.filler(2 + d.r.IntN(2))
	}
}

func (d *doc) dateline() string {
	months := []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
	// Mostly the joiner's capital, so the dateline's mention is the
	// joiner's; sometimes a capital elsewhere, as in wire copy.
	city := d.joiner.capital
	if d.r.IntN(10) < 3 {
		city = d.state().capital
	}
	city = strings.ToUpper(city)
	return fmt.Sprintf("%s, %s %d (Synth Wire) - ", city, pick(d.r, months), 1+d.r.IntN(28))
}

func (d *doc) joinParagraph() string {
	return d.fill(pick(d.r, joins)) + " " + d.sentences(joinFollowUps, 1+d.r.IntN(2))
}

func (d *doc) sentences(from []string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = d.fill(pick(d.r, from))
	}
	return strings.Join(parts, " ")
}

func (d *doc) filler(n int) string { return d.sentences(fillers, n) }

// quoteParagraph: a sentence that names the topic, then a quote with a
// speech verb that carries the speaker's stance.
func (d *doc) quoteParagraph() string {
	q := d.quote()
	forms := []string{
		`"%s," said {P1}.`,
		`"%s," {P1} told reporters.`,
		`{P1} said: "%s."`,
		`"%s," {P1L} said, adding that talks would continue.`,
	}
	return d.fill(pick(d.r, topicLeads)) + " " + d.fill(fmt.Sprintf(pick(d.r, forms), q))
}

// dashQuote is a pull quote attributed after a dash.
func (d *doc) dashQuote() string {
	return d.fill(pick(d.r, topicLeads)) + " " + d.fill(fmt.Sprintf(`"%s." - {P1}.`, d.quote()))
}

func (d *doc) quote() string {
	switch d.r.IntN(3) {
	case 0:
		return pick(d.r, supportQuotes)
	case 1:
		return pick(d.r, opposeQuotes)
	}
	return pick(d.r, cautiousQuotes)
}

// labelBlock is a "State - Stance:" line with one or two lines under it.
func (d *doc) labelBlock() string {
	a := d.state()
	var label, quote string
	switch d.r.IntN(3) {
	case 0:
		label, quote = pick(d.r, []string{"Strong Support", "Support", "Supportive", "Backing"}), pick(d.r, supportQuotes)
	case 1:
		label, quote = pick(d.r, []string{"Strong Opposition", "Opposition", "Opposed", "Critics"}), pick(d.r, opposeQuotes)
	default:
		label, quote = pick(d.r, []string{"Qualified Support", "Cautious", "Concerns", "Reservations"}), pick(d.r, cautiousQuotes)
	}
	head := a.name + " - " + label + ":"
	if len(strings.Fields(head)) > 8 {
		head = a.name + ":" // still a label, with the stance left to the lines
	}
	lines := []string{head, fmt.Sprintf(`%s: "%s."`, d.official(a).intro, quote)}
	if d.r.IntN(2) == 0 {
		lines = append(lines, d.fill(pick(d.r, labelNotes)))
	}
	return strings.Join(lines, "\n")
}

// fill expands a template. Slots: {S1}..{S3} states, {G1} {G2} groups, {J}
// the joining state and {JP} its possessive, {T} a name of the topic, {REF}
// a phrase that refers back to it, {P1} a titled person and {P1L} their
// surname, {CAP} a capital, {DAY} a weekday, {N} an ordinal and {NUM} a
// number. A slot repeated in one template takes the same value.
func (d *doc) fill(t string) string {
	memo := map[string]string{}
	var out strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			out.WriteString(t)
			break
		}
		j := strings.IndexByte(t[i:], '}')
		out.WriteString(t[:i])
		key := t[i+1 : i+j]
		v, ok := memo[key]
		if !ok {
			v = d.slot(key, memo)
			memo[key] = v
		}
		out.WriteString(v)
		t = t[i+j+1:]
	}
	return capitalize(out.String())
}

func (d *doc) slot(key string, memo map[string]string) string {
	switch {
	case key == "J":
		return d.joiner.name
	case key == "JP":
		return possessive(d.joiner.name)
	case key == "T":
		return pick(d.r, topicNames)
	case key == "REF":
		return pick(d.r, anaphora)
	case key == "CAP":
		return d.state().capital
	case key == "DAY":
		return pick(d.r, []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
	case key == "N":
		return ordinal(60 + d.r.IntN(40))
	case key == "NUM":
		return fmt.Sprint(2 + d.r.IntN(90))
	case strings.HasPrefix(key, "S"):
		a := d.state()
		if d.r.IntN(4) == 0 {
			return pick(d.r, a.refs)
		}
		return a.name
	case strings.HasPrefix(key, "G"):
		return d.group().name
	case strings.HasPrefix(key, "P"):
		// {P1} is the person's introduction, {P1L} their surname.
		id := strings.TrimSuffix(key, "L")
		if _, ok := memo[id]; !ok {
			p := d.person()
			memo[id], memo[id+"L"] = p.intro, p.last
		}
		return memo[key]
	}
	return "{" + key + "}"
}

// person invents someone with a title: an official of a random state or
// an analyst at a group ("Lena Varga, a senior fellow at Chatham House").
func (d *doc) person() person {
	if d.r.IntN(5) == 0 {
		first, last := pick(d.r, firstNames), pick(d.r, lastNames)
		return person{fmt.Sprintf("%s %s, a %s at %s", first, last, pick(d.r, analystRoles), d.group().name), last}
	}
	return d.official(d.state())
}

// official invents an official of state a: "Hungarian Foreign Minister
// Lena Varga", "Foreign Minister Lena Varga of Hungary" or, with no
// nationality, "Foreign Minister Lena Varga".
func (d *doc) official(a actor) person {
	first, last := pick(d.r, firstNames), pick(d.r, lastNames)
	title := pick(d.r, titles)
	switch n := d.r.IntN(10); {
	case n < 5 && a.demonym != "":
		return person{fmt.Sprintf("%s %s %s %s", a.demonym, title, first, last), last}
	case n < 9:
		return person{fmt.Sprintf("%s %s %s of %s", title, first, last, a.name), last}
	default:
		return person{fmt.Sprintf("%s %s %s", title, first, last), last}
	}
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
