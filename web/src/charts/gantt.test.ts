import { describe, expect, it } from 'vitest'
import { buildGanttChart, GANTT_COLOURS, GANTT_MARGIN, GANTT_MIN_PLOT, ganttData, ganttHeight, ganttRange, ganttTicks, type GanttInput, type GanttProject } from './gantt'
import type { ChartModel, PathMark, TextMark } from './svg'

const paths = (c: ChartModel) => c.marks.filter((m): m is PathMark => m.kind === 'path')
const texts = (c: ChartModel) => c.marks.filter((m): m is TextMark => m.kind === 'text')
/** A rectangle's [x, y, width, height] from its path (svg.ts rectPath). */
const box = (d: string) => d.match(/^M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)/)!.slice(1).map(Number)
/** The bars: rectangles that are neither rows (hit areas) nor grid lines. */
const barsOf = (c: ChartModel) => paths(c).filter((p) => !p.hit && p.fill && p.d.includes('h'))
/** The milestone markers (diamonds) with their tooltips. */
const pointsOf = (c: ChartModel) => paths(c).filter((p) => !p.hit && p.tip && !p.d.includes('h'))
const build = (input: GanttInput, width = 1000) => buildGanttChart(input, width, ganttHeight(input.projects.length))

const projects: GanttProject[] = [
  {
    id: 'glass-works',
    name: '青禾高端玻璃生产项目',
    late: true,
    milestones: [
      { kind: 'signed', planned: null, actual: '2020-06-23', overdue: false, delay_days: null },
      { kind: 'commissioned', planned: '2021-03', actual: null, overdue: true, overdue_days: 2067, delay_days: null },
      { kind: 'phase', planned: '2023', actual: null, overdue: true, overdue_days: 1427, delay_days: null },
    ],
  },
  { id: 'wheel-hub', name: '远山轮毂项目', late: false, milestones: [{ kind: 'signed', planned: null, actual: null, overdue: false, delay_days: null }] },
  { id: 'springs', name: '白沙弹簧生产项目', late: false, milestones: [{ kind: 'started', planned: '2022-01', actual: '2021-12-01', overdue: false, delay_days: 0 }] },
  {
    id: 'precision-casting',
    name: '精密铸造项目',
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
    // Reached early (springs) and the planned date of a milestone reached late: plain.
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

describe('Gantt bars', () => {
  const one = (milestones: GanttProject['milestones'], extra: Partial<GanttProject> = {}): GanttInput => ({
    projects: [{ id: 'p', name: 'p', late: false, milestones, ...extra }],
    asOf: '2026-11-27',
    labels,
  })

  it('draws planned bars grey above the row line and actual bars below it', () => {
    const c = build(one([{ kind: 'started', planned: '2022-01', actual: '2022-03-01', overdue: false, delay_days: 59 }, { kind: 'commissioned', planned: '2023-01', actual: '2023-05-01', overdue: false, delay_days: 120 }]))
    const [planned, actual] = barsOf(c)
    expect(planned.fill).toBe(GANTT_COLOURS.planned)
    const row = paths(c).find((p) => p.hit)!
    const [, rowY, , rowH] = box(row.d)
    const mid = rowY + rowH / 2
    expect(box(planned.d)[1] + box(planned.d)[3]).toBeLessThanOrEqual(mid)
    expect(box(actual.d)[1]).toBeGreaterThanOrEqual(mid)
  })

  it('draws the actual bar of a late project red, and never thinner than 3 px', () => {
    const c = build(one([{ kind: 'started', planned: '2022-01', actual: '2022-01-01', overdue: false, delay_days: 0 }], { late: true }))
    const [planned, actual] = barsOf(c)
    expect(actual.fill).toBe(GANTT_COLOURS.late)
    expect(box(planned.d)[2]).toBe(3)
  })

  it('draws the actual bar of a delayed project amber, else blue', () => {
    const ms = [{ kind: 'started', planned: '2022-01', actual: '2022-03-01', overdue: false, delay_days: 59 }]
    expect(barsOf(build(one(ms, { delayed: true })))[1].fill).toBe(GANTT_COLOURS.delayed)
    expect(barsOf(build(one(ms)))[1].fill).toBe(GANTT_COLOURS.actual)
    expect(GANTT_COLOURS.delayed).not.toBe(GANTT_COLOURS.asOf)
  })
})

describe('ganttTicks', () => {
  it('labels years and draws half-year grid lines; every other year when years are narrow', () => {
    const [min, max] = [Date.UTC(2020, 0, 1), Date.UTC(2024, 0, 1)]
    expect(ganttTicks(min, max, 100).labels.map((t) => new Date(t).getUTCFullYear())).toEqual([2020, 2021, 2022, 2023, 2024])
    expect(ganttTicks(min, max, 100).grid).toHaveLength(9)
    expect(ganttTicks(min, max, 40).labels.map((t) => new Date(t).getUTCFullYear())).toEqual([2020, 2022, 2024])
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

  const chart = build({ projects: sampled, asOf: '2022-06-30', labels })

  it('draws sample bars dashed and pale, fact bars solid', () => {
    const [planned, actual] = barsOf(chart)
    expect(actual.dash).toBe('4 2')
    expect(actual.opacity).toBeLessThan(1)
    expect(actual.sample).toBe(true)
    expect(planned.dash).toBeUndefined()
    expect(planned.sample).toBeFalsy()
  })

  it('gives sample milestone markers a dashed rim and marks them in the tooltip and the table', () => {
    const points = pointsOf(chart)
    const dashed = points.filter((p) => p.dash)
    expect(dashed.map((p) => p.tip?.[1]).sort()).toEqual(['节点:started · 实际 2021-11', '节点:started · 计划 2021-09'])
    expect(dashed.every((p) => p.sample && p.tip?.[2]?.includes('示例'))).toBe(true)
    expect(points.find((p) => p.tip?.[1]?.includes('commissioned'))?.dash).toBeUndefined()
    expect(chart.table.rows.filter((r) => r.sample).map((r) => [r.series, r.value])).toEqual([
      ['计划', '2021-09-01'],
      ['延期达到', '2021-11-01'],
    ])
  })
})

describe('buildGanttChart', () => {
  const chart = build({ projects, asOf: '2026-11-27', labels })
  const names = texts(chart).filter((t) => t.anchor === 'end')

  it('lists projects top to bottom and names late ones in red (bold) and delayed ones in amber', () => {
    expect(names.map((t) => t.title ?? t.text)).toEqual(projects.map((p) => p.name))
    expect(names[0].colour).toBe(GANTT_COLOURS.late)
    expect(names[0].bold).toBe(true)
    expect(names[1].bold).toBe(false)
    expect(names[3].colour).toBe(GANTT_COLOURS.delayed)
    expect(names[0].y).toBeLessThan(names[1].y)
  })

  it('shortens a long name to its column and keeps it whole in its title', () => {
    const long = build({ projects: [{ ...projects[1], name: '很长的项目名称'.repeat(6) }], asOf: '2026-11-27', labels })
    const t = texts(long).find((x) => x.anchor === 'end')!
    expect(t.text.endsWith('…')).toBe(true)
    expect(t.title).toBe('很长的项目名称'.repeat(6))
  })

  it('starts the time axis before the earliest milestone and reaches past as-of', () => {
    const years = texts(chart).filter((t) => /^\d{4}$/.test(t.text)).map((t) => Number(t.text))
    expect(years[0]).toBe(2020)
    expect(years.at(-1)).toBe(2027)
  })

  it('marks the as-of date with a line and a label', () => {
    expect(texts(chart).map((t) => t.text)).toContain('数据日期 2026-11-27')
    expect(paths(chart).some((p) => p.stroke === GANTT_COLOURS.asOf && p.width === 1.5)).toBe(true)
  })

  it('draws overdue planned dates red-rimmed and dates reached late amber; legend in that order', () => {
    const points = pointsOf(chart)
    const overdue = points.filter((p) => p.stroke === GANTT_COLOURS.late)
    expect(overdue.map((p) => p.tip?.[1])).toEqual(['节点:commissioned · 计划 2021-03', '节点:phase · 计划 2023'])
    expect(points.filter((p) => p.fill === GANTT_COLOURS.delayed).map((p) => p.tip?.[1])).toEqual(['节点:commissioned · 实际 2023-04'])
    expect(chart.legend.map((l) => l.label)).toEqual(['计划', '实际', '延期达到', '逾期未达'])
    expect(chart.legendAt).toBe('bottom')
  })

  it('explains a milestone in the tooltip with its days', () => {
    const points = pointsOf(chart)
    const overdue = points.find((p) => p.tip?.[1] === '节点:commissioned · 计划 2021-03')!
    expect(overdue.tip).toEqual([projects[0].name, '节点:commissioned · 计划 2021-03', '已逾期 2067 天'])
    const late = points.find((p) => p.tip?.[1] === '节点:commissioned · 实际 2023-04')!
    expect(late.tip?.[2]).toBe('晚于计划 91 天')
  })

  it('opens a project on a click on its row, bar or milestone, and lets Tab reach each row', () => {
    const rows = paths(chart).filter((p) => p.hit)
    expect(rows.map((r) => r.click)).toEqual(projects.map((p) => p.id))
    expect(rows.every((r) => r.focus && r.tip?.length === 1)).toBe(true)
    expect(barsOf(chart).every((b) => b.click !== undefined)).toBe(true)
    expect(pointsOf(chart).every((p) => p.click !== undefined)).toBe(true)
  })

  it('keeps its plot readable on a narrow screen: wider than the screen, it scrolls', () => {
    expect(build({ projects, asOf: '2026-11-27', labels }, 390).width).toBe(GANTT_MARGIN.left + GANTT_MARGIN.right + GANTT_MIN_PLOT)
    expect(chart.width).toBe(1000)
  })

  it('lists the milestones by project with their dates in its table, not its drawn bars', () => {
    const simple = build({
      projects: [
        { id: 'a', name: '甲项目', late: false, milestones: [{ kind: 'started', planned: '2022-01', actual: '2021-12-01', overdue: false, delay_days: 0 }] },
        { id: 'b', name: '<b>乙</b>项目', late: false, milestones: [{ kind: 'signed', planned: null, actual: null, overdue: false, delay_days: null }] },
      ],
      asOf: '2026-11-27',
      labels,
    })
    expect(simple.table.rows.map((r) => [r.series, r.category, r.value])).toEqual([
      ['计划', '甲项目', '2022-01-01'],
      ['实际', '甲项目', '2021-12-01'],
    ])
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
  const tipIn = (locale?: string) => pointsOf(build({ projects: noted, asOf: '2026-11-27', labels, locale }))[0].tip!.join('\n')
  it('shows the note in the page language', () => {
    expect(tipIn('zh-CN')).toContain('签约')
    expect(tipIn('zh-CN')).not.toContain('agreement signed')
    expect(tipIn('en')).toContain('agreement signed')
    expect(tipIn()).toContain('签约')
  })
})
