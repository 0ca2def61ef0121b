// The app's shell (issue 8 items 8 and 9): the as-of date and the sample switch live in the
// address (reload, back, shared links), the picker's quick picks, and printing on A4 landscape
// keeps every table column and the whole Gantt on the page.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { byTest, settled, useApp } from './lib/app.mjs'

const app = useApp()
const { withPage } = app

/** A4 landscape less 10 mm margins, in CSS pixels (web/src/print.ts). */
const kPrintWidth = 1046


const pickerInput = (page) => page.locator(`${byTest('app-header')} ${byTest('as-of-picker')} input`)
const sampleSwitch = (page) => page.locator(`${byTest('app-header')} ${byTest('sample-switch')}`)
const sampleOn = async (page) => (await sampleSwitch(page).getAttribute('class')).includes('is-checked')
const query = (page) => Object.fromEntries(new URL(page.url()).searchParams)

/** A request for data (not GET /api/v1/session: who is signed in takes no date or sample setting). */
const isDataRequest = (u) => u.pathname.startsWith('/api/v1/') && u.pathname !== '/api/v1/session'

/** The query (for a POST, its as_of and sample) of the API requests the page makes while `action` runs. */
async function apiQueries(page, action) {
  const seen = []
  const listener = (req) => {
    const u = new URL(req.url())
    if (!isDataRequest(u)) return
    const q = Object.fromEntries(u.searchParams)
    // POST /indicators carries as_of and sample in its body
    if (req.method() === 'POST') {
      const body = req.postDataJSON() ?? {}
      if (body.as_of !== undefined) q.as_of = body.as_of
      if (body.sample !== undefined) q.sample = String(body.sample)
    }
    seen.push(q)
  }
  page.on('request', listener)
  // a click on a link may load the next page's code first: the network can be idle before its
  // first API request, so wait for that request before waiting for the network to settle
  const first = page.waitForRequest((r) => isDataRequest(new URL(r.url())), { timeout: 10_000 }).catch(() => null)
  await action()
  await first
  await settled(page)
  page.off('request', listener)
  return seen
}

describe('the as-of date and the sample switch in the address', () => {
  test('a quick pick sets the date; both survive a reload, a link to another page and back', async () => {
    await withPage(async (page) => {
      await page.goto('/')
      await settled(page)
      await pickerInput(page).click()
      const popper = page.locator('.as-of-popper')
      await popper.waitFor()
      // The picker's tooltip does not cover the open calendar, not even when its label is hovered.
      await page.locator(`${byTest('app-header')} ${byTest('as-of-picker')} .control-label`).hover()
      await page.waitForTimeout(400)
      const tips = await page.locator('.el-popper.is-dark:visible').allInnerTexts()
      assert.deepEqual(tips, [], 'no tooltip over the calendar')
      const expected = await page.evaluate(() => {
        const d = new Date()
        const end = new Date(d.getFullYear(), 0, 0)
        return `${end.getFullYear()}-12-31`
      })
      const requests = await apiQueries(page, () => popper.getByText('上年末', { exact: true }).click())
      await page.waitForURL(/as_of=/)
      assert.equal(query(page).as_of, expected)
      assert.equal(await pickerInput(page).inputValue(), expected)
      assert.ok(requests.length && requests.every((q) => q.as_of === expected), `the pages read at ${expected}: ${JSON.stringify(requests)}`)

      await sampleSwitch(page).click()
      await page.waitForURL(/sample=0/)
      assert.deepEqual(query(page), { as_of: expected, sample: '0' })

      await page.reload()
      await settled(page)
      assert.deepEqual(query(page), { as_of: expected, sample: '0' }, 'the address after a reload')
      assert.equal(await pickerInput(page).inputValue(), expected, 'the picker after a reload')
      assert.equal(await sampleOn(page), false, 'sample data stays off after a reload')
      await page.locator(byTest('data-as-of')).getByText('否').waitFor()

      const onEnterprises = await apiQueries(page, () => page.locator(byTest('nav-enterprises')).click())
      await page.waitForURL(/\/enterprises/)
      assert.deepEqual(query(page), { as_of: expected, sample: '0' }, 'a link to another page keeps both')
      assert.ok(onEnterprises.length && onEnterprises.every((q) => q.as_of === expected && q.sample === 'false'), JSON.stringify(onEnterprises))

      await page.goBack()
      await settled(page)
      assert.equal(new URL(page.url()).pathname, '/')
      assert.deepEqual(query(page), { as_of: expected, sample: '0' }, 'back keeps both')
      assert.equal(await pickerInput(page).inputValue(), expected)
      assert.equal(await sampleOn(page), false)
    })
  })

  test('a shared link opens at its date without sample data; back undoes a change in the header', async () => {
    await withPage(async (page) => {
      const requests = await apiQueries(page, () => page.goto('/projects?as_of=2022-06-30&sample=0'))
      assert.equal(await pickerInput(page).inputValue(), '2022-06-30')
      assert.equal(await sampleOn(page), false)
      assert.ok(requests.length && requests.every((q) => q.as_of === '2022-06-30' && q.sample === 'false'), JSON.stringify(requests))

      await sampleSwitch(page).click()
      await page.waitForURL((u) => !u.searchParams.has('sample'))
      assert.equal(await sampleOn(page), true)
      await page.goBack()
      await page.waitForURL(/sample=0/)
      await settled(page)
      assert.equal(await sampleOn(page), false, 'back restores the switch')
      assert.equal(query(page).as_of, '2022-06-30')
    })
  })
})

describe('accessibility', () => {
  test('a target card shows a visible keyboard focus', async () => {
    await withPage(async (page) => {
      await page.goto('/')
      await settled(page)
      let onCard = false
      for (let i = 0; i < 60 && !onCard; i++) {
        await page.keyboard.press('Tab')
        onCard = await page.evaluate(() => !!document.activeElement?.getAttribute('data-test')?.startsWith('target-card-'))
      }
      assert.ok(onCard, 'Tab reaches a target card')
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement)
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }
      })
      assert.equal(ring.style, 'solid', JSON.stringify(ring))
      assert.ok(ring.width >= 2, JSON.stringify(ring))
    })
  })

  test('charts and the map are labelled images with a data table', async () => {
    await withPage(async (page) => {
      await page.goto('/zones')
      await settled(page)
      const map = page.locator(`${byTest('county-map')} [role="img"]`)
      assert.match(await map.getAttribute('aria-label'), /县|county/i)
      const table = page.locator(`${byTest('county-map')} ${byTest('chart-table')}`)
      await table.locator('summary').click()
      assert.ok((await table.locator('tbody tr').count()) >= 5, 'a row per county with a figure')
      await page.goto('/projects')
      await settled(page)
      const gantt = page.locator(`${byTest('project-gantt')} [role="img"]`)
      assert.ok((await gantt.getAttribute('aria-label')).length > 3)
      assert.ok((await page.locator(`${byTest('project-gantt')} ${byTest('chart-table')} tbody tr`).count()) > 0, 'the Gantt lists its milestones')
    })
  })
})

describe('printing on A4 landscape', () => {
  /** Emulates print media and runs what the browser runs before printing. */
  async function printLayout(page) {
    await page.emulateMedia({ media: 'print' })
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    await page.waitForTimeout(100)
  }

  /** Every table header cell and chart drawing, and whether it lies inside the printed width. */
  function outside(page, width) {
    return page.evaluate((width) => {
      const out = []
      for (const th of document.querySelectorAll('.data-table thead th')) {
        const r = th.getBoundingClientRect()
        if (r.width > 0 && r.right > width + 1) out.push(`th "${th.innerText.trim()}" right=${Math.round(r.right)}`)
      }
      for (const c of document.querySelectorAll('.echart svg.chart-svg')) {
        const r = c.getBoundingClientRect()
        if (r.right > width + 1) out.push(`chart right=${Math.round(r.right)}`)
      }
      return out
    }, width)
  }

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: kPrintWidth, height: 740 },
  ]) {
    test(`all table columns and the Gantt fit the page (screen ${viewport.width} px)`, async () => {
      await withPage(async (page) => {
        for (const path of ['/projects', '/zones']) {
          await page.emulateMedia({ media: 'screen' })
          await page.goto(path)
          await settled(page)
          await page.waitForTimeout(300)
          const columns = await page.locator('.data-table thead th').count()
          await printLayout(page)
          assert.equal(await page.locator(byTest('header-controls')).isVisible(), false, 'header controls are not printed')
          const main = await page.locator('main').boundingBox()
          assert.ok(main.width <= kPrintWidth + 1, `${path}: laid out at the page's width: ${main.width}`)
          assert.deepEqual(await outside(page, main.x + main.width), [], `${path}: something is cut at the page's edge`)
          assert.equal(await page.locator('.data-table thead th').count(), columns, `${path}: no column dropped`)
          await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
        }
      }, { viewport })
    })
  }

  test('printing to PDF gives A4 landscape pages and runs the fit before printing', async () => {
    await withPage(async (page) => {
      await page.goto('/projects')
      await settled(page)
      await page.evaluate(() => {
        window.__printed = 0
        addEventListener('beforeprint', () => (window.__printed = document.documentElement.classList.contains('printing') ? 1 : -1))
      })
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
      const box = /MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)
      assert.ok(box, 'the PDF has a page size')
      // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt.
      assert.ok(Math.abs(Number(box[1]) - 841.9) < 2 && Math.abs(Number(box[2]) - 595.3) < 2, `page ${box[1]} × ${box[2]} pt`)
      assert.equal(await page.evaluate(() => window.__printed), 1, 'the page was laid out for print before printing')
    })
  })
})
