// Every chart's tooltips, labels and table with hostile data. The charts are SVG drawn by Vue
// templates: each text goes into the page by text interpolation, never as HTML. This checks both
// halves: the builders pass the text through unchanged (no escaping of their own, which would
// show "&lt;" on screen), and the chart, rendered (Vue's server renderer, the same template
// compiler as in the browser), writes it as escaped text so no element or attribute comes of it.
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it, vi } from 'vitest'
import { i18n } from '../i18n'
import ChartTooltip from '../components/ChartTooltip.vue'
import SvgChart from '../components/SvgChart.vue'
import { buildChainGraph, chainGraphHeight, type ChainGraphLink } from './chainGraph'
import { buildCountyMapChart, mapFeatures, type GeoFeature } from './countyMap'
import { buildFigureChart } from './figures'
import { buildGanttChart, type GanttProject } from './gantt'
import { buildProjectSummaryChart } from './projectSummary'
import type { ChartModel, PathMark, TextMark } from './svg'
import { buildTrajectoryChart } from './trajectory'

// The 示例 tag is Element Plus (its CSS does not load in Node); a stand-in that writes its text.
vi.mock('../components/SampleTag.vue', () => ({ default: { render: () => h('span', '示例') } }))

const HOSTILE = [
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  "javascript:alert('x')",
  '</div><svg onload=alert(1)>',
  '&lt;b&gt;already escaped&lt;/b&gt;',
]

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** How Vue writes text (and attribute values) into HTML: & < > " ' as entities. */
const asText = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c])

/** Every tooltip line and every text of a model. */
function shown(model: ChartModel): string[] {
  const tips = (model.marks.filter((m) => m.kind === 'path') as PathMark[]).flatMap((m) => m.tip ?? [])
  const texts = (model.marks.filter((m) => m.kind === 'text') as TextMark[]).flatMap((m) => [m.text, m.title ?? ''])
  const table = model.table.rows.flatMap((r) => [r.series, r.category, r.value])
  return [...tips, ...texts, ...table]
}

async function render(component: unknown, props: Record<string, unknown>): Promise<string> {
  const app = createSSRApp({ render: () => h(component as never, props) })
  app.use(i18n)
  return renderToString(app)
}

/** The chart as HTML, its table open, and every tooltip it can show. */
async function renderAll(model: ChartModel): Promise<string> {
  const chart = await render(SvgChart, { build: () => model, height: model.height, width: 640 })
  const tips = await Promise.all(
    (model.marks.filter((m) => m.kind === 'path') as PathMark[]).filter((m) => m.tip).map((m) => render(ChartTooltip, { lines: m.tip, x: 10, y: 10, boxWidth: 100 })),
  )
  return [chart, ...tips].join('\n')
}

/** The builder shows each hostile text unchanged; the page gets it as text, no element or attribute from it. */
async function expectInertAndShown(model: ChartModel, hostile: string[] = HOSTILE) {
  const texts = shown(model).join('\n')
  for (const s of hostile) expect(texts).toContain(s)
  let html = await renderAll(model)
  // Each hostile text is there as escaped text; without it, nothing of it is left.
  for (const s of hostile) {
    expect(html).toContain(asText(s))
    html = html.split(asText(s)).join('')
  }
  // (and every text the chart shows: a name shortened to its column with …)
  for (const s of [...HOSTILE, ...shown(model)].sort((a, b) => b.length - a.length)) if (s) html = html.split(asText(s)).join('')
  expect(html).not.toMatch(/<img|<script|<svg onload|<i>|<b>|onerror|onload|javascript:/i)
}

describe('charts with hostile data', () => {
  it('Gantt: project names and milestone notes are text', async () => {
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
    await expectInertAndShown(buildGanttChart({ projects, asOf: '2022-08-01', labels }, 900, 300), [...HOSTILE, '<i>signed</i> · actual 2021-03-01', '59 <b>days</b>'])
  })

  it('county map: county names are text in both languages', async () => {
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 24], [x + 1, 24], [x + 1, 25], [x, 25], [x, 24]]] })
    const geo = { features: HOSTILE.map((name, i): GeoFeature => ({ properties: { adcode: 441400 + i, name, cp: [i + 0.5, 24.5] }, geometry: square(i) })) }
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
        await expectInertAndShown(buildCountyMapChart({ geo, features: mapFeatures(geo), counties, metric, locale, labels }, 600, 300), [...HOSTILE.slice(1), '<b>metric</b>'])
      }
    }
  })

  it('enterprise figures: labels are text', async () => {
    const model = buildFigureChart(
      {
        unit: 'yuan',
        annual: [
          { year: 2023, value: 1e9, months: 9, sample: true },
          { year: 2024, value: 2e9, months: 12, sample: false },
        ],
        locale: 'zh-CN',
        labels: { name: HOSTILE[0], months: () => HOSTILE[1], sample: HOSTILE[2], countUnit: HOSTILE[3] },
      },
      600,
      300,
    )
    await expectInertAndShown(model, [HOSTILE[0], HOSTILE[1], HOSTILE[2]])
  })

  it('project summary: an unknown status shown as itself is text', async () => {
    const rows = HOSTILE.map((status, i) => ({ status, projects: i + 1, expected_output: i ? i * 1e8 : null }))
    const model = buildProjectSummaryChart(rows, 'zh-CN', { status: (s) => s, expectedOutput: '<b>output</b>', projects: (n) => `${n} <i>projects</i>` }, 700, 220)
    await expectInertAndShown(model, [...HOSTILE, '<b>output</b>', '1 <i>projects</i>'])
  })

  it('chain graph: link names, evidence and labels are text', async () => {
    const links: ChainGraphLink[] = HOSTILE.map((name, i) => ({
      id: `l${i}`,
      name,
      verdict: ['strong', 'weak', 'missing', HOSTILE[1]][i % 4]!,
      makers: i,
      sample: i % 2 === 0,
      decided: [HOSTILE[(i + 1) % HOSTILE.length]!],
      closes: i === 2 ? '<b>2027</b>' : '',
    }))
    const edges = [
      { from: 'l0', to: 'l1' },
      { from: 'l1', to: 'l2' },
      { from: 'l3', to: 'l2' },
    ]
    const labels = {
      verdict: (v: string) => `<i>${v}</i>`,
      makers: (n: number) => `${n} <b>makers</b>`,
      sample: '<b>sample</b>',
      sampleTip: '<i>sample data</i>',
      closes: (when: string) => `due ${when}`,
      makersUnit: '<b>unit</b>',
      edge: '<i>edge</i>',
    }
    const model = buildChainGraph({ links, edges, labels, selected: 'l1' }, 1400, chainGraphHeight(links, edges))
    // (the edge's row names both ends: looked for before either is taken out)
    await expectInertAndShown(model, [`${HOSTILE[0]} → ${HOSTILE[1]}`, ...HOSTILE, 'due <b>2027</b>', '<i>sample data</i>'])
  })

  it('trajectory: series names are text', async () => {
    const model = buildTrajectoryChart(
      {
        unit: 'yuan',
        goal: 1e10,
        deadline: 2025,
        baseline: { value: 1e9, period: '2020' },
        series: [{ period: '2021', year: 2021, value: 2e9, complete: true }],
        requiredPath: [{ year: 2025, value: 1e10 }],
        locale: 'zh-CN',
        labels: { actual: HOSTILE[0], requiredPath: HOSTILE[1], goal: HOSTILE[2], baseline: HOSTILE[3], partial: HOSTILE[4], partialSeries: 'p', countUnit: 'c' },
      },
      800,
      340,
    )
    await expectInertAndShown(model, HOSTILE.slice(0, 4))
  })
})
