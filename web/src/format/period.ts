// Display of periods as the API writes them: "2025", "2026-01~09" (year to date), "2021-03",
// "2021..2025" (a range of years). Pure functions, unit-tested.

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function isZh(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh')
}

/** "2026-01~09" → "2026年1—9月" / "2026 Jan–Sep"; unknown shapes come back unchanged. */
export function formatPeriod(period: string | null | undefined, locale: string): string {
  if (!period) return '—'
  const zh = isZh(locale)
  let m = /^(\d{4})\.\.(\d{4})$/.exec(period)
  if (m) return zh ? `${m[1]}—${m[2]}年` : `${m[1]}–${m[2]}`
  m = /^(.+)\.\.(.+)$/.exec(period)
  if (m) return zh ? `${formatPeriod(m[1], locale)}至${formatPeriod(m[2], locale)}` : `${formatPeriod(m[1], locale)} – ${formatPeriod(m[2], locale)}`
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period)
  if (m) return zh ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : period
  m = /^(\d{4})-(\d{2})~(\d{2})$/.exec(period)
  if (m) {
    const [a, b] = [Number(m[2]), Number(m[3])]
    if (zh) return a === b ? `${m[1]}年${a}月` : `${m[1]}年${a}—${b}月`
    return a === b ? `${m[1]} ${EN_MONTHS[a - 1]}` : `${m[1]} ${EN_MONTHS[a - 1]}–${EN_MONTHS[b - 1]}`
  }
  m = /^(\d{4})-(\d{2})$/.exec(period)
  if (m) return zh ? `${m[1]}年${Number(m[2])}月` : `${m[1]} ${EN_MONTHS[Number(m[2]) - 1]}`
  m = /^(\d{4})$/.exec(period)
  if (m) return zh ? `${m[1]}年` : m[1]
  return period
}

/** A date of day, month or year precision ("2021-03-15", "2021-03", "2023") as a UTC timestamp of its first day. */
export function periodStart(date: string | null | undefined): number | null {
  if (!date) return null
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.trim())
  if (!m) return null
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1)
}
