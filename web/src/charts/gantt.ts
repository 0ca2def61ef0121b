// The projects' milestones as a Gantt chart (ECharts custom series): for each project a grey bar
// from its first to its last planned milestone, a blue bar over the milestones actually reached
// (red when the project is late), and a diamond per milestone (hollow: planned, filled: reached,
// red: late). Late projects have their names in red. Milestones without a date are not drawn.
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts'
import { periodStart } from '../format/period'

export interface GanttMilestone {
  kind: string
  planned: string | null
  actual: string | null
  late: boolean
  sample?: boolean
  note?: string
}

export interface GanttProject {
  id: string
  name: string
  late: boolean
  sample?: boolean
  milestones: GanttMilestone[]
}

export interface GanttLabels {
  planned: string
  actual: string
  late: string
  asOf: string
  sample: string
  kind: (kind: string) => string
}

export interface GanttInput {
  projects: GanttProject[]
  /** YYYY-MM-DD: the date the chart is read at (a vertical line). */
  asOf: string
  labels: GanttLabels
}

export const GANTT_COLOURS = { planned: '#c0c4cc', actual: '#1d4ed8', late: '#f56c6c', asOf: '#e6a23c' }

/** A bar: [row, start, end, track (0 planned, 1 actual), late (0/1)]. */
export type GanttBar = [number, number, number, 0 | 1, 0 | 1]

export interface GanttPoint {
  value: [number, number]
  track: 0 | 1
  late: boolean
  kind: string
  date: string
  project: string
  sample: boolean
  note: string
}

export interface GanttData {
  bars: GanttBar[]
  points: GanttPoint[]
  /** The time range to show, padded by a month on each side. */
  min: number | null
  max: number | null
}

const MONTH = 31 * 24 * 3600 * 1000

/** The bars and points of the chart; rows follow the order of `projects`. */
export function ganttData(projects: GanttProject[], asOf: string): GanttData {
  const bars: GanttBar[] = []
  const points: GanttPoint[] = []
  const all: number[] = []
  projects.forEach((p, row) => {
    for (const track of [0, 1] as const) {
      const dates: number[] = []
      for (const m of p.milestones) {
        const date = track === 0 ? m.planned : m.actual
        const t = periodStart(date)
        if (t === null || !date) continue
        dates.push(t)
        points.push({
          value: [t, row],
          track,
          late: m.late,
          kind: m.kind,
          date,
          project: p.name,
          sample: !!m.sample,
          note: m.note ?? '',
        })
      }
      if (!dates.length) continue
      all.push(...dates)
      bars.push([row, Math.min(...dates), Math.max(...dates), track, track === 1 && p.late ? 1 : 0])
    }
  })
  const asOfTime = periodStart(asOf)
  if (asOfTime !== null && all.length) all.push(asOfTime)
  return {
    bars,
    points,
    min: all.length ? Math.min(...all) - MONTH : null,
    max: all.length ? Math.max(...all) + MONTH : null,
  }
}

/** Draws one bar: planned above the row's centre line, actual below it. */
export function renderGanttBar(_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const row = api.value(0) as number
  const start = api.coord([api.value(1), row])
  const end = api.coord([api.value(2), row])
  const band = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 30
  const height = Math.max(4, band * 0.22)
  const track = api.value(3) as number
  const late = api.value(4) as number
  const y = track === 0 ? start[1] - height - 1 : start[1] + 1
  const fill = track === 0 ? GANTT_COLOURS.planned : late ? GANTT_COLOURS.late : GANTT_COLOURS.actual
  return {
    type: 'rect',
    shape: { x: start[0], y, width: Math.max(end[0] - start[0], 3), height },
    style: { fill },
  }
}

/** Pixel height that fits `rows` projects. */
export function ganttHeight(rows: number): number {
  return Math.max(160, rows * 34 + 90)
}

function pointColour(p: GanttPoint): string {
  if (p.late) return GANTT_COLOURS.late
  return p.track === 0 ? GANTT_COLOURS.planned : GANTT_COLOURS.actual
}

export function buildGanttOption(input: GanttInput): EChartsOption {
  const { projects, labels } = input
  const data = ganttData(projects, input.asOf)
  const asOfTime = periodStart(input.asOf)
  const late = projects.map((p) => p.late)
  return {
    grid: { left: 240, right: 96, top: 36, bottom: 40 },
    legend: { bottom: 4, data: [labels.planned, labels.actual, labels.late] },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const one = Array.isArray(params) ? params[0] : params
        const p = one.data as GanttPoint | GanttBar
        if (Array.isArray(p)) return projects[p[0]]?.name ?? ''
        const what = `${labels.kind(p.kind)} · ${p.track === 0 ? labels.planned : labels.actual} ${p.date}`
        const extra = [p.late ? labels.late : '', p.sample ? labels.sample : '', p.note].filter(Boolean).join(' · ')
        return `${p.project}<br/>${what}${extra ? `<br/>${extra}` : ''}`
      },
    },
    xAxis: {
      type: 'time',
      min: data.min ?? undefined,
      max: data.max ?? undefined,
      position: 'top',
      splitLine: { show: true, lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: projects.map((p) => p.name),
      axisTick: { show: false },
      axisLabel: {
        width: 220,
        overflow: 'truncate',
        formatter: (value: string, index: number) => (late[index] ? `{late|${value}}` : value),
        rich: { late: { color: GANTT_COLOURS.late, fontWeight: 'bold' } },
      },
    },
    series: [
      {
        name: labels.actual,
        type: 'custom',
        renderItem: renderGanttBar,
        encode: { x: [1, 2], y: 0 },
        data: data.bars,
        clip: true,
        itemStyle: { color: GANTT_COLOURS.actual },
        markLine:
          asOfTime === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: GANTT_COLOURS.asOf, type: 'solid', width: 1.5 },
                label: { formatter: `${labels.asOf} ${input.asOf}`, position: 'end', color: GANTT_COLOURS.asOf },
                data: [{ xAxis: asOfTime }],
              },
      },
      {
        name: labels.planned,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 10,
        symbolOffset: [0, -6],
        itemStyle: { color: GANTT_COLOURS.planned },
        data: data.points
          .filter((p) => p.track === 0)
          .map((p) => ({ ...p, itemStyle: { color: '#fff', borderColor: pointColour(p), borderWidth: 2 } })),
      },
      {
        name: labels.late,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 10,
        symbolOffset: [0, 6],
        itemStyle: { color: GANTT_COLOURS.late },
        data: data.points.filter((p) => p.track === 1 && p.late),
      },
      {
        name: labels.actual,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 10,
        symbolOffset: [0, 6],
        itemStyle: { color: GANTT_COLOURS.actual },
        data: data.points.filter((p) => p.track === 1 && !p.late),
      },
    ],
  }
}
