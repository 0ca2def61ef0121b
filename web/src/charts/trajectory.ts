// The trajectory of a target: baseline → the indicator's value for each year → the goal at the
// deadline, with the plan's required path as a dashed line. Partial years (a running year read
// from year-to-date figures) are hollow points with their months as a label.
import type { EChartsOption } from 'echarts'
import { formatPeriod } from '../format/period'
import { formatValue, moneyScale, scaled, type MoneyScale } from '../format/money'

export interface TrajectoryLabels {
  actual: string
  requiredPath: string
  goal: string
  baseline: string
  partial: string
  /** Legend name of the partial-year points, e.g. "年内累计". */
  partialSeries: string
  /** Axis unit of counts, e.g. "个" (may be ""). */
  countUnit: string
}

export interface TrajectoryInput {
  unit: string
  goal: number
  deadline: number
  baseline: { value: number; period: string } | null
  series: { period: string; year: number; value: number; complete: boolean; sample?: boolean }[]
  requiredPath: { year: number; value: number }[]
  locale: string
  labels: TrajectoryLabels
}

export const TRAJECTORY_COLOURS = { actual: '#1d4ed8', path: '#909399', goal: '#f56c6c', baseline: '#0f766e' }

/** The years on the x axis: from the first known year to the later of the deadline and the data. */
export function trajectoryYears(input: Pick<TrajectoryInput, 'deadline' | 'baseline' | 'series' | 'requiredPath'>): number[] {
  const years = [
    input.deadline,
    ...input.series.map((s) => s.year),
    ...input.requiredPath.map((p) => p.year),
  ]
  const baselineYear = input.baseline ? Number.parseInt(input.baseline.period, 10) : NaN
  if (!Number.isNaN(baselineYear)) years.push(baselineYear)
  const first = Math.min(...years)
  const last = Math.max(...years)
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

function scaleFor(input: TrajectoryInput): MoneyScale {
  if (input.unit !== 'yuan') return { divisor: 1, unit: input.labels.countUnit }
  const max = Math.max(input.goal, input.baseline?.value ?? 0, ...input.series.map((s) => s.value))
  return moneyScale(max, input.locale)
}

export function buildTrajectoryOption(input: TrajectoryInput): EChartsOption {
  const years = trajectoryYears(input)
  const scale = scaleFor(input)
  const index = (year: number) => years.indexOf(year)
  const fmt = (v: number) => formatValue(v * scale.divisor, input.unit, input.locale)

  const actual: unknown[] = years.map(() => null)
  // The baseline is a marker of its own (the plan's figure); it also starts the line when the
  // series has no value for the baseline year.
  const baselineData: (number | null)[] = years.map(() => null)
  const baselineYear = input.baseline ? Number.parseInt(input.baseline.period, 10) : NaN
  const hasBaseline = !!input.baseline && !Number.isNaN(baselineYear)
  if (input.baseline && hasBaseline) {
    const v = scaled(input.baseline.value, scale)
    baselineData[index(baselineYear)] = v
    if (!input.series.some((s) => s.year === baselineYear && s.complete)) {
      actual[index(baselineYear)] = { value: v, name: input.labels.baseline }
    }
  }
  // A partial year (year to date) is not comparable with whole years: it gets its own hollow
  // point, labelled with its months, and is not joined to the line of complete years.
  const partial: unknown[] = years.map(() => null)
  for (const s of input.series) {
    const i = index(s.year)
    if (i < 0) continue
    if (s.complete) {
      actual[i] = { value: scaled(s.value, scale), name: formatPeriod(s.period, input.locale) }
    } else {
      partial[i] = {
        value: scaled(s.value, scale),
        name: formatPeriod(s.period, input.locale) + input.labels.partial,
        label: { show: true, position: 'top', formatter: formatPeriod(s.period, input.locale), fontSize: 11, color: '#606266' },
      }
    }
  }
  const hasPartial = partial.some((p) => p !== null)

  const path: (number | null)[] = years.map(() => null)
  for (const p of input.requiredPath) {
    const i = index(p.year)
    if (i >= 0) path[i] = scaled(p.value, scale)
  }

  const goalData: (number | null)[] = years.map(() => null)
  goalData[index(input.deadline)] = scaled(input.goal, scale)

  return {
    color: [TRAJECTORY_COLOURS.actual, TRAJECTORY_COLOURS.path, TRAJECTORY_COLOURS.goal, TRAJECTORY_COLOURS.baseline],
    grid: { left: 64, right: 72, top: 48, bottom: 36 },
    legend: {
      top: 4,
      data: [
        input.labels.actual,
        input.labels.requiredPath,
        input.labels.goal,
        ...(hasBaseline ? [input.labels.baseline] : []),
        ...(hasPartial ? [input.labels.partialSeries] : []),
      ],
    },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : '—') },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: scale.unit, min: 0, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        name: input.labels.actual,
        type: 'line',
        data: actual as never,
        connectNulls: true,
        symbolSize: 8,
        lineStyle: { width: 3 },
      },
      {
        name: input.labels.requiredPath,
        type: 'line',
        data: path,
        connectNulls: true,
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 2 },
      },
      {
        name: input.labels.goal,
        type: 'scatter',
        data: goalData,
        symbol: 'pin',
        symbolSize: 30,
        label: { show: true, position: 'right', formatter: () => fmt(scaled(input.goal, scale)), color: TRAJECTORY_COLOURS.goal },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dotted', color: TRAJECTORY_COLOURS.goal },
          label: { show: false },
          data: [{ yAxis: scaled(input.goal, scale) }],
        },
      },
      ...(hasBaseline
        ? [
            {
              name: input.labels.baseline,
              type: 'scatter' as const,
              data: baselineData,
              symbol: 'diamond',
              symbolSize: 13,
              z: 5,
              itemStyle: { color: TRAJECTORY_COLOURS.baseline },
            },
          ]
        : []),
      ...(hasPartial
        ? [
            {
              name: input.labels.partialSeries,
              type: 'scatter' as const,
              data: partial as never,
              symbol: 'emptyCircle',
              symbolSize: 11,
              itemStyle: { color: TRAJECTORY_COLOURS.actual, borderType: 'dashed' as const },
            },
          ]
        : []),
    ],
  }
}
