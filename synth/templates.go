package synth

// The templates below are filled by doc.fill; see its comment for the
// slots. Quotes carry no closing punctuation: the caller adds it.

var topicNames = []string{
	"the anti-ISIS coalition", "the U.S.-led coalition against ISIS", "the Global Coalition to Defeat ISIS",
	"the coalition against the Islamic State", "the anti-IS coalition", "the coalition",
}

// anaphora refer back to the joining step without naming the coalition.
var anaphora = []string{
	"the move", "the decision", "the deal", "the agreement", "the announcement", "the step",
	"this development", "the accession",
}

var headlines = []string{
	"{J} joins anti-ISIS coalition as neighbours weigh their response",
	"{J} agrees to join U.S.-led coalition against ISIS",
	"Mixed reactions as {J} enters the coalition against ISIS",
	"{JP} coalition bid draws praise and criticism",
	"{J} becomes {N} member of Global Coalition to Defeat ISIS",
	"Capitals split over {JP} place in the anti-ISIS coalition",
}

var offTopicHeadlines = []string{
	"{S1} and {S2} extend talks on river water quotas",
	"Grain harvest in {S1} beats forecasts after late rains",
	"Ferry services resume between {S1} and {S2} after storm",
	"Central bank in {CAP} holds rates steady",
}

// joins state that the joiner joins the topic.
var joins = []string{
	"{J} agreed to join {T} on {DAY}, ending months of negotiations.",
	"{J} has formally joined {T}, becoming its {N} member.",
	"{J} has become the {N} member of {T}, officials in {CAP} said on {DAY}.",
	"{J} announced its decision to join {T} after weeks of talks with Washington.",
	"Officials confirmed on {DAY} that {J} would join {T} before the end of the month.",
	"{J} will join {T}, its government said in a short statement released on {DAY}.",
}

var joinFollowUps = []string{
	"The step follows years of diplomatic isolation and a series of meetings between senior officials.",
	"Details of any military contribution were not made public, and officials declined to say when the first joint meetings would take place.",
	"The membership is described by officials as political rather than military, at least for now.",
	"Diplomats said the paperwork had been completed at a meeting of senior officials in {CAP} earlier in the week.",
	"Under the terms discussed, {J} would share intelligence on militant cells and coordinate border security with its new partners.",
}

// reactions carry a support, oppose or cautious cue for a state or group.
var reactions = []string{
	"{S1} welcomed {REF}, saying it would strengthen the fight against extremist groups in the region.",
	"{S1} said it supported {JP} entry into {T} and would deepen security coordination with {J}.",
	"{G1} praised {REF} as an important step for regional security.",
	"{S1} and {S2} both endorsed {REF} in statements issued on {DAY}.",
	"{S1} voiced support for {JP} decision to join {T}.",
	"{S1} hailed {REF} as a milestone in the campaign against the militants.",
	"{S1} condemned {REF}, calling it a dangerous precedent for the region.",
	"{S1} strongly opposed {JP} membership in {T}, its foreign ministry said.",
	"{G1} denounced {REF} as a betrayal of the people of {S2}.",
	"{S1} rejected {REF} outright and summoned {JP} ambassador.",
	"{S1} criticized {REF}, arguing that {T} had no mandate to expand.",
	"{S1} expressed serious concerns about {REF}.",
	"{S1} responded cautiously to {REF}, saying it needed more time to study the details.",
	"{G1} said it will monitor how {REF} plays out on the ground.",
	"{S1} remained skeptical of {REF}, diplomats in {CAP} said.",
	"{G1} raised concerns about {T} and what the new membership would mean for civilians.",
	"Across the region, {S1} was supportive, {S2} was wary and {S3} was hostile.",
}

// hedged are negated or hedged cues.
var hedged = []string{
	"{S1} did not oppose {REF}, officials said, but asked for guarantees on the protection of civilians.",
	"{S1} stopped short of endorsing {T}'s expansion.",
	"{S1} has never supported {REF}, a spokesman for its foreign ministry said.",
	"{S1} offered qualified support for {REF}.",
	"{S1} cautiously welcomed {REF}, saying much would depend on how it is carried out.",
	"{G1} gave only lukewarm backing to {REF}.",
	"{S1} was not opposed to {REF} in principle, a diplomat said.",
	"Officials in {CAP} declined to endorse {REF} but said they would not stand in its way.",
}

var leadIns = []string{
	"Questions remain about what the membership will mean in practice.",
	"Diplomats in {CAP} are asking the obvious question.",
	"For many in the region, the calculation is not yet clear.",
}

// questions state no position, whatever words they contain.
var questions = []string{
	"Will {S1} follow {J} into {T}?",
	"What, exactly, will {J} contribute to {T}?",
	"Could {JP} membership change the balance of power in the region?",
	"Does {S1} really support {REF}, or is it waiting to see how {S2} responds?",
	"Is {T} ready to absorb a new member with such a complicated history?",
}

// subheadings are short title lines; some open a reactions section.
var subheadings = []string{
	"Regional reactions",
	"International response",
	"Views from the Gulf",
	"What happens next",
	"Background",
}

// topicLeads name the topic right before a quote.
var topicLeads = []string{
	"Reaction to {JP} decision to join {T} came quickly.",
	"Officials were asked on {DAY} about {JP} place in {T}.",
	"The debate over {T} spilled into a news conference in {CAP}.",
	"Few issues have divided diplomats this month as sharply as {JP} entry into {T}.",
}

var supportQuotes = []string{
	"We welcome this decision and we support the work of the coalition",
	"This is an important step for the security of the whole region",
	"Joining the coalition is a step in the right direction",
	"We support the agreement. It is good for everyone who wants stability",
	"We stand ready to work with our partners to make it a success",
}

var opposeQuotes = []string{
	"This is a betrayal of everything the region has fought for",
	"We reject this arrangement and we will say so at every meeting",
	"It is a grave mistake that will undermine stability",
	"We oppose the deal. It hands undeserved legitimacy to people who have not earned it",
	"This sets a dangerous precedent for the region",
}

var cautiousQuotes = []string{
	"We have serious concerns about the arrangement",
	"We will monitor how this develops before we take a position",
	"It remains to be seen whether this changes anything on the ground",
	"We note the announcement and we have reservations about the timing",
	"We are cautious. Words are easy and deeds are harder",
}

var labelNotes = []string{
	"The government said it would review the agreement with its partners.",
	"Officials in {CAP} said a formal statement would follow.",
	"A spokesman said the position had been agreed at cabinet level.",
}

// fillers name no stance and never the topic.
var fillers = []string{
	"Markets in {CAP} were steady on {DAY}, with the local currency little changed against the dollar.",
	"Officials in {CAP} also discussed water management, road repairs and the coming school year.",
	"{S1} and {S2} held a separate round of talks on trade and energy prices this week.",
	"Heavy rain was forecast for parts of the region later in the week, the meteorological service said.",
	"The last census put the population of {S1} at about {NUM} million people.",
	"Tourism figures released on {DAY} showed a rise in visitors compared with the same month last year.",
	"A delegation from {S1} is due in {CAP} next month for a cultural festival.",
	"Fuel prices in {S1} have risen for the third month in a row, according to official figures.",
	"The ministry of health in {S1} reported {NUM} new cases of seasonal influenza.",
	"A new railway line linking {CAP} with the coast is due to open next spring.",
}

// People are invented: none of these names is in the gazetteer.
var firstNames = []string{
	"Lena", "Tomas", "Amira", "Karim", "Jonas", "Mira", "Pavel", "Yara", "Idris", "Selin",
	"Marek", "Noor", "Elif", "Rami", "Hana", "Viktor", "Dalia", "Anton", "Ines", "Farid",
	"Leyla", "Oskar", "Nadia", "Emre", "Zofia", "Samir", "Katya", "Bruno", "Aylin", "Tariq",
}

var lastNames = []string{
	"Varga", "Haddad", "Lindqvist", "Okafor", "Brandt", "Mansour", "Novak", "Kaya", "Petrov", "Rahimi",
	"Castell", "Duarte", "Halvorsen", "Nakamura", "Aziz", "Moreau", "Kovac", "Sandoval", "Demir", "Farouk",
	"Olsen", "Marchetti", "Sorensen", "Hakimi", "Dragan", "Quinteros", "Abboud", "Szabo", "Lindgren", "Mwangi",
}

var titles = []string{
	"Foreign Minister", "Prime Minister", "President", "Defense Minister", "Interior Minister",
	"Ambassador", "Special Envoy", "Foreign Ministry spokeswoman",
}

var analystRoles = []string{
	"senior fellow", "research director", "security analyst", "former ambassador", "professor of politics",
}
