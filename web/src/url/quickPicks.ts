/**
 * The as-of picker's quick picks: the end of the last month, quarter and year before `today`
 * (local calendar days), the dates at which statistics are published.
 */
export type QuickPick = 'monthEnd' | 'quarterEnd' | 'yearEnd'
export const QUICK_PICKS: QuickPick[] = ['monthEnd', 'quarterEnd', 'yearEnd']

function iso(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The day a quick pick stands for, as YYYY-MM-DD. Day 0 of a month is the last day of the one before. */
export function quickPickDate(pick: QuickPick, today: Date): string {
  const y = today.getFullYear()
  const m = today.getMonth()
  if (pick === 'monthEnd') return iso(new Date(y, m, 0))
  if (pick === 'quarterEnd') return iso(new Date(y, m - (m % 3), 0))
  return iso(new Date(y, 0, 0))
}

/**
 * Element Plus date-picker shortcuts, labelled by `label` (the i18n texts). The value is a
 * function, so a page left open past midnight picks from the new day.
 */
export function quickPickShortcuts(label: (pick: QuickPick) => string, now: () => Date = () => new Date()) {
  return QUICK_PICKS.map((pick) => ({
    text: label(pick),
    value: () => {
      const [y, m, d] = quickPickDate(pick, now()).split('-').map(Number)
      return new Date(y, m - 1, d)
    },
  }))
}
