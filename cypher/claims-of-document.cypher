// name: claims-of-document
// description: Every claim in one document (by file name, path as ingested, or id), in text order, with its actor, stance and quote.
:param doc => '000_802c36941e9998ea.txt';
MATCH (a:Actor)-[:MADE]->(c:Claim)-[:IN]->(d:Document)
WHERE $doc IN [d.name, d.source, d.id]
RETURN d.source AS document, a.name AS actor, c.stance AS stance, c.attribution AS attribution, c.quote AS quote, c.start AS start
ORDER BY document, start;
