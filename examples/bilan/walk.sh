#!/bin/sh
# Walks a whole bilan de compétences against a running engine, as a centre would run it over weeks:
# preliminary interview and contract, investigation (questionnaires and an observed role play), conclusion with
# the synthesis document (drafted, edited, submitted, approved, saved as synthesis.pdf) and the follow-up.
#
#   bin/bilan-engine create-admin-key demo        # once, with the engine stopped: prints an admin key
#   bin/bilan-engine &
#   BILAN_API_KEY=bilan_... examples/bilan/walk.sh [base-url] [output-folder]
#
# Needs curl only. The admin key creates a counsellor's key for the centre "demo-centre"; the counsellor then
# does the rest, and gives the beneficiary their own key to sign, answer questionnaires and approve.
set -eu
base=${1:-http://127.0.0.1:8080}
out=${2:-.}
here=$(dirname "$(readlink -f "$0")")
[ -n "${BILAN_API_KEY:-}" ] || { echo "walk: set BILAN_API_KEY to an admin key (bin/bilan-engine create-admin-key)" >&2; exit 2; }

# call <key> <method> <path> [json body or @file]: prints the response body, fails on an error status.
call() {
  key=$1 method=$2 path=$3
  shift 3
  if [ $# -gt 0 ]; then
    curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      --data-binary "$1" "$base$path"
  else
    curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $key" "$base$path"
  fi
}
# field <name>: the first string field of that name in the JSON on standard input.
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d '"' -f 4; }
number() { grep -o "\"$1\":[0-9]*" | head -n 1 | cut -d : -f 2; }
step() { printf '%-58s %s\n' "$1" "$2"; }
# move <phase>: moves the case to that phase, and fails if it did not.
move() {
  call "$counsellor" POST "$at/transitions" "{\"to\": \"$1\"}" | grep -q "\"phase\":\"$1\"" ||
    { echo "walk: the case did not move to $1" >&2; exit 1; }
  step "phase" "$1"
}

created=$(call "$BILAN_API_KEY" POST /api/v1/api-keys \
  '{"name": "Camille Roux, conseillère", "roles": ["counsellor"], "centre": "demo-centre"}')
counsellor=$(printf '%s' "$created" | field key)
step "counsellor's key created" "$(printf '%s' "$counsellor" | cut -c1-22)_…"
# What the centre prints on the documents it hands over: its legal identity and the counsellor's signature block.
call "$BILAN_API_KEY" PUT /api/v1/centres/demo-centre "{\"name\": \"Centre de bilan Horizons (démonstration)\",
  \"address\": \"12 rue de la Charité\\n69002 Lyon\", \"declarationNumber\": \"84 69 00000 69\",
  \"certification\": \"Qualiopi — actions de bilan de compétences (exemple)\",
  \"counsellors\": [{\"counsellor\": \"key:$(printf '%s' "$created" | field id)\", \"name\": \"Camille Roux\",
  \"function\": \"Conseillère en bilan de compétences\"}]}" >/dev/null
step "centre identity set" "demo-centre"

# Preliminary phase.
case_id=$(call "$counsellor" POST /api/v1/cases \
  '{"beneficiary": "B-2026-0142", "name": "Bérénice Martin", "contact": {"email": "b.martin@example.org"}}' | field id)
step "case opened" "$case_id"
at=/api/v1/cases/$case_id
call "$counsellor" POST "$at/sessions" '{"date": "2026-09-01", "minutes": 90, "activities": "Entretien préliminaire"}' >/dev/null
call "$counsellor" PUT "$at/demand" '{"demand": "Quitter la vente pour un métier du soin"}' >/dev/null
interview=$(call "$counsellor" POST "$at/administrations" "@$here/preliminary-interview.json" | number id)
decision=$(call "$counsellor" PUT "$at/fit-decision" "{\"administration\": $interview}" | field decision)
step "preliminary interview scored, fit decision" "$decision"
beneficiary=$(call "$counsellor" POST "$at/beneficiary-key" | field key)
call "$beneficiary" POST "$at/signatures" >/dev/null
call "$counsellor" POST "$at/signatures" >/dev/null
step "contract signed by the beneficiary and the counsellor" "ok"
move investigation

# Investigation.
for questionnaire in riasec-interests work-values transversal-competences; do
  call "$beneficiary" POST "$at/administrations" "@$here/$questionnaire.json" >/dev/null
  step "answered by the beneficiary" "$questionnaire"
done
call "$counsellor" POST "$at/administrations" "@$here/roleplay-client-conflict.json" >/dev/null
step "role play observed by three observers" "roleplay-client-conflict"
call "$counsellor" POST "$at/sessions" '{"date": "2026-09-15", "minutes": 180, "activities": "Questionnaires et mise en situation"}' >/dev/null
call "$counsellor" POST "$at/sessions" '{"date": "2026-10-01", "minutes": 120, "activities": "Enquête métier"}' >/dev/null
step "Holland code of the profile" "$(call "$counsellor" GET "$at/profile" | field hollandCode)"
step "best career option" "$(call "$counsellor" GET "$at/career-options?limit=1&lang=fr" | field title)"
move conclusion

# Conclusion: the synthesis document.
call "$counsellor" POST "$at/synthesis?lang=fr&target=registered-nurse" >/dev/null
call "$counsellor" PUT "$at/synthesis" '{"circumstances": "Bilan demandé après dix ans de vente en magasin.", "conclusion": "Projet d’infirmière réaliste, en passant par le concours d’entrée en IFSI."}' >/dev/null
call "$counsellor" POST "$at/synthesis/submit" >/dev/null
call "$beneficiary" POST "$at/administrations" "@$here/bilan-satisfaction.json" >/dev/null
step "satisfaction at the end of the bilan" "bilan-satisfaction"
# The beneficiary approves the document once it has been gone through together, in the conclusion session.
call "$counsellor" POST "$at/sessions" '{"date": "2026-10-15", "minutes": 60, "activities": "Restitution de la synthèse"}' >/dev/null
digest=$(call "$beneficiary" POST "$at/synthesis/approve" | field digest)
step "synthesis approved by the beneficiary" "$digest"
curl -sS --fail -H "Authorization: Bearer $beneficiary" -H 'Accept: application/pdf' "$base$at/synthesis" -o "$out/synthesis.pdf"
curl -sS --fail -H "Authorization: Bearer $beneficiary" -H 'Accept: text/html' "$base$at/synthesis" -o "$out/synthesis.html"
step "synthesis saved" "$out/synthesis.pdf, $out/synthesis.html"
move follow-up
step "follow-up due on" "$(call "$counsellor" GET "$at" | field followUpOn)"

# Follow-up, months later.
call "$beneficiary" POST "$at/administrations" "@$here/follow-up.json" >/dev/null
call "$beneficiary" POST "$at/administrations" "@$here/follow-up-satisfaction.json" >/dev/null
step "satisfaction at the follow-up" "follow-up-satisfaction"
# The walk holds the follow-up today, before the day it is due: the case closes only with the reason recorded.
call "$counsellor" PUT "$at/follow-up/early-reason" '{"reason": "Exemple parcouru en une fois : suivi tenu avant la date prévue."}' >/dev/null
move closed
step "entries in the audit trail" "$(call "$counsellor" GET "$at/audit?limit=200" | grep -o '"action"' | wc -l | tr -d ' ')"
