// name: affiliations
// description: What a person is affiliated with (states, groups) and in which role; by name or alias.
:param name => 'Ahmed al-Sharaa';
MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor)
WHERE toLower(p.name) = toLower($name) OR any(x IN p.aliases WHERE toLower(x) = toLower($name))
RETURN p.name AS person, r.role AS role, o.name AS affiliated_with, o.kind AS kind
ORDER BY affiliated_with;
