// What a target card says about how far a target is from its goal, read the way the API judges
// it (docs/targets.md): a level target's partial year is annualised (value × 12 / months, the
// API's `projected`) before it is compared with anything; a cumulative target counts records to
// as_of against a linear path. Pure functions, unit-tested (target.test.ts).
import type { SeriesPoint, Target } from '../api/client'
import { formatPercent } from './money'
import { formatPeriod } from './period'
import { STATUS_ORDER } from './status'
import { formatPoints, formatTargetValue, isZh, unitWords } from './units'

/** What names a target's unit: its measure, its indicator (for the counted noun) and the plan's declared unit. */
type TargetUnitOf = Pick<Target, 'unit' | 'indicator' | 'declared_unit'>
type TargetLike = Pick<Target, 'unit' | 'indicator' | 'declared_unit' | 'goal' | 'deadline' | 'latest' | 'projected' | 'path_value' | 'status' | 'final'>

/** The reading the status rests on. */
export interface Reading {
  /** The value compared with the path and the goal: annualised for a partial year. */
  value: number
  /** The raw value of the reading (year to date for a partial year). */
  raw: number
  annualised: boolean
  /** "2024", "2025-01~09", "2021..2026-05-31". */
  period: string
  year: number
  cumulative: boolean
}

export function readingOf(t: TargetLike): Reading | null {
  if (!t.latest) return null
  const period = t.latest.period
  const cumulative = period.includes('..')
  const annualised = !cumulative && period.includes('~') && t.projected !== null && t.projected !== undefined
  return {
    value: annualised ? (t.projected as number) : t.latest.value,
    raw: t.latest.value,
    annualised,
    period,
    year: Number(period.slice(0, 4)),
    cumulative,
  }
}

export type GoalOp = '>=' | '>' | '<=' | '<' | '='

export function goalOp(text: string): GoalOp {
  const op = /^\s*(>=|<=|==|>|<|=)/.exec(text)?.[1]
  if (op === '==' || op === '=') return '='
  return (op as GoalOp | undefined) ?? '>='
}

export interface Gap {
  /** How much is still missing, in the target's unit (0 once reached). */
  gap: number
  reached: boolean
  /** The gap is of the annualised value of a partial year. */
  annualised: boolean
}

/** The distance from the reading (annualised for a partial year) to the goal; null without a reading. */
export function gapOf(t: TargetLike): Gap | null {
  const r = readingOf(t)
  if (!r) return null
  const goal = t.goal.value
  const op = goalOp(t.goal.text)
  // A count must pass a strict bound by one whole record; an amount by any margin.
  const step = t.unit === 'count' ? 1 : 0
  let gap: number
  if (op === '>=' || op === '=') gap = goal - r.value
  else if (op === '>') gap = goal + step - r.value
  else if (op === '<=') gap = r.value - goal
  else gap = r.value - (goal - step)
  return { gap: Math.max(0, gap), reached: gap <= 0, annualised: r.annualised }
}

/**
 * The share of the goal the reading stands at: the annualised value of a partial year, never the
 * raw year-to-date value, over the goal. Null without a reading or for a goal of 0.
 */
export function progressOf(t: TargetLike): number | null {
  const r = readingOf(t)
  if (!r || !t.goal.value) return null
  return r.value / t.goal.value
}

/** Worst first: the rank of a status in STATUS_ORDER (unknown statuses last). */
export function severityRank(status: string): number {
  const i = STATUS_ORDER.indexOf(status)
  return i < 0 ? STATUS_ORDER.length : i
}

/** The gap as a share of the goal, for sorting: reached 0, no reading +∞ (after every gap). */
export function gapShare(t: TargetLike): number {
  const g = gapOf(t)
  if (!g) return Number.POSITIVE_INFINITY
  return t.goal.value ? g.gap / Math.abs(t.goal.value) : g.gap
}

export type CardSort = 'severity' | 'gap' | 'plan'

/** The targets in the chosen order; ties keep the plan's order. */
export function sortTargets<T extends TargetLike>(targets: readonly T[], by: CardSort): T[] {
  const indexed = targets.map((t, i) => ({ t, i }))
  if (by === 'severity') indexed.sort((a, b) => severityRank(a.t.status) - severityRank(b.t.status) || a.i - b.i)
  else if (by === 'gap') {
    indexed.sort((a, b) => {
      const x = gapShare(a.t)
      const y = gapShare(b.t)
      if (x === y) return a.i - b.i
      if (x === Number.POSITIVE_INFINITY) return 1
      if (y === Number.POSITIVE_INFINITY) return -1
      return y - x
    })
  }
  return indexed.map((x) => x.t)
}

/** Year-on-year change of the latest complete year against the year before it. */
export interface YearOnYear {
  year: number
  /** Money: the ratio (0.12 = +12 %); counts: the difference in records. */
  change: number
  kind: 'ratio' | 'diff'
}

/**
 * 同比 where the data allow: the latest reading is a complete year and the series has the same
 * period (the complete year) a year earlier. A partial year has no same period a year earlier in
 * the series (it holds complete years and the running year only), so it gets none.
 */
export function yearOnYear(series: readonly Pick<SeriesPoint, 'period' | 'year' | 'value' | 'complete'>[], latestPeriod: string | null | undefined, unit: string): YearOnYear | null {
  if (!latestPeriod || !/^\d{4}$/.test(latestPeriod)) return null
  const year = Number(latestPeriod)
  const now = series.find((p) => p.complete && p.year === year && p.period === latestPeriod)
  const before = series.find((p) => p.complete && p.year === year - 1)
  if (!now || !before || now.value === null || before.value === null) return null
  if (unit === 'yuan') {
    if (!before.value) return null
    return { year, change: now.value / before.value - 1, kind: 'ratio' }
  }
  return { year, change: now.value - before.value, kind: 'diff' }
}

type Translate = (key: string, named?: Record<string, unknown>) => string

/** A baseline as the plan words it: "超30亿元" (over), "约6,300人", "不低于5家"; "over ¥3 billion". */
export function baselineText(t: TargetUnitOf & Pick<Target, 'baseline'>, locale: string): string {
  if (!t.baseline) return '—'
  const value = targetValueText(t, t.baseline.value, locale)
  const zh = isZh(locale)
  const marks: Record<string, [string, string]> = { over: ['超', 'over '], about: ['约', 'about '], 'at-least': ['不低于', 'at least '] }
  const mark = marks[t.baseline.qualifier ?? 'exact']
  return mark ? `${zh ? mark[0] : mark[1]}${value}` : value
}

/** A target value in its unit ("16.6亿元", "3家"); `digits` for a fractional path of a count. */
export function targetValueText(t: TargetUnitOf, value: number | null | undefined, locale: string, digits = 0): string {
  return formatTargetValue(value, t.unit, t.indicator, locale, digits, t.declared_unit)
}

/** "差 16.6亿元" / "差 3家" / "差 0.55个百分点" / "已达到目标"; '' without a reading. */
export function gapText(t: TargetLike, locale: string, tr: Translate): string {
  const g = gapOf(t)
  if (!g) return ''
  if (g.reached) return tr('numbers.reached')
  // Between two shares the distance is in percentage points, not a percent of anything.
  const gap = t.unit === 'percent' ? formatPoints(g.gap, locale).replace(/^\+/, '') : targetValueText(t, g.gap, locale)
  return tr(g.annualised ? 'numbers.gapAnnualised' : 'numbers.gap', { gap })
}

/** "同比 +12.3%" / "同比 +2家"; '' when the data do not allow it. */
export function yoyText(t: TargetUnitOf, yoy: YearOnYear | null, locale: string, tr: Translate): string {
  if (!yoy) return ''
  const sign = yoy.change > 0 ? '+' : yoy.change < 0 ? '-' : '±'
  if (t.unit === 'percent') return tr('numbers.yoy', { change: formatPoints(yoy.change, locale) })
  const change = yoy.kind === 'ratio' ? `${sign}${formatPercent(Math.abs(yoy.change), 1)}` : `${sign}${targetValueText(t, Math.abs(yoy.change), locale)}`
  return tr('numbers.yoy', { change })
}

/**
 * The basis of the status in words: which reading (a full year, an annualised partial year, a
 * count to a date) is compared with what (the plan's path for that year, or the goal once final).
 */
export function basisText(t: TargetLike, locale: string, tr: Translate, asOf?: string | null): string {
  const r = readingOf(t)
  if (!r) return ''
  const w = unitWords(locale)
  const value = targetValueText(t, r.value, locale)
  const goal = targetValueText(t, t.goal.value, locale)
  const period = formatPeriod(r.period, locale)
  const g = gapOf(t)
  const cmpOf = (v: number, path: number) => (v > path ? w.above : v < path ? w.below : w.equal)
  if (r.cumulative) {
    if (t.final) return tr('numbers.basisFinalCumulative', { value, goal, result: g?.reached ? w.resultMet : w.resultMissed })
    if (g?.reached) return tr('numbers.basisMetEarly', { value, goal })
    const until = /\.\.(\d{4}-\d{2}-\d{2})$/.exec(r.period)?.[1] ?? asOf ?? ''
    const path = t.path_value ?? null
    if (path === null) return ''
    return tr('numbers.basisCumulative', {
      date: formatPeriod(until, locale),
      value,
      cmp: cmpOf(r.value, path),
      path: targetValueText(t, path, locale, 1),
    })
  }
  if (t.final) return tr('numbers.basisFinal', { period, value, goal, result: g?.reached ? w.resultMet : w.resultMissed })
  const periodName = r.annualised ? period : formatPeriod(String(r.year), locale)
  if (g?.reached) {
    return r.annualised
      ? tr('numbers.basisReachedPartial', { period: periodName, value, deadline: t.deadline })
      : tr('numbers.basisReachedLevel', { period: periodName, deadline: t.deadline })
  }
  if (t.path_value === null || t.path_value === undefined) return ''
  const params = { period: periodName, value, year: r.year, cmp: cmpOf(r.value, t.path_value), path: targetValueText(t, t.path_value, locale, t.unit === 'yuan' ? 0 : 1) }
  return tr(r.annualised ? 'numbers.basisPartial' : 'numbers.basisLevel', params)
}

/** The language-neutral "annualised" marker of a reading ('' when it is not annualised). */
export function annualisedWord(t: TargetLike, locale: string): string {
  return readingOf(t)?.annualised ? unitWords(locale).annualised : ''
}

export { isZh }

const GOAL_SYMBOL: Record<GoalOp, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' }

/** "≥ 100亿元", "≥ 15家": the goal in the target's unit. */
export function goalText(t: TargetUnitOf & Pick<Target, 'goal'>, locale: string): string {
  return `${GOAL_SYMBOL[goalOp(t.goal.text)]} ${targetValueText(t, t.goal.value, locale)}`
}

/**
 * The indicator for the same part of the year a year earlier, for 同比 of a partial reading:
 * "sum(output_value) in 2025" read as "2025-01~05" → "sum(output_value) in 2024-01~05". Null when
 * the reading is not a partial year or the indicator has no trailing year.
 */
export function samePeriodLastYear(indicator: string, period: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})~(\d{2})$/.exec(period ?? '')
  if (!m || !/\sin\s+\d{4}\s*$/.test(indicator)) return null
  return indicator.replace(/\sin\s+\d{4}\s*$/, ` in ${Number(m[1]) - 1}-${m[2]}~${m[3]}`)
}

/** 同比 of a partial reading against the same months a year earlier (money: a ratio). */
export function partialYearOnYear(latest: { value: number; period: string } | null, earlier: number | null, unit: string): YearOnYear | null {
  if (!latest || earlier === null || !/^\d{4}-\d{2}~\d{2}$/.test(latest.period)) return null
  const year = Number(latest.period.slice(0, 4))
  if (unit === 'yuan') return earlier > 0 ? { year, change: latest.value / earlier - 1, kind: 'ratio' } : null
  return { year, change: latest.value - earlier, kind: 'diff' }
}
