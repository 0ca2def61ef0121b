import { describe, expect, it } from 'vitest'
import { buildTrajectoryOption, trajectoryYears, type TrajectoryInput } from './trajectory'

const labels = { actual: '实际值', requiredPath: '规划路径', goal: '目标值', baseline: '基期值', partial: '（不完整年度）', partialSeries: '年内累计', countUnit: '个' }

const totalOutput: TrajectoryInput = {
  unit: 'yuan',
  goal: 10000000000,
  deadline: 2025,
  baseline: { value: 2719000000, period: '2020' },
  series: [
    { period: '2021', year: 2021, value: 3500000000, complete: true },
    { period: '2022', year: 2022, value: 4600000000, complete: true },
    { period: '2026-01~09', year: 2026, value: 7000000000, complete: false },
  ],
  requiredPath: [
    { year: 2020, value: 2719000000 },
    { year: 2025, value: 10000000000 },
  ],
  locale: 'zh-CN',
  labels,
}

type AnySeries = any

describe('trajectoryYears', () => {
  it('runs from the baseline year to the later of the deadline and the last reading', () => {
    expect(trajectoryYears(totalOutput)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026])
  })
  it('runs to the deadline when the data stops earlier', () => {
    expect(trajectoryYears({ deadline: 2025, baseline: null, series: [{ period: '2021', year: 2021, value: 1, complete: true }], requiredPath: [] })).toEqual([
      2021, 2022, 2023, 2024, 2025,
    ])
  })
})

describe('buildTrajectoryOption', () => {
  const option = buildTrajectoryOption(totalOutput)
  const series = option.series as AnySeries[]

  it('draws money in 亿元 on the axis', () => {
    expect((option.yAxis as AnySeries).name).toBe('亿元')
  })

  it('starts the actual line at the baseline when the series has no baseline year', () => {
    expect(series[0].name).toBe('实际值')
    expect(series[0].data[0]).toMatchObject({ value: 27.19, name: '基期值' })
    expect(series[0].data[1]).toMatchObject({ value: 35 })
    expect(series[0].data[3]).toBeNull()
  })

  it('marks the baseline with a diamond of its own', () => {
    const baseline = series.find((s: AnySeries) => s.name === '基期值')
    expect(baseline.symbol).toBe('diamond')
    expect(baseline.data).toEqual([27.19, null, null, null, null, null, null])
  })

  it('draws the series value of the baseline year on the line when there is one', () => {
    const o = buildTrajectoryOption({
      ...totalOutput,
      series: [{ period: '2020', year: 2020, value: 2800000000, complete: true }, ...totalOutput.series],
    })
    expect((o.series as AnySeries[])[0].data[0]).toMatchObject({ value: 28, name: '2020年' })
    expect((o.series as AnySeries[]).find((s: AnySeries) => s.name === '基期值').data[0]).toBe(27.19)
  })

  it('draws a partial year as a hollow point of its own, labelled with its months', () => {
    expect(series[0].data[6]).toBeNull()
    const partialSeries = series.find((s: AnySeries) => s.name === '年内累计')
    expect(partialSeries.symbol).toBe('emptyCircle')
    const partial = partialSeries.data[6]
    expect(partial.value).toBe(70)
    expect(partial.label.formatter).toBe('2026年1—9月')
    expect(partial.name).toContain('不完整年度')
    expect((option.legend as AnySeries).data).toContain('年内累计')
  })

  it('draws the required path as a dashed line', () => {
    expect(series[1].name).toBe('规划路径')
    expect(series[1].lineStyle.type).toBe('dashed')
    expect(series[1].data).toEqual([27.19, null, null, null, null, 100, null])
  })

  it('puts the goal at the deadline with a horizontal goal line', () => {
    expect(series[2].data[5]).toBe(100)
    expect(series[2].markLine.data).toEqual([{ yAxis: 100 }])
  })

  it('formats tooltip values back in the display unit', () => {
    const fmt = (option.tooltip as AnySeries).valueFormatter
    expect(fmt(27.19)).toBe('27.19亿元')
  })

  it('uses plain counts without a baseline', () => {
    const o = buildTrajectoryOption({
      ...totalOutput,
      unit: 'count',
      goal: 15,
      baseline: null,
      series: [{ period: '2025', year: 2025, value: 19, complete: true }],
      requiredPath: [],
      locale: 'en',
    })
    expect((o.yAxis as AnySeries).name).toBe('个')
    expect((o.series as AnySeries[])[0].data).toEqual([{ value: 19, name: '2025' }])
    expect((o.series as AnySeries[])[2].data).toEqual([15])
    expect(o.series as AnySeries[]).toHaveLength(3)
  })
})
