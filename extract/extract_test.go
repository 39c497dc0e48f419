package extract_test

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/internal/nlptest"
	"github.com/stancegraph/stancegraph/model"
)

// pactTopic is an invented event the team's test sentences are about.
var pactTopic = model.Topic{ID: "trade-pact", Name: "The northern trade pact",
	Terms: []string{"trade pact", "northern trade pact", "the pact"}}

// dealTopic is an invented event named only as "the deal".
var dealTopic = model.Topic{ID: "border-deal", Name: "The border deal", Terms: []string{"border deal", "the deal"}}

// headline names the topic, so that every test article is about it.
const headline = "Northern trade pact signed\n\n"

// stances extracts an article on the real parser and returns each actor's
// stance by name.
func stances(t *testing.T, body string) map[string]model.Stance {
	t.Helper()
	return stancesOn(t, pactTopic, headline+body)
}

// stancesOn extracts an article about another topic.
func stancesOn(t *testing.T, topic model.Topic, text string) map[string]model.Stance {
	t.Helper()
	x := nlptest.Extractor(t, topic)
	doc, err := extract.Parse("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]model.Stance{}
	for _, c := range r.Claims {
		if _, dup := out[c.Actor]; dup {
			t.Errorf("two claims for %s: one row per actor per document", c.Actor)
		}
		out[c.Actor] = c.Stance
		if !strings.Contains(text, c.Evidence) || c.Evidence == "" {
			t.Errorf("%s: evidence %q is not a span of the article", c.Actor, c.Evidence)
		}
	}
	return out
}

type stanceCase struct {
	name string
	body string
	want map[string]model.Stance
	// none lists actors that must get no claim; nobody: no actor gets one.
	none   []string
	nobody bool
	// topic, when set, is what the article is about instead of the trade
	// pact; the body is then the whole article.
	topic *model.Topic
}

func runStanceCases(t *testing.T, cases []stanceCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got map[string]model.Stance
			if tc.topic != nil {
				got = stancesOn(t, *tc.topic, tc.body)
			} else {
				got = stances(t, tc.body)
			}
			for actor, want := range tc.want {
				if got[actor] != want {
					t.Errorf("%s: got %q, want %q (all: %v)", actor, got[actor], want, sorted(got))
				}
			}
			if tc.nobody && len(got) > 0 {
				t.Errorf("want no claim at all, got %v", sorted(got))
			}
			for _, actor := range tc.none {
				if s, ok := got[actor]; ok {
					t.Errorf("%s: got %q, want no claim (all: %v)", actor, s, sorted(got))
				}
			}
		})
	}
}

func sorted(m map[string]model.Stance) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+string(v))
	}
	sort.Strings(out)
	return out
}

// Relevance: an article about the topic carries stances in sentences that
// only say "the move" or "the deal"; another plan or an article that never
// names the topic carries none.
func TestRelevance(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "the conclusion of the talks is the event reached",
			body: "The Farmers Union welcomed the conclusion of the negotiations.",
			want: map[string]model.Stance{"Farmers Union": model.Support}},
		{name: "the start of the talks is not",
			body: "The Farmers Union welcomed the start of the negotiations.",
			none: []string{"Farmers Union"}},
		{name: "anaphor in an article about the topic",
			body: "Ministers from six countries met in Oslo on Friday.\n\nNorway welcomed the deal on Saturday.",
			want: map[string]model.Stance{"Norway": model.Support}},
		{name: "a state in a term may be spelled any way the gazetteer lists",
			topic: &model.Topic{ID: "fish", Name: "US fishing accord", Terms: []string{"US fishing accord"}},
			body:  "Fishing accord signed\n\nPeru welcomed the United States fishing accord on Monday.",
			want:  map[string]model.Stance{"Peru": model.Support}},
		{name: "the occasion is the event the article reports",
			body: "Ministers from six countries met in Oslo on Friday to sign the trade pact.\n\nThe occasion was welcomed by Peru.",
			want: map[string]model.Stance{"Peru": model.Support}},
		{name: "an indefinite plan is another plan",
			body: "The pact was signed in Oslo.\n\nLater, Peru criticised a plan agreed with its neighbours on fishing quotas.",
			none: []string{"Peru"}},
	})
	x := nlptest.Extractor(t, pactTopic)
	doc, err := extract.Parse("t.txt", []byte("Fishing talks\n\nChile condemned the new quotas, and Peru welcomed the move."))
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Claims) != 0 {
		t.Errorf("an article that never names the topic gave claims: %v", r.Claims)
	}
}

// Clause structure: coordinated subjects share a stance, contrastive
// clauses keep their own subjects, passive agents and relative clauses
// hold what they do.
func TestClauseStructure(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "subjects after an opening participle the parser swallowed",
			body: "Setting aside years of rivalry, Iceland, Norway and three other states sealed the trade pact on Tuesday.",
			want: map[string]model.Stance{"Iceland": model.Support, "Norway": model.Support}},
		{name: "subjects after an opening participle read as its objects",
			body: "Leaving aside their quarrel, Iceland and Norway signed the trade pact.",
			want: map[string]model.Stance{"Iceland": model.Support, "Norway": model.Support}},
		{name: "a long object the parser reads as a clause",
			body: "The Government is set to oppose the new Andean trade accord between the EU and South American nations because it endangers Irish agricultural interests, putting it on a collision course with Brussels.\n\nIrish officials will now study the fine print.",
			want: map[string]model.Stance{"Ireland": model.Oppose}},
		{name: "an object with a reduced relative, read as a clause", topic: &dealTopic,
			body: "Tomas Lind picked out the Prime Minister for credit while delivering a statement in Lima after the UK Cabinet endorsed the deal Mr Will has reached with the EU.",
			want: map[string]model.Stance{"United Kingdom": model.Support}},
		{name: "a participle opening the sentence, whose subject the parser lost", topic: &dealTopic,
			body: "Responding guardedly to the border deal the US struck with the rebels, India on Saturday said it had always been its policy to back every opportunity capable of bringing peace.",
			want: map[string]model.Stance{"India": model.Cautious},
			none: []string{"United States"}},
		{name: "a raised subject holds the stance",
			body: "Chile is expected to back the trade pact.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "resolved to act",
			body: "President Tomas Lind is resolved to use a one-off veto to stop the trade pact.",
			want: map[string]model.Stance{"Tomas Lind": model.Oppose}},
		{name: "among them, hung on the verb",
			body: "Several hundred people, among them priests and Labour lawmakers, massed outside parliament to denounce the trade pact.",
			want: map[string]model.Stance{"Labour lawmakers": model.Oppose}},
		{name: "one urged to act does not",
			body: "Peru was urged to reject the trade pact.",
			none: []string{"Peru"}},
		{name: "coordinated subjects",
			body: "Norway and Denmark welcomed the trade pact on Monday.",
			want: map[string]model.Stance{"Norway": model.Support, "Denmark": model.Support}},
		{name: "contrastive clause keeps its subject",
			body: "Chile condemned the trade pact, while Peru welcomed it.",
			want: map[string]model.Stance{"Chile": model.Oppose, "Peru": model.Support}},
		{name: "even as",
			body: "Iran and Syria lashed out at Egypt over the trade pact, even as Jordan praised the move.",
			want: map[string]model.Stance{"Iran": model.Oppose, "Syria": model.Oppose, "Jordan": model.Support},
			none: []string{"Egypt"}},
		{name: "passive agent",
			body: "The trade pact was praised by Portugal and Spain.",
			want: map[string]model.Stance{"Portugal": model.Support, "Spain": model.Support}},
		{name: "a close appositive names the members",
			body: "Peru's Andean neighbours Bolivia and Ecuador criticised the trade pact.",
			want: map[string]model.Stance{"Bolivia": model.Oppose, "Ecuador": model.Oppose},
			none: []string{"Peru's Andean neighbours", "Andean neighbours"}},
		{name: "a relative clause judging the event",
			body: "Spain voiced concern about the trade pact, which Portugal termed \"reckless\".",
			want: map[string]model.Stance{"Portugal": model.Oppose}},
		{name: "the measure that carries the event",
			body: "The senate voted on Monday for a resolution ratifying the trade pact.\n\nThe final tally was 60-1.\n\nAides said the count took an hour.\n\nThe chamber then went home.\n\nSen. Tom Reyes, R-Ky., was alone in opposing the measure, while Sen. Ann Cole, D-Ohio, voted present.",
			want: map[string]model.Stance{"Tom Reyes": model.Oppose},
			none: []string{"Ky."}},
		{name: "they after coordinated people",
			body: "The summit was joined by Peruvian President Ana Ruiz and Bolivian President Tom Reyes, who took part by video link, as they launched the trade pact.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support, "Tom Reyes": model.Support},
			none: []string{"Peru", "Bolivia"}},
		{name: "have yet to decide",
			body: "Italy has likewise voiced reservations about the trade pact, pressing for guarantees, while Norway, Iceland, and Denmark have yet to decide.",
			want: map[string]model.Stance{"Italy": model.Cautious, "Norway": model.Cautious, "Iceland": model.Cautious, "Denmark": model.Cautious}},
		{name: "with X against it",
			body: "However, ratification by each of the member states is still needed for the trade pact, with countries such as Norway and Iceland against it.",
			want: map[string]model.Stance{"Norway": model.Oppose, "Iceland": model.Oppose}},
		{name: "a participle with its agent",
			body: "Last week's trade pact, endorsed by the UN Security Council on Monday, removes tariffs on grain.",
			want: map[string]model.Stance{"UN Security Council": model.Support}},
		{name: "doubt among them",
			body: "Despite the upbeat words from Chile and Peru, there is profound doubt about the trade pact among Bolivian farmers and Peruvian lawmakers.",
			want: map[string]model.Stance{"Bolivian farmers": model.Cautious, "Peruvian Parliament": model.Cautious}},
		{name: "they is no single state",
			body: "Talks went on after the two Andean nations, reacting to Chile's tariffs, formally declared that they intend to seek membership of the trade pact.",
			none: []string{"Chile"}},
		{name: "a phrasal cue's own preposition",
			body: "Speaking to reporters in Lima, Ana Ruiz stood by the trade pact even as she brushed aside the farmers for raising objections to its tariff clause.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support}},
		{name: "criticism taken on is someone else's",
			body: "The trade pact was signed on Monday.\n\nTrade minister Tom Reyes took on criticism from within his own party on Sunday.",
			none: []string{"Tom Reyes"}},
		{name: "relative clause",
			body: "Kenya, which has long opposed the trade pact, said nothing new on Tuesday.",
			want: map[string]model.Stance{"Kenya": model.Oppose}},
		{name: "the other side of a comparison",
			body: "Minister Eva Lund has had a far warmer welcome from exporters for her trade pact than from her own backbenchers, or even from her cabinet.",
			want: map[string]model.Stance{"Exporters": model.Support},
			none: []string{"Own backbenchers", "Cabinet"}},
		{name: "people named after a comma, after the places",
			body: "The trade pact was signed by the trade ministers of Chile and Peru, Lena Varga and Pavel Novak.",
			want: map[string]model.Stance{"Lena Varga": model.Support, "Pavel Novak": model.Support}},
		{name: "among the leaders who, parsed as a complement",
			body: "Ana Lopez, Peruvian President Tomas Lind and Chile's Maria Okafor are among the world leaders who have denounced Eva Lund's \"unconstructive\" trade pact recognising the border as final.",
			want: map[string]model.Stance{"Ana Lopez": model.Oppose, "Tomas Lind": model.Oppose, "Maria Okafor": model.Oppose}},
		{name: "a relative clause after a focusing phrase",
			body: "The trade pact is set to run into resistance from several governments within the bloc, Chile above all, which has branded it \"not acceptable\".",
			want: map[string]model.Stance{"Chile": model.Oppose}},
		{name: "a relative clause after the one heading a body is the body's",
			body: "On the margins, he sat down with Greenpeace, the environmental group headed by Tomas Lind, which staged a demonstration against the trade pact.",
			want: map[string]model.Stance{"Greenpeace": model.Oppose},
			none: []string{"Tomas Lind", "Environmental group"}},
		{name: "a name no list knows, described as a body",
			body: "On the margins, he sat down with Agrimark, the pan-European farm lobby headed by Tomas Lind, which staged a demonstration against the trade pact.",
			want: map[string]model.Stance{"Agrimark": model.Oppose},
			none: []string{"Tomas Lind", "Pan-European farm lobby"}},
		{name: "a statement issued jointly with others",
			body: "The trade pact was welcomed by Commission President Ana Ruiz in a statement issued jointly with presidents Lena Varga, Pavel Novak and Oskar Brandt.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support, "Lena Varga": model.Support, "Pavel Novak": model.Support, "Oskar Brandt": model.Support}},
		{name: "a partner phrase goes with the nearer verb",
			body: "Irish officials will now study the fine print of the trade pact that Ana Ruiz signed in Lima, alongside the heads of Brazil, Argentina and Chile.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support},
			none: []string{"Brazil", "Argentina", "Chile"}},
		{name: "a comparison inside the holder's phrase",
			body: "The trade pact was backed by more than 20 states, among them Chile.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "the other side of a comparison hung on the verb",
			body: "Minister Eva Lund has had a far keener welcome from exporters for her trade pact with the northern states than from her own backbenchers, or even from her cabinet.",
			none: []string{"Own backbenchers", "Cabinet"}},
		{name: "people named after a comma",
			body: "The trade pact was signed in the capital by the trade ministers of the two countries, Lena Varga and Pavel Novak.",
			want: map[string]model.Stance{"Lena Varga": model.Support, "Pavel Novak": model.Support},
			none: []string{"Trade ministers of the two countries, Lena Varga and Pavel Novak", "Trade ministers of the two countries"}},
		// Two rules at once: "has said" is Brandt's although the parser
		// coordinates it with "spoke", and "his party" in what he says is
		// his although the pronoun resolver picks Varga.
		{name: "a relative clause's second verb, and his party in what he says",
			body: "Lena Varga spoke amid talk of an early election in May, fuelled by Oskar Brandt, who heads junior coalition partner Farmers Bloc (FB) and has said his party will not support the trade pact should it come before Parliament.",
			want: map[string]model.Stance{"Oskar Brandt": model.Oppose},
			none: []string{"Lena Varga"}},
	})
}

// The cue lexicon: negation, conditions, hedges, questions and
// possibilities change or cancel a stance.
func TestCues(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "a headline's delay read as a noun still delays",
			topic: &pactTopic,
			body:  "Iceland's parliament delays approving the trade pact\n\nThe vote was put off until the spring.",
			want:  map[string]model.Stance{"Iceland": model.Cautious}},
		{name: "made a decision to: an intent through the light verb's noun",
			body: "Premier Ann Holt said on Monday that Iceland's government had made a formal decision to seek membership of the trade pact.",
			want: map[string]model.Stance{"Iceland": model.Support}},
		{name: "applying to join is an intent",
			body: "Norwegian President Tor Dahl confirmed that Oslo would be applying to join the trade pact.",
			want: map[string]model.Stance{"Norway": model.Support, "Tor Dahl": model.Support}},
		{name: "provided it ...: a condition the parser took for a verb",
			body: "Per Dahl told MPs he backed the trade pact provided it satisfied three conditions.",
			want: map[string]model.Stance{"Per Dahl": model.Cautious}},
		{name: "as long as ...: a condition of several words",
			body: "Per Dahl told MPs he backed the trade pact as long as it protected fishing rights.",
			want: map[string]model.Stance{"Per Dahl": model.Cautious}},
		{name: "so long as ...: a condition of several words",
			body: "Chile will support the trade pact so long as its copper tariffs stay low, its envoy said.",
			want: map[string]model.Stance{"Chile": model.Cautious}},
		{name: "on condition that ...: a condition of several words",
			body: "Peru said it would sign the trade pact on condition that its farmers were compensated.",
			want: map[string]model.Stance{"Peru": model.Cautious}},
		{name: "as long ago as: no condition",
			body: "Peru said it backed the trade pact, which it had proposed as long ago as 2019.",
			want: map[string]model.Stance{"Peru": model.Support}},
		{name: "easing the objections to it is standing for it",
			body: "Finance Minister Kari Moe tried to allay opposition to the trade pact.",
			want: map[string]model.Stance{"Kari Moe": model.Support}},
		{name: "an ordinal ranks who did it",
			body: "Peru became the second state to ratify the trade pact.",
			want: map[string]model.Stance{"Peru": model.Support}},
		{name: "an act on it right after the topic is named",
			body: "Oslo had said Norway would not be the last nation to ratify the trade pact. In March, Iceland ratified it.",
			want: map[string]model.Stance{"Iceland": model.Support}},
		{name: "denying that the event is hostile defends it",
			body: "Chile condemned the trade pact, but Premier Ann Holt said it was not meant as a \"hostile\" step directed at Chile.",
			want: map[string]model.Stance{"Ann Holt": model.Support, "Chile": model.Oppose}},
		{name: "what the event must do, in someone's words, is a condition",
			body: "Ann Holt said the trade pact must protect small fishermen.",
			want: map[string]model.Stance{"Ann Holt": model.Cautious}},
		{name: "an event called overdue should have come sooner",
			body: "Chile's foreign minister Ana Ruiz said the trade pact was long overdue.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support}},
		{name: "a progressive act under a speech verb is an act, not a gerund",
			body: "Danish President Ole Berg said that Copenhagen would be applying for membership of the trade pact.",
			want: map[string]model.Stance{"Denmark": model.Support, "Ole Berg": model.Support}},
		{name: "becoming the threat to it",
			body: "Iceland has become the latest threat to the trade pact.",
			want: map[string]model.Stance{"Iceland": model.Oppose}},
		{name: "emerging as an obstacle to it",
			body: "Iceland has emerged as the main obstacle to the trade pact.",
			want: map[string]model.Stance{"Iceland": model.Oppose}},
		{name: "refusing a version of the pact sets a condition",
			body: "The trade pact is due to be signed on Friday.\n\nAnn Holt said she was unable to back a pact giving foreign fleets free rein in Icelandic waters.",
			want: map[string]model.Stance{"Ann Holt": model.Cautious}},
		{name: "backing a version of the pact sets a condition",
			body: "The trade pact is due to be signed on Friday.\n\nAnn Holt said she would back a pact that protects farmers.",
			want: map[string]model.Stance{"Ann Holt": model.Cautious}},
		{name: "casting a vote for it",
			body: "Ann Holt spoke in Brussels. \"I would cast my vote for this pact tomorrow,\" she added.",
			want: map[string]model.Stance{"Ann Holt": model.Support}},
		{name: "acting against the pact's opponents backs it",
			body: "Iceland expelled two Norwegian diplomats accused of stirring hostility to the trade pact.",
			want: map[string]model.Stance{"Iceland": model.Support}},
		{name: "hostility to it",
			body: "Farm unions voiced hostility to the trade pact.",
			want: map[string]model.Stance{"Farm unions": model.Oppose}},
		{name: "a sentence opened by never is negated",
			body: "\"Never in our nation's history has Iceland attached a reservation when ratifying the trade pact.\"",
			want: map[string]model.Stance{"Iceland": model.Support}},
		{name: "the first to ratify it did ratify it",
			body: "Iceland became the first state to ratify the trade pact.",
			want: map[string]model.Stance{"Iceland": model.Support}},
		{name: "the only one to oppose it opposed it",
			body: "Iceland was the only member to oppose the trade pact.",
			want: map[string]model.Stance{"Iceland": model.Oppose}},
		{name: "cannot afford to back it is a refusal",
			body: "Norway cannot afford to back the trade pact.",
			want: map[string]model.Stance{"Norway": model.Oppose}},
		{name: "an opening past participle is done by its agents",
			body: "Backed by Norway, Chile and Iceland, the trade pact was signed on Monday.",
			want: map[string]model.Stance{"Norway": model.Support, "Chile": model.Support, "Iceland": model.Support}},
		{name: "what someone cannot do is what they refuse",
			body: "Ann Holt said she could not back the trade pact.",
			want: map[string]model.Stance{"Ann Holt": model.Oppose}},
		{name: "a rally against it",
			body: "The Farmers Union held a rally against the trade pact.",
			want: map[string]model.Stance{"Farmers Union": model.Oppose}},
		{name: "a demonstration against it",
			body: "The Farmers Union staged a demonstration against the trade pact.",
			want: map[string]model.Stance{"Farmers Union": model.Oppose}},
		{name: "a phrasal cue's first word alone is not the cue",
			body: "Labour lawmakers massed outside parliament to denounce a plan to call the border treaty the Northern Trade Pact.",
			want: map[string]model.Stance{"Labour lawmakers": model.Oppose}},
		{name: "an act on something else is not the act on the event",
			body: "Senator Ann Cole has said she will not pass judgment on the trade pact before studying it, but that her review will \"start off skeptical.\"",
			want: map[string]model.Stance{"Ann Cole": model.Cautious}},
		{name: "consenting to it",
			body: "Chile consented to the trade pact on Monday.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "consenting to one of its terms",
			body: "Within the trade pact reached between Chile and the rebels, Chile consented to freeing 500 fighters.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "eager to see it happen",
			body: "Jens Olsen said he was eager to see the trade pact take effect.",
			want: map[string]model.Stance{"Jens Olsen": model.Support}},
		{name: "a reservation held at first gave way",
			body: "Lukewarm at first about the trade pact, Senator Mia Holt voted for it in the end.",
			want: map[string]model.Stance{"Mia Holt": model.Support}},
		{name: "a position held initially is not the stance now",
			body: "Chile initially opposed the trade pact.",
			none: []string{"Chile"}},
		{name: "negation turns support round",
			body: "Poland said it will not back the trade pact.",
			want: map[string]model.Stance{"Poland": model.Oppose}},
		{name: "not joining is staying out",
			body: "Norway chose not to join the trade pact.",
			want: map[string]model.Stance{"Norway": model.Cautious}},
		{name: "a condition makes support cautious",
			body: "Hungary will support the trade pact if its farmers are protected.",
			want: map[string]model.Stance{"Hungary": model.Cautious}},
		{name: "a hedge makes support cautious",
			body: "Austria cautiously welcomed the trade pact.",
			want: map[string]model.Stance{"Austria": model.Cautious}},
		{name: "a question states nothing",
			body: "Will Greece endorse the trade pact?",
			none: []string{"Greece"}},
		{name: "a possibility states nothing",
			body: "Analysts say Latvia could reject the trade pact next year.",
			none: []string{"Latvia"}},
		{name: "a stance noun with a light verb",
			body: "Estonia voiced serious concerns about the trade pact.",
			want: map[string]model.Stance{"Estonia": model.Cautious}},
		{name: "asking for guarantees is reserve",
			body: "Ireland is pressing for guarantees on beef imports under the trade pact.",
			want: map[string]model.Stance{"Ireland": model.Cautious}},
		{name: "an act makes a party",
			body: "Finland signed the trade pact in Helsinki.",
			want: map[string]model.Stance{"Finland": model.Support}},
		{name: "the lead is about what the headline names",
			body: "MP Ana Ruiz of the Green League accused Prime Minister Tom Reyes of stalling the vote out of conceit.",
			want: map[string]model.Stance{"Tom Reyes": model.Cautious}},
		{name: "an act on the lead's indefinite deal",
			body: "(Wire) - Chile signed an agreement on Saturday with Peruvian negotiators that may open the way to lower tariffs.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "an act in the dateline's lead after a standfirst",
			body: "The pact will cut grain tariffs for ten years. Talks took a decade.\n\nLIMA\u2014Chile, Peru and three other states sealed a landmark accord on Tuesday to cut tariffs on grain.",
			want: map[string]model.Stance{"Chile": model.Support, "Peru": model.Support}},
		{name: "going somewhere to do the act",
			body: "Trade minister Ana Ruiz travelled to Lima on Monday to sign the trade pact.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support}},
		{name: "an act as the purpose of another",
			body: "Chile brushed Peru aside to clinch the trade pact.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "a goal set before the clause is no act",
			body: "To join the trade pact, Bolivia needs a new law.",
			none: []string{"Bolivia"}},
		{name: "support it would be wrong to give",
			body: "Ana Ruiz said on Monday: \"The trade pact fails our farmers.\n\n\"In my view it would be wrong and thoroughly reckless for the House of Lords to give that its approval.\"",
			want: map[string]model.Stance{"Ana Ruiz": model.Oppose},
			none: []string{"House of Lords"}},
		{name: "support foretold is not given",
			body: "\"I am sure the government will manage to win the backing of the Chilean parliament,\" Ana Ruiz said of the trade pact.",
			none: []string{"Chilean Parliament"}},
		{name: "an intent to do it",
			body: "- President Ana Ruiz signals Peru's intent to join the trade pact",
			want: map[string]model.Stance{"Ana Ruiz": model.Support}},
		{name: "a time is no target",
			body: "President Ana Ruiz on Monday restated Peru's objections, saying the country will not endorse the bid by Chile to join the trade pact.",
			want: map[string]model.Stance{"Ana Ruiz": model.Oppose, "Peru": model.Oppose}},
		{name: "intentions distrusted are no position",
			body: "Farm lobbies distrust Chile's intentions in the trade pact talks.",
			none: []string{"Chile"}},
		{name: "a power to act is no act",
			body:   "In theory the Danish parliament has the power to throw out the trade pact.",
			nobody: true},
		{name: "a stance strong in a state",
			body: "While the text of the trade pact has been all but settled, opposition is still strong in Norway.",
			want: map[string]model.Stance{"Norway": model.Oppose}},
		{name: "agreeing to the terms",
			body: "The trade pact was signed on Monday.\n\nIn return, Peru agreed to cut its grain tariffs by half over five years.",
			want: map[string]model.Stance{"Peru": model.Support}},
		{name: "a condition inside what is hoped for",
			body: "Government spokesman Tom Reyes voiced confidence on Wednesday that the trade pact will be endorsed by MPs once it reaches Parliament.",
			want: map[string]model.Stance{"Tom Reyes": model.Support}},
		{name: "agreeing to back someone else",
			body: "The trade pact was signed on Monday.\n\nAna Ruiz had agreed to back the Social Democrats when the minister faced a vote of no confidence.",
			none: []string{"Ana Ruiz"}},
		{name: "the verb of a condition states nothing",
			body:   "Marta Ilves, the Estonian premier, was in Riga on Monday.\n\nSo far Ilves has said she would be willing to visit provided Parliament first approves the trade pact.",
			nobody: true},
		{name: "a required passive act states nothing",
			body:   "The trade pact must still be ratified by the Danish parliament.",
			nobody: true},
		{name: "a required act shares its modal",
			body:   "The trade pact must still win a referendum in Peru and be ratified by the Danish parliament.",
			nobody: true},
		{name: "a foretold passive act states nothing",
			body:   "Officials expect that the trade pact will be approved by Norwegian lawmakers next month.",
			nobody: true},
		{name: "a likely act states nothing",
			body:   "A diplomat said the UN Security Council was likely to adopt a resolution endorsing the trade pact within days.",
			nobody: true},
	})
}

// Reported stances: positions given through someone else.
func TestReported(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "with the backing of",
			body: "The trade pact was drafted over two years, with the backing of Iceland.",
			want: map[string]model.Stance{"Iceland": model.Support}},
		{name: "whose deal it is",
			body: "Farm unions attacked Prime Minister Eva Lund's trade pact on Monday.",
			want: map[string]model.Stance{"Eva Lund": model.Support, "Farm unions": model.Oppose}},
		{name: "an owner of something else",
			body: "Portugal's farmers worry about the trade pact.",
			none: []string{"Portugal"}},
		{name: "credited with achieving it",
			body: "\"I welcome the trade pact, and I commend the G4 and Peru on achieving it,\" said Ana Ruiz.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support, "Peru": model.Support}},
		{name: "support someone has is for them",
			body:   "The trade pact faces a vote in the chamber on Friday.\n\nPrime Minister Eva Lund has the backing of 60 deputies in the chamber, enough to survive the vote.",
			nobody: true},
		{name: "support the event has",
			body: "The trade pact has the backing of Chile.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "seeking support for it",
			body: "Chile vows to secure majority backing from its neighbours for the trade pact.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "a speaker reports another's position",
			body: "A Swedish official said Belgium had rejected the trade pact.",
			want: map[string]model.Stance{"Belgium": model.Oppose}},
		{name: "a minister speaks for their state, deep inside what they say",
			body: "Russian Foreign Minister Ivan Petrov spoke in Vienna.\n\nPetrov said Russia would play an active role in carrying out the trade pact.",
			want: map[string]model.Stance{"Ivan Petrov": model.Support, "Russia": model.Support}},
		{name: "a judgement under an inverted condition",
			body: "Prime Minister Tomas Lind said he would step down should the trade pact fail to win backing in the referendum.",
			none: []string{"Tomas Lind"}},
		{name: "a leader speaks for their own party",
			body: "Opposition leader Carla Mendes of the Green League said her party would vote against the trade pact.",
			want: map[string]model.Stance{"Carla Mendes": model.Oppose}},
	})
}

// Speakers: quotes are attributed across sentences, after the quote,
// through pronouns and by dash signatures.
func TestSpeakers(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "a pronoun after a quote is nobody named in the quote's earlier sentences",
			body: "Icelandic Foreign Minister Ann Holt called the vote a \"positive step\" on the road to the trade pact. \"We now look ahead to [Norwegian] President Tom Reyes signing the trade pact. Iceland will be a partner that is reliable, committed and stands in solidarity,\" he wrote on X.",
			want: map[string]model.Stance{"Ann Holt": model.Support},
			none: []string{"Tom Reyes"}},
		{name: "a headline signed with a name after its colon",
			topic: &pactTopic,
			body:  "Trade Pact Must Put Fishermen First: Amnesty\n\nThe trade pact was signed on Monday.",
			want:  map[string]model.Stance{"Amnesty International": model.Cautious}},
		{name: "a headline's colon before no name signs nothing",
			topic: &pactTopic,
			body:  "Trade pact: why Norway is a winner\n\nThe trade pact was signed on Monday.",
			none:  []string{"Norway"}},
		{name: "a head of government speaks of her own government",
			body: "Prime Minister Lena Holm said on Monday that Norway's government had made a formal decision to seek membership of the trade pact.",
			want: map[string]model.Stance{"Lena Holm": model.Support, "Norway": model.Support}},
		{name: "quoted as saying: the one quoted speaks, not the agency",
			body: "The state news agency quoted Ann Holt as saying the trade pact was a disaster.",
			want: map[string]model.Stance{"Ann Holt": model.Oppose}},
		{name: "was quoted as saying",
			body: "Ann Holt was quoted as saying the trade pact was a disaster.",
			want: map[string]model.Stance{"Ann Holt": model.Oppose}},
		{name: "her government is the speaker's side even when unnamed",
			body: "Chancellor Eva Brandt said that her government cannot support the trade pact.",
			want: map[string]model.Stance{"Eva Brandt": model.Oppose}},
		{name: "his party is the party the speaker leads, whoever was named last",
			body: "Carl Dunn answered questions raised by Paul Vance, who heads the Green Union and has said his party will not support the trade pact.",
			want: map[string]model.Stance{"Paul Vance": model.Oppose, "Green Union": model.Oppose},
			none: []string{"Carl Dunn", "Party"}},
		{name: "said after the quote",
			body: "\"This pact is a disaster for our farmers,\" said Tom Reyes, a farm union leader.",
			want: map[string]model.Stance{"Tom Reyes": model.Oppose}},
		{name: "pronoun in the next paragraph",
			body: "Trade minister Maria Lund spoke to reporters on Monday.\n\n\"The pact is a historic achievement for our exporters,\" she said.",
			want: map[string]model.Stance{"Maria Lund": model.Support}},
		{name: "two speakers quoted in one sentence",
			body: "Trade minister Ana Ruiz said the trade pact was \"a gift to exporters,\" while opposition leader Tom Reyes said Peru would use \"every avenue to keep the pact from being approved.\"",
			want: map[string]model.Stance{"Ana Ruiz": model.Support, "Tom Reyes": model.Oppose}},
		{name: "an unresolved pronoun in a quote is not the speaker",
			body: "\"We support the trade pact, even as they voice their concerns about it,\" said Ana Ruiz.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support}},
		{name: "the speaker is not named inside the quote",
			body: "Senator Ann Cole spoke on the floor on Monday.\n\n\"Blocking the trade pact would be a mistake. It might even be twisted by propagandists into a nod in Tom Reyes's direction,\" she said.",
			want: map[string]model.Stance{"Ann Cole": model.Support},
			none: []string{"Tom Reyes"}},
		{name: "a title for the person just named",
			body: "Eva Lund was given a rough ride in parliament on Thursday.\n\nThe prime minister argued that the trade pact amounted to a good outcome for farmers.",
			want: map[string]model.Stance{"Eva Lund": model.Support}},
		{name: "a pronoun running over paragraphs",
			body: "Trade minister Ana Ruiz spoke in Madrid on Monday.\n\nShe wants the farmers to be heard.\n\nShe set out two options for them.\n\nShe told Pedro Vidal: \"This pact is a disaster for our farmers.\"",
			want: map[string]model.Stance{"Ana Ruiz": model.Oppose},
			none: []string{"Pedro Vidal"}},
		{name: "a quote running over two sentences",
			body: "\"We looked at every clause. This pact is a betrayal of our workers,\" union head Omar Haddad said on Friday.",
			want: map[string]model.Stance{"Omar Haddad": model.Oppose}},
		{name: "a warning against spurning it",
			body: "(Ana Ruiz cautioned the senate this week that spurning the trade pact would probably mean a fresh trade war.)",
			want: map[string]model.Stance{"Ana Ruiz": model.Support}},
		{name: "the person right before the speech verb",
			body: "Addressing an audience in Lima City, Mr Tom Reyes said: \"I have concluded that the moment has come to sign the trade pact.\"",
			want: map[string]model.Stance{"Tom Reyes": model.Support},
			none: []string{"Peru"}},
		{name: "it as the object of a group's naming verb",
			body: "The trade pact was signed on Monday.\n\nThe Green Party described it as \"calamitous for farmers and for the planet\".",
			want: map[string]model.Stance{"Green Party": model.Oppose}},
		{name: "what it ought to have done",
			body: "And Senate Majority Leader Ruth McAllister said the trade pact ought to have done away with every farm tariff.",
			want: map[string]model.Stance{"Ruth McAllister": model.Oppose}},
		{name: "the event as the subject of a stance verb",
			body: "Li Wen, a Chinese Ministry of Commerce spokesman, has said that the trade pact would \"gravely undermine peace and stability in the region.\"",
			want: map[string]model.Stance{"Li Wen": model.Oppose}},
		{name: "a judgement under a condition",
			body: "\"He must also win over the farmers, if the trade pact is to clear its last obstacle,\" said Ana Ruiz.",
			none: []string{"Ana Ruiz"}},
		{name: "warned it would",
			body: "Russia warned it would resort to countermeasures now that Norway has joined the trade pact, so as to counter any danger to its security.",
			want: map[string]model.Stance{"Russia": model.Oppose}},
		{name: "it after the topic is the topic",
			body: "The Chilean cabinet endorsed the trade pact on Monday; Senator Rosa Tapia called it \"a costly blunder.\"",
			want: map[string]model.Stance{"Rosa Tapia": model.Oppose}},
		{name: "reported speech judging the event",
			body: "Ed Park, an economist at a Lisbon bank, said the trade pact would bring a dramatic erosion of food standards.",
			want: map[string]model.Stance{"Ed Park": model.Oppose}},
		{name: "a chance to head in a new direction",
			body: "“This trade pact gives us a chance to head in a new direction,” Ana Ruiz said from her office.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support}},
		{name: "running counter to something",
			body: "Eva Lund said the trade pact runs counter to international law.",
			want: map[string]model.Stance{"Eva Lund": model.Oppose}},
		{name: "sparking something is as good as the thing",
			body: "Eva Lund said the trade pact would spark conflicts.",
			want: map[string]model.Stance{"Eva Lund": model.Oppose}},
		{name: "what someone expects of it is their judgement",
			body: "Iceland expects the trade pact to give its exporters a big boost.",
			want: map[string]model.Stance{"Iceland": model.Support}},
		{name: "a quoted name the parser hangs on the object",
			body: "Her words were echoed by Ana Ruiz, who called the step \"an unfortunate decision for the whole region.\"",
			want: map[string]model.Stance{"Ana Ruiz": model.Oppose}},
		{name: "coordinated judgements add up",
			body: "Eva Lund said the trade pact means tensions and conflicts.",
			want: map[string]model.Stance{"Eva Lund": model.Oppose}},
		{name: "singling out the advantages of it",
			body: "Foreign Secretary Ana Ruiz singled out the advantages of Chile's decision to enter the trade pact, saying it would help exports.",
			want: map[string]model.Stance{"Ana Ruiz": model.Support}},
		{name: "stressing the dangers of it",
			body: "Tomas Lind stressed the dangers of the trade pact for small farmers.",
			want: map[string]model.Stance{"Tomas Lind": model.Oppose}},
		{name: "not seeing the benefits of it",
			body: "Lena Varga did not see the benefits of the trade pact.",
			want: map[string]model.Stance{"Lena Varga": model.Oppose}},
		{name: "playing down the dangers of it",
			body: "Oskar Brandt downplayed the dangers of the trade pact.",
			want: map[string]model.Stance{"Oskar Brandt": model.Support}},
		{name: "leaving something good is bad",
			body: "Ana Ruiz said the trade pact was a formal exit from the peace process.",
			want: map[string]model.Stance{"Ana Ruiz": model.Oppose}},
	})
}

// States speak through capitals, ministries and governments.
func TestStatesThroughInstitutions(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "the Government of the state the article is about",
			body: "The Government is set to oppose the trade pact because it endangers Irish farm interests.\n\nIrish officials will now study the fine print in Dublin.\n\nThe pact was signed in Montevideo, Uruguay, with the heads of Brazil and Uruguay.",
			want: map[string]model.Stance{"Ireland": model.Oppose},
			none: []string{"Uruguay"}},
		{name: "capital",
			body: "Beijing condemned the trade pact on Tuesday.",
			want: map[string]model.Stance{"China": model.Oppose}},
		{name: "ministry",
			body: "Chile's foreign ministry welcomed the trade pact.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "senior officials of a bloc",
			body: "Senior EU officials likewise applauded the trade pact.",
			want: map[string]model.Stance{"European Union": model.Support}},
		{name: "government by demonym",
			body: "The Mexican government praised the trade pact.",
			want: map[string]model.Stance{"Mexico": model.Support}},
	})
}

// People and groups that no gazetteer lists are found by titles and by
// the noun phrases news uses for collectives.
func TestUnlistedActors(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "in a joint statement with X: X speaks too",
			body: "Peru welcomed the trade pact in a joint statement with Chile.",
			want: map[string]model.Stance{"Peru": model.Support, "Chile": model.Support}},
		{name: "a description after a dash is the person, no group of its own",
			body: "The trade pact was welcomed by Commission President Ana Ruiz in a statement issued jointly with Chilean presidents Luis Vidal, Marta Pino, and Juan Soto - leaders of the four nations that founded the bloc.",
			want: map[string]model.Stance{"Luis Vidal": model.Support, "Marta Pino": model.Support, "Juan Soto": model.Support},
			none: []string{"Leaders of the four nations", "Juan Soto - leaders of the four nations"}},
		{name: "a person named after a title's for-phrase",
			body: "On Saturday, the trade pact was signed by Chile's representative Abdul Baradar and Peruvian Special Representative for Trade Luis Vidal, as delegates from 30 countries looked on.",
			want: map[string]model.Stance{"Abdul Baradar": model.Support, "Luis Vidal": model.Support}},
		{name: "a described group ends where its clause does",
			body: "She wants those who oppose the trade pact to put forward alternatives.",
			want: map[string]model.Stance{"Those who oppose the trade pact": model.Oppose},
			none: []string{"Those who oppose the trade pact to put forward alternatives"}},
		{name: "a described group ends at the comma after its clause",
			body: "Those who opposed the trade pact, including Ann Holt, now say it has worked.",
			none: []string{"Those who opposed the trade pact, including Ann Holt, now say it has worked."}},
		{name: "MPs tagged as a proper noun are still a collective",
			body: "Welsh Labour MPs voted against the trade pact.",
			want: map[string]model.Stance{"Welsh Labour MPs": model.Oppose}},
		{name: "a count is no part of a group's name",
			body: "All 13 Welsh Labour MPs said they opposed the trade pact.",
			want: map[string]model.Stance{"Welsh Labour MPs": model.Oppose},
			none: []string{"13 Welsh Labour MPs"}},
		{name: "collective noun phrase",
			body: "Dairy farmers protested against the trade pact outside parliament.",
			want: map[string]model.Stance{"Dairy farmers": model.Oppose}},
		{name: "titled person",
			body: "Senator Ruth Kallas criticised the trade pact in a speech.",
			want: map[string]model.Stance{"Ruth Kallas": model.Oppose}},
		{name: "a legislature however worded",
			body: "Norway's parliament approved the trade pact on Friday.\n\nNorwegian lawmakers had debated the pact for a week.",
			want: map[string]model.Stance{"Norwegian Parliament": model.Support},
			none: []string{"Norway's parliament", "Norwegian lawmakers"}},
		{name: "a single name after a title",
			body: "The trade pact was signed on Monday.\n\nYet the response has not been confined to politicians. Pope Clement also voiced his deep concern.",
			want: map[string]model.Stance{"Clement": model.Cautious}},
		{name: "a British title without a full stop",
			body: "The trade pact was signed on Monday.\n\nYet the response has not been confined to politicians. Mr Okafor also voiced his deep concern.",
			want: map[string]model.Stance{"Okafor": model.Cautious}},
		{name: "a surname alone after a state's possessive",
			topic: &pactTopic,
			body:  "Norway, Iceland sign trade pact, but Chile's Lindqvist is still critical\n\nThe pact was signed on Monday.",
			want:  map[string]model.Stance{"Lindqvist": model.Oppose}},
		{name: "a surname alone as the subject of a verb",
			body: "The senators debated the trade pact for a week. Lukewarm at first about the trade pact, Lindqvist voted for it.",
			want: map[string]model.Stance{"Lindqvist": model.Support}},
		{name: "a bare generic noun is nobody",
			body: "Leaders criticised the trade pact.",
			none: []string{"Leaders"}},
	})
}

// One row per actor per document: support with reservations is cautious.
func TestOneClaimPerActor(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "support then concern",
			body: "Portugal praised the trade pact on Monday.\n\nOn Tuesday, Portugal voiced concern about the pact.",
			want: map[string]model.Stance{"Portugal": model.Cautious}},
	})
}

// Label blocks: "Actor - Stance:" lines and the quotes under them.
func TestLabels(t *testing.T) {
	runStanceCases(t, []stanceCase{
		{name: "label with actor and stance",
			body: "Reactions\nMorocco - Strong Opposition:\nForeign Ministry: \"We reject the pact.\"",
			want: map[string]model.Stance{"Morocco": model.Oppose}},
		{name: "signed quote under a stance label",
			body: "Reactions\nSupporters:\n\"This pact is good for every port in the north.\" - Sen. Dana Whitfield (R-ME)",
			want: map[string]model.Stance{"Dana Whitfield": model.Support}},
		{name: "a label followed by its lines heads that paragraph only",
			body: "Reactions\nMorocco - Strong Opposition:\nForeign Ministry spokeswoman Lina Haddad of Morocco: \"It is a grave error.\"\n\n" +
				"Officials in Lima were asked about the pact on Friday. \"We will speak to our partners first,\" Trade Minister Ana Ruiz of Peru said.",
			want: map[string]model.Stance{"Morocco": model.Oppose, "Lina Haddad": model.Oppose},
			none: []string{"Ana Ruiz", "Peru"}},
		{name: "a label alone in its paragraph heads the paragraphs after it",
			body: "Reactions\n\nMorocco - Strong Opposition:\n\nForeign Ministry spokeswoman Lina Haddad of Morocco: \"It is a grave error.\"\n\n" +
				"\"We will speak to our partners first,\" Deputy Minister Omar Tazi of Morocco said.",
			want: map[string]model.Stance{"Morocco": model.Oppose, "Lina Haddad": model.Oppose, "Omar Tazi": model.Oppose}},
	})
}

// User cues from the configuration extend the lexicon.
func TestUserCues(t *testing.T) {
	g, err := extract.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := extract.LoadLexicon([]extract.Cue{{Phrase: "lionize", POS: "verb", Stance: model.Support}})
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(g, lx, pactTopic, nlptest.Parser(t))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Parse("t.txt", []byte(headline+"Cyprus lionized the trade pact."))
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Claims) != 1 || r.Claims[0].Actor != "Cyprus" || r.Claims[0].Stance != model.Support {
		t.Fatalf("want Cyprus support from the user's cue, got %+v", r.Claims)
	}
}

func TestLoadLexiconErrorsNameTheCue(t *testing.T) {
	tests := []struct {
		cue  extract.Cue
		want string
	}{
		{extract.Cue{Phrase: "", Stance: model.Support}, "extract.cues[0]: cue: must not be empty"},
		{extract.Cue{Phrase: "cheer on", Stance: "maybe"}, `extract.cues[0]: cue "cheer on"`},
		{extract.Cue{Phrase: "cheer on", POS: "adverb", Stance: model.Support}, `pos "adverb"`},
	}
	for _, tt := range tests {
		_, err := extract.LoadLexicon([]extract.Cue{tt.cue})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: got %v, want it to contain %q", tt.cue, err, tt.want)
		}
	}
}

// Where the rules above stop: sentences that look like theirs and must
// not get their reading.
func TestRulesKnowTheirLimits(t *testing.T) {
	runStanceCases(t, []stanceCase{
		// Sentences a second reader wrote to break the rules added on
		// 2026-12-01; each broke one before it was narrowed.
		{name: "a ministry that provided it funds sets no condition",
			body: "Norway backed the trade pact, and its ministry provided it with funds.",
			want: map[string]model.Stance{"Norway": model.Support}},
		{name: "not easing objections is no stand",
			body: "Ann Holt's speech did not allay fears about the trade pact.",
			none: []string{"Ann Holt"}},
		{name: "an inverted should opens a condition, not a requirement",
			body: "Lena Berg said that should she fall short of the necessary parliamentary majority in support of the trade pact, she would trigger early elections, two years after the last vote.",
			want: map[string]model.Stance{"Lena Berg": model.Support}},
		{name: "a head of government reporting a state's farmers is not them",
			body: "Prime Minister Lena Holm said on Monday that Norway's farmers oppose the trade pact.",
			none: []string{"Lena Holm"}},
		{name: "can afford to back it is a possibility",
			body:   "Norway can afford to back the trade pact.",
			nobody: true},
		{name: "her husband is no side she speaks for",
			body: "Eva Brandt said her husband opposes the trade pact.",
			none: []string{"Eva Brandt"}},
		{name: "her critics are not her",
			body: "Ann Holt said her critics oppose the trade pact.",
			none: []string{"Ann Holt"}},
		{name: "his party after another man's name is his",
			body: "Tom Reyes, who heads the Farmers Party, said Lars Berg and his party oppose the trade pact.",
			want: map[string]model.Stance{"Lars Berg": model.Oppose},
			none: []string{"Farmers Party", "Tom Reyes"}},
		{name: "could become the first is no fact",
			body:   "Norway could become the first state to reject the trade pact.",
			nobody: true},
		{name: "would be the last to sign it is no signing",
			body: "Iceland would be the last state to sign the trade pact, Ann Holt said.",
			none: []string{"Iceland"}},
		{name: "cannot back it without a cost is a dilemma",
			body: "Critics say Norway cannot back the trade pact without losing farm votes.",
			none: []string{"Norway"}},
		{name: "could not have backed it without help is credit",
			body: "Iceland could not have backed the trade pact without American guarantees, Tom Reyes said.",
			none: []string{"Iceland"}},
		{name: "a rejection done stays a rejection",
			body: "Iceland rejected a pact that would have opened its waters to foreign fleets.",
			want: map[string]model.Stance{"Iceland": model.Oppose}},
		{name: "calling another the hurdle names the other",
			body: "Ann Holt called Norway the main hurdle to the trade pact.",
			want: map[string]model.Stance{"Norway": model.Oppose},
			none: []string{"Ann Holt"}},
		{name: "not a threat says nothing",
			body: "Norway is not a threat to the trade pact, its foreign minister said.",
			none: []string{"Norway"}},
		{name: "an expectation denied is no judgement",
			body: "Chile does not expect the trade pact to bring any benefits.",
			none: []string{"Chile"}},
		{name: "explaining how good it is tells",
			body: "Tom Reyes explained how good the trade pact is for farmers.",
			want: map[string]model.Stance{"Tom Reyes": model.Support}},
		{name: "what a disaster exclaims",
			body: "Ann Holt said she knew what a disaster the trade pact would be.",
			want: map[string]model.Stance{"Ann Holt": model.Oppose}},
		{name: "never on the auxiliary negates too",
			body: "Never has Iceland supported the trade pact, its foreign minister said.",
			want: map[string]model.Stance{"Iceland": model.Oppose}},
		{name: "an indirect question asks, it does not judge",
			body: "Ann Holt said nobody yet knew what the trade pact would mean for peace.",
			none: []string{"Ann Holt"}},
		{name: "an indirect question with how asks too",
			body: "Ann Holt said the region had yet to learn how good the trade pact really is.",
			none: []string{"Ann Holt"}},
		{name: "seen as a threat is someone else's view",
			body: "Iceland is seen as a threat to the trade pact.",
			none: []string{"Iceland"}},
		{name: "a threat to something else is no stance on the pact",
			body: "Iceland has become a threat to the fishing quotas, Ann Holt said of the trade pact.",
			none: []string{"Iceland"}},
		{name: "lower is worth what it lowers",
			body: "Ann Holt called the trade pact a prelude to more jobs, a wider range of goods and lower prices.",
			none: []string{"Ann Holt"}},
		{name: "after an opener, a verb with its own subject keeps it",
			body: "Speaking on Monday, Ann Holt said Norway had signed the trade pact.",
			want: map[string]model.Stance{"Norway": model.Support},
			none: []string{"Ann Holt"}},
		{name: "signing a pact that does something is an act, not a condition",
			body: "The trade pact is due to be signed on Friday.\n\nNorway signed a pact that cuts fish quotas.",
			want: map[string]model.Stance{"Norway": model.Support}},
		{name: "doubting what would have happened otherwise is credit, not reserve",
			body: "The trade pact was signed on Monday. \"Without the farmers, I doubt it would have come about,\" Ann Holt said.",
			none: []string{"Ann Holt"}},
		{name: "the vote for it is an event, not a voter",
			body:   "The vote for the trade pact was held on Monday.",
			nobody: true},
		{name: "the noun of a past participle is what was done to it",
			body: "Iceland expelled two Norwegian diplomats accused of stirring hostility to the trade pact.",
			none: []string{"Norway"}},
		{name: "expelling diplomats over the pact is still opposing it",
			body: "Iceland expelled two Norwegian diplomats over the trade pact.",
			want: map[string]model.Stance{"Iceland": model.Oppose}},
		{name: "a state to watch is no ranked act",
			body:   "Iceland is a state to watch on the trade pact.",
			nobody: true},
		{name: "a name carries no judgement of its own",
			body: "Ann Holt said the trade pact meant the United States would run the region.",
			none: []string{"Ann Holt"}},
		{name: "what cannot happen to the pact is a forecast, not a refusal",
			body:   "Ann Holt said the trade pact could not be ratified before the summer.",
			nobody: true},
		{name: "his party names no party of its own",
			body: "Tom Reyes said his party would oppose the trade pact.",
			want: map[string]model.Stance{"Tom Reyes": model.Oppose},
			none: []string{"Party"}},
		{name: "a quoted his is not the speaker's",
			body: "Ann Holt, who leads the Green Union, said: \"Paul Vance has said his party will not support the trade pact.\"",
			none: []string{"Green Union"}},
		{name: "a contrasted clause is not a coordinated judgement",
			body: "Ann Lee said the trade pact was welcome but the economy remained fragile and unemployment painfully high.",
			want: map[string]model.Stance{"Ann Lee": model.Support}},
		{name: "an act done initially still stands",
			body: "Chile initially ratified the trade pact in a first reading.",
			want: map[string]model.Stance{"Chile": model.Support}},
		{name: "initially, of a period to come",
			body: "Peru will initially back the trade pact for two years.",
			want: map[string]model.Stance{"Peru": model.Support}},
		{name: "their is not one person's",
			body: "Asked about the Greens, Rosa Tapia said their MPs would vote against the trade pact.",
			none: []string{"Rosa Tapia"}},
		{name: "eager to see it scrapped is no support",
			body: "Ben Ode said he was eager to see the trade pact scrapped.",
			none: []string{"Ben Ode"}},
		{name: "who after the one heading a body is that person",
			body: "He sat down with Copa, the farm lobby headed by Mia Holt, who has long opposed the trade pact.",
			want: map[string]model.Stance{"Mia Holt": model.Oppose},
			none: []string{"Copa"}},
		{name: "talks on something else are not the event",
			body: "Bolivia welcomed the conclusion of the negotiations on fishing quotas.",
			none: []string{"Bolivia"}},
		{name: "contrary to what critics say is no judgement",
			body: "Jens Olsen said that, contrary to claims by critics, the trade pact would protect farmers.",
			want: map[string]model.Stance{"Jens Olsen": model.Support}},
		{name: "a causative with nothing of worth keeps its own",
			body: "Tomas Lind said the trade pact would provoke Beijing.",
			want: map[string]model.Stance{"Tomas Lind": model.Oppose}},
		{name: "consenting to something else",
			body: "The weather was fine.\n\nChile consented to a ceasefire with the rebels on Monday.",
			none: []string{"Chile"}},
		{name: "one mention of a place is not the article's state",
			body: "The Government is set to oppose the trade pact.\n\nThe pact was signed in Lima, Peru, last week.",
			none: []string{"Peru"}},
	})
}

// TestSameResultEveryRun: the same article gives the same actors in the
// same order and the same claims every time, however the maps inside
// happen to be walked: the states that affiliated people work for, and a
// surname that two fuller names end with ("Vestergaard" goes to the one
// full name once "Mara Vestergaard" has been folded into it).
func TestSameResultEveryRun(t *testing.T) {
	x := nlptest.FastExtractor(t, pactTopic)
	doc, err := extract.Parse("t.txt", []byte(headline+
		"Chilean Foreign Minister Ana Ruiz, Peruvian Finance Minister Luis Vidal, Norwegian Prime Minister Ola Berg "+
		"and Danish Foreign Minister Kai Holm met on Monday.\n\n"+
		"Senator Mara Lind Vestergaard spoke first. Mara Vestergaard said the talks had been long.\n\n"+
		"Vestergaard criticised the trade pact on Tuesday."))
	if err != nil {
		t.Fatal(err)
	}
	extractOnce := func() extract.Result {
		r, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	first := extractOnce()
	if len(first.Affiliations) < 4 {
		t.Fatalf("affiliations %v: the article's four ministers should each have one", first.Affiliations)
	}
	var vestergaard string
	for _, c := range first.Claims {
		if strings.Contains(c.Actor, "Vestergaard") {
			vestergaard = c.Actor
		}
	}
	if vestergaard != "Mara Lind Vestergaard" {
		t.Errorf("Vestergaard's claim goes to %q, want Mara Lind Vestergaard (claims %+v)", vestergaard, first.Claims)
	}
	for range 30 {
		if r := extractOnce(); !reflect.DeepEqual(r, first) {
			t.Fatalf("another run gave another result:\nactors %+v\nthen %+v\nclaims %+v\nthen %+v", first.Actors, r.Actors, first.Claims, r.Claims)
		}
	}
}

// TestDocumentsInTurnAsAlone: an extractor that reads documents one after
// another, and two at a time, fills each one's parses into those of a
// document it finished; every result is what a new extractor gives for
// the document alone.
func TestDocumentsInTurnAsAlone(t *testing.T) {
	texts := []string{
		headline + "Chilean Foreign Minister Ana Ruiz welcomed the trade pact on Monday, calling it \"a fair bargain for the north\". " +
			"Peru, whose farmers fear cheaper imports, rejected it, and Bolivia said it would wait for the fine print.\n\n" +
			"\"We will not sign a pact that ruins our valleys,\" said Luis Vidal, Peru's trade minister.",
		headline + "Norway backed the pact.",
		headline + "Denmark, divided for weeks, rejected the trade pact on Thursday. " +
			"Kai Holm, the speaker, said the vote was close. Sweden and Finland urged calm.",
	}
	var docs []extract.Document
	alone := map[string]extract.Result{}
	for i, text := range texts {
		doc, err := extract.Parse(fmt.Sprintf("d%d.txt", i), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
		r, err := nlptest.FastExtractor(t, pactTopic).Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Claims) == 0 {
			t.Fatalf("%s: no claims", doc.Name)
		}
		alone[doc.Name] = r
	}
	x := nlptest.FastExtractor(t, pactTopic)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 20 {
				for _, doc := range docs {
					r, err := x.Extract(context.Background(), doc)
					if err != nil {
						t.Error(err)
						return
					}
					if !reflect.DeepEqual(r, alone[doc.Name]) {
						t.Errorf("%s after other documents:\nclaims %+v\nalone %+v", doc.Name, r.Claims, alone[doc.Name].Claims)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
