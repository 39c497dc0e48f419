// name: opponents
// description: Who opposed each topic (or one: its id as topic), with the number of claims and sources behind each.
:param topic => '';
MATCH (a:Actor)-[s:OPPOSES]->(t:Topic)
WHERE $topic = '' OR t.id = $topic
RETURN a.name AS actor, a.kind AS kind, s.claims AS claims, s.documents AS documents, t.name AS topic
ORDER BY topic, claims DESC, actor;
