import { describe, expect, it } from 'vitest'
import { buildProjectSummaryOption, orderSummary, PIPELINE_COLOURS } from './projectSummary'

type Any = any

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

describe('buildProjectSummaryOption', () => {
  const option = buildProjectSummaryOption(rows, 'zh-CN', labels)
  const series = (option.series as Any[])[0]

  it('sums expected output per status in 亿元, a missing sum as zero', () => {
    expect((option.xAxis as Any).data).toEqual(['S:planned\n10项', 'S:signed\n2项', 'S:commissioned\n3项', 'S:odd\n1项'])
    expect((option.yAxis as Any).name).toBe('亿元')
    expect(series.data.map((d: Any) => d.value)).toEqual([0, 5, 16.8, 0])
    expect(series.data[2].itemStyle.color).toBe(PIPELINE_COLOURS.commissioned)
  })

  it('labels each bar with its amount in the axis unit (not "15个"), the projects under the status', () => {
    expect(series.label.formatter({ dataIndex: 2 })).toBe('16.8亿元')
    expect(series.label.formatter({ dataIndex: 1 })).toBe('5亿元')
    expect(series.label.formatter({ dataIndex: 0 })).toBe('—')
    const tip = (option.tooltip as Any).formatter({ dataIndex: 2 })
    expect(tip).toBe('S:commissioned<br/>预计产值: 16.8亿元<br/>3项')
  })
})

describe('sample buckets', () => {
  it('hatches the bars of statuses that count sample-only projects, and says so in the tooltip', () => {
    const sampled = [
      { status: 'planned', projects: 2, expected_output: null, sample: false },
      { status: 'commissioned', projects: 3, expected_output: 1680000000, sample: true },
    ]
    const option = buildProjectSummaryOption(sampled, 'zh-CN', { ...labels, sample: '示例' })
    const data = (option.series as Any[])[0].data
    expect(data[0].itemStyle.decal).toBeUndefined()
    expect(data[1].itemStyle.decal).toBeDefined()
    expect((option.tooltip as Any).formatter({ dataIndex: 1 })).toContain('示例')
    expect((option.tooltip as Any).formatter({ dataIndex: 0 })).not.toContain('示例')
  })
})
