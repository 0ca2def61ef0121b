// Numbers as a planner reads them (issue 8, items 4, 6, 7, 8): target cards say the gap in the
// target's unit; count targets never show raw yuan; internal ids stay in 详情; every table exports
// a CSV (BOM, header and rows as the table shows them); columns sort on raw values; an unknown
// enterprise gives a Chinese error.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { byTest, settled, useApp } from './lib/app.mjs'

const app = useApp(undefined, { setup: loadApi })
const { withPage, getJson } = app

const api = {}

const byTestPrefix = (prefix) => `[data-test^="${prefix}"]`

/** Parses CSV text (RFC 4180, as web/src/export/csv.ts writes it) into rows of cells. */
function parseCsv(text) {
  const rows = []
  let row = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    } else cell += c
  }
  if (cell || row.length) row.push(cell), rows.push(row)
  return rows
}

async function loadApi() {
  api.targets = (await getJson('/api/v1/targets')).targets
  // A count target over an amount threshold whose contributors carry their output in yuan.
  for (const t of api.targets.filter((x) => x.unit === 'count' && x.latest && x.indicator.startsWith('count(enterprises)'))) {
    const d = await getJson(`/api/v1/targets/${encodeURIComponent(t.id)}`)
    if (d.contributors.items.length >= 2 && d.contributors.items.some((c) => (c.value ?? 0) >= 1e8)) {
      api.countTarget = d
      break
    }
  }
}

describe('target cards', () => {
  test('a card shows the gap in its unit: 亿元 for money, 家 for enterprises', async () => {
    const money = api.targets.find((t) => t.unit === 'yuan' && t.latest && t.latest.value < t.goal.value)
    const count = api.targets.find((t) => t.unit === 'count' && t.indicator.startsWith('count(enterprises)') && t.latest && t.latest.value < t.goal.value)
    assert.ok(money && count, 'the data have a money and an enterprise-count target short of their goals')
    await withPage(async (page) => {
      await page.goto('/')
      await page.locator(byTestPrefix('target-card-')).first().waitFor()
      await settled(page)
      const moneyGap = (await page.locator(`${byTest(`target-card-${money.id}`)} ${byTest('target-gap')}`).innerText()).trim()
      const gapYi = (money.goal.value - money.latest.value) / 1e8
      assert.match(moneyGap, /^差 [\d.,]+亿元$/)
      assert.equal(Number(moneyGap.replace(/[^\d.]/g, '')), Math.round(gapYi * 100) / 100)
      const countGap = (await page.locator(`${byTest(`target-card-${count.id}`)} ${byTest('target-gap')}`).innerText()).trim()
      assert.equal(countGap, `差 ${count.goal.value - count.latest.value}家`)
      // The basis in words, and no bare "个" for enterprises.
      assert.match(await page.locator(`${byTest(`target-card-${money.id}`)} ${byTest('target-basis')}`).innerText(), /全年值|年化值/)
    })
  })

  test('cards filter by status and sort by severity, in the address', async () => {
    const missed = api.targets.filter((t) => t.status === 'missed').length
    assert.ok(missed > 0)
    await withPage(async (page) => {
      await page.goto('/?status=missed')
      await page.locator(byTestPrefix('target-card-')).first().waitFor()
      assert.equal(await page.locator(byTestPrefix('target-card-')).count(), missed)
      await page.goto('/?sort=severity')
      await page.locator(byTestPrefix('target-card-')).first().waitFor()
      const statuses = await page.locator(byTestPrefix('target-card-')).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-status')))
      const order = ['error', 'missed', 'off-track', 'at-risk', 'on-track', 'met', 'no-data']
      const ranks = statuses.map((s) => order.indexOf(s))
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `severity order: ${statuses}`)
    })
  })
})

describe('a count target page', () => {
  /** Opens the count target's page and returns its contributors table once the page has settled. */
  async function openContributors(page, d) {
    await page.goto(`/targets/${encodeURIComponent(d.id)}`)
    const table = page.locator(byTest('contributor-table'))
    await table.waitFor()
    await settled(page)
    return table
  }
  /** The numbers of column `i` of a table's rows, as shown (亿元 without the unit). */
  const columnNumbers = (table, i) => table.locator('tbody tr').evaluateAll((trs, i) => trs.map((tr) => Number(tr.querySelectorAll('td')[i].innerText.replace(/[^\d.]/g, ''))), i)

  test('contributor values read in 亿元, never as raw yuan; ids only inside 详情', async () => {
    const d = api.countTarget
    assert.ok(d, 'a count target with contributors over 1亿')
    await withPage(async (page) => {
      await openContributors(page, d)
      const text = await page.locator('main, body').first().innerText()
      assert.doesNotMatch(text, /\d{1,3}(,\d{3}){2,}/, 'a raw amount such as 2,480,000,000 is on the page')
      const top = d.contributors.items[0]
      const cells = await page.locator(`${byTest('contributor-table')} tbody tr`).first().innerText()
      assert.match(cells, new RegExp(`${(top.value / 1e8).toFixed(2).replace(/\.?0+$/, '')}亿元`))
      // No 编号 column or bare ids outside 详情.
      const headers = await page.locator(`${byTest('contributor-table')} thead th`).allInnerTexts()
      assert.ok(!headers.some((h) => h.includes('编号')), `headers: ${headers}`)
      assert.equal(await page.locator(byTest('target-indicator')).isVisible(), false, 'the formula is folded into 详情')
      const details = page.locator(byTest('analyst-details')).last()
      assert.equal(await details.locator(byTest('contributor-ids')).isVisible(), false)
      await details.locator('.el-collapse-item__header').click()
      await details.locator(byTest('contributor-ids')).waitFor()
      assert.match(await details.innerText(), new RegExp(top.id))
    })
  })

  test('the contributors export: a CSV with BOM whose header and rows match the table', async () => {
    const d = api.countTarget
    await withPage(async (page) => {
      await openContributors(page, d)
      const card = page.locator(byTest('contributors'))
      const [download] = await Promise.all([page.waitForEvent('download'), card.locator(byTest('export-csv')).click()])
      assert.match(download.suggestedFilename(), /\.csv$/)
      const bytes = await readFile(await download.path())
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark')
      const rows = parseCsv(bytes.toString('utf8').slice(1))
      const tableRows = await card.locator('tbody tr').count()
      assert.equal(rows.length - 1, tableRows, 'one CSV row per table row')
      const headers = (await card.locator('thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean)
      for (const h of headers) {
        const base = h.replace(/（.*）$/, '')
        assert.ok(rows[0].some((c) => c.startsWith(base)), `table column ${h} in the CSV header ${rows[0]}`)
      }
      // Full precision, unit in the header.
      const valueColumn = rows[0].findIndex((c) => c === '数值（元）')
      assert.ok(valueColumn >= 0, `value header with its unit: ${rows[0]}`)
      assert.equal(Number(rows[1][valueColumn]), d.contributors.items[0].value)
      assert.equal(rows[1][0], d.contributors.items[0].name.zh)
    })
  })

  test('sorting the value column reorders the rows on raw values', async () => {
    const d = api.countTarget
    await withPage(async (page) => {
      const table = await openContributors(page, d)
      const firstName = () => table.locator('tbody tr').first().locator('td').nth(1).innerText()
      assert.equal((await firstName()).replace(/示例/g, '').trim(), d.contributors.items[0].name.zh)
      await table.locator('thead th', { hasText: '数值' }).locator('.dt-sort').click()
      const numbers = await columnNumbers(table, 2)
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), `ascending: ${numbers}`)
      const smallest = [...d.contributors.items].sort((a, b) => a.value - b.value)[0]
      assert.equal(Number(numbers[0]), Math.round((smallest.value / 1e8) * 100) / 100)
      assert.notEqual((await firstName()).replace(/示例/g, '').trim(), d.contributors.items[0].name.zh)
    })
  })

  test('a sort works from the keyboard and says its direction (aria-sort): ascending, descending, then as given', async () => {
    const d = api.countTarget
    await withPage(async (page) => {
      const table = await openContributors(page, d)
      const header = table.locator('thead th', { hasText: '数值' })
      const names = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1].innerText.replace(/示例/g, '').trim()))
      const given = await names()
      assert.equal(await header.getAttribute('aria-sort'), 'none')
      await header.locator('.dt-sort').focus()
      await page.keyboard.press('Enter')
      assert.equal(await header.getAttribute('aria-sort'), 'ascending')
      const ascending = await columnNumbers(table, 2)
      assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b), `ascending: ${ascending}`)
      await page.keyboard.press('Enter')
      assert.equal(await header.getAttribute('aria-sort'), 'descending')
      const descending = await columnNumbers(table, 2)
      assert.deepEqual(descending, [...descending].sort((a, b) => b - a), `descending: ${descending}`)
      await page.keyboard.press('Enter')
      assert.equal(await header.getAttribute('aria-sort'), 'none')
      assert.deepEqual(await names(), given, 'back to the order of the answer')
    })
  })

  test('the zones tree folds a zone’s children away and shows them again', async () => {
    const zones = (await getJson('/api/v1/zones')).zones
    const parent = zones.find((z) => zones.some((c) => c.parent === z.id))
    assert.ok(parent, 'a zone with child zones')
    const children = zones.filter((z) => z.parent === parent.id)
    await withPage(async (page) => {
      await page.goto('/zones')
      const row = page.locator(byTest('zones-table')).locator('tbody tr', { has: page.locator(byTest(`zone-row-${parent.id}`)) })
      await row.waitFor()
      const fold = row.locator('.dt-fold')
      assert.equal(await fold.getAttribute('aria-expanded'), 'true')
      for (const c of children) assert.equal(await page.locator(byTest(`zone-row-${c.id}`)).count(), 1)
      await fold.click()
      assert.equal(await fold.getAttribute('aria-expanded'), 'false')
      for (const c of children) assert.equal(await page.locator(byTest(`zone-row-${c.id}`)).count(), 0, `${c.id} folded away`)
      await fold.click()
      for (const c of children) assert.equal(await page.locator(byTest(`zone-row-${c.id}`)).count(), 1, `${c.id} shown again`)
    })
  })
})

describe('every table', () => {
  test('has an export button in its card and no 编号 column, on every page', async () => {
    const enterprises = await getJson('/api/v1/enterprises?limit=1&sort=-output_value')
    const projects = await getJson('/api/v1/projects?limit=1')
    const taxonomy = await getJson('/api/v1/taxonomy')
    const pages = [
      `/targets/${encodeURIComponent(api.countTarget.id)}`,
      '/enterprises',
      `/enterprises/${encodeURIComponent(enterprises.items[0].id)}`,
      '/projects',
      `/projects/${encodeURIComponent(projects.items[0].id)}`,
      '/zones',
      `/taxonomy?code=${encodeURIComponent(taxonomy.categories[0].code)}`,
    ]
    await withPage(async (page) => {
      for (const url of pages) {
        await page.goto(url)
        await page.locator('.data-table').first().waitFor()
        await settled(page)
        const tables = await page.locator('.data-table').evaluateAll((els) =>
          els
            .filter((el) => el.offsetParent !== null)
            .map((el) => {
              const card = el.closest('.atlas-card')
              return {
                exported: !!card?.querySelector('[data-test="export-csv"]'),
                headers: [...el.querySelectorAll('thead th')].map((th) => th.innerText.trim()),
              }
            }),
        )
        assert.ok(tables.length > 0, `${url}: tables`)
        for (const t of tables) {
          assert.ok(t.exported, `${url}: a table without 导出 CSV (${t.headers.join(' | ')})`)
          assert.ok(!t.headers.includes('编号'), `${url}: an 编号 column (${t.headers.join(' | ')})`)
        }
      }
    })
  })
})

describe('errors', () => {
  test('an unknown enterprise id shows a Chinese error without English words', async () => {
    await withPage(async (page) => {
      await page.goto('/enterprises/no-such-enterprise')
      await page.locator(byTest('error-state')).waitFor()
      const message = (await page.locator(byTest('error-message')).innerText()).trim()
      assert.match(message, /[\u4e00-\u9fff]/)
      assert.doesNotMatch(message, /[A-Za-z]{2,}/, message)
      assert.doesNotMatch(await page.locator(byTest('error-state')).innerText(), /no enterprise/)
    })
  })

  test('a network failure is named in Chinese', async () => {
    await withPage(async (page) => {
      await page.route('**/api/v1/targets*', (route) => route.abort('internetdisconnected'))
      await page.goto('/')
      await page.locator(byTest('error-state')).waitFor()
      const message = (await page.locator(byTest('error-message')).innerText()).trim()
      assert.equal(message, '无法连接服务器，请检查网络或稍后重试')
    })
  })
})
