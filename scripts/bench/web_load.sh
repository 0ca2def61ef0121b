#!/usr/bin/env bash
# Web app first-load benchmark (docs/performance.md, "Web app: first load"): starts a fresh
# `atlas serve` (a temporary database seeded with the embedded Meizhou data, the built web app)
# on 127.0.0.1:PORT and runs bench/web_load.mjs against it in Debian's Chromium: per page, bytes
# transferred on first load and time to data visible, locally and on a throttled link.
#   scripts/bench/web_load.sh [--port 8103] [--atlas BIN] [--web DIR] [-- web_load.mjs options]
#   scripts/bench/web_load.sh -- --runs 5 --mbit 9 --latency 60 --json /tmp/web_load.json
# Builds nothing: needs build/atlas, web/dist (`cd web && npm ci && npm run build`) and
# tests/e2e/node_modules (`cd tests/e2e && npm ci`, for playwright-core).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
port=8103
atlas=${ATLAS_BIN:-$repo/build/atlas}
web=$repo/web/dist
while [[ $# -gt 0 ]]; do
  case $1 in
    --port) port=$2; shift 2 ;;
    --atlas) atlas=$2; shift 2 ;;
    --web) web=$2; shift 2 ;;
    --) shift; break ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "web_load.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$atlas" ] || { echo "web_load.sh: no atlas binary at $atlas" >&2; exit 1; }
[ -f "$web/index.html" ] || { echo "web_load.sh: no built web app in $web" >&2; exit 1; }
[ -d tests/e2e/node_modules/playwright-core ] || { echo "web_load.sh: run npm ci in tests/e2e first" >&2; exit 1; }

dir=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
"$atlas" serve --db "$dir/atlas.db" --listen "127.0.0.1:$port" --web "$web" --no-access-log >"$dir/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$dir/serve.log" >&2; exit 1; }
  sleep 0.2
done
echo "web_load: $atlas serving $web on 127.0.0.1:$port; $(nproc) cores; $(/usr/bin/chromium --version 2>/dev/null || echo chromium)" >&2
node bench/web_load.mjs --url "http://127.0.0.1:$port/" "$@"
