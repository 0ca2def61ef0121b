// The web app's first load (issue 8, "Speed"): before the framework has loaded, boot.ts starts the
// page's code and the page's API reads (web/src/routes.ts), and the client answers the page from
// them — so each read is made once, and before the app's main chunk is even requested. The as-of
// date picker and the tooltips are made on first use. Timings are the benchmark's business
// (bench/web_load.mjs); these tests check the order and the behaviour a user relies on.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { byTest, settled, useApp } from './lib/app.mjs'

const byTestPrefix = (prefix) => `[data-test^="${prefix}"]`

const pages = []
const app = useApp(undefined, {
  setup: async () => {
    const [targets, enterprises, projects] = await Promise.all([
      app.getJson('/api/v1/targets'),
      app.getJson('/api/v1/enterprises?limit=1'),
      app.getJson('/api/v1/projects?limit=1'),
    ])
    const settings = 'as_of=2024-06-30&sample=0'
    pages.push(
      { url: `/?${settings}`, data: byTestPrefix('target-card-'), reads: ['/api/v1/targets', '/api/v1/plan'] },
      { url: `/targets/${encodeURIComponent(targets.targets[0].id)}?${settings}`, data: byTest('contributors'), reads: [`/api/v1/targets/${targets.targets[0].id}`] },
      { url: `/forecast?${settings}`, data: byTest('whatif-table'), reads: ['/api/v1/forecast', '/api/v1/targets', '/api/v1/projects'] },
      { url: `/enterprises?sort=-output_value&size=50&${settings}`, data: byTestPrefix('enterprise-row-'), reads: ['/api/v1/enterprises', '/api/v1/zones', '/api/v1/taxonomy'] },
      { url: `/enterprises/${encodeURIComponent(enterprises.items[0].id)}?${settings}`, data: byTest('enterprise-basics'), reads: [`/api/v1/enterprises/${enterprises.items[0].id}`] },
      { url: `/projects?page=1&${settings}`, data: byTestPrefix('project-row-'), reads: ['/api/v1/projects', '/api/v1/zones'] },
      { url: `/projects/${encodeURIComponent(projects.items[0].id)}?${settings}`, data: byTest('project-milestones'), reads: [`/api/v1/projects/${projects.items[0].id}`] },
      { url: `/zones?${settings}`, data: byTest('county-map'), reads: ['/api/v1/zones', '/api/v1/targets'] },
      { url: `/taxonomy?${settings}`, data: byTest('taxonomy-tree'), reads: ['/api/v1/taxonomy'] },
      { url: `/chains?chain=trailer&county=meixian&${settings}`, data: byTest('chain-graph'), reads: ['/api/v1/chains', '/api/v1/chains/trailer'] },
    )
  },
})

describe("a page's first load", () => {
  test("reads each URL once, starting the page's reads before the app's main chunk, at the address's date and sample setting", async () => {
    assert.ok(pages.length)
    for (const p of pages) {
      await app.withPage(async (page) => {
        const requests = []
        page.on('request', (r) => requests.push({ method: r.method(), url: new URL(r.url()) }))
        await page.goto(p.url)
        await page.locator(p.data).first().waitFor()
        await settled(page)
        const gets = requests.filter((r) => r.method === 'GET' && r.url.pathname.startsWith('/api/'))
        const seen = new Map()
        for (const r of gets) seen.set(r.url.pathname + r.url.search, (seen.get(r.url.pathname + r.url.search) ?? 0) + 1)
        const twice = [...seen].filter(([, n]) => n > 1)
        assert.deepEqual(twice, [], `${p.url}: a read made twice`)
        // Who is signed in is read once, with no plan, date or sample setting (it takes none).
        assert.deepEqual(gets.filter((r) => r.url.pathname === '/api/v1/session').map((r) => r.url.search), [''], `${p.url}: GET /api/v1/session once`)
        for (const r of gets.filter((r) => r.url.pathname !== '/api/v1/session')) {
          assert.equal(r.url.searchParams.get('as_of'), '2024-06-30', `${p.url}: ${r.url}`)
          assert.equal(r.url.searchParams.get('sample'), 'false', `${p.url}: ${r.url}`)
        }
        const main = requests.findIndex((r) => /\/assets\/main-[^/]+\.js$/.test(r.url.pathname))
        assert.ok(main > 0, `${p.url}: the app's main chunk was loaded`)
        for (const path of p.reads) {
          const i = requests.findIndex((r) => r.method === 'GET' && r.url.pathname === path)
          assert.ok(i >= 0, `${p.url}: read ${path}`)
          assert.ok(i < main, `${p.url}: ${path} was requested before the main chunk (request ${i}, main ${main})`)
        }
        assert.ok(!requests.some((r) => /AsOfCalendar/.test(r.url.pathname)), `${p.url}: the date picker is not loaded before it is used`)
      })
    }
  })

  test('the as-of field shows the date from the address; the first click loads the picker and opens its calendar', async () => {
    await app.withPage(async (page) => {
      await page.goto('/?as_of=2024-06-30')
      await settled(page)
      const input = page.locator(`${byTest('app-header')} ${byTest('as-of-picker')} input`)
      assert.equal(await input.inputValue(), '2024-06-30')
      await input.click()
      await page.locator('.as-of-popper').waitFor({ state: 'visible' })
      await page.locator('.as-of-popper').getByText('上月末', { exact: true }).waitFor()
      assert.equal(await input.inputValue(), '2024-06-30', 'the picker took over the date')
    })
  })

  test('from the keyboard, the focus moves to the loaded picker and Enter opens its calendar', async () => {
    await app.withPage(async (page) => {
      await page.goto('/')
      await settled(page)
      await page.locator(`${byTest('app-header')} ${byTest('as-of-picker')} input`).focus()
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') === 'false')
      await page.keyboard.press('Enter')
      await page.locator('.as-of-popper').waitFor({ state: 'visible' })
      await page.keyboard.press('Escape')
      await page.locator('.as-of-popper').waitFor({ state: 'hidden' })
    })
  })

  test('a tooltip is made when first wanted: the page has none, hovering a 示例 mark shows its text and leaving hides it', async () => {
    await app.withPage(async (page) => {
      await page.goto('/')
      await settled(page)
      const marks = await page.locator(byTest('sample-tag')).count()
      assert.ok(marks > 5, `the start page marks its sample values (${marks})`)
      assert.ok((await page.locator('.el-popper').count()) < marks, 'tooltips are not made for every mark up front')
      await page.locator(byTest('sample-tag')).first().hover()
      await page.locator('.el-popper.is-dark', { hasText: '示例数据' }).waitFor({ state: 'visible' })
      await page.mouse.move(2, 2)
      await page.locator('.el-popper.is-dark', { hasText: '示例数据' }).waitFor({ state: 'hidden' })
    })
  })
})
