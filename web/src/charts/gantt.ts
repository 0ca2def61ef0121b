// The projects' milestones as a Gantt chart (an SVG: charts/svg.ts): for each project a grey bar
// from its first to its last planned milestone, a bar over the milestones actually reached (blue;
// red when the project is late — a milestone is overdue now; amber when it is delayed — finished a
// milestone after plan), and a diamond per milestone: hollow for a planned date (red-rimmed when
// overdue), filled for a reached one (amber when reached after plan). Late projects have their
// names in red, delayed ones in amber. Milestones without a date are not drawn. Sample milestones
// (and a bar all of whose milestones are sample) are drawn dashed and paler: the 示例 mark.
// A click on a project's row, bar or milestone emits the project's id; a row takes the focus (Tab).
import { scaleLinear } from 'd3-scale'
import { utcMonth, utcYear } from 'd3-time'
import type { ChartTableRow } from './chartTable'
import { diamondPath, fitText, linePath, rectPath, type ChartModel, type LegendItem, type Mark } from './svg'
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

/** Pixel height that fits `rows` projects. */
export function ganttHeight(rows: number): number {
  return Math.max(160, rows * 34 + 90)
}

/** The note a point's tooltip adds: how many days overdue or late. */
function daysNote(p: GanttPoint, labels: GanttLabels): string {
  if (p.tone === 1) return labels.overdueDays(p.days)
  return p.tone === 2 ? labels.delayDays(p.days) : ''
}

/** The plot's margins: the names' column on the left, room for the as-of label on the right. */
export const GANTT_MARGIN = { left: 240, right: 96, top: 36, bottom: 24 }
/** The narrowest plot that stays readable: a wider chart scrolls sideways on a phone. */
export const GANTT_MIN_PLOT = 320

/** A date as the table and the tooltips write it (YYYY-MM-DD, UTC). */
function isoDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10)
}

/** The time axis' labelled ticks (years; every other year when a year is under 56 px) and its grid lines (half-years). */
export function ganttTicks(min: number, max: number, pxPerYear: number): { labels: number[]; grid: number[] } {
  const step = pxPerYear < 56 ? 2 : 1
  const labels = utcYear.every(step)!.range(new Date(min), new Date(max + 1)).map((d) => d.getTime())
  const grid = utcMonth.every(6)!.range(new Date(min), new Date(max + 1)).map((d) => d.getTime())
  return { labels, grid }
}

/** The milestones in the order the legend lists them: planned, late, delayed, actual. */
function tableRows(data: GanttData, labels: GanttLabels, projects: GanttProject[]): ChartTableRow[] {
  const groups: [string, (p: GanttPoint) => boolean][] = [
    [labels.planned, (p) => p.track === 0 && p.tone !== 1],
    [labels.late, (p) => p.track === 0 && p.tone === 1],
    [labels.delayed, (p) => p.track === 1 && p.tone === 2],
    [labels.actual, (p) => p.track === 1 && p.tone !== 2],
  ]
  return groups.flatMap(([series, keep]) =>
    data.points.filter(keep).map((p) => ({ series, category: projects[p.value[1]]?.name ?? p.project, value: isoDate(p.value[0]), sample: p.sample })),
  )
}

export function buildGanttChart(input: GanttInput, width: number, height: number): ChartModel {
  const { projects, labels } = input
  const data = ganttData(projects, input.asOf)
  const asOfTime = periodStart(input.asOf)
  const tones = projects.map(projectTone)
  const M = GANTT_MARGIN
  const w = Math.max(width, M.left + M.right + GANTT_MIN_PLOT)
  const plot = { left: M.left, right: w - M.right, top: M.top, bottom: height - M.bottom }
  const band = projects.length ? (plot.bottom - plot.top) / projects.length : 0
  const cy = (row: number) => plot.top + band * (row + 0.5)
  const marks: Mark[] = []
  const min = data.min ?? 0
  const max = data.max ?? 1
  const x = scaleLinear().domain([min, max]).range([plot.left, plot.right])
  const C = GANTT_COLOURS
  if (data.min !== null && data.max !== null) {
    const ticks = ganttTicks(min, max, (plot.right - plot.left) / ((max - min) / (365.25 * 864e5)))
    for (const t of ticks.grid) marks.push({ kind: 'path', d: linePath(x(t), plot.top, x(t), plot.bottom), stroke: '#e0e6f1', width: 1, dash: '4 3' })
    for (const t of ticks.labels) marks.push({ kind: 'text', x: x(t), y: plot.top - 8, text: String(new Date(t).getUTCFullYear()), anchor: 'middle', align: 'bottom', colour: '#6e7079' })
  }
  marks.push({ kind: 'path', d: linePath(plot.left, plot.top, plot.left, plot.bottom), stroke: '#6e7079', width: 1 })
  projects.forEach((p, row) => {
    // The row: the hover and focus target of the project (its name), the click target of its page.
    marks.push({ kind: 'path', d: rectPath(0, cy(row) - band / 2, w, band), hit: true, tip: [p.name], click: p.id, focus: true })
    const colour = tones[row] === 1 ? C.late : tones[row] === 2 ? C.delayed : '#606266'
    const short = fitText(p.name, M.left - 20)
    marks.push({ kind: 'text', x: plot.left - 8, y: cy(row), text: short, anchor: 'end', colour, bold: tones[row] !== 0, title: short !== p.name ? p.name : undefined })
  })
  const h = Math.max(4, band * 0.22)
  for (const [row, start, end, track, tone, sample] of data.bars) {
    const fill = track === 0 ? C.planned : toneColour(tone, C.actual)
    const y = track === 0 ? cy(row) - h - 1 : cy(row) + 1
    marks.push({
      kind: 'path',
      d: rectPath(x(start), y, Math.max(x(end) - x(start), 3), h),
      fill,
      opacity: sample ? 0.45 : undefined,
      stroke: sample ? fill : undefined,
      width: sample ? 1 : undefined,
      dash: sample ? '4 2' : undefined,
      sample: sample === 1,
      tip: [projects[row]?.name ?? ''],
      click: projects[row]?.id,
    })
  }
  for (const p of data.points) {
    const what = `${labels.kind(p.kind)} · ${p.track === 0 ? labels.planned : labels.actual} ${p.date}`
    const extra = [daysNote(p, labels), p.sample ? labels.sample : '', noteText(p.note, input.locale ?? 'zh-CN')].filter(Boolean).join(' · ')
    const tip = [p.project, what, ...(extra ? [extra] : [])]
    const px = x(p.value[0])
    const click = projects[p.value[1]]?.id
    if (p.track === 0) {
      // A planned date: hollow, red-rimmed when overdue; dashed rim when sample.
      marks.push({ kind: 'path', d: diamondPath(px, cy(p.value[1]) - 6, 10), fill: '#fff', stroke: toneColour(p.tone, C.planned), width: 2, dash: p.sample ? '2 1.5' : undefined, sample: p.sample, tip, click })
    } else {
      // A reached date: filled, amber when after plan; a sample one pale with a dashed rim.
      const colour = toneColour(p.tone, C.actual)
      marks.push({
        kind: 'path',
        d: diamondPath(px, cy(p.value[1]) + 6, 10),
        fill: colour,
        opacity: p.sample ? 0.55 : undefined,
        stroke: p.sample ? colour : undefined,
        width: p.sample ? 1.5 : undefined,
        dash: p.sample ? '2 1.5' : undefined,
        sample: p.sample,
        tip,
        click,
      })
    }
  }
  if (asOfTime !== null && data.min !== null && asOfTime >= min && asOfTime <= max) {
    const ax = x(asOfTime)
    marks.push({ kind: 'path', d: linePath(ax, plot.top, ax, plot.bottom), stroke: C.asOf, width: 1.5 })
    marks.push({ kind: 'text', x: ax, y: plot.bottom + 6, text: `${labels.asOf} ${input.asOf}`, anchor: 'middle', align: 'top', colour: C.asOf })
  }
  const legend: LegendItem[] = [
    { label: labels.planned, colour: C.planned, symbol: 'hollow-diamond' },
    { label: labels.actual, colour: C.actual, symbol: 'rect' },
    { label: labels.delayed, colour: C.delayed, symbol: 'diamond' },
    { label: labels.late, colour: C.late, symbol: 'hollow-diamond' },
  ]
  return {
    width: w,
    height,
    marks,
    legend,
    legendAt: 'bottom',
    table: { unit: '', rows: tableRows(data, labels, projects) },
    title: legend.map((l) => l.label).join(' / '),
  }
}
