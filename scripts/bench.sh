#!/usr/bin/env bash
# Runs every benchmark and prints a Markdown table plus the ratios the aims
# are stated in. Benchmarks that touch the graph use the local test Neo4j
# (started here, stopped on exit); the browser benchmark uses Debian's
# chromium. The raw go test output is kept in out/bench.txt.
# The large synthetic graph (100,000 documents) is built once, by the
# shipped first ingest, and read by the API benchmarks; the ingest variants
# are compared on its first 10,000.
#   BENCH_DOCS=2000 make bench      # a smaller synthetic corpus for a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh chromium
make -s web
go build -buildvcs=auto -o bin/stancegraph ./cmd/stancegraph
testneo() { STANCEGRAPH_NEO4J_URI= STANCEGRAPH_LOCAL_HOME=.neo4j/test STANCEGRAPH_LOCAL_PORT=17688 STANCEGRAPH_LOCAL_HTTP_PORT=17689 ./bin/stancegraph "$@"; }
trap 'testneo neo4j stop || true' EXIT

mkdir -p out
raw=out/bench.txt
export STANCEGRAPH_BENCH_DOCS="${BENCH_DOCS:-100000}"
# -p 1: one package at a time, so benchmarks never compete for the CPU.
# -timeout 0: a pass over a large corpus takes minutes on a slow machine.
# The fast extraction runs 5 s a benchmark, the CoreNLP mode three timed
# passes; the graph benchmarks each time a fixed amount of work (a whole
# corpus, a fixed number of requests) once.
{
	# The extraction benchmarks need no graph, and run before Neo4j
	# starts: after its start, its JIT still busy on the other core, they
	# read a fifth below the same build timed alone. The fast mode for
	# 5 s each: the dev corpus is 100 KB, and three passes over it (40 ms)
	# read 15-20% slower than its steady pace.
	go test -p 1 -timeout 0 -run '^$' -bench Fast -benchtime "${BENCHTIME:-5s}" ./extract
	go test -p 1 -timeout 0 -run '^$' -bench CoreNLP -benchtime "${BENCHTIME:-3x}" ./extract
	testneo neo4j start >&2
	go test -p 1 -timeout 0 -run '^$' -bench . -benchtime 1x ./graph ./ingest
	# The large graph the shipped ingest left is read by the default view
	# and the API benchmarks before the seeds replace it.
	go test -p 1 -timeout 0 -run '^$' -bench BenchmarkDefaultViewLarge -benchtime 3x ./e2e
	go test -p 1 -timeout 0 -run '^$' -bench . -benchtime 1x ./server
	go test -p 1 -timeout 0 -run '^$' -bench '^Benchmark(Draw|ForceLayout)' -benchtime 1x ./e2e
} 2>&1 | tee "$raw" >&2

# Extraction end to end, each mode against the extractor this version
# replaced, built from git in the same run.
scripts/bench-extract.sh | tee out/bench-extract.md

awk '
/^pkg: / { pkg = $2; sub(/^github\.com\/stancegraph\/stancegraph\//, "", pkg) }
/^Benchmark/ && NF >= 4 {
	name = $1; sub(/-[0-9]+$/, "", name)
	m = ""
	for (i = 3; i < NF; i += 2) {
		unit = $(i + 1)
		if (unit == "ns/op") continue
		m = m sprintf("%s%s %s", (m == "" ? "" : ", "), $i, unit)
		v[name "|" unit] = $i
	}
	rows[++n] = sprintf("| %s | %s | %.2f s | %s |", pkg, name, $3 / 1e9, m)
}
function ratio(label, a, b) {
	if (v[a] != "" && v[b] != "" && v[b] + 0 > 0) printf("| %s | %.2f |\n", label, v[a] / v[b])
}
END {
	if (n == 0) { print "bench: no benchmark results" > "/dev/stderr"; exit 1 }
	print "| package | benchmark | time/op | metrics |"
	print "|---|---|---:|---|"
	for (i = 1; i <= n; i++) print rows[i]
	print ""
	print "| ratio | value |"
	print "|---|---:|"
	ratio("fast mode / CoreNLP mode on the dev corpus (MB/s)", "BenchmarkFastDev|MB/s", "BenchmarkCoreNLPDev|MB/s")
	ratio("fast mode, synthetic corpus: two topics, one named by no article / one topic (MB/s)", "BenchmarkFastSyntheticTwoTopics|MB/s", "BenchmarkFastSynthetic|MB/s")
	ratio("fast mode, dev corpus: the topics of its eight events at once / one topic (MB/s)", "BenchmarkFastDevAllTopics|MB/s", "BenchmarkFastDev|MB/s")
	ratio("fast mode, synthetic corpus: thirty-one topics, thirty named by no article / one topic (MB/s)", "BenchmarkFastSyntheticManyTopics|MB/s", "BenchmarkFastSynthetic|MB/s")
	ratio("batched writes / one query per row (docs/s)", "BenchmarkWriteBatched|docs/s", "BenchmarkWritePerRow|docs/s")
	ratio("eight documents per transaction / one (docs/s)", "BenchmarkWriteEightPerTransaction|docs/s", "BenchmarkWriteBatched|docs/s")
	ratio("eight documents per transaction / bare UNWIND write of the same rows, eight per transaction (docs/s)", "BenchmarkWriteEightPerTransaction|docs/s", "BenchmarkWriteBare|docs/s")
	ratio("sixty-four documents per transaction (shipped) / eight (docs/s)", "BenchmarkWriteSixtyFourPerTransaction|docs/s", "BenchmarkWriteEightPerTransaction|docs/s")
	ratio("sixty-four documents per transaction / bare UNWIND write, sixty-four per transaction (docs/s; aim >= 0.5)", "BenchmarkWriteSixtyFourPerTransaction|docs/s", "BenchmarkWriteBareSixtyFour|docs/s")
	ratio("sixty-four documents per transaction / bare UNWIND write, eight per transaction (docs/s)", "BenchmarkWriteSixtyFourPerTransaction|docs/s", "BenchmarkWriteBare|docs/s")
	ratio("first load of the large corpus end to end (bulk) / bare UNWIND write of its rows (docs/s; aim >= 0.5)", "BenchmarkFirstLoadLarge|docs/s", "BenchmarkWriteBareLarge|docs/s")
	ratio("transactional ingest of the large corpus end to end (64 per transaction) / bare UNWIND write of its rows (8 per transaction) (docs/s)", "BenchmarkIngestLarge|docs/s", "BenchmarkWriteBareLarge|docs/s")
	ratio("5,000 actors drawn: rings / grouped (draw-ms)", "BenchmarkDraw5000/concentric|draw-ms", "BenchmarkDraw5000/grouped|draw-ms")
	ratio("unchanged re-ingest / first ingest of the large corpus (docs/s)", "BenchmarkReingestUnchanged|docs/s", "BenchmarkIngestLarge|docs/s")
	ratio("first ingest, documents batched in transactions / one per transaction (docs/s)", "BenchmarkIngest|docs/s", "BenchmarkIngestOnePerTransaction|docs/s")
	ratio("first ingest, sixty-four documents per transaction (shipped) / eight (docs/s)", "BenchmarkIngest|docs/s", "BenchmarkIngestEightPerTransaction|docs/s")
	ratio("first ingest, two batching writers / one (docs/s)", "BenchmarkIngest|docs/s", "BenchmarkIngestOneWriter|docs/s")
	ratio("first load of the large corpus, bulk import / transactions (docs/s)", "BenchmarkFirstLoadLarge|docs/s", "BenchmarkIngestLarge|docs/s")
	ratio("first load, bulk import / transactions, comparison corpus (docs/s)", "BenchmarkFirstLoad|docs/s", "BenchmarkIngest|docs/s")
	ratio("seeds /api/ask: API p50 / direct p50, one after the other", "BenchmarkAPISeeds/ask/http|p50-ms", "BenchmarkAPISeeds/ask/direct|p50-ms")
	ratio("seeds /api/graph: API p50 / direct p50, one after the other", "BenchmarkAPISeeds/graph/http|p50-ms", "BenchmarkAPISeeds/graph/direct|p50-ms")
	ratio("seeds /api/ask: API p50 / direct p50, measured in turns (aim <= 1.2)", "BenchmarkAPISeeds/ask/interleaved|api-p50-ms", "BenchmarkAPISeeds/ask/interleaved|direct-p50-ms")
	ratio("seeds /api/graph: API p50 / direct p50, measured in turns (aim <= 1.2)", "BenchmarkAPISeeds/graph/interleaved|api-p50-ms", "BenchmarkAPISeeds/graph/interleaved|direct-p50-ms")
	ratio("synthetic /api/ask: API p50 / direct p50, measured in turns (aim <= 1.2)", "BenchmarkAPI/ask/interleaved|api-p50-ms", "BenchmarkAPI/ask/interleaved|direct-p50-ms")
	ratio("synthetic /api/graph: API p50 / direct p50, measured in turns (aim <= 1.2)", "BenchmarkAPI/graph/interleaved|api-p50-ms", "BenchmarkAPI/graph/interleaved|direct-p50-ms")
	ratio("synthetic /api/ask: API p50 / direct p50, one after the other", "BenchmarkAPI/ask/http|p50-ms", "BenchmarkAPI/ask/direct|p50-ms")
	ratio("synthetic /api/graph: API p50 / direct p50, one after the other", "BenchmarkAPI/graph/http|p50-ms", "BenchmarkAPI/graph/direct|p50-ms")
	ratio("synthetic /api/ask: API / direct, Neo4j CPU per request", "BenchmarkAPI/ask/http|neo4j-cpu-ms/req", "BenchmarkAPI/ask/direct|neo4j-cpu-ms/req")
	ratio("synthetic /api/ask: API / direct, server and clients CPU per request", "BenchmarkAPI/ask/http|go-cpu-ms/req", "BenchmarkAPI/ask/direct|go-cpu-ms/req")
	ratio("synthetic /api/graph: API / direct, Neo4j CPU per request", "BenchmarkAPI/graph/http|neo4j-cpu-ms/req", "BenchmarkAPI/graph/direct|neo4j-cpu-ms/req")
	ratio("synthetic /api/graph: API / direct, server and clients CPU per request", "BenchmarkAPI/graph/http|go-cpu-ms/req", "BenchmarkAPI/graph/direct|go-cpu-ms/req")
	ratio("synthetic /api/ask: everything (limit=10000) p50 / first page p50", "BenchmarkAPI/ask/http-all|p50-ms", "BenchmarkAPI/ask/http|p50-ms")
	ratio("synthetic /api/ask: one quote a row, the rest when a row opens / five a row, p50", "BenchmarkAPI/ask/http|p50-ms", "BenchmarkAPI/ask/http-5quotes|p50-ms")
	ratio("synthetic /api/ask: one quote a row / five a row, Neo4j CPU per request", "BenchmarkAPI/ask/http|neo4j-cpu-ms/req", "BenchmarkAPI/ask/http-5quotes|neo4j-cpu-ms/req")
	ratio("synthetic /api/graph: everything (limit=10000) p50 / first page p50", "BenchmarkAPI/graph/http-all|p50-ms", "BenchmarkAPI/graph/http|p50-ms")
	ratio("synthetic /api/disagreements: everything (limit=10000) p50 / first page p50", "BenchmarkAPI/disagreements/http-all|p50-ms", "BenchmarkAPI/disagreements/http|p50-ms")
	ratio("synthetic /api/documents: a search (?text=) p50 / the first page p50, one client", "BenchmarkAPI/documents-search/http-1client|p50-ms", "BenchmarkAPI/documents/http-1client|p50-ms")
}' "$raw"
