// Vertical bars over categories, the shared drawing of the enterprise figures (figures.ts) and the
// project summary (projectSummary.ts): a value axis from 0 with dashed grid lines, a bar per
// category (its colour, lighter or hatched as the caller says), an optional label over each bar,
// category labels of one or more lines under the axis. Pure.
import { scaleBand } from 'd3-scale'
import { tableNumber } from './chartTable'
import { linePath, rectPath, textWidth, valueAxisMarks, valueScale, type Box, type ChartModel, type Mark } from './svg'

export interface Bar {
  /** The category's label, one string per line. */
  category: string[]
  /** In the axis unit. */
  value: number
  colour: string
  opacity?: number
  /** Hatched and data-sample: rests on sample data. */
  sample?: boolean
  /** Written over the bar ('' for none). */
  label?: string
  tip: string[]
}

export interface BarLayout {
  width: number
  height: number
  margin: Box
  unit: string
  locale: string
  maxBarWidth: number
}

/** The marks of `bars` in a width × height drawing. */
export function barMarks(bars: Bar[], layout: BarLayout): Mark[] {
  const { margin } = layout
  const plot = { left: margin.left, right: layout.width - margin.right, top: margin.top, bottom: layout.height - margin.bottom }
  const y = valueScale(
    bars.map((b) => b.value),
    plot.bottom,
    plot.top,
  )
  const x = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([plot.left, plot.right])
    .paddingInner(0.3)
    .paddingOuter(0.2)
  const w = Math.min(layout.maxBarWidth, x.bandwidth())
  // Category labels wider than a bar's step would overlap: label every n-th bar (the table and
  // the tooltips name them all).
  const widest = Math.max(0, ...bars.flatMap((b) => b.category.map((line) => textWidth(line))))
  const every = Math.max(1, Math.ceil((widest + 6) / x.step()))
  const marks: Mark[] = valueAxisMarks(y, plot, layout.unit, layout.locale)
  bars.forEach((b, i) => {
    const cx = x(i)! + x.bandwidth() / 2
    const top = y(Math.max(0, b.value))
    const bottom = y(Math.min(0, b.value))
    if (b.value === 0) {
      // Nothing to draw (ECharts drew nothing either); a hover and focus target for its tooltip.
      marks.push({ kind: 'path', d: rectPath(cx - w / 2, plot.bottom - 14, w, 14), hit: true, tip: b.tip, focus: true })
    } else {
      marks.push({
        kind: 'path',
        d: rectPath(cx - w / 2, top, w, bottom - top),
        fill: b.colour,
        opacity: b.opacity,
        hatch: b.sample,
        sample: b.sample,
        tip: b.tip,
        focus: true,
      })
    }
    if (b.label) marks.push({ kind: 'text', x: cx, y: top - 4, text: b.label, anchor: 'middle', align: 'bottom', size: 12, colour: '#303133' })
    marks.push({ kind: 'path', d: linePath(cx, plot.bottom, cx, plot.bottom + 4), stroke: '#6e7079', width: 1 })
    if (i % every === 0)
      b.category.forEach((line, j) =>
        marks.push({ kind: 'text', x: cx, y: plot.bottom + 8 + j * 14, text: line, anchor: 'middle', align: 'top', colour: '#6e7079' }),
      )
  })
  return marks
}

/**
 * A bar chart's whole model: the bars' marks, and the data table with a row per bar (its category
 * lines joined, its value in the axis unit). `series` names the chart and the table's series.
 */
export function barChart(bars: Bar[], layout: BarLayout, series: string): ChartModel {
  return {
    width: layout.width,
    height: layout.height,
    marks: barMarks(bars, layout),
    legend: [],
    table: {
      unit: layout.unit,
      rows: bars.map((b) => ({ series, category: b.category.join(' '), value: tableNumber(b.value, layout.locale), sample: b.sample ?? false })),
    },
    title: series,
  }
}
