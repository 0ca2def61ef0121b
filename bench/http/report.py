#!/usr/bin/env python3
"""Turns the raw output of scripts/bench/http.sh into tables: per run, and over all runs (min–max).

    report.py OUT_DIR PREFIX   → prints Markdown, writes PREFIX.md and PREFIX.json

OUT_DIR holds meta.tsv, endpoints.tsv (name, kind, body bytes, path) and one wrk output per
endpoint, server and run: <name>.<atlas|nginx>.<run>.txt.
"""
import json
import re
import sys
from pathlib import Path

GOAL_RATIO = {"cached": 0.90, "uncached": 0.50}
GOAL_P99_MS = 10.0
GOAL_READY_MS = 5000

UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def duration_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * UNIT_MS[m.group(2)] if m else None


def parse_wrk(path, clk_tck):
    """req/s, p50/p99 (ms), request count, errors, server CPU µs per request; None when missing."""
    if not path.exists():
        return None
    text = path.read_text()
    out = {"rps": None, "p50_ms": None, "p99_ms": None, "requests": None, "errors": 0, "non2xx": 0,
           "cpu_us": None}
    if m := re.search(r"Requests/sec:\s+([\d.]+)", text):
        out["rps"] = float(m.group(1))
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        if m := re.search(rf"^\s+{pct}%\s+(\S+)", text, re.M):
            out[key] = duration_ms(m.group(1))
    if m := re.search(r"(\d+) requests in", text):
        out["requests"] = int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text):
        out["errors"] = sum(int(g) for g in m.groups())
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", text):
        out["non2xx"] = int(m.group(1))
    ticks = path.with_suffix(".ticks")
    if ticks.exists() and out["requests"]:
        out["cpu_us"] = int(ticks.read_text()) * 1e6 / clk_tck / out["requests"]
    return out


def fmt_rps(v):
    return "—" if v is None else f"{v:,.0f}"


def fmt_ms(v):
    if v is None:
        return "—"
    return f"{v:.2f} ms" if v < 10 else f"{v:,.0f} ms" if v >= 100 else f"{v:.1f} ms"


def fmt_us(v):
    return "—" if v is None else f"{v:,.0f} µs" if v >= 10 else f"{v:.1f} µs"


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def med_span(values, fmt):
    """median (min – max) over the runs; one value alone when there is one run."""
    values = [v for v in values if v is not None]
    if len(values) < 2:
        return span(values, fmt)
    return f"{fmt(median(values))} ({span(values, fmt)})"


def span(values, fmt):
    values = [v for v in values if v is not None]
    if not values:
        return "—"
    lo, hi = min(values), max(values)
    return fmt(lo) if fmt(lo) == fmt(hi) else f"{fmt(lo)} – {fmt(hi)}"


def ratio_text(r):
    return "—" if r is None else f"{100 * r:.0f} %"


def verdict(flags):
    flags = [f for f in flags if f is not None]
    if not flags:
        return "—"
    met = sum(flags)
    return "met" if met == len(flags) else "not met" if met == 0 else f"met in {met} of {len(flags)} runs"


def main():
    out_dir, prefix = Path(sys.argv[1]), Path(sys.argv[2])
    meta = dict(line.split("\t", 1) for line in (out_dir / "meta.tsv").read_text().splitlines() if line)
    endpoints = [line.split("\t") for line in (out_dir / "endpoints.tsv").read_text().splitlines() if line]
    runs = int(meta.get("runs", "1"))
    rows = []
    for name, kind, body, path, *first in endpoints:
        row = {"endpoint": name, "kind": kind, "body_bytes": int(body), "path": path, "runs": [],
               "first_ms": float(first[0]) * 1000 if first else None}
        for run in range(1, runs + 1):
            clk = int(meta.get("clk_tck", "100"))
            a = parse_wrk(out_dir / f"{name}.atlas.{run}.txt", clk)
            n = parse_wrk(out_dir / f"{name}.nginx.{run}.txt", clk)
            if a is None or n is None:
                continue
            ratio = a["rps"] / n["rps"] if a["rps"] and n["rps"] else None
            row["runs"].append({"run": run, "atlas": a, "nginx": n, "ratio": ratio})
        rows.append(row)

    lines = [f"## atlas serve vs nginx — {meta.get('label')} ({meta.get('enterprises', '?')} enterprises)", ""]
    lines.append(f"- `{meta.get('wrk')}`, {runs} run(s); {meta.get('cpu')}; nginx {meta.get('nginx', '?')}")
    loads = "; ".join(f"{k}: {v}" for k, v in meta.items() if k.startswith("load_"))
    lines.append(f"- load average (1/5/15 min) — {loads}")
    ready = int(meta.get("ready_ms", "0"))
    lines.append(f"- start → /healthz 200: {ready / 1000:.2f} s (port bound after "
                 f"{int(meta.get('bound_ms', '0')) / 1000:.2f} s); goal < 5 s: "
                 f"{'met' if ready < GOAL_READY_MS else 'not met'}")
    mib = lambda k: f"{int(meta[k]) / 1024:,.0f} MiB" if meta.get(k) else "—"
    lines.append(f"- atlas resident memory: ready {mib('rss_ready_kib')} (peak {mib('hwm_ready_kib')}); "
                 f"after the runs {mib('rss_after_kib')} (peak {mib('hwm_after_kib')})")
    lines.append("- p99 as wrk reports it: wrk 4 corrects for coordinated omission (a response slower than "
                 "twice the mean interval adds the samples a steady client would have seen), so a stall of a "
                 "few hundred ms shows in p90/p99")
    lines.append(f"- county used (the median by enterprises of {meta.get('counties')}): `{meta.get('county')}` "
                 f"({meta.get('county_enterprises')} enterprises)")
    if meta.get("skipped"):
        lines += ["", f"**wrk runs skipped:** {meta['skipped']}"]
    lines.append("")
    head = ("| endpoint | kind | body bytes | atlas req/s | nginx req/s | atlas/nginx | atlas p99 | nginx p99 "
            "| atlas CPU/req | nginx CPU/req |")
    rule = "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    cells = lambda x: (f"{fmt_rps(x['atlas']['rps'])} | {fmt_rps(x['nginx']['rps'])} | {ratio_text(x['ratio'])} | "
                       f"{fmt_ms(x['atlas']['p99_ms'])} | {fmt_ms(x['nginx']['p99_ms'])} | "
                       f"{fmt_us(x['atlas']['cpu_us'])} | {fmt_us(x['nginx']['cpu_us'])} |")
    if rows and any(r["runs"] for r in rows):
        lines += [f"Median over {runs} run(s) (min – max); CPU/req = the server's CPU time (user + system, "
                  "all threads or workers) during the run / requests answered:", "", head, rule]
        for r in rows:
            rs = r["runs"]
            pick = lambda f: [f(x) for x in rs]
            lines.append(
                f"| `{r['path']}`{' (rotated)' if r['kind'] == 'uncached' else ''} | {r['kind']} | "
                f"{r['body_bytes']:,} | {med_span(pick(lambda x: x['atlas']['rps']), fmt_rps)} | "
                f"{med_span(pick(lambda x: x['nginx']['rps']), fmt_rps)} | "
                f"{med_span(pick(lambda x: x['ratio']), ratio_text)} | "
                f"{med_span(pick(lambda x: x['atlas']['p99_ms']), fmt_ms)} | "
                f"{med_span(pick(lambda x: x['nginx']['p99_ms']), fmt_ms)} | "
                f"{med_span(pick(lambda x: x['atlas']['cpu_us']), fmt_us)} | "
                f"{med_span(pick(lambda x: x['nginx']['cpu_us']), fmt_us)} |")
        lines += ["", "First answer (computed, before the cache holds it), one request after start-up: " +
                  ", ".join(f"{r['endpoint']} {fmt_ms(r['first_ms'])}" for r in rows) + "."]
        for run in range(1, runs + 1):
            lines += ["", f"Run {run} (load {meta.get(f'load_run{run}', '?')}):", "", head, rule]
            for r in rows:
                for x in r["runs"]:
                    if x["run"] == run:
                        lines.append(f"| {r['endpoint']} | {r['kind']} | {r['body_bytes']:,} | {cells(x)}")
        lines += ["", "Goals (PERFORMANCE.md: cached ≥ 90 % of nginx, uncached ≥ 50 %, p99 ≤ 10 ms at 64 connections):", ""]
        lines += ["| endpoint | rate goal | p99 goal |", "| --- | --- | --- |"]
        for r in rows:
            goal = GOAL_RATIO[r["kind"]]
            lines.append(f"| {r['endpoint']} | {verdict([x['ratio'] >= goal if x['ratio'] else None for x in r['runs']])} | "
                         f"{verdict([x['atlas']['p99_ms'] <= GOAL_P99_MS if x['atlas']['p99_ms'] else None for x in r['runs']])} |")
        problems = [f"{r['endpoint']} run {x['run']} {srv}: {x[srv]['errors']} socket errors, {x[srv]['non2xx']} non-2xx"
                    for r in rows for x in r["runs"] for srv in ("atlas", "nginx")
                    if x[srv]["errors"] or x[srv]["non2xx"]]
        if problems:
            lines += ["", "**Errors:** " + "; ".join(problems)]
    text = "\n".join(lines) + "\n"
    print(text)
    prefix.with_suffix(".md").write_text(text)
    prefix.with_suffix(".json").write_text(json.dumps({"meta": meta, "endpoints": rows}, indent=1))


if __name__ == "__main__":
    main()
