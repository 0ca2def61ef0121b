import { describe, expect, it } from 'vitest'
import type { EChartsOption } from 'echarts'
import { chartMinWidth, chartTableRows, chartTitle } from './chartTable'
import { buildFigureOption } from './figures'
import { buildGanttOption, type GanttProject } from './gantt'

const figureOption = buildFigureOption({
  unit: 'yuan',
  annual: [
    { year: 2022, value: 2200000000, months: 12, sample: true },
    { year: 2021, value: 1987000000, months: 12, sample: false },
  ],
  locale: 'zh-CN',
  labels: { name: '工业总产值', months: (n: number) => `${n} 个月`, sample: '示例', countUnit: '人' },
})

const projects: GanttProject[] = [
  { id: 'a', name: '甲项目', late: false, milestones: [{ kind: 'started', planned: '2022-01', actual: '2021-12-01', overdue: false, delay_days: 0 }] },
  { id: 'b', name: '<b>乙</b>项目', late: false, milestones: [{ kind: 'signed', planned: null, actual: null, overdue: false, delay_days: null }] },
]
const ganttOption = buildGanttOption({
  projects,
  asOf: '2026-11-27',
  labels: {
    planned: '计划',
    actual: '实际',
    late: '逾期未达',
    delayed: '延期达到',
    asOf: '数据日期',
    sample: '示例',
    kind: (k: string) => k,
    overdueDays: (n: number) => `${n}`,
    delayDays: (n: number) => `${n}`,
  },
} as Parameters<typeof buildGanttOption>[0])

describe('chartTableRows', () => {
  it('lists a bar chart by category with its unit and sample marks', () => {
    expect(chartTableRows(figureOption, 'zh-CN')).toEqual({
      unit: '亿元',
      rows: [
        { series: '工业总产值', category: '2021', value: '19.87', sample: false },
        { series: '工业总产值', category: '2022', value: '22', sample: true },
      ],
    })
  })
  it('lists the Gantt’s milestones by project with their dates, not its drawn bars', () => {
    const { rows } = chartTableRows(ganttOption, 'zh-CN')
    expect(rows.map((r) => [r.series, r.category, r.value])).toEqual([
      ['计划', '甲项目', '2022-01-01'],
      ['实际', '甲项目', '2021-12-01'],
    ])
  })
  it('names items of a chart without axes (a map) and skips empty ones', () => {
    const option: EChartsOption = {
      series: [{ type: 'map', name: '产值', data: [{ name: '<i>县</i>', value: 1234.5 }, { name: '乙县', value: null }] as never }],
    }
    expect(chartTableRows(option, 'en').rows).toEqual([{ series: '产值', category: '<i>县</i>', value: '1,234.5', sample: false }])
  })
})

describe('chartTitle and chartMinWidth', () => {
  it('names a chart by its series', () => {
    expect(chartTitle(figureOption)).toBe('工业总产值')
    expect(chartTitle({ title: { text: 'T' }, series: [] })).toBe('T')
  })
  it('keeps the Gantt’s plot readable and lets small charts shrink', () => {
    expect(chartMinWidth(ganttOption)).toBeGreaterThanOrEqual(600)
    expect(chartMinWidth(figureOption)).toBe(0)
  })
})
