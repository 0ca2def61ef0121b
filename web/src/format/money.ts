// Display of money (integer yuan) and counts in the plan's units: 亿元 / 万元 in Chinese,
// "¥2.719 billion" / "¥306.49 million" in English. Pure functions, unit-tested.

import { formatNumber } from './number'
import { formatShare, unitWords } from './units'

export type Unit = 'yuan' | 'count' | string

const YI = 1e8
const WAN = 1e4

function isZh(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh')
}


/** "27.19亿元", "30,649万元", "¥2.719 billion"; "—" without a value. */
export function formatMoney(yuan: number | null | undefined, locale: string): string {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return '—'
  const sign = yuan < 0 ? '-' : ''
  const v = Math.abs(yuan)
  const w = unitWords(locale)
  if (isZh(locale)) {
    if (v >= YI) return `${sign}${formatNumber(v / YI, locale, 2)}${w.unitYi}`
    if (v >= WAN) return `${sign}${formatNumber(v / WAN, locale, 2)}${w.unitWan}`
    return `${sign}${formatNumber(v, locale, 0)}${w.unitYuan}`
  }
  if (v >= 1e9) return `${sign}¥${formatNumber(v / 1e9, locale, 3)} ${w.unitYi}`
  if (v >= 1e6) return `${sign}¥${formatNumber(v / 1e6, locale, 2)} ${w.unitWan}`
  return `${sign}¥${formatNumber(v, locale, 0)}`
}

/** A count with digit grouping: "1,234"; "—" without a value. */
export function formatCount(n: number | null | undefined, locale: string): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  return formatNumber(n, locale, 2)
}

/** Money for unit "yuan", a share for "percent", a count otherwise. */
export function formatValue(value: number | null | undefined, unit: Unit, locale: string): string {
  if (unit === 'percent') return formatShare(value, locale)
  return unit === 'yuan' ? formatMoney(value, locale) : formatCount(value, locale)
}

const OPERATORS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '==': '=' }

/** A goal such as {text: ">= 100亿", value: 1e10} as "≥ 100亿元" / "≥ ¥10 billion". */
export function formatGoal(goal: { text: string; value: number } | null | undefined, unit: Unit, locale: string): string {
  if (!goal) return '—'
  const op = /^\s*(>=|<=|==|>|<|=)/.exec(goal.text)?.[1]
  const symbol = op ? OPERATORS[op] : ''
  const value = formatValue(goal.value, unit, locale)
  return symbol ? `${symbol} ${value}` : value
}

/** A ratio (0.83) as a percentage ("83%"); "—" without one. */
export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—'
  return `${(ratio * 100).toFixed(digits)}%`
}

export interface MoneyScale {
  divisor: number
  /** The axis unit, e.g. "亿元" or "billion yuan". */
  unit: string
}

/** The unit a chart axis uses for money values up to `max`. */
export function moneyScale(max: number, locale: string): MoneyScale {
  const v = Math.abs(max)
  const w = unitWords(locale)
  if (isZh(locale)) {
    if (v >= YI) return { divisor: YI, unit: w.scaleYi }
    if (v >= WAN) return { divisor: WAN, unit: w.scaleWan }
    return { divisor: 1, unit: w.scaleYuan }
  }
  if (v >= 1e9) return { divisor: 1e9, unit: w.scaleYi }
  if (v >= 1e6) return { divisor: 1e6, unit: w.scaleWan }
  return { divisor: 1, unit: w.scaleYuan }
}

/** A value divided by the scale, rounded to 4 significant decimals for chart data. */
export function scaled(value: number, scale: MoneyScale): number {
  return Math.round((value / scale.divisor) * 10000) / 10000
}
