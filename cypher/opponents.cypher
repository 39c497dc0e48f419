// name: opponents
// description: Who opposed the topic, with the number of claims and sources behind each.
MATCH (a:Actor)-[s:OPPOSES]->(t:Topic)
RETURN a.name AS actor, a.kind AS kind, s.claims AS claims, s.documents AS documents
ORDER BY claims DESC, actor
