import { describe, expect, it } from 'vitest'
import type { PathMark, TextMark } from './svg'
import { buildTrajectoryChart, TRAJECTORY_COLOURS, trajectoryData, trajectoryYears, type TrajectoryInput } from './trajectory'

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

describe('trajectoryData', () => {
  const data = trajectoryData(totalOutput)
  const year = (y: number) => data.years.find((r) => r.year === y)!

  it('draws money in 亿元 on the axis', () => {
    expect(data.unit).toBe('亿元')
  })

  it('starts the actual line at the baseline when the series has no baseline year', () => {
    expect(year(2020)).toMatchObject({ actual: 27.19, actualName: '基期值' })
    expect(year(2021).actual).toBe(35)
    expect(year(2023).actual).toBeNull()
  })

  it('marks the baseline as a value of its own', () => {
    expect(data.years.map((r) => r.baseline)).toEqual([27.19, null, null, null, null, null, null])
    expect(data.hasBaseline).toBe(true)
  })

  it('draws the series value of the baseline year on the line when there is one', () => {
    const d = trajectoryData({
      ...totalOutput,
      series: [{ period: '2020', year: 2020, value: 2800000000, complete: true }, ...totalOutput.series],
    })
    expect(d.years[0]).toMatchObject({ actual: 28, actualName: '2020年', baseline: 27.19 })
  })

  it('keeps a partial year off the line, as a point of its own labelled with its months', () => {
    expect(year(2026).actual).toBeNull()
    expect(year(2026)).toMatchObject({ partial: 70, partialLabel: '2026年1—9月' })
    expect(data.hasPartial).toBe(true)
  })

  it('puts the required path and the goal at the deadline', () => {
    expect(data.years.map((r) => r.path)).toEqual([27.19, null, null, null, null, 100, null])
    expect(data.years.map((r) => r.goal)).toEqual([null, null, null, null, null, 100, null])
  })

  it('formats values back in the display unit', () => {
    expect(data.format(27.19)).toBe('27.19亿元')
  })

  it('uses plain counts without a baseline', () => {
    const d = trajectoryData({
      ...totalOutput,
      unit: 'count',
      goal: 15,
      baseline: null,
      series: [{ period: '2025', year: 2025, value: 19, complete: true }],
      requiredPath: [],
      locale: 'en',
    })
    expect(d.unit).toBe('个')
    expect(d.years).toHaveLength(1)
    expect(d.years[0]).toMatchObject({ actual: 19, actualName: '2025', goal: 15, baseline: null, partial: null })
    expect(d.hasBaseline).toBe(false)
    expect(d.hasPartial).toBe(false)
  })
})

describe('buildTrajectoryChart', () => {
  const chart = buildTrajectoryChart(totalOutput, 800, 340)
  const paths = chart.marks.filter((m) => m.kind === 'path') as PathMark[]
  const texts = chart.marks.filter((m) => m.kind === 'text') as TextMark[]

  it('lists every series in the legend, the partial year and the baseline included', () => {
    expect(chart.legend.map((l) => [l.label, l.symbol])).toEqual([
      ['实际值', 'line'],
      ['规划路径', 'dash'],
      ['目标值', 'pin'],
      ['基期值', 'diamond'],
      ['年内累计', 'hollow'],
    ])
  })

  it('draws the required path dashed, the goal line dotted, the actual line solid', () => {
    const strokes = paths.filter((p) => p.stroke && !p.fill).map((p) => [p.stroke, p.dash])
    expect(strokes).toContainEqual([TRAJECTORY_COLOURS.path, '6 4'])
    expect(strokes).toContainEqual([TRAJECTORY_COLOURS.goal, '2 3'])
    expect(strokes).toContainEqual([TRAJECTORY_COLOURS.actual, undefined])
  })

  it('labels the goal pin and the partial year', () => {
    expect(texts.map((t) => t.text)).toContain('100亿元')
    expect(texts.map((t) => t.text)).toContain('2026年1—9月')
    // the partial point is hollow and dashed
    expect(paths.some((p) => p.fill === '#fff' && p.dash === '3 2')).toBe(true)
  })

  it('puts the axis at nice ticks with the unit on top', () => {
    expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(['0', '20', '100', '亿元', '2020', '2026']))
  })

  it('shows a year’s values in one tooltip, reachable by keyboard', () => {
    // a column per year with a value (2023 and 2024 have none)
    const cols = paths.filter((p) => p.hit)
    expect(cols.map((c) => c.tip?.[0])).toEqual(['2020', '2021', '2022', '2025', '2026'])
    expect(cols.every((c) => c.focus)).toBe(true)
    expect(cols[3].tip).toEqual(['2025', '规划路径: 100亿元', '目标值: 100亿元'])
    expect(cols[0].tip).toEqual(['2020', '基期值: 27.19亿元', '规划路径: 27.19亿元'])
    expect(cols[4].tip).toEqual(['2026', '年内累计 (2026年1—9月): 70亿元'])
  })

  it('lists its data in the table, series by series, sample values marked', () => {
    const c = buildTrajectoryChart(
      { ...totalOutput, series: [{ period: '2021', year: 2021, value: 3500000000, complete: true, sample: true }] },
      800,
      340,
    )
    expect(c.table.unit).toBe('亿元')
    expect(c.table.rows.filter((r) => r.series === '实际值')).toEqual([
      { series: '实际值', category: '2020', value: '27.19', sample: false },
      { series: '实际值', category: '2021', value: '35', sample: true },
    ])
    expect(c.table.rows.filter((r) => r.series === '目标值')).toEqual([{ series: '目标值', category: '2025', value: '100', sample: false }])
    expect((c.marks.filter((m) => m.kind === 'path') as PathMark[]).filter((p) => p.sample)).toHaveLength(1)
  })

  it('is as wide as it is given', () => {
    expect(buildTrajectoryChart(totalOutput, 350, 340).width).toBe(350)
  })
})

describe('a target in a unit the plan declares', () => {
  it('labels the axis and the values with the unit’s own scale', () => {
    const data = trajectoryData({
      unit: 'count',
      declared: { id: 'vehicle', measure: 'count', name: { zh: '辆', en: 'vehicle | vehicles' }, scales: [{ factor: 10000, name: { zh: '万辆', en: '' } }], provenance: null },
      goal: 50000,
      deadline: 2027,
      baseline: null,
      series: [
        { period: '2025', year: 2025, value: 26000, complete: true },
        { period: '2026', year: 2026, value: null, complete: true },
      ],
      requiredPath: [],
      locale: 'zh-CN',
      labels,
    })
    expect(data.unit).toBe('万辆')
    // A year nothing is stated for has no point (not a drop to zero).
    expect(data.years.find((y) => y.year === 2026)?.actual).toBeNull()
    expect(data.years.find((y) => y.year === 2025)?.actual).toBeCloseTo(2.6)
    expect(data.format(5)).toBe('5万辆')
  })
})

describe('the forecast fan on the trajectory', () => {
  const fanLabels = { ...labels, fan: { band: '预测区间', median: '预测中位数', low: '预测 P10', high: '预测 P90' } }
  const input: TrajectoryInput = {
    ...totalOutput,
    series: totalOutput.series.slice(0, 2),
    fan: [
      { year: 2023, p10: 4700000000, p50: 5000000000, p90: 5300000000 },
      { year: 2025, p10: 7900000000, p50: 8900000000, p90: 11000000000 },
    ],
    labels: fanLabels,
  }
  it('holds P10, P50 and P90 of each forecast year, from the last whole year before them', () => {
    const data = trajectoryData(input)
    expect(data.hasFan).toBe(true)
    expect(data.fanAnchor).toBe(2022)
    expect(data.years.find((r) => r.year === 2025)).toMatchObject({ p10: 79, p50: 89, p90: 110 })
    expect(data.years.find((r) => r.year === 2024)).toMatchObject({ p10: null, p50: null })
  })
  it('draws the band and a dashed median, names them in the legend, the tooltip and the table', () => {
    const m = buildTrajectoryChart(input, 640, 320)
    const paths = m.marks.filter((x): x is PathMark => x.kind === 'path')
    expect(paths.some((p) => p.fill === TRAJECTORY_COLOURS.band)).toBe(true)
    expect(paths.some((p) => p.stroke === TRAJECTORY_COLOURS.fan && p.dash)).toBe(true)
    expect(m.legend.map((l) => l.label)).toEqual(expect.arrayContaining(['预测区间', '预测中位数']))
    const tip = paths.find((p) => p.hit && p.tip?.[0] === '2025')!.tip!
    expect(tip).toContain('预测中位数: 89亿元')
    expect(tip).toContain('预测区间: 79亿元 – 110亿元')
    expect(m.table.rows.filter((r) => r.series === '预测 P90').map((r) => r.category)).toEqual(['2023', '2025'])
    // The axis reaches the band's top.
    const axis = m.marks.filter((x): x is TextMark => x.kind === 'text').map((x) => Number(x.text.replace(/,/g, '')))
    expect(Math.max(...axis.filter(Number.isFinite))).toBeGreaterThanOrEqual(110)
  })
  it('draws no fan without one', () => {
    const m = buildTrajectoryChart(totalOutput, 640, 320)
    expect(m.marks.some((x) => x.kind === 'path' && x.fill === TRAJECTORY_COLOURS.band)).toBe(false)
    expect(trajectoryData(totalOutput).hasFan).toBe(false)
  })
})
