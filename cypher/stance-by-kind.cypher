// name: stance-by-kind
// description: Actors of one kind (person, state or group) with their stances and how many claims back each.
// param: kind = "state"
MATCH (a:Actor {kind: $kind})-[s:SUPPORTS|OPPOSES|CAUTIOUS_ON]->(t:Topic)
RETURN a.name AS actor, type(s) AS stance, s.claims AS claims, s.documents AS documents
ORDER BY claims DESC, actor
