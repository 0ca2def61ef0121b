// The web app on a phone (390×844, issue 8 item 3): every page of the router — each list page and
// a detail page of each kind — fits the screen without sideways scrolling, the header's controls
// are reached through the menu, and the zones page stacks its columns.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { launchBrowser, repoRoot, startServer, useSession } from './lib/server.mjs'

const kPhone = { width: 390, height: 844 }
const byTest = (name) => `[data-test="${name}"]`

let server
let browser
/** Every path of the router, with a real id for each parameter; filled in `before`. */
let paths = []

async function getJson(p) {
  const res = await fetch(new URL(p, server.url), { headers: server.auth })
  assert.equal(res.status, 200, `GET ${p}`)
  return res.json()
}

/** The routes' paths as web/src/routes.ts declares them (the catch-all left out). */
async function routerPaths() {
  const source = await readFile(path.join(repoRoot, 'web/src/routes.ts'), 'utf8')
  const found = [...source.matchAll(/path:\s*'([^']+)'/g)].map((m) => m[1]).filter((p) => !p.includes('pathMatch'))
  assert.ok(found.length >= 8, `the router's paths: ${found.join(', ')}`)
  return found
}

async function phonePage(locale = 'zh-CN') {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: kPhone,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(15_000)
  await useSession(context, server.url)
  if (locale === 'en') await context.addInitScript(() => localStorage.setItem('atlas.locale', 'en'))
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}

async function settled(page) {
  await page.waitForLoadState('networkidle')
  await page.locator(byTest('loading-state')).first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {})
  await page.waitForTimeout(300) // charts and tables lay out after their data
}

/** The page's width against the screen's, and what sticks out (for the failure message). */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const scrollWidth = document.scrollingElement.scrollWidth
    const wide = []
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect()
      if (r.right > width + 1 && r.width > 0) {
        // Inside a box that scrolls sideways on its own: that box, not the page, scrolls.
        let p = el.parentElement
        let scrolled = false
        while (p && p !== document.body) {
          const s = getComputedStyle(p)
          if (/(auto|scroll|hidden)/.test(s.overflowX) && p.getBoundingClientRect().right <= width + 1) {
            scrolled = true
            break
          }
          p = p.parentElement
        }
        if (!scrolled) wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`)
      }
    }
    return { width, scrollWidth, wide: wide.slice(0, 4) }
  })
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const [targets, enterprises, projects] = await Promise.all([
    getJson('/api/v1/targets'),
    getJson('/api/v1/enterprises?limit=500'),
    getJson('/api/v1/projects?limit=500'),
  ])
  // The richest detail page of each kind: most figures, most milestones.
  const enterprise = [...enterprises.items].sort((a, b) => (b.output_value ? 1 : 0) - (a.output_value ? 1 : 0))[0]
  const project = [...projects.items].sort((a, b) => (b.milestones?.length ?? 0) - (a.milestones?.length ?? 0))[0]
  const ids = { '/targets/:id': targets.targets[0].id, '/enterprises/:id': enterprise.id, '/projects/:id': project.id }
  paths = (await routerPaths()).map((p) => {
    if (!p.includes(':')) return p
    assert.ok(ids[p], `the phone test knows no id for the route ${p}: add one`)
    return p.replace(':id', encodeURIComponent(ids[p]))
  })
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a 390 px phone', () => {
  for (const locale of ['zh-CN', 'en']) {
    test(`no page is wider than the screen (${locale})`, async () => {
      const { context, page, errors } = await phonePage(locale)
      try {
        const failures = []
        for (const p of paths) {
          await page.goto(p)
          await settled(page)
          const o = await overflow(page)
          // A phone browser zooms out to show a page wider than the screen (innerWidth grows with
          // it), so the page is measured against the screen's 390 px, not against innerWidth.
          if (o.scrollWidth > kPhone.width || o.width !== kPhone.width) failures.push(`${p}: ${o.scrollWidth} px wide in ${o.width}: ${o.wide.join('; ')}`)
        }
        assert.deepEqual(failures, [])
        assert.deepEqual(errors, [], 'uncaught errors in the page')
      } finally {
        await context.close()
      }
    })
  }

  test('the header folds its controls into a menu that reaches all of them', async () => {
    const { context, page } = await phonePage()
    try {
      await page.goto('/')
      await settled(page)
      assert.equal(await page.locator(`${byTest('app-header')} ${byTest('header-controls')}`).count(), 0, 'no controls squeezed into the header')
      const menu = page.locator(byTest('header-menu'))
      const box = await menu.boundingBox()
      assert.ok(box && box.x >= 0 && box.x + box.width <= kPhone.width, `the menu button is on screen: ${JSON.stringify(box)}`)
      await menu.click()
      const drawer = page.locator('.el-drawer')
      await drawer.waitFor()
      await page.waitForTimeout(500) // the drawer slides in
      for (const control of ['as-of-picker', 'sample-switch', 'language-switch']) {
        const c = drawer.locator(byTest(control))
        await c.waitFor()
        const b = await c.boundingBox()
        assert.ok(b && b.x >= 0 && b.x + b.width <= kPhone.width + 1, `${control} is on screen: ${JSON.stringify(b)}`)
      }
      // The calendar with its quick picks fits the screen, and a pick works from the menu.
      await drawer.locator(`${byTest('as-of-picker')} input`).click()
      const popper = page.locator('.as-of-popper')
      await popper.waitFor()
      await page.waitForTimeout(400)
      const calendar = await popper.boundingBox()
      assert.ok(calendar.x >= 0 && calendar.x + calendar.width <= kPhone.width + 1, `the calendar is on screen: ${JSON.stringify(calendar)}`)
      assert.ok((await overflow(page)).scrollWidth <= kPhone.width, 'the open calendar does not widen the page')
      await popper.getByText('上月末', { exact: true }).click()
      await page.waitForURL(/as_of=\d{4}-\d{2}-\d{2}/)
      // The switches work from the menu: sample off goes into the address.
      await drawer.locator(byTest('sample-switch')).click()
      await page.waitForURL(/sample=0/)
      await drawer.locator(byTest('language-en')).click()
      await page.waitForFunction(() => document.documentElement.lang === 'en')
    } finally {
      await context.close()
    }
  })

  test('the zones page stacks its two columns and the map keeps its width', async () => {
    const { context, page } = await phonePage()
    try {
      await page.goto('/zones')
      await settled(page)
      const map = await page.locator(byTest('county-map')).boundingBox()
      const park = await page.locator('[data-test^="zone-card-"]').first().boundingBox()
      assert.ok(map && park, 'map and park cards shown')
      assert.ok(park.y >= map.y + map.height - 1, `the park card is under the map, not beside it: ${JSON.stringify({ map, park })}`)
      assert.ok(map.width >= kPhone.width - 40, `the map card spans the screen: ${map.width}`)
      const title = await page.locator('[data-test^="zone-card-"] h2').first().boundingBox()
      assert.ok(title.height < 60, `the park title is not wrapped one character a line: ${title.height}px high`)
    } finally {
      await context.close()
    }
  })

  test('the Gantt keeps a readable time axis and scrolls in its own box', async () => {
    const { context, page } = await phonePage()
    try {
      await page.goto('/projects')
      await settled(page)
      const drawing = page.locator(`${byTest('project-gantt')} svg.chart-svg`).first()
      await drawing.waitFor()
      const width = await drawing.evaluate((c) => c.getBoundingClientRect().width)
      assert.ok(width >= 600, `the Gantt is drawn at least 600 px wide: ${width}`)
      const o = await overflow(page)
      assert.ok(o.scrollWidth <= kPhone.width && o.width === kPhone.width, 'the page itself does not scroll sideways')
    } finally {
      await context.close()
    }
  })
})
