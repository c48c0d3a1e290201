# Shared by run.sh and soak.sh: checks the target and the tools, and publishes benchmark packages.
# Expects $base; sets $root, $work (removed on exit) and $auth.
root=$(dirname "$(dirname "$(dirname "$(readlink -f "$0")")")")
script=$(basename "$0" .sh)
case "$base" in
  http://127.*|http://localhost*|http://\[::1\]*) ;;
  *) echo "$script: only loopback addresses are tested ($base)" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "$script: wrk is missing (Debian: apt-get install wrk)" >&2; exit 3; }
[ -n "$BILAN_API_KEY" ] || { echo "$script: set BILAN_API_KEY to an admin key (bin/bilan-engine create-admin-key)" >&2; exit 2; }
auth="Authorization: Bearer $BILAN_API_KEY"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench="$root/sdk/bench/src/main/resources/bench"

# publish_bench <package>...: packs and publishes benchmark packages of sdk/bench (already there is fine).
publish_bench() {
  for package in "$@"; do
    "$root/bin/bilan" pack "$bench/$package" -o "$work" >/dev/null
  done
  for zip in "$work"/*.zip; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "$auth" -H 'Content-Type: application/zip' \
      --data-binary "@$zip" "$base/api/v1/instruments")
    case "$status" in 200|201) ;; *) echo "$script: publishing $zip answered $status" >&2; exit 1 ;; esac
  done
  printf '{"answers": %s}' "$(cat "$bench/answers.json")" > "$work/responses.json"
}
