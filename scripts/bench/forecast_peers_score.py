#!/usr/bin/env python3
"""Scores atlas's back-test against its peers (bench/peers/forecast_peers.R) on the same points.

  forecast_peers_score.py NAME BACKTEST.json PEERS.json OUT_PREFIX

Each peer is compared with atlas on the points that peer scored (a target, an as-of date, a year):
coverage of the P10-P90 band (ideal 80 %), MAPE of the deadline year's point forecast (atlas: its
P50; a peer: its forecast mean), MAPE over every scored year, Brier score of the probability of
meeting the goal. Writes OUT_PREFIX.md and OUT_PREFIX.json and prints the table.
"""
import json
import sys


def score(points, prefix):
    def ape(p):
        value = p["atlas_p50"] if prefix else p["point"]
        return abs(value - p["actual"]) / abs(p["actual"])

    covered = sum(1 for p in points if p[prefix + "p10"] <= p["actual"] <= p[prefix + "p90"])
    deadline = [p for p in points if p["deadline"] and p["actual"]]
    scored = [p for p in points if p["actual"]]
    brier = [p for p in points if p["deadline"] and p[prefix + "probability"] is not None]
    return {
        "points": len(points),
        "coverage": covered / len(points) if points else None,
        "deadline_points": len(deadline),
        "mape_deadline": sum(map(ape, deadline)) / len(deadline) if deadline else None,
        "mape_all": sum(map(ape, scored)) / len(scored) if scored else None,
        "brier_points": len(brier),
        "brier": sum((p[prefix + "probability"] - (1.0 if p["met"] else 0.0)) ** 2 for p in brier) / len(brier)
        if brier
        else None,
    }


def pct(x):
    return "—" if x is None else f"{100 * x:.1f} %"


def num(x):
    return "—" if x is None else f"{x:.3f}"


def main():
    name, backtest_path, peers_path, out = sys.argv[1:5]
    backtest = json.load(open(backtest_path, encoding="utf-8"))
    peers = json.load(open(peers_path, encoding="utf-8"))
    sums = {(p["target"], p["as_of"], p["year"]) for p in backtest["points"] if p["ytd"]}
    rows = []
    for peer in ("holt", "arima", "ets"):
        points = [p for p in peers["points"] if p["peer"] == peer]
        if not points:
            continue
        rows.append({"peer": peer, "atlas": score(points, "atlas_"), "peer_score": score(points, "")})
    result = {
        "dataset": name,
        "plan": backtest["plan"],
        "runs": backtest["runs"],
        "paths": peers["paths"],
        "sum_points": len(sums),
        "overall_atlas": backtest["overall"],
        "comparisons": rows,
    }
    lines = [
        f"Back-test of `{backtest['plan']}` ({name}): atlas {backtest['runs']} runs, peers {peers['paths']} "
        f"simulated paths; {len(sums)} points of sum targets, a peer scores those whose series has 12 months.",
        "",
        "| model | points | P10–P90 coverage | MAPE deadline year | MAPE all years | Brier |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        for label, s in ((f"atlas (on {row['peer']}'s points)", row["atlas"]), (row["peer"], row["peer_score"])):
            lines.append(
                f"| {label} | {s['points']} | {pct(s['coverage'])} | {pct(s['mape_deadline'])} | "
                f"{pct(s['mape_all'])} | {num(s['brier'])} |"
            )
    text = "\n".join(lines) + "\n"
    open(out + ".md", "w", encoding="utf-8").write(text)
    json.dump(result, open(out + ".json", "w", encoding="utf-8"), indent=2, ensure_ascii=False)
    print(text)


if __name__ == "__main__":
    main()
