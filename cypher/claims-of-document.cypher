// name: claims-of-document
// description: Every claim in one document, in text order, with its actor, stance and quote.
// param: doc = "000_802c36941e9998ea.txt"
MATCH (a:Actor)-[:MADE]->(c:Claim)-[:IN]->(d:Document {id: $doc})
RETURN a.name AS actor, c.stance AS stance, c.attribution AS attribution, c.quote AS quote, c.start AS start
ORDER BY start
