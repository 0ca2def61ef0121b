// The one export path of every table: columns (a header in the UI language and a raw value per
// row) → a CSV file. UTF-8 with a byte-order mark (so Excel reads the Chinese), RFC 4180 quoting,
// CRLF line ends, and a guard against formula injection (a text cell starting with = + - @, tab
// or CR gets a leading '). Values are the raw ones (integer yuan, full precision); the unit
// belongs in the header. Pure except `downloadCsv`. XLSX can later share `ExportColumn`/`tableRows`.

export type Cell = string | number | boolean | null | undefined

export interface ExportColumn<T> {
  /** The header as the UI shows it, with the unit when the values have one: "投资额（元）". */
  label: string
  value: (row: T) => Cell
}

export const BOM = '\uFEFF'

const FORMULA_START = /^[=+\-@\t\r]/

/** One cell: numbers in full precision, text guarded and quoted when it must be. */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  let s = String(v)
  if (FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Header and rows as a table of cells. */
export function tableRows<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): Cell[][] {
  return [columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => c.value(r)))]
}

/** The CSV text with its BOM. */
export function toCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  return BOM + tableRows(columns, rows).map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A file name without characters file systems refuse: "企业库-2026-12-05.csv". */
export function csvFileName(base: string, date = new Date()): string {
  const safe = base.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'table'
  return `${safe}-${date.toISOString().slice(0, 10)}.csv`
}

/** Saves `text` as a download named `filename` (browser only). */
export function downloadCsv(text: string, filename: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Every item of a paged list: pages of `limit` until `total` (a table exports all its pages). */
export async function allPages<T>(page: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>, limit = 500): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const p = await page(out.length, limit)
    out.push(...p.items)
    if (!p.items.length || out.length >= p.total) return out
  }
}
