#!/usr/bin/env python3
"""Self-check of the embedded Meizhou dataset against docs/formats.md (Python 3 stdlib only).

  python3 data/tools/check_data.py [--hs PATH/TO/hs2022.csv]

Checks: every CSV parses with the spec's columns (required present and filled, no unknown ones);
keys are unique; ids are slugs; enum values, amounts, counts, dates, periods, booleans and
provenance are well formed; every reference resolves (county, zone, class, enterprise, project,
sponsor, metric, chain, chain link, group); chains are acyclic; every `quote` is a verbatim
substring of the plan's source text; credit codes validate (GB 32100-2015 check character and
GB 11714 organisation-code check); cumulative observations never fall within a year; no output
before production starts (see production_errors); HS codes exist in the HS 2022 list (when it is
found). Exit status 1 on any error.
"""
import csv
import os
import re
import sys
import tomllib
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PLAN = os.path.join(ROOT, "data", "plans", "meizhou-autoparts-2021-2025.toml")
SOURCE = os.path.join(ROOT, "data", "plans", "meizhou-autoparts-2021-2025.source.txt")
DATA = os.path.join(ROOT, "data", "meizhou")
HS_DEFAULT = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "taxonomy", "hs2022.csv"))

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


# ---------------------------------------------------------------------------------------------
# value syntax

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
METRIC_ID = re.compile(r"^[a-z][a-z0-9_]*$")
AMOUNT = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE]\d+)?)(亿|万)?(元)?$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-01~(0[2-9]|1[0-2]))?$")
PROV = re.compile(r"^(plan §\d+(\(\d+\))?\d*|public: .+|stats: .+|user: .+|sample|sample: .+)$")
BOOL = {"true", "false", "1", "0", "是", "否"}


def amount(s):
    """Exact integer yuan, or None."""
    m = AMOUNT.match(s.strip())
    if not m:
        return None
    try:
        v = Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:
        return None
    v *= {"亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, None: 1}[m.group(2)]
    return int(v) if v == v.to_integral_value() else None


def is_count(s):
    return re.fullmatch(r"\d+", s) is not None


def check_date(where, s):
    if s and not DATE.match(s):
        err(where, f"bad date {s!r}")


# ---------------------------------------------------------------------------------------------
# credit codes

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def valid_uscc(code):
    if len(code) != 18 or any(c not in USCC_CHARS for c in code):
        return "not 18 characters of the GB 32100 set"
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(code[:17], USCC_WEIGHTS))
    c = 31 - s % 31
    if USCC_CHARS[0 if c == 31 else c] != code[17]:
        return "check character does not match"
    org = code[8:17]

    def val(ch):
        return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10
    c9 = 11 - sum(val(ch) * w for ch, w in zip(org[:8], ORG_WEIGHTS)) % 11
    if ("X" if c9 == 10 else "0" if c9 == 11 else str(c9)) != org[8]:
        return "organisation-code check does not match"
    return None


# ---------------------------------------------------------------------------------------------
# tables (from docs/formats.md): required, optional

SPEC = {
    "counties.csv": (["id", "adcode", "name_zh", "provenance"], ["name_en"]),
    "taxonomy.csv": (["code", "level", "name_zh", "provenance"],
                     ["parent", "name_en", "class_count", "hs"]),
    "metrics.csv": (["id", "name_zh", "unit", "provenance"], ["name_en"]),
    "enterprises.csv": (["id", "name_zh", "segment", "provenance"],
                        ["credit_code", "name_en", "county", "zone", "above_size", "high_tech",
                         "classes", "processes", "certifications", "customers", "employees",
                         "group", "outside", "above_size_provenance", "aliases",
                         "aliases_provenance"]),
    "observations.csv": (["enterprise", "metric", "period", "value", "provenance"], ["published"]),
    "facts.csv": (["id", "subject", "metric", "period", "value", "provenance"],
                  ["unit", "qualifier", "quote", "note_zh", "note_en"]),
    "milestones.csv": (["project", "kind", "provenance"], ["planned", "actual", "note_zh", "note_en"]),
    "carriers.csv": (["id", "name_zh", "kind", "level", "provenance"],
                     ["name_en", "enterprise", "recognized"]),
    "supplier_entries.csv": (["id", "enterprise", "oem", "tier", "provenance"], ["class", "entered"]),
    "candidates.csv": (["id", "name_zh", "kind", "provenance"],
                       ["name_en", "chain", "link", "region", "classes", "scale", "ties"]),
    "supply_edges.csv": (["supplier", "customer", "provenance"], ["class", "since"]),
}
KEYS = {"observations.csv": ("enterprise", "metric", "period"),
        "milestones.csv": ("project", "kind", "note_en"), "taxonomy.csv": ("code",),
        "supply_edges.csv": ("supplier", "customer", "class")}


def load(name):
    path = os.path.join(DATA, name)
    req, opt = SPEC[name]
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        err(name, "byte-order mark")
    rdr = csv.reader(text.splitlines(keepends=True))
    header = next(rdr)
    for c in header:
        if c not in req and c not in opt:
            err(f"{name}:1", f"unknown column {c!r}")
    for c in req:
        if c not in header:
            err(f"{name}:1", f"missing required column {c!r}")
    rows = []
    for i, r in enumerate(rdr, start=2):
        if len(r) != len(header):
            err(f"{name}:{i}", f"{len(r)} fields, header has {len(header)}")
            continue
        d = dict(zip(header, r))
        d["_line"] = i
        for c in req:
            if c in d and not d[c].strip():
                err(f"{name}:{i}:{header.index(c) + 1}", f"{c}: required value is empty")
        if "provenance" in d and d["provenance"] and not PROV.match(d["provenance"]):
            err(f"{name}:{i}", f"provenance: bad form {d['provenance']!r}")
        rows.append(d)
    key = KEYS.get(name, ("id",))
    seen = set()
    for d in rows:
        k = tuple(d.get(c, "") for c in key)
        if k in seen:
            err(f"{name}:{d['_line']}", f"duplicate key {k}")
        seen.add(k)
        # metric ids are field names of the indicator language (output_value), where '-' would
        # read as minus: they are snake_case; every other id is a slug
        pat = METRIC_ID if name == "metrics.csv" else SLUG
        if key == ("id",) and not pat.match(d["id"]):
            err(f"{name}:{d['_line']}", f"id {d['id']!r} is not a {'snake_case name' if name == 'metrics.csv' else 'slug'}")
    return rows


# ---------------------------------------------------------------------------------------------
# production milestones against output figures

PRODUCTION_KINDS = ("commissioned", "full-production")
OUTPUT_METRICS = ("output_value", "revenue")


def month_of(date):
    """(year, month) of a date or period's first month; month 1 when only the year is given."""
    return int(date[:4]), int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else 1


def period_end(period):
    """(year, last month) of a period: 2022 -> 12, 2022-05 -> 5, 2022-01~09 -> 9."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:~(\d{2}))?", period)
    if not m:
        return None
    y = int(m.group(1))
    return y, int(m.group(3) or m.group(2) or 12)


def production_errors(projects, milestones, observations, base_year):
    """Output figures that contradict the recorded milestones, as (where, message) pairs.

    An enterprise producing in the plan's base year (an output figure for `base_year`) was
    already producing before its projects, which are then expansions. For every other enterprise,
    production starts with the earliest production milestone (commissioned or full production)
    of the projects it sponsors: at its actual date. A production milestone with only a planned
    date has not happened as far as the record goes, so with no actual date at all nothing may be
    produced; before the actual month nothing either (a year-only date allows the whole year).
    `projects` maps project id to sponsor enterprise; milestones and observations are rows of
    milestones.csv and observations.csv (with `_where`)."""
    starts = {}
    for d in milestones:
        if d["kind"] not in PRODUCTION_KINDS or d["project"] not in projects:
            continue
        e = projects[d["project"]]
        first = starts.setdefault(e, {"at": None, "project": d["project"], "planned": ""})
        if d["actual"] and DATE.match(d["actual"]):
            at = month_of(d["actual"])
            if first["at"] is None or at < first["at"]:
                first.update(at=at, project=d["project"])
        elif not first["at"] and d["planned"]:
            first["planned"] = d["planned"]
    producing = {d["enterprise"] for d in observations
                 if d["metric"] in OUTPUT_METRICS and d["period"][:4] == str(base_year)
                 and len(d["period"]) == 4}
    out = []
    for d in observations:
        e = d["enterprise"]
        if d["metric"] not in OUTPUT_METRICS or e not in starts or e in producing:
            continue
        end = period_end(d["period"])
        s = starts[e]
        if end is None:
            continue
        if s["at"] is None:
            planned = f" (planned {s['planned']})" if s["planned"] else ""
            out.append((d["_where"], f"{e} has {d['metric']} for {d['period']} but project "
                        f"{s['project']} records no actual production date{planned}: production "
                        f"has not started"))
        elif end < s["at"]:
            out.append((d["_where"], f"{e} has {d['metric']} for {d['period']}, before project "
                        f"{s['project']} started production ({s['at'][0]}-{s['at'][1]:02d})"))
    return out


def where(name, d):
    return f"{name}:{d['_line']}"


def split(s):
    return [x.strip() for x in s.split(";") if x.strip()]


def main():
    hs_path = HS_DEFAULT
    if "--hs" in sys.argv:
        hs_path = sys.argv[sys.argv.index("--hs") + 1]
    source = open(SOURCE, encoding="utf-8").read()

    def check_quote(w, q):
        if q and q not in source:
            err(w, f"quote is not verbatim in the source text: {q!r}")

    T = {n: load(n) for n in SPEC}
    counties = {d["id"] for d in T["counties.csv"]}
    metrics = {d["id"] for d in T["metrics.csv"]}
    enterprises = {d["id"]: d for d in T["enterprises.csv"]}

    with open(PLAN, "rb") as f:
        plan = tomllib.load(f)

    # plan ----------------------------------------------------------------------------------
    P = "plan.toml"
    for k in ("id", "title", "document", "issued", "start", "end"):
        if k not in plan.get("plan", {}):
            err(P, f"[plan] lacks {k}")
    zones = {}
    for z in plan.get("zone", []):
        if z["id"] in zones:
            err(P, f"duplicate zone {z['id']}")
        zones[z["id"]] = z
    for z in zones.values():
        w = f"{P} zone {z['id']}"
        if z.get("kind") not in ("core-park", "base", "functional-zone"):
            err(w, f"bad kind {z.get('kind')!r}")
        for c in z.get("counties", []):
            if c not in counties:
                err(w, f"unknown county {c}")
        if z.get("parent") and z["parent"] not in zones:
            err(w, f"unknown parent {z['parent']}")
        if not PROV.match(z.get("provenance", "")):
            err(w, "bad provenance")

    for u in plan.get("unit", []):
        w = f"{P} unit {u.get('id')}"
        if u.get("id") in ("yuan", "count", "percent") or not SLUG.match(u.get("id", "")):
            err(w, "bad id")
        if u.get("measure") not in ("yuan", "count", "percent"):
            err(w, f"bad measure {u.get('measure')!r}")
        if not (u.get("name") or {}).get("zh"):
            err(w, "lacks its Chinese name")
        if not PROV.match(u.get("provenance", "")):
            err(w, "bad provenance")

    expected_targets = [
        "total-output", "passenger-output", "trailer-output", "nev-output", "enterprises-over-20yi",
        "enterprises-over-10yi", "enterprises-over-1yi", "new-provincial-carriers",
        "manufacturing-innovation-center", "innovation-alliance", "cluster-organization",
        "oem-supplier-entries", "new-projects", "park-projects-over-10yi", "park-projects-over-1yi",
        "park-output"]
    targets = plan.get("target", [])
    if [t["id"] for t in targets] != expected_targets:
        err(P, f"targets are {[t['id'] for t in targets]}")
    for t in targets:
        w = f"{P} target {t['id']}"
        for k in ("title", "indicator", "goal", "deadline", "unit", "quote", "provenance"):
            if k not in t:
                err(w, f"lacks {k}")
        m = re.fullmatch(r"(>=|<=|>|<|=|!=) (\S+)", t.get("goal", ""))
        if not m or (amount(m.group(2)) is None):
            err(w, f"bad goal {t.get('goal')!r}")
        declared_units = {u.get("id") for u in plan.get("unit", [])}
        if t.get("unit") not in ("yuan", "count") and t.get("unit") not in declared_units:
            err(w, f"bad unit {t.get('unit')!r}: neither yuan, count nor a [[unit]] of the plan")
        check_quote(w, t.get("quote"))
        if not PROV.match(t.get("provenance", "")):
            err(w, "bad provenance")
        b = t.get("baseline")
        if b:
            check_quote(w + " baseline", b.get("quote"))
            if not PERIOD.match(str(b.get("period", ""))) or amount(str(b.get("value", ""))) is None:
                err(w, "bad baseline period/value")
            if not PROV.match(b.get("provenance", "")):
                err(w, "bad baseline provenance")
        for z in re.findall(r'zone = "([^"]+)"', t.get("indicator", "")):
            if z not in zones:
                err(w, f"indicator names unknown zone {z}")

    tax = {d["code"]: d for d in T["taxonomy.csv"]}
    classes = {c for c, d in tax.items() if d["level"] == "class"}

    projects = {}
    for p in plan.get("project", []):
        w = f"{P} project {p['id']}"
        if p["id"] in projects:
            err(w, "duplicate id")
        projects[p["id"]] = p
        if p.get("type") not in ("expansion", "retrofit", "attraction"):
            err(w, "bad type")
        if p.get("sponsor") not in enterprises:
            err(w, f"unknown sponsor {p.get('sponsor')}")
        if p.get("zone") and p["zone"] not in zones:
            err(w, f"unknown zone {p['zone']}")
        if p.get("county") and p["county"] not in counties:
            err(w, f"unknown county {p['county']}")
        for k in ("investment", "expected_output"):
            if p.get(k) and amount(p[k]) is None:
                err(w, f"bad amount {k}")
        for c in p.get("products", []):
            if c not in classes:
                err(w, f"unknown class {c}")
        check_quote(w, p.get("quote"))
        if not PROV.match(p.get("provenance", "")):
            err(w, "bad provenance")

    chains = {}
    for ch in plan.get("chain", []):
        w = f"{P} chain {ch['id']}"
        links = {}
        for l in ch.get("link", []):
            if l["id"] in links:
                err(w, f"duplicate link {l['id']}")
            links[l["id"]] = l
            for c in l.get("classes", []):
                if c not in classes:
                    err(w, f"link {l['id']}: unknown class {c}")
        adj = {k: [] for k in links}
        for e in ch.get("edge", []):
            if e["from"] not in links or e["to"] not in links:
                err(w, f"edge {e} names an unknown link")
            else:
                adj[e["from"]].append(e["to"])
        state = {}

        def dfs(n):
            state[n] = 1
            for m in adj[n]:
                if state.get(m) == 1 or (m not in state and dfs(m)):
                    return True
            state[n] = 2
            return False
        if any(n not in state and dfs(n) for n in adj):
            err(w, "edges form a cycle")
        chains[ch["id"]] = links

    # taxonomy --------------------------------------------------------------------------------
    hs = None
    if os.path.exists(hs_path):
        with open(hs_path, encoding="utf-8") as f:
            hs = {r["hscode"] for r in csv.DictReader(f)}
    else:
        print(f"warning: {hs_path} not found, HS codes not checked")
    ncat = nsub = 0
    for d in T["taxonomy.csv"]:
        w = where("taxonomy.csv", d)
        lvl, parent = d["level"], d["parent"]
        if not SLUG.match(d["code"]):
            err(w, "code is not a slug")
        if lvl == "category":
            ncat += 1
            if parent or not is_count(d["class_count"]):
                err(w, "category needs no parent and a class_count")
        elif lvl == "subsystem":
            nsub += 1
            if tax.get(parent, {}).get("level") != "category":
                err(w, f"subsystem parent {parent!r} is not a category")
        elif lvl == "class":
            if tax.get(parent, {}).get("level") != "subsystem":
                err(w, f"class parent {parent!r} is not a subsystem")
        else:
            err(w, f"bad level {lvl!r}")
        for h in split(d["hs"]):
            if not re.fullmatch(r"\d{4}|\d{6}", h):
                err(w, f"HS code {h!r} is not 4 or 6 digits")
            elif hs is not None and h not in hs:
                err(w, f"HS code {h} not in HS 2022")
    if ncat != 6:
        err("taxonomy.csv", f"{ncat} categories")

    for d in T["counties.csv"]:
        if not re.fullmatch(r"4414\d\d", d["adcode"]):
            err(where("counties.csv", d), "adcode")
    for d in T["metrics.csv"]:
        if d["unit"] not in ("yuan", "count", "tce"):
            err(where("metrics.csv", d), "bad unit")

    # enterprises -----------------------------------------------------------------------------
    for d in T["enterprises.csv"]:
        w = where("enterprises.csv", d)
        if d["segment"] not in ("passenger", "trailer", "nev", "general"):
            err(w, "bad segment")
        if d["county"] and d["county"] not in counties:
            err(w, f"unknown county {d['county']}")
        if d["zone"] and d["zone"] not in zones:
            err(w, f"unknown zone {d['zone']}")
        for c in split(d["classes"]):
            if c not in classes:
                err(w, f"unknown class {c}")
        for b in ("above_size", "high_tech", "outside"):
            if d[b] and d[b] not in BOOL:
                err(w, f"bad bool {b}")
        # A stated size class or alias on a real enterprise names where it comes from.
        sample = d["provenance"].startswith("sample")
        if d["above_size"] and not sample and not d["above_size_provenance"]:
            err(w, "above_size on a non-sample enterprise without above_size_provenance")
        if d["aliases"] and not d["aliases_provenance"]:
            err(w, "aliases without aliases_provenance")
        if d["aliases_provenance"].startswith("plan"):
            for a in split(d["aliases"]):
                if a not in source:
                    err(w, f"alias {a} is not in the plan's text")
        if d["outside"] == "true" and (d["county"] or d["zone"]):
            err(w, "an enterprise outside the region has a county or zone")
        if d["group"] and d["group"] not in enterprises:
            err(w, f"unknown group {d['group']}")
        if d["employees"] and not is_count(d["employees"]):
            err(w, "employees not a count")
        if d["credit_code"]:
            why = valid_uscc(d["credit_code"])
            if why:
                err(w, f"credit code {d['credit_code']}: {why}")
            if not d["provenance"].startswith("sample"):
                err(w, "credit code on a non-sample enterprise (never invent one for a real one)")
        if d["id"].startswith("sample-") != d["provenance"].startswith("sample"):
            err(w, "sample ids and sample provenance must go together")

    # observations ----------------------------------------------------------------------------
    series = {}
    for d in T["observations.csv"]:
        w = where("observations.csv", d)
        if d["enterprise"] not in enterprises:
            err(w, f"unknown enterprise {d['enterprise']}")
        if d["metric"] not in metrics:
            err(w, f"unknown metric {d['metric']}")
        if not PERIOD.match(d["period"]):
            err(w, f"bad period {d['period']!r}")
        v = amount(d["value"])
        if v is None:
            err(w, f"bad value {d['value']!r}")
        check_date(w, d["published"])
        m = re.fullmatch(r"(\d{4})-01~(\d{2})", d["period"])
        if m and v is not None:
            series.setdefault((d["enterprise"], d["metric"], m.group(1)), []).append(
                (int(m.group(2)), v, w))
        if enterprises.get(d["enterprise"], {}).get("provenance", "").startswith("sample") \
                and not d["provenance"].startswith("sample"):
            err(w, "non-sample figure for a sample enterprise")
    obs_rows = [dict(d, _where=where("observations.csv", d)) for d in T["observations.csv"]]
    for w, msg in production_errors({k: p.get("sponsor", "") for k, p in projects.items()},
                                    T["milestones.csv"], obs_rows, plan["plan"]["start"] - 1):
        err(w, msg)
    for k, pts in series.items():
        pts.sort()
        for (m1, v1, _), (m2, v2, w2) in zip(pts, pts[1:]):
            if v2 < v1:
                err(w2, f"cumulative value falls ({k})")

    # facts -----------------------------------------------------------------------------------
    for d in T["facts.csv"]:
        w = where("facts.csv", d)
        if bool(d["note_zh"]) != bool(d["note_en"]):
            err(w, "a note needs both its Chinese and its English text (note_zh, note_en)")
        s = d["subject"]
        if not (s == "cluster" or s.startswith("region:") or s in zones or s in enterprises
                or s in projects):
            err(w, f"unknown subject {s}")
        if not SLUG.match(d["metric"].replace("_", "-")):
            err(w, "metric is not a slug")
        if not PERIOD.match(d["period"]):
            err(w, f"bad period {d['period']!r}")
        unit = d["unit"]
        if unit and unit not in ("yuan", "count", "percent", "rank", "year", "t", "tce"):
            err(w, f"bad unit {unit}")
        if unit == "percent":
            if not re.fullmatch(r"\d+(\.\d+)?", d["value"]):
                err(w, "bad percent value")
        elif amount(d["value"]) is None:
            err(w, f"bad value {d['value']!r}")
        if d["qualifier"] and d["qualifier"] not in ("exact", "about", "over", "at-least"):
            err(w, "bad qualifier")
        check_quote(w, d["quote"])
        if d["provenance"].startswith("plan") and not d["quote"]:
            err(w, "a plan fact needs its quote")

    # milestones ------------------------------------------------------------------------------
    for d in T["milestones.csv"]:
        w = where("milestones.csv", d)
        if bool(d["note_zh"]) != bool(d["note_en"]):
            err(w, "a note needs both its Chinese and its English text (note_zh, note_en)")
        if d["project"] not in projects:
            err(w, f"unknown project {d['project']}")
        if d["kind"] not in ("signed", "started", "commissioned", "full-production", "phase"):
            err(w, "bad kind")
        check_date(w, d["planned"])
        check_date(w, d["actual"])
        if not d["planned"] and not d["actual"]:
            err(w, "neither planned nor actual")

    # carriers --------------------------------------------------------------------------------
    for d in T["carriers.csv"]:
        w = where("carriers.csv", d)
        if d["kind"] not in ("engineering-center", "enterprise-tech-center",
                             "manufacturing-innovation-center", "innovation-alliance",
                             "cluster-organization", "rd-center", "key-lab", "test-platform"):
            err(w, "bad kind")
        if d["level"] not in ("municipal", "provincial", "national"):
            err(w, "bad level")
        if d["enterprise"] and d["enterprise"] not in enterprises:
            err(w, f"unknown enterprise {d['enterprise']}")
        check_date(w, d["recognized"])

    # supplier entries ------------------------------------------------------------------------
    for d in T["supplier_entries.csv"]:
        w = where("supplier_entries.csv", d)
        if d["enterprise"] not in enterprises:
            err(w, f"unknown enterprise {d['enterprise']}")
        if d["class"] and d["class"] not in classes:
            err(w, f"unknown class {d['class']}")
        if d["tier"] not in ("1", "2"):
            err(w, "bad tier")
        check_date(w, d["entered"])

    # supply edges: who delivers to whom (plan §3(1)3, §6(2) name BPW's local suppliers) ----------
    for d in T["supply_edges.csv"]:
        w = where("supply_edges.csv", d)
        for side in ("supplier", "customer"):
            if d[side] not in enterprises:
                err(w, f"unknown {side} {d[side]}")
        if d["supplier"] == d["customer"]:
            err(w, "an enterprise does not supply itself")
        if d["class"] and d["class"] not in classes:
            err(w, f"unknown class {d['class']}")
        check_date(w, d["since"])

    # chain rules: the anchors the plan names are enterprises ---------------------------------
    rules = plan["plan"].get("chain_rules", {})
    for a in rules.get("anchors", []):
        if a not in enterprises:
            err("plan [plan.chain_rules]", f"unknown anchor enterprise {a}")
    if rules and not rules.get("provenance"):
        err("plan [plan.chain_rules]", "provenance is required")

    # candidates ------------------------------------------------------------------------------
    for d in T["candidates.csv"]:
        w = where("candidates.csv", d)
        if d["kind"] not in ("oem", "parts", "three-electric"):
            err(w, "bad kind")
        if d["chain"] and d["chain"] not in chains:
            err(w, f"unknown chain {d['chain']}")
        if d["link"] and (not d["chain"] or d["link"] not in chains.get(d["chain"], {})):
            err(w, f"unknown link {d['link']} in chain {d['chain']}")
        for c in split(d.get("classes", "")):
            if c not in classes:
                err(w, f"unknown class {c}")
        for e in split(d.get("ties", "")):
            if e not in enterprises:
                err(w, f"unknown tie {e}")
        if d.get("scale") and amount(d["scale"]) is None:
            err(w, f"scale {d['scale']!r} is not an amount")

    # summary ---------------------------------------------------------------------------------
    n = {k: len(v) for k, v in T.items()}
    print("rows:", ", ".join(f"{k} {v}" for k, v in n.items()))
    print(f"plan: {len(zones)} zones, {len(targets)} targets, {len(projects)} projects, "
          f"{len(chains)} chains; taxonomy {ncat} categories, {nsub} subsystems, {len(classes)} classes")
    if errors:
        print(f"{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
