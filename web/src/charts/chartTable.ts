import type { EChartsOption } from 'echarts'

// What a chart shows, as rows of a plain table: the text alternative under every chart (screen
// readers, keyboard users, anyone who wants the numbers). Read from the chart's own option, so it
// cannot drift from the picture. The cells are plain strings; the table renders them as text.

export interface ChartTableRow {
  series: string
  category: string
  value: string
  sample: boolean
}

export interface ChartTable {
  /** The value axis' name (the unit, e.g. 亿元), '' when there is none. */
  unit: string
  rows: ChartTableRow[]
}

type Axis = { type?: string; data?: unknown[]; name?: string }
type Item = { value?: unknown; name?: unknown; sample?: unknown } | number | string | unknown[] | null | undefined

function firstAxis(a: unknown): Axis | null {
  const one = Array.isArray(a) ? a[0] : a
  return one && typeof one === 'object' ? (one as Axis) : null
}

function asArray<T>(v: T | T[] | undefined): T[] {
  if (v === undefined || v === null) return []
  return Array.isArray(v) ? v : [v]
}

function text(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'value' in (v as object)) return text((v as { value: unknown }).value)
  return String(v)
}

function number(v: number, locale: string): string {
  return v.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 })
}

/** One coordinate as a reader wants it: a date on a time axis, a label on a category axis. */
function coordinate(v: unknown, axis: Axis | null, locale: string): string {
  if (axis?.type === 'time' && typeof v === 'number') return new Date(v).toISOString().slice(0, 10)
  if (axis?.type === 'category' && typeof v === 'number' && axis.data) return text(axis.data[v])
  return typeof v === 'number' ? number(v, locale) : text(v)
}

/** The rows of the chart's data: one per data item of every series that plots data items. */
export function chartTableRows(option: EChartsOption, locale: string): ChartTable {
  const x = firstAxis(option.xAxis)
  const y = firstAxis(option.yAxis)
  const categoryAxis = x?.type === 'category' ? x : y?.type === 'category' ? y : null
  const valueAxis = categoryAxis === x ? y : x
  const rows: ChartTableRow[] = []
  for (const s of asArray(option.series as unknown[] | undefined) as { type?: string; name?: unknown; data?: Item[] }[]) {
    // A custom series draws shapes from its own encoding (the Gantt's bars); its points carry the data.
    if (!s || s.type === 'custom' || !Array.isArray(s.data)) continue
    s.data.forEach((item, i) => {
      const obj = item && typeof item === 'object' && !Array.isArray(item) ? item : null
      const raw = obj ? obj.value : item
      if (raw === null || raw === undefined || raw === '-') return
      let category: string
      let value: string
      if (Array.isArray(raw)) {
        // [x, y]: the coordinate on the category axis names the row, the other one is the value.
        const [a, b] = raw
        if (categoryAxis === y) {
          category = coordinate(b, y, locale)
          value = coordinate(a, x, locale)
        } else {
          category = coordinate(a, x, locale)
          value = coordinate(b, y, locale)
        }
      } else {
        category = text(categoryAxis?.data?.[i]) || text(obj?.name) || String(i + 1)
        value = typeof raw === 'number' ? number(raw, locale) : text(raw)
      }
      rows.push({ series: text(s.name), category, value, sample: obj?.sample === true })
    })
  }
  return { unit: text(valueAxis?.name), rows }
}

/** A name for the chart: its title, else the names of its series. */
export function chartTitle(option: EChartsOption): string {
  const title = firstAxis(option.title as unknown) as { text?: unknown } | null
  if (title?.text) return text(title.text)
  const names = asArray(option.series as unknown[] | undefined).map((s) => text((s as { name?: unknown })?.name))
  return [...new Set(names.filter(Boolean))].join(' / ')
}

/**
 * The narrowest width at which the chart stays readable: a chart with a wide label column (the
 * Gantt's project names) keeps 320 px for its plot and scrolls sideways on a phone; others shrink.
 */
export function chartMinWidth(option: EChartsOption): number {
  const grid = firstAxis(option.grid as unknown) as { left?: unknown; right?: unknown } | null
  const left = typeof grid?.left === 'number' ? grid.left : 0
  const right = typeof grid?.right === 'number' ? grid.right : 0
  return left >= 160 ? left + right + 320 : 0
}
