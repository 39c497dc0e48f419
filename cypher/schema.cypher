// stancegraph schema: applied on every start; each statement is idempotent.
// Uniqueness constraints come first so that every MERGE uses an index.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.name IS UNIQUE;
CREATE CONSTRAINT merge_from IF NOT EXISTS FOR (m:Merge) REQUIRE m.from IS UNIQUE;
CREATE CONSTRAINT split_id IF NOT EXISTS FOR (x:Split) REQUIRE x.id IS UNIQUE;
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX claim_stance IF NOT EXISTS FOR (c:Claim) ON (c.stance);
CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256);
// The document list is in order of source: the index gives the first page
// without sorting every document.
CREATE INDEX document_source IF NOT EXISTS FOR (d:Document) ON (d.source);
// A document search finds substrings of its search key (title, source and
// file name in lower case) here, without reading every document's title.
CREATE TEXT INDEX document_search IF NOT EXISTS FOR (d:Document) ON (d.search);
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliases_text];
