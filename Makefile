# stancegraph: `make run` starts everything, `make test` tests everything.
# Both install what they need (system packages, Go modules, Neo4j jars).

BIN := bin/stancegraph
ARTICLES ?= examples/articles examples/tarvo-accord

.PHONY: run test test-faults test-security build web deps neo4j-start neo4j-stop clean bench

## run: start the local Neo4j (unless neo4j.uri is set), ingest $(ARTICLES) (two example events), serve on http://127.0.0.1:8080
run: build
	$(BIN) neo4j start
	$(BIN) ingest $(ARTICLES)
	$(BIN) serve

## test: every test, against a real local Neo4j it starts and stops
test:
	scripts/test.sh

## test-faults: only the fault suite (Neo4j killed and restarted, load, hostile input, auth); writes RELIABILITY.md
test-faults:
	TEST_PKGS=./faults scripts/test.sh

## test-security: only the security suite (attacks on the real binary and local Neo4j); writes its table in RELIABILITY.md
test-security:
	TEST_PKGS=./security scripts/test.sh

build: deps web
	# -buildvcs=auto: the commit goes into the binary (stancegraph version) even where GOFLAGS turns it off.
	go build -buildvcs=auto -o $(BIN) ./cmd/stancegraph

## web: bundle the browser front end (web/src) into web/static/dist for embedding
web:
	cd web && npm ci --no-audit --no-fund && npm run build

deps:
	scripts/deps.sh

neo4j-start: build
	$(BIN) neo4j start

neo4j-stop: build
	$(BIN) neo4j stop

## clean: remove the build and the local Neo4j (jars, data, logs)
clean:
	-$(BIN) neo4j stop
	rm -rf bin .neo4j

## bench: extraction throughput (and BENCH_PKGS benchmarks) as a Markdown table; see BENCHMARKS.md
bench: build
	scripts/bench.sh
