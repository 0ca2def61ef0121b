// Every chart's tooltip with hostile data. ECharts sets a tooltip formatter's string as HTML, so a
// project name, milestone note, county name or status that holds markup must come out as text:
// the only tag a tooltip may contain is the <br/> that tooltipLines writes between lines.
// The formatters are found by walking each option (any function under a `tooltip` key), so a
// tooltip added later is checked too.
import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../format/html'
import { buildCountyMapOption, mapFeatures } from './countyMap'
import { buildFigureOption } from './figures'
import { buildGanttOption, type GanttProject } from './gantt'
import { buildProjectSummaryOption } from './projectSummary'
import { buildTrajectoryOption } from './trajectory'

type Any = any

const HOSTILE = [
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  "javascript:alert('x')",
  '</div><svg onload=alert(1)>',
  '&lt;b&gt;already escaped&lt;/b&gt;',
]

/** The markup in `html` apart from <br/>: [] when everything else is text. */
function liveMarkup(html: string): string[] {
  return html.replace(/<br\/>/g, '').match(/<[^<]*/g) ?? []
}

/** Every function under a `tooltip` key of an option, with its path. */
function tooltipFormatters(node: unknown, path = '', inTooltip = false): { path: string; fn: (...args: Any[]) => unknown }[] {
  if (typeof node === 'function') return inTooltip ? [{ path, fn: node as (...args: Any[]) => unknown }] : []
  if (!node || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([k, v]) => tooltipFormatters(v, `${path}.${k}`, inTooltip || k === 'tooltip'))
}

/** The params ECharts passes a tooltip formatter for each data item of each series. */
function itemParams(option: Any): Any[] {
  const series = (Array.isArray(option.series) ? option.series : [option.series]) as Any[]
  return series.flatMap((s, seriesIndex) =>
    (s.data ?? []).map((d: Any, dataIndex: number) => ({
      componentType: 'series',
      seriesType: s.type,
      seriesIndex,
      seriesName: s.name,
      name: d?.name ?? String(dataIndex),
      data: d,
      value: d?.value ?? d,
      dataIndex,
    })),
  )
}

/** Calls every tooltip formatter of `option` with every item; returns what they wrote. */
function allTooltips(option: Any): string[] {
  const formatters = tooltipFormatters(option)
  expect(formatters.length).toBeGreaterThan(0)
  const out: string[] = []
  for (const { path, fn } of formatters) {
    const args = path.endsWith('valueFormatter') ? [1.5, ...HOSTILE].map((v) => [v, 0]) : itemParams(option).map((p) => [p])
    for (const a of args) {
      const text = fn(...a)
      if (typeof text === 'string') out.push(text)
    }
  }
  return out
}

function expectInertAndShown(tooltips: string[], hostile: string[] = HOSTILE) {
  for (const t of tooltips) expect(liveMarkup(t), t).toEqual([])
  const all = tooltips.join('\n')
  for (const h of hostile) expect(all).toContain(escapeHtml(h))
}

describe('tooltips with hostile data', () => {
  it('Gantt: project names and milestone notes are text', () => {
    const projects: GanttProject[] = HOSTILE.map((name, i) => ({
      id: `p${i}`,
      name,
      late: i % 2 === 0,
      delayed: i % 2 === 1,
      milestones: [
        { kind: 'signed', planned: '2021-01', actual: '2021-03-01', overdue: false, delay_days: 59, note: HOSTILE[(i + 1) % HOSTILE.length] },
        { kind: 'started', planned: '2022-06', actual: null, overdue: true, overdue_days: 30, delay_days: null, note: name },
      ],
    }))
    const labels = {
      planned: 'planned',
      actual: 'actual',
      late: 'late',
      delayed: 'delayed',
      asOf: 'as of',
      sample: 'sample',
      kind: (k: string) => `<i>${k}</i>`,
      overdueDays: (n: number) => `${n} <b>days</b>`,
      delayDays: (n: number) => `${n} <b>days</b>`,
    }
    const option = buildGanttOption({ projects, asOf: '2022-08-01', labels })
    const tips = allTooltips(option)
    expectInertAndShown(tips, [...HOSTILE, '<i>signed</i>', '59 <b>days</b>'])
    // The bars' tooltips (the project's name) too.
    const bars = (option.series as Any[])[0].data as Any[]
    for (const [i, bar] of bars.entries()) expect(liveMarkup((option.tooltip as Any).formatter({ data: bar, dataIndex: i }))).toEqual([])
  })

  it('county map: county names are text in both languages', () => {
    const features = mapFeatures({ features: HOSTILE.map((name, i) => ({ properties: { adcode: 441400 + i, name } })) })
    const counties = HOSTILE.map((name, i) => ({
      id: `c${i}`,
      adcode: 441400 + i,
      name: { zh: name, en: HOSTILE[(i + 1) % HOSTILE.length] },
      enterprises: i,
      output_value: i === 0 ? null : { year: 2025, value: i * 1e8, sample: true },
    }))
    const labels = { metric: '<b>metric</b>', sample: 'sample', noData: '<i>no data</i>' }
    for (const locale of ['zh-CN', 'en']) {
      for (const metric of ['output', 'enterprises'] as const) {
        const option = buildCountyMapOption({ mapName: 'm', features, counties, metric, locale, labels })
        expectInertAndShown(allTooltips(option))
      }
    }
  })

  it('enterprise figures: year names and labels are text', () => {
    const option = buildFigureOption({
      unit: 'yuan',
      annual: [
        { year: 2023, value: 1e9, months: 9, sample: true },
        { year: 2024, value: 2e9, months: 12, sample: false },
      ],
      locale: 'zh-CN',
      labels: { name: HOSTILE[0], months: () => HOSTILE[1], sample: HOSTILE[2], countUnit: HOSTILE[3] },
    })
    const tips = allTooltips(option).concat((option.tooltip as Any).formatter({ name: HOSTILE[4], data: (option.series as Any[])[0].data[0] }))
    expectInertAndShown(tips, [HOSTILE[1], HOSTILE[2], HOSTILE[4]])
  })

  it('project summary: an unknown status shown as itself is text', () => {
    const rows = HOSTILE.map((status, i) => ({ status, projects: i + 1, expected_output: i ? i * 1e8 : null }))
    const option = buildProjectSummaryOption(rows, 'zh-CN', { status: (s) => s, expectedOutput: '<b>output</b>', projects: (n) => `${n} <i>projects</i>` })
    expectInertAndShown(allTooltips(option))
  })

  it('trajectory: the value formatter writes numbers only (ECharts escapes the rest)', () => {
    const option = buildTrajectoryOption({
      unit: 'yuan',
      goal: 1e10,
      deadline: 2025,
      baseline: { value: 1e9, period: '2020' },
      series: [{ period: '2021', year: 2021, value: 2e9, complete: true }],
      requiredPath: [],
      locale: 'zh-CN',
      labels: { actual: HOSTILE[0], requiredPath: HOSTILE[1], goal: HOSTILE[2], baseline: HOSTILE[3], partial: HOSTILE[4], partialSeries: 'p', countUnit: 'c' },
    })
    const formatters = tooltipFormatters(option)
    expect(formatters.map((f) => f.path)).toEqual(['.tooltip.valueFormatter'])
    for (const t of allTooltips(option)) expect(liveMarkup(t)).toEqual([])
  })
})

describe('liveMarkup', () => {
  it('finds any tag but <br/>', () => {
    expect(liveMarkup('a<br/>b')).toEqual([])
    expect(liveMarkup('a &lt;img&gt;')).toEqual([])
    expect(liveMarkup('a<br/><img src=x>')).toEqual(['<img src=x>'])
    expect(liveMarkup('a<svg')).toEqual(['<svg'])
  })
})
