#!/usr/bin/env bash
# Benchmarks atlas against its peers in ONE run on the same generated data: builds atlas_bench
# (Release-like, in build-bench/), installs the DuckDB peer (npm ci in bench/peers), then for each
# size generates the dataset once (cached under /tmp/atlas-bench), runs atlas_bench, SQLite and
# DuckDB, fails loudly if they disagree on a figure, and prints timings and ratios.
#   scripts/bench/compare.sh [--big-memory] [--peers sqlite,duckdb] 1000 100000 [1000000]
# Results: bench/results/compare-<N>.{md,json}, atlas-<N>.json. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${ATLAS_BENCH_BUILD:-build-bench}

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${ATLAS_BUILD_TYPE:-RelWithDebInfo}" \
  -DATLAS_BENCH=ON >/dev/null
cmake --build "$build_dir" --target atlas_bench atlas_bench_gen atlas_bench_answers

if ! (cd bench/peers && npm ci --no-audit --no-fund --silent); then
  echo "compare.sh: npm ci in bench/peers failed: DuckDB cannot run here, keeping SQLite only" >&2
  export ATLAS_BENCH_PEERS=sqlite
fi
exec python3 scripts/bench/compare.py --build "$build_dir" "$@"
