#!/bin/sh
# Soak test of a running engine on loopback, run on demand (not in CI): several minutes of a steady mix of
# scoring (declarative and scripted), profiles, occupation searches, catalogue reads and case traffic (a
# counsellor reading cases and their profiles and storing administrations in them). Passes when no request
# failed and the heap in use after a full collection, at rest, did not grow from after a minute's warm-up to
# the end of the run (more than 20 % + 16 MB).
#
#   BILAN_API_KEY=bilan_... engine/load/soak.sh [base-url] [minutes] [requests-per-second]
#   defaults: http://127.0.0.1:8080, 5 minutes, 400 requests/s
#
# The heap after collection is read with the JDK's jcmd (a full collection, then the heap's use), at rest and
# every 30 s under load, so the engine must run on this machine: BILAN_ENGINE_PID, else the process running
# quarkus-run.jar. Needs wrk, curl and a JDK; publishes the benchmark packages of sdk/bench and opens
# BILAN_SOAK_CASES cases (default 40) first.
set -e
base=${1:-http://127.0.0.1:8080}
minutes=${2:-5}
rate=${3:-400}
. "$(dirname "$(readlink -f "$0")")/common.sh"
publish_bench declarative scripted

# A counsellor's key, and cases in the investigation phase for the case traffic.
json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d '"' -f 4; }
post() { curl -sS --fail-with-body -X POST -H "Authorization: Bearer $1" -H 'Content-Type: application/json' --data-binary "$3" "$base$2"; }
put() { curl -sS --fail-with-body -X PUT -H "Authorization: Bearer $1" -H 'Content-Type: application/json' --data-binary "$3" "$base$2"; }
counsellor=$(post "$BILAN_API_KEY" /api/v1/api-keys '{"name": "soak", "roles": ["counsellor"], "centre": "soak-centre"}' | json_field key)
cases=""
for n in $(seq 1 ${BILAN_SOAK_CASES:-40}); do
  case_id=$(post "$counsellor" /api/v1/cases "{\"beneficiary\": \"B-SOAK-$n\"}" | json_field id)
  put "$counsellor" "/api/v1/cases/$case_id/demand" '{"demand": "soak"}' >/dev/null
  put "$counsellor" "/api/v1/cases/$case_id/fit-decision" '{"decision": "fit"}' >/dev/null
  beneficiary=$(post "$counsellor" "/api/v1/cases/$case_id/beneficiary-key" '' | json_field key)
  post "$beneficiary" "/api/v1/cases/$case_id/signatures" '' >/dev/null
  post "$counsellor" "/api/v1/cases/$case_id/signatures" '' >/dev/null
  post "$counsellor" "/api/v1/cases/$case_id/transitions" '{"to": "investigation"}' >/dev/null
  cases="$cases${cases:+,}$case_id"
done

# Eight connections, each pausing so that together they send about $rate requests a second.
connections=8
pause=$((connections * 1000 / rate))
. "$root/bin/lib/java-home.sh"
pid=${BILAN_ENGINE_PID:-$(pgrep -f quarkus-run.jar | head -n 1)}
[ -n "$pid" ] || { echo "soak: no engine process found; set BILAN_ENGINE_PID" >&2; exit 2; }
# The heap in use after a full collection, in MB.
live() {
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | awk '/ used / { for (i = 1; i < NF; i++) if ($i == "used") {
    v = $(i + 1); sub(/K,?$/, "", v); printf "%.1f\n", v / 1024; exit } }'
}
soak() {
  wrk -t2 -c"$connections" -d"$1" --timeout 5s -H "Authorization: Bearer $counsellor" \
    -s "$root/engine/load/soak.lua" "$base" -- "$work/responses.json" "$root/engine/load/profile.json" "$pause" \
    "$cases" "$root/examples/bilan/riasec-interests.json"
}

# A minute to warm up, then the heap at rest; the soak, sampled every 30 s; the heap at rest again.
soak 1m > "$work/warm-up"
before=$(live)
( while sleep 30; do live; done ) > "$work/heap" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true; rm -rf "$work"' EXIT
soak "${minutes}m" | tee "$work/wrk" | sed -n '/^requests /,$p'
kill "$sampler" 2>/dev/null || true
sleep 2
after=$(live)
awk -v before="$before" -v after="$after" '{ if ($1 > max) max = $1 } END {
  printf "heap after GC: %.1f MB at rest before, %.1f MB at rest after, at most %.1f MB under load (%d samples)\n",
    before, after, max, NR
  if (after > 1.2 * before + 16) { print "soak: the heap after GC grew"; exit 1 }
}' "$work/heap"
grep -q 'non-2xx 0, errors 0' "$work/wrk" || { echo "soak: some requests failed" >&2; exit 1; }
echo "soak: passed"
