// The web app as a user sees it, in Debian's Chromium against the real `atlas serve`: every page
// loads with real data, the language and sample switches work, a drill-down reaches an enterprise,
// API errors reach the user. Saves a full-page screenshot of every page (zh and en) in artifacts/.
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'
import { launchBrowser, newPage, startServer } from './lib/server.mjs'

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts')
const cjk = /[\u4e00-\u9fff]/

let server
let browser
/** What the API says (to compare the pages with), filled in `before`. */
const api = {}

async function getJson(p) {
  const res = await fetch(new URL(p, server.url), { headers: server.auth })
  assert.equal(res.status, 200, `GET ${p}`)
  return res.json()
}

/** A fresh page; `fn(page)` runs in it; afterwards no uncaught error may have happened in the page. */
async function withPage(fn, { locale } = {}) {
  const { context, page, errors } = await newPage(browser, server.url)
  if (locale) await context.addInitScript((l) => localStorage.setItem('atlas.locale', l), locale)
  try {
    await fn(page)
    assert.deepEqual(errors, [], 'uncaught errors in the page')
  } finally {
    await context.close()
  }
}

const byTest = (name) => `[data-test="${name}"]`
const byTestPrefix = (prefix) => `[data-test^="${prefix}"]`

/** Waits until no loading skeleton is left on the page. */
async function settled(page) {
  await page.waitForLoadState('networkidle')
  await page.locator(byTest('loading-state')).first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {})
  assert.equal(await page.locator(byTest('loading-state')).count(), 0, 'a loading state is still shown')
}

/** How many visible marks (paths, bars, points, regions with a size and a colour) a chart's SVG drew. */
async function svgMarks(locator) {
  return locator.evaluate((svg) => {
    let n = 0
    for (const el of svg.querySelectorAll('[data-mark]')) {
      const b = el.getBBox()
      const style = getComputedStyle(el)
      const painted = (style.fill !== 'none' && style.fill !== 'transparent') || style.stroke !== 'none'
      if (painted && (b.width > 0 || b.height > 0)) n++
    }
    return n
  })
}

/** Waits until the chart in `locator` (its SVG) has drawn marks. */
async function waitForMarks(page, locator, what) {
  await locator.waitFor()
  const deadline = Date.now() + 10_000
  let n = 0
  while (Date.now() < deadline && (n = await svgMarks(locator)) < 3) await page.waitForTimeout(200)
  assert.ok(n >= 3, `${what}: the chart drew nothing (${n} marks)`)
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const [plan, targets, enterprises, noSample, projects, zones, taxonomy] = await Promise.all([
    getJson('/api/v1/plan'),
    getJson('/api/v1/targets'),
    getJson('/api/v1/enterprises?limit=500'),
    getJson('/api/v1/enterprises?limit=500&sample=false'),
    getJson('/api/v1/projects?limit=500'),
    getJson('/api/v1/zones'),
    getJson('/api/v1/taxonomy'),
  ])
  Object.assign(api, { plan, targets, enterprises, noSample, projects, zones, taxonomy })
  // A target whose contributors are enterprises, for the drill-down.
  for (const t of targets.targets.filter((x) => x.latest)) {
    const detail = await getJson(`/api/v1/targets/${encodeURIComponent(t.id)}`)
    if (detail.contributors.set === 'enterprises' && detail.contributors.items.length) {
      api.drillTarget = detail
      break
    }
  }
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('every page loads with real data', () => {
  test('the targets dashboard shows one card per target of the plan (16)', async () => {
    await withPage(async (page) => {
      await page.goto('/')
      await page.locator(byTestPrefix('target-card-')).first().waitFor()
      await settled(page)
      assert.equal(api.plan.counts.targets, 16, 'the plan has 16 targets')
      assert.equal(await page.locator(byTestPrefix('target-card-')).count(), 16)
      for (const t of api.targets.targets) {
        const card = page.locator(byTest(`target-card-${t.id}`))
        assert.equal(await card.count(), 1, `the card of ${t.id}`)
        assert.equal(await card.getAttribute('data-status'), t.status, `status of ${t.id}`)
        assert.ok((await card.locator(byTest('target-latest')).innerText()).trim(), `latest value of ${t.id}`)
      }
      assert.match(await page.locator(byTest('plan-title')).innerText(), new RegExp(api.plan.title.zh.slice(0, 8)))
      assert.equal(await page.locator(byTest('error-state')).count(), 0)
    })
  })

  test('the enterprise register lists the enterprises of the first page', async () => {
    await withPage(async (page) => {
      await page.goto('/enterprises')
      await page.locator(byTestPrefix('enterprise-row-')).first().waitFor()
      await settled(page)
      const rows = page.locator(`${byTest('enterprise-table')} ${byTestPrefix('enterprise-row-')}`)
      const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-test').replace('enterprise-row-', '')))
      const expected = api.enterprises.items.slice(0, 20).map((e) => e.id)
      assert.deepEqual(shown, expected, 'the first page (20 rows) in the order of the API')
      const first = api.enterprises.items[0]
      assert.match(await rows.first().innerText(), new RegExp(escapeRegExp(first.name.zh)), 'the Chinese name of the first enterprise')
    })
  })

  test('the projects page shows the table, the summary and the Gantt chart', async () => {
    await withPage(async (page) => {
      await page.goto('/projects')
      await page.locator(byTestPrefix('project-row-')).first().waitFor()
      await settled(page)
      assert.equal(await page.locator(byTestPrefix('project-row-')).count(), Math.min(50, api.projects.total))
      assert.equal(await page.locator(`${byTest('project-summary')} tbody tr`).count(), 5, 'one summary row per status')
      await waitForMarks(page, page.locator(`${byTest('project-gantt')} svg.chart-svg`).first(), 'Gantt')
    })
  })

  test('the charts answer the pointer and the keyboard: tooltips, a Gantt row opens its project, a county its enterprises', async () => {
    await withPage(async (page) => {
      await page.goto('/projects')
      await page.locator(byTestPrefix('project-row-')).first().waitFor()
      await settled(page)
      const gantt = page.locator(`${byTest('project-gantt')} svg.chart-svg`).first()
      await waitForMarks(page, gantt, 'Gantt')
      const row = gantt.locator('path.hit').first()
      // Hover: the row's tooltip names its project; Tab reaches the row and shows it too.
      await row.hover({ position: { x: 60, y: 10 } })
      const tip = page.locator(`${byTest('project-gantt')} ${byTest('chart-tooltip')}`)
      await tip.waitFor()
      const name = (await tip.innerText()).trim()
      assert.ok(name.length > 0, 'the Gantt row shows a tooltip')
      await page.mouse.move(0, 0)
      await row.focus()
      await tip.waitFor()
      assert.equal((await tip.innerText()).trim(), name, 'focus shows the same tooltip')
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/projects\/[^/?]+$/)
      await page.locator(byTest('project-milestones')).waitFor()

      await page.goto('/zones')
      await page.locator(byTest('county-map')).waitFor()
      await settled(page)
      const map = page.locator(`${byTest('county-map')} svg.chart-svg`).first()
      await waitForMarks(page, map, 'county map')
      const county = map.locator('path.clickable').first()
      await county.focus()
      const countyTip = page.locator(`${byTest('county-map')} ${byTest('chart-tooltip')}`)
      await countyTip.waitFor()
      assert.ok((await countyTip.innerText()).trim().length > 0, 'a focused county shows its tooltip')
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/enterprises\?.*county=/)
      await page.goto('/zones')
      await settled(page)
      await page.locator(`${byTest('county-map')} svg.chart-svg path.clickable`).first().click()
      await page.waitForURL(/\/enterprises\?.*county=/)
    })
  })

  test('the zones page shows the county map and a target card for each zone with targets', async () => {
    await withPage(async (page) => {
      await page.goto('/zones')
      await page.locator(byTest('county-map')).waitFor()
      await settled(page)
      await waitForMarks(page, page.locator(`${byTest('county-map')} svg.chart-svg`).first(), 'county map')
      const withTargets = api.zones.zones.filter((z) => z.targets.length)
      assert.ok(withTargets.length >= 1, 'the API names zones with targets')
      assert.equal(await page.locator('[data-test^="zone-card-"]').count(), withTargets.length)
      for (const zone of withTargets) {
        const card = page.locator(byTest(`zone-card-${zone.id}`))
        assert.match(await card.locator('h2').innerText(), new RegExp(zone.name.zh))
        for (const id of zone.targets) {
          const row = card.locator(byTest(`zone-target-${id}`))
          assert.equal(await row.count(), 1, `progress of ${id} in ${zone.id}`)
          assert.equal(await row.locator('.el-progress').count(), 1, `progress bar of ${id}`)
        }
      }
      for (const c of api.zones.counties) assert.equal(await page.locator(byTest(`county-row-${c.id}`)).count(), 1, `county row ${c.id}`)
      for (const z of api.zones.zones) assert.equal(await page.locator(byTest(`zone-row-${z.id}`)).count(), 1, `zone row ${z.id}`)
    })
  })

  test('the taxonomy page shows the tree and the makers of a node', async () => {
    await withPage(async (page) => {
      await page.goto('/taxonomy')
      await page.locator(byTest('taxonomy-tree')).waitFor()
      await settled(page)
      for (const c of api.taxonomy.categories) assert.equal(await page.locator(byTest(`taxonomy-node-${c.code}`)).count(), 1, `category ${c.code}`)
      const category = api.taxonomy.categories.find((c) => c.enterprises > 0)
      await page.locator(byTest(`taxonomy-node-${category.code}`)).click()
      await page.locator(`${byTest('taxonomy-makers')} ${byTestPrefix('enterprise-row-')}`).first().waitFor()
      const rows = await page.locator(`${byTest('taxonomy-makers')} ${byTestPrefix('enterprise-row-')}`).count()
      assert.equal(rows, Math.min(20, category.enterprises), `makers of ${category.code}`)
    })
  })
})

describe("the plan's words", () => {
  // Segments, zone kinds and project types are the plan's words (GET /plan `vocabularies`), not the
  // app's: the pages show the names the plan gives them, and the filters offer the plan's words in
  // the plan's order.
  const termName = (kind, id) => api.plan.vocabularies[kind].find((t) => t.id === id)?.name.zh ?? id
  const rowOf = (page, test) => page.locator('tr', { has: page.locator(byTest(test)) }).first()

  /** The options of the select `test` as its open dropdown lists them. */
  async function selectOptions(page, test) {
    await page.locator(byTest(test)).click()
    const items = page.locator('.el-select__popper:visible .el-select-dropdown__item')
    await items.first().waitFor()
    const texts = (await items.allInnerTexts()).map((s) => s.trim())
    await page.keyboard.press('Escape')
    return texts
  }

  test('the Meizhou plan names its words as the app did before they were the plan\'s', () => {
    const names = (kind) => api.plan.vocabularies[kind].map((t) => t.name.zh).sort()
    assert.deepEqual(names('segment'), ['乘用车零部件', '挂车等专用车零部件', '新能源“三电”零部件', '通用零部件'].sort())
    assert.deepEqual(names('project_type'), ['增资扩产', '优化调整', '招商引资'].sort())
    assert.deepEqual(names('zone_kind'), ['基地', '核心园区', '功能区'].sort())
  })

  test("the register, the zones and the projects show the plan's names; the filters list its words in its order", async () => {
    await withPage(async (page) => {
      await page.goto('/enterprises')
      await page.locator(byTestPrefix('enterprise-row-')).first().waitFor()
      await settled(page)
      const first = api.enterprises.items[0]
      assert.match(await rowOf(page, `enterprise-row-${first.id}`).innerText(), new RegExp(escapeRegExp(termName('segment', first.segment))))
      assert.deepEqual(await selectOptions(page, 'filter-segment'), api.plan.vocabularies.segment.map((t) => t.name.zh))

      await page.goto('/zones')
      await page.locator(byTest('zones-table')).waitFor()
      await settled(page)
      for (const z of api.zones.zones) {
        assert.match(await rowOf(page, `zone-row-${z.id}`).innerText(), new RegExp(escapeRegExp(termName('zone_kind', z.kind))), `kind of ${z.id}`)
      }

      await page.goto('/projects')
      await page.locator(byTestPrefix('project-row-')).first().waitFor()
      await settled(page)
      assert.deepEqual(await selectOptions(page, 'filter-type'), api.plan.vocabularies.project_type.map((t) => t.name.zh))
    })
  })
})

describe('switches', () => {
  test('the language switch changes the visible text from Chinese to English and back', async () => {
    await withPage(async (page) => {
      await page.goto('/')
      await page.locator(byTestPrefix('target-card-')).first().waitFor()
      const nav = page.locator(byTest('nav-targets'))
      const card = page.locator(byTest(`target-card-${api.targets.targets[0].id}`))
      assert.match(await nav.innerText(), cjk, 'Chinese first')
      const zhTitle = await page.locator('h1').first().innerText()

      await page.locator(byTest('language-en')).click()
      await page.waitForFunction(() => document.documentElement.lang === 'en')
      assert.equal((await nav.innerText()).trim(), 'Targets')
      assert.doesNotMatch(await page.locator('nav').innerText(), cjk, 'no Chinese left in the navigation')
      assert.match(await card.innerText(), new RegExp(api.targets.targets[0].title.en.slice(0, 12)), 'the card title in English')
      assert.notEqual(await page.locator('h1').first().innerText(), zhTitle, 'the page title changed')

      await page.locator(byTest('language-zh')).click()
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
      assert.match(await nav.innerText(), cjk, 'Chinese again')
      assert.equal(await page.locator('h1').first().innerText(), zhTitle, 'the page title is Chinese again')
      assert.match(await card.innerText(), new RegExp(api.targets.targets[0].title.zh.slice(0, 6)))
    })
  })

  test('the sample switch hides sample records and marks, and shows them again', async () => {
    const sampleCount = api.enterprises.items.filter((e) => e.sample).length
    assert.ok(sampleCount > 0, 'the data has sample enterprises')
    assert.equal(api.noSample.total, api.enterprises.total - sampleCount, 'the API leaves them out with sample=false')
    await withPage(async (page) => {
      await page.goto('/enterprises?size=100')
      const rows = page.locator(`${byTest('enterprise-table')} ${byTestPrefix('enterprise-row-')}`)
      const marks = page.locator(`${byTest('enterprise-table')} ${byTest('sample-tag')}`)
      await rows.first().waitFor()
      await settled(page)
      assert.equal(await rows.count(), api.enterprises.total, 'every enterprise, sample ones included')
      assert.ok((await marks.count()) >= sampleCount, 'sample marks are shown')

      const refetch = page.waitForRequest((r) => r.url().includes('/api/v1/enterprises') && r.url().includes('sample=false'))
      await page.locator(byTest('sample-switch')).click()
      await refetch
      await settled(page)
      await page.waitForFunction((n) => document.querySelectorAll('[data-test="enterprise-table"] [data-test^="enterprise-row-"]').length === n, api.noSample.total)
      assert.equal(await marks.count(), 0, 'no sample mark with the switch off')
      for (const e of api.enterprises.items.filter((x) => x.sample)) {
        assert.equal(await page.locator(byTest(`enterprise-row-${e.id}`)).count(), 0, `sample enterprise ${e.id} hidden`)
      }

      await page.locator(byTest('sample-switch')).click()
      await page.waitForFunction((n) => document.querySelectorAll('[data-test="enterprise-table"] [data-test^="enterprise-row-"]').length === n, api.enterprises.total)
      await settled(page)
      assert.ok((await marks.count()) >= sampleCount, 'sample marks are back')
    })
  })
})

describe('drill-down', () => {
  test('a target card leads to its detail and a contributor link to the enterprise profile', async () => {
    const target = api.drillTarget
    assert.ok(target, 'a target with enterprise contributors')
    const contributor = target.contributors.items[0]
    await withPage(async (page) => {
      await page.goto('/')
      await page.locator(byTest(`target-card-${target.id}`)).click()
      await page.waitForURL(`**/targets/${target.id}`)
      await page.locator(byTest('page-target')).waitFor()
      await page.locator(byTest('contributors')).waitFor()
      assert.match(await page.locator('h1').first().innerText(), new RegExp(target.title.zh.slice(0, 6)))

      await page.locator(byTest(`contributor-link-${contributor.id}`)).click()
      await page.waitForURL(`**/enterprises/${contributor.id}`)
      await page.locator(byTest('enterprise-basics')).waitFor()
      assert.match(await page.locator(byTest('page-enterprise')).locator('h1').first().innerText(), new RegExp(escapeRegExp(contributor.name.zh)))
    })
  })
})

describe('errors reach the user', () => {
  test('an unknown enterprise shows the error state in Chinese, without the server\'s English words', async () => {
    const res = await fetch(new URL('/api/v1/enterprises/does-not-exist', server.url))
    assert.equal(res.status, 404)
    await withPage(async (page) => {
      await page.goto('/enterprises/does-not-exist')
      await page.locator(byTest('error-state')).waitFor()
      const message = (await page.locator(byTest('error-message')).innerText()).trim()
      assert.match(message, cjk)
      assert.doesNotMatch(message, /[A-Za-z]{2,}/)
    })
  })

  test('a 500 problem from the API shows its message, in the chosen language', async () => {
    const problem = {
      type: '/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'injected by the e2e test',
      instance: '/api/v1/targets',
      code: 'internal',
      message: { zh: '端到端测试注入的服务器错误', en: 'Server failure injected by the e2e test' },
    }
    await withPage(async (page) => {
      await page.route('**/api/v1/targets*', (route) =>
        route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify(problem) }),
      )
      await page.goto('/')
      await page.locator(byTest('error-state')).waitFor()
      assert.equal((await page.locator(byTest('error-message')).innerText()).trim(), problem.message.zh)
      await page.locator(byTest('language-en')).click()
      await page.waitForFunction(() => document.documentElement.lang === 'en')
      assert.equal((await page.locator(byTest('error-message')).innerText()).trim(), problem.message.en)
    })
  })
})

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('screenshots', () => {
  const pages = () => [
    { name: 'targets', url: '/', ready: byTestPrefix('target-card-') },
    { name: 'target', url: `/targets/${api.drillTarget?.id ?? api.targets.targets[0].id}`, ready: byTest('contributors'), chart: byTest('trajectory') },
    { name: 'forecast', url: '/forecast?as_of=2023-06-30', ready: byTest('whatif-table') },
    { name: 'enterprises', url: '/enterprises', ready: byTestPrefix('enterprise-row-') },
    { name: 'enterprise', url: `/enterprises/${api.drillTarget?.contributors.items[0]?.id ?? api.enterprises.items[0].id}`, ready: byTest('enterprise-basics') },
    { name: 'projects', url: '/projects', ready: byTestPrefix('project-row-'), chart: byTest('project-gantt') },
    { name: 'project', url: `/projects/${api.projects.items[0].id}`, ready: byTest('project-milestones') },
    { name: 'zones', url: '/zones', ready: byTest('county-map'), chart: byTest('county-map') },
    { name: 'taxonomy', url: '/taxonomy', ready: byTest('taxonomy-tree') },
    { name: 'chains', url: '/chains?chain=trailer&link=axle', ready: byTest('link-evidence'), chart: byTest('chain-graph') },
  ]
  for (const locale of ['zh-CN', 'en']) {
    test(`every page in ${locale}`, async (t) => {
      await mkdir(artifacts, { recursive: true })
      const failures = []
      await withPage(
        async (page) => {
          for (const p of pages()) {
            try {
              await page.goto(p.url)
              await page.locator(p.ready).first().waitFor()
              await settled(page)
              if (p.chart) await waitForMarks(page, page.locator(`${p.chart} svg.chart-svg`).first(), p.name)
              assert.equal(await page.locator(byTest('error-state')).count(), 0, 'an error state is shown')
            } catch (e) {
              failures.push(`${p.name}: ${e.message.split('\n')[0]}`)
            } finally {
              const file = path.join(artifacts, `${p.name}-${locale}.png`)
              await page.screenshot({ path: file, fullPage: true })
              t.diagnostic(file)
              console.log(`screenshot: ${file}`)
            }
          }
        },
        { locale },
      )
      assert.deepEqual(failures, [], 'pages that did not load')
    })
  }
})
