#!/bin/sh
# A client of Bilan's scoring API in shell, with curl only.
#
#   score.sh <instrument> <version> <responses.json> [language]    one response set -> its JSON report
#   score.sh --batch <instrument> <version> <responses.csv|.ndjson> a data set -> one result per row, in
#                                                                   the same format (CSV or NDJSON)
#
# Environment: BILAN_API_KEY (required), BILAN_URL (default http://localhost:8080). The version may be
# "latest". The output goes to standard output; when the engine refuses, its problem (RFC 9457 JSON, with
# a JSON Pointer to each wrong answer) goes to standard error and the exit status is 1.
set -eu

usage() {
  echo "usage: score.sh [--batch] <instrument> <version> <responses file> [language]" >&2
  exit 2
}

batch=false
if [ "${1:-}" = "--batch" ]; then
  batch=true
  shift
fi
[ $# -ge 3 ] && [ $# -le 4 ] || usage
instrument=$1 version=$2 file=$3 language=${4:-en}
[ -r "$file" ] || { echo "score.sh: cannot read $file" >&2; exit 2; }
: "${BILAN_API_KEY:?set BILAN_API_KEY to an API key of the engine}"
url=${BILAN_URL:-http://localhost:8080}/api/v1/instruments/$instrument/$version

if $batch; then
  case $file in
    *.csv) type=text/csv ;;
    *.ndjson | *.jsonl) type=application/x-ndjson ;;
    *) echo "score.sh: a batch is a .csv, .ndjson or .jsonl file" >&2; exit 2 ;;
  esac
  url=$url/score-batch
else
  type=application/json
  url=$url/score
fi

# The body goes to a temporary file so that a refusal can be sent to standard error, whole.
body=$(mktemp)
trap 'rm -f "$body"' EXIT
status=$(curl -sS -o "$body" -w '%{http_code}' -X POST \
  -H "Authorization: Bearer $BILAN_API_KEY" -H "Content-Type: $type" -H "Accept-Language: $language" \
  --data-binary "@$file" "$url")
if [ "$status" -ge 200 ] && [ "$status" -lt 300 ]; then
  cat "$body"
else
  echo "score.sh: HTTP $status from $url" >&2
  cat "$body" >&2
  echo >&2
  exit 1
fi
