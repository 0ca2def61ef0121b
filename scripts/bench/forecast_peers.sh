#!/usr/bin/env bash
# The forecast against its peers in ONE run (docs/forecast.md, "Peers"): installs R and its
# forecast package (scripts/setup --peers), builds atlas, then for the embedded Meizhou plan and
# for `atlas gen` data runs `atlas forecast --backtest --json`, fits Holt, auto.arima and ets to
# the same monthly series from the same as-of dates (bench/peers/forecast_peers.R) and scores
# them side by side (scripts/bench/forecast_peers_score.py).
#   scripts/bench/forecast_peers.sh [--enterprises N] [--runs N] [--paths N]
# Results: bench/results/forecast-peers-{meizhou,gen-N}.{md,json}.
set -euo pipefail
cd "$(dirname "$0")/../.."
enterprises=10000
runs=2000
paths=1000
while (($#)); do
  case "$1" in
    --enterprises) enterprises=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --paths) paths=$2; shift 2 ;;
    *) echo "forecast_peers.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

scripts/setup --peers
atlas=${ATLAS_BUILD_DIR:-build}/atlas
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p bench/results

run() {  # NAME DB
  local name=$1 db=$2
  echo "forecast_peers: $name: atlas back-test ($runs runs)"
  "$atlas" forecast --db "$db" --backtest --runs "$runs" --json >"$work/$name-backtest.json"
  echo "forecast_peers: $name: Holt, ARIMA, ETS ($paths paths each)"
  Rscript bench/peers/forecast_peers.R "$work/$name-backtest.json" "$work/$name-peers.json" "$paths"
  python3 scripts/bench/forecast_peers_score.py "$name" "$work/$name-backtest.json" "$work/$name-peers.json" \
    "bench/results/forecast-peers-$name"
}

# The embedded plan: `atlas forecast` loads it into a fresh database.
run meizhou "$work/meizhou.db"

"$atlas" gen --enterprises "$enterprises" --seed 42 "$work/gen" >/dev/null
"$atlas" import --db "$work/gen.db" "$work/gen" >/dev/null
run "gen-$enterprises" "$work/gen.db"
