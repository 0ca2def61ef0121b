import { describe, expect, it } from 'vitest'
import { buildProjectSummaryChart, orderSummary, PIPELINE_COLOURS, summaryBars } from './projectSummary'
import type { PathMark, TextMark } from './svg'

const rows = [
  { status: 'commissioned', projects: 3, expected_output: 1680000000 },
  { status: 'planned', projects: 10, expected_output: null },
  { status: 'odd', projects: 1, expected_output: 0 },
  { status: 'signed', projects: 2, expected_output: 500000000 },
]
const labels = { status: (s: string) => `S:${s}`, expectedOutput: '预计产值', projects: (n: number) => `${n}项` }

describe('orderSummary', () => {
  it('orders statuses along the pipeline, unknown ones last', () => {
    expect(orderSummary(rows).map((r) => r.status)).toEqual(['planned', 'signed', 'commissioned', 'odd'])
  })
})

describe('summaryBars', () => {
  const { unit, bars } = summaryBars(rows, 'zh-CN', labels)

  it('sums expected output per status in 亿元, a missing sum as zero', () => {
    expect(bars.map((b) => b.category)).toEqual([
      ['S:planned', '10项'],
      ['S:signed', '2项'],
      ['S:commissioned', '3项'],
      ['S:odd', '1项'],
    ])
    expect(unit).toBe('亿元')
    expect(bars.map((b) => b.value)).toEqual([0, 5, 16.8, 0])
    expect(bars[2].colour).toBe(PIPELINE_COLOURS.commissioned)
  })

  it('labels each bar with its amount in the axis unit (not "15个"), the projects under the status', () => {
    expect(bars.map((b) => b.label)).toEqual(['—', '5亿元', '16.8亿元', '0亿元'])
    expect(bars[2].tip).toEqual(['S:commissioned', '预计产值: 16.8亿元', '3项'])
  })
})

describe('buildProjectSummaryChart', () => {
  const chart = buildProjectSummaryChart(rows, 'zh-CN', labels, 700, 220)
  const texts = chart.marks.filter((m): m is TextMark => m.kind === 'text').map((t) => t.text)

  it('draws no bar for a zero amount, but keeps its tooltip (hover and focus)', () => {
    const shapes = chart.marks.filter((m): m is PathMark => m.kind === 'path' && !!m.tip)
    expect(shapes.map((m) => !!m.hit)).toEqual([true, false, false, true])
    expect(shapes[0].tip?.[0]).toBe('S:planned')
    expect(shapes.every((m) => m.focus)).toBe(true)
  })

  it('writes the amounts over the bars and status and projects under them', () => {
    expect(texts).toEqual(expect.arrayContaining(['16.8亿元', '5亿元', '—', 'S:planned', '10项', '亿元']))
  })

  it('labels only every n-th status when the labels would overlap (a phone), all of them when they fit', () => {
    const long = { ...labels, status: (s: string) => `Status ${s} long` }
    const narrow = buildProjectSummaryChart(rows, 'en', long, 300, 220)
    const shown = narrow.marks.filter((m): m is TextMark => m.kind === 'text').map((t) => t.text)
    expect(shown).toContain('Status planned long')
    expect(shown).not.toContain('Status signed long')
    const wide = buildProjectSummaryChart(rows, 'en', long, 1000, 220).marks.filter((m): m is TextMark => m.kind === 'text').map((t) => t.text)
    expect(wide).toContain('Status signed long')
    expect(narrow.table.rows).toHaveLength(4)
  })

  it('lists the statuses in its table', () => {
    expect(chart.table.unit).toBe('亿元')
    expect(chart.table.rows[2]).toEqual({ series: '预计产值', category: 'S:commissioned 3项', value: '16.8', sample: false })
  })
})

describe('sample buckets', () => {
  it('hatches the bars of statuses that count sample-only projects, and says so in the tooltip and the table', () => {
    const sampled = [
      { status: 'planned', projects: 2, expected_output: null, sample: false },
      { status: 'commissioned', projects: 3, expected_output: 1680000000, sample: true },
    ]
    const chart = buildProjectSummaryChart(sampled, 'zh-CN', { ...labels, sample: '示例' }, 700, 220)
    const bars = chart.marks.filter((m): m is PathMark => m.kind === 'path' && !!m.tip)
    expect(bars.map((b) => !!b.hatch)).toEqual([false, true])
    expect(bars[1].tip).toContain('示例')
    expect(bars[0].tip).not.toContain('示例')
    expect(chart.table.rows.map((r) => r.sample)).toEqual([false, true])
  })
})
