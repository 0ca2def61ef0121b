// Display of money (integer yuan) and counts in the plan's units: 亿元 / 万元 in Chinese,
// "¥2.719 billion" / "¥306.49 million" in English. Pure functions, unit-tested.

export type Unit = 'yuan' | 'count' | string

const YI = 1e8
const WAN = 1e4

function isZh(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh')
}

function num(value: number, locale: string, maxDigits: number): string {
  return new Intl.NumberFormat(isZh(locale) ? 'zh-CN' : 'en-US', { maximumFractionDigits: maxDigits }).format(value)
}

/** "27.19亿元", "30,649万元", "¥2.719 billion"; "—" without a value. */
export function formatMoney(yuan: number | null | undefined, locale: string): string {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return '—'
  const sign = yuan < 0 ? '-' : ''
  const v = Math.abs(yuan)
  if (isZh(locale)) {
    if (v >= YI) return `${sign}${num(v / YI, locale, 2)}亿元`
    if (v >= WAN) return `${sign}${num(v / WAN, locale, 2)}万元`
    return `${sign}${num(v, locale, 0)}元`
  }
  if (v >= 1e9) return `${sign}¥${num(v / 1e9, locale, 3)} billion`
  if (v >= 1e6) return `${sign}¥${num(v / 1e6, locale, 2)} million`
  return `${sign}¥${num(v, locale, 0)}`
}

/** A count with digit grouping: "1,234"; "—" without a value. */
export function formatCount(n: number | null | undefined, locale: string): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  return num(n, locale, 2)
}

/** Money for unit "yuan", a count otherwise. */
export function formatValue(value: number | null | undefined, unit: Unit, locale: string): string {
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
  if (isZh(locale)) {
    if (v >= YI) return { divisor: YI, unit: '亿元' }
    if (v >= WAN) return { divisor: WAN, unit: '万元' }
    return { divisor: 1, unit: '元' }
  }
  if (v >= 1e9) return { divisor: 1e9, unit: 'billion yuan' }
  if (v >= 1e6) return { divisor: 1e6, unit: 'million yuan' }
  return { divisor: 1, unit: 'yuan' }
}

/** A value divided by the scale, rounded to 4 significant decimals for chart data. */
export function scaled(value: number, scale: MoneyScale): number {
  return Math.round((value / scale.divisor) * 10000) / 10000
}
