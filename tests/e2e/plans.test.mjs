// Several plans in one database (issue 9): the header's plan switcher, end to end. The database
// holds the embedded Meizhou plan and tests/fixtures/plans/riverbend (an invented county plan with
// no boundary map), neither marked default. The app opens the first plan, the switcher lists both,
// choosing Riverbend shows its own title, targets, zones and no map, the address keeps the plan
// (a reload and a shared link show the same), and every read names it.
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, test } from 'node:test'
import { byTest, settled, useApp } from './lib/app.mjs'
import { repoRoot, runAtlas } from './lib/server.mjs'

const MEIZHOU = 'meizhou-autoparts-2021-2025'
const RIVERBEND = 'riverbend-ev-2024-2027'

const app = useApp({
  prepare: async (db) => {
    await runAtlas(['import', '--db', db, path.join(repoRoot, 'data/plans/meizhou-autoparts-2021-2025.toml'), path.join(repoRoot, 'data/plans/meizhou-autoparts-2021-2025.geojson'), path.join(repoRoot, 'data/meizhou')])
    await runAtlas(['import', '--db', db, path.join(repoRoot, 'tests/fixtures/plans/riverbend')])
  },
})

describe('the plan switcher', () => {
  test('lists the plans, switches the whole app to the one chosen and keeps it in the address', async () => {
    const plans = await app.getJson('/api/v1/plans')
    assert.equal(plans.default, null)
    assert.deepEqual(plans.plans.map((p) => p.id), [MEIZHOU, RIVERBEND])
    const riverbend = plans.plans[1]
    await app.withPage(async (page) => {
      const reads = []
      page.on('request', (r) => {
        const url = new URL(r.url())
        if (url.pathname.startsWith('/api/v1/') && url.pathname !== '/api/v1/plans') reads.push(url)
      })
      // No default: the app opens the first plan and says so in the address.
      await page.goto('/zones')
      await page.locator(byTest('county-map')).waitFor()
      await settled(page)
      assert.equal(new URL(page.url()).searchParams.get('plan'), MEIZHOU)
      assert.equal(new URL(page.url()).pathname, '/zones')
      assert.match(await page.locator(byTest('plan-title')).innerText(), /梅州市汽车零部件产业集群发展规划/)

      await page.locator(`${byTest('plan-switcher')} button`).click()
      const menu = page.locator(byTest('plan-menu'))
      await menu.waitFor()
      assert.equal(await menu.locator('[data-test^="plan-option-"]').count(), 2)
      reads.length = 0
      await page.locator(byTest(`plan-option-${RIVERBEND}`)).click()
      await page.waitForURL((u) => u.searchParams.get('plan') === RIVERBEND)
      await page.locator(byTest('zones-table')).getByText('河湾新能源零部件园').waitFor()
      await settled(page)
      assert.equal(new URL(page.url()).pathname, '/zones')
      assert.match(await page.locator(byTest('plan-title')).innerText(), new RegExp(riverbend.title.zh.slice(0, 8)))
      assert.match(await page.locator(byTest('plan-title')).innerText(), /河湾县府〔2024〕1号/)
      // A plan without a boundary map: the tables, no empty map, no other plan's zone cards —
      // only its own park's, which carries the park-share target (a percent).
      assert.equal(await page.locator(byTest('county-map')).count(), 0)
      const cards = page.locator('[data-test^="zone-card-"]')
      assert.deepEqual(await cards.evaluateAll((els) => els.map((e) => e.dataset.test)), ['zone-card-riverbend-ev-park'])
      assert.match(await page.locator(byTest('zone-target-park-share')).innerText(), /≥ 85%/)
      assert.equal(await page.locator(byTest('zones-table')).getByText('广汽零部件产业园').count(), 0)
      // Its zones' kinds are named by its own plan's vocabulary (its name, or the word itself when
      // the plan declares none), never by Meizhou's.
      const [rbPlan, rbZones] = await Promise.all([app.getJson(`/api/v1/plan?plan=${RIVERBEND}`), app.getJson(`/api/v1/zones?plan=${RIVERBEND}`)])
      for (const z of rbZones.zones) {
        const kind = rbPlan.vocabularies.zone_kind.find((t) => t.id === z.kind)?.name.zh ?? z.kind
        const row = page.locator('tr', { has: page.locator(byTest(`zone-row-${z.id}`)) }).first()
        assert.ok((await row.innerText()).includes(kind), `${z.id}: kind ${kind}`)
      }
      // Riverbend's statistics are of revenue (its plan's output_metric): the tables total 营业收入,
      // 2025 year to date (January–June): the park 4300万 + 3100万, the counties 7400万 and 1700万.
      const zonesTable = await page.locator(byTest('zones-table')).innerText()
      assert.match(zonesTable, /营业收入/)
      assert.doesNotMatch(zonesTable, /工业总产值/)
      assert.match(zonesTable, /7,?400万|0\.74亿/)
      assert.match(await page.locator(byTest('counties-table')).innerText(), /2025年1—6月营业收入/)  // a year to date, not the year
      assert.ok(reads.length > 0, 'the page read again')
      for (const url of reads) assert.equal(url.searchParams.get('plan'), RIVERBEND, `${url}`)
      await page.screenshot({ path: path.join(repoRoot, 'tests/e2e/artifacts/plans-riverbend-zones.png'), fullPage: true })

      // Its targets, and none of Meizhou's; a link to another page keeps the plan.
      await page.locator(byTest('nav-targets')).click()
      await page.locator('[data-test^="target-card-"]').first().waitFor()
      await settled(page)
      assert.equal(new URL(page.url()).searchParams.get('plan'), RIVERBEND)
      assert.equal(await page.locator('[data-test^="target-card-"]').count(), riverbend.counts.targets)
      assert.equal(await page.getByText('汽车零部件工业总产值').count(), 0)
      // A percent target: goal and baseline in percent, the baseline worded as the plan words it.
      const share = page.locator(byTest('target-card-park-share'))
      assert.match(await share.innerText(), /≥ 85%/)
      assert.match(await share.innerText(), /约77\.5%/)
      assert.match(await share.innerText(), /差 3\.68个百分点/)
      // A target in the plan's own unit (vehicles, shown in 万辆), never as a bare count or 个.
      const vehicles = page.locator(byTest('target-card-vehicle-output'))
      assert.match(await vehicles.innerText(), /≥ 5万辆/)
      assert.match(await vehicles.innerText(), /2\.6万辆/)
      assert.doesNotMatch(await vehicles.innerText(), /个/)
      await page.screenshot({ path: path.join(repoRoot, 'tests/e2e/artifacts/plans-riverbend-targets.png'), fullPage: true })

      // A reload (or the shared link) shows the same plan.
      await page.reload()
      await page.locator('[data-test^="target-card-"]').first().waitFor()
      await settled(page)
      assert.equal(await page.locator('[data-test^="target-card-"]').count(), riverbend.counts.targets)
      assert.match(await page.locator(byTest('plan-title')).innerText(), /河湾县/)

      // Its register speaks of revenue and of its own segments, not of 产值 and Meizhou's.
      await page.locator(byTest('nav-enterprises')).click()
      await page.locator('[data-test^="enterprise-row-"]').first().waitFor()
      await settled(page)
      assert.match(await page.locator('.page-header').first().innerText(), /集群内企业及其产品、营业收入、项目与配套关系/)
      const rows = await page.locator('[data-test^="enterprise-row-"]').allInnerTexts()
      assert.ok(rows.length > 0)
      const body = await page.locator('main').innerText()
      assert.match(body, /电驱动零部件/)
      assert.doesNotMatch(body, /挂车等专用车零部件|新能源“三电”零部件/)
      await page.locator(byTest('nav-targets')).click()
      await page.locator('[data-test^="target-card-"]').first().waitFor()
      await settled(page)

      // Back to Meizhou through the menu: its 16 targets and its map again.
      await page.locator(`${byTest('plan-switcher')} button`).click()
      await page.locator(byTest(`plan-option-${MEIZHOU}`)).click()
      await page.waitForURL((u) => u.searchParams.get('plan') === MEIZHOU)
      // Meizhou's cards replace Riverbend's once its targets have come (on a busy machine, after the URL).
      await page.getByText('汽车零部件工业总产值').first().waitFor()
      await settled(page)
      assert.equal(await page.locator('[data-test^="target-card-"]').count(), 16)
    })
  })

  test('an unknown plan in a shared link is a clear error, not another plan', async () => {
    await app.withPage(async (page) => {
      await page.goto('/?plan=no-such-plan')
      await page.locator(byTest('error-state')).first().waitFor()
      const text = await page.locator(byTest('error-state')).first().innerText()
      assert.match(text, /本库没有规划“no-such-plan”/)
    })
  })
})
