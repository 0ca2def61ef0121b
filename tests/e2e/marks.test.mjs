// Honest marks (issue 8, items 1 and 5), in Chromium against the real `atlas serve`:
// - on the projects page every element showing a value derived from sample data — a status, a
//   schedule flag, a summary count, the summary chart, the Gantt — carries the 示例 mark
//   (data-sample="true" with the SampleTag), and nothing else does;
// - with sample=false no mark is left and no status rests on sample milestones;
// - a project without any planned milestone date reads 无进度数据, never 按期;
// - the zones page shows the 未落县 row, the counties' coverage share, the map's source with its
//   审图号 (or that it is not recorded) and a legend with the unit.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { byTest, settled, useApp } from './lib/app.mjs'

const app = useApp()
const { withPage, getJson } = app


const SAMPLE_TAG = byTest('sample-tag')
const MARKED = '[data-sample="true"]'

/** The table row of project `id` on the projects page. */
function projectRow(page, id) {
  return page.locator(`${byTest('project-table')} tr`, { has: page.locator(byTest(`project-row-${id}`)) })
}

/** Every marked element carries the visible mark, and every visible mark sits in a marked element. */
async function marksAreConsistent(page, scope) {
  const unmarkedTags = await page.locator(`${scope} ${SAMPLE_TAG}`).evaluateAll((tags) => tags.filter((t) => !t.closest('[data-sample="true"]')).length)
  const marked = page.locator(`${scope} ${MARKED}`)
  const n = await marked.count()
  for (let i = 0; i < n; i++) assert.equal(await marked.nth(i).locator(SAMPLE_TAG).count(), 1, `marked element ${i} shows the 示例 tag`)
  return unmarkedTags
}

describe('sample marks on the projects page', () => {
  test('every status, flag, count and chart resting on sample milestones carries the mark, and only those', async () => {
    const list = await getJson('/api/v1/projects?limit=500')
    const sampleStatuses = list.items.filter((p) => p.status_sample)
    const sampleSchedules = list.items.filter((p) => p.schedule_sample)
    assert.ok(sampleStatuses.length > 0, 'the data has statuses resting on sample milestones')
    assert.ok(sampleSchedules.length > 0, 'the data has schedule flags resting on sample milestones')
    await withPage(async (page) => {
      await page.goto('/projects')
      await page.locator(byTest('project-table')).waitFor()
      await settled(page)
      for (const p of list.items) {
        const row = projectRow(page, p.id)
        const status = row.locator(byTest('project-status'))
        assert.equal(await status.getAttribute('data-sample'), p.status_sample ? 'true' : null, `${p.id}: status marked iff it rests on sample`)
        assert.equal(await status.locator(SAMPLE_TAG).count(), p.status_sample ? 1 : 0, `${p.id}: status 示例 tag`)
        const flag = row.locator(byTest('schedule-flag'))
        assert.equal(await flag.getAttribute('data-sample'), p.schedule_sample ? 'true' : null, `${p.id}: schedule flag marked iff it rests on sample`)
        assert.equal(await flag.locator(SAMPLE_TAG).count(), p.schedule_sample ? 1 : 0, `${p.id}: schedule 示例 tag`)
      }
      for (const s of list.summary) {
        const cell = page.locator(byTest(`summary-count-${s.status}`))
        assert.equal(await cell.getAttribute('data-sample'), s.sample ? 'true' : null, `summary ${s.status} marked iff it counts sample statuses`)
        assert.equal(await cell.locator(SAMPLE_TAG).count(), s.sample ? 1 : 0)
      }
      assert.equal(await page.locator(byTest('summary-chart-sample')).count(), list.summary.some((s) => s.sample) ? 1 : 0, 'the summary chart is marked')
      const ganttSample = list.items.some((p) => p.milestones.some((m) => m.sample && (m.planned || m.actual)))
      assert.ok(ganttSample)
      assert.equal(await page.locator(`${byTest('project-gantt')} ${byTest('gantt-sample')} ${SAMPLE_TAG}`).count(), 1, 'the Gantt is marked')
      // and inside the charts, the shapes drawn from sample data are marked (dashed, pale, hatched)
      assert.ok((await page.locator(`${byTest('project-gantt')} svg.chart-svg [data-sample-mark="true"]`).count()) > 0, 'the Gantt draws sample milestones marked')
      const summaryShapes = await page.locator('svg.chart-svg path[data-sample-mark="true"]').count()
      assert.ok(summaryShapes > 0, 'sample shapes are marked in the charts')
      // a 已投产 reading resting on sample milestones is never unmarked
      const commissioned = sampleStatuses.filter((p) => p.status === 'commissioned')
      assert.ok(commissioned.length > 0)
      for (const p of commissioned) assert.match(await projectRow(page, p.id).locator(byTest('project-status')).innerText(), /已投产[\s\S]*示例/)
      assert.equal(await marksAreConsistent(page, byTest('page-projects')), 0, 'no 示例 tag outside a marked element')
    })
  })

  test("a project's page marks a status, flag and milestones resting on sample data", async () => {
    const list = await getJson('/api/v1/projects?limit=500')
    const p = list.items.find((x) => x.status_sample && x.schedule_sample)
    assert.ok(p, 'some project has both its status and its flag from sample milestones')
    await withPage(async (page) => {
      await page.goto(`/projects/${p.id}`)
      await page.locator(byTest('project-milestones')).waitFor()
      await settled(page)
      assert.equal(await page.locator(`${byTest('project-status')}${MARKED} ${SAMPLE_TAG}`).count(), 1, 'status marked')
      assert.equal(await page.locator(`${byTest('schedule-flag')}${MARKED} ${SAMPLE_TAG}`).count(), 1, 'flag marked')
      const sampleMilestones = p.milestones.filter((m) => m.sample).length
      assert.equal(await page.locator(`${byTest('milestone-kind')}${MARKED}`).count(), sampleMilestones, 'each sample milestone marked')
      await marksAreConsistent(page, byTest('page-project')) // every marked element shows the tag (provenance tags stand alone here)
    })
  })

  test('with sample=false no mark is left and no status rests on sample milestones', async () => {
    const list = await getJson('/api/v1/projects?limit=500&sample=false')
    assert.ok(list.items.every((p) => !p.status_sample && !p.schedule_sample))
    await withPage(async (page) => {
      await page.goto('/projects?sample=false')
      await page.locator(byTest('project-table')).waitFor()
      await settled(page)
      assert.equal(await page.locator(`${byTest('page-projects')} ${SAMPLE_TAG}`).count(), 0, 'no 示例 tag')
      assert.equal(await page.locator(`${byTest('page-projects')} ${MARKED}`).count(), 0, 'no marked element')
      for (const p of list.items) {
        const text = await projectRow(page, p.id).locator(byTest('project-status')).innerText()
        if (text.includes('已投产')) assert.equal(p.status, 'commissioned', `${p.id} reads 已投产 only from a record`)
      }
      const readings = await page.locator(`${byTest('project-table')} ${byTest('project-status')}`).allInnerTexts()
      assert.equal(readings.filter((t) => t.includes('已投产')).length, list.items.filter((p) => p.status === 'commissioned').length)
    })
  })

  test('a project with no planned milestone date reads 无进度数据, never 按期', async () => {
    for (const query of ['', '&sample=false']) {
      const list = await getJson(`/api/v1/projects?limit=500${query}`)
      const bare = list.items.filter((p) => !p.milestones.some((m) => m.planned))
      assert.ok(bare.length > 0, `some project has no planned date (${query || 'with sample'})`)
      assert.ok(bare.every((p) => p.schedule === 'no-data'))
      await withPage(async (page) => {
        await page.goto(`/projects?x=1${query}`)
        await page.locator(byTest('project-table')).waitFor()
        await settled(page)
        for (const p of bare) {
          const flag = await projectRow(page, p.id).locator(byTest('schedule-flag')).innerText()
          assert.match(flag, /无进度数据/, `${p.id}`)
          assert.doesNotMatch(flag, /按期/, `${p.id}`)
        }
      })
    }
  })
})

describe('county comparison on the zones page', () => {
  test('shows the 未落县 row, the coverage share, the map source with its 审图号 and a legend with the unit', async () => {
    const zones = await getJson('/api/v1/zones')
    assert.ok(zones.county_not_recorded.enterprises > 0)
    assert.ok(zones.county_coverage > 0 && zones.county_coverage < 1)
    await withPage(async (page) => {
      await page.goto('/zones')
      await page.locator(byTest('counties-table')).waitFor()
      await settled(page)
      const row = page.locator(`${byTest('counties-table')} tr`, { has: page.locator(byTest('county-row-not-recorded')) })
      assert.match(await row.innerText(), /未落县/)
      assert.match(await row.innerText(), new RegExp(`\\b${zones.county_not_recorded.enterprises}\\b`))
      const share = `${(zones.county_coverage * 100).toFixed(1)}%`
      assert.ok((await page.locator(byTest('county-coverage')).innerText()).includes(share), `coverage ${share} in the counties table`)
      assert.ok((await page.locator(byTest('map-coverage')).innerText()).includes(share), `coverage ${share} under the map`)
      if (zones.county_not_recorded.output_value?.sample) assert.equal(await page.locator(`${byTest('county-coverage')}${MARKED} ${SAMPLE_TAG}`).count(), 1, 'a coverage built on sample figures is marked')
      assert.match(await page.locator(byTest('map-source')).innerText(), /DataV GeoAtlas[\s\S]*审图号：未记录/)
      assert.match(await page.locator(byTest('map-legend')).innerText(), /颜色[\s\S]*单位亿元/)
    })
  })
})
