package evaluate

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/internal/repo"
)

func TestNormName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"  Emmanuel   MACRON ", "emmanuel macron"},
		{"President Trump", "trump"},
		{"the United States", "united states"},
		{"The  President Trump", "president trump"}, // one title only
		{"Sen. Warren", "warren"},
		{"Sen.\tWarren", "warren"},
		{"Senator Warren", "warren"},
		{"Dr Smith", "smith"},
		{"Mr. Lee", "lee"},
		{"Ms Ng", "ng"},
		{"Theresa May", "theresa may"}, // "the" needs a space after it
		{"Sen.Warren", "senwarren"},
		{"U.S.", "us"},
		{"O’Brien", "o'brien"},
		{"Al-Sharaa", "al-sharaa"},
		{"Hay'at Tahrir al-Sham (HTS)", "hay'at tahrir al-sham hts"},
		{"ﬁnance", "finance"}, // NFKD unfolds the ligature
		{"Ahmed al‑Sharaa", "ahmed alsharaa"},
		{"Ελλάδα", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := normName(tt.in); got != tt.want {
				t.Fatalf("normName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	g := func(doc, actor, kind, stance string, aliases ...string) Gold {
		return Gold{Doc: doc, Actor: actor, Kind: kind, Stance: stance, Aliases: aliases}
	}
	opt := func(x Gold) Gold { x.Optional = true; return x }
	alt := func(x Gold, alts ...string) Gold { x.Alt = alts; return x }
	p := func(doc, actor, kind, stance string, aliases ...string) Prediction {
		return Prediction{Doc: doc, Actor: actor, Kind: kind, Stance: stance, Aliases: aliases}
	}
	type counts struct{ tp, fp, required, found, kindMiss int }
	tests := []struct {
		name   string
		gold   []Gold
		pred   []Prediction
		want   counts
		wrong  []string
		missed []string
	}{
		{name: "exact name hits",
			gold: []Gold{g("a", "Syria", "state", "support")},
			pred: []Prediction{p("a", "Syria", "state", "support")},
			want: counts{tp: 1, required: 1, found: 1}},
		{name: "predicted name equal to a gold alias hits",
			gold: []Gold{g("a", "United States", "state", "support", "Washington")},
			pred: []Prediction{p("a", "Washington", "state", "support")},
			want: counts{tp: 1, required: 1, found: 1}},
		{name: "predicted alias equal to the gold name hits",
			gold: []Gold{g("a", "Marco Rubio", "person", "support")},
			pred: []Prediction{p("a", "Secretary Rubio", "person", "support", "Marco Rubio")},
			want: counts{tp: 1, required: 1, found: 1}},
		{name: "case, accents and titles are ignored",
			gold: []Gold{g("a", "Recep Tayyip Erdoğan", "person", "oppose", "President Erdoğan")},
			pred: []Prediction{p("a", "president ERDOGAN", "person", "oppose")},
			want: counts{tp: 1, required: 1, found: 1}},
		{name: "an alt stance hits",
			gold: []Gold{alt(g("a", "Israel", "state", "oppose"), "cautious")},
			pred: []Prediction{p("a", "Israel", "state", "cautious")},
			want: counts{tp: 1, required: 1, found: 1}},
		{name: "a wrong stance is a false positive and a miss",
			gold:   []Gold{g("a", "Israel", "state", "oppose")},
			pred:   []Prediction{p("a", "Israel", "state", "support")},
			want:   counts{fp: 1, required: 1},
			wrong:  []string{"a: Israel (state) support"},
			missed: []string{"a: Israel (state) oppose"}},
		{name: "kinds must agree",
			gold:   []Gold{g("a", "Hezbollah", "group", "oppose")},
			pred:   []Prediction{p("a", "Hezbollah", "state", "oppose")},
			want:   counts{fp: 1, required: 1, kindMiss: 1},
			wrong:  []string{"a: Hezbollah (state) oppose"},
			missed: []string{"a: Hezbollah (group) oppose"}},
		{name: "a kind mismatch is counted even when a later row hits",
			gold:   []Gold{g("a", "Jordan", "person", "support"), g("a", "Jordan", "state", "support")},
			pred:   []Prediction{p("a", "Jordan", "state", "support")},
			want:   counts{tp: 1, required: 2, found: 1, kindMiss: 1},
			missed: []string{"a: Jordan (person) support"}},
		{name: "another document's row does not count",
			gold:   []Gold{g("a", "Syria", "state", "support")},
			pred:   []Prediction{p("b", "Syria", "state", "support")},
			want:   counts{fp: 1, required: 1},
			wrong:  []string{"b: Syria (state) support"},
			missed: []string{"a: Syria (state) support"}},
		{name: "a hit on an optional row is neither rewarded nor penalised",
			gold: []Gold{opt(g("a", "Donald Trump", "person", "support", "Trump"))},
			pred: []Prediction{p("a", "Trump", "person", "support")},
			want: counts{}},
		{name: "a miss on only optional rows is not penalised",
			gold: []Gold{opt(g("a", "Donald Trump", "person", "support", "Trump"))},
			pred: []Prediction{p("a", "Trump", "person", "oppose")},
			want: counts{}},
		{name: "an optional exact-name row shields alias-only rows",
			gold: []Gold{opt(g("a", "Iran", "state", "support")), g("a", "Tehran", "state", "oppose", "Iran")},
			pred: []Prediction{p("a", "Iran", "state", "cautious")},
			// The exact-name row is optional, so the alias row is not a
			// candidate and the prediction is forgiven.
			want:   counts{required: 1},
			missed: []string{"a: Tehran (state) oppose"}},
		{name: "exact-name rows are preferred to alias-only ones",
			gold:   []Gold{g("a", "Iran", "state", "oppose"), g("a", "Iranian government", "state", "support", "Iran")},
			pred:   []Prediction{p("a", "Iran", "state", "support")},
			want:   counts{fp: 1, required: 2},
			wrong:  []string{"a: Iran (state) support"},
			missed: []string{"a: Iran (state) oppose", "a: Iranian government (state) support"}},
		{name: "alias-only candidates mix optional and required rows",
			gold:   []Gold{opt(g("a", "Tehran", "state", "support", "Iran")), g("a", "Iranian government", "state", "oppose", "Iran")},
			pred:   []Prediction{p("a", "Iran", "state", "cautious")},
			want:   counts{fp: 1, required: 1},
			wrong:  []string{"a: Iran (state) cautious"},
			missed: []string{"a: Iranian government (state) oppose"}},
		{name: "repeated predictions count once",
			gold: []Gold{g("a", "Syria", "state", "support"), g("a", "Turkey", "state", "oppose")},
			pred: []Prediction{p("a", "Syria", "state", "support"), p("a", "SYRIA", "state", "support"),
				p("a", "Turkey", "state", "support"), p("a", "the Turkey", "state", "support")},
			want:   counts{tp: 1, fp: 1, required: 2, found: 1},
			wrong:  []string{"a: Turkey (state) support"},
			missed: []string{"a: Turkey (state) oppose"}},
		{name: "two names for one row are two true positives",
			gold: []Gold{g("a", "Marco Rubio", "person", "support", "Rubio")},
			pred: []Prediction{p("a", "Marco Rubio", "person", "support"), p("a", "Rubio", "person", "support")},
			want: counts{tp: 2, required: 1, found: 1}},
		{name: "nothing at all",
			want: counts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(tt.gold, tt.pred)
			got := counts{r.TP, r.FP, r.Required, r.Found, r.KindMismatches}
			if got != tt.want {
				t.Errorf("counts %+v, want %+v", got, tt.want)
			}
			if tt.wrong == nil {
				tt.wrong = []string{}
			}
			if tt.missed == nil {
				tt.missed = []string{}
			}
			if !reflect.DeepEqual(r.FalsePositives, tt.wrong) {
				t.Errorf("wrong %q, want %q", r.FalsePositives, tt.wrong)
			}
			if !reflect.DeepEqual(r.Missed, tt.missed) {
				t.Errorf("missed %q, want %q", r.Missed, tt.missed)
			}
		})
	}
}

func TestScoreRatios(t *testing.T) {
	var gold []Gold
	var pred []Prediction
	for _, a := range []string{"A", "B", "C"} {
		gold = append(gold, Gold{Doc: "d", Actor: a, Kind: "state", Stance: "support"})
	}
	// 2 of 3 found, 2 right of 3 predicted: 0.6666... rounds to 0.667.
	for _, a := range []string{"A", "B", "D"} {
		pred = append(pred, Prediction{Doc: "d", Actor: a, Kind: "state", Stance: "support"})
	}
	r := Score(gold, pred)
	if r.Precision != 0.667 || r.Recall != 0.667 || r.F1 != 0.667 {
		t.Fatalf("got P %v R %v F1 %v, want 0.667 each", r.Precision, r.Recall, r.F1)
	}
	// Python rounds exact ties to even: 1/16 = 0.0625 -> 0.062.
	if got := round3(0.0625); got != 0.062 {
		t.Fatalf("round3(0.0625) = %v, want 0.062", got)
	}
	if got := round3(2.675); got != 2.675 {
		t.Fatalf("round3(2.675) = %v", got)
	}
}

func TestWriteText(t *testing.T) {
	r := Report{Precision: 1, Recall: 0.5, F1: 0.667, Required: 2, Found: 1, KindMismatches: 3,
		FalsePositives: []string{"b: X (state) oppose"}, Missed: []string{"a: Y (person) support"}}
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := "missed   a: Y (person) support\nwrong    b: X (state) oppose\n" +
		"precision 1.0 recall 0.5 (1/2) kind mismatches 3\nf1 0.667\n"
	if b.String() != want {
		t.Fatalf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestLoadGold(t *testing.T) {
	t.Run("reads rows and skips blank lines", func(t *testing.T) {
		in := `{"doc": "a.txt", "actor": "Syria", "kind": "state", "stance": "support", "alt": ["cautious"], "aliases": ["Damascus"], "optional": true, "evidence": "e", "extra": 1}

{"doc": "b.txt", "actor": "Israel", "kind": "state", "stance": "oppose"}`
		gold, err := LoadGold(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		want := []Gold{
			{Doc: "a.txt", Actor: "Syria", Kind: "state", Stance: "support", Alt: []string{"cautious"},
				Aliases: []string{"Damascus"}, Optional: true, Evidence: "e"},
			{Doc: "b.txt", Actor: "Israel", Kind: "state", Stance: "oppose"},
		}
		if !reflect.DeepEqual(gold, want) {
			t.Fatalf("got %+v", gold)
		}
	})
	errs := []struct{ name, in, want string }{
		{"invalid JSON names its line", "{\"doc\": \"a\", \"actor\": \"x\", \"kind\": \"state\", \"stance\": \"oppose\"}\n\n{oops}\n", "line 3: invalid character"},
		{"a missing field names its line", `{"doc": "a", "actor": "x", "stance": "oppose"}`, `line 1: "kind" is missing`},
		{"a wrong type names its line", `{"doc": "a", "actor": "x", "kind": "state", "stance": "oppose", "optional": "yes"}`, "line 1: json: cannot unmarshal"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadGold(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// crossCheckRows holds invented rows that exercise every rule at once.
func crossCheckRows() ([]Gold, []Prediction) {
	gold := []Gold{
		{Doc: "a.txt", Actor: "Syria", Kind: "state", Stance: "support", Aliases: []string{"Damascus", "Syrian government"}},
		{Doc: "a.txt", Actor: "United States", Kind: "state", Stance: "support", Aliases: []string{"U.S.", "Washington"}},
		{Doc: "a.txt", Actor: "Donald Trump", Kind: "person", Stance: "support", Aliases: []string{"Trump"}, Optional: true},
		{Doc: "a.txt", Actor: "Israel", Kind: "state", Stance: "oppose", Alt: []string{"cautious"}},
		{Doc: "a.txt", Actor: "Recep Tayyip Erdoğan", Kind: "person", Stance: "oppose", Aliases: []string{"Erdoğan"}},
		{Doc: "a.txt", Actor: "Hezbollah", Kind: "group", Stance: "oppose"},
		{Doc: "b.txt", Actor: "Iran", Kind: "state", Stance: "oppose"},
		{Doc: "b.txt", Actor: "Iranian government", Kind: "state", Stance: "support", Aliases: []string{"Iran"}},
		{Doc: "b.txt", Actor: "Patrick O’Brien", Kind: "person", Stance: "cautious"},
		{Doc: "b.txt", Actor: "Kurdish forces", Kind: "group", Stance: "cautious", Optional: true},
	}
	pred := []Prediction{
		{Doc: "a.txt", Actor: "Damascus", Kind: "state", Stance: "support"},
		{Doc: "a.txt", Actor: "the U.S.", Kind: "state", Stance: "support"},
		{Doc: "a.txt", Actor: "President Trump", Kind: "person", Stance: "support"},
		{Doc: "a.txt", Actor: "President Trump", Kind: "person", Stance: "oppose"},
		{Doc: "a.txt", Actor: "Israel", Kind: "state", Stance: "cautious"},
		{Doc: "a.txt", Actor: "ISRAEL", Kind: "state", Stance: "cautious"},
		{Doc: "a.txt", Actor: "Erdogan", Kind: "person", Stance: "oppose"},
		{Doc: "a.txt", Actor: "Hezbollah", Kind: "state", Stance: "oppose"},
		{Doc: "a.txt", Actor: "France", Kind: "state", Stance: "support"},
		{Doc: "b.txt", Actor: "Iran", Kind: "state", Stance: "support"},
		{Doc: "b.txt", Actor: "Patrick O'Brien", Kind: "person", Stance: "cautious"},
		{Doc: "b.txt", Actor: "Kurds", Kind: "group", Stance: "support", Aliases: []string{"Kurdish forces"}},
		{Doc: "c.txt", Actor: "Syria", Kind: "state", Stance: "support"},
	}
	return gold, pred
}

// randomRows draws many rows from a small, awkward vocabulary so that names,
// aliases, kinds and stances collide often.
func randomRows() ([]Gold, []Prediction) {
	rng := rand.New(rand.NewPCG(7, 11))
	vocab := []string{"Syria", "syria", "Damascus", "President Erdoğan", "Erdogan", "the United States",
		"U.S.", "US", "Dr. Ng", "Ng", "O’Brien", "o'brien", "Sen.\tWarren", "Senator Warren", "Warren",
		"Al-Sharaa", "al Sharaa", "Hay'at Tahrir al-Sham", "HTS", "Theresa", "The Resa", "Ms.  Ng", "Mr Lee", "!!"}
	kinds := []string{"person", "state", "group"}
	stances := []string{"support", "oppose", "cautious"}
	docs := []string{"a.txt", "b.txt", "c.txt"}
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	some := func(s []string, n int) []string {
		out := []string{}
		for range rng.IntN(n + 1) {
			out = append(out, pick(s))
		}
		return out
	}
	var gold []Gold
	for range 150 {
		gold = append(gold, Gold{Doc: pick(docs), Actor: pick(vocab), Kind: pick(kinds), Stance: pick(stances),
			Alt: some(stances, 1), Aliases: some(vocab, 3), Optional: rng.IntN(4) == 0})
	}
	var pred []Prediction
	for range 400 {
		pred = append(pred, Prediction{Doc: pick(docs), Actor: pick(vocab), Kind: pick(kinds), Stance: pick(stances),
			Aliases: some(vocab, 2)})
	}
	return gold, pred
}

// TestScoreMatchesScorePy runs ../shared/eval/score.py on the same rows and
// compares every figure and line.
func TestScoreMatchesScorePy(t *testing.T) {
	script := scorePy(t)
	fixed := func() ([]Gold, []Prediction) { return crossCheckRows() }
	for name, rows := range map[string]func() ([]Gold, []Prediction){"invented": fixed, "random": randomRows} {
		t.Run(name, func(t *testing.T) {
			gold, pred := rows()
			dir := t.TempDir()
			goldPath, predPath := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl")
			writeJSONL(t, goldPath, gold)
			writeJSONL(t, predPath, pred)
			got := Score(gold, pred)

			out, err := exec.Command("python3", script, goldPath, predPath, "--json").Output()
			if err != nil {
				t.Fatalf("score.py: %v", err)
			}
			var want Report
			if err := json.Unmarshal(out, &want); err != nil {
				t.Fatalf("score.py output: %v\n%s", err, out)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Go and score.py differ:\ngo:  %+v\npy:  %+v", got, want)
			}
			t.Logf("agree on %d gold, %d predictions: tp %d fp %d found %d/%d kind mismatches %d",
				len(gold), len(pred), got.TP, got.FP, got.Found, got.Required, got.KindMismatches)

			text, err := exec.Command("python3", script, goldPath, predPath).Output()
			if err != nil {
				t.Fatalf("score.py: %v", err)
			}
			var b bytes.Buffer
			if err := got.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			if b.String() != string(text) {
				t.Fatalf("text output differs:\ngo:\n%s\npy:\n%s", b.String(), text)
			}
		})
	}
	t.Run("norm", func(t *testing.T) {
		var in []string
		for _, s := range []string{"Recep Tayyip Erdoğan", "The  President Trump", "Sen.\tWarren", "Sen.Warren",
			"Ms.\u00a0Ng", "Dr.\u2003Who", "Mr.\x1cLee", "the\u2028end", "O’Brien", "ﬁnance", "İstanbul", "Ångström",
			"Ελλάδα", "Ahmed al‑Sharaa", "  x  y  ", "ＦＵＬＬ width", "Kelvin \u212a", "naïve café", ""} {
			in = append(in, s)
		}
		stdin, _ := json.Marshal(in)
		cmd := exec.Command("python3", "-c", `import json, sys
sys.path.insert(0, sys.argv[1])
import score
print(json.dumps([score.norm(s) for s in json.load(sys.stdin)]))`, filepath.Dir(script))
		cmd.Stdin = bytes.NewReader(stdin)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("python3: %v", err)
		}
		var want []string
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		for i, s := range in {
			if got := normName(s); got != want[i] {
				t.Errorf("normName(%q) = %q, score.py norm gives %q", s, got, want[i])
			}
		}
	})
}

// scorePy finds ../shared/eval/score.py beside the repository root and
// python3, or skips: this cross-check alone may skip.
func scorePy(t *testing.T) string {
	t.Helper()
	dir := repo.Root(t)
	script := filepath.Join(dir, "..", "shared", "eval", "score.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("cross-check with score.py skipped: %s not present", script)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("cross-check with score.py skipped: python3 not on PATH")
	}
	return script
}

func writeJSONL[T any](t *testing.T, path string, rows []T) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
