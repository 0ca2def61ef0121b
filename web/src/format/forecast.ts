// What the forecast (GET /forecast, POST /forecast/what-if; docs/forecast.md) says about a target,
// in words: the probability of meeting the goal, its colour band, what a final target would have
// taken, the difference a what-if makes; and the what-if's changes as the address carries them.
// Pure functions, unit-tested (forecast.test.ts).
import { isApiError, type ForecastMissed, type ForecastTook, type Target, type TargetForecast, type WhatIfChange } from '../api/client'
import { formatPercent } from './money'
import { type StatusColour } from './status'
import { formatPoints, isZh } from './units'
import { targetValueText } from './target'
import { formatPeriod } from './period'
import { encodeChange, GROWTH_PERCENT } from '../pages/forecast/changeQuery'

export { GROWTH_PERCENT, MAX_CHANGES, DELAY_MONTHS, changesOf, encodeChange, decodeChange } from '../pages/forecast/changeQuery'

type Translate = (key: string, named?: Record<string, unknown>) => string
/** What names a target's values: its measure, its indicator (the counted noun), the plan's unit. */
export type TargetUnitOf = Pick<Target, 'unit' | 'indicator' | 'declared_unit'>

/** The year of an as-of date ("2023-06-30" → 2023); NaN without one. */
export function yearOf(date: string | null | undefined): number {
  return Number.parseInt((date ?? '').slice(0, 4), 10)
}

/**
 * What a target's forecast shows at an as-of date:
 * - `open`: the deadline is ahead and a probability was computed (a badge and a fan);
 * - `met-already`: open, but every run meets the goal and the goal is met already;
 * - `took`: the deadline has passed and the answer says what it would have taken;
 * - `unsupported`: the indicator's shape is not forecast (the reason in `unsupported`);
 * - `none`: nothing to show (a deadline passed without a result, no probability).
 */
export type ForecastView = 'open' | 'met-already' | 'took' | 'unsupported' | 'none'

export function forecastView(f: Pick<TargetForecast, 'final' | 'deadline' | 'form' | 'unsupported' | 'probability' | 'took' | 'status' | 'settled'>, asOf: string): ForecastView {
  if (f.form === 'unsupported' || (f.unsupported && f.probability === null)) return 'unsupported'
  const past = f.final || f.deadline < yearOf(asOf)
  if (past) return f.took ? 'took' : 'none'
  if (f.probability === null || f.probability === undefined) return 'none'
  if (f.probability === 1 && (f.status === 'met' || f.settled)) return 'met-already'
  return 'open'
}

/**
 * A probability as the badge writes it: whole percent; a Monte Carlo result that is not certain
 * never rounds to "0%" or "100%" (it reads "<1%" / ">99%"); a settled one (every run the same) may.
 */
export function probabilityText(p: number | null | undefined, settled = false): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—'
  if (settled && (p === 0 || p === 1)) return formatPercent(p)
  const pct = Math.round(p * 100)
  if (pct < 1) return '<1%'
  if (pct > 99) return '>99%'
  return `${pct}%`
}

/** The status colours for probabilities: ≥ 70 % green, ≥ 30 % yellow, below red; none grey. */
export function probabilityColour(p: number | null | undefined): StatusColour {
  if (p === null || p === undefined || Number.isNaN(p)) return 'grey'
  if (p >= 0.7) return 'green'
  if (p >= 0.3) return 'yellow'
  return 'red'
}

/** A yearly growth rate with its sign and one decimal: "+29.8%", "-3.0%". */
export function growthText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—'
  return `${rate > 0 ? '+' : rate < 0 ? '-' : ''}${formatPercent(Math.abs(rate), 1)}`
}

/** A value in the target's unit (a share's difference in percentage points). */
function amountText(t: TargetUnitOf, v: number, locale: string): string {
  return t.unit === 'percent' ? formatPoints(v, locale).replace(/^\+/, '') : targetValueText(t, v, locale)
}

/**
 * What a final target would have taken, in words: met; else the shortfall in its unit and, for a
 * sum, the yearly growth needed from the year it counts from beside the growth achieved.
 */
export function tookText(t: TargetUnitOf, took: ForecastTook, locale: string, tr: Translate): string {
  if (took.shortfall <= 0) {
    if (took.growth_achieved !== null && took.from_year !== null) return tr('forecast.tookMetGrowth', { achieved: growthText(took.growth_achieved), from: took.from_year })
    return tr('forecast.tookMet')
  }
  const shortfall = amountText(t, took.shortfall, locale)
  if (took.growth_needed !== null && took.from_year !== null) {
    return tr('forecast.tookGrowth', { shortfall, needed: growthText(took.growth_needed), achieved: growthText(took.growth_achieved), from: took.from_year })
  }
  return tr('forecast.tookShortfall', { shortfall })
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A month as a sentence writes it: "2021-03" → "2021年3月" / "March 2021"; other shapes unchanged. */
export function monthText(month: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return month
  return isZh(locale) ? `${m[1]}年${Number(m[2])}月` : `${EN_MONTHS[Number(m[2]) - 1]} ${m[1]}`
}

/**
 * A missed key project of a final sum target, in words around its name (the page links the name):
 * `lead` before it — when it was planned and that it was commissioned after the deadline, or not
 * yet — and `gain` after it: what it would have added in the deadline year, in the target's unit.
 */
export function missedText(t: TargetUnitOf, m: ForecastMissed, deadline: number, locale: string, tr: Translate): { lead: string; gain: string } {
  const planned = monthText(m.planned, locale)
  const lead = m.commissioned ? tr('forecast.missedLate', { planned, date: formatPeriod(m.commissioned, locale) }) : tr('forecast.missedNot', { planned })
  return { lead, gain: tr('forecast.missedGain', { output: amountText(t, m.output, locale), year: deadline }) }
}

/** The change of a probability in percentage points ("+12.3个百分点" / "-4 pt"); '±0' for none. */
export function probabilityDelta(base: number | null | undefined, now: number | null | undefined, locale: string): string {
  if (base === null || base === undefined || now === null || now === undefined) return '—'
  const d = now - base
  if (Math.abs(d) < 5e-5) return isZh(locale) ? '±0' : '±0'
  return formatPoints(d * 1e6, locale)
}

/**
 * A what-if's date to forecast from when every target is past its deadline: the middle of the
 * year before the earliest deadline (all targets are open then, with a year and a half to go);
 * null when there is no deadline or that date is not before `asOf`.
 */
export function suggestedAsOf(deadlines: readonly number[], asOf: string): string | null {
  const known = deadlines.filter((d) => Number.isFinite(d))
  if (!known.length) return null
  const date = `${Math.min(...known) - 1}-06-30`
  return date < asOf ? date : null
}

/** Whether any target is still open (before its deadline, not final) at `asOf`. */
export function anyOpen(targets: readonly Pick<TargetForecast, 'final' | 'deadline'>[], asOf: string): boolean {
  return targets.some((t) => !t.final && t.deadline >= yearOf(asOf))
}

/** The growth a planner typed in percent, as the API's rate; null when it is no number or out of range. */
export function growthRate(percentText: string): number | null {
  const s = percentText.trim().replace(/[％%]$/, '').replace(/^＋/, '+').replace(/^[−–]/, '-').trim()
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null
  const pct = Number(s)
  if (pct < GROWTH_PERCENT.min || pct > GROWTH_PERCENT.max) return null
  return Math.round(pct * 1e4) / 1e6
}

/** What a change is about: its project, or its segment; a firm is its own subject (all it says). */
function subjectOf(c: WhatIfChange): string {
  if (c.kind === 'firm') return encodeChange(c)
  return c.kind === 'growth' ? `segment:${c.segment}` : `project:${c.project}`
}

/**
 * Adds a change, replacing an earlier change of the same project (a delay, a cancellation) or
 * segment, or the same firm; firms that differ in anything are added side by side.
 */
export function withChange(list: readonly WhatIfChange[], c: WhatIfChange): WhatIfChange[] {
  const at = list.findIndex((x) => subjectOf(x) === subjectOf(c))
  if (at < 0) return [...list, c]
  return list.map((x, i) => (i === at ? c : x))
}

/** The change a what-if problem names (field "changes[2].project") and the server's words without the field. */
export interface WhatIfProblem {
  /** The index of the change at fault; null when the problem names none. */
  index: number | null
  message: string
}

export function whatIfProblem(e: unknown, locale: string): WhatIfProblem | null {
  if (!isApiError(e)) return null
  const m = /^changes\[(\d+)\]/.exec(e.field ?? '')
  if (!m) return null
  // "成员 changes[0].growth：年增长率须在 …" / "changes[0].growth: a yearly growth rate …"
  const own = e.messageIn(locale).replace(/^.*?changes\[\d+\][\w.]*\s*[:：]\s*/, '')
  return { index: Number(m[1]), message: own }
}
