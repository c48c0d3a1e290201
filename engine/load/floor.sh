#!/bin/sh
# What the framework alone costs, beside what the engine costs, in the same minutes. The framework floor
# (engine/load/framework-floor) is the engine's Quarkus extensions and settings around nothing of the engine's own:
# one entity, one migration, one template, an API key mechanism with one fixed key, and a scoring endpoint that reads
# the body into a JsonNode and answers fixed bytes of a report's size, on the event loop (as a declarative instrument
# is scored) or on a worker thread (as a script is). Two measures, each alternating the floor and the engine:
#
#   1. starts on an existing data folder, timed from the launch to /q/health/ready, with the CPU used until then;
#   2. wrk on each one's /q/health/live, then its scoring (the floor's fixed answer; the engine's bench-declarative
#      and bench-scripted), each as a share of its own /q/health/live measured just before.
#
#   ./mvnw install -DskipTests && engine/load/floor.sh [rounds] [seconds]   # default 3 rounds, 8 s per wrk run
#
# Each endpoint is warmed up first, as run.sh does: BILAN_LOAD_WARMUP seconds (30), BILAN_LOAD_SCRIPT_WARMUP (90) for
# the scripted one.
#
# Builds the floor the first time (./mvnw -f engine/load/framework-floor/pom.xml package, at the Quarkus version of
# the root pom), and trains its ahead-of-time cache on JDK 25 as the engine's build trains the engine's. Needs curl,
# bc and wrk; uses ports 18540 and 18541 and new data folders under /tmp (removed at the end).
set -e
root=$(dirname "$(dirname "$(dirname "$(readlink -f "$0")")")")
rounds=${1:-3}
seconds=${2:-8}
floor_dir="$root/engine/load/framework-floor"
floor_port=18540
engine_port=18541
data=$(mktemp -d)
pids=""
stop_all() { for p in $pids; do kill "$p" 2>/dev/null || true; done; rm -rf "$data" "${work:-}"; }
trap stop_all EXIT
# Interrupted (Ctrl-C, a closed pipe), the shell would end without its EXIT trap and leave both servers running.
trap 'exit 1' INT TERM HUP PIPE
command -v wrk >/dev/null || { echo "floor: wrk is missing (Debian: apt-get install wrk)" >&2; exit 3; }
[ -f "$root/engine/target/quarkus-app/quarkus-run.jar" ] || { echo "floor: build the engine first: ./mvnw install -DskipTests" >&2; exit 3; }
. "$root/bin/lib/java-home.sh"
# Both start with an ahead-of-time cache, which the engine has on JDK 25 only: on an older JDK they would not compare.
[ "$BILAN_JAVA_MAJOR" -ge 25 ] || { echo "floor: needs JDK 25 or later (found $BILAN_JAVA_MAJOR at $JAVA_HOME)" >&2; exit 3; }

# The floor's extensions are the engine's: a list that differs says the floor no longer measures what the engine starts.
extensions() { sed -n 's/.*<artifactId>\(quarkus-[a-z0-9-]*\)<\/artifactId>.*/\1/p' "$1" | grep -v -e quarkus-junit -e quarkus-maven-plugin -e quarkus-bom | sort; }
extensions "$root/engine/pom.xml" > "$data/engine-extensions"
extensions "$floor_dir/pom.xml" > "$data/floor-extensions"
if ! cmp -s "$data/engine-extensions" "$data/floor-extensions"; then
  echo "floor: engine/load/framework-floor/pom.xml does not have the engine's Quarkus extensions:" >&2
  diff "$data/engine-extensions" "$data/floor-extensions" >&2 || true
  exit 1
fi
quarkus=$(sed -n 's/.*<quarkus.platform.version>\(.*\)<\/quarkus.platform.version>.*/\1/p' "$root/pom.xml" | head -n 1)
floor_jar="$floor_dir/target/quarkus-app/quarkus-run.jar"
floor_aot="$floor_dir/target/floor.aot"
if [ ! -f "$floor_jar" ] || [ "$(cat "$floor_dir/target/quarkus.version" 2>/dev/null)" != "$quarkus" ]; then
  echo "building the framework floor (Quarkus $quarkus)..."
  "$root/mvnw" -B -q -f "$floor_dir/pom.xml" package -DskipTests -Dquarkus.platform.version="$quarkus"
  echo "$quarkus" > "$floor_dir/target/quarkus.version"
  rm -f "$floor_aot"
fi

now() { date +%s.%N; }
# wait_ready PID PORT START LOG: prints the seconds from START until /q/health/ready answers 200.
wait_ready() {
  while ! curl -sf -o /dev/null "http://127.0.0.1:$2/q/health/ready"; do
    kill -0 "$1" 2>/dev/null || { echo "floor: a server stopped; see its log:" >&2; cat "$4" >&2; exit 1; }
    if [ "$(echo "$(now) - $3 > 300" | bc)" = 1 ]; then echo "floor: not ready after 300 s" >&2; exit 1; fi
    sleep 0.02
  done
  echo "$(now) - $3" | bc
}
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null || true; }

# start_floor [JVM options]: starts the floor on its port and data folder; sets $pid.
start_floor() {
  "$JAVA_HOME/bin/java" "$@" -Dquarkus.http.port=$floor_port -Dfloor.data-dir="$data/floor-data" \
    -jar "$floor_jar" > "$data/floor.log" 2>&1 &
  pid=$!
  pids="$pids $pid"
}
start_engine() {
  BILAN_DATA_DIR="$data/engine-data" QUARKUS_HTTP_PORT=$engine_port "$root/bin/bilan-engine" > "$data/engine.log" 2>&1 &
  pid=$!
  pids="$pids $pid"
}

# The floor's cache, trained by a start that scores and queries (the engine's build trains its own likewise).
if [ ! -f "$floor_aot" ]; then
  start_floor -XX:AOTCacheOutput="$floor_aot"
  wait_ready "$pid" $floor_port "$(now)" "$data/floor.log" > /dev/null
  for i in $(seq 200); do
    curl -s -o /dev/null -X POST -H 'Authorization: Bearer floor_key' -H 'Content-Type: application/json' \
      -d '{"answers": {"a": 1}}' "http://127.0.0.1:$floor_port/api/v1/instruments/x/1/score"
  done
  curl -s -o /dev/null -H 'Authorization: Bearer floor_key' "http://127.0.0.1:$floor_port/api/v1/instruments/x/1/items"
  stop "$pid"
fi
floor_java="-XX:AOTCache=$floor_aot -Xlog:aot=off -Xlog:cds=off"

# The data folders the restarts below find: the engine's first start publishes the shipped packages, the floor's
# migrates its database.
key=$(BILAN_DATA_DIR="$data/engine-data" "$root/bin/bilan-engine" create-admin-key floor 2>/dev/null | grep -o 'bilan_[A-Za-z0-9_-]*' | head -n 1)
start=$(now); start_engine
first=$(wait_ready "$pid" $engine_port "$start" "$data/engine.log")
stop "$pid"
# shellcheck disable=SC2086
start_floor $floor_java
wait_ready "$pid" $floor_port "$(now)" "$data/floor.log" > /dev/null
stop "$pid"

echo "Starts on an existing data folder, alternated (the engine's first start, on an empty one: $(printf '%.2f' "$first") s)"
for round in $(seq "$rounds"); do
  # shellcheck disable=SC2086
  start=$(now); start_floor $floor_java
  ready=$(wait_ready "$pid" $floor_port "$start" "$data/floor.log"); used=$(cpu "$pid"); stop "$pid"
  printf 'round %d  floor   ready %5.2f s, CPU %5.2f s\n' "$round" "$ready" "$used"
  echo "$ready $used" >> "$data/floor-starts"
  start=$(now); start_engine
  ready=$(wait_ready "$pid" $engine_port "$start" "$data/engine.log"); used=$(cpu "$pid"); stop "$pid"
  printf 'round %d  engine  ready %5.2f s, CPU %5.2f s\n' "$round" "$ready" "$used"
  echo "$ready $used" >> "$data/engine-starts"
done
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
floor_ready=$(cut -d' ' -f1 "$data/floor-starts" | median); engine_ready=$(cut -d' ' -f1 "$data/engine-starts" | median)
floor_cpu=$(cut -d' ' -f2 "$data/floor-starts" | median); engine_cpu=$(cut -d' ' -f2 "$data/engine-starts" | median)
echo "median: floor ready $floor_ready s ($floor_cpu s of CPU), engine $engine_ready s ($engine_cpu s of CPU):" \
  "the framework is $(awk -v f="$floor_cpu" -v e="$engine_cpu" 'BEGIN { printf "%.0f", 100 * f / e }') % of the engine's CPU until ready"

# Both serving, each warmed on what is measured.
# shellcheck disable=SC2086
start_floor $floor_java
wait_ready "$pid" $floor_port "$(now)" "$data/floor.log" > /dev/null
start_engine
wait_ready "$pid" $engine_port "$(now)" "$data/engine.log" > /dev/null
floor_base="http://127.0.0.1:$floor_port"
engine_base="http://127.0.0.1:$engine_port"
# The benchmark packages, published as run.sh publishes them; common.sh makes its own $work folder, removed at the end.
base=$engine_base
BILAN_API_KEY=$key
. "$root/engine/load/common.sh"
trap stop_all EXIT
publish_bench declarative scripted
floor_auth="Authorization: Bearer floor_key"
# run NAME AUTH URL [LUA] [SECONDS]: one wrk run; prints its line and keeps its requests/s in $data/NAME.
run() {
  line=$(wrk -t2 -c32 -d"${5:-$seconds}s" --latency ${2:+-H} ${2:+"$2"} -s "$root/engine/load/${4:-score.lua}" "$3" -- "$work/responses.json" | tail -n 1)
  case "$line" in
    *"non-2xx 0, errors 0") ;;
    *) echo "floor: $1 ($3) did not answer every request with success: $line" >&2; exit 1 ;;
  esac
  echo "$line" | sed 's/^requests\/s \([0-9]*\).*/\1/' > "$data/$1"
}
warm=${BILAN_LOAD_WARMUP:-30}
echo "Warming up ($warm s per endpoint, ${BILAN_LOAD_SCRIPT_WARMUP:-90} s for the script)..."
run warm "" "$floor_base/q/health/live" get.lua "$warm"
run warm "$floor_auth" "$floor_base/api/v1/instruments/x/1/score" score.lua "$warm"
run warm "$floor_auth" "$floor_base/api/v1/instruments/x/1/score-on-worker" score.lua "$warm"
run warm "" "$engine_base/q/health/live" get.lua "$warm"
run warm "$auth" "$engine_base/api/v1/instruments/bench-declarative/1.0.0/score" score.lua "$warm"
run warm "$auth" "$engine_base/api/v1/instruments/bench-scripted/1.0.0/score" score.lua "${BILAN_LOAD_SCRIPT_WARMUP:-90}"
share() { awk -v a="$(cat "$data/$1")" -v f="$(cat "$data/$2")" 'BEGIN { printf "%.0f %%", 100 * a / f }'; }
echo "Requests per second (wrk, 32 connections, ${seconds} s each), alternated; shares of the server's own /q/health/live"
for round in $(seq "$rounds"); do
  run floor-live "" "$floor_base/q/health/live" get.lua
  run floor-loop "$floor_auth" "$floor_base/api/v1/instruments/x/1/score"
  run floor-worker "$floor_auth" "$floor_base/api/v1/instruments/x/1/score-on-worker"
  run engine-live "" "$engine_base/q/health/live" get.lua
  run engine-declarative "$auth" "$engine_base/api/v1/instruments/bench-declarative/1.0.0/score"
  run engine-scripted "$auth" "$engine_base/api/v1/instruments/bench-scripted/1.0.0/score"
  printf 'round %d  floor: live %s, on the event loop %s (%s), on a worker %s (%s)\n' "$round" \
    "$(cat "$data/floor-live")" "$(cat "$data/floor-loop")" "$(share floor-loop floor-live)" \
    "$(cat "$data/floor-worker")" "$(share floor-worker floor-live)"
  printf '         engine: live %s, declarative %s (%s), scripted %s (%s)\n' \
    "$(cat "$data/engine-live")" "$(cat "$data/engine-declarative")" "$(share engine-declarative engine-live)" \
    "$(cat "$data/engine-scripted")" "$(share engine-scripted engine-live)"
done
