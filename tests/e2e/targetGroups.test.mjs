// The target page's 分组 / Breakdown card end to end: a target's latest reading broken down by a
// field of its records (GET /api/v1/targets/{id}/groups?by=county), against the real
// `atlas serve` with the embedded Meizhou plan. Total output 2025 by county: the plan's counties in
// its order, the enterprises the plan names without a county last (未登记区县), shares with bars;
// by segment; by zone (zones within zones: no shares); a carrier target asked by county gets the
// server's 400 as a calm empty state; English; a 390 px phone. Screenshots land in artifacts/.
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, test } from 'node:test'
import { byTest, openCard, settled, useApp } from './lib/app.mjs'
import { repoRoot } from './lib/server.mjs'

const artifacts = path.join(repoRoot, 'tests/e2e/artifacts')
const api = {}
const app = useApp(
  {},
  {
    setup: async (a) => {
      const [county, segment, zone, kind] = await Promise.all([
        a.getJson('/api/v1/targets/total-output/groups?by=county'),
        a.getJson('/api/v1/targets/total-output/groups?by=segment'),
        a.getJson('/api/v1/targets/total-output/groups?by=zone'),
        a.getJson('/api/v1/targets/new-provincial-carriers/groups?by=kind'),
      ])
      const res = await fetch(new URL('/api/v1/targets/new-provincial-carriers/groups?by=county', a.server.url))
      assert.equal(res.status, 400)
      const carrierProblem = await res.json()
      assert.equal(carrierProblem.field, 'by')
      Object.assign(api, { county, segment, zone, kind, carrierProblem })
      await mkdir(artifacts, { recursive: true })
    },
  },
)

const rowId = (g) => `group-row-${g.key ? g.key.id : 'none'}`
const shownRows = (page) => page.locator(`${byTest('group-list')} [data-test^="group-row-"]`).evaluateAll((els) => els.map((e) => e.dataset.test))


describe('the 分组 card of a target', () => {
  test('breaks total output down by county in the plan’s order, with shares and the county-less enterprises', async () => {
    const a = api.county
    const meixian = a.groups.find((g) => g.key?.id === 'meixian')
    const none = a.groups.find((g) => g.key === null)
    assert.ok(meixian && none, 'the API answers Meixian and the enterprises without a county')
    assert.equal(a.groups_overlap, false)
    await app.withPage(async (page) => {
      const card = await openCard(page, '/targets/total-output', 'target-groups')
      await card.locator(byTest('group-list')).waitFor()
      assert.equal(await card.getAttribute('data-by'), 'county')
      assert.match(await card.locator('h2').innerText(), /分组[\s\S]*2025年数值，按规划顺序排列/)
      // The picker offers county, zone and segment for an enterprise target; county is on.
      const options = await card.locator(`${byTest('group-by')} [data-test^="group-by-"]`).evaluateAll((els) => els.map((e) => e.dataset.test))
      assert.deepEqual(options, ['group-by-county', 'group-by-zone', 'group-by-segment'])
      assert.match(await card.locator(`${byTest('group-by-county')}`).getAttribute('class'), /is-active/)

      // Every group of the answer, in its order.
      assert.deepEqual(await shownRows(page), a.groups.map(rowId))
      const row = card.locator(byTest('group-row-meixian'))
      assert.equal((await row.locator(byTest('group-name')).innerText()).trim(), '梅县区')
      assert.equal((await row.locator(byTest('group-value')).innerText()).trim(), '34.35亿元')
      assert.equal((await row.locator(byTest('group-share')).innerText()).trim(), '47.2%')
      assert.equal(await row.locator(byTest('group-share')).getAttribute('data-share'), String(meixian.share))
      assert.equal((await row.locator(byTest('group-contributors')).innerText()).trim(), `${meixian.contributors}家`)
      assert.equal(await row.locator(byTest('sample-tag')).count(), 1, 'Meixian rests on sample figures')
      // A bar as long as the share.
      const fill = await row.locator('.fill').evaluate((e) => e.style.width)
      assert.equal(parseFloat(fill).toFixed(2), (meixian.share / 1e4).toFixed(2))
      // The enterprises the plan names without a county: their own row, with their share.
      const noneRow = card.locator(byTest('group-row-none'))
      assert.equal((await noneRow.locator(byTest('group-name')).innerText()).trim(), '未登记区县')
      assert.equal((await noneRow.locator(byTest('group-share')).innerText()).trim(), `${(none.share / 1e4).toFixed(1)}%`)
      // A county without a contributor: 0, no sample mark.
      const dabu = card.locator(byTest('group-row-dabu'))
      assert.match(await dabu.innerText(), /大埔县[\s\S]*0亿元[\s\S]*0%[\s\S]*0家/)
      assert.equal(await dabu.locator(byTest('sample-tag')).count(), 0)
      // The total: the target's reading, 100%, every contributor.
      assert.match(await card.locator(byTest('group-total')).innerText(), new RegExp(`合计[\\s\\S]*72\\.8亿元[\\s\\S]*100%[\\s\\S]*${a.total.contributors}家`))
      assert.equal(await card.locator(byTest('groups-overlap')).count(), 0)
      assert.equal(await card.locator(byTest('group-incomplete')).count(), 0, 'a complete year has no incomplete mark')
      await card.screenshot({ path: path.join(artifacts, 'target-groups-county.png') })
    })
  })

  test('switches to segment and zone, keeps the field in the address, and says when groups overlap', async () => {
    await app.withPage(async (page) => {
      const card = await openCard(page, '/targets/total-output', 'target-groups')
      await card.locator(byTest('group-list')).waitFor()
      await card.locator(byTest('group-by-segment')).click()
      await page.waitForURL((u) => u.searchParams.get('by') === 'segment')
      await page.locator(`${byTest('target-groups')}[data-by="segment"]`).waitFor()
      await settled(page)
      assert.deepEqual(await shownRows(page), api.segment.groups.map(rowId))
      for (const g of api.segment.groups) {
        const r = card.locator(byTest(rowId(g)))
        assert.equal((await r.locator(byTest('group-name')).innerText()).trim(), g.key.name.zh)
        assert.equal((await r.locator(byTest('group-share')).innerText()).trim(), `${Number((g.share / 1e4).toFixed(1))}%`)
      }
      // A reload (a shared link) shows the same field.
      await page.reload()
      await page.locator(`${byTest('target-groups')}[data-by="segment"] ${byTest('group-list')}`).waitFor()
      assert.match(await card.locator(byTest('group-by-segment')).getAttribute('class'), /is-active/)
      await card.screenshot({ path: path.join(artifacts, 'target-groups-segment.png') })

      // Zones within zones: a record counts in several, so no shares, and the card says why.
      assert.equal(api.zone.groups_overlap, true)
      await card.locator(byTest('group-by-zone')).click()
      await page.waitForURL((u) => u.searchParams.get('by') === 'zone')
      await card.locator(byTest('groups-overlap')).waitFor()
      await settled(page)
      assert.match(await card.locator(byTest('groups-overlap')).innerText(), /各分组相互重叠[\s\S]*不显示占比/)
      assert.equal(await card.locator(byTest('group-share')).count(), 0)
      assert.deepEqual(await shownRows(page), api.zone.groups.map(rowId))
      assert.equal((await card.locator(`${byTest('group-row-none')} ${byTest('group-name')}`).innerText()).trim(), '未登记园区')
    })
  })

  test('shows a carrier target asked by county as a calm empty state with the server’s words, and offers kind and level', async () => {
    await app.withPage(async (page) => {
      const card = await openCard(page, '/targets/new-provincial-carriers?by=county', 'target-groups')
      const empty = card.locator(byTest('groups-unavailable'))
      await empty.waitFor()
      assert.match(await empty.innerText(), /该目标不能按区县分组/)
      assert.equal((await empty.locator(byTest('groups-unavailable-detail')).innerText()).trim(), api.carrierProblem.message.zh)
      assert.equal(await page.locator(byTest('error-state')).count(), 0, 'not an error page')
      const options = await card.locator(`${byTest('group-by')} [data-test^="group-by-"]`).evaluateAll((els) => els.map((e) => e.dataset.test))
      assert.deepEqual(options, ['group-by-kind', 'group-by-level'])
      await card.screenshot({ path: path.join(artifacts, 'target-groups-carrier-empty.png') })

      // The kinds the plan declares, in its order, as counts.
      await card.locator(byTest('group-by-kind')).click()
      await page.waitForURL((u) => u.searchParams.get('by') === 'kind')
      await card.locator(byTest('group-list')).waitFor()
      await settled(page)
      assert.deepEqual(await shownRows(page), api.kind.groups.map(rowId))
      const first = api.kind.groups[0]
      assert.match(await card.locator(byTest(rowId(first))).innerText(), new RegExp(`${first.key.name.zh}[\\s\\S]*${first.value}个`))
    })
    // Without ?by= a carrier target opens on its first field, kind.
    await app.withPage(async (page) => {
      const card = await openCard(page, '/targets/new-provincial-carriers', 'target-groups')
      await card.locator(byTest('group-list')).waitFor()
      assert.equal(await card.getAttribute('data-by'), 'kind')
    })
  })

  test('speaks English with lang=en', async () => {
    await app.withPage(async (page) => {
      const card = await openCard(page, '/targets/total-output?lang=en', 'target-groups')
      await card.locator(byTest('group-list')).waitFor()
      assert.match(await card.locator('h2').innerText(), /Breakdown[\s\S]*Values for 2025, in the plan’s order/)
      assert.equal((await card.locator(byTest('group-by-county')).innerText()).trim(), 'By county')
      assert.equal((await card.locator(byTest('group-by-segment')).innerText()).trim(), 'By segment')
      const row = card.locator(byTest('group-row-meixian'))
      assert.equal((await row.locator(byTest('group-name')).innerText()).trim(), 'Meixian District')
      assert.match((await row.locator(byTest('group-value')).innerText()).trim(), /^¥3\.4\d billion$/)
      assert.equal((await row.locator(byTest('group-contributors')).innerText()).trim(), '6 enterprises')
      assert.equal((await card.locator(`${byTest('group-row-none')} ${byTest('group-name')}`).innerText()).trim(), 'County not recorded')
      assert.match(await card.locator(byTest('group-total')).innerText(), /Total[\s\S]*¥7\.28 billion[\s\S]*100%/)
      assert.doesNotMatch(await card.locator(byTest('group-list')).innerText(), /[\u4e00-\u9fff]/, 'no Chinese in the list')
      await card.screenshot({ path: path.join(artifacts, 'target-groups-en.png') })

      await page.goto('/targets/new-provincial-carriers?by=county&lang=en')
      const empty = page.locator(byTest('groups-unavailable'))
      await empty.waitFor()
      assert.match(await empty.innerText(), /This target cannot be broken down by county/)
      assert.equal((await empty.locator(byTest('groups-unavailable-detail')).innerText()).trim(), api.carrierProblem.message.en)
    })
  })

  test('fits a 390 px phone without sideways scrolling', async () => {
    for (const url of ['/targets/total-output', '/targets/total-output?by=zone&lang=en']) {
      await app.withPage(
        async (page) => {
          const card = await openCard(page, url, 'target-groups')
          await card.locator(byTest('group-list')).waitFor()
          await card.scrollIntoViewIfNeeded()
          await page.waitForTimeout(200)
          const o = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, width: document.documentElement.clientWidth }))
          assert.ok(o.scroll <= 390 && o.width === 390, `no sideways scroll (${o.scroll} in ${o.width})`)
          const box = await card.boundingBox()
          assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the card fits the phone (${box?.x}+${box?.width})`)
          // Every row's cells stay inside the card.
          const outside = await card.locator('.row > *').evaluateAll((els, right) => els.filter((e) => e.getBoundingClientRect().right > right + 1).length, box.x + box.width)
          assert.equal(outside, 0)
          await card.screenshot({ path: path.join(artifacts, url.includes('zone') ? 'target-groups-phone-zone-en.png' : 'target-groups-phone.png') })
        },
        { viewport: { width: 390, height: 844 } },
      )
    }
  })
})
