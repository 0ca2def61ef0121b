// Display of a Fact's value (facts.csv: figures the plan or public reports state) with its unit
// and qualifier: "约27.19亿元", "16", "68.35%", "第12位", "超40亿元". Pure, unit-tested.
import { formatCount, formatMoney } from './money'
import { formatPeriod } from './period'
import { formatDeclared } from './units'
import type { Unit } from '../api/client'

export interface FactLike {
  value: number | string
  unit: string
  qualifier?: string
}

function isZh(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh')
}

function bare(f: FactLike, locale: string, units: readonly Unit[]): string {
  const zh = isZh(locale)
  if (typeof f.value === 'string') return f.value
  // A unit the plan declares (vehicle → 2.6万辆): its own name and scales.
  const declared = units.find((u) => u.id === f.unit)
  if (declared) return formatDeclared(f.value, declared, locale, 2)
  switch (f.unit) {
    case 'yuan':
      return formatMoney(f.value, locale)
    case 'percent':
      return `${f.value}%`
    case 'rank':
      return zh ? `第${f.value}位` : `No. ${f.value}`
    case 'year':
      return zh ? `${f.value}年` : String(f.value)
    case 't':
      return zh ? `${formatCount(f.value, locale)}吨` : `${formatCount(f.value, locale)} t`
    default:
      return zh ? zhCount(f.value, locale) : formatCount(f.value, locale)
  }
}

/** Large counts the way the plan writes them: 4500000 → "450万", 57600 → "5.76万"; others as digits. */
function zhCount(n: number, locale: string): string {
  const wan = n / 10000
  if (Math.abs(n) >= 10000 && Number.isInteger(n) && Math.abs(wan * 100 - Math.round(wan * 100)) < 1e-9) {
    return `${formatCount(Math.round(wan * 100) / 100, locale)}万`
  }
  return formatCount(n, locale)
}

export function formatFactValue(f: FactLike, locale: string, units: readonly Unit[] = []): string {
  const text = bare(f, locale, units)
  const zh = isZh(locale)
  if (f.qualifier === 'about') return zh ? `约${text}` : `about ${text}`
  if (f.qualifier === 'over') return zh ? `超${text}` : `over ${text}`
  if (f.qualifier === 'at-least') return zh ? `不少于${text}` : `at least ${text}`
  return text
}

/**
 * The period column of a fact: its period ("2023年1月"), or '' for a year-valued fact whose period
 * is that very year (construction started 2016, period 2016): the value column already says it.
 */
export function formatFactPeriod(f: { period: string; value: number | string; unit: string }, locale: string): string {
  if (f.unit === 'year' && String(f.value) === f.period) return ''
  return formatPeriod(f.period, locale)
}

/** The words shown for a fact or milestone, and in which language they are when that differs from the page's. */
export interface FactWords {
  text: string
  /** 'en': an English note on a Chinese page; 'zh': the plan's Chinese words on an English page. */
  foreign: 'en' | 'zh' | null
}

/** A fact's or milestone's note as the API gives it ({zh, en}); a bare string is an English note. */
export type NoteText = { zh?: string | null; en?: string | null } | string | null | undefined

function noteParts(note: NoteText): { zh: string; en: string } {
  if (typeof note === 'string') return { zh: '', en: note.trim() }
  return { zh: note?.zh?.trim() ?? '', en: note?.en?.trim() ?? '' }
}

/** A note in the page's language, else in the other one ('' when there is none). */
export function noteText(note: NoteText, locale: string): string {
  const n = noteParts(note)
  return isZh(locale) ? n.zh || n.en : n.en || n.zh
}

/**
 * The words that describe a fact: in Chinese the plan's verbatim quote, else the Chinese note, else
 * the English note marked foreign; in English the English note, else the Chinese note or quote
 * marked foreign.
 */
export function factWords(f: { quote?: string | null; note?: NoteText }, locale: string): FactWords {
  const quote = f.quote?.trim() ?? ''
  const note = noteParts(f.note)
  if (isZh(locale)) {
    if (quote) return { text: quote, foreign: null }
    if (note.zh) return { text: note.zh, foreign: null }
    return { text: note.en, foreign: note.en ? 'en' : null }
  }
  if (note.en) return { text: note.en, foreign: null }
  const zh = note.zh || quote
  return { text: zh, foreign: zh ? 'zh' : null }
}

/** The words that describe a fact: the plan's quote or the zh note in Chinese, the English note in English. */
export function factText(f: { quote: string; note: NoteText }, locale: string): string {
  return factWords(f, locale).text
}
