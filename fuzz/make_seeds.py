#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<harness>/seed-* from data/ and tests/golden/.

Run from the repository root after the data or the golden files change; hand-written edge cases
(edge-*) and the inputs of past findings (regress-*) are kept as they are. Keeps every seed small
(a few KB; the plan file whole) so the committed corpus stays in the tens of KB.
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
DATA = ROOT / "data" / "meizhou"
PLAN = ROOT / "data" / "plans" / "meizhou-autoparts-2021-2025.toml"
MAP = ROOT / "data" / "plans" / "meizhou-autoparts-2021-2025.geojson"


def head(path: pathlib.Path, lines: int) -> bytes:
    return b"".join(path.read_bytes().splitlines(keepends=True)[:lines])


def write(harness: str, name: str, data: bytes) -> None:
    (CORPUS / harness).mkdir(parents=True, exist_ok=True)
    (CORPUS / harness / f"seed-{name}").write_bytes(data)


def clear_seeds() -> None:
    for old in CORPUS.glob("*/seed-*"):
        old.unlink()


def csv_and_dataset_seeds() -> None:
    for table in sorted(DATA.glob("*.csv")):
        write("csv", table.stem, head(table, 6))
        write("dataset", table.stem, table.name.encode() + b"\n" + head(table, 8))


def map_seeds() -> None:
    """Two Meizhou counties with their rings cut to a few positions (a valid, small map)."""
    doc = json.loads(MAP.read_bytes().decode("utf-8-sig"))
    for feature in doc["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        cut = [[ring[:4] + [ring[0]] for ring in polygon[:1]] for polygon in polygons[:1]]
        feature["geometry"] = {"type": "Polygon", "coordinates": cut[0]}
    doc["features"] = doc["features"][:2]
    write("map", "meizhou-two-counties", json.dumps(doc, ensure_ascii=False).encode())


def plan_seeds() -> None:
    text = PLAN.read_bytes()
    write("plan", "meizhou", text)
    # Each kind of section alone, with the [plan] header it needs.
    sections = re.split(rb"\n(?=\[)", text)
    header = next(s for s in sections if s.startswith(b"[plan]"))
    for kind in (b"[[zone]]", b"[[target]]", b"[[project]]", b"[[chain]]"):
        first = next(s for s in sections if s.startswith(kind))
        write("plan", kind.strip(b"[]").decode(), header + b"\n" + first + b"\n")


def indicator_expressions() -> list[str]:
    found = []
    for golden in sorted((ROOT / "tests" / "golden" / "query").glob("*.txt")):
        found += [line[2:] for line in golden.read_text().splitlines() if line.startswith("? ")]
    found += re.findall(r'^indicator = "((?:[^"\\]|\\.)*)"', PLAN.read_text(), re.M)
    return [json.loads(f'"{e}"') if "\\" in e else e for e in dict.fromkeys(found)]


def indicator_seeds() -> None:
    for i, expression in enumerate(indicator_expressions()):
        write("indicator", f"{i:02d}", expression.encode())


def api_seeds() -> None:
    cases = (ROOT / "tests" / "golden" / "api" / "cases.txt").read_text().splitlines()
    for line in cases:
        if not line or line.startswith("#"):
            continue
        name, method, target, *body = line.split(" ", 3)
        write("api", name, f"{method} {target}\n{body[0] if body else ''}".encode())


def main() -> None:
    clear_seeds()
    csv_and_dataset_seeds()
    plan_seeds()
    map_seeds()
    indicator_seeds()
    api_seeds()


if __name__ == "__main__":
    main()
