// The chapters of the plan that a set of records comes from, for a page's subtitle: "plan §2",
// "plan §7(1)" … in their provenance give 第二章、第七章 / chapters 2 and 7. The plan's own data
// says where a page's content stands in the plan; no page names a chapter itself. Pure.
import { provenanceItems } from './provenance'

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (1 … 99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  if (tens === 0) return DIGITS[ones]
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`
}

/** The distinct chapters (the number after §) that the provenance strings cite, ascending. */
export function planChapters(provenance: readonly (string | readonly string[] | null | undefined)[]): number[] {
  const chapters = new Set<number>()
  for (const value of provenance) {
    for (const item of provenanceItems(value as string | readonly string[] | null | undefined)) {
      if (item.kind !== 'plan') continue
      const m = /^§\s*(\d+)/.exec(item.detail)
      if (m) chapters.add(Number(m[1]))
    }
  }
  return [...chapters].sort((a, b) => a - b)
}

/** 第二章、第七章 (zh) or "chapters 2 and 7" (en); '' for none. */
export function chaptersText(chapters: readonly number[], locale: string): string {
  if (!chapters.length) return ''
  if (locale !== 'en') return chapters.map((c) => `第${chineseNumber(c)}章`).join('、')
  if (chapters.length === 1) return `chapter ${chapters[0]}`
  return `chapters ${chapters.slice(0, -1).join(', ')} and ${chapters[chapters.length - 1]}`
}
