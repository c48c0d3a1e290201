#!/bin/sh
# Soak test of a running engine on loopback, run on demand (not in CI): several minutes of a steady mix of
# scoring (declarative and scripted), profiles, occupation searches and catalogue reads. Passes when no request
# failed and the heap after garbage collection did not grow between the first and the last third of the run.
#
#   BILAN_API_KEY=bilan_... engine/load/soak.sh [base-url] [minutes] [requests-per-second]
#   defaults: http://127.0.0.1:8080, 5 minutes, 400 requests/s
#
# The heap after collection is the live data size the engine's metrics report (jvm_gc_live_data_size_bytes),
# read every 15 s. Needs wrk and curl; publishes the benchmark packages of sdk/bench first.
set -e
root=$(dirname "$(dirname "$(dirname "$(readlink -f "$0")")")")
base=${1:-http://127.0.0.1:8080}
minutes=${2:-5}
rate=${3:-400}
case "$base" in
  http://127.*|http://localhost*|http://\[::1\]*) ;;
  *) echo "soak: only loopback addresses are soak-tested ($base)" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "soak: wrk is missing (Debian: apt-get install wrk)" >&2; exit 3; }
[ -n "$BILAN_API_KEY" ] || { echo "soak: set BILAN_API_KEY to an admin key (bin/bilan-engine create-admin-key)" >&2; exit 2; }
auth="Authorization: Bearer $BILAN_API_KEY"
work=$(mktemp -d)
trap 'rm -rf "$work"; kill "$sampler" 2>/dev/null || true' EXIT

bench="$root/sdk/bench/src/main/resources/bench"
for package in declarative scripted; do
  "$root/bin/bilan" pack "$bench/$package" -o "$work" >/dev/null
done
for zip in "$work"/*.zip; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "$auth" -H 'Content-Type: application/zip' --data-binary "@$zip" "$base/api/v1/instruments")
  case "$status" in 200|201) ;; *) echo "soak: publishing $zip answered $status" >&2; exit 1 ;; esac
done
printf '{"answers": %s}' "$(cat "$bench/answers.json")" > "$work/responses.json"

# Eight connections, each pausing so that together they send about $rate requests a second.
connections=8
pause=$((connections * 1000 / rate))
live() {
  curl -s -H "$auth" "$base/q/metrics" | awk '/^jvm_gc_live_data_size_bytes/ { printf "%.0f\n", $2 }'
}
( while :; do printf '%s %s\n' "$(date +%s)" "$(live)"; sleep 15; done ) > "$work/heap" &
sampler=$!
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
