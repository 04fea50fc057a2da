#!/usr/bin/env bash
# Schemathesis (all checks) against the built service on a scratch DATA_DIR, in three auth
# modes: no credential, an API key, a session token. Seeds a user, an organization, a
# member (by invitation), a pending invitation, a second session and a key first, so path
# parameters are real ids. Exit 1 on any failure.
# Needs `npm run build` first and python3; installs schemathesis from PyPI into .cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
budget=${SCHEMATHESIS_MAX_TIME:-50}
venv="$root/.cache/schemathesis-venv"

if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis>=4.3,<5'
fi

data_dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
DATA_DIR="$data_dir" PORT="$port" BCRYPT_COST=4 LOG_LEVEL=warn \
  node dist/apps/api/src/start-all.js > "$data_dir.log" 2>&1 &
service=$!
cleanup() {
  kill "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  rm -rf "$data_dir" "$data_dir.log" "$data_dir.report"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -fs "$base/health" > /dev/null 2>&1 && break
  sleep 0.2
done

post() { # path body [token] → body
  curl -fsS -X POST "$base$1" -H 'content-type: application/json' \
    ${3:+-H "authorization: Bearer $3"} -d "$2"
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

password='Str0ng!Passw0rd'
owner_email="owner.$RANDOM@example.com"
member_email="member.$RANDOM@example.com"
post /auth/register "{\"email\":\"$owner_email\",\"password\":\"$password\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}" > /dev/null
member_id=$(post /auth/register "{\"email\":\"$member_email\",\"password\":\"$password\",\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}" | field userId)
token=$(post /auth/login "{\"email\":\"$owner_email\",\"password\":\"$password\"}" | field accessToken)
org_id=$(post /orgs '{"name":"Acme"}' "$token" | field organizationId)
# Members join by invitation: the member accepts one; a second stays pending for the
# invitation operations; a second session of the owner is there to be ended.
member_token=$(post /auth/login "{\"email\":\"$member_email\",\"password\":\"$password\"}" | field accessToken)
invitation_id=$(post "/orgs/$org_id/invitations" "{\"email\":\"$member_email\",\"role\":\"developer\"}" "$token" | field invitationId)
curl -fsS -X POST "$base/me/invitations/$invitation_id/accept" -H "authorization: Bearer $member_token" > /dev/null
pending_id=$(post "/orgs/$org_id/invitations" "{\"email\":\"invitee.$RANDOM@example.com\",\"role\":\"viewer\"}" "$token" | field invitationId)
session_id=$(curl -fsS "$base/me/sessions" -H "authorization: Bearer $(post /auth/login "{\"email\":\"$owner_email\",\"password\":\"$password\"}" | field accessToken)" |
  python3 -c "import json,sys; print([s for s in json.load(sys.stdin)['items'] if s['current']][0]['sessionId'])")
key_json=$(post "/orgs/$org_id/api-keys" '{"description":"schemathesis"}' "$token")
key=$(echo "$key_json" | field key)
key_id=$(echo "$key_json" | field id)
export ST_ORG_ID="$org_id" ST_MEMBER_ID="$member_id" ST_KEY_ID="$key_id" \
  ST_INVITATION_ID="$pending_id" ST_SESSION_ID="$session_id"

run() { # mode, extra args...
  local mode=$1
  shift
  echo "== schemathesis: $mode =="
  "$venv/bin/schemathesis" --config-file test/schemathesis/schemathesis.toml --no-color run \
    "$base/docs-json" --url "$base" --checks all --max-time "$budget" --workers 1 \
    --suppress-health-check all --seed 1 --report-dir "$data_dir.report" "$@"
}

status=0
run 'no credential' || status=1
# The key first: the bearer run may delete it. Logout would end the bearer run's own
# session, so it runs (as a 401) in the other modes only.
run 'api key' -H "X-API-Key: $key" || status=1
run 'session token' -H "Authorization: Bearer $token" --exclude-operation-id logout || status=1
exit "$status"
