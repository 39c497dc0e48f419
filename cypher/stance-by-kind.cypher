// name: stance-by-kind
// description: Actors of one kind (person, state or group) with their stances on each topic (or one: its id as topic) and how many claims back each.
:param kind => 'state';
:param topic => '';
MATCH (a:Actor {kind: $kind})-[s:SUPPORTS|OPPOSES|CAUTIOUS_ON]->(t:Topic)
WHERE $topic = '' OR t.id = $topic
RETURN a.name AS actor, type(s) AS stance, s.claims AS claims, s.documents AS documents, t.name AS topic
ORDER BY topic, claims DESC, actor;
