#!/usr/bin/env bash
# Runs the benchmarks and prints them as a Markdown table (the raw go test
# output goes to stderr as it comes). Extraction is always measured; other
# packages' benchmarks are added with BENCH_PKGS, e.g.
#   BENCH_PKGS="./graph" scripts/bench.sh
# BENCHTIME overrides -benchtime (default 3x: three timed passes).
set -euo pipefail
cd "$(dirname "$0")/.."

raw=$(mktemp)
trap 'rm -f "$raw"' EXIT

# -p 1: one package at a time, so benchmarks never compete for the CPU.
# -timeout 0: one pass over the extraction corpus takes minutes, and go
# test's default 10-minute limit would kill a slow machine's run.
# shellcheck disable=SC2086 # BENCH_PKGS is a list of packages
go test -p 1 -timeout 0 -run '^$' -bench . -benchtime "${BENCHTIME:-3x}" ./extract ${BENCH_PKGS:-} | tee "$raw" >&2

awk '
/^pkg: / { pkg = $2; sub(/^github\.com\/stancegraph\/stancegraph\//, "", pkg) }
/^Benchmark/ && NF >= 4 {
	ns = mb = docs = "-"
	for (i = 3; i < NF; i += 2) {
		if ($(i + 1) == "ns/op")  ns = sprintf("%.0f", $i)
		if ($(i + 1) == "MB/s")   mb = sprintf("%.2f", $i)
		if ($(i + 1) == "docs/s") docs = sprintf("%.1f", $i)
	}
	rows[++n] = sprintf("| %s | %s | %s | %s | %s | %s |", pkg, $1, $2, ns, mb, docs)
}
END {
	if (n == 0) { print "bench: no benchmark results" > "/dev/stderr"; exit 1 }
	print "| package | benchmark | runs | ns/op | MB/s | docs/s |"
	print "|---|---|---:|---:|---:|---:|"
	for (i = 1; i <= n; i++) print rows[i]
}' "$raw"
