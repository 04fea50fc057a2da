#!/usr/bin/env bash
# Every test, as the README's second command (`npm ci && npm run test:all`) runs it: build,
# type-check and lint, every jest suite (unit, integration, e2e on the SQLite and the FerretDB
# read store, the browser walk), the reliability suite, the EventStoreDB adapter's own suites,
# the typed client regenerated from the OpenAPI document, and Schemathesis against the built
# service in three auth modes. Each extra step counts as one passed or failed entry beside
# jest's totals in .cache/jest-totals.log; the last line printed is `N passed, N failed`.
# Needs Go (FerretDB is built from the Go module proxy) and Python (Schemathesis from PyPI);
# installs Debian's Chromium for the browser tests when it is missing.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v go >/dev/null 2>&1; then
  echo "Go is required to build FerretDB for the MongoDB suites (see README)." >&2
  exit 1
fi

# The settings page's browser tests drive Debian's Chromium (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
  $sudo apt-get update && $sudo apt-get install -y chromium || {
    echo "Could not install Debian's chromium for the browser tests." >&2
    exit 1
  }
fi

mkdir -p .cache
rm -f .cache/jest-totals.log
status=0

# One extra step, counted as one entry of the totals.
step() {
  local label=$1
  shift
  if "$@"; then
    echo "1 0" >> .cache/jest-totals.log
  else
    echo "$label failed" >&2
    echo "0 1" >> .cache/jest-totals.log
    status=1
  fi
}

client_is_committed() {
  npm run -s openapi:client >/dev/null && git diff --quiet -- test/client/schema.d.ts
}

npm test || status=1
if [ "$status" -eq 0 ]; then
  npm run test:reliability || status=1
fi
# The README's EventStoreDB command must work without Go: its config starts no FerretDB.
if [ "$status" -eq 0 ]; then
  npm run -s test:esdb >/dev/null || status=1
fi
# The typed client is generated here from the document the service serves (the client e2e
# proves /docs-json equals openapi.json): it must be the committed one, which the tests used.
if [ "$status" -eq 0 ]; then
  step "The client generated from the OpenAPI document (test/client/schema.d.ts)" client_is_committed
fi
if [ "$status" -eq 0 ]; then
  step "Schemathesis" test/schemathesis/run.sh
fi

if [ -f .cache/jest-totals.log ]; then
  awk '{ passed += $1; failed += $2 } END { printf "%d passed, %d failed\n", passed, failed }' .cache/jest-totals.log
else
  echo "0 passed, 1 failed"
  status=1
fi
exit "$status"
