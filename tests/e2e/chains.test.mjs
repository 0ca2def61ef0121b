// The Chains page (产业链) end to end: a chain of the plan judged link by link
// (GET /api/v1/chains/{id}, docs/chains.md) drawn as a graph, its summary, its gaps and a link's
// evidence, against the real `atlas serve`. The database holds the embedded Meizhou plan (its data
// from data/) and tests/fixtures/plans/riverbend, neither the default: the app opens Meizhou.
// Meizhou's trailer chain, region-wide: kingpins missing (plan §6(2) asks to attract them), the
// axle weak (BPW is its one maker), BPW an anchor the plan names. For the whole region, every
// county's verdicts in one matrix (GET /api/v1/chains/{id}/counties). Screenshots land in artifacts/.
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, test } from 'node:test'
import { byTest, settled, useApp } from './lib/app.mjs'
import { repoRoot, runAtlas } from './lib/server.mjs'

const MEIZHOU = 'meizhou-autoparts-2021-2025'
const RIVERBEND = 'riverbend-ev-2024-2027'
const artifacts = path.join(repoRoot, 'tests/e2e/artifacts')
// The graph's box colours (web/src/charts/chainGraph.ts VERDICT_COLOURS) and a missing link's dash.
const FILL = { strong: '#f0f9eb', weak: '#fdf6ec', missing: '#fef0f0' }
const MISSING_DASH = '5 3'

const api = {}
const app = useApp(
  {
    prepare: async (db) => {
      await runAtlas(['import', '--db', db, path.join(repoRoot, 'data/plans/meizhou-autoparts-2021-2025.toml'), path.join(repoRoot, 'data/plans/meizhou-autoparts-2021-2025.geojson'), path.join(repoRoot, 'data/meizhou')])
      await runAtlas(['import', '--db', db, path.join(repoRoot, 'tests/fixtures/plans/riverbend')])
    },
  },
  {
    setup: async (a) => {
      const [region, meixian, riverbend, riverbendList] = await Promise.all([
        a.getJson(`/api/v1/chains/trailer?plan=${MEIZHOU}`),
        a.getJson(`/api/v1/chains/trailer?plan=${MEIZHOU}&county=meixian`),
        a.getJson(`/api/v1/chains/ev-drive?plan=${RIVERBEND}`),
        a.getJson(`/api/v1/chains?plan=${RIVERBEND}`),
      ])
      Object.assign(api, { region: region.chain, meixian: meixian.chain, riverbend: riverbend.chain, riverbendList })
      await mkdir(artifacts, { recursive: true })
    },
  },
)

const link = (chain, id) => chain.links.find((l) => l.id === id)
/** The graph's box of a link: the focusable mark whose accessible name starts with the link's name. */
const box = (page, name) => page.locator(`${byTest('chain-graph')} path[tabindex="0"][aria-label^="${name} · "]`)

async function openChains(page, url) {
  await page.goto(url)
  await page.locator(`${byTest('chain-graph')} svg.chart-svg path[tabindex="0"]`).first().waitFor()
  await settled(page)
  assert.equal(await page.locator(byTest('error-state')).count(), 0, 'no error state')
}

describe('the Chains page', () => {
  test("draws the trailer chain's links by verdict, lists its gaps and opens a link's evidence and makers", async () => {
    const r = api.region
    assert.equal(link(r, 'kingpin').verdict, 'missing')
    assert.equal(link(r, 'axle').verdict, 'weak')
    await app.withPage(async (page) => {
      await openChains(page, '/chains?chain=trailer')
      assert.equal(new URL(page.url()).searchParams.get('plan'), MEIZHOU)
      // The navigation has the page, next to the taxonomy.
      const nav = await page.locator('.nav-menu [data-test^="nav-"]').evaluateAll((els) => els.map((e) => e.dataset.test))
      assert.deepEqual(nav.slice(-2), ['nav-taxonomy', 'nav-chains'])
      assert.match(await page.locator(byTest('nav-chains')).getAttribute('class'), /is-active/)

      // A box per link; kingpins missing (red, dashed), the axle weak (amber), axle parts strong.
      assert.equal(await page.locator(`${byTest('chain-graph')} path[tabindex="0"]`).count(), r.links.length)
      const kingpin = box(page, link(r, 'kingpin').name.zh)
      assert.equal(await kingpin.getAttribute('fill'), FILL.missing)
      assert.equal(await kingpin.getAttribute('stroke-dasharray'), MISSING_DASH)
      assert.match(await kingpin.getAttribute('aria-label'), /缺链 · 0 家企业 · 本地无生产企业/)
      const axle = box(page, link(r, 'axle').name.zh)
      assert.equal(await axle.getAttribute('fill'), FILL.weak)
      assert.equal(await axle.getAttribute('stroke-dasharray'), null)
      assert.match(await axle.getAttribute('aria-label'), /弱链 · 1 家企业/)
      assert.equal(await box(page, link(r, 'axle-parts').name.zh).getAttribute('fill'), FILL.strong)
      // A box resting on sample data carries the mark; one that does not, none.
      assert.equal(await box(page, link(r, 'moulds').name.zh).getAttribute('data-sample-mark'), 'true')
      assert.equal(await kingpin.getAttribute('data-sample-mark'), null)
      // Upstream left of downstream.
      const x = async (id) => (await box(page, link(r, id).name.zh).boundingBox()).x
      assert.ok((await x('castings')) < (await x('axle-parts')) && (await x('axle-parts')) < (await x('axle')) && (await x('axle')) < (await x('trailer-assembly')))
      // The text alternative lists every link with its verdict.
      const table = page.locator(`${byTest('chain-graph')} ${byTest('chart-table')}`)
      await table.locator('summary').click()
      assert.match(await table.locator('tr', { hasText: link(r, 'kingpin').name.zh }).first().innerText(), /缺链/)

      // The summary: area, year, links made locally, the counts, the rules and where they come from.
      const summary = await page.locator(byTest('chain-summary')).innerText()
      assert.match(summary, /规划全域/)
      assert.match(summary, new RegExp(`${r.year}年`))
      assert.match(summary, new RegExp(`本地已有 ${r.present} / ${r.links.length} 个环节`))
      assert.match(await page.locator(byTest('chain-count-missing')).innerText(), new RegExp(`缺链 ${r.verdicts.missing}`))
      assert.match(await page.locator(byTest('chain-count-weak')).innerText(), new RegExp(`弱链 ${r.verdicts.weak}`))
      assert.match(await page.locator(byTest('chain-rules')).innerText(), /生产企业少于 2 家为弱链/)
      assert.match(await page.locator(byTest('chain-rules-source')).innerText(), /规划原文 §6\(3\)/)

      // The gaps in the API's order, each with the evidence that decided it.
      const gaps = await page.locator('[data-test^="gap-row-"]').evaluateAll((els) => els.map((e) => e.dataset.test.replace('gap-row-', '')))
      assert.deepEqual(gaps, r.gaps)
      const kingpinRow = page.locator('tr', { has: page.locator(byTest('gap-row-kingpin')) })
      assert.match(await kingpinRow.innerText(), /缺链[\s\S]*0家[\s\S]*本地无生产企业/)
      const castingsRow = page.locator('tr', { has: page.locator(byTest('gap-row-castings')) })
      for (const p of link(r, 'castings').pipeline) assert.match(await castingsRow.innerText(), new RegExp(p.name.zh.slice(0, 6)))

      // Clicking the axle's box opens its detail: the evidence that decided it, BPW the anchor maker.
      await axle.click()
      await page.waitForURL((u) => u.searchParams.get('link') === 'axle')
      const detail = page.locator(byTest('chain-link-detail'))
      await detail.locator(byTest('link-evidence')).waitFor()
      assert.match(await detail.locator('h2').innerText(), /车轴[\s\S]*弱链/)
      for (const e of link(r, 'axle').evidence) {
        const item = detail.locator(byTest(`evidence-${e.measure}`))
        assert.equal(await item.getAttribute('data-state'), e.state)
        assert.ok((await item.innerText()).includes(e.text.zh), `${e.measure}: ${e.text.zh}`)
        assert.equal(await item.getAttribute('data-decided'), e.decided ? 'true' : null)
      }
      const bpw = detail.locator(byTest('maker-bpw-meizhou'))
      assert.match(await bpw.innerText(), /BPW（梅州）车轴有限公司[\s\S]*龙头/)
      assert.equal(await bpw.locator('a').getAttribute('href'), '/enterprises/bpw-meizhou')
      assert.match(await detail.locator(byTest('link-makers')).innerText(), /24\.8亿元/)
      assert.match(await detail.locator(byTest('link-pipeline')).innerText(), /BPW第八期车轴扩产和转型升级项目[\s\S]*2021年 已投产/)
      assert.match(await detail.locator(byTest('link-downstream')).innerText(), /挂车整车/)
      // No candidate makes the axle: the empty state, with the plan's weights still stated.
      await detail.locator(byTest('candidates-empty')).waitFor()
      assert.match(await detail.locator(byTest('link-candidates')).innerText(), /没有候选企业生产该环节[\s\S]*评分权重/)
      await page.screenshot({ path: path.join(artifacts, 'chains-trailer-zh.png'), fullPage: true })

      // A link opens from the gaps too, and from the keyboard in the graph.
      await page.locator(`${byTest('gap-row-kingpin')} a`).click()
      await page.waitForURL((u) => u.searchParams.get('link') === 'kingpin')
      await detail.locator(byTest('evidence-makers')).waitFor()
      assert.match(await detail.locator(byTest('evidence-makers')).innerText(), /本地无生产企业/)
      await box(page, link(r, 'tyre').name.zh).focus()
      await page.keyboard.press('Enter')
      await page.waitForURL((u) => u.searchParams.get('link') === 'tyre')

      // The county: Meixian, in the address; the verdicts are the county's.
      await page.locator(`${byTest('county-select')} .el-select__wrapper`).click()
      await page.locator(byTest('county-option-meixian')).click()
      await page.waitForURL((u) => u.searchParams.get('county') === 'meixian')
      await page.locator(byTest('chain-area')).filter({ hasText: '梅县区' }).waitFor()
      await settled(page)
      const m = api.meixian
      assert.equal(new URL(page.url()).searchParams.get('chain'), 'trailer')
      assert.match(await page.locator(byTest('chain-present')).innerText(), new RegExp(`本地已有 ${m.present} / ${m.links.length} 个环节`))
      assert.equal(await box(page, link(m, 'castings').name.zh).getAttribute('fill'), FILL[link(m, 'castings').verdict])
      const gapsMeixian = await page.locator('[data-test^="gap-row-"]').evaluateAll((els) => els.map((e) => e.dataset.test.replace('gap-row-', '')))
      assert.deepEqual(gapsMeixian, m.gaps)

      // A reload (a shared link) shows the same view.
      await page.reload()
      await page.locator(byTest('chain-area')).filter({ hasText: '梅县区' }).waitFor()
      await page.locator(byTest('link-evidence')).waitFor()
      assert.match(await page.locator(`${byTest('county-select')}`).innerText(), /梅县区/)
    })
  })

  test('speaks English with lang=en', async () => {
    const r = api.region
    await app.withPage(async (page) => {
      await openChains(page, '/chains?chain=trailer&link=axle&lang=en')
      assert.equal((await page.locator(byTest('nav-chains')).innerText()).trim(), 'Chains')
      assert.match(await page.locator('h1').first().innerText(), /Industrial chains/)
      const kingpin = box(page, link(r, 'kingpin').name.en)
      assert.match(await kingpin.getAttribute('aria-label'), /Missing · 0 makers · no local maker of its classes/)
      assert.match(await page.locator(byTest('chain-summary')).innerText(), new RegExp(`${r.present} of ${r.links.length} links made locally`))
      const detail = page.locator(byTest('chain-link-detail'))
      assert.ok((await detail.locator(byTest('evidence-makers')).innerText()).includes(link(r, 'axle').evidence[0].text.en))
      assert.match(await detail.locator(byTest('maker-bpw-meizhou')).innerText(), /BPW \(Meizhou\) Axle Co\., Ltd\.[\s\S]*Anchor/)
      assert.doesNotMatch(await page.locator(byTest('chain-gaps')).innerText(), /[\u4e00-\u9fff]/, 'no Chinese in the gaps')
      await page.screenshot({ path: path.join(artifacts, 'chains-trailer-en.png'), fullPage: true })
    })
  })

  test('downloads both catalogues for the area shown, as Excel workbooks or CSV', async () => {
    await app.withPage(async (page) => {
      await openChains(page, `/chains?chain=trailer&county=meixian&plan=${MEIZHOU}`)
      const links = page.locator(byTest('catalogue-downloads'))
      assert.match(await links.innerText(), /重点发展目录[\s\S]*引进企业目录/)
      const href = await page.locator(byTest('catalogue-key-development')).getAttribute('href')
      const url = new URL(href, app.server.url)
      assert.equal(url.pathname, '/api/v1/catalogues/key-development')
      assert.equal(url.searchParams.get('format'), 'xlsx')
      assert.equal(url.searchParams.get('county'), 'meixian', 'the area shown')
      assert.equal(url.searchParams.get('plan'), MEIZHOU)
      const book = await fetch(url)
      assert.equal(book.status, 200)
      assert.equal(book.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      assert.match(book.headers.get('content-disposition'), /attachment; filename="meizhou-autoparts-2021-2025-key-development-meixian\.xlsx"/)
      assert.equal(Buffer.from(await book.arrayBuffer()).subarray(0, 2).toString(), 'PK')
      // A click saves the file under the server's name.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(byTest('catalogue-target-enterprise-csv')).click()])
      assert.equal(download.suggestedFilename(), 'meizhou-autoparts-2021-2025-target-enterprise-meixian.csv')
      const csv = await fetch(new URL(await page.locator(byTest('catalogue-target-enterprise-csv')).getAttribute('href'), app.server.url))
      const bytes = Buffer.from(await csv.arrayBuffer())
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark for spreadsheets')
      assert.match(bytes.subarray(3).toString('utf8'), /^rank,id,name_zh,/)
    })
  })

  test("shows every county's verdicts of the chain for the whole region; a county or a cell opens it", async () => {
    const [plan, answer] = await Promise.all([app.getJson(`/api/v1/plan?plan=${MEIZHOU}`), app.getJson(`/api/v1/chains/trailer/counties?plan=${MEIZHOU}`)])
    const scope = plan.scope.map((c) => c.id)
    assert.ok(scope.length > 1, 'the plan has counties')
    assert.deepEqual(answer.counties.map((c) => c.county.id).sort(), [...scope].sort(), "a row of verdicts per county of the plan")
    const byId = Object.fromEntries(answer.counties.map((c) => [c.county.id, c]))
    // A county and a link of it to open from a cell: the one with the most links made locally, a link it makes.
    const target = answer.counties.reduce((a, b) => (b.present > a.present ? b : a))
    const at = target.verdicts.findIndex((v) => v !== 'missing')
    const gap = answer.links[at < 0 ? 0 : at].id
    const gapVerdict = target.verdicts[at < 0 ? 0 : at]
    const other = byId[scope[scope.length - 1]]
    await app.withPage(async (page) => {
      await openChains(page, '/chains?chain=trailer')
      const card = page.locator(byTest('chain-counties'))
      await card.locator(byTest('county-matrix')).waitFor()
      await settled(page)
      assert.match(await card.locator('h2').innerText(), new RegExp(`各县区环节概览[\\s\\S]*${answer.year}年`))
      // One row per county of the plan, in its order (the area picker's), with its counts; a column per link.
      const rows = await card.locator('[data-test^="county-row-"]').evaluateAll((els) => els.map((e) => e.dataset.test.replace('county-row-', '')))
      assert.deepEqual(rows, scope)
      const headers = await card.locator('thead th').allInnerTexts()
      assert.deepEqual(headers.slice(-answer.links.length).map((h) => h.trim()), answer.links.map((l) => l.name.zh))
      // Each cell shows the county's verdict of the link, in the verdict's words and colour.
      const cells = Object.fromEntries(
        await card.locator('[data-test^="county-cell-"]').evaluateAll((els) => els.map((e) => [e.dataset.test, { verdict: e.dataset.verdict, text: e.innerText.trim(), cls: e.className }])),
      )
      assert.equal(Object.keys(cells).length, scope.length * answer.links.length)
      const WORD = { strong: '强链', weak: '弱链', missing: '缺链' }
      const TYPE = { strong: 'el-tag--success', weak: 'el-tag--warning', missing: 'el-tag--danger' }
      for (const c of answer.counties) {
        answer.links.forEach((l, i) => {
          const cell = cells[`county-cell-${c.county.id}-${l.id}`]
          assert.equal(cell?.verdict, c.verdicts[i], `${c.county.id} × ${l.id}`)
          assert.equal(cell.text, WORD[c.verdicts[i]])
          assert.ok(cell.cls.includes(TYPE[c.verdicts[i]]), `${c.county.id} × ${l.id}: ${cell.cls}`)
        })
        const row = card.locator('tr', { has: page.locator(byTest(`county-row-${c.county.id}`)) })
        for (const v of ['strong', 'weak', 'missing']) assert.equal((await row.locator(byTest(`county-${v}`)).innerText()).trim(), String(c[v]), `${c.county.id} ${v}`)
        // 示例 beside the county whose verdicts rest on sample data, and only there.
        assert.equal(await row.locator(`${byTest(`county-row-${c.county.id}`)} ${byTest('sample-tag')}`).count(), c.sample ? 1 : 0, `${c.county.id} sample`)
      }
      await card.screenshot({ path: path.join(artifacts, 'chains-counties-zh.png') })

      // A cell opens that county with that link: the county's view (no matrix), the link's detail.
      await card.locator(byTest(`county-cell-${target.county.id}-${gap}`)).click()
      await page.waitForURL((u) => u.searchParams.get('county') === target.county.id && u.searchParams.get('link') === gap && u.searchParams.get('chain') === 'trailer')
      await page.locator(byTest('chain-area')).filter({ hasText: target.county.name.zh }).waitFor()
      await settled(page)
      assert.equal(await page.locator(byTest('chain-counties')).count(), 0, 'no matrix for one county')
      assert.match(await page.locator(byTest('link-verdict')).innerText(), new RegExp(WORD[gapVerdict]))
      assert.match(await page.locator(byTest('chain-present')).innerText(), new RegExp(`本地已有 ${target.present} / ${answer.links.length} 个环节`))

      // A county's name opens that county, the address keeping the chain.
      await openChains(page, '/chains?chain=trailer')
      await page.locator(byTest('county-matrix')).waitFor()
      await page.locator(`${byTest(`county-row-${other.county.id}`)} a`).click()
      await page.waitForURL((u) => u.searchParams.get('county') === other.county.id && u.searchParams.get('chain') === 'trailer')
      await page.locator(byTest('chain-area')).filter({ hasText: other.county.name.zh }).waitFor()
      assert.match(await page.locator(byTest('county-select')).innerText(), new RegExp(other.county.name.zh))
      assert.equal(await page.locator(byTest('chain-counties')).count(), 0)
    })

    // English, and a phone: the table scrolls inside the card, the page does not.
    await app.withPage(async (page) => {
      await openChains(page, '/chains?chain=trailer&lang=en')
      const card = page.locator(byTest('chain-counties'))
      await card.locator(byTest('county-matrix')).waitFor()
      assert.match(await card.locator('h2').innerText(), /Links by county/)
      assert.equal((await card.locator(byTest(`county-row-${other.county.id}`)).innerText()).trim(), other.county.name.en)
      const firstCell = card.locator(byTest(`county-cell-${other.county.id}-${answer.links[0].id}`))
      assert.equal((await firstCell.innerText()).trim(), { strong: 'Strong', weak: 'Weak', missing: 'Missing' }[other.verdicts[0]])
      await card.screenshot({ path: path.join(artifacts, 'chains-counties-en.png') })
    })
    await app.withPage(
      async (page) => {
        await openChains(page, '/chains?chain=trailer')
        const card = page.locator(byTest('chain-counties'))
        await card.locator(byTest('county-matrix')).waitFor()
        await card.scrollIntoViewIfNeeded()
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 0, `no sideways scroll of the page (${overflow}px)`)
        const box = await card.boundingBox()
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the card fits the phone (${box?.x}, ${box?.width})`)
        const table = card.locator('.data-table')
        const { scroll, client } = await table.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
        assert.ok(scroll > client, `the matrix scrolls inside its card (${scroll} > ${client})`)
        await card.screenshot({ path: path.join(artifacts, 'chains-counties-phone.png') })
        // A cell far right is reached by scrolling the table, and still opens its county.
        const cell = card.locator(byTest(`county-cell-${target.county.id}-${answer.links[answer.links.length - 1].id}`))
        await cell.scrollIntoViewIfNeeded()
        await cell.click()
        await page.waitForURL((u) => u.searchParams.get('county') === target.county.id)
      },
      { viewport: { width: 390, height: 844 } },
    )
    // A failed read of the counties shows in the card, with its retry; the chain's view stays.
    await app.withPage(async (page) => {
      let fail = true
      await page.route('**/api/v1/chains/trailer/counties*', (route) => (fail ? route.abort('internetdisconnected') : route.continue()))
      await page.goto('/chains?chain=trailer')
      const card = page.locator(byTest('chain-counties'))
      await card.locator(byTest('error-state')).waitFor()
      assert.equal(await page.locator(byTest('error-state')).count(), 1, 'the one error state is in the card')
      await page.locator(`${byTest('chain-graph')} svg.chart-svg path[tabindex="0"]`).first().waitFor()
      assert.match(await page.locator(byTest('chain-summary')).innerText(), /规划全域/)
      fail = false
      await card.locator(byTest('error-retry')).click()
      await card.locator(byTest(`county-row-${other.county.id}`)).waitFor()
      assert.equal(await page.locator(byTest('error-state')).count(), 0)
    })
  })

  test("lists a link's attraction candidates with their scores and reasons, and each gap's in the gap list", async () => {
    const [battery, oem] = await Promise.all([
      app.getJson(`/api/v1/chains/nev-three-electric/links/power-battery/candidates?plan=${MEIZHOU}`),
      app.getJson(`/api/v1/chains/passenger/links/oem/candidates?plan=${MEIZHOU}`),
    ])
    const names = (a) => a.candidates.map((c) => c.name.zh)
    assert.ok(names(battery).includes('比克电池') && names(battery).includes('亿纬锂能'), names(battery).join())
    assert.ok(names(oem).includes('比亚迪'), names(oem).join())
    await app.withPage(async (page) => {
      const requests = []
      page.on('request', (r) => requests.push(new URL(r.url())))
      await openChains(page, '/chains?chain=nev-three-electric&link=power-battery')
      const detail = page.locator(byTest('chain-link-detail'))
      const list = detail.locator(byTest('candidate-list'))
      await list.waitFor()
      // Best first, as the API ranks them: rank, name, region, score with one decimal.
      const shown = await list.locator(byTest('candidate-name')).allInnerTexts()
      assert.deepEqual(shown, names(battery))
      assert.match(await detail.locator(byTest('candidates-count')).innerText(), new RegExp(`${battery.candidates.length} 家`))
      for (const c of battery.candidates) {
        const item = list.locator(byTest(`candidate-${c.id}`))
        assert.equal((await item.locator(byTest('candidate-rank')).innerText()).trim(), String(c.rank))
        assert.equal((await item.locator(byTest('candidate-score')).innerText()).trim(), c.score.toFixed(1))
        const reasons = await item.locator(byTest('candidate-reasons')).innerText()
        assert.match(reasons, /总部位于珠三角，规划重点对接的地区（\+20）/)
        assert.match(reasons, /生产动力电池[\s\S]*（\+\d/)
        // What was not counted is there too, apart.
        assert.match(await item.locator(byTest('candidate-uncounted')).innerText(), /未计分[\s\S]*规模未录入/)
        assert.match(await item.innerText(), /珠三角[\s\S]*规划原文 §6\(3\)/)
      }
      // The five features with weights and values behind 评分明细; the points add up to the score.
      const first = list.locator(byTest(`candidate-${battery.candidates[0].id}`))
      await first.locator(`${byTest('candidate-breakdown')} summary`).click()
      const rows = await first.locator(`${byTest('candidate-breakdown')} tbody tr`).allInnerTexts()
      assert.equal(rows.length, 5)
      assert.match(rows.join('\n'), /规模\s+0\s+1\s+\+0/)
      assert.match(await detail.locator(byTest('candidate-rules')).innerText(), /评分权重：缺口 4 · 配套关系 2 · 规模 1 · 对接地区 2 · 规划点名 1[\s\S]*重点对接地区：粤港澳大湾区、珠三角/)
      assert.match(await detail.locator(byTest('candidate-rules-source')).innerText(), /规划原文 §6\(1\)[\s\S]*规划原文 §6\(3\)/)

      // The gap list: how many candidates each gap has and the best one, read as the rows come into view, each once.
      const gapCell = page.locator(byTest('gap-candidates-power-battery'))
      await gapCell.scrollIntoViewIfNeeded()
      await page.waitForFunction(() => document.querySelector('[data-test="gap-candidates-power-battery"]')?.dataset.count !== undefined)
      assert.equal(await gapCell.innerText(), `${battery.candidates.length} 家，首选 ${battery.candidates[0].name.zh}`)
      await page.locator(`${byTest('gap-candidates-cathode')}[data-count="0"]`).waitFor()
      assert.equal(await page.locator(byTest('gap-candidates-cathode')).innerText(), '无')
      await settled(page)
      const reads = requests.filter((u) => u.pathname.endsWith('/candidates')).map((u) => u.pathname + u.search)
      assert.deepEqual(reads.filter((u, i) => reads.indexOf(u) !== i), [], 'a link\'s candidates read once')
      await page.screenshot({ path: path.join(artifacts, 'chains-candidates-zh.png'), fullPage: true })

      // A link no candidate makes: the empty state.
      await page.locator(`${byTest('gap-row-cathode')} a`).click()
      await page.waitForURL((u) => u.searchParams.get('link') === 'cathode')
      await detail.locator(byTest('candidates-empty')).waitFor()
      assert.match(await detail.locator(byTest('candidates-empty')).innerText(), /没有候选企业生产该环节/)
      assert.equal(await detail.locator(byTest('candidate-list')).count(), 0)

      // The passenger chain's OEM link lists the car makers the plan courts.
      await openChains(page, '/chains?chain=passenger&link=oem')
      await detail.locator(byTest('candidate-list')).waitFor()
      const oemShown = await detail.locator(byTest('candidate-name')).allInnerTexts()
      assert.deepEqual(oemShown, names(oem))
      assert.ok(oemShown.includes('比亚迪'))
      assert.match(await detail.locator(byTest('link-candidates')).innerText(), /粤港澳大湾区/)
    })
  })

  test('lists the candidates in English with lang=en, and on a phone', async () => {
    await app.withPage(async (page) => {
      await openChains(page, '/chains?chain=nev-three-electric&link=power-battery&lang=en')
      const detail = page.locator(byTest('chain-link-detail'))
      await detail.locator(byTest('candidate-list')).waitFor()
      assert.deepEqual(await detail.locator(byTest('candidate-name')).allInnerTexts(), ['EVE Energy', 'BAK Battery'])
      const text = await detail.locator(byTest('link-candidates')).innerText()
      assert.match(text, /Attraction candidates\s+2 candidates/)
      assert.match(text, /head office in 珠三角, a region the plan courts \(\+20\)/)
      assert.match(text, /Not counted: no tie to a local enterprise recorded, scale not recorded/)
      assert.match(text, /Weights: Gap 4 · Ties 2 · Scale 1 · Region 2 · Named by the plan 1/)
      await page.locator(byTest('gap-candidates-power-battery')).scrollIntoViewIfNeeded()
      await page.locator(`${byTest('gap-candidates-power-battery')}[data-count="2"]`).waitFor()
      assert.equal(await page.locator(byTest('gap-candidates-power-battery')).innerText(), '2, best: EVE Energy')
      await page.screenshot({ path: path.join(artifacts, 'chains-candidates-en.png'), fullPage: true })
    })
    await app.withPage(
      async (page) => {
        await openChains(page, '/chains?chain=passenger&link=oem')
        const list = page.locator(byTest('candidate-list'))
        await list.waitFor()
        await list.scrollIntoViewIfNeeded()
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 0, `no sideways scroll (${overflow}px)`)
        const box = await list.boundingBox()
        assert.ok(box && box.width <= 390, `the list fits the phone (${box?.width})`)
        await list.screenshot({ path: path.join(artifacts, 'chains-candidates-phone.png') })
      },
      { viewport: { width: 390, height: 844 } },
    )
  })

  test("shows the second plan's own chain, with its own rules", async () => {
    const rb = api.riverbend
    assert.deepEqual(api.riverbendList.chains.map((c) => c.id), ['ev-drive'])
    await app.withPage(async (page) => {
      await openChains(page, `/chains?plan=${RIVERBEND}`)
      assert.match(await page.locator(byTest('chain-select')).innerText(), /电驱动产业链/)
      assert.equal(await page.locator(`${byTest('chain-graph')} path[tabindex="0"]`).count(), rb.links.length)
      for (const l of rb.links) assert.equal(await box(page, l.name.zh).getAttribute('fill'), FILL[l.verdict], l.id)
      assert.match(await page.locator(byTest('chain-rules')).innerText(), /只计规上企业/)
      assert.match(await page.locator(byTest('chain-summary')).innerText(), /营业收入/)
      assert.equal(await page.getByText('挂车产业链').count(), 0, "none of Meizhou's chains")
      // A chain and a county of another plan in the address: this plan's chain, its whole region, said so.
      await openChains(page, `/chains?plan=${RIVERBEND}&chain=trailer&county=meixian`)
      await page.locator(byTest('chain-unknown')).waitFor()
      await page.locator(byTest('county-unknown')).waitFor()
      assert.match(await page.locator(byTest('chain-area')).innerText(), /规划全域/)
      await page.screenshot({ path: path.join(artifacts, 'chains-riverbend-zh.png'), fullPage: true })
    })
  })

  test("an enterprise's and a project's pages link to the chains their product classes fall in", async () => {
    await app.withPage(async (page) => {
      await page.goto('/enterprises/bpw-meizhou')
      const line = page.locator(byTest('in-chains'))
      await line.waitFor()
      assert.match(await line.innerText(), /挂车产业链[\s\S]*车轴/)
      await page.locator(byTest('in-chain-link-axle')).click()
      await page.waitForURL((u) => u.pathname === '/chains' && u.searchParams.get('chain') === 'trailer' && u.searchParams.get('link') === 'axle')
      await page.locator(byTest('link-evidence')).waitFor()

      await page.goto('/projects/jiayuan-copper-foil-15kt')
      await page.locator(byTest('in-chain-nev-three-electric')).waitFor()
      await page.locator(`${byTest('in-chain-nev-three-electric')} a`).first().click()
      await page.waitForURL((u) => u.pathname === '/chains' && u.searchParams.get('chain') === 'nev-three-electric')
      await page.locator(`${byTest('chain-graph')} svg.chart-svg path[tabindex="0"]`).first().waitFor()
    })
  })
})
