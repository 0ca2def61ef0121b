// An enterprise's figure (output value, revenue, employees …) by year as bars. A year with fewer
// than 12 months of figures is drawn lighter and labelled with its months; sample values are named
// in the tooltip.
import type { EChartsOption } from 'echarts'
import { tooltipLines } from '../format/html'
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

export function buildFigureOption(input: FigureChartInput): EChartsOption {
  const rows = [...input.annual].sort((a, b) => a.year - b.year)
  const scale =
    input.unit === 'yuan' ? moneyScale(Math.max(0, ...rows.map((r) => r.value)), input.locale) : { divisor: 1, unit: input.labels.countUnit }
  const data = rows.map((r) => {
    const partial = r.months > 0 && r.months < 12
    return {
      value: scaled(r.value, scale),
      itemStyle: { color: FIGURE_COLOUR, opacity: partial ? 0.45 : 1, decal: r.sample ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 } : undefined },
      label: partial ? { show: true, position: 'top' as const, formatter: input.labels.months(r.months), fontSize: 11 } : undefined,
      months: r.months,
      sample: r.sample,
    }
  })
  return {
    aria: { enabled: true, decal: { show: false } },
    grid: { left: 64, right: 20, top: 36, bottom: 30 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const one = Array.isArray(p) ? p[0] : p
        const d = one.data as { value: number; months: number; sample: boolean }
        const parts = [`${one.name}: ${formatValue(d.value * scale.divisor, input.unit, input.locale)}`]
        if (d.months > 0 && d.months < 12) parts.push(input.labels.months(d.months))
        if (d.sample) parts.push(input.labels.sample)
        return tooltipLines([parts.join(' · ')])
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
    yAxis: { type: 'value', name: scale.unit, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [{ name: input.labels.name, type: 'bar', data, barMaxWidth: 36 }],
  }
}
