#!/usr/bin/env python3
"""Write the SAMPLE (illustrative) rows of the embedded Meizhou dataset.

Deterministic (fixed seed, Python 3 standard library only). For each table it touches it keeps
every row whose provenance does not start with "sample" (plan and public records, curated by
hand) and replaces all sample rows with freshly generated ones, so running it twice gives the
same files.

  python3 data/tools/make_sample.py            # rewrite the sample rows
  python3 data/tools/make_sample.py --summary  # also print what the sample does to each target

Nothing written here is a fact: every row carries provenance "sample" (or "sample: <note>").
What the figures are made to show (see data/README.md):
  * 2020: BPW's 19.87亿 (plan) plus the sample 2020 output of the other enterprises add up to
    exactly 27.19亿 (plan §3(1)1), with exactly 5 enterprises over 1亿 (plan §3(2)1) and a total
    of 6300 employees (plan §3(1)1);
  * 2021–2025 year-to-date cumulative output (YYYY-01~02 … YYYY-01~12) and annual employees;
    2026 up to 2026-01~09;
  * by 2025 some targets are met (trailer output, one enterprise over 20亿, 15 over 1亿, new
    provincial carriers, alliance, cluster organisation, new projects) and others missed (total,
    passenger, NEV, four over 10亿, the park's 2+10 and 40亿, manufacturing innovation centre,
    supplier entries).
"""
import csv
import os
import random
import sys
import tomllib

SEED = 20210702  # the plan's issue date
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "meizhou"))
PLAN = os.path.normpath(os.path.join(HERE, "..", "plans", "meizhou-autoparts-2021-2025.toml"))
SAMPLE = "sample"
COUNTY_NOTE = "sample: the county is illustrative (the park's county is not recorded)"
COPPER_NOTE = ("sample: copper-foil output counted in the auto-parts cluster only, "
               "not the company's total")

# ---------------------------------------------------------------------------------------------
# GB 32100-2015 unified social credit code (and its GB 11714 organisation-code part)

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check(code17):
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(code17, USCC_WEIGHTS))
    c = 31 - s % 31
    return USCC_CHARS[0 if c == 31 else c]


def org_check(body8):
    def val(c):
        return int(c) if c.isdigit() else ord(c) - ord("A") + 10
    c = 11 - sum(val(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def make_credit_code(rng, region):
    # '9' = registered by market regulation, '1' = enterprise; then region and org code.
    body = "".join(rng.choice(USCC_CHARS[:10] if i < 2 else USCC_CHARS[:-1]) for i in range(8))
    code17 = "91" + region + body + org_check(body)
    return code17 + uscc_check(code17)


# ---------------------------------------------------------------------------------------------
# Sample enterprises: (id letter, segment, county, zone, classes, region code)

REGION = {"meijiang": "441402", "meixian": "441403", "dabu": "441422", "fengshun": "441423",
          "wuhua": "441424", "pingyuan": "441426", "jiaoling": "441427", "xingning": "441481",
          "": "441400"}
# The GAC parts park's county is not recorded (the plan does not say where it lies): its sample
# firms get an illustrative county, said so in their provenance (COUNTY_NOTE), and keep the
# city-level region code 441400 in their credit codes.
SAMPLE_ENTERPRISES = [
    ("a", "passenger", "meijiang", "gac-park", "interior-trim"),
    ("b", "passenger", "meixian", "gac-park", "body-structural-part"),
    ("c", "passenger", "meijiang", "gac-park", "seat-harness"),
    ("d", "passenger", "meixian", "gac-park", "hardware"),
    ("e", "passenger", "meijiang", "gac-park", "plastic-products"),
    ("f", "trailer", "meixian", "meixian-trailer-belt", "brake-drum"),
    ("g", "nev", "xingning", "nev-zone", "power-module"),
    ("h", "general", "meijiang", "", "rubber-products"),
    ("i", "trailer", "pingyuan", "trailer-support-belt", "castings"),
    ("j", "trailer", "meijiang", "trailer-support-belt", "axle-parts"),
    ("k", "nev", "fengshun", "nev-zone", "electric-control"),
    ("l", "general", "jiaoling", "", "gear"),
]

# ---------------------------------------------------------------------------------------------
# Output paths, in 万元. y2020: sample 2020 output (None: not producing / not in the base);
# y2025: the 2025 annual total (exact); start: first month of production when after 2020;
# path: optional fixed 2021–2024 values, else a noisy geometric path.
# The small 2020 values marked SCALE are scaled so that the 2020 total is exactly 27.19亿.

E = {}


def ent(eid, y2020, y2025, start=None, path=None, g2026=0.05, scale=True, note=SAMPLE):
    E[eid] = dict(y2020=y2020, y2025=y2025, start=start, path=path, g2026=g2026,
                  scale=scale, note=note)


# trailer
ent("bpw-meizhou", 198700, 248000, path=[224000, 201000, 228000, 239000], g2026=0.03,
    scale=False)                                     # 2020: plan §3(1)2, not generated
ent("fude-metal", 6200, 41000, path=[10500, 19000, 33000, 38000])
ent("xionghui", 3500, 15000)
ent("qingda", 2800, 12000)
ent("hongyu", 2200, 10500)
ent("wuzhishi", 1800, 7000)
ent("sample-f", 900, 13000)
ent("sample-i", 700, 5500)
ent("sample-j", 600, 5000)
# passenger (GAC parts park and others)
ent("saint-gobain-meizhou", None, 106000, start=(2021, 8), path=[9000, 52000, 72000, 91000])
ent("gac-springs", 13200, 56000, scale=False)
ent("gac-huade", 10800, 31000, scale=False)
ent("anwen", 3000, 22000)
ent("meizhou-hongyuan", 2600, 17000)
ent("sample-a", 400, 13000)
ent("sample-b", None, 12500, start=(2021, 6))
ent("sample-c", None, 11000, start=(2022, 4))
ent("sample-d", 300, 8000)
ent("sample-e", None, 6000, start=(2023, 5))
ent("peiying", 4800, 12500)
ent("huayue", None, 7000, start=(2022, 9))
# NEV three-electric
ent("yamaxi", 11500, 26000, scale=False)
ent("jiayuan", None, 50000, start=(2021, 10), path=[2500, 21000, 33000, 41000], note=COPPER_NOTE)
ent("chaohua", None, 20000, start=(2022, 1), note=COPPER_NOTE)
ent("hengyusheng", None, 4500, start=(2024, 3))
ent("sample-g", None, 9000, start=(2022, 7))
ent("sample-k", None, 5000, start=(2024, 6))
# general
ent("jingde", 12100, 15500, scale=False)
ent("gac-qianghua", 1600, 9500)
ent("carlisle-meizhou", 1500, 9000)
ent("hongrong", 900, 7500)
ent("jiesong", 600, 3500)
ent("oufulai", 500, 4500)
ent("sample-h", 500, 7000)
ent("sample-l", 400, 4000)

TOTAL_2020 = 271900          # 27.19亿 (plan §3(1)1), in 万元
EMPLOYEES_2020 = 6300        # plan §3(1)1

# output per employee in 2020, 万元 (labour-intensive foundries low, glass / copper foil high);
# BPW's figure is fixed, the others are then scaled so that 2020 adds up to 6300 people
PRODUCTIVITY = {"trailer": 25.0, "passenger": 30.0, "nev": 35.0, "general": 22.0}
PRODUCTIVITY_FIXED = {"bpw-meizhou": 130.0}
# output per employee (万元, full-year) of plants that start after 2020
STARTER_PRODUCTIVITY = {"trailer": 40.0, "passenger": 60.0, "nev": 90.0, "general": 35.0}

# year-to-date share of the year by month; Jan and Feb are reported together
MONTH_WEIGHTS = {2: 0.135, 3: 0.080, 4: 0.082, 5: 0.084, 6: 0.088, 7: 0.080, 8: 0.082,
                 9: 0.087, 10: 0.082, 11: 0.090, 12: 0.110}
TRAILER_2022_DIP = 0.90      # heavy-truck and trailer slump of 2022


def segment_of(eid, enterprises):
    return enterprises[eid]["segment"]


def annual_paths(rng, enterprises):
    """{eid: {year: 万元}} for 2020 (where producing) and 2021..2025, plus 2026 full-year plan."""
    # scale the small 2020 values so that the 2020 total is exact
    fixed = sum(v["y2020"] for v in E.values() if v["y2020"] and not v["scale"])
    small = {k: v["y2020"] for k, v in E.items() if v["y2020"] and v["scale"]}
    target_small = TOTAL_2020 - fixed
    factor = target_small / sum(small.values())
    scaled = {k: int(round(v * factor)) for k, v in small.items()}
    biggest = max(scaled, key=scaled.get)
    scaled[biggest] += target_small - sum(scaled.values())
    assert all(v < 10000 for v in scaled.values()), "a scaled 2020 value reached 1亿"

    out = {}
    for eid, spec in E.items():
        years = {}
        y20 = spec["y2020"]
        if y20:
            y20 = scaled.get(eid, y20)
            years[2020] = y20
        if spec["path"]:
            for y, v in zip(range(2021, 2025), spec["path"]):
                years[y] = v
        elif y20:
            for y in range(2021, 2025):
                base = y20 * (spec["y2025"] / y20) ** ((y - 2020) / 5.0)
                if y == 2022 and segment_of(eid, enterprises) == "trailer":
                    base *= TRAILER_2022_DIP
                years[y] = int(round(base * rng.uniform(0.94, 1.06)))
        else:
            sy, sm = spec["start"]
            first_share = (13 - sm) / 12.0
            for y in range(sy, 2025):
                frac = (y - sy + 1) / (2025 - sy + 1)
                v = spec["y2025"] * (0.25 + 0.75 * frac) * rng.uniform(0.94, 1.06)
                if y == sy:
                    v *= first_share
                years[y] = int(round(v))
        years[2025] = spec["y2025"]
        years[2026] = int(round(spec["y2025"] * (1 + spec["g2026"] + rng.uniform(-0.04, 0.04))))
        out[eid] = years
    return out


def cumulative(rng, annual, start_month=1, last_month=12):
    """Year-to-date cumulative values (months 2..last_month; 2 = Jan–Feb) for one year.

    `annual` is the full-year total; the 01~12 figure equals it exactly. Before start_month
    nothing is reported; months are weighted with a little noise."""
    months = list(range(max(start_month, 2), 13))
    w = {}
    for m in months:
        base = MONTH_WEIGHTS[m]
        if m == 2 and start_month == 2:   # started in February: half of the Jan–Feb weight
            base = MONTH_WEIGHTS[2] / 2
        w[m] = base * rng.uniform(0.9, 1.1)
    total = sum(w.values())
    res, acc = [], 0.0
    for m in months:
        acc += w[m]
        if m > last_month:
            break
        res.append((m, int(round(annual * acc / total))))
    if last_month == 12:
        res[-1] = (12, annual)
    # monotone non-decreasing by construction (positive weights); guard rounding anyway
    for i in range(1, len(res)):
        assert res[i][1] >= res[i - 1][1]
    return res


PRODUCTION_KINDS = ("commissioned", "full-production")


def production_starts(milestones):
    """{enterprise: (year, month) | None} from the recorded milestones, for the sponsors of projects
    with a production milestone (commissioned or full production): the earliest actual date
    (month 1 when only the year is known), None when no production milestone has an actual date
    (production has not started as far as the record goes). Same rule as check_data.py."""
    with open(PLAN, "rb") as f:
        sponsor = {p["id"]: p["sponsor"] for p in tomllib.load(f).get("project", [])}
    starts = {}
    for r in milestones:
        if r["kind"] not in PRODUCTION_KINDS or r["project"] not in sponsor:
            continue
        e = sponsor[r["project"]]
        starts.setdefault(e, None)
        if r["actual"]:
            y, m = int(r["actual"][:4]), int(r["actual"][5:7] or 1)
            if starts[e] is None or (y, m) < starts[e]:
                starts[e] = (y, m)
    return starts


def fmt_wan(v):
    return f"{v}万"


def period(y, m):
    return f"{y}-01~{m:02d}"


# ---------------------------------------------------------------------------------------------

def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        header = list(rows[0].keys()) if rows else None
    if header is None:
        with open(os.path.join(DATA, name), encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
    return header, rows


def write(name, header, rows):
    with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in header})


def keep(rows):
    return [r for r in rows if not r["provenance"].startswith(SAMPLE)]


def main():
    rng = random.Random(SEED)

    # enterprises ------------------------------------------------------------------------------
    header, rows = read("enterprises.csv")
    rows = keep(rows)
    for letter, seg, county, zone, classes in SAMPLE_ENTERPRISES:
        rows.append({
            "id": f"sample-{letter}",
            "credit_code": make_credit_code(rng, REGION["" if zone == "gac-park" else county]),
            "name_zh": f"样例零部件企业{letter.upper()}（示例）",
            "name_en": f"Sample parts enterprise {letter.upper()} (illustrative)",
            "county": county, "zone": zone, "segment": seg,
            "above_size": "true", "high_tech": "", "classes": classes,
            "provenance": COUNTY_NOTE if zone == "gac-park" else SAMPLE,
        })
    write("enterprises.csv", header, rows)
    enterprises = {r["id"]: r for r in rows}
    for eid in E:
        assert eid in enterprises, eid

    # milestones -------------------------------------------------------------------------------
    header, rows = read("milestones.csv")
    rows = keep(rows)
    M = [  # project, kind, planned, actual, note (zh, en)
        ("xionghui-precision-casting", "started", "2021-09", "2021-11", "新厂区建设", "new plant construction"),
        ("xionghui-precision-casting", "commissioned", "2022-12", "2023-04", "2条铸造生产线", "2 casting lines"),
        ("qingda-brake-shoes", "commissioned", "2022-06", "2022-05", "扩产生产线", "expanded lines"),
        ("jiesong-equipment-plastics", "commissioned", "2022-12", "2023-02", "", ""),
        ("carlisle-tyre-retrofit", "started", "2022-03", "2022-03", "技术改造工程", "retrofit works"),
        ("carlisle-tyre-retrofit", "commissioned", "2023-06", "2024-03", "改造后的生产线", "retrofitted line"),
        ("hongrong-welding-robots", "commissioned", "2022-09", "2022-10", "焊接机器人", "welding robots"),
        ("weiyou-excavator-parts", "started", "2023-03", "", "智能生产线", "smart line"),
        ("weiyou-excavator-parts", "commissioned", "2024-06", "", "智能生产线", "smart line"),
        ("peiying-car-audio", "started", "2023-06", "2023-08", "生产基地", "production base"),
        ("peiying-car-audio", "commissioned", "2024-06", "", "生产基地", "production base"),
        ("hongyu-process-upgrade", "commissioned", "2023-06", "2023-06", "", ""),
        ("gac-springs", "signed", "2021-06", "2021-08", "", ""),
        ("gac-springs", "started", "2021-10", "2021-12", "", ""),
        ("gac-springs", "commissioned", "2022-12", "2023-05", "新弹簧生产线", "new spring lines"),
        ("gac-springs", "full-production", "2025-12", "", "产值超5亿", "超5亿 output"),
        ("hongyuan-seat-covers", "signed", "2021-09", "2021-10", "", ""),
        ("hongyuan-seat-covers", "commissioned", "2022-09", "2022-11", "", ""),
        ("huayue-parts", "signed", "2021-12", "2022-01", "", ""),
        ("huayue-parts", "commissioned", "2022-09", "2022-09", "", ""),
        ("anwen-parts", "signed", "2022-03", "2022-03", "", ""),
        ("anwen-parts", "commissioned", "2023-06", "2023-09", "", ""),
        ("oufulai-line", "signed", "2025-06", "", "40万件套生产线", "40万件套 line"),
        ("hengyusheng-nev-parts", "signed", "2022-03", "2022-05", "", ""),
        ("hengyusheng-nev-parts", "started", "2022-10", "2023-02", "", ""),
        ("hengyusheng-nev-parts", "commissioned", "2023-12", "2024-03", "", ""),
        ("yamaxi-magnetic-components", "started", "2021-06", "2021-06", "扩大投资", "expansion"),
        ("yamaxi-magnetic-components", "commissioned", "2022-06", "2022-08", "扩大投资", "expansion"),
    ]
    for p, k, pl, ac, note_zh, note_en in M:
        rows.append({"project": p, "kind": k, "planned": pl, "actual": ac, "note_zh": note_zh, "note_en": note_en,
                     "provenance": SAMPLE})
    write("milestones.csv", header, rows)
    milestones = rows


    # observations -----------------------------------------------------------------------------
    header, rows = read("observations.csv")
    rows = keep(rows)
    paths = annual_paths(rng, enterprises)
    # Respect the recorded milestones: an enterprise not producing in 2020 whose project has a
    # production milestone produces from the milestone's actual month on (ramping up, see
    # annual_paths); without an actual date it has not started and gets no figures. Its rows
    # are still generated (and dropped) so that the random draws of the others do not move.
    starts = production_starts(milestones)
    silent = set()
    for eid, spec in E.items():
        if spec["y2020"] or eid not in starts:
            continue
        if starts[eid] is None:
            silent.add(eid)
        else:
            assert spec["start"] and spec["start"] >= starts[eid], (eid, spec["start"], starts[eid])
    obs = []
    for eid in E:
        years = paths[eid]
        note = E[eid]["note"]
        if 2020 in years and eid != "bpw-meizhou":      # BPW 2020 is the plan's row
            obs.append((eid, "output_value", "2020", fmt_wan(years[2020]), note))
        for y in range(2021, 2027):
            if y not in years:
                continue
            start = E[eid]["start"]
            sm = start[1] if start and start[0] == y else 1
            last = 9 if y == 2026 else 12
            for m, v in cumulative(rng, years[y], sm, last):
                obs.append((eid, "output_value", period(y, m), fmt_wan(v), note))
    # employees: 2020 adds up to 6300; later years from output and rising productivity
    emp2020, fixed = {}, {}
    for eid, years in paths.items():
        if 2020 in years:
            if eid in PRODUCTIVITY_FIXED:
                fixed[eid] = int(round(years[2020] / PRODUCTIVITY_FIXED[eid]))
            else:
                emp2020[eid] = years[2020] / PRODUCTIVITY[enterprises[eid]["segment"]]
    f = (EMPLOYEES_2020 - sum(fixed.values())) / sum(emp2020.values())
    emp2020 = {k: max(8, int(round(v * f))) for k, v in emp2020.items()}
    big = max(emp2020, key=emp2020.get)
    emp2020[big] += EMPLOYEES_2020 - sum(fixed.values()) - sum(emp2020.values())
    emp2020.update(fixed)
    for eid in E:
        years = paths[eid]
        seg = enterprises[eid]["segment"]
        for y in range(2020, 2026):
            if y not in years:
                continue
            if y == 2020:
                n = emp2020[eid]
            else:
                start = E[eid]["start"]
                months = 12 - start[1] + 1 if start and start[0] == y else 12
                full_year = years[y] * 12.0 / months
                if eid in emp2020:     # headcount grows slower than output (elasticity 0.55)
                    n = emp2020[eid] * (full_year / years[2020]) ** 0.55
                else:
                    n = full_year / STARTER_PRODUCTIVITY[seg]
                n = max(10, int(round(n * rng.uniform(0.96, 1.04))))
            obs.append((eid, "employees", str(y), str(n), E[eid]["note"]))
    for eid, metric, per, val, note in obs:
        if eid in silent:
            continue
        rows.append({"enterprise": eid, "metric": metric, "period": per, "value": val,
                     "published": "", "provenance": note})
    write("observations.csv", header, rows)

    # carriers ---------------------------------------------------------------------------------
    header, rows = read("carriers.csv")
    rows = keep(rows)
    C = [  # id, zh, en, kind, level, enterprise, recognized
        ("sample-a-tech-center", "样例零部件企业A省级企业技术中心（示例）",
         "Sample A provincial enterprise technology center (illustrative)",
         "enterprise-tech-center", "provincial", "sample-a", "2022-11"),
        ("sample-f-erc", "样例零部件企业F省级工程技术研究中心（示例）",
         "Sample F provincial engineering technology research center (illustrative)",
         "engineering-center", "provincial", "sample-f", "2024-01"),
        ("sample-g-erc", "样例零部件企业G市级工程技术研究中心（示例）",
         "Sample G municipal engineering technology research center (illustrative)",
         "engineering-center", "municipal", "sample-g", "2023-05"),
        ("sample-j-key-lab", "样例零部件企业J市级重点实验室（示例）",
         "Sample J municipal key laboratory (illustrative)",
         "key-lab", "municipal", "sample-j", "2025-03"),
        ("sample-trailer-alliance", "梅州挂车产业技术创新联盟（示例）",
         "Meizhou trailer industry technology innovation alliance (illustrative)",
         "innovation-alliance", "municipal", "", "2023-06"),
        ("sample-cluster-organization", "梅州市汽车零部件产业集群发展促进机构（示例）",
         "Meizhou automotive-parts cluster development promotion organisation (illustrative)",
         "cluster-organization", "municipal", "", "2022-03"),
        ("sample-manufacturing-innovation-center", "梅州汽车零部件制造业创新中心（示例，市级）",
         "Meizhou automotive-parts manufacturing innovation centre, municipal (illustrative)",
         "manufacturing-innovation-center", "municipal", "", "2025-06"),
        ("sample-axle-test-platform", "车轴零部件检测公共服务平台（示例）",
         "Axle parts testing public service platform (illustrative)",
         "test-platform", "municipal", "sample-j", "2024-09"),
    ]
    for cid, zh, en, kind, level, e, rec in C:
        rows.append({"id": cid, "name_zh": zh, "name_en": en, "kind": kind, "level": level,
                     "enterprise": e, "recognized": rec, "provenance": SAMPLE})
    write("carriers.csv", header, rows)

    # supplier entries -------------------------------------------------------------------------
    header, rows = read("supplier_entries.csv")
    rows = keep(rows)
    S = [  # id, enterprise, class, oem, tier, entered
        ("sample-a-gac-interior-trim", "sample-a", "interior-trim", "广汽", "2", "2021-09"),
        ("sample-b-gac-body-structure", "sample-b", "body-structural-part", "广汽", "1", "2022-05"),
        ("sample-c-gac-seat-harness", "sample-c", "seat-harness", "广汽", "2", "2023-03"),
        ("sample-d-byd-hardware", "sample-d", "hardware", "比亚迪", "2", "2023-11"),
        ("sample-g-byd-power-module", "sample-g", "power-module", "比亚迪", "2", "2024-04"),
        ("sample-e-gac-plastics", "sample-e", "plastic-products", "广汽", "2", "2025-02"),
        ("sample-k-byd-electric-control", "sample-k", "electric-control", "比亚迪", "2", "2025-10"),
    ]
    for sid, e, cl, oem, tier, ent_ in S:
        rows.append({"id": sid, "enterprise": e, "class": cl, "oem": oem, "tier": tier,
                     "entered": ent_, "provenance": SAMPLE})
    write("supplier_entries.csv", header, rows)

    if "--summary" in sys.argv:
        summary({k: v for k, v in paths.items() if k not in silent}, enterprises)


def summary(paths, enterprises):
    def yi(v):
        return f"{v / 10000:.2f}亿"
    for y in (2020, 2022, 2025):
        tot = {}
        for eid, years in paths.items():
            v = years.get(y, 0)
            if y == 2020 and eid == "bpw-meizhou":
                v = 198700
            seg = enterprises[eid]["segment"]
            tot[seg] = tot.get(seg, 0) + v
            if enterprises[eid]["zone"] == "gac-park":
                tot["gac-park"] = tot.get("gac-park", 0) + v
        vals = [v.get(y, 0) for v in paths.values()]
        park = [paths[e].get(y, 0) for e in paths if enterprises[e]["zone"] == "gac-park"]
        print(f"{y}: total {yi(sum(tot[s] for s in ('passenger', 'trailer', 'nev', 'general')))}",
              " ".join(f"{k} {yi(v)}" for k, v in sorted(tot.items())),
              f"| >20亿 {sum(v > 200000 for v in vals)}, >10亿 {sum(v > 100000 for v in vals)},"
              f" >1亿 {sum(v > 10000 for v in vals)} | park >=10亿 {sum(v >= 100000 for v in park)},"
              f" park 1–10亿 {sum(10000 <= v < 100000 for v in park)}")


if __name__ == "__main__":
    main()
