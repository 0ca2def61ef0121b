// The trajectory of a target: baseline → the indicator's value for each year → the goal at the
// deadline, with the plan's required path as a dashed line. Partial years (a running year read
// from year-to-date figures) are hollow dashed points with their months as a label. Drawn as an
// SVG (charts/svg.ts) for the width it is given; a year's column shows all its values in a tooltip.
// With a forecast (GET /forecast `fan`), the P10–P90 band as an area and the P50 as a dashed line
// run from the last whole year's value to the deadline.
import { area, line } from 'd3-shape'
import { tableNumber, type ChartTableRow } from './chartTable'
import { circlePath, diamondPath, linePath, pinPath, r1, rectPath, valueAxisMarks, valueScale, type ChartModel, type Mark } from './svg'
import { formatPeriod } from '../format/period'
import { formatValue, moneyScale, scaled, type MoneyScale } from '../format/money'
import { declaredUnitWord, formatDeclared, isZh } from '../format/units'
import type { Unit } from '../api/client'

export interface TrajectoryLabels {
  actual: string
  requiredPath: string
  goal: string
  baseline: string
  partial: string
  /** Legend name of the partial-year points, e.g. "年内累计". */
  partialSeries: string
  /** Axis unit of counts, e.g. "个" (may be ""). */
  countUnit: string
  /** The forecast's series, when the chart has a fan. */
  fan?: { band: string; median: string; low: string; high: string }
}

export interface TrajectoryInput {
  unit: string
  /** The plan's declared unit of the target (its name and scales label the axis), if any. */
  declared?: Unit | null
  goal: number
  deadline: number
  baseline: { value: number; period: string } | null
  /** A year without a value (null: nothing stated or counted for it) has no point. */
  series: { period: string; year: number; value: number | null; complete: boolean; sample?: boolean }[]
  requiredPath: { year: number; value: number }[]
  /** The forecast of an open target: a point a year to the deadline (GET /forecast `fan`). */
  fan?: { year: number; p10: number; p50: number; p90: number }[] | null
  locale: string
  labels: TrajectoryLabels
}

export const TRAJECTORY_COLOURS = { actual: '#1d4ed8', path: '#909399', goal: '#f56c6c', baseline: '#0f766e', fan: '#7c3aed', band: 'rgba(124, 58, 237, 0.16)' }

/** The years on the x axis: from the first known year to the later of the deadline and the data. */
export function trajectoryYears(input: Pick<TrajectoryInput, 'deadline' | 'baseline' | 'series' | 'requiredPath' | 'fan'>): number[] {
  const years = [
    input.deadline,
    ...input.series.map((s) => s.year),
    ...input.requiredPath.map((p) => p.year),
    ...(input.fan ?? []).map((p) => p.year),
  ]
  const baselineYear = input.baseline ? Number.parseInt(input.baseline.period, 10) : NaN
  if (!Number.isNaN(baselineYear)) years.push(baselineYear)
  const first = Math.min(...years)
  const last = Math.max(...years)
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

function scaleFor(input: TrajectoryInput): MoneyScale {
  // A share is held in millionths: the axis reads in percent.
  if (input.unit === 'percent') return { divisor: 1e4, unit: '%' }
  const max = Math.max(input.goal, input.baseline?.value ?? 0, ...input.series.map((s) => s.value ?? 0), ...(input.fan ?? []).map((p) => p.p90))
  if (input.declared) {
    // The plan's unit: its largest scale of the language that the largest value reaches (万辆).
    let best: MoneyScale = { divisor: 1, unit: declaredUnitWord(input.declared, input.locale) }
    for (const sc of input.declared.scales ?? []) {
      const name = (isZh(input.locale) ? sc.name?.zh : sc.name?.en) ?? ''
      if (name && sc.factor > best.divisor && max >= sc.factor) best = { divisor: sc.factor, unit: name }
    }
    return best
  }
  if (input.unit !== 'yuan') return { divisor: 1, unit: input.labels.countUnit }
  return moneyScale(max, input.locale)
}

/** One year's values on the chart, in the axis unit (null: none). */
export interface TrajectoryYear {
  year: number
  /** The actual line's value: a complete year's reading, or the baseline that starts the line. */
  actual: number | null
  /** The actual value's name: the period ("2021年"), or the baseline's label. */
  actualName: string
  actualSample: boolean
  path: number | null
  goal: number | null
  baseline: number | null
  partial: number | null
  /** The partial year's months as a label ("2026年1—9月"), '' when none. */
  partialLabel: string
  partialSample: boolean
  /** The forecast's P10, P50, P90 of the year (the fan starts at the last whole year's value). */
  p10: number | null
  p50: number | null
  p90: number | null
}

export interface TrajectoryData {
  years: TrajectoryYear[]
  /** The axis unit (亿元, 个 …). */
  unit: string
  hasBaseline: boolean
  hasPartial: boolean
  /** The chart has a forecast fan. */
  hasFan: boolean
  /** The year the fan starts from: the last whole year's value before the forecast's first year (null: none). */
  fanAnchor: number | null
  /** A value in the axis unit, as the tooltip and the goal's label write it (27.19亿元). */
  format: (v: number) => string
}

/** The values of every year, in the axis unit. Pure. */
export function trajectoryData(input: TrajectoryInput): TrajectoryData {
  const years = trajectoryYears(input)
  const scale = scaleFor(input)
  const declared = input.declared
  const fmt = declared ? (v: number) => formatDeclared(v * scale.divisor, declared, input.locale, 1) : (v: number) => formatValue(v * scale.divisor, input.unit, input.locale)
  const rows: TrajectoryYear[] = years.map((year) => ({
    year,
    actual: null,
    actualName: '',
    actualSample: false,
    path: null,
    goal: null,
    baseline: null,
    partial: null,
    partialLabel: '',
    partialSample: false,
    p10: null,
    p50: null,
    p90: null,
  }))
  const at = (year: number) => rows[years.indexOf(year)] as TrajectoryYear | undefined
  // The baseline is a marker of its own (the plan's figure); it also starts the line when the
  // series has no value for the baseline year.
  const baselineYear = input.baseline ? Number.parseInt(input.baseline.period, 10) : NaN
  const hasBaseline = !!input.baseline && !Number.isNaN(baselineYear)
  if (input.baseline && hasBaseline) {
    const row = at(baselineYear)!
    row.baseline = scaled(input.baseline.value, scale)
    if (!input.series.some((s) => s.year === baselineYear && s.complete)) {
      row.actual = row.baseline
      row.actualName = input.labels.baseline
    }
  }
  // A partial year (year to date) is not comparable with whole years: it gets its own hollow
  // point, labelled with its months, and is not joined to the line of complete years.
  for (const s of input.series) {
    const row = at(s.year)
    if (!row || s.value === null) continue
    if (s.complete) {
      row.actual = scaled(s.value, scale)
      row.actualName = formatPeriod(s.period, input.locale)
      row.actualSample = !!s.sample
    } else {
      row.partial = scaled(s.value, scale)
      row.partialLabel = formatPeriod(s.period, input.locale)
      row.partialSample = !!s.sample
    }
  }
  for (const p of input.requiredPath) {
    const row = at(p.year)
    if (row) row.path = scaled(p.value, scale)
  }
  at(input.deadline)!.goal = scaled(input.goal, scale)
  const fan = [...(input.fan ?? [])].sort((a, b) => a.year - b.year)
  for (const p of fan) {
    const row = at(p.year)
    if (!row) continue
    row.p10 = scaled(p.p10, scale)
    row.p50 = scaled(p.p50, scale)
    row.p90 = scaled(p.p90, scale)
  }
  // The fan starts from the last whole year's value before its first year, so that it continues the line.
  const anchorRow = fan.length ? [...rows].reverse().find((r) => r.year < fan[0].year && r.actual !== null) : undefined
  return {
    years: rows,
    unit: scale.unit,
    hasBaseline,
    hasPartial: rows.some((r) => r.partial !== null),
    hasFan: fan.length > 0,
    fanAnchor: anchorRow?.year ?? null,
    format: fmt,
  }
}

/** The chart's plot area inside a width × height drawing. */
export const TRAJECTORY_MARGIN = { left: 64, right: 72, top: 30, bottom: 30 }

export function buildTrajectoryChart(input: TrajectoryInput, width: number, height: number): ChartModel {
  const data = trajectoryData(input)
  const { labels } = input
  const plot = { left: TRAJECTORY_MARGIN.left, right: width - TRAJECTORY_MARGIN.right, top: TRAJECTORY_MARGIN.top, bottom: height - TRAJECTORY_MARGIN.bottom }
  const n = data.years.length
  const step = n > 1 ? (plot.right - plot.left) / (n - 1) : 0
  const x = (i: number) => (n > 1 ? plot.left + i * step : (plot.left + plot.right) / 2)
  const all = data.years.flatMap((r) => [r.actual, r.path, r.goal, r.baseline, r.partial, r.p10, r.p90]).filter((v): v is number => v !== null)
  const y = valueScale(all, plot.bottom, plot.top)
  const C = TRAJECTORY_COLOURS
  const marks: Mark[] = valueAxisMarks(y, plot, data.unit, input.locale)
  data.years.forEach((r, i) => {
    marks.push({ kind: 'path', d: linePath(x(i), plot.bottom, x(i), plot.bottom + 5), stroke: '#6e7079', width: 1 })
    marks.push({ kind: 'text', x: x(i), y: plot.bottom + 8, text: String(r.year), anchor: 'middle', align: 'top', colour: '#6e7079' })
  })
  // Per-year hit columns first (under the marks): hover or Tab shows the year's values.
  data.years.forEach((r, i) => {
    const half = n > 1 ? step / 2 : (plot.right - plot.left) / 2
    const tip = [
      String(r.year),
      r.actual !== null ? `${r.actualName === labels.baseline ? labels.baseline : labels.actual}: ${data.format(r.actual)}` : '',
      r.partial !== null ? `${labels.partialSeries}${r.partialLabel ? ` (${r.partialLabel})` : ''}: ${data.format(r.partial)}` : '',
      r.path !== null ? `${labels.requiredPath}: ${data.format(r.path)}` : '',
      r.goal !== null ? `${labels.goal}: ${data.format(r.goal)}` : '',
      r.baseline !== null && r.actualName !== labels.baseline ? `${labels.baseline}: ${data.format(r.baseline)}` : '',
      r.p50 !== null && labels.fan ? `${labels.fan.median}: ${data.format(r.p50)}` : '',
      r.p10 !== null && r.p90 !== null && labels.fan ? `${labels.fan.band}: ${data.format(r.p10)} – ${data.format(r.p90)}` : '',
    ].filter(Boolean)
    if (tip.length > 1) marks.push({ kind: 'path', d: rectPath(x(i) - half, plot.top, 2 * half, plot.bottom - plot.top), hit: true, tip, focus: true })
  })
  // The forecast under the lines: the band, then its median.
  if (data.hasFan) {
    const fanPts = data.years.flatMap((r, i) => {
      if (r.year === data.fanAnchor && r.actual !== null) return [{ x: x(i), lo: y(r.actual), mid: y(r.actual), hi: y(r.actual) }]
      return r.p50 !== null && r.p10 !== null && r.p90 !== null ? [{ x: x(i), lo: y(r.p10), mid: y(r.p50), hi: y(r.p90) }] : []
    })
    if (fanPts.length > 1) {
      const band = area<(typeof fanPts)[number]>()
        .x((p) => r1(p.x))
        .y0((p) => r1(p.lo))
        .y1((p) => r1(p.hi))(fanPts)
      marks.push({ kind: 'path', d: band ?? '', fill: C.band, stroke: 'none' })
      marks.push({ kind: 'path', d: line()(fanPts.map((p) => [r1(p.x), r1(p.mid)] as [number, number])) ?? '', stroke: C.fan, width: 2, dash: '5 4' })
    } else if (fanPts.length === 1) {
      const p = fanPts[0]
      marks.push({ kind: 'path', d: rectPath(p.x - 5, p.hi, 10, Math.max(1, p.lo - p.hi)), fill: C.band, stroke: C.fan, width: 1 })
      marks.push({ kind: 'path', d: linePath(p.x - 7, p.mid, p.x + 7, p.mid), stroke: C.fan, width: 2 })
    }
  }
  const goal = data.years.findIndex((r) => r.goal !== null)
  const goalY = y(data.years[goal].goal!)
  marks.push({ kind: 'path', d: linePath(plot.left, goalY, plot.right, goalY), stroke: C.goal, width: 1, dash: '2 3' })
  const pts = (key: 'actual' | 'path') => data.years.flatMap((r, i) => (r[key] === null ? [] : [[r1(x(i)), r1(y(r[key]!))] as [number, number]]))
  const path = pts('path')
  if (path.length > 1) marks.push({ kind: 'path', d: line()(path) ?? '', stroke: C.path, width: 2, dash: '6 4' })
  const actual = pts('actual')
  if (actual.length > 1) marks.push({ kind: 'path', d: line()(actual) ?? '', stroke: C.actual, width: 3 })
  data.years.forEach((r, i) => {
    if (r.actual !== null && r.actualName !== labels.baseline)
      marks.push({ kind: 'path', d: circlePath(x(i), y(r.actual), 4), fill: '#fff', stroke: C.actual, width: 2, dash: r.actualSample ? '2 2' : undefined, sample: r.actualSample })
  })
  data.years.forEach((r, i) => {
    if (r.baseline !== null) marks.push({ kind: 'path', d: diamondPath(x(i), y(r.baseline), 13), fill: C.baseline })
    if (r.partial !== null) {
      marks.push({ kind: 'path', d: circlePath(x(i), y(r.partial), 5.5), fill: '#fff', stroke: C.actual, width: 1.5, dash: '3 2', sample: r.partialSample })
      marks.push({ kind: 'text', x: x(i), y: y(r.partial) - 10, text: r.partialLabel, anchor: 'middle', align: 'bottom', size: 11, colour: '#606266' })
    }
  })
  marks.push({ kind: 'path', d: pinPath(x(goal), goalY, 28), fill: C.goal, opacity: 0.85 })
  marks.push({ kind: 'text', x: x(goal) + 12, y: goalY - 14, text: data.format(data.years[goal].goal!), colour: C.goal })

  return {
    width,
    height,
    marks,
    legend: [
      { label: labels.actual, colour: C.actual, symbol: 'line' },
      { label: labels.requiredPath, colour: C.path, symbol: 'dash' },
      { label: labels.goal, colour: C.goal, symbol: 'pin' },
      ...(data.hasBaseline ? [{ label: labels.baseline, colour: C.baseline, symbol: 'diamond' as const }] : []),
      ...(data.hasPartial ? [{ label: labels.partialSeries, colour: C.actual, symbol: 'hollow' as const }] : []),
      ...(data.hasFan && labels.fan
        ? [
            { label: labels.fan.median, colour: C.fan, symbol: 'dash' as const },
            { label: labels.fan.band, colour: C.fan, symbol: 'box' as const, fill: C.band },
          ]
        : []),
    ],
    table: { unit: data.unit, rows: trajectoryTable(input, data) },
    title: [
      labels.actual,
      labels.requiredPath,
      labels.goal,
      ...(data.hasBaseline ? [labels.baseline] : []),
      ...(data.hasPartial ? [labels.partialSeries] : []),
      ...(data.hasFan && labels.fan ? [labels.fan.median, labels.fan.band] : []),
    ].join(' / '),
  }
}

/** The table under the chart: every value of every series, series by series. */
function trajectoryTable(input: TrajectoryInput, data: TrajectoryData): ChartTableRow[] {
  const { labels, locale } = input
  const rows: ChartTableRow[] = []
  const add = (series: string, key: 'actual' | 'path' | 'goal' | 'baseline' | 'partial' | 'p10' | 'p50' | 'p90', sample?: (r: TrajectoryYear) => boolean) => {
    for (const r of data.years) {
      const v = r[key]
      if (v !== null) rows.push({ series, category: String(r.year), value: tableNumber(v, locale), sample: sample?.(r) ?? false })
    }
  }
  add(labels.actual, 'actual', (r) => r.actualSample)
  add(labels.requiredPath, 'path')
  add(labels.goal, 'goal')
  if (data.hasBaseline) add(labels.baseline, 'baseline')
  if (data.hasPartial) add(labels.partialSeries, 'partial', (r) => r.partialSample)
  if (data.hasFan && labels.fan) {
    add(labels.fan.median, 'p50')
    add(labels.fan.low, 'p10')
    add(labels.fan.high, 'p90')
  }
  return rows
}
