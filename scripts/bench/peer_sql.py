"""The peers' side of scripts/bench/compare.sh: the SQL equivalent of each atlas benchmark, and
runners for the sqlite3 CLI and DuckDB (bench/peers/duckdb_peer.mjs) on the generated CSV files.

Statistics bureaus report output year to date (`2025-01~12` is the whole year), so a year's
output of an enterprise is its `YYYY-01~12` row; atlas sums the months those rows normalise to,
which gives the same figure for a complete year.
"""
import csv
import io
import json
import subprocess
from pathlib import Path

LAST_YEAR = 2025  # the generated plan's last year (its indicator texts say `in 2025`)

ANNUAL_2025 = f"""
  SELECT e.id, e.county, e.segment, e.zone, o.value
  FROM observations o JOIN enterprises e ON e.id = o.enterprise
  WHERE o.metric = 'output_value' AND o.period = '{LAST_YEAR}-01~12'"""

DATE_IN_PLAN = "substr({0}, 1, 4) BETWEEN '2021' AND '2025'"
NEW_PROJECTS = f"""
  SELECT m.project FROM milestones m
  WHERE m.kind IN ('signed', 'commissioned') AND COALESCE(m.actual, '') <> ''
    AND {DATE_IN_PLAN.format('m.actual')}"""

# Enterprise targets in one pass over the year's figures: (name, SQL aggregate over a25).
ENTERPRISE_TARGETS = [
    ("total-output", "SUM(value)"),
    ("body-output", "SUM(CASE WHEN segment = 'body' THEN value ELSE 0 END)"),
    ("commercial-output", "SUM(CASE WHEN segment = 'commercial' THEN value ELSE 0 END)"),
    ("electric-output", "SUM(CASE WHEN segment = 'electric' THEN value ELSE 0 END)"),
    ("enterprises-over-20yi", "SUM(CASE WHEN value > 2000000000 THEN 1 ELSE 0 END)"),
    ("enterprises-over-10yi", "SUM(CASE WHEN value > 1000000000 THEN 1 ELSE 0 END)"),
    ("enterprises-over-1yi", "SUM(CASE WHEN value > 100000000 THEN 1 ELSE 0 END)"),
    ("park-projects-over-10yi", "SUM(CASE WHEN zone = 'lead-park' AND value >= 1000000000 THEN 1 ELSE 0 END)"),
    ("park-projects-over-1yi",
     "SUM(CASE WHEN zone = 'lead-park' AND value >= 100000000 AND value < 1000000000 THEN 1 ELSE 0 END)"),
    ("park-output", "SUM(CASE WHEN zone = 'lead-park' THEN value ELSE 0 END)"),
]
PROVINCIAL = "level IN ('provincial', 'national')"
OTHER_TARGETS = [
    ("new-provincial-carriers",
     f"(SELECT COUNT(*) FROM carriers WHERE {PROVINCIAL} AND {DATE_IN_PLAN.format('recognized')})"),
    ("manufacturing-innovation-center",
     "(SELECT COUNT(*) FROM carriers WHERE kind = 'manufacturing-innovation-center' AND "
     f"{PROVINCIAL} AND {DATE_IN_PLAN.format('recognized')})"),
    ("innovation-alliance",
     f"(SELECT COUNT(*) FROM carriers WHERE kind = 'innovation-alliance' AND {DATE_IN_PLAN.format('recognized')})"),
    ("cluster-organization",
     f"(SELECT COUNT(*) FROM carriers WHERE kind = 'cluster-organization' AND {DATE_IN_PLAN.format('recognized')})"),
    ("oem-supplier-entries",
     f"(SELECT COUNT(*) FROM supplier_entries WHERE tier <= 2 AND {DATE_IN_PLAN.format('entered')})"),
    ("new-projects", f"(SELECT COUNT(DISTINCT project) FROM ({NEW_PROJECTS}) n)"),
]


def _columns(items):
    return ",\n  ".join(f'{sql} AS "{name}"' for name, sql in items)


QUERIES = {
    # output per county per year (DuckDB 1M reference: 1.26 s)
    "county_year": """
SELECT e.county, CAST(substr(o.period, 1, 4) AS INTEGER) AS year, SUM(o.value) AS output
FROM observations o JOIN enterprises e ON e.id = o.enterprise
WHERE o.metric = 'output_value' AND o.period LIKE '%-01~12'
GROUP BY e.county, year""",
    # enterprises above output tiers per county per year (DuckDB 1M reference: 3.58 s)
    "tiers": """
SELECT e.county, CAST(substr(o.period, 1, 4) AS INTEGER) AS year,
  SUM(CASE WHEN o.value > 100000000 THEN 1 ELSE 0 END) AS over_1yi,
  SUM(CASE WHEN o.value > 1000000000 THEN 1 ELSE 0 END) AS over_10yi,
  SUM(CASE WHEN o.value > 2000000000 THEN 1 ELSE 0 END) AS over_20yi
FROM observations o JOIN enterprises e ON e.id = o.enterprise
WHERE o.metric = 'output_value' AND o.period LIKE '%-01~12'
GROUP BY e.county, year""",
    # one segment's total for a year (DuckDB 1M reference: 0.18 s)
    "segment": f"""
SELECT SUM(o.value) FROM observations o JOIN enterprises e ON e.id = o.enterprise
WHERE e.segment = 'electric' AND o.metric = 'output_value' AND o.period = '{LAST_YEAR}-01~12'""",
    # the 16 targets of the plan
    "targets": f"""
WITH a25 AS ({ANNUAL_2025})
SELECT
  {_columns(ENTERPRISE_TARGETS + OTHER_TARGETS)}
FROM a25""",
    # every enterprise and project target for every county
    "targets_county": f"""
WITH a25 AS ({ANNUAL_2025}),
ent AS (SELECT county, {_columns(ENTERPRISE_TARGETS)} FROM a25 GROUP BY county),
proj AS (SELECT p.county, COUNT(DISTINCT n.project) AS n FROM ({NEW_PROJECTS}) n
         JOIN projects p ON p.id = n.project GROUP BY p.county)
SELECT ent.*, COALESCE(proj.n, 0) AS "new-projects" FROM ent LEFT JOIN proj ON proj.county = ent.county""",
}

# The chain-link verdicts of every county (docs/chains.md) as SQL, for a plan whose chain rules set
# no anchors and no reference figures (atlas gen's): a link is weak in a county when it has fewer
# makers than min_makers or when, among its local buyers (the county's makers of the links it
# supplies directly) whose suppliers of it are recorded, fewer than min_local_supply buy it from a
# supplier in the county; strong otherwise; missing (no row) without a maker. CHAIN_YEAR is the
# year whose output the makers sum (BM_ChainGaps* and atlas_bench_answers read the same).
CHAIN_YEAR = 2024


def chains_county_query(min_makers: int, min_local_supply_millionths: int) -> str:
    return f"""
WITH out_y AS (SELECT enterprise, value FROM observations
               WHERE metric = 'output_value' AND period = '{CHAIN_YEAR}-01~12'),
mk AS (SELECT DISTINCT l.chain, l.link, ec.enterprise, ec.county
       FROM chain_links l JOIN enterprise_classes ec ON ec.class = l.class WHERE ec.county <> ''),
makers AS (SELECT mk.chain, mk.link, mk.county, COUNT(*) AS makers, SUM(o.value) AS output
           FROM mk LEFT JOIN out_y o ON o.enterprise = mk.enterprise GROUP BY mk.chain, mk.link, mk.county),
buyers AS (SELECT DISTINCT g.chain, g.upstream AS link, m.county, m.enterprise AS buyer
           FROM chain_edges g JOIN mk m ON m.chain = g.chain AND m.link = g.downstream),
rel AS (SELECT b.chain, b.link, b.county, b.buyer, MAX(CASE WHEN s.county = b.county THEN 1 ELSE 0 END) AS local
        FROM buyers b JOIN supply_edges se ON se.customer = b.buyer JOIN enterprises s ON s.id = se.supplier
        WHERE EXISTS (SELECT 1 FROM chain_links l
                      WHERE l.chain = b.chain AND l.link = b.link AND l.class = se.class)
           OR (COALESCE(se.class, '') = '' AND EXISTS (
                 SELECT 1 FROM enterprise_classes ec JOIN chain_links l ON l.class = ec.class
                 WHERE ec.enterprise = se.supplier AND l.chain = b.chain AND l.link = b.link))
        GROUP BY b.chain, b.link, b.county, b.buyer),
nb AS (SELECT chain, link, county, COUNT(*) AS buyers FROM buyers GROUP BY chain, link, county),
sup AS (SELECT chain, link, county, COUNT(*) AS known, SUM(local) AS local FROM rel GROUP BY chain, link, county)
SELECT m.chain, m.link, m.county, m.makers, COALESCE(m.output, 0), COALESCE(nb.buyers, 0),
  COALESCE(sup.known, 0), COALESCE(sup.local, 0),
  CASE WHEN m.makers < {min_makers}
         OR (sup.known > 0 AND sup.local * 1000000 < sup.known * {min_local_supply_millionths})
       THEN 'weak' ELSE 'strong' END AS verdict
FROM makers m
LEFT JOIN nb ON nb.chain = m.chain AND nb.link = m.link AND nb.county = m.county
LEFT JOIN sup ON sup.chain = m.chain AND sup.link = m.link AND sup.county = m.county"""


TARGET_COLUMNS = [name for name, _ in ENTERPRISE_TARGETS + OTHER_TARGETS]
COUNTY_TARGET_COLUMNS = [name for name, _ in ENTERPRISE_TARGETS] + ["new-projects"]

# (table, CSV file, SQLite column declarations). Projects live in the plan TOML; compare.py
# writes their id, county and zone to projects.csv in the peers' work directory.
TABLES = [
    ("enterprises", "enterprises.csv",
     "id TEXT PRIMARY KEY, credit_code TEXT, name_zh TEXT, name_en TEXT, county TEXT, zone TEXT, segment TEXT, "
     "above_size TEXT, high_tech TEXT, classes TEXT, processes TEXT, certifications TEXT, customers TEXT, "
     'employees INTEGER, "group" TEXT, provenance TEXT'),
    ("observations", "observations.csv",
     "enterprise TEXT, metric TEXT, period TEXT, value INTEGER, provenance TEXT"),
    ("carriers", "carriers.csv",
     "id TEXT, name_zh TEXT, name_en TEXT, kind TEXT, level TEXT, enterprise TEXT, recognized TEXT, provenance TEXT"),
    ("supplier_entries", "supplier_entries.csv",
     "id TEXT, enterprise TEXT, class TEXT, oem TEXT, tier INTEGER, entered TEXT, provenance TEXT"),
    ("milestones", "milestones.csv", "project TEXT, kind TEXT, planned TEXT, actual TEXT, note TEXT, provenance TEXT"),
    ("projects", "projects.csv", "id TEXT, county TEXT, zone TEXT"),
    ("supply_edges", "supply_edges.csv", "supplier TEXT, customer TEXT, class TEXT, since TEXT, provenance TEXT"),
    ("chain_links", "chain_links.csv", "chain TEXT, link TEXT, class TEXT"),
    ("chain_edges", "chain_edges.csv", "chain TEXT, upstream TEXT, downstream TEXT"),
]
PLAN_TABLES = ("projects", "chain_links", "chain_edges")  # written from the plan file by compare.py

# What each peer derives once the tables are in, as atlas's Snapshot build does (its posting lists
# by class and by customer): the enterprise × class pairs of the `;`-separated classes column, and
# (SQLite) the indexes the chain query joins on.
SQLITE_DERIVED = [
    ("enterprise_classes", """CREATE TABLE enterprise_classes AS
WITH RECURSIVE split(enterprise, county, class, rest) AS (
  SELECT id, county, '', classes || ';' FROM enterprises
  UNION ALL SELECT enterprise, county, substr(rest, 1, instr(rest, ';') - 1), substr(rest, instr(rest, ';') + 1)
  FROM split WHERE rest <> '')
SELECT enterprise, county, class FROM split WHERE class <> '';
CREATE INDEX enterprise_classes_class ON enterprise_classes(class);
CREATE INDEX enterprise_classes_enterprise ON enterprise_classes(enterprise);
CREATE INDEX supply_edges_customer ON supply_edges(customer);"""),
]
DUCKDB_DERIVED = [
    ("enterprise_classes", """CREATE TABLE enterprise_classes AS
SELECT enterprise, county, class FROM (
  SELECT id AS enterprise, county, unnest(string_split(classes, ';')) AS class FROM enterprises)
WHERE class <> ''"""),
]


def _tables(data_dir: Path, work: Path):
    """(table, source file, columns) for every table whose file exists (older datasets have no
    supply_edges.csv)."""
    for table, file, columns in TABLES:
        source = work / file if table in PLAN_TABLES else data_dir / file
        if source.exists():
            yield table, source, columns


def run_sqlite(data_dir: Path, work: Path, repeat: int, queries: dict) -> dict:
    """sqlite3 CLI, in memory: .import every table (timed with .shell date), then each query."""
    lines = [".bail on", '.shell echo "@@T start $(date +%s.%N)"']
    for table, source, columns in _tables(data_dir, work):
        lines += [f"CREATE TABLE {table}({columns});", f".import --csv --skip 1 {source} {table}",
                  f'.shell echo "@@T {table} $(date +%s.%N)"']
    for name, sql in SQLITE_DERIVED:
        lines += [sql, f'.shell echo "@@T {name} $(date +%s.%N)"']
    lines += [".mode csv", ".headers off", ".timer on"]
    for name, sql in queries.items():
        for i in range(repeat):
            lines += [f".print @@Q {name} {i}", sql.strip() + ";"]
    script = "\n".join(lines) + "\n"
    (work / "sqlite_job.sql").write_text(script)
    done = subprocess.run(["sqlite3", ":memory:"], input=script, capture_output=True, text=True, check=True)
    return _parse_sqlite(done.stdout, repeat)


def _parse_sqlite(stdout: str, repeat: int) -> dict:
    stamps, best, rows = {}, {}, {}
    order, current, buffer = [], None, []
    for line in stdout.splitlines():
        if line.startswith("@@T "):
            _, name, stamp = line.split()
            stamps[name] = float(stamp)
            order.append(name)
        elif line.startswith("@@Q "):
            _, name, i = line.split()
            current, buffer = (name, int(i)), []
        elif line.startswith("Run Time: real ") and current:
            seconds = float(line.split()[3])
            best[current[0]] = min(best.get(current[0], seconds), seconds)
            if current[1] == repeat - 1:
                rows[current[0]] = list(csv.reader(io.StringIO("\n".join(buffer))))
        elif current:
            buffer.append(line)
    load = {name: stamps[name] - stamps[prev] for prev, name in zip(order, order[1:])}
    load["total"] = stamps[order[-1]] - stamps[order[0]]
    return {"version": _sqlite_version(), "load": load, "queries": best, "rows": rows}


def _sqlite_version() -> str:
    return subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]


def run_duckdb(data_dir: Path, work: Path, repeat: int, peers_dir: Path, queries: dict) -> dict:
    """DuckDB through @duckdb/node-api, in memory: read_csv every table, then each query."""
    load = []
    for table, source, _ in _tables(data_dir, work):
        options = "header = true"
        if table == "observations":
            options += (", columns = {'enterprise': 'VARCHAR', 'metric': 'VARCHAR', 'period': 'VARCHAR', "
                        "'value': 'BIGINT', 'provenance': 'VARCHAR'}")
        elif table != "supplier_entries":
            options += ", all_varchar = true"
        load.append({"name": table, "sql": f"CREATE TABLE {table} AS SELECT * FROM read_csv('{source}', {options})"})
    load += [{"name": name, "sql": sql} for name, sql in DUCKDB_DERIVED]
    job = {"load": load, "queries": [{"name": k, "sql": v} for k, v in queries.items()], "repeat": repeat}
    job_file = work / "duckdb_job.json"
    job_file.write_text(json.dumps(job, indent=1))
    done = subprocess.run(["node", str(peers_dir / "duckdb_peer.mjs"), str(job_file)], capture_output=True,
                          text=True, check=True)
    out = json.loads(done.stdout)
    out["load"]["total"] = sum(out["load"].values())
    return out
