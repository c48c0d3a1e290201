#!/bin/sh
# How long the engine takes to be ready: a first start on an empty data folder, then a start on the same folder,
# each timed from the launch of bin/bilan-engine until /q/health/ready answers 200, then the first scripted call
# after ready (a shipped package with a script, scored once with curl). Starts and stops the engine itself.
#
#   ./mvnw install -DskipTests && engine/load/start.sh [port] [starts]     # default port 18080, 2 starts after the first
#
# Needs curl and bc. Uses a new data folder under /tmp (removed at the end) and the shipped packages (bin/bilan-engine's
# default folders). Reports the JVM's own start (Quarkus' "started in") and the CPU time it used until ready too,
# and which of the JVM's threads used the CPU while the first scripted call ran (Linux: read from /proc).
#
# BILAN_START_CALL_AFTER=10 waits that many seconds after ready before the first scripted call (what the call costs
# once the start's work is over); BILAN_START_FIRST=bilan-satisfaction scores that shipped instrument first, and times
# it too (what the first request of any kind costs, apart from the script's first call); BILAN_START_TIMELINE=1
# prints, for each start, the cores each kind of thread used in every quarter of a second until one second after
# ready, with the log's milestones.
set -e
root=$(dirname "$(dirname "$(dirname "$(readlink -f "$0")")")")
port=${1:-18080}
starts=${2:-2}
data=$(mktemp -d)
log="$data/engine.log"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$data"' EXIT
export BILAN_DATA_DIR="$data/data" QUARKUS_HTTP_PORT="$port"
base="http://127.0.0.1:$port"

now() { date +%s.%N; }
# Prints the seconds from $1 until /q/health/ready answers 200 (at most 300 s). With BILAN_START_TIMELINE, keeps
# the CPU ticks of each kind of thread every quarter of a second in $data/timeline.tsv, until a second after ready.
wait_ready() {
  : > "$data/timeline.tsv"
  until_ready=""
  while [ -z "$until_ready" ] || { [ -n "${BILAN_START_TIMELINE:-}" ] && [ "$(echo "$(now) - $1 < $until_ready + 1" | bc)" = 1 ]; }; do
    if [ -n "${BILAN_START_TIMELINE:-}" ]; then
      at=$(echo "$(now) - $1" | bc)
      thread_ticks "$pid" | sed "s/^/$at\t/" >> "$data/timeline.tsv"
    fi
    if [ -z "$until_ready" ] && curl -sf -o /dev/null "$base/q/health/ready"; then
      until_ready=$(echo "$(now) - $1" | bc)
      # The CPU time the JVM has used until ready (user + system, from /proc; bin/bilan-engine execs java, so $pid is
      # the JVM): on a shared machine it moves far less than the wall time.
      awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat" > "$data/cpu" 2>/dev/null \
        || echo "?" > "$data/cpu"
      continue
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "start: the engine stopped; see $log" >&2; cat "$log" >&2; exit 1; fi
    if [ "$(echo "$(now) - $1 > 300" | bc)" = 1 ]; then echo "start: not ready after 300 s" >&2; exit 1; fi
    sleep "$([ -n "${BILAN_START_TIMELINE:-}" ] && echo 0.2 || echo 0.05)"
  done
  echo "$until_ready"
}

# Prints $data/timeline.tsv as the cores each kind of thread used between two readings, the busiest kinds as columns,
# then the log's milestones (their times of day; the launch was at $1, seconds since the epoch).
print_timeline() {
  awk -F '\t' -v hz="$(getconf CLK_TCK)" '
    { if (!($1 in seen)) { seen[$1] = 1; times[++n] = $1 } ticks[$1, $2] = $3; if ($3 > most[$2]) most[$2] = $3 }
    END {
      for (kind in most) kinds[++k] = kind
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (most[kinds[j]] > most[kinds[i]]) { t = kinds[i]; kinds[i] = kinds[j]; kinds[j] = t }
      shown = k < 7 ? k : 7
      printf "%8s %6s", "seconds", "all"; for (i = 1; i <= shown; i++) printf " %15s", kinds[i]; printf "\n"
      for (t = 2; t <= n; t++) {
        # A thread that ended keeps the ticks it had: no negative use.
        for (kind in most) if (!((times[t], kind) in ticks)) ticks[times[t], kind] = ticks[times[t - 1], kind]
        span = times[t] - times[t - 1]; all = 0
        for (kind in most) all += ticks[times[t], kind] - ticks[times[t - 1], kind]
        printf "%8.2f %6.2f", times[t], all / hz / span
        for (i = 1; i <= shown; i++) printf " %15.2f", (ticks[times[t], kinds[i]] - ticks[times[t - 1], kinds[i]]) / hz / span
        printf "\n"
      }
    }' "$data/timeline.tsv"
  echo "  launched at $(date -d "@$1" +%H:%M:%S,%3N)"
  grep -E 'Successfully validated|occupation catalogue|started in|catalogue ready' "$log" | sed 's/^[0-9-]* \([0-9:,]*\) .*\] (\([^)]*\)) /  \1 (\2) /' | cut -c1-120
}

# The CPU ticks each kind of thread of process $1 has used so far, a line per kind ("C2 CompilerThre", "executor-thread"):
# one awk over every thread's stat, so that taking it does not delay the call it brackets. The name is the text between
# the parentheses, its trailing number dropped; utime and stime are the 12th and 13th fields after them. A thread that
# ends during the call is missing from the second reading, so what it used is not counted.
thread_ticks() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{
    name = $0; sub(/^[^(]*\(/, "", name); sub(/\) [A-Za-z] .*$/, "", name); sub(/[0-9#]+$/, "", name)
    rest = $0; sub(/^.*\) /, "", rest); split(rest, field, " "); ticks[name] += field[12] + field[13]
  } END { for (name in ticks) printf "%s\t%d\n", name, ticks[name] }'
}

# Prints the response set of the first fixture of shipped instrument $1 (its "responses" object).
fixture_responses() {
  awk '/"responses": *\{/ { on = 1; sub(/.*"responses": */, "") }
    on { for (i = 1; i <= length($0); i++) { c = substr($0, i, 1); out = out c
           if (c == "{") depth++; if (c == "}" && --depth == 0) { print out; exit } } }' \
    "$(ls "$root/instruments/$1"/fixtures/*.json | head -n 1)"
}

key=$("$root/bin/bilan-engine" create-admin-key start-time 2>/dev/null | grep -o 'bilan_[A-Za-z0-9_-]*' | head -n 1)
for n in $(seq 0 "$starts"); do
  start=$(now)
  "$root/bin/bilan-engine" > "$log" 2>&1 &
  pid=$!
  ready=$(wait_ready "$start")
  cpu=$(cat "$data/cpu")
  # The first scripted call: riasec-interests has a script; an empty response set is refused by the response check,
  # so a full one is taken from its first fixture.
  body=$(fixture_responses riasec-interests)
  version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$root/instruments/riasec-interests/manifest.json" | head -n 1)
  [ "${BILAN_START_CALL_AFTER:-0}" != 0 ] && sleep "$BILAN_START_CALL_AFTER"
  first=""
  if [ -n "${BILAN_START_FIRST:-}" ]; then
    first_body=$(fixture_responses "$BILAN_START_FIRST")
    first=$(curl -s -o /dev/null -w "$BILAN_START_FIRST first: HTTP %{http_code} in %{time_total} s; " -X POST \
      -H "Authorization: Bearer $key" -H 'Content-Type: application/json' --data-binary "$first_body" \
      "$base/api/v1/instruments/$BILAN_START_FIRST/latest/score")
  fi
  thread_ticks "$pid" > "$data/before.tsv"
  call=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' --data-binary "$body" "$base/api/v1/instruments/riasec-interests/$version/score")
  thread_ticks "$pid" > "$data/after.tsv"
  # The threads that used at least 50 ms during the call, busiest first: the request's own ("executor-thread") against
  # the compilers' (C1, C2, Truffle's) shows what a slow first call waited for.
  during=$(awk -F '\t' -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $2; next }
    { used = ($2 - before[$1]) / hz; if (used >= 0.05) printf "%.2f\t%s\n", used, $1 }' \
    "$data/before.tsv" "$data/after.tsv" | sort -rn | awk -F '\t' '{ printf "%s%s %s s", (NR > 1 ? ", " : ""), $2, $1 }')
  started=$(grep -o 'started in [0-9.]*s' "$log" | head -n 1)
  label=$([ "$n" = 0 ] && echo "first start (empty data folder)" || echo "start on the existing data folder")
  [ -n "${BILAN_START_TIMELINE:-}" ] && print_timeline "$start"
  printf '%-36s ready after %6.2f s, %s s of CPU (Quarkus %s); %sfirst scripted call: HTTP %s in %s s\n' "$label" \
    "$ready" "$cpu" "$started" "$first" "${call% *}" "${call#* }"
  printf '%-36s CPU during that call: %s\n' "" "${during:-none measured}"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
