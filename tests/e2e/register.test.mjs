// The register (issue 8, item 10) and the zh notes (item 7) as a planner sees them: outside firms
// carry a 区外 tag and can be filtered, an alias finds its enterprise, a typo gets 您是不是要找 …
// links, a project page shows its 投资额 with the public source, and the Chinese UI shows a
// milestone's Chinese note.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { test } from 'node:test'
import { byTest, settled, useApp } from './lib/app.mjs'

const app = useApp()
const { withPage } = app



test('outside firms carry the 区外 tag in the list and on their profile, and the filter keeps only them', async () => {
  await withPage(async (page) => {
    await page.goto('/enterprises?q=BPW')
    await settled(page)
    const germany = page.locator(byTest('enterprise-row-bpw-germany'))
    await germany.waitFor()
    assert.equal(await germany.locator(byTest('outside-tag')).innerText(), '区外')
    assert.equal(await page.locator(byTest('enterprise-row-bpw-meizhou')).locator(byTest('outside-tag')).count(), 0)

    await page.goto('/enterprises?outside=true')
    await settled(page)
    const rows = page.locator('[data-test^="enterprise-row-"]')
    await rows.first().waitFor()
    const n = await rows.count()
    assert.equal(n, 5, 'five outside firms (德国BPW公司, 法国圣戈班, 广汽集团, 广州宏原, 河北安闻)')
    assert.equal(await page.locator(byTest('outside-tag')).count(), n)

    await page.goto('/enterprises/gac-group')
    await settled(page)
    assert.equal(await page.locator(byTest('outside-tag')).first().innerText(), '区外')
  })
})

test("the list's 导出 CSV keeps the 区外 filter: only the outside firms are exported", async () => {
  const outside = await app.getJson('/api/v1/enterprises?outside=true&limit=100')
  assert.ok(outside.total > 0 && outside.total < (await app.getJson('/api/v1/enterprises?limit=1')).total)
  await app.withPage(async (page) => {
    await page.goto('/enterprises?outside=true')
    await settled(page)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(byTest('export-csv')).first().click()])
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
    const lines = text.split(/\r\n/).filter(Boolean)
    assert.equal(lines.length - 1, outside.total, `rows exported:\n${text}`)
    for (const e of outside.items) assert.ok(text.includes(e.name.zh), `${e.name.zh} is exported`)
  })
})

test('an alias finds its enterprise: 嘉元科技 and BPW', async () => {
  await withPage(async (page) => {
    await page.goto('/enterprises')
    await settled(page)
    await page.locator(`input${byTest('enterprise-search')}, ${byTest('enterprise-search')} input`).first().fill('嘉元科技')
    await page.keyboard.press('Enter')
    await page.locator(byTest('enterprise-row-jiayuan')).waitFor()
    assert.equal(await page.locator('[data-test^="enterprise-row-"]').count(), 1)

    await page.goto('/enterprises?q=bpw')
    await settled(page)
    await page.locator(byTest('enterprise-row-bpw-meizhou')).waitFor()
  })
})

test('a misspelt search shows 您是不是要找 with a link that finds the enterprise', async () => {
  await withPage(async (page) => {
    await page.goto('/enterprises?q=' + encodeURIComponent('嘉园科技'))
    await settled(page)
    const hint = page.locator(byTest('search-suggestions'))
    await hint.waitFor()
    assert.match(await hint.innerText(), /您是不是要找/)
    await page.locator(byTest('suggestion-jiayuan')).click()
    await page.locator(byTest('enterprise-row-jiayuan')).waitFor()
    assert.equal(await hint.count(), 0, 'the hint goes once something matches')
  })
  await withPage(
    async (page) => {
      await page.goto('/enterprises?q=' + encodeURIComponent('嘉园科技'))
      await settled(page)
      assert.match(await page.locator(byTest('search-suggestions')).innerText(), /Did you mean/)
    },
    { locale: 'en' },
  )
})

test('the project page shows 投资额 with its public source', async () => {
  await withPage(async (page) => {
    await page.goto('/projects/saint-gobain-glass')
    await settled(page)
    const investment = page.locator(byTest('project-investment'))
    await investment.waitFor()
    assert.match(await investment.innerText(), /6\.2\s*亿/)
    // The provenance reads 公开资料 (a public source); its tooltip names the source.
    const source = page.locator(byTest('investment-source'))
    assert.match(await source.innerText(), /公开资料/)
    await source.locator('.el-tag, span').first().hover()
    await page.locator('.el-popper', { hasText: '新玻网' }).first().waitFor({ state: 'visible' })
  })
})

test('the Chinese UI shows a milestone note in Chinese, the English UI in English', async () => {
  await withPage(async (page) => {
    await page.goto('/projects/saint-gobain-glass')
    await settled(page)
    const milestones = page.locator(byTest('project-milestones'))
    await milestones.waitFor()
    const text = await milestones.innerText()
    assert.match(text, /动工建设/)
    assert.doesNotMatch(text, /construction started/)
  })
  await withPage(
    async (page) => {
      await page.goto('/projects/saint-gobain-glass')
      await settled(page)
      const text = await page.locator(byTest('project-milestones')).innerText()
      assert.match(text, /construction started/)
    },
    { locale: 'en' },
  )
})
