#!/usr/bin/env bash
# Runs every test against a real local Neo4j (a separate test instance on
# port 17688 under .neo4j/test), and stops it afterwards even when a test
# fails.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh chromium
make web
# The page's code type-checked against the API's shapes (server/openapi.json).
(cd web && npm run check)
go build -buildvcs=auto -o bin/stancegraph ./cmd/stancegraph

# The test instance: same jars as the main one, its own data and port.
testneo() { STANCEGRAPH_NEO4J_URI= STANCEGRAPH_LOCAL_HOME=.neo4j/test STANCEGRAPH_LOCAL_PORT=17688 STANCEGRAPH_LOCAL_HTTP_PORT=17689 ./bin/stancegraph "$@"; }
trap 'testneo neo4j stop || true' EXIT
testneo neo4j start

go vet ./...
# -p 1: packages share the one test database and some restart it. The
# fault suite (./faults, about 5 minutes) and the security suite
# (./security, under a minute) are part of it; each rewrites its own
# section of RELIABILITY.md.
go test -p 1 -count=1 -timeout 20m ${TEST_PKGS:-./...}

# The fuzz targets for untrusted input (and FuzzPrefixProg, the
# extractor's own pattern search against regexp), each for a bounded number of
# inputs (about ten seconds each here). A count, not a duration: Go 1.26's
# fuzz coordinator can fail a target with "context deadline exceeded" and
# no failing input when a duration runs out (golang/go#75804, fixed in Go
# 1.27). FUZZTIME (e.g. 1m) overrides the counts for a longer run.
[ -n "${TEST_PKGS:-}" ] && exit 0
for target in ask:FuzzParse:10000x cypher:FuzzParseQuery:300000x extract:FuzzStripHTML:80000x extract:FuzzExtract:50000x extract:FuzzPrefixProg:100000x; do
	IFS=: read -r pkg fuzz count <<<"$target"
	go test -run '^$' -fuzz "^$fuzz\$" -fuzztime "${FUZZTIME:-$count}" "./$pkg"
done
