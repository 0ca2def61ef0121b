#!/usr/bin/env bash
# Runs the end-to-end tests: the real `atlas serve` (its OpenAPI contract) and the web app in
# Debian's Chromium. Builds nothing: it uses ATLAS_BINARY (default <repo>/${ATLAS_BUILD_DIR:-build}/atlas)
# and ATLAS_WEB (default <repo>/web/dist). Screenshots land in tests/e2e/artifacts/.
# Usage: tests/e2e/run.sh [test files...]
# Environment: ATLAS_E2E_TIMEOUT (seconds for the whole run, default 900); CHROMIUM (default
# /usr/bin/chromium; never downloaded); ATLAS_E2E_OPENAPI=<file> checks the server against a draft
# OpenAPI document instead of the one it serves.
set -euo pipefail
cd "$(dirname "$0")"
repo=$(cd ../.. && pwd)
export ATLAS_BINARY=${ATLAS_BINARY:-$repo/${ATLAS_BUILD_DIR:-build}/atlas}
export ATLAS_WEB=${ATLAS_WEB:-$repo/web/dist}

# npm ci only when package-lock.json changed since the last install (as scripts/setup does for web/).
stamp=node_modules/.atlas-lock-sha
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sha" ]; then
  echo "e2e: npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sha" >"$stamp"
fi

files=("$@")
((${#files[@]})) || files=(*.test.mjs)
echo "e2e: $ATLAS_BINARY, web $ATLAS_WEB"
exec timeout --kill-after=30 "${ATLAS_E2E_TIMEOUT:-900}" \
  node --test --test-reporter=spec --test-concurrency=1 --test-timeout=300000 "${files[@]}"
