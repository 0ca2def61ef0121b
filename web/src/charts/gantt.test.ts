import { describe, expect, it } from 'vitest'
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts'
import { buildGanttOption, GANTT_COLOURS, ganttData, ganttHeight, renderGanttBar, type GanttProject } from './gantt'

type Any = any

const projects: GanttProject[] = [
  {
    id: 'saint-gobain-glass',
    name: '圣戈班梅州高端汽车玻璃生产项目',
    late: true,
    milestones: [
      { kind: 'signed', planned: null, actual: '2020-06-23', late: false },
      { kind: 'commissioned', planned: '2021-03', actual: '2021-09-10', late: true },
      { kind: 'phase', planned: '2023', actual: null, late: true },
    ],
  },
  { id: 'fude-wheel-hub', name: '福德汽车轮毂项目', late: false, milestones: [{ kind: 'signed', planned: null, actual: null, late: false }] },
  { id: 'gac-springs', name: '广汽汽车弹簧生产项目', late: false, milestones: [{ kind: 'started', planned: '2022-01', actual: '2021-12-01', late: false }] },
]

const labels = { planned: '计划', actual: '实际', late: '滞后', asOf: '数据日期', sample: '示例', kind: (k: string) => `节点:${k}` }

describe('ganttData', () => {
  const data = ganttData(projects, '2026-11-27')

  it('spans planned and actual milestones per project, red when the project is late', () => {
    expect(data.bars).toEqual([
      [0, Date.UTC(2021, 2, 1), Date.UTC(2023, 0, 1), 0, 0],
      [0, Date.UTC(2020, 5, 23), Date.UTC(2021, 8, 10), 1, 1],
      [2, Date.UTC(2022, 0, 1), Date.UTC(2022, 0, 1), 0, 0],
      [2, Date.UTC(2021, 11, 1), Date.UTC(2021, 11, 1), 1, 0],
    ])
  })

  it('draws a point per dated milestone and skips undated ones', () => {
    expect(data.points).toHaveLength(6)
    expect(data.points.filter((p) => p.value[1] === 1)).toHaveLength(0)
    const late = data.points.find((p) => p.kind === 'commissioned' && p.track === 1)!
    expect(late.late).toBe(true)
    expect(late.date).toBe('2021-09-10')
  })

  it('pads the time range and reaches to the as-of date', () => {
    expect(data.min!).toBeLessThan(Date.UTC(2020, 5, 23))
    expect(data.max!).toBeGreaterThan(Date.UTC(2026, 10, 27))
  })

  it('has no range without dated milestones', () => {
    expect(ganttData([projects[1]], '2026-11-27')).toEqual({ bars: [], points: [], min: null, max: null })
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
})

describe('buildGanttOption', () => {
  const option = buildGanttOption({ projects, asOf: '2026-11-27', labels })

  it('lists projects top to bottom and names late ones in red', () => {
    const y = option.yAxis as Any
    expect(y.inverse).toBe(true)
    expect(y.data).toEqual(projects.map((p) => p.name))
    expect(y.axisLabel.formatter(projects[0].name, 0)).toBe(`{late|${projects[0].name}}`)
    expect(y.axisLabel.formatter(projects[1].name, 1)).toBe(projects[1].name)
  })

  it('uses a custom series for the bars and marks the as-of date', () => {
    const series = option.series as Any[]
    expect(series[0].type).toBe('custom')
    expect(series[0].renderItem).toBe(renderGanttBar)
    expect(series[0].markLine.data).toEqual([{ xAxis: Date.UTC(2026, 10, 27) }])
  })

  it('explains a milestone in the tooltip', () => {
    const series = option.series as Any[]
    const latePoint = series[2].data[0]
    const text = (option.tooltip as Any).formatter({ data: latePoint })
    expect(text).toContain('节点:commissioned')
    expect(text).toContain('实际 2021-09-10')
    expect(text).toContain('滞后')
  })

  it('grows with the number of projects', () => {
    expect(ganttHeight(19)).toBeGreaterThan(ganttHeight(3))
  })
})
