// Display of a Fact's value (facts.csv: figures the plan or public reports state) with its unit
// and qualifier: "约27.19亿元", "16", "68.35%", "第12位", "超40亿元". Pure, unit-tested.
import { formatCount, formatMoney } from './money'

export interface FactLike {
  value: number | string
  unit: string
  qualifier?: string
}

function isZh(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh')
}

function bare(f: FactLike, locale: string): string {
  const zh = isZh(locale)
  if (typeof f.value === 'string') return f.value
  switch (f.unit) {
    case 'yuan':
      return formatMoney(f.value, locale)
    case 'percent':
      return `${f.value}%`
    case 'rank':
      return zh ? `第${f.value}位` : `No. ${f.value}`
    case 'year':
      return String(f.value)
    case 't':
      return zh ? `${formatCount(f.value, locale)}吨` : `${formatCount(f.value, locale)} t`
    default:
      return formatCount(f.value, locale)
  }
}

export function formatFactValue(f: FactLike, locale: string): string {
  const text = bare(f, locale)
  const zh = isZh(locale)
  if (f.qualifier === 'about') return zh ? `约${text}` : `about ${text}`
  if (f.qualifier === 'over') return zh ? `超${text}` : `over ${text}`
  if (f.qualifier === 'at-least') return zh ? `不少于${text}` : `at least ${text}`
  return text
}

/** The words that describe a fact: the plan's quote in Chinese, the English note in English. */
export function factText(f: { quote: string; note: string }, locale: string): string {
  return isZh(locale) ? f.quote || f.note : f.note || f.quote
}
