import { useI18n } from 'vue-i18n'
import type { I18nText, OutputMetric } from '../api/client'

/** Helpers bound to the current language: names, keyed labels with a fallback. */
export function useText() {
  const { t, te, locale } = useI18n()

  /** The name in the current language; Chinese when there is no English one. */
  function name(n: I18nText | null | undefined): string {
    if (!n) return '—'
    return (locale.value === 'en' ? n.en || n.zh : n.zh || n.en) || '—'
  }

  /**
   * The name of the plan's output metric (工业总产值, 营业收入 …) as a label; `inText`: as a word inside
   * a sentence (an English name loses its capital). The generic word until the answer names one.
   */
  function outputName(m: OutputMetric | null | undefined, inText = false): string {
    const n = m?.name ? name(m.name) : t('enterprises.outputValue')
    return inText && locale.value === 'en' && /^[A-Z][a-z]/.test(n) ? n[0].toLowerCase() + n.slice(1) : n
  }

  /** `t(prefix.key)` when that message exists, else the key itself (a value the app does not know yet). */
  function label(prefix: string, key: string | null | undefined): string {
    if (!key) return '—'
    const path = `${prefix}.${key}`
    return te(path) ? t(path) : key
  }

  /** "（x）" in Chinese, " (x)" in English. */
  function paren(x: string | number): string {
    return t('common.paren', { x })
  }

  /** "label：value" in Chinese, "label: value" in English. */
  function labelled(lbl: string, value: string | number): string {
    return t('common.labelled', { label: lbl, value })
  }

  /** Items joined the language's way: "东区、西区" / "East District, West District"; '—' when empty. */
  function list(items: readonly string[]): string {
    return items.length ? items.join(t('common.listSep')) : '—'
  }

  /** A count message with its plural form chosen by n ("1 enterprise | {n} enterprises"). */
  function count(key: string, n: number, named: Record<string, unknown> = {}): string {
    return t(key, { n, ...named }, n)
  }

  return { t, locale, name, outputName, label, paren, labelled, list, count }
}
