#!/usr/bin/env python3
"""Runs atlas_bench and the peers (SQLite, DuckDB) on the same generated dataset, checks that
they agree on the figures, and prints a table of timings and ratios. See docs/performance.md.

  scripts/bench/compare.py --build build-bench 1000 100000
"""
import argparse
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer_sql  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# (label, atlas benchmark(s) whose real times add up, peer query or load step)
ROWS = [
    ("load all CSV tables, query-ready", ["BM_LoadSnapshot"], ("load", "total")),
    ("output per county per year (roll-ups)", ["BM_OutputPerCountyPerYear"], ("queries", "county_year")),
    ("output per county per year (indicator language)", ["BM_OutputPerCountyPerYearQuery"],
     ("queries", "county_year")),
    ("enterprises above tiers per county per year", ["BM_TiersPerCountyPerYear"], ("queries", "tiers")),
    ("one segment's total for a year", ["BM_SegmentTotal"], ("queries", "segment")),
    ("all 16 targets of the plan", ["BM_EvaluateAllTargets"], ("queries", "targets")),
    ("every enterprise/project target per county", ["BM_EvaluateTargetsPerCounty"], ("queries", "targets_county")),
    ("the same, one `… group by county` indicator per target", ["BM_EvaluateTargetsPerCountyGrouped"],
     ("queries", "targets_county")),
    ("chain verdicts, every chain for every county (output of the year, then one pass per chain)",
     ["BM_ChainOutputColumn", "BM_ChainGapsEveryCountyGrouped"], ("queries", "chains_county")),
]


def run(cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd), file=sys.stderr, flush=True)
    return subprocess.run(cmd, check=True, **kwargs)


def atlas_times(bench_dir: Path, n: int, seed: int, out: Path, args) -> dict:
    """Seconds of real time per benchmark name (without the /N suffix)."""
    env = dict(os.environ, ATLAS_BENCH_SIZES=str(n), ATLAS_BENCH_SEED=str(seed))
    if args.big_memory:
        env["ATLAS_BENCH_BIG_MEMORY"] = "1"
    run([bench_dir / "atlas_bench", f"--benchmark_filter=/{n}(/|$)", "--benchmark_format=json",
         f"--benchmark_out={out}", "--benchmark_out_format=json"], env=env, stdout=subprocess.DEVNULL)
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    times = {}
    for b in json.loads(out.read_text())["benchmarks"]:
        times[b["name"].split("/")[0]] = b["real_time"] * scale[b["time_unit"]]
    return times


def write_plan_csvs(data_dir: Path, work: Path) -> dict:
    """The plan's projects and chains as CSV tables for the peers; returns the peers' queries (the
    chain query takes the plan's chain rules)."""
    plan_file = next((data_dir / "plans").glob("*.toml"))
    plan = tomllib.loads(plan_file.read_text())
    lines = ["id,county,zone"] + [f"{p['id']},{p.get('county', '')},{p.get('zone', '')}" for p in plan["project"]]
    (work / "projects.csv").write_text("\n".join(lines) + "\n")
    links, edges = ["chain,link,class"], ["chain,upstream,downstream"]
    for chain in plan.get("chain", []):
        links += [f"{chain['id']},{link['id']},{c}" for link in chain["link"] for c in link.get("classes", [])]
        edges += [f"{chain['id']},{e['from']},{e['to']}" for e in chain.get("edge", [])]
    (work / "chain_links.csv").write_text("\n".join(links) + "\n")
    (work / "chain_edges.csv").write_text("\n".join(edges) + "\n")
    rules = plan.get("plan", {}).get("chain_rules", {})
    unmodelled = [k for k in ("anchors", "anchor_output", "reference") if rules.get(k)]
    if unmodelled or rules.get("makers", "all") != "all":
        sys.exit(f"compare.py: the peers' chain query does not model chain_rules {unmodelled or ['makers']}")
    return dict(peer_sql.QUERIES, chains_county=peer_sql.chains_county_query(
        int(rules.get("min_makers", 2)), round(float(rules.get("min_local_supply", 0.5)) * 1e6)))


def chain_link_checksums(rows) -> dict:
    """Per chain link, as atlas_bench_answers folds engine::assess_chain_every_county."""
    out = {}
    for chain, link, county, makers, output, buyers, known, local, verdict in rows:
        number = int(county[1:])
        fold = out.setdefault(f"{chain}.{link}", dict.fromkeys(
            ("weak", "strong", "makers", "output", "buyers", "buyers_known", "buyers_local"), 0))
        fold[verdict] += 1
        for key, value in (("makers", makers), ("output", int(output) % 1000003), ("buyers", buyers),
                           ("buyers_known", known), ("buyers_local", local)):
            fold[key] += int(value) * number
    return out


def county_target_checksums(rows) -> dict:
    """Per target, Σ over counties of (value mod 1000003) × the county's number, as atlas_bench_answers."""
    out = {name: 0 for name in peer_sql.COUNTY_TARGET_COLUMNS}
    for row in rows:
        number = int(row[0][1:])
        for name, value in zip(peer_sql.COUNTY_TARGET_COLUMNS, row[1:]):
            out[name] += int(value or 0) % 1000003 * number
    return out


def peer_answers(result: dict) -> dict:
    """The figures of atlas_bench_answers, from a peer's query rows."""
    rows = result["rows"]
    first = min(int(r[1]) for r in rows["county_year"])
    per_year, checksum, c0001 = {}, 0, None
    for county, year, output in rows["county_year"]:
        year, output = int(year), int(output)
        per_year[str(year)] = per_year.get(str(year), 0) + output
        checksum += output % 1000003 * int(county[1:]) * (year - first + 1)
        if county == "c0001" and year == peer_sql.LAST_YEAR:
            c0001 = output
    tiers, tier_checksum = {"over_1yi": 0, "over_10yi": 0, "over_20yi": 0}, 0
    for county, year, o1, o10, o20 in rows["tiers"]:
        year, o1, o10, o20 = int(year), int(o1), int(o10), int(o20)
        tier_checksum += (o1 + 3 * o10 + 7 * o20) * int(county[1:]) * (int(year) - first + 1)
        if year == peer_sql.LAST_YEAR:
            tiers["over_1yi"] += o1
            tiers["over_10yi"] += o10
            tiers["over_20yi"] += o20
    targets = dict(zip(peer_sql.TARGET_COLUMNS, (int(v or 0) for v in rows["targets"][0])))
    county_row = next(r for r in rows["targets_county"] if r[0] == "c0001")
    return {
        "output_per_year": per_year,
        "county_year_checksum": checksum,
        "tier_checksum": tier_checksum,
        "c0001_output_2025": c0001,
        "tiers_2025": tiers,
        "electric_output_2025": int(rows["segment"][0][0]),
        "targets": targets,
        "c0001_targets": dict(zip(peer_sql.COUNTY_TARGET_COLUMNS, (int(v or 0) for v in county_row[1:]))),
        "c0001_targets_grouped": dict(zip(peer_sql.COUNTY_TARGET_COLUMNS, (int(v or 0) for v in county_row[1:]))),
        "county_targets_checksum": county_target_checksums(rows["targets_county"]),
        "chain_links": chain_link_checksums(rows["chains_county"]),
    }


def disagreements(atlas: dict, peer: dict, prefix="") -> list:
    """The figures where they differ; below "chain_links" a key only atlas has differs too."""
    out = []
    if prefix.startswith("chain_links."):
        out += [f"{prefix}{key}: atlas {atlas[key]} vs peer none" for key in atlas if key not in peer]
    for key, value in peer.items():
        if isinstance(value, dict):
            out += disagreements(atlas.get(key, {}), value, f"{prefix}{key}.")
        elif atlas.get(key) != value:
            out.append(f"{prefix}{key}: atlas {atlas.get(key)} vs peer {value}")
    return out


def fmt_seconds(s):
    if s is None:
        return "—"
    return f"{s * 1e3:.3g} ms" if s < 1 else f"{s:.3g} s"


def fmt_ratio(peer, atlas):
    return "—" if peer is None or not atlas else f"{peer / atlas:.3g}×"


def table(n: int, atlas: dict, peers: dict) -> str:
    names = list(peers)
    head = ["workload", "atlas"] + names + [f"{p} / atlas" for p in names]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for label, benches, (section, key) in ROWS:
        a = sum(atlas[b] for b in benches) if all(b in atlas for b in benches) else None
        p = [peers[name][section].get(key) for name in names]
        cells = [label, fmt_seconds(a)] + [fmt_seconds(x) for x in p] + [fmt_ratio(x, a) for x in p]
        lines.append("| " + " | ".join(cells) + " |")
    extra = {k: v for k, v in atlas.items() if k in ("BM_Import", "BM_ReadDataset", "BM_SnapshotBuild")}
    lines.append("")
    parts = ", ".join(f"{k} {fmt_seconds(v)}" for k, v in extra.items())
    lines.append(f"N = {n:,}." + (f" atlas parts: {parts}" if parts else ""))
    for name in names:
        lines.append(f"{name} {peers[name]['version']} load steps: " +
                     ", ".join(f"{k} {fmt_seconds(v)}" for k, v in peers[name]["load"].items()))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--build", default=os.environ.get("ATLAS_BENCH_BUILD", str(ROOT / "build-bench")))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each peer query (the fastest counts)")
    parser.add_argument("--peers", default=os.environ.get("ATLAS_BENCH_PEERS", "sqlite,duckdb"))
    parser.add_argument("--big-memory", action="store_true", help="also io::read_dataset at 1M (~20 GB)")
    parser.add_argument("--results", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()
    bench_dir = Path(args.build) / "bench"
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    failed = False
    for n in args.sizes:
        data_dir = Path(run([bench_dir / "atlas_bench_gen", str(n), str(args.seed)], capture_output=True,
                            text=True).stdout.strip())
        work = Path(f"/tmp/atlas-bench-peers/n{n}-s{args.seed}")
        work.mkdir(parents=True, exist_ok=True)
        queries = write_plan_csvs(data_dir, work)
        answers = json.loads(run([bench_dir / "atlas_bench_answers", str(n), str(args.seed)], capture_output=True,
                                 text=True).stdout)
        atlas = atlas_times(bench_dir, n, args.seed, results / f"atlas-{n}.json", args)
        peers = {}
        for name in args.peers.split(","):
            print(f"== {name} on n={n}", file=sys.stderr, flush=True)
            if name == "sqlite":
                peers[name] = peer_sql.run_sqlite(data_dir, work, args.repeat, queries)
            elif name == "duckdb":
                peers[name] = peer_sql.run_duckdb(data_dir, work, args.repeat, ROOT / "bench" / "peers", queries)
            wrong = disagreements(answers, peer_answers(peers[name]))
            for line in wrong:
                print(f"MISMATCH {name} n={n}: {line}", file=sys.stderr)
            failed = failed or bool(wrong)
            if not wrong:
                print(f"{name} agrees with atlas on every checked figure (n={n})", file=sys.stderr)
        (results / f"compare-{n}.json").write_text(json.dumps(
            {"n": n, "seed": args.seed, "atlas": atlas, "answers": answers,
             "peers": {k: {kk: vv for kk, vv in v.items() if kk != "rows"} for k, v in peers.items()}}, indent=1))
        report = table(n, atlas, peers)
        (results / f"compare-{n}.md").write_text(report + "\n")
        print(report, flush=True)
    if failed:
        print("FAILED: a peer disagrees with atlas (see MISMATCH lines)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
