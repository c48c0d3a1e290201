#!/bin/sh
# Load test of a running engine on loopback, bounded in time: single scoring of a 60-item instrument with
# and without a script (wrk), then batch scoring of a 25-item declarative instrument (curl, CSV).
#
#   bin/bilan-engine create-admin-key load                # once, engine stopped: prints an admin key
#   ./mvnw install -DskipTests && bin/bilan-engine &      # then, once it is ready:
#   BILAN_API_KEY=bilan_... engine/load/run.sh [base-url] [seconds]   # default http://127.0.0.1:8080, 20 s per run
#
# Each endpoint is first warmed for BILAN_LOAD_WARMUP seconds (default 30): the JIT compilers (C2 and
# the JavaScript compiler) need that long on two cores, and a shorter warm-up measures them compiling.
#
# Needs wrk (Debian: apt-get install wrk) and curl. Publishes the benchmark packages of sdk/bench first.
set -e
base=${1:-http://127.0.0.1:8080}
seconds=${2:-20}
rows=${BILAN_LOAD_ROWS:-200000}
warmup=${BILAN_LOAD_WARMUP:-30}
. "$(dirname "$(readlink -f "$0")")/common.sh"
publish_bench declarative scripted batch25

for instrument in bench-declarative bench-scripted; do
  url="$base/api/v1/instruments/$instrument/1.0.0/score"
  wrk -t2 -c16 -d"${warmup}s" -H "$auth" -s "$root/engine/load/score.lua" "$url" -- "$work/responses.json" >/dev/null
  printf '%-20s ' "$instrument"
  wrk -t2 -c32 -d"${seconds}s" --latency -H "$auth" -s "$root/engine/load/score.lua" "$url" -- "$work/responses.json" | tail -n 1
done

# A CSV of $rows respondents of the 25-item instrument, generated with awk so nothing else is needed.
awk -v rows="$rows" 'BEGIN {
  areas = "r i a s e"; split(areas, a, " "); header = "respondent";
  for (i = 1; i <= 5; i++) for (k = 1; k <= 5; k++) header = header "," a[i] k;
  print header;
  for (r = 1; r <= rows; r++) { line = "p" r; for (c = 0; c < 25; c++) line = line "," ((r + c * 3) % 5 + 1); print line }
}' > "$work/batch.csv"
start=$(date +%s.%N)
curl -s -X POST -H "$auth" -H 'Content-Type: text/csv' --data-binary "@$work/batch.csv" \
  "$base/api/v1/instruments/bench-batch25/1.0.0/score-batch" -o "$work/scores.csv"
end=$(date +%s.%N)
scored=$(($(wc -l < "$work/scores.csv") - 1))
awk -v rows="$scored" -v s="$start" -v e="$end" 'BEGIN { printf "batch25 CSV          %d rows in %.2f s: %.0f rows/s\n", rows, e - s, rows / (e - s) }'
