#!/bin/sh
# Soak test of a running engine on loopback, run on demand (not in CI): several minutes of a steady mix of
# scoring (declarative and scripted), profiles, occupation searches and catalogue reads. Passes when no request
# failed and the heap after garbage collection did not grow between the first and the last third of the run.
#
#   BILAN_API_KEY=bilan_... engine/load/soak.sh [base-url] [minutes] [requests-per-second]
#   defaults: http://127.0.0.1:8080, 5 minutes, 400 requests/s
#
# The heap after collection is read every 15 s with the JDK's jcmd (a full collection, then the heap's use), so
# the engine must run on this machine: BILAN_ENGINE_PID, else the process running quarkus-run.jar. Needs wrk,
# curl and a JDK; publishes the benchmark packages of sdk/bench first.
set -e
base=${1:-http://127.0.0.1:8080}
minutes=${2:-5}
rate=${3:-400}
. "$(dirname "$(readlink -f "$0")")/common.sh"
publish_bench declarative scripted

# Eight connections, each pausing so that together they send about $rate requests a second.
connections=8
pause=$((connections * 1000 / rate))
. "$root/bin/lib/java-home.sh"
pid=${BILAN_ENGINE_PID:-$(pgrep -f quarkus-run.jar | head -n 1)}
[ -n "$pid" ] || { echo "soak: no engine process found; set BILAN_ENGINE_PID" >&2; exit 2; }
live() {
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | awk '/ used / { for (i = 1; i < NF; i++) if ($i == "used") {
    v = $(i + 1); sub(/K,?$/, "", v); printf "%.0f\n", v * 1024; exit } }'
}
( while :; do printf '%s %s\n' "$(date +%s)" "$(live)"; sleep 15; done ) > "$work/heap" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true; rm -rf "$work"' EXIT
wrk -t2 -c"$connections" -d"${minutes}m" --timeout 5s -H "$auth" -s "$root/engine/load/soak.lua" "$base" -- \
  "$work/responses.json" "$root/engine/load/profile.json" "$pause" | tee "$work/wrk" | tail -n 1
kill "$sampler"

awk '{ heap[NR] = $2 } END {
  third = int(NR / 3); if (third < 1) { print "soak: too few heap samples"; exit 1 }
  for (i = 2; i <= third + 1; i++) first += heap[i]; for (i = NR - third + 1; i <= NR; i++) last += heap[i];
  max = 0; for (i = 1; i <= NR; i++) if (heap[i] > max) max = heap[i];
  printf "heap after GC: first third %.1f MB, last third %.1f MB, max %.1f MB (%d samples)\n",
    first / third / 1048576, last / third / 1048576, max / 1048576, NR
  if (last / third > 1.2 * first / third + 8388608) { print "soak: the heap after GC grew"; exit 1 }
}' "$work/heap"
grep -q 'non-2xx 0, errors 0' "$work/wrk" || { echo "soak: some requests failed" >&2; exit 1; }
echo "soak: passed"
