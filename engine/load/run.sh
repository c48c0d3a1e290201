#!/bin/sh
# Load test of a running engine on loopback, bounded in time: the server's floor (GET /q/health/live, which does
# nothing), single scoring of a 60-item instrument with and without a script, the catalogue's list
# (GET /api/v1/instruments) asked by a client that keeps nothing, then by one that sends back the ETag it got
# (If-None-Match, answered 304 without a body) (wrk), then batch scoring of a 25-item declarative instrument (curl,
# CSV, the median of five batches). Each figure is also given as a ratio of the floor measured in the same run, which a busy machine moves much
# less than the figures.
#
#   bin/bilan-engine create-admin-key load                # once, engine stopped: prints an admin key
#   ./mvnw install -DskipTests && bin/bilan-engine &      # then, once it is ready:
#   BILAN_API_KEY=bilan_... engine/load/run.sh [base-url] [seconds]   # default http://127.0.0.1:8080, 20 s per run
#
# Each endpoint is first warmed for BILAN_LOAD_WARMUP seconds (default 30): the JIT compilers need that long on two
# cores, and a shorter warm-up measures them compiling. The scripted endpoint is warmed for BILAN_LOAD_SCRIPT_WARMUP
# seconds (default 150): the JavaScript compiler takes two to three minutes on two cores to compile a script's call.
#
# BILAN_LOAD_ONLY=catalogue measures the floor and the catalogue's lines only; BILAN_LOAD_ONLY=batch the batch only.
#
# Needs wrk (Debian: apt-get install wrk) and curl. Publishes the benchmark packages of sdk/bench first.
set -e
base=${1:-http://127.0.0.1:8080}
seconds=${2:-20}
rows=${BILAN_LOAD_ROWS:-200000}
warmup=${BILAN_LOAD_WARMUP:-30}
script_warmup=${BILAN_LOAD_SCRIPT_WARMUP:-150}
. "$(dirname "$(readlink -f "$0")")/common.sh"
publish_bench declarative scripted batch25

# load <name> <lua> <url> [header [warm-up seconds]]: warms the endpoint, measures it, prints its line and keeps its
# requests/s in $work/<name>. The header, when given (not empty), is sent with every request besides the key.
load() {
  name=$1 lua=$2 url=$3 warm=${5:-$warmup}
  if [ -n "$4" ]; then set -- -H "$4"; else set --; fi
  wrk -t2 -c16 -d"${warm}s" -H "$auth" "$@" -s "$root/engine/load/$lua" "$url" -- "$work/responses.json" >/dev/null
  line=$(wrk -t2 -c32 -d"${seconds}s" --latency -H "$auth" "$@" -s "$root/engine/load/$lua" "$url" -- "$work/responses.json" | tail -n 1)
  echo "$line" | sed 's/^requests\/s \([0-9]*\).*/\1/' > "$work/$name"
  floor=$(cat "$work/floor" 2>/dev/null || echo 0)
  ratio=""
  if [ "$name" != floor ] && [ "$floor" -gt 0 ]; then
    ratio=$(awk -v a="$(cat "$work/$name")" -v f="$floor" 'BEGIN { printf ", %.0f %% of the floor", 100 * a / f }')
  fi
  printf '%-20s %s%s\n' "$name" "$line" "$ratio"
}
if [ "${BILAN_LOAD_ONLY:-}" != batch ]; then
  load floor get.lua "$base/q/health/live"
  if [ "${BILAN_LOAD_ONLY:-}" != catalogue ]; then
    load bench-declarative score.lua "$base/api/v1/instruments/bench-declarative/1.0.0/score"
    load bench-scripted score.lua "$base/api/v1/instruments/bench-scripted/1.0.0/score" "" "$script_warmup"
  fi
  load catalogue-list get.lua "$base/api/v1/instruments"
  # A client that holds the list: it sends back the ETag it got, and is answered 304 while the list is unchanged.
  tag=$(curl -s -o /dev/null -D - -H "$auth" "$base/api/v1/instruments" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p')
  if [ -z "$tag" ]; then
    printf '%-20s %s\n' catalogue-etag "skipped: the list has no ETag"
  elif [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H "If-None-Match: $tag" "$base/api/v1/instruments")" != 304 ]; then
    echo "$script: the list's ETag $tag is not answered 304" >&2; exit 1
  else
    load catalogue-etag get.lua "$base/api/v1/instruments" "If-None-Match: $tag"
  fi
fi
[ "${BILAN_LOAD_ONLY:-}" = catalogue ] && exit 0

# A CSV of $rows respondents of the 25-item instrument, generated with awk so nothing else is needed.
awk -v rows="$rows" 'BEGIN {
  areas = "r i a s e"; split(areas, a, " "); header = "respondent";
  for (i = 1; i <= 5; i++) for (k = 1; k <= 5; k++) header = header "," a[i] k;
  print header;
  for (r = 1; r <= rows; r++) { line = "p" r; for (c = 0; c < 25; c++) line = line "," ((r + c * 3) % 5 + 1); print line }
}' > "$work/batch.csv"
# One batch, timed from the upload's start to the last row's arrival; prints its rows per second.
batch() {
  start=$(date +%s.%N)
  curl -s -X POST -H "$auth" -H 'Content-Type: text/csv' --data-binary "@$work/batch.csv" \
    "$base/api/v1/instruments/bench-batch25/1.0.0/score-batch" -o "$work/scores.csv"
  end=$(date +%s.%N)
  scored=$(($(wc -l < "$work/scores.csv") - 1))
  [ "$scored" -eq "$rows" ] || { echo "$script: the batch scored $scored rows of $rows" >&2; exit 1; }
  awk -v rows="$scored" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f\n", rows / (e - s) }'
}
# Warmed like the other endpoints: batches for the warm-up's seconds (one at least), since the first batches run
# while the JIT compiles their path (the first one's figure is given too). Then five batches, of which the median is
# the figure.
deadline=$(($(date +%s) + warmup))
first=$(batch)
while [ "$(date +%s)" -lt "$deadline" ]; do batch >/dev/null; done
for round in 1 2 3 4 5; do batch; done > "$work/batches"
printf '%-20s %d rows a batch, median of 5 batches: %d rows/s (%s; the first batch %d)\n' batch25-csv "$rows" \
  "$(sort -n "$work/batches" | sed -n 3p)" "$(tr '\n' ' ' < "$work/batches" | sed 's/ $//')" "$first"
