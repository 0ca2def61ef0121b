// An enterprise's figure (output value, revenue, employees …) by year as bars. A year with fewer
// than 12 months of figures is drawn lighter and labelled with its months; sample values are
// hatched and named in the tooltip. Drawn as an SVG (charts/svg.ts, charts/bars.ts).
import { barChart } from './bars'
import type { ChartModel } from './svg'
import { formatValue, moneyScale, scaled } from '../format/money'

export interface FigureChartLabels {
  name: string
  /** "{n} 个月" / "{n} months" already applied by the caller: months → text. */
  months: (n: number) => string
  sample: string
  countUnit: string
}

export interface FigureChartInput {
  unit: string
  annual: { year: number; value: number; months: number; sample: boolean }[]
  locale: string
  labels: FigureChartLabels
}

export const FIGURE_COLOUR = '#1d4ed8'

export interface FigureBar {
  year: number
  /** In the axis unit. */
  value: number
  months: number
  partial: boolean
  sample: boolean
  /** "2023: 15亿元 · 9 个月 · 示例" */
  tip: string
}

/** The bars in year order, in the axis unit, and the unit. Pure. */
export function figureBars(input: FigureChartInput): { unit: string; bars: FigureBar[] } {
  const rows = [...input.annual].sort((a, b) => a.year - b.year)
  const scale =
    input.unit === 'yuan' ? moneyScale(Math.max(0, ...rows.map((r) => r.value)), input.locale) : { divisor: 1, unit: input.labels.countUnit }
  const bars = rows.map((r) => {
    const partial = r.months > 0 && r.months < 12
    const value = scaled(r.value, scale)
    const parts = [`${r.year}: ${formatValue(value * scale.divisor, input.unit, input.locale)}`]
    if (partial) parts.push(input.labels.months(r.months))
    if (r.sample) parts.push(input.labels.sample)
    return { year: r.year, value, months: r.months, partial, sample: r.sample, tip: parts.join(' · ') }
  })
  return { unit: scale.unit, bars }
}

export function buildFigureChart(input: FigureChartInput, width: number, height: number): ChartModel {
  const { unit, bars } = figureBars(input)
  return barChart(
    bars.map((b) => ({
      category: [String(b.year)],
      value: b.value,
      colour: FIGURE_COLOUR,
      opacity: b.partial ? 0.45 : 1,
      sample: b.sample,
      label: b.partial ? input.labels.months(b.months) : '',
      tip: [b.tip],
    })),
    { width, height, margin: { left: 64, right: 20, top: 36, bottom: 30 }, unit, locale: input.locale, maxBarWidth: 36 },
    input.labels.name,
  )
}
