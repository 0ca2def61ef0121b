// The model every chart of the app is drawn from: pure geometry in pixels (paths, lines, texts)
// built by a chart's builder (trajectory.ts, figures.ts, projectSummary.ts, gantt.ts, countyMap.ts)
// for a given width, and drawn by components/SvgChart.vue as an SVG through a Vue template. The
// maths comes from small d3 modules (scales, ticks, shapes); there is no chart library, so a chart
// page loads a few kilobytes of chart code instead of ECharts (docs/performance.md, "Charts in
// SVG"). Texts are plain strings: the template puts them in as text, tooltips included, so a
// hostile name shows as its characters and never runs.
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import type { ChartTable } from './chartTable'

/** A shape: an SVG path (lines, bars, symbols and map regions alike). */
export interface PathMark {
  kind: 'path'
  d: string
  fill?: string
  stroke?: string
  width?: number
  /** stroke-dasharray, e.g. "6 4"; a sample mark is drawn dashed. */
  dash?: string
  opacity?: number
  /** Hatched over its fill: the 示例 mark of a bar that rests on sample data. */
  hatch?: boolean
  /** Lines of the tooltip shown on hover (and on focus when `focus`). */
  tip?: string[]
  /** Takes the keyboard focus (Tab) and shows its tooltip then; Enter clicks it. */
  focus?: boolean
  /** What a click on it emits (a county's or project's id). */
  click?: string
  /** An invisible hit area (a year's column, a Gantt row): hover target only. */
  hit?: boolean
  /** data-sample-mark="true" on the element: the shape rests on sample data (drawn dashed, pale or hatched). */
  sample?: boolean
}

export interface TextMark {
  kind: 'text'
  x: number
  y: number
  text: string
  anchor?: 'start' | 'middle' | 'end'
  /** Vertical alignment: middle (default), top (hanging) or bottom (baseline above y). */
  align?: 'middle' | 'top' | 'bottom'
  colour?: string
  size?: number
  bold?: boolean
  /** A white outline around the letters (labels on a map). */
  halo?: boolean
  /** The full text when `text` is shortened (SVG <title>). */
  title?: string
}

export type Mark = PathMark | TextMark

/** A legend entry: a small symbol and its name. */
export interface LegendItem {
  label: string
  colour: string
  /** box / dashed-box: an outlined box (the chain graph's links) filled with this colour. */
  symbol: 'line' | 'dash' | 'circle' | 'hollow' | 'diamond' | 'hollow-diamond' | 'rect' | 'pin' | 'box' | 'dashed-box'
  fill?: string
}

export interface ChartModel {
  /** The drawing's size in pixels (at least the chart's readable width: wider scrolls sideways). */
  width: number
  height: number
  marks: Mark[]
  legend: LegendItem[]
  /** Where the legend goes (top: above the plot, bottom: below it). */
  legendAt?: 'top' | 'bottom'
  /** A colour ramp (the map's), low → high, with its end labels and caption. */
  ramp?: { colours: string[]; low: string; high: string; caption: string }
  /** The text alternative: the data as rows of a table. */
  table: ChartTable
  /** The chart's name (its series), for the aria-label. */
  title: string
}

export interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** Rounds to 0.1 px: shorter paths, same picture. */
export const r1 = (v: number) => Math.round(v * 10) / 10

/** A number as the chart's axes write it: grouped, at most two decimals. */
export function axisNumber(v: number, locale: string): string {
  return v.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 })
}

/** A value axis from 0 (or below, for negatives) to a nice maximum, with about `count` ticks. */
export function valueScale(values: number[], y0: number, y1: number, count = 5): ScaleLinear<number, number> {
  const max = Math.max(0, ...values.filter(Number.isFinite))
  const min = Math.min(0, ...values.filter(Number.isFinite))
  return scaleLinear()
    .domain([min, max > min ? max : min + 1])
    .range([y0, y1])
    .nice(count)
}

/** A rectangle as a path. */
export function rectPath(x: number, y: number, w: number, h: number): string {
  return `M${r1(x)},${r1(y)}h${r1(w)}v${r1(h)}h${r1(-w)}Z`
}

/** A horizontal or vertical line as a path. */
export function linePath(x1: number, y1: number, x2: number, y2: number): string {
  return `M${r1(x1)},${r1(y1)}L${r1(x2)},${r1(y2)}`
}

/** A diamond centred on (x, y), `size` px across. */
export function diamondPath(x: number, y: number, size: number): string {
  const h = size / 2
  return `M${r1(x)},${r1(y - h)}L${r1(x + h)},${r1(y)}L${r1(x)},${r1(y + h)}L${r1(x - h)},${r1(y)}Z`
}

/** A circle centred on (x, y) of radius `r`. */
export function circlePath(x: number, y: number, r: number): string {
  return `M${r1(x - r)},${r1(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`
}

/** A map pin whose tip is at (x, y), `size` px tall. */
export function pinPath(x: number, y: number, size: number): string {
  const r = size * 0.32
  const cy = y - size + r
  return `M${r1(x)},${r1(y)}C${r1(x - r * 0.4)},${r1(cy + r * 1.2)} ${r1(x - r)},${r1(cy + r * 0.8)} ${r1(x - r)},${r1(cy)}A${r1(r)},${r1(r)} 0 1,1 ${r1(x + r)},${r1(cy)}C${r1(x + r)},${r1(cy + r * 0.8)} ${r1(x + r * 0.4)},${r1(cy + r * 1.2)} ${r1(x)},${r1(y)}Z`
}

/** About how wide `text` is at `size` px: CJK characters a full em, others ~0.58 em. */
export function textWidth(text: string, size = 12): number {
  let w = 0
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? size : size * 0.58
  return w
}

/** `text` shortened with … to fit `width` px at `size` px. */
export function fitText(text: string, width: number, size = 12): string {
  if (textWidth(text, size) <= width) return text
  let out = ''
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break
    out += ch
  }
  return `${out}…`
}

/**
 * The marks of a value axis on the left (ticks' labels and dashed grid lines) and a category or
 * time axis line at the bottom, within `plot`; `unit` above the value axis.
 */
export function valueAxisMarks(y: ScaleLinear<number, number>, plot: Box, unit: string, locale: string): Mark[] {
  const marks: Mark[] = []
  for (const t of y.ticks(5)) {
    const py = y(t)
    marks.push({ kind: 'path', d: linePath(plot.left, py, plot.right, py), stroke: t === 0 ? '#6e7079' : '#e0e6f1', width: 1, dash: t === 0 ? undefined : '4 3' })
    marks.push({ kind: 'text', x: plot.left - 8, y: py, text: axisNumber(t, locale), anchor: 'end', colour: '#6e7079' })
  }
  if (unit) marks.push({ kind: 'text', x: Math.max(plot.left, textWidth(unit) / 2 + 2), y: plot.top - 14, text: unit, anchor: 'middle', align: 'bottom', colour: '#6e7079' })
  return marks
}
