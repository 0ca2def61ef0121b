import { describe, expect, it } from 'vitest'
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts'
import { buildGanttOption, GANTT_COLOURS, ganttData, ganttHeight, ganttRange, renderGanttBar, type GanttProject } from './gantt'

type Any = any

const projects: GanttProject[] = [
  {
    id: 'saint-gobain-glass',
    name: '圣戈班梅州高端汽车玻璃生产项目',
    late: true,
    milestones: [
      { kind: 'signed', planned: null, actual: '2020-06-23', overdue: false, delay_days: null },
      { kind: 'commissioned', planned: '2021-03', actual: null, overdue: true, overdue_days: 2067, delay_days: null },
      { kind: 'phase', planned: '2023', actual: null, overdue: true, overdue_days: 1427, delay_days: null },
    ],
  },
  { id: 'fude-wheel-hub', name: '福德汽车轮毂项目', late: false, milestones: [{ kind: 'signed', planned: null, actual: null, overdue: false, delay_days: null }] },
  { id: 'gac-springs', name: '广汽汽车弹簧生产项目', late: false, milestones: [{ kind: 'started', planned: '2022-01', actual: '2021-12-01', overdue: false, delay_days: 0 }] },
  {
    id: 'xionghui-precision-casting',
    name: '雄晖精密铸造项目',
    late: false,
    delayed: true,
    milestones: [{ kind: 'commissioned', planned: '2022-12', actual: '2023-04', overdue: false, delay_days: 91 }],
  },
]

const labels = {
  planned: '计划',
  actual: '实际',
  late: '逾期未达',
  delayed: '延期达到',
  asOf: '数据日期',
  sample: '示例',
  kind: (k: string) => `节点:${k}`,
  overdueDays: (n: number) => `已逾期 ${n} 天`,
  delayDays: (n: number) => `晚于计划 ${n} 天`,
}

describe('ganttData', () => {
  const data = ganttData(projects, '2026-11-27')

  it('spans planned and actual milestones per project, red when late and amber when delayed', () => {
    expect(data.bars).toEqual([
      [0, Date.UTC(2021, 2, 1), Date.UTC(2023, 0, 1), 0, 0, 0],
      [0, Date.UTC(2020, 5, 23), Date.UTC(2020, 5, 23), 1, 1, 0],
      [2, Date.UTC(2022, 0, 1), Date.UTC(2022, 0, 1), 0, 0, 0],
      [2, Date.UTC(2021, 11, 1), Date.UTC(2021, 11, 1), 1, 0, 0],
      [3, Date.UTC(2022, 11, 1), Date.UTC(2022, 11, 1), 0, 0, 0],
      [3, Date.UTC(2023, 3, 1), Date.UTC(2023, 3, 1), 1, 2, 0],
    ])
  })

  it('draws a point per dated milestone and skips undated ones', () => {
    expect(data.points).toHaveLength(7)
    expect(data.points.filter((p) => p.value[1] === 1)).toHaveLength(0)
  })

  it('marks overdue planned dates red and dates reached after plan amber, with their days', () => {
    const overdue = data.points.find((p) => p.kind === 'commissioned' && p.track === 0 && p.value[1] === 0)!
    expect(overdue.tone).toBe(1)
    expect(overdue.days).toBe(2067)
    const reachedLate = data.points.find((p) => p.value[1] === 3 && p.track === 1)!
    expect(reachedLate.tone).toBe(2)
    expect(reachedLate.days).toBe(91)
    expect(reachedLate.date).toBe('2023-04')
    // Reached early (gac-springs) and the planned date of a milestone reached late: plain.
    expect(data.points.find((p) => p.value[1] === 2 && p.track === 1)!.tone).toBe(0)
    expect(data.points.find((p) => p.value[1] === 3 && p.track === 0)!.tone).toBe(0)
  })

  it('pads the time range and reaches to the as-of date', () => {
    expect(data.min!).toBeLessThan(Date.UTC(2020, 5, 23))
    expect(data.max!).toBeGreaterThan(Date.UTC(2026, 10, 27))
  })

  it('opens the axis before the earliest date, even one before the plan period (signed 2020-06-23)', () => {
    expect(data.min).toBe(Date.UTC(2020, 0, 1))
    expect(data.max).toBe(Date.UTC(2027, 0, 1))
    const earliest = Math.min(...data.points.map((p) => p.value[0]))
    expect(earliest).toBe(Date.UTC(2020, 5, 23))
    expect(earliest - data.min!).toBeGreaterThanOrEqual(28 * 24 * 3600 * 1000)
  })

  it('has no range without dated milestones', () => {
    expect(ganttData([projects[1]], '2026-11-27')).toEqual({ bars: [], points: [], min: null, max: null })
  })
})

describe('ganttRange', () => {
  const day = 24 * 3600 * 1000
  it('keeps at least a month clear at both ends, on half-year boundaries', () => {
    expect(ganttRange([Date.UTC(2020, 0, 5), Date.UTC(2023, 6, 20)])).toEqual({ min: Date.UTC(2019, 6, 1), max: Date.UTC(2024, 0, 1) })
    expect(ganttRange([Date.UTC(2021, 2, 1), Date.UTC(2025, 10, 15)])).toEqual({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2026, 0, 1) })
    const r = ganttRange([Date.UTC(2022, 6, 1)])!
    expect(Date.UTC(2022, 6, 1) - r.min).toBeGreaterThanOrEqual(30 * day)
    expect(r.max - Date.UTC(2022, 6, 1)).toBeGreaterThanOrEqual(30 * day)
  })
  it('has no range without dates', () => {
    expect(ganttRange([])).toBeNull()
  })
})

describe('renderGanttBar', () => {
  const api = (values: number[]) =>
    ({
      value: (i: number) => values[i],
      coord: ([x, y]: number[]) => [x / 1e9, 100 + y * 30],
      size: () => [0, 30],
    }) as unknown as CustomSeriesRenderItemAPI
  const params = {} as CustomSeriesRenderItemParams

  it('draws planned bars grey above the row line and actual bars below it', () => {
    const planned = renderGanttBar(params, api([1, 2e9, 5e9, 0, 0])) as Any
    const actual = renderGanttBar(params, api([1, 2e9, 5e9, 1, 0])) as Any
    expect(planned.style.fill).toBe(GANTT_COLOURS.planned)
    expect(actual.style.fill).toBe(GANTT_COLOURS.actual)
    expect(planned.shape.y).toBeLessThan(130)
    expect(actual.shape.y).toBeGreaterThan(130)
    expect(planned.shape.width).toBe(3)
  })

  it('draws the actual bar of a late project red and never thinner than 3 px', () => {
    const bar = renderGanttBar(params, api([0, 1e9, 1e9, 1, 1])) as Any
    expect(bar.style.fill).toBe(GANTT_COLOURS.late)
    expect(bar.shape.width).toBe(3)
  })

  it('draws the actual bar of a delayed project amber', () => {
    const bar = renderGanttBar(params, api([0, 1e9, 5e9, 1, 2])) as Any
    expect(bar.style.fill).toBe(GANTT_COLOURS.delayed)
    expect(GANTT_COLOURS.delayed).not.toBe(GANTT_COLOURS.asOf)
  })
})

describe('sample milestones', () => {
  const sampled: GanttProject[] = [
    {
      id: 'x',
      name: 'x',
      late: false,
      delayed: true,
      milestones: [
        { kind: 'started', planned: '2021-09', actual: '2021-11', overdue: false, delay_days: 61, sample: true },
        { kind: 'commissioned', planned: '2022-12', actual: null, overdue: false, delay_days: null, sample: false },
      ],
    },
  ]

  it('flags a bar all of whose milestones are sample, and only such a bar', () => {
    const bars = ganttData(sampled, '2022-06-30').bars
    expect(bars.map((b) => [b[3], b[5]])).toEqual([
      [0, 0],
      [1, 1],
    ])
  })

  it('draws sample bars dashed and pale, fact bars solid', () => {
    const api = (values: number[]) =>
      ({ value: (i: number) => values[i], coord: ([x, y]: number[]) => [x / 1e9, 100 + y * 30], size: () => [0, 30] }) as unknown as CustomSeriesRenderItemAPI
    const sample = renderGanttBar({} as CustomSeriesRenderItemParams, api([0, 1e9, 5e9, 1, 0, 1])) as Any
    const fact = renderGanttBar({} as CustomSeriesRenderItemParams, api([0, 1e9, 5e9, 1, 0, 0])) as Any
    expect(sample.style.lineDash).toEqual([4, 2])
    expect(sample.style.opacity).toBeLessThan(1)
    expect(fact.style.lineDash).toBeUndefined()
  })

  it('gives sample milestone markers a dashed rim', () => {
    const series = buildGanttOption({ projects: sampled, asOf: '2022-06-30', labels }).series as Any[]
    const points = series.slice(1).flatMap((s) => s.data as Any[])
    const dashed = points.filter((p) => p.itemStyle?.borderType === 'dashed')
    expect(dashed.map((p) => `${p.kind}/${p.track}`).sort()).toEqual(['started/0', 'started/1'])
    expect(points.find((p) => p.kind === 'commissioned').itemStyle.borderType).toBe('solid')
  })
})

describe('buildGanttOption', () => {
  const option = buildGanttOption({ projects, asOf: '2026-11-27', labels })

  it('lists projects top to bottom and names late ones in red and delayed ones in amber', () => {
    const y = option.yAxis as Any
    expect(y.inverse).toBe(true)
    expect(y.data).toEqual(projects.map((p) => p.name))
    expect(y.axisLabel.formatter(projects[0].name, 0)).toBe(`{late|${projects[0].name}}`)
    expect(y.axisLabel.formatter(projects[1].name, 1)).toBe(projects[1].name)
    expect(y.axisLabel.formatter(projects[3].name, 3)).toBe(`{delayed|${projects[3].name}}`)
    expect(y.axisLabel.rich.late.color).toBe(GANTT_COLOURS.late)
    expect(y.axisLabel.rich.delayed.color).toBe(GANTT_COLOURS.delayed)
  })

  it('starts the time axis before the earliest milestone', () => {
    const x = option.xAxis as Any
    expect(x.type).toBe('time')
    expect(x.min).toBeLessThan(Date.UTC(2020, 5, 23))
    expect(x.max).toBeGreaterThan(Date.UTC(2026, 10, 27))
  })

  it('uses a custom series for the bars and marks the as-of date', () => {
    const series = option.series as Any[]
    expect(series[0].type).toBe('custom')
    expect(series[0].renderItem).toBe(renderGanttBar)
    expect(series[0].markLine.data).toEqual([{ xAxis: Date.UTC(2026, 10, 27) }])
  })

  it('puts overdue planned dates and dates reached late in series of their own', () => {
    const series = option.series as Any[]
    const byName = (name: string) => series.filter((x) => x.type === 'scatter' && x.name === name)
    expect(byName('逾期未达')[0].data.map((p: Any) => p.kind)).toEqual(['commissioned', 'phase'])
    expect(byName('逾期未达')[0].data[0].itemStyle.borderColor).toBe(GANTT_COLOURS.late)
    expect(byName('延期达到')[0].data.map((p: Any) => p.date)).toEqual(['2023-04'])
    expect(byName('延期达到')[0].itemStyle.color).toBe(GANTT_COLOURS.delayed)
    expect((option.legend as Any).data).toEqual(['计划', '实际', '延期达到', '逾期未达'])
  })

  it('explains a milestone in the tooltip with its days', () => {
    const series = option.series as Any[]
    const tip = (p: Any) => (option.tooltip as Any).formatter({ data: p })
    const overdue = tip(series.find((x) => x.name === '逾期未达').data[0])
    expect(overdue).toContain('节点:commissioned')
    expect(overdue).toContain('计划 2021-03')
    expect(overdue).toContain('已逾期 2067 天')
    const late = tip(series.find((x) => x.name === '延期达到').data[0])
    expect(late).toContain('实际 2023-04')
    expect(late).toContain('晚于计划 91 天')
  })

  it('grows with the number of projects', () => {
    expect(ganttHeight(19)).toBeGreaterThan(ganttHeight(3))
  })
})

describe('milestone notes in the tooltip', () => {
  const noted: GanttProject[] = [
    {
      id: 'p',
      name: '项目',
      late: false,
      milestones: [{ kind: 'signed', planned: null, actual: '2020-06-23', overdue: false, delay_days: null, note: { zh: '签约', en: 'agreement signed' } }],
    },
  ]
  const tipIn = (locale?: string) => {
    const option = buildGanttOption({ projects: noted, asOf: '2026-11-27', labels, locale })
    const point = ganttData(noted, '2026-11-27').points[0]
    return (option.tooltip as Any).formatter({ data: point }) as string
  }
  it('shows the note in the page language', () => {
    expect(tipIn('zh-CN')).toContain('签约')
    expect(tipIn('zh-CN')).not.toContain('agreement signed')
    expect(tipIn('en')).toContain('agreement signed')
    expect(tipIn()).toContain('签约')
  })
})
