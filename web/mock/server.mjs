// A small stand-in for `atlas serve`, for developing the web app before (or without) the real
// server. It answers the GET endpoints of docs/api.md from the repository's embedded dataset
// (data/plans/*.toml, data/meizhou/*.csv) and target results saved from `atlas check --json`.
// It is NOT the API: shapes follow docs/api.md, numbers are roughly computed. Dev only.
//
//   node mock/server.mjs [port]        (default 8080, the port `npm run dev` proxies /api to)
//   MOCK_DELAY=800 node mock/server.mjs   (slow answers, to see loading states)
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const dataDir = path.join(repo, 'data/meizhou')
const planFile = path.join(repo, 'data/plans/meizhou-autoparts-2021-2025.toml')
const port = Number(process.argv[2] ?? 8080)
const delay = Number(process.env.MOCK_DELAY ?? 0)

// ---- reading the dataset ---------------------------------------------------------------------

function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(field), (field = '')
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '')
    else if (ch !== '\r') field += ch
  }
  if (field || row.length) row.push(field), rows.push(row)
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0])
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])))
}

const csv = (name) => parseCsv(fs.readFileSync(path.join(dataDir, `${name}.csv`), 'utf8'))

function money(text) {
  if (!text) return null
  const m = /^([\d.]+)(亿|万)?$/.exec(text.trim())
  if (!m) return null
  return Math.round(Number(m[1]) * (m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1))
}

// The plan TOML's [[zone]], [[target]] and [[project]] tables (a small reader for this file only).
function tomlBlocks(kind) {
  const text = fs.readFileSync(planFile, 'utf8')
  const parts = text.split(/^\[\[/m).filter((p) => p.startsWith(`${kind}]]`))
  return parts.map((p) => {
    const out = {}
    for (const line of p.split('\n').slice(1)) {
      const m = /^(\w+)\s*=\s*(.*?)\s*(#.*)?$/.exec(line)
      if (!m) continue
      const [, key, raw] = m
      const inline = /^\{\s*zh\s*=\s*"(.*?)",\s*en\s*=\s*"(.*)"\s*\}$/.exec(raw)
      if (inline) out[key] = { zh: inline[1], en: inline[2].replace(/\\"/g, '"') }
      else if (raw.startsWith('[')) out[key] = [...raw.matchAll(/"([^"]*)"/g)].map((x) => x[1])
      else if (raw.startsWith('"')) out[key] = raw.slice(1, raw.lastIndexOf('"')).replace(/\\"/g, '"')
      else out[key] = raw
    }
    return out
  })
}

const isSample = (p) => /^sample\b/.test(p ?? '')
const names = (r) => ({ zh: r.name_zh, en: r.name_en ?? '' })

const counties = csv('counties')
const taxonomyRows = csv('taxonomy')
const enterpriseRows = csv('enterprises')
const observations = csv('observations')
const milestoneRows = csv('milestones')
const carriers = csv('carriers')
const supplierEntries = csv('supplier_entries')
const facts = csv('facts')
const metrics = csv('metrics')
const zones = tomlBlocks('zone')
const projects = tomlBlocks('project')
const targetDefs = tomlBlocks('target')
const candidates = csv('candidates')

// The plan's vocabularies ([[segment]], [[zone_kind]] … of the plan file, in its order), then the
// words its records use that it does not declare, each named by itself — as the server does.
function vocabularies() {
  const used = {
    segment: enterpriseRows.map((e) => e.segment),
    zone_kind: zones.map((z) => z.kind),
    project_type: projects.map((p) => p.type),
    carrier_kind: carriers.map((c) => c.kind),
    candidate_kind: candidates.map((c) => c.kind),
  }
  const out = {}
  for (const [kind, words] of Object.entries(used)) {
    const terms = tomlBlocks(kind).map((t) => ({ id: t.id, name: t.name }))
    for (const w of words) if (w && !terms.some((t) => t.id === w)) terms.push({ id: w, name: { zh: w, en: w } })
    out[kind] = terms
  }
  return out
}
const checks = {
  true: JSON.parse(fs.readFileSync(path.join(here, 'check-sample.json'), 'utf8')),
  false: JSON.parse(fs.readFileSync(path.join(here, 'check-nosample.json'), 'utf8')),
}

// Annual figures per enterprise and metric: the year-to-date report reaching furthest, or the annual one.
function annualFigures(sample) {
  const acc = new Map()
  for (const o of observations) {
    if (!sample && isSample(o.provenance)) continue
    const m = /^(\d{4})(?:-(\d{2})~(\d{2}))?$/.exec(o.period)
    if (!m) continue
    const year = Number(m[1])
    const months = m[3] ? Number(m[3]) : 12
    const key = `${o.enterprise}|${o.metric}|${year}`
    const prev = acc.get(key)
    if (!prev || months > prev.months) {
      acc.set(key, { enterprise: o.enterprise, metric: o.metric, year, months, value: money(o.value) ?? Number(o.value), sample: isSample(o.provenance) })
    }
  }
  return [...acc.values()]
}

function outputOf(sample, enterpriseId, year) {
  const f = annualFigures(sample).find((a) => a.enterprise === enterpriseId && a.metric === 'output_value' && a.year === year && a.months === 12)
  return f ? { year, value: f.value, sample: f.sample } : null
}

const countyRef = (id) => {
  const c = counties.find((x) => x.id === id)
  return c ? { id: c.id, name: names(c) } : null
}
const zoneRef = (id) => {
  const z = zones.find((x) => x.id === id)
  return z ? { id: z.id, name: z.name } : null
}
const enterpriseRef = (id) => {
  const e = enterpriseRows.find((x) => x.id === id)
  return e ? { id: e.id, name: names(e) } : null
}

function zoneAndChildren(id) {
  const out = [id]
  for (const z of zones) if (z.parent === id) out.push(...zoneAndChildren(z.id))
  return out
}

function taxonomyBelow(code) {
  const out = [code]
  for (const t of taxonomyRows) if (t.parent === code) out.push(...taxonomyBelow(t.code))
  return out
}

// ---- answers -----------------------------------------------------------------------------------

function meta(ctx) {
  return { snapshot_version: 3, as_of: ctx.asOf, data_as_of: '2026-10-31', sample: ctx.sample }
}

function problem(status, code, field, zh, en) {
  return { status, body: { type: `/problems/${code}`, title: code, status, detail: en, code, field, column: 0, message: { zh, en } }, problem: true }
}

function visibleEnterprises(ctx) {
  return enterpriseRows.filter((e) => ctx.sample || !isSample(e.provenance))
}

function enterpriseItem(e, ctx, year) {
  return {
    id: e.id,
    name: names(e),
    credit_code: e.credit_code || null,
    county: countyRef(e.county),
    zone: zoneRef(e.zone),
    segment: e.segment,
    above_size: e.above_size === '' ? null : e.above_size === 'true',
    high_tech: e.high_tech === '' ? null : e.high_tech === 'true',
    classes: e.classes ? e.classes.split(';') : [],
    output_value: outputOf(ctx.sample, e.id, year),
    sample: isSample(e.provenance),
    provenance: e.provenance,
  }
}

function listEnterprises(ctx, q) {
  const allowed = ['county', 'zone', 'segment', 'class', 'q', 'year', 'sort', 'offset', 'limit']
  for (const k of q.keys()) if (!allowed.includes(k)) return problem(400, 'unknown-field', k, `未知参数：${k}`, `unknown parameter "${k}"`)
  const county = q.get('county')
  if (county && !counties.some((c) => c.id === county)) {
    return problem(400, 'unknown-reference', 'county', `参数 county 引用了不存在的对象：${county}`, `county: no county "${county}" (did you mean "meixian"?)`)
  }
  const year = Number(q.get('year') ?? 2025)
  let rows = visibleEnterprises(ctx)
  if (county) rows = rows.filter((e) => e.county === county)
  if (q.get('zone')) rows = rows.filter((e) => zoneAndChildren(q.get('zone')).includes(e.zone))
  if (q.get('segment')) rows = rows.filter((e) => e.segment === q.get('segment'))
  if (q.get('class')) {
    const below = taxonomyBelow(q.get('class'))
    rows = rows.filter((e) => e.classes.split(';').some((c) => below.includes(c)))
  }
  if (q.get('q')) {
    const needle = q.get('q').toLowerCase()
    rows = rows.filter((e) => [e.id, e.name_zh, e.name_en, e.credit_code].some((s) => s.toLowerCase().includes(needle)))
  }
  let items = rows.map((e) => enterpriseItem(e, ctx, year))
  if (q.get('sort') === '-output_value') items.sort((a, b) => (b.output_value?.value ?? -1) - (a.output_value?.value ?? -1))
  else items.sort((a, b) => a.name.zh.localeCompare(b.name.zh, 'zh-CN'))
  const offset = Number(q.get('offset') ?? 0)
  const limit = Number(q.get('limit') ?? 50)
  if (limit > 500) return problem(400, 'invalid-value', 'limit', '参数 limit 不能超过 500', 'limit: at most 500')
  return { meta: meta(ctx), total: items.length, offset, limit, items: items.slice(offset, offset + limit) }
}

function taxonomyRef(code) {
  const t = taxonomyRows.find((x) => x.code === code)
  return t ? { code: t.code, level: t.level, name: names(t) } : { code, level: 'class', name: { zh: code, en: code } }
}

function taxonomyPath(code) {
  const out = []
  let t = taxonomyRows.find((x) => x.code === code)
  while (t) {
    out.unshift(taxonomyRef(t.code))
    t = taxonomyRows.find((x) => x.code === t.parent)
  }
  return out
}

// Days since 1970 of the first / last day of "2021", "2021-03" or "2021-03-15".
const DAY = 86400000
function firstDay(d) {
  const [y, m, day] = d.split('-').map(Number)
  return Date.UTC(y, m ? m - 1 : 0, day || 1) / DAY
}
function lastDay(d) {
  const [y, m, day] = d.split('-').map(Number)
  if (day) return Date.UTC(y, m - 1, day) / DAY
  return Date.UTC(y, m ? m : 12, 0) / DAY
}

// docs/api.md "Schedule": overdue = planned date passed by as_of and not reached; late = any
// overdue; delayed = not late but some milestone reached after plan.
function projectState(p, ctx) {
  const order = ['signed', 'started', 'commissioned', 'full-production']
  const ms = milestoneRows.filter((m) => m.project === p.id && (ctx.sample || !isSample(m.provenance)))
  const asOf = firstDay(ctx.asOf)
  let status = 'planned'
  const milestones = ms.map((m) => {
    const reached = !!m.actual && firstDay(m.actual) <= asOf
    const due = m.planned ? lastDay(m.planned) : null
    const overdue = due !== null && !reached && due < asOf
    const delay = due !== null && reached ? Math.max(0, firstDay(m.actual) - due) : null
    if (reached && order.indexOf(m.kind) > order.indexOf(status)) status = m.kind
    return { kind: m.kind, planned: m.planned || null, actual: reached ? m.actual : null, note: m.note, overdue, overdue_days: overdue ? asOf - due : null, delay_days: delay, sample: isSample(m.provenance), provenance: m.provenance }
  })
  const late = milestones.some((m) => m.overdue)
  const delayed = !late && milestones.some((m) => (m.delay_days ?? 0) > 0)
  const schedule = late ? 'late' : delayed ? 'delayed' : milestones.some((m) => m.planned) ? 'on-time' : 'no-data'
  const basis = milestones.filter((m) => (schedule === 'late' ? m.overdue : schedule === 'delayed' ? (m.delay_days ?? 0) > 0 : schedule === 'on-time' ? !!m.planned : false))
  const statusSample = status !== 'planned' && !milestones.some((m) => m.actual && m.kind === status && !m.sample)
  return { status, late, delayed, schedule, statusSample, scheduleSample: basis.length > 0 && basis.every((m) => m.sample), milestones }
}

function projectItem(p, ctx) {
  const s = projectState(p, ctx)
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    sponsor: enterpriseRef(p.sponsor),
    zone: zoneRef(p.zone),
    county: countyRef(p.county),
    investment: money(p.investment),
    expected_output: money(p.expected_output),
    products: p.products ?? [],
    capacity: p.capacity ?? '',
    status: s.status,
    status_sample: s.statusSample,
    late: s.late,
    delayed: s.delayed,
    schedule: s.schedule,
    schedule_sample: s.scheduleSample,
    sample: isSample(p.provenance),
    provenance: p.provenance,
    quote: p.quote ?? '',
    milestones: s.milestones,
  }
}

function listProjects(ctx, q) {
  let items = projects.map((p) => projectItem(p, ctx))
  if (q.get('type')) items = items.filter((p) => p.type === q.get('type'))
  if (q.get('status')) items = items.filter((p) => p.status === q.get('status'))
  if (q.get('zone')) items = items.filter((p) => p.zone && zoneAndChildren(q.get('zone')).includes(p.zone.id))
  if (q.get('county')) items = items.filter((p) => p.county?.id === q.get('county'))
  if (q.get('late') === 'true') items = items.filter((p) => p.late)
  if (q.get('delayed') === 'true') items = items.filter((p) => p.delayed)
  if (q.get('q')) items = items.filter((p) => (p.name.zh + p.name.en + p.id).toLowerCase().includes(q.get('q').toLowerCase()))
  const summary = new Map()
  for (const p of items) {
    const row = summary.get(p.status) ?? { status: p.status, projects: 0, sample: false, expected_output: null, investment: null }
    row.projects++
    row.sample = row.sample || p.status_sample
    if (p.expected_output !== null) row.expected_output = (row.expected_output ?? 0) + p.expected_output
    if (p.investment !== null) row.investment = (row.investment ?? 0) + p.investment
    summary.set(p.status, row)
  }
  const offset = Number(q.get('offset') ?? 0)
  const limit = Number(q.get('limit') ?? 50)
  return { meta: meta(ctx), total: items.length, offset, limit, items: items.slice(offset, offset + limit), summary: [...summary.values()] }
}

function targetItem(t, ctx) {
  const def = targetDefs.find((d) => d.id === t.id) ?? {}
  const hasReading = t.status !== 'no-data'
  return {
    id: t.id,
    title: def.title ?? { zh: t.title, en: '' },
    indicator: t.indicator,
    unit: t.unit,
    goal: { text: t.goal, value: t.goal_value },
    deadline: t.deadline,
    baseline: t.baseline === null ? null : { value: t.baseline, period: t.baseline_period, provenance: t.baseline_provenance },
    latest: hasReading ? { value: t.latest, period: t.latest_period, contributors: t.contributors } : null,
    progress: hasReading && t.goal_value ? t.latest / t.goal_value : null,
    status: t.status,
    status_zh: { met: '已达成', missed: '未达成', 'no-data': '暂无数据' }[t.status] ?? t.status,
    final: t.final,
    projected: t.projected,
    path_value: t.path_value,
    growth_needed_per_year: t.growth_needed_per_year,
    count_needed_per_year: t.count_needed_per_year,
    sample: t.sample,
    provenance: t.provenance,
    target_provenance: t.target_provenance,
    quote: def.quote ?? '',
  }
}

// Series and contributors for the targets over enterprises' output; others get an empty series.
function targetDetail(t, ctx) {
  const item = targetItem(t, ctx)
  const seg = /segment = "(\w+)"/.exec(t.indicator)?.[1]
  const zone = /zone = "([\w-]+)"/.exec(t.indicator)?.[1]
  const over = /output_value >=? (\d+)亿/.exec(t.indicator)
  const under = /output_value < (\d+)亿/.exec(t.indicator)
  const pool = visibleEnterprises(ctx).filter((e) => (!seg || e.segment === seg) && (!zone || zoneAndChildren(zone).includes(e.zone)))
  const figures = annualFigures(ctx.sample).filter((f) => f.metric === 'output_value' && pool.some((e) => e.id === f.enterprise))
  const series = []
  let contributors = { set: 'enterprises', total: 0, items: [] }
  const enterpriseTarget = /^(sum\(output_value\)|count\(enterprises\))/.test(t.indicator)
  if (enterpriseTarget) {
    const start = item.baseline ? Number(item.baseline.period) + 1 : 2021
    for (let year = start; year <= 2026; year++) {
      const rows = figures.filter((f) => f.year === year)
      if (!rows.length) continue
      const months = Math.max(...rows.map((r) => r.months))
      const pass = (v) => (!over || v * (12 / months) >= Number(over[1]) * 1e8) && (!under || v * (12 / months) < Number(under[1]) * 1e8)
      const counted = rows.filter((r) => pass(r.value))
      const value = t.indicator.startsWith('sum') ? counted.reduce((a, r) => a + r.value, 0) : counted.length
      series.push({ period: months === 12 ? String(year) : `${year}-01~${String(months).padStart(2, '0')}`, year, value, complete: months === 12, contributors: counted.length, sample: counted.some((r) => r.sample) })
      if (year === t.deadline) {
        const items = counted
          .map((r) => ({ id: r.enterprise, name: enterpriseRef(r.enterprise).name, value: r.value, sample: r.sample }))
          .sort((a, b) => b.value - a.value)
        contributors = { set: 'enterprises', total: items.length, items }
      }
    }
  } else {
    const set = /^count\((\w+)\)/.exec(t.indicator)?.[1] ?? 'carriers'
    const source = set === 'supplier_entries' ? supplierEntries : set === 'projects' ? [] : carriers
    const items = source
      .filter((r) => (ctx.sample || !isSample(r.provenance)) && (r.recognized || r.entered))
      .map((r) => ({ id: r.id, name: r.name_zh ? names(r) : { zh: r.id, en: r.id }, value: null, sample: isSample(r.provenance) }))
    contributors = { set, total: items.length, items }
  }
  const required = []
  if (item.baseline) {
    const b = item.baseline.value
    const y0 = Number(item.baseline.period)
    for (let y = y0; y <= t.deadline; y++) {
      const f = (y - y0) / (t.deadline - y0)
      required.push({ year: y, value: t.unit === 'yuan' && b > 0 ? Math.round(b * Math.pow(t.goal_value / b, f)) : Math.round((b + (t.goal_value - b) * f) * 100) / 100 })
    }
  }
  return { meta: meta(ctx), ...item, series, required_path: required, contributors }
}

// The deadline year's contributors of an enterprise target grouped by county, zone or segment
// (GET /targets/{id}/groups). Zones are counted flat here (no nesting), so their groups overlap
// only as the data has it; other targets answer the server's 400 for the field.
function targetGroups(t, ctx, by) {
  const detail = targetDetail(t, ctx)
  const { meta: _m, series, required_path: _r, contributors, ...target } = detail
  const fields = { county: countyRef, zone: zoneRef, segment: (id) => vocabularies().segment.find((w) => w.id === id) ?? null }
  if (contributors.set !== 'enterprises' || !fields[by]) {
    const allowed = contributors.set === 'enterprises' ? 'county, zone or segment' : 'no field in the mock'
    return problem(400, 'unknown-field', 'by', `参数 by 无法用于该目标的分组：${by}`, `by: unknown field "${by}" to group ${contributors.set} by (group by ${allowed})`)
  }
  const point = series.find((x) => x.year === t.deadline) ?? null
  const keys = by === 'county' ? counties.map((c) => c.id) : by === 'zone' ? zones.map((z) => z.id) : vocabularies().segment.map((w) => w.id)
  const rowOf = (id) => enterpriseRows.find((e) => e.id === id) ?? {}
  const sum = (items) => (t.unit === 'yuan' ? items.reduce((a, c) => a + (c.value ?? 0), 0) : items.length)
  const total = sum(contributors.items)
  const groupOf = (key, items) => ({
    key,
    value: sum(items),
    share: by === 'zone' || !total ? null : Math.round((sum(items) / total) * 1e6),
    contributors: items.length,
    complete: point?.complete ?? true,
    period: point?.period ?? null,
    sample: items.some((c) => c.sample),
  })
  const groups = keys.map((k) => groupOf(fields[by](k), contributors.items.filter((c) => rowOf(c.id)[by] === k)))
  const none = contributors.items.filter((c) => !rowOf(c.id)[by])
  if (none.length) groups.push(groupOf(null, none))
  return {
    meta: meta(ctx),
    target,
    by,
    expression: `${t.indicator} group by ${by}`,
    period: point?.period ?? null,
    unit: t.unit,
    total: { value: total, contributors: contributors.items.length, complete: point?.complete ?? true, sample: contributors.items.some((c) => c.sample) },
    groups_overlap: by === 'zone',
    groups,
  }
}

function taxonomyNode(t, ctx) {
  const below = taxonomyBelow(t.code)
  const children = taxonomyRows.filter((c) => c.parent === t.code).map((c) => taxonomyNode(c, ctx))
  return {
    code: t.code,
    level: t.level,
    name: names(t),
    class_count: t.class_count ? Number(t.class_count) : null,
    hs: t.hs ? t.hs.split(';') : [],
    enterprises: visibleEnterprises(ctx).filter((e) => e.classes.split(';').some((c) => below.includes(c))).length,
    sample: false,
    provenance: t.provenance,
    children,
  }
}

function factJson(f) {
  return { id: f.id, metric: f.metric, period: f.period, value: money(f.value) ?? (Number.isNaN(Number(f.value)) ? f.value : Number(f.value)), unit: f.unit, qualifier: f.qualifier, quote: f.quote, note: f.note, sample: isSample(f.provenance), provenance: f.provenance }
}

function zonesAnswer(ctx) {
  const ents = visibleEnterprises(ctx)
  const total = (list) => {
    const values = list.map((e) => outputOf(ctx.sample, e.id, 2025)).filter(Boolean)
    return values.length ? { year: 2025, value: values.reduce((a, v) => a + v.value, 0), sample: values.some((v) => v.sample) } : null
  }
  return {
    meta: meta(ctx),
    zones: zones.map((z) => {
      const list = ents.filter((e) => zoneAndChildren(z.id).includes(e.zone))
      return {
        id: z.id,
        name: z.name,
        kind: z.kind,
        parent: z.parent || null,
        counties: z.counties ?? [],
        enterprises: list.length,
        output_value: total(list),
        facts: facts.filter((f) => f.subject === `zone:${z.id}`).map(factJson),
        targets: targetDefs.filter((d) => d.indicator.includes(`"${z.id}"`)).map((d) => d.id),
        sample: false,
        provenance: z.provenance,
      }
    }),
    counties: counties.map((c) => {
      const list = ents.filter((e) => e.county === c.id)
      return { id: c.id, adcode: c.adcode, name: names(c), enterprises: list.length, output_value: total(list), sample: false, provenance: c.provenance }
    }),
    county_not_recorded: { enterprises: ents.filter((e) => !e.county).length, output_value: total(ents.filter((e) => !e.county)) },
    county_coverage: (() => {
      const all = total(ents)?.value ?? 0
      return all > 0 ? (total(ents.filter((e) => e.county))?.value ?? 0) / all : null
    })(),
  }
}

function enterpriseDetail(e, ctx) {
  const all = annualFigures(ctx.sample).filter((f) => f.enterprise === e.id)
  const figures = metrics
    .map((m) => {
      const annual = all.filter((f) => f.metric === m.id).sort((a, b) => a.year - b.year).map((f) => ({ year: f.year, value: f.value, months: f.months, sample: f.sample }))
      const items = observations
        .filter((o) => o.enterprise === e.id && o.metric === m.id && (ctx.sample || !isSample(o.provenance)))
        .map((o) => ({ period: o.period, value: money(o.value) ?? Number(o.value), published: o.published || null, provenance: o.provenance, sample: isSample(o.provenance) }))
      return { metric: m.id, name: names(m), unit: m.unit, annual, items }
    })
    .filter((f) => f.items.length)
  return {
    meta: meta(ctx),
    ...enterpriseItem(e, ctx, 2025),
    products: (e.classes ? e.classes.split(';') : []).map((c) => ({ ...taxonomyRef(c), path: taxonomyPath(c) })).map(({ level, ...rest }) => (void level, rest)),
    processes: e.processes ? e.processes.split(';') : [],
    certifications: e.certifications ? e.certifications.split(';') : [],
    customers: e.customers ? e.customers.split(';') : [],
    employees: e.employees ? Number(e.employees) : null,
    group: enterpriseRef(e.group),
    figures,
    projects: projects.filter((p) => p.sponsor === e.id).map((p) => ({ id: p.id, name: p.name, type: p.type, status: projectState(p, ctx).status })),
    carriers: carriers
      .filter((c) => c.enterprise === e.id && (ctx.sample || !isSample(c.provenance)))
      .map((c) => ({ id: c.id, name: names(c), kind: c.kind, level: c.level, recognized: c.recognized || null, sample: isSample(c.provenance), provenance: c.provenance })),
    supplier_entries: supplierEntries
      .filter((s) => s.enterprise === e.id && (ctx.sample || !isSample(s.provenance)))
      .map((s) => ({ id: s.id, class: s.class, oem: s.oem, tier: Number(s.tier), entered: s.entered || null, sample: isSample(s.provenance), provenance: s.provenance })),
    suppliers: [],
    customers_of: [],
    chain_links: [],
    facts: facts.filter((f) => f.subject === `enterprise:${e.id}`).map(factJson),
  }
}

function route(method, url) {
  const q = url.searchParams
  const ctx = { asOf: q.get('as_of') ?? '2026-11-27', sample: q.get('sample') !== 'false' }
  q.delete('as_of')
  q.delete('sample')
  q.delete('plan')
  const p = url.pathname.replace(/^\/api\/v1/, '')
  if (method !== 'GET') return problem(405, 'method-not-allowed', '', '不支持的请求方法', 'method not allowed')
  if (p === '/plans') {
    const { meta: _meta, ...plan } = route('GET', new URL('/api/v1/plan', url))
    return { meta: meta(ctx), default: plan.id, plans: [plan] }
  }
  if (p === '/plan') {
    return {
      meta: meta(ctx),
      default: true,
      scope: counties.map((c) => ({ id: c.id, name: { zh: c.name_zh, en: c.name_en } })),
      id: 'meizhou-autoparts-2021-2025',
      title: { zh: '梅州市汽车零部件产业集群发展规划（2021—2025年）', en: 'Meizhou Automotive Parts Industrial Cluster Development Plan (2021–2025)' },
      document: '梅市府办〔2021〕14号',
      issued: '2021-07-02',
      start_year: 2021,
      end_year: 2025,
      vocabularies: vocabularies(),
      counts: { enterprises: visibleEnterprises(ctx).length, sample_enterprises: enterpriseRows.filter((e) => isSample(e.provenance)).length, observations: observations.length, projects: projects.length, zones: zones.length, counties: counties.length, targets: targetDefs.length },
    }
  }
  if (p === '/targets') return { meta: meta(ctx), targets: checks[ctx.sample].targets.map((t) => targetItem(t, ctx)) }
  let m = /^\/targets\/([\w-]+)$/.exec(p)
  if (m) {
    const t = checks[ctx.sample].targets.find((x) => x.id === m[1])
    return t ? targetDetail(t, ctx) : problem(404, 'not-found', 'id', `目标不存在：${m[1]}`, `no target "${m[1]}"`)
  }
  m = /^\/targets\/([\w-]+)\/groups$/.exec(p)
  if (m) {
    const t = checks[ctx.sample].targets.find((x) => x.id === m[1])
    return t ? targetGroups(t, ctx, q.get('by') || 'county') : problem(404, 'not-found', 'id', `目标不存在：${m[1]}`, `no target "${m[1]}"`)
  }
  if (p === '/enterprises') return listEnterprises(ctx, q)
  m = /^\/enterprises\/([\w-]+)$/.exec(p)
  if (m) {
    const e = visibleEnterprises(ctx).find((x) => x.id === m[1])
    return e ? enterpriseDetail(e, ctx) : problem(404, 'not-found', 'id', `企业不存在：${m[1]}`, `no enterprise "${m[1]}"`)
  }
  if (p === '/projects') return listProjects(ctx, q)
  m = /^\/projects\/([\w-]+)$/.exec(p)
  if (m) {
    const proj = projects.find((x) => x.id === m[1])
    if (!proj) return problem(404, 'not-found', 'id', `项目不存在：${m[1]}`, `no project "${m[1]}"`)
    return { meta: meta(ctx), ...projectItem(proj, ctx), facts: facts.filter((f) => f.subject === `project:${proj.id}`).map(factJson) }
  }
  if (p === '/zones') return zonesAnswer(ctx)
  if (p === '/taxonomy') return { meta: meta(ctx), categories: taxonomyRows.filter((t) => t.level === 'category').map((t) => taxonomyNode(t, ctx)) }
  return problem(404, 'not-found', '', `没有这个接口：${p}`, `no endpoint ${p}`)
}

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let answer
    try {
      answer = route(req.method ?? 'GET', url)
    } catch (e) {
      answer = problem(500, 'internal', '', '服务器内部错误', String(e))
    }
    const status = answer.problem ? answer.status : 200
    const body = answer.problem ? answer.body : answer
    setTimeout(() => {
      res.writeHead(status, { 'Content-Type': answer.problem ? 'application/problem+json' : 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }, delay)
  })
  .listen(port, '127.0.0.1', () => console.log(`mock API on http://127.0.0.1:${port}/api/v1`))
