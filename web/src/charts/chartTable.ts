// What a chart shows, as rows of a plain table: the text alternative under every chart (screen
// readers, keyboard users, anyone who wants the numbers). Each chart's builder lists the rows of
// its own model (charts/svg.ts), from the same values it draws, so the table cannot drift from the
// picture. The cells are plain strings; components/SvgChart.vue renders them as text.

import { formatNumber } from '../format/number'

export interface ChartTableRow {
  series: string
  category: string
  value: string
  sample: boolean
}

export interface ChartTable {
  /** The value's unit (e.g. 亿元), '' when there is none. */
  unit: string
  rows: ChartTableRow[]
}

/** A number as the table writes it: grouped, at most two decimals, in the page's language. */
export function tableNumber(v: number, locale: string): string {
  return formatNumber(v, locale, 2)
}
