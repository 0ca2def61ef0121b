// A target's forecast as a small fan (a sparkline on a dashboard card): the P10–P90 band as an
// area, the P50 as a line, the goal as a dashed level, from the latest figure (when it is a year
// comparable with the fan's) to the deadline. Pure geometry for a width × height box; the card
// draws it as an inline SVG (pages/targets/FanSparkline.vue). The trajectory chart of a target's
// page draws the same band at full size (trajectory.ts).
import { area, line } from 'd3-shape'
import { scaleLinear } from 'd3-scale'
import type { FanPoint } from '../api/client'
import { r1, rectPath } from './svg'

export interface FanInput {
  /** One point a year, by year (GET /forecast `fan`). */
  fan: readonly Pick<FanPoint, 'year' | 'p10' | 'p50' | 'p90'>[]
  goal: number
  /** The latest figure, when it is a whole year before the fan's first: the fan starts from it. */
  anchor?: { year: number; value: number } | null
}

export interface FanGeometry {
  /** The P10–P90 area. */
  band: string
  /** The P50 line. */
  median: string
  /** The goal's level across the box. */
  goal: string
  /** The latest figure's dot, when the fan starts from one. */
  anchor: { x: number; y: number } | null
  /** The deadline's P50 as a dot at the right end. */
  end: { x: number; y: number }
}

/** The years the fan is drawn over: the anchor's, then the fan's. */
function points(input: FanInput): { year: number; p10: number; p50: number; p90: number }[] {
  const fan = [...input.fan].sort((a, b) => a.year - b.year)
  const a = input.anchor
  if (a && fan.length && a.year < fan[0].year) return [{ year: a.year, p10: a.value, p50: a.value, p90: a.value }, ...fan]
  return fan
}

/** Null when there is nothing to draw (no fan year). `pad`: room at the edges for the dots. */
export function fanGeometry(input: FanInput, width: number, height: number, pad = 3): FanGeometry | null {
  const pts = points(input)
  if (!pts.length) return null
  const values = [input.goal, ...pts.flatMap((p) => [p.p10, p.p90])].filter(Number.isFinite)
  const lo = Math.min(0, ...values)
  const hi = Math.max(...values)
  const y = scaleLinear()
    .domain([lo, hi > lo ? hi : lo + 1])
    .range([height - pad, pad])
  const first = pts[0].year
  const last = pts[pts.length - 1].year
  const x = scaleLinear()
    .domain(first === last ? [first - 1, last] : [first, last])
    .range([pad, width - pad])
  const band =
    pts.length === 1
      ? rectPath(x(first) - 2, y(pts[0].p90), 4, Math.max(1, y(pts[0].p10) - y(pts[0].p90)))
      : area<(typeof pts)[number]>()
      .x((p) => r1(x(p.year)))
      .y0((p) => r1(y(p.p10)))
      .y1((p) => r1(y(p.p90)))(pts) ?? ''
  const median = line<(typeof pts)[number]>()
    .x((p) => r1(x(p.year)))
    .y((p) => r1(y(p.p50)))(pts) ?? ''
  const gy = r1(y(input.goal))
  const a = input.anchor && pts[0].year === input.anchor.year && pts.length > input.fan.length ? { x: r1(x(first)), y: r1(y(pts[0].p50)) } : null
  const end = pts[pts.length - 1]
  return { band, median, goal: `M${r1(pad)},${gy}L${r1(width - pad)},${gy}`, anchor: a, end: { x: r1(x(end.year)), y: r1(y(end.p50)) } }
}
