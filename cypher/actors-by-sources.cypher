// name: actors-by-sources
// description: Actors ranked by the number of documents that carry a stance of theirs.
:param min_documents => 1;
MATCH (a:Actor)-[:MADE]->(c:Claim)-[:IN]->(d:Document)
WITH a, count(DISTINCT d) AS documents, count(c) AS claims
WHERE documents >= $min_documents
RETURN a.name AS actor, a.kind AS kind, documents, claims
ORDER BY documents DESC, claims DESC, actor;
