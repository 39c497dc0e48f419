#!/usr/bin/env bash
# Extraction throughput, end to end through `stancegraph extract`, of the
# extractor this version replaced (the regex extractor of commit 946bf1f,
# built from git into a temporary folder) and of this version's two modes,
# on the same files in the same run. Prints a Markdown table with each
# mode's ratio to the old extractor. No parse cache: every sentence is
# parsed. CoreNLP's start-up (loading its models, ~10 s) is measured apart.
#   scripts/bench-extract.sh            # dev corpus and 2,000 synthetic articles
set -euo pipefail
cd "$(dirname "$0")/.."

old_commit=946bf1f97206d82e6fdd3e38c3429728e220f136
dev=../shared/eval/dev
[ -d "$dev" ] || { echo "bench-extract: $dev is missing" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/new" ./cmd/stancegraph
git archive "$old_commit" | tar -x -C "$work" --one-top-level=old-src
(cd "$work/old-src" && go build -o "$work/old" ./cmd/stancegraph)

# The corpora: the dev folders, each extracted with its own topic (through
# `eval`, which also scores, a negligible cost), and a seeded synthetic
# corpus on config.yaml's topic.
"$work/new" synth --seed 1 --n "${SYNTH_DOCS:-2000}" --out "$work/synth" >/dev/null
# The synthetic corpus for the slow mode: its first 200 articles.
mkdir -p "$work/synth-200"
files=("$work"/synth/*)
cp "${files[@]:0:200}" "$work/synth-200/"

secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }'; }
mb() { du -sb "$1" | awk '{printf "%.3f", $1/1e6}'; }

# The parse cache is the folder in $cache: a new empty one for a cold run.
cache="$work/cache-start"
new() { STANCEGRAPH_NLP_CACHE="$cache" "$work/new" --config config.yaml "$@"; }
# The old binary with its own config.yaml (it refuses today's nlp block).
old() { "$work/old" --config "$work/old-src/config.yaml" "$@"; }
# CoreNLP's start-up alone: one sentence, cold.
printf 'Warm up.\n\nOne short sentence about the coalition.\n' > "$work/one.txt"
start=$(secs new extract "$work/one.txt")

row() { # corpus, mode, MB, seconds, old seconds
	awk -v c="$1" -v m="$2" -v mb="$3" -v s="$4" -v o="$5" 'BEGIN {
		printf "| %s | %s | %.3f MB | %.2f s | %.3f MB/s | %.2f |\n", c, m, mb, s, mb / s, o / s }'
}

echo "| corpus | extractor | size | time | throughput | speed vs old |"
echo "|---|---|---:|---:|---:|---:|"
# The old binary takes one topic per run: one run per dev folder.
old_dev() { for d in "$dev"/*/; do "$work/old" --config "$d/topic.yaml" eval --gold "$d/gold.jsonl" "$d/articles"; done; }
new_dev() { new eval "$dev"/*/; }
for corpus in dev synth synth-200; do
	if [ "$corpus" = dev ]; then
		size=$(cat "$dev"/*/articles/* | wc -c | awk '{printf "%.3f", $1/1e6}')
		old=$(secs old_dev)
		row "$corpus" "old regex extractor (946bf1f)" "$size" "$old" "$old"
		fast=$(STANCEGRAPH_NLP_PARSER=fast secs new_dev)
		row "$corpus" "fast (pure Go, shallow parse)" "$size" "$fast" "$old"
		cache="$work/cache-$corpus"
		cnlp=$(secs new_dev)
		cnlp=$(awk -v a="$cnlp" -v b="$start" 'BEGIN { printf "%.3f", a - b }')
		row "$corpus" "corenlp (2 workers, start-up excluded)" "$size" "$cnlp" "$old"
		cnlpw=$(secs new_dev)
		row "$corpus" "corenlp, every parse cached (re-extraction)" "$size" "$cnlpw" "$old"
		continue
	fi
	size=$(mb "$work/$corpus")
	old=$(secs old extract "$work/$corpus")
	row "$corpus" "old regex extractor (946bf1f)" "$size" "$old" "$old"
	fast=$(STANCEGRAPH_NLP_PARSER=fast secs new extract "$work/$corpus")
	row "$corpus" "fast (pure Go, shallow parse)" "$size" "$fast" "$old"
	if [ "$corpus" != synth ]; then
		cache="$work/cache-$corpus"
		cnlp=$(secs new extract "$work/$corpus")
		cnlp=$(awk -v a="$cnlp" -v b="$start" 'BEGIN { printf "%.3f", a - b }')
		row "$corpus" "corenlp (2 workers, start-up excluded)" "$size" "$cnlp" "$old"
		cnlpw=$(secs new extract "$work/$corpus")
		row "$corpus" "corenlp, every parse cached (re-extraction)" "$size" "$cnlpw" "$old"
	fi
done
echo
printf 'CoreNLP start-up (models loaded, one sentence parsed): %.1f s\n' "$start"
