// Expected output of the projects summed by status (the furthest milestone reached), in the order
// of the pipeline: planned → signed → started → commissioned → full production.
import type { EChartsOption } from 'echarts'
import { tooltipLines } from '../format/html'
import { formatMoney, moneyScale, scaled } from '../format/money'
import { formatMoneyIn, moneyMagnitude } from '../format/units'

export const PIPELINE_ORDER = ['planned', 'signed', 'started', 'commissioned', 'full-production']
export const PIPELINE_COLOURS: Record<string, string> = {
  planned: '#c0c4cc',
  signed: '#93b8f5',
  started: '#4a85e8',
  commissioned: '#1d4ed8',
  'full-production': '#0f766e',
}

export interface SummaryRow {
  status: string
  projects: number
  expected_output: number | null
  /** Some project counted here has its status from sample milestones only: hatched bar. */
  sample?: boolean
}

/** The hatching of a bar that rests on sample data (the chart's 示例 mark). */
export const SAMPLE_DECAL = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4, color: 'rgba(255, 255, 255, 0.6)' }

export interface SummaryLabels {
  status: (s: string) => string
  expectedOutput: string
  projects: (n: number) => string
  /** The sample mark (示例), added to a sample bar's tooltip. */
  sample?: string
}

/** Rows in pipeline order; statuses the app does not know go last. */
export function orderSummary<T extends { status: string }>(rows: T[]): T[] {
  const rank = (s: string) => {
    const i = PIPELINE_ORDER.indexOf(s)
    return i < 0 ? PIPELINE_ORDER.length : i
  }
  return [...rows].sort((a, b) => rank(a.status) - rank(b.status))
}

export function buildProjectSummaryOption(rows: SummaryRow[], locale: string, labels: SummaryLabels): EChartsOption {
  const ordered = orderSummary(rows)
  const scale = moneyScale(Math.max(0, ...ordered.map((r) => r.expected_output ?? 0)), locale)
  return {
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    aria: { enabled: true, decal: { show: false } }, // per-bar decals only (sample hatching)
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const one = Array.isArray(p) ? p[0] : p
        const row = ordered[one.dataIndex]
        return tooltipLines([
          labels.status(row.status),
          `${labels.expectedOutput}: ${formatMoney(row.expected_output, locale)}`,
          labels.projects(row.projects),
          row.sample && labels.sample ? labels.sample : '',
        ])
      },
    },
    // The bars are amounts (亿元): each bar is labelled with its amount, the number of projects
    // goes under the status on the axis.
    xAxis: { type: 'category', data: ordered.map((r) => `${labels.status(r.status)}\n${labels.projects(r.projects)}`) },
    yAxis: { type: 'value', name: scale.unit, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        name: labels.expectedOutput,
        type: 'bar',
        barMaxWidth: 48,
        data: ordered.map((r) => ({
          value: scaled(r.expected_output ?? 0, scale),
          itemStyle: { color: PIPELINE_COLOURS[r.status] ?? '#909399', decal: r.sample ? SAMPLE_DECAL : undefined },
        })),
        label: {
          show: true,
          position: 'top',
          formatter: (p) => {
            const v = ordered[p.dataIndex].expected_output
            return v === null || v === undefined ? '—' : formatMoneyIn(v, moneyMagnitude(scale.divisor, locale), locale)
          },
        },
      },
    ],
  }
}
