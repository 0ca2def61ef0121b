// The projects' milestones as a Gantt chart (ECharts custom series): for each project a grey bar
// from its first to its last planned milestone, a bar over the milestones actually reached (blue;
// red when the project is late — a milestone is overdue now; amber when it is delayed — finished a
// milestone after plan), and a diamond per milestone: hollow for a planned date (red-rimmed when
// overdue), filled for a reached one (amber when reached after plan). Late projects have their
// names in red, delayed ones in amber. Milestones without a date are not drawn. Sample milestones
// (and a bar all of whose milestones are sample) are drawn dashed and paler: the 示例 mark.
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts'
import { tooltipLines } from '../format/html'
import { periodStart } from '../format/period'
import { noteText, type NoteText } from '../format/fact'

export interface GanttMilestone {
  kind: string
  planned: string | null
  actual: string | null
  /** The planned date has passed by as-of and the milestone was not reached. */
  overdue: boolean
  /** Days overdue at as-of (overdue milestones). */
  overdue_days?: number | null
  /** Days reached after the planned date (0: on time or early; null: not reached or no plan). */
  delay_days: number | null
  sample?: boolean
  note?: NoteText
}

export interface GanttProject {
  id: string
  name: string
  /** A milestone is overdue now (滞后). */
  late: boolean
  /** Not late, but a milestone was reached after plan (延期完成). */
  delayed?: boolean
  sample?: boolean
  milestones: GanttMilestone[]
}

export interface GanttLabels {
  planned: string
  actual: string
  /** Legend of overdue planned milestones. */
  late: string
  /** Legend of milestones reached after plan. */
  delayed: string
  asOf: string
  sample: string
  kind: (kind: string) => string
  /** "已逾期 {n} 天" */
  overdueDays: (days: number) => string
  /** "晚于计划 {n} 天" */
  delayDays: (days: number) => string
}

export interface GanttInput {
  projects: GanttProject[]
  /** YYYY-MM-DD: the date the chart is read at (a vertical line). */
  asOf: string
  labels: GanttLabels
  /** The page's language: milestone notes in the tooltip are shown in it (zh-CN when absent). */
  locale?: string
}

export const GANTT_COLOURS = { planned: '#c0c4cc', actual: '#1d4ed8', late: '#f56c6c', delayed: '#e6a23c', asOf: '#606266' }

/** How a bar or point is coloured: 0 normal, 1 late (red), 2 delayed (amber). */
export type GanttTone = 0 | 1 | 2

/** A bar: [row, start, end, track (0 planned, 1 actual), tone, sample (1: every milestone under it is sample)]. */
export type GanttBar = [number, number, number, 0 | 1, GanttTone, 0 | 1]

export interface GanttPoint {
  value: [number, number]
  track: 0 | 1
  /** Planned track: overdue → 1; actual track: reached after plan → 2; else 0. */
  tone: GanttTone
  /** Days overdue (tone 1) or late (tone 2); 0 otherwise. */
  days: number
  kind: string
  date: string
  project: string
  sample: boolean
  note: NoteText
}

export interface GanttData {
  bars: GanttBar[]
  points: GanttPoint[]
  /** The time range to show: every date at least a month inside it, on half-year boundaries. */
  min: number | null
  max: number | null
}

const MONTH = 31 * 24 * 3600 * 1000

function projectTone(p: GanttProject): GanttTone {
  if (p.late) return 1
  return p.delayed ? 2 : 0
}

function pointTone(m: GanttMilestone, track: 0 | 1): GanttTone {
  if (track === 0) return m.overdue ? 1 : 0
  return (m.delay_days ?? 0) > 0 ? 2 : 0
}

/** The bars and points of the chart; rows follow the order of `projects`. */
export function ganttData(projects: GanttProject[], asOf: string): GanttData {
  const bars: GanttBar[] = []
  const points: GanttPoint[] = []
  const all: number[] = []
  projects.forEach((p, row) => {
    for (const track of [0, 1] as const) {
      const dates: number[] = []
      let allSample = true
      for (const m of p.milestones) {
        const date = track === 0 ? m.planned : m.actual
        const t = periodStart(date)
        if (t === null || !date) continue
        dates.push(t)
        allSample = allSample && !!m.sample
        const tone = pointTone(m, track)
        points.push({
          value: [t, row],
          track,
          tone,
          days: tone === 1 ? (m.overdue_days ?? 0) : tone === 2 ? (m.delay_days ?? 0) : 0,
          kind: m.kind,
          date,
          project: p.name,
          sample: !!m.sample,
          note: m.note ?? null,
        })
      }
      if (!dates.length) continue
      all.push(...dates)
      bars.push([row, Math.min(...dates), Math.max(...dates), track, track === 1 ? projectTone(p) : 0, allSample ? 1 : 0])
    }
  })
  const asOfTime = periodStart(asOf)
  if (asOfTime !== null && all.length) all.push(asOfTime)
  const range = ganttRange(all)
  return { bars, points, min: range?.min ?? null, max: range?.max ?? null }
}

/** The first day (UTC) of the half-year that holds `t`. */
function halfYearFloor(t: number): number {
  const d = new Date(t)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() < 6 ? 0 : 6, 1)
}

/**
 * The time axis for these dates: from the start of the half-year a month before the earliest one
 * (a milestone signed 2020-06-23 opens the axis at 2020-01-01, clear of the left edge) to the end
 * of the half-year a month after the latest; null when there are no dates.
 */
export function ganttRange(times: number[]): { min: number; max: number } | null {
  if (!times.length) return null
  const min = halfYearFloor(Math.min(...times) - MONTH)
  const last = halfYearFloor(Math.max(...times) + MONTH)
  const d = new Date(last)
  return { min, max: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 6, 1) }
}

function toneColour(tone: number, normal: string): string {
  if (tone === 1) return GANTT_COLOURS.late
  return tone === 2 ? GANTT_COLOURS.delayed : normal
}

/** Draws one bar: planned above the row's centre line, actual below it. */
export function renderGanttBar(_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const row = api.value(0) as number
  const start = api.coord([api.value(1), row])
  const end = api.coord([api.value(2), row])
  const band = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 30
  const height = Math.max(4, band * 0.22)
  const track = api.value(3) as number
  const tone = api.value(4) as number
  const y = track === 0 ? start[1] - height - 1 : start[1] + 1
  const fill = track === 0 ? GANTT_COLOURS.planned : toneColour(tone, GANTT_COLOURS.actual)
  const sample = api.value(5) === 1
  return {
    type: 'rect',
    shape: { x: start[0], y, width: Math.max(end[0] - start[0], 3), height },
    style: sample ? { fill, opacity: 0.45, stroke: fill, lineWidth: 1, lineDash: [4, 2] } : { fill },
  }
}

/** Pixel height that fits `rows` projects. */
export function ganttHeight(rows: number): number {
  return Math.max(160, rows * 34 + 90)
}

/** The note a point's tooltip adds: how many days overdue or late. */
function daysNote(p: GanttPoint, labels: GanttLabels): string {
  if (p.tone === 1) return labels.overdueDays(p.days)
  return p.tone === 2 ? labels.delayDays(p.days) : ''
}

export function buildGanttOption(input: GanttInput): EChartsOption {
  const { projects, labels } = input
  const data = ganttData(projects, input.asOf)
  const asOfTime = periodStart(input.asOf)
  const tones = projects.map(projectTone)
  const plannedPoint = (p: GanttPoint) => ({
    ...p,
    itemStyle: { color: '#fff', borderColor: toneColour(p.tone, GANTT_COLOURS.planned), borderWidth: 2, borderType: p.sample ? ('dashed' as const) : ('solid' as const) },
  })
  // A reached sample milestone: pale fill, dashed rim.
  const actualPoint = (p: GanttPoint) => {
    if (!p.sample) return p
    const colour = toneColour(p.tone, GANTT_COLOURS.actual)
    return { ...p, itemStyle: { color: colour, opacity: 0.55, borderColor: colour, borderWidth: 1.5, borderType: 'dashed' as const } }
  }
  return {
    grid: { left: 240, right: 96, top: 36, bottom: 40 },
    legend: { bottom: 4, data: [labels.planned, labels.actual, labels.delayed, labels.late] },
    tooltip: {
      trigger: 'item',
      confine: true, // long names stay inside the chart
      formatter: (params) => {
        const one = Array.isArray(params) ? params[0] : params
        const p = one.data as GanttPoint | GanttBar
        if (Array.isArray(p)) return tooltipLines([projects[p[0]]?.name])
        const what = `${labels.kind(p.kind)} · ${p.track === 0 ? labels.planned : labels.actual} ${p.date}`
        const extra = [daysNote(p, labels), p.sample ? labels.sample : '', noteText(p.note, input.locale ?? 'zh-CN')].filter(Boolean).join(' · ')
        return tooltipLines([p.project, what, extra])
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
        formatter: (value: string, index: number) => (tones[index] === 1 ? `{late|${value}}` : tones[index] === 2 ? `{delayed|${value}}` : value),
        rich: { late: { color: GANTT_COLOURS.late, fontWeight: 'bold' }, delayed: { color: GANTT_COLOURS.delayed, fontWeight: 'bold' } },
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
        data: data.points.filter((p) => p.track === 0 && p.tone !== 1).map(plannedPoint),
      },
      {
        name: labels.late,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 10,
        symbolOffset: [0, -6],
        itemStyle: { color: GANTT_COLOURS.late },
        data: data.points.filter((p) => p.track === 0 && p.tone === 1).map(plannedPoint),
      },
      {
        name: labels.delayed,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 10,
        symbolOffset: [0, 6],
        itemStyle: { color: GANTT_COLOURS.delayed },
        data: data.points.filter((p) => p.track === 1 && p.tone === 2).map(actualPoint),
      },
      {
        name: labels.actual,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 10,
        symbolOffset: [0, 6],
        itemStyle: { color: GANTT_COLOURS.actual },
        data: data.points.filter((p) => p.track === 1 && p.tone !== 2).map(actualPoint),
      },
    ],
  }
}
