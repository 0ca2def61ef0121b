// One formatter per unit, with every unit word taken from the i18n files (numbers.*):
//  - money (integer yuan): 亿元 / 万元 / 元 in Chinese, ¥… billion / million in English; a column
//    picks ONE magnitude from its largest value and every cell uses it (no 1.05亿元 next to
//    9,500万元);
//  - counts with their noun: 家 for enterprises, 项 for projects, 个 for anything else;
//  - a unit the plan declares (GET /plan `units`, a target's `declared_unit`): its own name and
//    display scales (530万辆, 5.3 million vehicles).
// Pure functions, unit-tested (units.test.ts).
import { formatNumber } from './number'
import zhCN from '../i18n/zh-CN'
import type { Unit } from '../api/client'
import en from '../i18n/en'

type Words = (typeof zhCN)['numbers']

export function isZh(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh')
}

/** The unit words of the language (numbers.* of zh-CN.ts / en.ts). */
export function unitWords(locale: string): Words {
  return isZh(locale) ? zhCN.numbers : en.numbers
}


/** One magnitude of money: what a value is divided by and the words that follow it. */
export interface MoneyMagnitude {
  divisor: number
  /** Written after each cell's number: "亿元" / "billion" ('' for plain yuan in English). */
  cell: string
  /** The unit as a header or axis says it: "亿元" / "billion yuan". */
  unit: string
}

const ZH_STEPS = [1e8, 1e4, 1] as const
const EN_STEPS = [1e9, 1e6, 1] as const

/** The magnitude for money values up to `max` (absolute): 亿 from 1亿, 万 from 1万, else 元. */
export function moneyMagnitude(max: number, locale: string): MoneyMagnitude {
  const w = unitWords(locale)
  const v = Math.abs(Number.isFinite(max) ? max : 0)
  const [big, mid] = isZh(locale) ? ZH_STEPS : EN_STEPS
  if (v >= big) return { divisor: big, cell: w.unitYi, unit: w.scaleYi }
  if (v >= mid) return { divisor: mid, cell: w.unitWan, unit: w.scaleWan }
  return { divisor: 1, cell: w.unitYuan, unit: w.scaleYuan }
}

/** The magnitude of a column: from its largest absolute value (null/undefined skipped). */
export function columnMagnitude(values: readonly (number | null | undefined)[], locale: string): MoneyMagnitude {
  let max = 0
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v))
  return moneyMagnitude(max, locale)
}

/**
 * A money value in a given magnitude: "0.95亿元" next to "1.05亿元", "¥0.95 billion". Two
 * decimals; a small non-zero value keeps up to four so it never reads as 0.
 */
export function formatMoneyIn(yuan: number | null | undefined, m: MoneyMagnitude, locale: string): string {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return '—'
  const sign = yuan < 0 ? '-' : ''
  const x = Math.abs(yuan) / m.divisor
  const digits = m.divisor === 1 ? 0 : x !== 0 && x < 0.01 ? 4 : 2
  const n = formatNumber(x, locale, digits)
  if (isZh(locale)) return `${sign}${n}${m.cell}`
  return `${sign}¥${n}${m.cell ? ` ${m.cell}` : ''}`
}

/** A money value in its own magnitude ("27.19亿元", "5,000万元", "¥2.72 billion"). */
export function formatYuan(yuan: number | null | undefined, locale: string): string {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return '—'
  return formatMoneyIn(yuan, moneyMagnitude(yuan, locale), locale)
}

/** What is counted: enterprises (家), projects (项), supplier-system entries (项) or anything else (个). */
export type CountNoun = 'enterprise' | 'project' | 'entry' | 'other'

/** The noun of a record set of the indicator language (count(enterprises) …). */
export function nounOfSet(set: string | null | undefined): CountNoun {
  if (set === 'enterprises') return 'enterprise'
  if (set === 'projects') return 'project'
  if (set === 'supplier_entries') return 'entry'
  return 'other'
}

/** The set an indicator counts: "count(enterprises) where …" → "enterprises"; null for sums. */
export function countedSet(indicator: string | null | undefined): string | null {
  const m = /^\s*count\s*\(\s*([a-z_]+)\s*\)/.exec(indicator ?? '')
  return m ? m[1] : null
}

/**
 * The record set an indicator reads: count(X) → X; a sum of project amounts → projects; any
 * other sum is of enterprise figures → enterprises.
 */
export function indicatorSet(indicator: string | null | undefined): string {
  const counted = countedSet(indicator)
  if (counted) return counted
  return /^\s*sum\s*\(\s*(investment|expected_output)\b/.test(indicator ?? '') ? 'projects' : 'enterprises'
}

/** The noun word: 家 / 项 / 个; in English the singular or plural ('' for other counts). */
export function nounWord(noun: CountNoun, n: number, locale: string): string {
  const w = unitWords(locale)
  const text = noun === 'enterprise' ? w.nounEnterprise : noun === 'project' ? w.nounProject : noun === 'entry' ? w.nounEntry : w.nounOther
  const forms = text.split(' | ')
  return forms.length > 1 && Math.abs(n) !== 1 ? forms[1] : forms[0]
}

/** A count with its noun: "15家", "3项", "2个"; "15 enterprises", "1 project", "2". */
export function formatCountOf(n: number | null | undefined, noun: CountNoun, locale: string, maxDigits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  const text = formatNumber(n, locale, maxDigits)
  const word = nounWord(noun, n, locale)
  if (isZh(locale)) return `${text}${word}`
  return word ? `${text} ${word}` : text
}

/** The unit a count column's header names: 家 / 项 / 个 / "enterprises" … */
export function countUnitWord(noun: CountNoun, locale: string): string {
  const word = nounWord(noun, 2, locale)
  return word || unitWords(locale).countUnit
}

/** A share held in millionths of the whole (unit "percent"): 185000 → "18.5%"; "—" without one. */
export function formatShare(millionths: number | null | undefined, locale: string, maxDigits = 2): string {
  if (millionths === null || millionths === undefined || Number.isNaN(millionths)) return '—'
  return `${formatNumber(millionths / 1e4, locale, maxDigits)}%`
}

/** A change of a share in millionths as percentage points: 5000 → "+0.5个百分点" / "+0.5 pt". */
export function formatPoints(millionths: number | null | undefined, locale: string): string {
  if (millionths === null || millionths === undefined || Number.isNaN(millionths)) return '—'
  const sign = millionths > 0 ? '+' : millionths < 0 ? '-' : ''
  const text = formatNumber(Math.abs(millionths) / 1e4, locale, 2)
  return isZh(locale) ? `${sign}${text}个百分点` : `${sign}${text} pt`
}

/** A declared unit's name in the language ('' when it has none there), singular for exactly one. */
export function declaredUnitWord(unit: Unit, locale: string, n = 2): string {
  const text = (isZh(locale) ? unit.name?.zh : unit.name?.en) ?? ''
  const forms = text.split(' | ')
  return forms.length > 1 && Math.abs(n) === 1 ? forms[0].trim() : forms[forms.length - 1].trim()
}

/**
 * A value in a plan's declared unit: in the largest scale of the language whose factor it reaches
 * ("530万辆", "5.3 million vehicles"), else with the unit's own name ("15家", "1 enterprise").
 * A percent unit's value is in millionths. Up to `maxDigits` decimals (2 in a scale).
 */
export function formatDeclared(value: number | null | undefined, unit: Unit, locale: string, maxDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  let x = unit.measure === 'percent' ? value / 1e4 : value
  let word = ''
  let digits = maxDigits
  if (unit.measure !== 'percent') {
    let best: { factor: number; name: string } | null = null
    for (const s of unit.scales ?? []) {
      const name = (isZh(locale) ? s.name?.zh : s.name?.en) ?? ''
      if (name && s.factor > 1 && Math.abs(x) >= s.factor && (!best || s.factor > best.factor)) best = { factor: s.factor, name }
    }
    if (best) {
      x /= best.factor
      word = best.name
      digits = Math.max(maxDigits, 2)
    }
  }
  const text = formatNumber(x, locale, digits)
  if (!word) word = declaredUnitWord(unit, locale, x)
  if (!word) return text
  return isZh(locale) ? `${text}${word}` : `${text} ${word}`
}

/** A target's value in its unit: the plan's declared unit, money in its own magnitude, counts with the counted noun. */
export function formatTargetValue(value: number | null | undefined, unit: string, indicator: string, locale: string, maxDigits = 0, declared?: Unit | null): string {
  if (declared) return formatDeclared(value, declared, locale, maxDigits)
  if (unit === 'yuan') return formatYuan(value, locale)
  if (unit === 'percent') return formatShare(value, locale)
  return formatCountOf(value, nounOfSet(countedSet(indicator)), locale, maxDigits)
}

/** "产值（亿元）" / "Output (billion yuan)": a header with its unit. */
export function withUnit(label: string, unit: string, locale: string): string {
  return unitWords(locale).unitInHeader.replace('{label}', label).replace('{unit}', unit)
}

/**
 * The unit of a target's contributor values. A sum's contributors carry the summed amount (the
 * target's unit); a count's contributors carry the figure its condition reads: an amount when the
 * condition compares with one (output_value > 10亿), else a plain number. Never the count's unit:
 * an enterprise of a count target contributes its output in yuan, not "2,480,000,000" of a count.
 */
export function contributorUnit(unit: string, indicator: string, set: string | null | undefined): 'yuan' | 'number' {
  if (unit === 'yuan') return 'yuan'
  if (set === 'enterprises' && /where[^]*\d(?:\.\d+)?\s*(亿|万)/.test(indicator)) return 'yuan'
  if (set === 'projects' && /^\s*sum\s*\(\s*(investment|expected_output)/.test(indicator)) return 'yuan'
  return 'number'
}
