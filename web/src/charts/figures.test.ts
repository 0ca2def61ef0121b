import { describe, expect, it } from 'vitest'
import { buildFigureChart, figureBars, FIGURE_COLOUR } from './figures'
import type { PathMark, TextMark } from './svg'

const labels = { name: '工业总产值', months: (n: number) => `${n} 个月`, sample: '示例', countUnit: '人' }
const input = {
  unit: 'yuan',
  annual: [
    { year: 2022, value: 2200000000, months: 12, sample: true },
    { year: 2021, value: 1987000000, months: 12, sample: false },
    { year: 2023, value: 1500000000, months: 9, sample: true },
  ],
  locale: 'zh-CN',
  labels,
}

describe('figureBars', () => {
  const { unit, bars } = figureBars(input)

  it('orders the years and scales money to 亿元', () => {
    expect(bars.map((b) => b.year)).toEqual([2021, 2022, 2023])
    expect(unit).toBe('亿元')
    expect(bars.map((b) => b.value)).toEqual([19.87, 22, 15])
  })

  it('names the months of a partial year and the sample mark in the tooltip', () => {
    expect(bars.map((b) => b.partial)).toEqual([false, false, true])
    expect(bars[2].tip).toBe('2023: 15亿元 · 9 个月 · 示例')
    expect(bars[0].tip).toBe('2021: 19.87亿元')
  })

  it('keeps counts unscaled with the count unit', () => {
    const r = figureBars({ unit: 'count', annual: [{ year: 2025, value: 1200, months: 12, sample: false }], locale: 'zh-CN', labels })
    expect(r.unit).toBe('人')
    expect(r.bars[0].value).toBe(1200)
  })
})

describe('buildFigureChart', () => {
  const chart = buildFigureChart(input, 600, 300)
  const bars = chart.marks.filter((m): m is PathMark => m.kind === 'path' && m.fill === FIGURE_COLOUR)
  const texts = chart.marks.filter((m): m is TextMark => m.kind === 'text').map((t) => t.text)

  it('draws a bar per year, a partial year lighter with its months as a label', () => {
    expect(bars).toHaveLength(3)
    expect(bars[2].opacity).toBeLessThan(1)
    expect(bars[0].opacity).toBe(1)
    expect(texts).toContain('9 个月')
    expect(texts).toEqual(expect.arrayContaining(['2021', '2022', '2023', '亿元']))
  })

  it('hatches sample bars, and only those', () => {
    expect(bars.map((b) => !!b.hatch)).toEqual([false, true, true])
    expect(bars.map((b) => !!b.sample)).toEqual([false, true, true])
  })

  it('shows a bar’s tooltip on hover and on focus', () => {
    expect(bars[2].tip).toEqual(['2023: 15亿元 · 9 个月 · 示例'])
    expect(bars.every((b) => b.focus)).toBe(true)
  })

  it('makes taller bars for larger values, from the same baseline', () => {
    const box = (d: string) => d.match(/^M([\d.]+),([\d.]+)h([\d.]+)v([\d.]+)/)!.slice(1).map(Number)
    const [, y21, , h21] = box(bars[0].d)
    const [, y22, , h22] = box(bars[1].d)
    expect(h22).toBeGreaterThan(h21)
    expect(y21 + h21).toBeCloseTo(y22 + h22, 0)
  })

  it('lists the years in its table with their unit and sample marks', () => {
    expect(chart.table).toEqual({
      unit: '亿元',
      rows: [
        { series: '工业总产值', category: '2021', value: '19.87', sample: false },
        { series: '工业总产值', category: '2022', value: '22', sample: true },
        { series: '工业总产值', category: '2023', value: '15', sample: true },
      ],
    })
    expect(chart.title).toBe('工业总产值')
  })
})
