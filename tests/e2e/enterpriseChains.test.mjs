// The enterprise profile's 产业链位置与上下游 / Place in the chains card end to end: per chain link
// the enterprise makes (GET /api/v1/enterprises/{id} `chain_links`), its partners directly upstream
// and downstream, against the real `atlas serve` with the embedded Meizhou plan. BPW (Meizhou)
// makes 车轴配件 (hongyu supplies its castings) and 车轴 (福德金属 supplies brake drums and wheel
// hubs: one entry with both links); hongyu's page shows BPW downstream; a link name opens the Chains
// page on that link; an enterprise of no link says so; English; a 390 px phone. Screenshots land in
// artifacts/.
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, test } from 'node:test'
import { byTest, openCard, useApp } from './lib/app.mjs'
import { repoRoot } from './lib/server.mjs'

const artifacts = path.join(repoRoot, 'tests/e2e/artifacts')
const api = {}
const app = useApp(
  {},
  {
    setup: async (a) => {
      const [bpw, hongyu, list] = await Promise.all([
        a.getJson('/api/v1/enterprises/bpw-meizhou'),
        a.getJson('/api/v1/enterprises/hongyu'),
        a.getJson('/api/v1/enterprises?outside=true&limit=100'),
      ])
      // An enterprise that makes no link of the plan's chains (an outside firm: a parent, a partner).
      let none = null
      for (const item of list.items) {
        const d = await a.getJson(`/api/v1/enterprises/${encodeURIComponent(item.id)}`)
        if (d.chain_links.length === 0) {
          none = d
          break
        }
      }
      Object.assign(api, { bpw, hongyu, none })
      await mkdir(artifacts, { recursive: true })
    },
  },
)

const rowTest = (l) => `chain-place-${l.chain.id}-${l.link.id}`
const shownRows = (card) => card.locator('section.place').evaluateAll((els) => els.map((e) => e.dataset.test))
const partnersOf = (side) => side.locator('li[data-test^="chain-partner-"]').evaluateAll((els) => els.map((e) => e.dataset.test.slice('chain-partner-'.length)))


describe('the 产业链位置与上下游 card of an enterprise', () => {
  test('shows BPW’s links with their upstream partners, each partner once, and links to the Chains page', async () => {
    const axle = api.bpw.chain_links.find((l) => l.link.id === 'axle')
    const parts = api.bpw.chain_links.find((l) => l.link.id === 'axle-parts')
    assert.ok(axle && parts, 'the API answers BPW’s 车轴 and 车轴配件')
    assert.ok(axle.upstream.some((p) => p.id === 'fude-metal') && parts.upstream.some((p) => p.id === 'hongyu'))
    await app.withPage(async (page) => {
      const card = await openCard(page, '/enterprises/bpw-meizhou', 'enterprise-chain-place')
      assert.match(await card.locator('h2').innerText(), /产业链位置与上下游/)
      // A row per link the answer names, in its order.
      assert.deepEqual(await shownRows(card), api.bpw.chain_links.map(rowTest))

      const axleRow = card.locator(byTest('chain-place-trailer-axle'))
      assert.equal((await axleRow.locator(byTest('chain-place-link')).innerText()).trim(), '挂车产业链 › 车轴')
      assert.equal((await axleRow.locator(byTest('chain-place-link-name')).innerText()).trim(), '车轴')
      const axleUp = axleRow.locator(byTest('chain-place-upstream'))
      assert.match(await axleUp.innerText(), /上游供应方/)
      // 福德金属 supplies two links (brake drums, wheel hubs): shown once, with both.
      assert.deepEqual(await partnersOf(axleUp), [...new Set(axle.upstream.map((p) => p.id))])
      const fude = axleUp.locator(byTest('chain-partner-fude-metal'))
      assert.equal((await fude.locator('a').innerText()).trim(), '梅州市福德金属制品有限公司')
      assert.equal(await fude.locator('a').getAttribute('href'), '/enterprises/fude-metal')
      assert.equal((await fude.locator(byTest('chain-partner-details')).innerText()).trim(), '制动鼓、轮毂')
      assert.equal(await fude.locator(byTest('chain-partner-outside')).count(), 0, 'a local partner has no outside tag')
      assert.equal(await fude.locator(byTest('sample-tag')).count(), 0, 'not sample')
      // Nobody recorded downstream: said in words.
      const axleDown = axleRow.locator(byTest('chain-place-downstream'))
      assert.match(await axleDown.innerText(), /下游客户[\s\S]*未录入/)
      assert.equal(await axleDown.locator(byTest('chain-place-none')).count(), 1)

      const partsRow = card.locator(byTest('chain-place-trailer-axle-parts'))
      assert.equal((await partsRow.locator(byTest('chain-place-link-name')).innerText()).trim(), '车轴配件')
      const hongyu = partsRow.locator(`${byTest('chain-place-upstream')} ${byTest('chain-partner-hongyu')}`)
      assert.equal((await hongyu.locator('a').innerText()).trim(), '梅州洪裕汽车配件制造有限公司')
      assert.equal((await hongyu.locator(byTest('chain-partner-details')).innerText()).trim(), parts.upstream.find((p) => p.id === 'hongyu').link.name.zh)
      await card.screenshot({ path: path.join(artifacts, 'enterprise-chains-bpw.png') })

      // The link's name opens the Chains page on that chain and link.
      await axleRow.locator(byTest('chain-place-link')).click()
      await page.waitForURL((u) => u.pathname === '/chains' && u.searchParams.get('chain') === 'trailer' && u.searchParams.get('link') === 'axle')
      await page.locator(byTest('chain-link-detail')).waitFor()
    })
  })

  test('shows hongyu’s downstream customer BPW, which opens BPW’s profile', async () => {
    const castings = api.hongyu.chain_links.find((l) => l.link.id === 'castings')
    assert.ok(castings?.downstream.some((p) => p.id === 'bpw-meizhou'), 'the API answers BPW downstream of hongyu')
    await app.withPage(async (page) => {
      const card = await openCard(page, '/enterprises/hongyu', 'enterprise-chain-place')
      assert.deepEqual(await shownRows(card), api.hongyu.chain_links.map(rowTest))
      const row = card.locator(byTest('chain-place-trailer-castings'))
      const down = row.locator(byTest('chain-place-downstream'))
      assert.deepEqual(await partnersOf(down), [...new Set(castings.downstream.map((p) => p.id))])
      const bpw = down.locator(byTest('chain-partner-bpw-meizhou'))
      assert.equal((await bpw.locator('a').innerText()).trim(), 'BPW（梅州）车轴有限公司')
      // Its link, and its county (the answer knows it).
      assert.equal((await bpw.locator(byTest('chain-partner-details')).innerText()).trim(), '车轴配件 · 梅县区')
      assert.match(await row.locator(byTest('chain-place-upstream')).innerText(), /上游供应方[\s\S]*未录入/)
      await card.screenshot({ path: path.join(artifacts, 'enterprise-chains-hongyu.png') })

      await bpw.locator('a').click()
      await page.waitForURL((u) => u.pathname === '/enterprises/bpw-meizhou')
      await page.locator(byTest('chain-place-trailer-axle')).waitFor()
    })
  })

  test('says so when the enterprise makes no link of the plan’s chains', async () => {
    assert.ok(api.none, 'some outside enterprise makes no chain link')
    await app.withPage(async (page) => {
      const card = await openCard(page, `/enterprises/${encodeURIComponent(api.none.id)}`, 'enterprise-chain-place')
      assert.match(await card.locator(byTest('empty-state')).innerText(), /该企业的产品不属于规划中任何产业链的环节/)
      assert.equal(await card.locator('section.place').count(), 0)
    })
  })

  test('speaks English with lang=en', async () => {
    await app.withPage(async (page) => {
      const card = await openCard(page, '/enterprises/bpw-meizhou?lang=en', 'enterprise-chain-place')
      assert.match(await card.locator('h2').innerText(), /Place in the chains/)
      const axleRow = card.locator(byTest('chain-place-trailer-axle'))
      assert.equal((await axleRow.locator(byTest('chain-place-link')).innerText()).trim(), 'Trailer chain › Axles')
      const fude = axleRow.locator(`${byTest('chain-place-upstream')} ${byTest('chain-partner-fude-metal')}`)
      assert.equal((await fude.locator('a').innerText()).trim(), 'Meizhou Fude Metal Products Co., Ltd.')
      assert.equal((await fude.locator(byTest('chain-partner-details')).innerText()).trim(), 'Brake drums, Wheel hubs')
      assert.match(await axleRow.innerText(), /Upstream suppliers[\s\S]*Downstream customers[\s\S]*None recorded/)
      assert.doesNotMatch(await card.innerText(), /[\u4e00-\u9fff]/, 'no Chinese in the card')
      await card.screenshot({ path: path.join(artifacts, 'enterprise-chains-en.png') })
    })
  })

  test('fits a 390 px phone without sideways scrolling', async () => {
    await app.withPage(
      async (page) => {
        const card = await openCard(page, '/enterprises/bpw-meizhou?lang=en', 'enterprise-chain-place')
        await card.scrollIntoViewIfNeeded()
        await page.waitForTimeout(200)
        const o = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, width: document.documentElement.clientWidth }))
        assert.ok(o.scroll <= 390 && o.width === 390, `no sideways scroll (${o.scroll} in ${o.width})`)
        const box = await card.boundingBox()
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the card fits the phone (${box?.x}+${box?.width})`)
        const outside = await card.locator('section.place *').evaluateAll((els, right) => els.filter((e) => e.getBoundingClientRect().right > right + 1).length, box.x + box.width)
        assert.equal(outside, 0, 'everything in the card stays inside it')
        // The two sides stack: downstream below upstream.
        const up = await card.locator(`${byTest('chain-place-trailer-axle')} ${byTest('chain-place-upstream')}`).boundingBox()
        const down = await card.locator(`${byTest('chain-place-trailer-axle')} ${byTest('chain-place-downstream')}`).boundingBox()
        assert.ok(down.y >= up.y + up.height - 1, 'the sides stack on a phone')
        await card.screenshot({ path: path.join(artifacts, 'enterprise-chains-phone.png') })
      },
      { viewport: { width: 390, height: 844 } },
    )
  })
})
