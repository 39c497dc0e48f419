package shallow

import "strings"

// verbs are the verbs the shallow tagger recognises: the common verbs of
// news reporting, speech and position-taking. A word not listed is read
// as a noun or an adjective, which costs the fast mode recall, not
// precision.
var verbs = strings.Fields(`
accept accuse achieve acknowledge add address adopt affirm agree aim allege allow announce answer appeal
applaud apply approve argue arrive ask assail assert assure attack attempt back balk ban battle become
begin believe betray block blast boycott brand break bring broker build call cancel caution celebrate
challenge champion charge cheer choose claim clear clinch close combat come comment commend complain
complete conclude condemn confirm consider continue criticise criticize cut decide declare decline decry
defend delay deliver demand denounce deny deplore deride derail describe deserve dismiss doubt drop dub
earn ease embrace emphasise emphasize end endorse enter expect explain express face fail fault favor
favour fear feel fight finalise finalize follow fume gain get give go greet hail halt hammer hesitate
hold honor honour hope implement include indicate insist intend issue join keep kill label lament launch
lash laud lead leave lobby lose make mark meet mock move need negotiate note object observe offer open
oppose pass pledge plan play pledge postpone praise predict present press prevent promise propose protest
provide pull push put question quit raise ratify reach react recall recognise recognize recommend refuse
register reiterate reject remain remark repeat reply report repudiate request require resign resist
respond restate retaliate return reverse review ridicule rule sabotage salute savage say scrap scrutinise
scrutinize seal see seek seem sell send serve set share show sign signal slam speak spurn stand start
state stay step stop strengthen stress strike study suggest support sink take talk tear tell term
threaten throw torpedo tout try turn tweet undermine unveil urge veto view vote vow walk want warn
weaken weigh welcome win withdraw work worry write voice air lodge stage draw spark trigger prompt
provoke attract hail greet rebuff reaffirm brush drive lift hit push cast cite urge
`)

// irregular past forms: past tense and past participle.
var irregular = map[string][2]string{
	"be": {"was", "been"}, "become": {"became", "become"}, "begin": {"began", "begun"},
	"break": {"broke", "broken"}, "bring": {"brought", "brought"}, "build": {"built", "built"},
	"choose": {"chose", "chosen"}, "come": {"came", "come"}, "cut": {"cut", "cut"},
	"feel": {"felt", "felt"}, "fight": {"fought", "fought"}, "get": {"got", "gotten"},
	"give": {"gave", "given"}, "go": {"went", "gone"}, "hold": {"held", "held"}, "keep": {"kept", "kept"},
	"lead": {"led", "led"}, "leave": {"left", "left"}, "lose": {"lost", "lost"}, "make": {"made", "made"},
	"meet": {"met", "met"}, "put": {"put", "put"}, "quit": {"quit", "quit"}, "say": {"said", "said"},
	"see": {"saw", "seen"}, "seek": {"sought", "sought"}, "sell": {"sold", "sold"}, "send": {"sent", "sent"},
	"set": {"set", "set"}, "sink": {"sank", "sunk"}, "speak": {"spoke", "spoken"}, "stand": {"stood", "stood"},
	"strike": {"struck", "struck"}, "take": {"took", "taken"}, "tear": {"tore", "torn"},
	"tell": {"told", "told"}, "throw": {"threw", "thrown"}, "win": {"won", "won"}, "write": {"wrote", "written"},
	"withdraw": {"withdrew", "withdrawn"}, "undermine": {"undermined", "undermined"},
}

// forms maps each inflected form to its lemma and tag, built once.
var forms = func() map[string][2]string {
	m := map[string][2]string{}
	for _, v := range verbs {
		m[v] = [2]string{v, "VBP"}
		m[thirdPerson(v)] = [2]string{v, "VBZ"}
		m[ing(v)] = [2]string{v, "VBG"}
		if ir, ok := irregular[v]; ok {
			m[ir[0]] = [2]string{v, "VBD"}
			if ir[1] != ir[0] && ir[1] != v {
				m[ir[1]] = [2]string{v, "VBN"}
			}
			continue
		}
		m[past(v)] = [2]string{v, "VBD"}
	}
	return m
}()

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

func past(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		return v[:len(v)-1] + "ied"
	case doubles(v):
		return v + v[len(v)-1:] + "ed"
	}
	return v + "ed"
}

func ing(v string) string {
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee"):
		return v[:len(v)-1] + "ing"
	case doubles(v):
		return v + v[len(v)-1:] + "ing"
	}
	return v + "ing"
}

// doubles: a one-syllable verb ending consonant-vowel-consonant ("ban",
// "stop") doubles its last letter.
func doubles(v string) bool {
	if len(v) < 3 || len(v) > 4 {
		return false
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	a, b, c := v[len(v)-3], v[len(v)-2], v[len(v)-1]
	return !vowel(a) && vowel(b) && !vowel(c) && strings.IndexByte("wxy", c) < 0
}

// Forms returns the inflected forms of a word in lemma form: a verb's
// third person, past, participle and gerund, a noun's plural. Other
// packages use them to spot a lemma in raw text before any parse.
func Forms(lemma string) []string {
	out := []string{lemma, thirdPerson(lemma), past(lemma), ing(lemma)}
	if ir, ok := irregular[lemma]; ok {
		out = append(out, ir[0], ir[1])
	}
	return out
}
