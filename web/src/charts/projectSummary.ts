// Expected output of the projects summed by status (the furthest milestone reached), in the order
// of the pipeline: planned → signed → started → commissioned → full production.
// Drawn as an SVG (charts/svg.ts, charts/bars.ts); a bar that rests on sample data is hatched.
import { barChart } from './bars'
import type { ChartModel } from './svg'
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

export interface SummaryBar {
  status: string
  /** The axis label: the status, then the number of projects. */
  category: [string, string]
  /** In the axis unit (0 when no project has an expected output). */
  value: number
  /** Over the bar: the amount in the axis unit ("16.8亿元"), "—" when none. */
  label: string
  colour: string
  sample: boolean
  tip: string[]
}

/** The bars in pipeline order and the axis unit. Pure. */
export function summaryBars(rows: SummaryRow[], locale: string, labels: SummaryLabels): { unit: string; bars: SummaryBar[] } {
  const ordered = orderSummary(rows)
  const scale = moneyScale(Math.max(0, ...ordered.map((r) => r.expected_output ?? 0)), locale)
  const bars = ordered.map((r) => ({
    status: r.status,
    category: [labels.status(r.status), labels.projects(r.projects)] as [string, string],
    value: scaled(r.expected_output ?? 0, scale),
    // The bars are amounts (亿元): each bar is labelled with its amount, the number of projects
    // goes under the status on the axis.
    label: r.expected_output === null || r.expected_output === undefined ? '—' : formatMoneyIn(r.expected_output, moneyMagnitude(scale.divisor, locale), locale),
    colour: PIPELINE_COLOURS[r.status] ?? '#909399',
    sample: !!r.sample,
    tip: [
      labels.status(r.status),
      `${labels.expectedOutput}: ${formatMoney(r.expected_output, locale)}`,
      labels.projects(r.projects),
      ...(r.sample && labels.sample ? [labels.sample] : []),
    ],
  }))
  return { unit: scale.unit, bars }
}

export function buildProjectSummaryChart(rows: SummaryRow[], locale: string, labels: SummaryLabels, width: number, height: number): ChartModel {
  const { unit, bars } = summaryBars(rows, locale, labels)
  return barChart(bars, { width, height, margin: { left: 56, right: 16, top: 36, bottom: 40 }, unit, locale, maxBarWidth: 48 }, labels.expectedOutput)
}
