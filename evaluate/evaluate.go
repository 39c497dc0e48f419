// Package evaluate scores extracted stances against a hand-labelled gold
// file. It is a faithful port of ../shared/eval/score.py: the same name
// normalisation, matching rules, rounding and report lines, so a figure from
// `stancegraph eval` can be compared with one from the script.
package evaluate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/stancegraph/stancegraph/model"
)

// Gold is one hand-labelled row: an actor's stance in one document.
type Gold struct {
	Doc    string `json:"doc"`
	Actor  string `json:"actor"`
	Kind   string `json:"kind"`
	Stance string `json:"stance"`
	// Alt lists other stances that also count as right.
	Alt []string `json:"alt,omitempty"`
	// Aliases are other names a prediction may use for the actor.
	Aliases []string `json:"aliases,omitempty"`
	// Optional rows are neither rewarded nor penalised.
	Optional bool   `json:"optional"`
	Evidence string `json:"evidence"`
}

// Prediction is one extracted (doc, actor, stance) with the actor's kind and
// the other names the document uses for it. Doc is the file's base name.
type Prediction struct {
	Doc     string   `json:"doc"`
	Actor   string   `json:"actor"`
	Kind    string   `json:"kind"`
	Stance  string   `json:"stance"`
	Aliases []string `json:"aliases,omitempty"`
}

// Report is the outcome of Score. Its JSON form has the keys of
// `score.py --json`.
type Report struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// TP and FP count distinct predictions (by doc, normalised actor and
	// stance) that hit a required gold row or missed every gold row.
	TP int `json:"tp"`
	FP int `json:"fp"`
	// Required counts the gold rows that are not optional; Found, those that
	// at least one prediction hit.
	Required int `json:"required"`
	Found    int `json:"found"`
	// KindMismatches counts gold rows passed over because the stance agreed
	// but the kind did not.
	KindMismatches int `json:"kind_mismatches"`
	// FalsePositives and Missed read "doc: actor (kind) stance".
	FalsePositives []string `json:"false_positives"`
	Missed         []string `json:"missed"`
}

// FromClaims turns extracted claims into predictions.
func FromClaims(claims []model.Claim) []Prediction {
	preds := make([]Prediction, 0, len(claims))
	for _, c := range claims {
		preds = append(preds, Prediction{Doc: c.Doc, Actor: c.Actor, Kind: string(c.Kind),
			Stance: string(c.Stance), Aliases: c.Aliases})
	}
	return preds
}

// LoadGold reads gold rows, one JSON object a line; blank lines are skipped.
// Errors name the line: "line 3: ...".
func LoadGold(r io.Reader) ([]Gold, error) {
	br := bufio.NewReader(r)
	var gold []Gold
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if strings.TrimSpace(line) != "" {
			var g Gold
			if jerr := json.Unmarshal([]byte(line), &g); jerr != nil {
				return nil, fmt.Errorf("line %d: %w", n, jerr)
			}
			// score.py fails on a row without these; say so up front.
			for _, f := range []struct{ name, val string }{
				{"doc", g.Doc}, {"actor", g.Actor}, {"kind", g.Kind}, {"stance", g.Stance},
			} {
				if f.val == "" {
					return nil, fmt.Errorf("line %d: %q is missing or empty", n, f.name)
				}
			}
			gold = append(gold, g)
		}
		if err == io.EOF {
			return gold, nil
		}
	}
}

// Score matches predictions against gold rows exactly as score.py does.
//
// A prediction is a true positive when a gold row of the same doc names the
// same actor (the prediction's name or an alias equals, after normalisation,
// the gold name or a gold alias), the kinds agree, and the stance is the
// gold stance or one of its alts. Candidates whose gold name equals the
// predicted name are preferred to alias-only ones. Predictions that land on
// an optional row, or whose only candidates are optional, are neither
// rewarded nor penalised. Repeated (doc, actor, stance) predictions count
// once. Recall is over the required rows.
func Score(gold []Gold, pred []Prediction) Report {
	byDoc := map[string][]int{}
	goldNames := make([]map[string]bool, len(gold))
	for i, g := range gold {
		byDoc[g.Doc] = append(byDoc[g.Doc], i)
		goldNames[i] = names(g.Actor, g.Aliases)
	}
	type key struct{ doc, actor, stance string }
	seen := map[key]bool{}
	found := map[int]bool{}
	r := Report{FalsePositives: []string{}, Missed: []string{}}
	for _, p := range pred {
		pActor := normName(p.Actor)
		k := key{p.Doc, pActor, p.Stance}
		if seen[k] {
			continue
		}
		seen[k] = true
		pn := names(p.Actor, p.Aliases)
		var cands, exact []int
		for _, i := range byDoc[p.Doc] {
			if !overlap(goldNames[i], pn) {
				continue
			}
			cands = append(cands, i)
			if normName(gold[i].Actor) == pActor {
				exact = append(exact, i)
			}
		}
		if len(exact) > 0 {
			cands = exact
		}
		hit := -1
		for _, i := range cands {
			g := gold[i]
			if p.Stance != g.Stance && !contains(g.Alt, p.Stance) {
				continue
			}
			if p.Kind != g.Kind {
				r.KindMismatches++
				continue
			}
			hit = i
			break
		}
		if hit >= 0 {
			found[hit] = true
			if !gold[hit].Optional {
				r.TP++
			}
			continue
		}
		if len(cands) > 0 && allOptional(gold, cands) {
			continue
		}
		r.FP++
		r.FalsePositives = append(r.FalsePositives, row(p.Doc, p.Actor, p.Kind, p.Stance))
	}
	for i, g := range gold {
		if g.Optional {
			continue
		}
		r.Required++
		if found[i] {
			r.Found++
		} else {
			r.Missed = append(r.Missed, row(g.Doc, g.Actor, g.Kind, g.Stance))
		}
	}
	r.figures()
	return r
}

// figures computes precision, recall and F1 from the counts, rounded as
// score.py rounds them.
func (r *Report) figures() {
	var prec, rec, f1 float64
	if r.TP+r.FP > 0 {
		prec = float64(r.TP) / float64(r.TP+r.FP)
	}
	if r.Required > 0 {
		rec = float64(r.Found) / float64(r.Required)
	}
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	r.Precision, r.Recall, r.F1 = round3(prec), round3(rec), round3(f1)
}

// WriteText prints the report as score.py does without --json: missed rows,
// wrong rows, then the precision/recall line and the F1 line.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, m := range r.Missed {
		fmt.Fprintln(&b, "missed  ", m)
	}
	for _, m := range r.FalsePositives {
		fmt.Fprintln(&b, "wrong   ", m)
	}
	fmt.Fprintf(&b, "precision %s recall %s (%d/%d) kind mismatches %d\n",
		pyFloat(r.Precision), pyFloat(r.Recall), r.Found, r.Required, r.KindMismatches)
	fmt.Fprintf(&b, "f1 %s\n", pyFloat(r.F1))
	_, err := io.WriteString(w, b.String())
	return err
}

func row(doc, actor, kind, stance string) string {
	return fmt.Sprintf("%s: %s (%s) %s", doc, actor, kind, stance)
}

// names is the set of non-empty normalised forms of a name and its aliases.
func names(actor string, aliases []string) map[string]bool {
	set := map[string]bool{}
	for _, s := range append([]string{actor}, aliases...) {
		if n := normName(s); n != "" {
			set[n] = true
		}
	}
	return set
}

func overlap(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func allOptional(gold []Gold, idx []int) bool {
	for _, i := range idx {
		if !gold[i].Optional {
			return false
		}
	}
	return true
}

// titles are the leading words score.py drops, each when followed by
// whitespace; "sen." and "sen" both come from its `sen\.?`.
var titles = []string{"the", "president", "sen.", "sen", "senator", "dr.", "dr", "mr.", "mr", "ms.", "ms"}

// normName is score.py's norm: NFKD with combining marks dropped, lower
// case, curly apostrophe to straight, one leading title dropped, everything
// but a-z, 0-9, apostrophe, space and hyphen removed, spaces collapsed.
func normName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if norm.NFKD.PropertiesString(string(r)).CCC() != 0 {
			continue // unicodedata.combining(c) != 0
		}
		b.WriteRune(r)
	}
	s = strings.ReplaceAll(strings.ToLower(b.String()), "’", "'")
	for _, t := range titles {
		rest, ok := strings.CutPrefix(s, t)
		if !ok {
			continue
		}
		trimmed := strings.TrimLeftFunc(rest, pySpace)
		if len(trimmed) < len(rest) {
			s = trimmed
			break
		}
	}
	b.Reset()
	space := false
	for _, r := range s {
		switch {
		case r == ' ':
			space = true
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '\'', r == '-':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pySpace is Python's str.isspace, which its re module uses for \s: Go's
// unicode.IsSpace plus the ASCII separators U+001C to U+001F.
func pySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// round3 is Python's round(x, 3): the correctly rounded decimal with ties to
// even, read back as a float.
func round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// pyFloat formats a float as Python's str does for values in [0, 1]: the
// shortest representation, with ".0" on whole numbers.
func pyFloat(x float64) string {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// Micro adds several reports up: their hits, wrong predictions, required
// and found gold rows, with precision, recall and F1 recomputed from the
// sums. Missed and wrong rows are concatenated.
func Micro(rs []Report) Report {
	t := Report{FalsePositives: []string{}, Missed: []string{}}
	for _, r := range rs {
		t.TP += r.TP
		t.FP += r.FP
		t.Required += r.Required
		t.Found += r.Found
		t.KindMismatches += r.KindMismatches
		t.FalsePositives = append(t.FalsePositives, r.FalsePositives...)
		t.Missed = append(t.Missed, r.Missed...)
	}
	t.figures()
	return t
}
