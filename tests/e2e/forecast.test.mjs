// The forecast in the web app end to end (GET /api/v1/forecast, POST /api/v1/forecast/what-if),
// against the real `atlas serve` with the embedded plan: the dashboard's probability badges and fan
// sparklines before the deadline (as_of=2023-06-30 in the address) and its "what it would have
// taken" lines after it (today), with the key projects a missed sum missed; the target page's fan in the trajectory chart; the what-if page —
// a cancelled key project moves a target it feeds, undo brings the base back, a growth out of
// range is refused, the server's problem names the change, an attracted firm added through the
// form moves a target that counts it (which targets, said under it) and stays in the address, and
// with every target final the page offers a date before the deadlines. The targets and projects are picked from the API's answers,
// not named here. Screenshots land in artifacts/.
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, test } from 'node:test'
import { byTest, openCard, settled, useApp } from './lib/app.mjs'
import { repoRoot } from './lib/server.mjs'

const artifacts = path.join(repoRoot, 'tests/e2e/artifacts')
const AS_OF = '2023-06-30'
const api = {}

async function postJson(a, p, body) {
  const res = await fetch(new URL(p, a.server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, body: await res.json() }
}

const app = useApp(
  {},
  {
    setup: async (a) => {
      const [before, now, targets] = await Promise.all([a.getJson(`/api/v1/forecast?as_of=${AS_OF}`), a.getJson('/api/v1/forecast'), a.getJson('/api/v1/targets')])
      Object.assign(api, { before, now, targets })
      // A key project whose cancellation moves a target it feeds (probability or P50 at the deadline).
      const candidates = [...new Set(before.targets.flatMap((t) => t.projects))]
      for (const project of candidates) {
        const r = await postJson(a, '/api/v1/forecast/what-if', { changes: [{ kind: 'cancel', project }], as_of: AS_OF })
        assert.equal(r.status, 200)
        const moved = r.body.targets.find((t) => t.projects.includes(project) && (t.probability !== t.base_probability || t.fan.at(-1).p50 !== t.base_p50))
        if (moved) {
          api.whatIf = { project, target: moved }
          break
        }
      }
      await mkdir(artifacts, { recursive: true })
    },
  },
)

const isOpen = (f) => !f.final && f.probability !== null && f.form !== 'unsupported' && !(f.probability === 1 && (f.status === 'met' || f.settled))
const pct = (p) => {
  const n = Math.round(p * 100)
  return n < 1 ? '<1%' : n > 99 ? '>99%' : `${n}%`
}

describe('the dashboard', () => {
  test(`before the deadline (as_of=${AS_OF}) every open target shows its probability and a fan`, async () => {
    const open = api.before.targets.filter(isOpen)
    assert.ok(open.length >= 5, `open targets at ${AS_OF}: ${open.length}`)
    assert.ok(open.filter((f) => f.probability > 0 && f.probability < 1).length >= 3, 'several probabilities strictly between 0 and 1')
    await app.withPage(async (page) => {
      await page.goto(`/?as_of=${AS_OF}`)
      await page.locator(byTest('forecast-runs')).waitFor()
      await settled(page)
      assert.equal(await page.locator(byTest('forecast-pending')).count(), 0, 'no placeholder left')
      for (const f of open) {
        const card = page.locator(byTest(`target-card-${f.id}`))
        const badge = card.locator(byTest('forecast-probability'))
        assert.equal(await badge.count(), 1, `the badge of ${f.id}`)
        assert.equal(Number(await badge.getAttribute('data-probability')), f.probability, `probability of ${f.id}`)
        assert.equal((await badge.innerText()).trim(), `达成概率 ${pct(f.probability)}`)
        assert.equal(await card.locator(`${byTest('forecast-fan')} path`).count(), 3, `the fan of ${f.id}: band, goal, median`)
        assert.equal(await card.locator(byTest('forecast-took')).count(), 0)
      }
      // The colour follows the status bands: a likely target green, an unlikely one red.
      const low = open.find((f) => f.probability < 0.3)
      if (low) assert.equal(await page.locator(`${byTest(`target-card-${low.id}`)} ${byTest('forecast-probability')}`).getAttribute('data-colour'), 'red')
      assert.equal((await page.locator(byTest('forecast-runs')).innerText()).trim(), `模拟 ${api.before.runs.toLocaleString('en-US')} 次 · 种子 ${api.before.seed}`)
      await page.screenshot({ path: path.join(artifacts, 'forecast-dashboard-2023.png'), fullPage: true })
    })
  })

  test('after the deadline (today) a final target says what it would have taken', async () => {
    const finals = api.now.targets.filter((f) => f.took)
    assert.ok(finals.length >= 5, 'final targets with took')
    const sum = finals.find((f) => f.form === 'sum' && f.took.shortfall > 0 && f.took.growth_needed !== null)
    const met = finals.find((f) => f.took.shortfall === 0)
    assert.ok(sum && met, 'a missed sum and a met target')
    await app.withPage(async (page) => {
      await page.goto('/')
      await page.locator(byTest('forecast-runs')).waitFor()
      await settled(page)
      for (const f of finals) assert.equal(await page.locator(`${byTest(`target-card-${f.id}`)} ${byTest('forecast-took')}`).count(), 1, `took of ${f.id}`)
      const text = (await page.locator(`${byTest(`target-card-${sum.id}`)} ${byTest('forecast-took')}`).innerText()).trim()
      const g = (r) => `${r > 0 ? '+' : r < 0 ? '-' : ''}${(Math.abs(r) * 100).toFixed(1)}%`
      assert.match(text, /^要达成目标：还差 /)
      assert.ok(text.includes(`需自 ${sum.took.from_year} 年起年均增长 ${g(sum.took.growth_needed)}，实际 ${g(sum.took.growth_achieved)}`), text)
      assert.match((await page.locator(`${byTest(`target-card-${met.id}`)} ${byTest('forecast-took')}`).innerText()).trim(), /^已达成目标/)
      assert.equal(await page.locator(byTest('forecast-probability')).count(), 0, 'no probability once every deadline has passed')
    })
    // In English.
    await app.withPage(
      async (page) => {
        await page.goto('/')
        await page.locator(byTest('forecast-runs')).waitFor()
        await settled(page)
        const text = (await page.locator(`${byTest(`target-card-${sum.id}`)} ${byTest('forecast-took')}`).innerText()).trim()
        assert.match(text, /^What it would have taken: .+ short: needed \+\d+\.\d% a year from \d{4}, achieved/)
      },
      { locale: 'en' },
    )
  })

  test('after the deadline (today) a missed sum lists the key project it missed, by name, linked', async () => {
    const f = api.now.targets.find((x) => x.took && x.took.missed && x.took.missed.length)
    assert.ok(f, 'a final target with a missed project')
    const m = f.took.missed[0]
    const project = await app.getJson(`/api/v1/projects/${encodeURIComponent(m.project)}`)
    await app.withPage(async (page) => {
      await page.goto('/')
      await page.locator(byTest('forecast-runs')).waitFor()
      const missed = page.locator(`${byTest(`target-card-${f.id}`)} ${byTest('forecast-missed')}`)
      await missed.getByText(project.name.zh).waitFor()
      const text = (await missed.innerText()).trim()
      assert.ok(text.includes(`计划 ${m.planned.slice(0, 4)}年${Number(m.planned.slice(5, 7))}月 投产`), text)
      assert.ok(text.includes(`按期可在 ${f.deadline} 年增加 `), text)
      assert.ok(!text.includes(m.project), `the name, not the id: ${text}`)
      assert.ok((await missed.locator('li[data-project]').count()) <= 2, 'at most two on the card')
      assert.equal(await missed.locator(byTest('forecast-missed-more')).count(), 0, 'no "more" for one project')
      const link = missed.locator(`li[data-project="${m.project}"] a`)
      assert.equal(await link.getAttribute('href'), `/projects/${encodeURIComponent(m.project)}`)
      await link.click()
      await page.waitForURL((u) => u.pathname === `/projects/${encodeURIComponent(m.project)}`)
    })
    // More than two: the card shows two and counts the rest.
    const others = (await app.getJson('/api/v1/projects?limit=500')).items.filter((p) => p.id !== m.project).slice(0, 3)
    await app.withPage(async (page) => {
      await page.route('**/api/v1/forecast*', async (route) => {
        const res = await route.fetch()
        const body = await res.json()
        const t = body.targets.find((x) => x.id === f.id)
        t.took.missed = [...t.took.missed, ...others.map((p) => ({ ...m, project: p.id }))]
        await route.fulfill({ response: res, json: body })
      })
      await page.goto('/')
      const missed = page.locator(`${byTest(`target-card-${f.id}`)} ${byTest('forecast-missed')}`)
      await missed.getByText(others[0].name.zh).waitFor()
      assert.equal(await missed.locator('li[data-project]').count(), 2)
      assert.equal((await missed.locator(byTest('forecast-missed-more')).innerText()).trim(), `另有 ${f.took.missed.length + others.length - 2} 个项目`)
    })
    await app.withPage(
      async (page) => {
        await page.goto(`/targets/${encodeURIComponent(f.id)}`)
        const missed = page.locator(`${byTest('trajectory')} ${byTest('forecast-missed')}`)
        await missed.getByText(project.name.en || project.name.zh).waitFor()
        assert.equal(await missed.locator('li[data-project]').count(), f.took.missed.length, 'the target page lists them all')
        assert.match((await missed.innerText()).trim(), /^Planned for \w+ \d{4}, (not commissioned by the deadline|commissioned \d{4}-\d{2}-\d{2}, after the deadline): .+ — on time it would have added .+ in \d{4}/)
      },
      { locale: 'en' },
    )
  })

  test('a failed forecast leaves the cards as they are, with a note', async () => {
    await app.withPage(async (page) => {
      await page.route('**/api/v1/forecast*', (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ status: 500, code: 'internal', title: 'x' }) }))
      await page.goto(`/?as_of=${AS_OF}`)
      await page.locator(byTest('forecast-failed')).waitFor()
      assert.equal(await page.locator(byTest('error-state')).count(), 0)
      assert.equal(await page.locator('[data-test^="target-card-"]').count(), api.targets.targets.length)
      assert.equal(await page.locator(byTest('forecast-probability')).count(), 0)
    })
  })
})

describe('the target page', () => {
  test('draws the forecast band and median into the trajectory, with the probability', async () => {
    const f = api.before.targets.find((x) => isOpen(x) && x.form === 'sum' && x.probability > 0 && x.probability < 1)
    assert.ok(f, 'an open sum target')
    await app.withPage(async (page) => {
      const card = await openCard(page, `/targets/${encodeURIComponent(f.id)}?as_of=${AS_OF}`, 'trajectory')
      await card.locator(byTest('forecast-probability')).waitFor()
      assert.equal(Number(await card.locator(byTest('forecast-probability')).getAttribute('data-probability')), f.probability)
      await card.locator(`${byTest('chart-legend')}`).getByText('预测区间（P10—P90）').waitFor()
      assert.ok(await card.locator(`${byTest('chart-legend')}`).getByText('预测中位数（P50）').count())
      const band = card.locator('svg.chart-svg path[fill="rgba(124, 58, 237, 0.16)"]')
      assert.equal(await band.count(), 1, 'the P10–P90 band')
      const box = await band.boundingBox()
      assert.ok(box && box.width > 50 && box.height > 5, `the band has a size: ${JSON.stringify(box)}`)
      // The table under the chart lists the forecast's years.
      await card.locator(`${byTest('chart-table')} summary`).click()
      const rows = await card.locator(`${byTest('chart-table')} tbody tr`).allInnerTexts()
      for (const p of f.fan) assert.ok(rows.some((r) => r.startsWith('预测中位数（P50）') && r.includes(String(p.year))), `P50 of ${p.year} in the table`)
      await page.screenshot({ path: path.join(artifacts, 'forecast-target-2023.png'), fullPage: true })
    })
  })

  test('says what a final target would have taken', async () => {
    const f = api.now.targets.find((x) => x.took && x.took.shortfall > 0)
    await app.withPage(async (page) => {
      const card = await openCard(page, `/targets/${encodeURIComponent(f.id)}`, 'trajectory')
      await card.locator(byTest('forecast-took')).waitFor()
      assert.match(await card.locator(byTest('forecast-took')).innerText(), /要达成目标：还差/)
      assert.equal(await card.locator('svg.chart-svg path[fill="rgba(124, 58, 237, 0.16)"]').count(), 0, 'no band for a final target')
    })
  })
})

describe('the what-if page', () => {
  const row = (page, id) => page.locator('tr', { has: page.locator(byTest(`whatif-row-${id}`)) })

  test('cancelling a key project moves a target it feeds; undo brings the base back', async () => {
    assert.ok(api.whatIf, 'a project whose cancellation moves a target')
    const { project, target } = api.whatIf
    const base = api.before.targets.find((t) => t.id === target.id)
    await app.withPage(async (page) => {
      await openCard(page, `/forecast?as_of=${AS_OF}`, 'whatif-controls')
      assert.match(await page.locator(byTest('nav-forecast')).getAttribute('class'), /is-active/)
      assert.equal((await page.locator(byTest('forecast-runs')).innerText()).trim(), `模拟 ${api.before.runs.toLocaleString('en-US')} 次 · 种子 ${api.before.seed}`)
      assert.equal(await page.locator(byTest('forecast-all-final')).count(), 0, 'targets are open at this date')
      assert.equal(Number(await row(page, target.id).locator(byTest('whatif-base')).getAttribute('data-probability')), base.probability)

      // Cancel (the default kind) the project.
      await page.locator(`${byTest('whatif-project')} .el-select__wrapper`).click()
      await page.locator(`.el-select-dropdown__item${byTest(`whatif-project-${project}`)}`).click()
      const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/api/v1/forecast/what-if'))
      await page.locator(byTest('whatif-add')).click()
      const body = (await posted).postDataJSON()
      assert.deepEqual(body.changes, [{ kind: 'cancel', project }])
      assert.equal(body.as_of, AS_OF)
      await page.locator(byTest('whatif-change-0')).waitFor()
      await page.waitForURL((u) => u.searchParams.get('change') === `cancel:${project}`)
      await row(page, target.id).locator(byTest('whatif-prob')).waitFor()
      await settled(page)
      const r = row(page, target.id)
      assert.equal(await r.locator(`[data-changed="true"]`).count(), 1, 'the target is marked changed')
      assert.equal(Number(await r.locator(byTest('whatif-prob')).getAttribute('data-probability')), target.probability)
      assert.equal(Number(await r.locator(byTest('whatif-base')).getAttribute('data-probability')), target.base_probability)
      if (target.fan.at(-1).p50 !== target.base_p50) {
        assert.notEqual((await r.locator(byTest('whatif-p50')).innerText()).trim(), (await r.locator(byTest('whatif-p50-base')).innerText()).trim(), 'P50 moved')
      } else {
        assert.notEqual((await r.locator(byTest('whatif-delta')).innerText()).trim(), '±0')
      }
      await page.screenshot({ path: path.join(artifacts, 'forecast-whatif-2023.png'), fullPage: true })

      // Undo.
      await page.locator(byTest('whatif-remove-0')).click()
      await page.locator(byTest('whatif-no-changes')).waitFor()
      await page.waitForURL((u) => !u.searchParams.has('change'))
      await settled(page)
      await page.waitForFunction((sel) => !document.querySelector(sel), byTest('whatif-prob'))
      assert.equal(Number(await row(page, target.id).locator(byTest('whatif-base')).getAttribute('data-probability')), base.probability, 'the base probability again')
      assert.equal(await page.locator('[data-changed="true"]').count(), 0, 'nothing marked changed')
    })
  })

  test('a growth out of −100 % … +1000 % is refused; the server’s problem names the change', async () => {
    await app.withPage(async (page) => {
      await openCard(page, `/forecast?as_of=${AS_OF}`, 'whatif-controls')
      await page.locator(byTest('whatif-kind')).getByText('细分领域增速').click()
      await page.locator(`${byTest('whatif-segment')} .el-select__wrapper`).click()
      await page.locator('.el-select-dropdown__item[data-test^="whatif-segment-"]:visible').first().click()
      const input = page.locator(`input${byTest('whatif-growth')}, ${byTest('whatif-growth')} input`)
      await input.fill('2000')
      await page.locator(byTest('whatif-growth-error')).waitFor()
      assert.equal(await page.locator(byTest('whatif-add')).isDisabled(), true, 'cannot add it')
      await input.fill('15')
      await page.locator(byTest('whatif-growth-error')).waitFor({ state: 'detached' })
      assert.equal(await page.locator(byTest('whatif-add')).isDisabled(), false)
      await page.locator(byTest('whatif-add')).click()
      await page.locator(byTest('whatif-change-0')).waitFor()
      assert.match(await page.locator(byTest('whatif-change-0')).innerText(), /年增速设为 \+15\.0%/)

      // A link with a delay out of range: the server's 400 beside the controls, naming change 1.
      const project = api.before.targets.flatMap((t) => t.projects)[0]
      await page.goto(`/forecast?as_of=${AS_OF}&change=${encodeURIComponent(`delay:500:${project}`)}`)
      await page.locator(byTest('whatif-error')).waitFor()
      assert.match(await page.locator(byTest('whatif-error')).innerText(), /第 1 项更改有误.*延期 500 个月.*1 至 120/s)
      assert.equal(await page.locator(byTest('error-state')).count(), 0, 'the page itself stays')
      assert.match(await page.locator(byTest('whatif-change-0')).getAttribute('class'), /faulty/)
    })
  })

  test('an attracted firm added through the form moves a target that counts it, stays in the address, and is undone', async () => {
    // A segment of the plan whose firm (50亿 a year from August of the as-of year) moves a target's probability.
    const plan = await app.getJson('/api/v1/plan')
    const from = `${AS_OF.slice(0, 4)}-08`
    const name = '招商: A+B & C'
    let found = null
    for (const { id: segment } of plan.vocabularies.segment) {
      const firm = { kind: 'firm', segment, output: 5e9, from, name }
      const r = await postJson(app, '/api/v1/forecast/what-if', { changes: [firm], as_of: AS_OF })
      assert.equal(r.status, 200, JSON.stringify(r.body))
      const echoed = r.body.changes.find((c) => c.kind === 'firm')
      const moved = r.body.targets.find((t) => echoed.counted_in.includes(t.id) && t.probability !== null && t.probability !== t.base_probability)
      if (moved) {
        found = { firm, echoed, moved, answer: r.body }
        break
      }
    }
    assert.ok(found, 'a segment whose firm moves a target')
    const { firm, echoed, moved, answer } = found
    const titles = echoed.counted_in.map((id) => answer.targets.find((t) => t.id === id).title.zh)
    await app.withPage(async (page) => {
      await openCard(page, `/forecast?as_of=${AS_OF}`, 'whatif-controls')
      await page.locator(byTest('whatif-kind')).getByText('新增招商企业').click()
      await page.locator(byTest('whatif-firm-hint')).waitFor()
      await page.locator(`${byTest('whatif-firm-segment')} .el-select__wrapper`).click()
      await page.locator(`.el-select-dropdown__item${byTest(`whatif-firm-segment-${firm.segment}`)}`).click()
      await page.locator(`input${byTest('whatif-firm-name')}`).fill(name)
      // The output is checked before anything is sent.
      const output = page.locator(`input${byTest('whatif-firm-output')}`)
      await output.fill('0')
      await page.locator(byTest('whatif-firm-output-error')).waitFor()
      assert.equal(await page.locator(byTest('whatif-add')).isDisabled(), true, 'no firm without an output')
      await output.fill('50')
      await page.locator(byTest('whatif-firm-output-error')).waitFor({ state: 'detached' })
      // The month: the one after the as-of date by default; pick August in the picker.
      const month = page.locator(`${byTest('whatif-firm-from')} input`)
      assert.equal(await month.inputValue(), `${AS_OF.slice(0, 4)}-07`)
      await month.click()
      await page.locator('.whatif-month-popper').getByText('八月', { exact: true }).click()
      await page.waitForFunction((sel) => document.querySelector(sel)?.value.endsWith('-08'), `${byTest('whatif-firm-from')} input`)
      assert.equal(await month.inputValue(), from)

      const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/api/v1/forecast/what-if'))
      await page.locator(byTest('whatif-add')).click()
      assert.deepEqual((await posted).postDataJSON().changes, [firm])
      await page.waitForURL((u) => u.searchParams.get('change')?.startsWith(`firm:${firm.segment}:5000000000:${from}:`))
      const change = page.locator(byTest('whatif-change-0'))
      assert.equal(await change.getAttribute('data-kind'), 'firm')
      const counted = page.locator(byTest('whatif-counted-0'))
      await counted.waitFor()
      await settled(page)
      assert.ok((await change.innerText()).includes(`新增企业“${name}”`), await change.innerText())
      assert.ok((await change.innerText()).includes('50亿元'), await change.innerText())
      assert.equal((await counted.innerText()).trim(), `计入：${titles.join('、')}`)
      const r = row(page, moved.id)
      assert.equal(await r.locator('[data-changed="true"]').count(), 1, 'the target is marked changed')
      assert.equal(Number(await r.locator(byTest('whatif-prob')).getAttribute('data-probability')), moved.probability)
      assert.equal(Number(await r.locator(byTest('whatif-base')).getAttribute('data-probability')), moved.base_probability)
      assert.notEqual((await r.locator(byTest('whatif-delta')).innerText()).trim(), '±0')
      await page.screenshot({ path: path.join(artifacts, 'forecast-whatif-firm-2023.png'), fullPage: true })

      // A reload keeps the firm (its name with a colon, a plus and an ampersand included).
      await page.reload()
      await page.locator(byTest('whatif-counted-0')).waitFor()
      await settled(page)
      assert.ok((await page.locator(byTest('whatif-change-0')).innerText()).includes(`新增企业“${name}”`))
      assert.equal(Number(await row(page, moved.id).locator(byTest('whatif-prob')).getAttribute('data-probability')), moved.probability)

      // Undo.
      await page.locator(byTest('whatif-remove-0')).click()
      await page.locator(byTest('whatif-no-changes')).waitFor()
      await page.waitForURL((u) => !u.searchParams.has('change'))
      await settled(page)
      await page.waitForFunction((sel) => !document.querySelector(sel), byTest('whatif-prob'))
      assert.equal(await page.locator('[data-changed="true"]').count(), 0, 'nothing marked changed')
    })
    // In English, from the address.
    await app.withPage(
      async (page) => {
        const link = `firm:${firm.segment}:${firm.output}:${firm.from}:name=${firm.name.replace(/%/g, '%25').replace(/:/g, '%3A')}`
        await openCard(page, `/forecast?as_of=${AS_OF}&change=${encodeURIComponent(link)}`, 'whatif-controls')
        await page.locator(byTest('whatif-counted-0')).waitFor()
        assert.match(await page.locator(byTest('whatif-change-0')).innerText(), /^New firm “招商: A\+B & C” \(.+\): ¥5 billion a year at full production, from August \d{4}/)
        assert.match((await page.locator(byTest('whatif-counted-0')).innerText()).trim(), /^Counted in: .+/)
      },
      { locale: 'en' },
    )
  })

  test('a firm the server refuses is named, with the server’s words about its field', async () => {
    const segment = (await app.getJson('/api/v1/plan')).vocabularies.segment[0].id
    const early = `${Number(AS_OF.slice(0, 4)) - 1}-01`
    await app.withPage(async (page) => {
      await page.goto(`/forecast?as_of=${AS_OF}&change=${encodeURIComponent(`cancel:${api.whatIf.project}`)}&change=${encodeURIComponent(`firm:${segment}:5000000000:${early}`)}`)
      await page.locator(byTest('whatif-error')).waitFor()
      assert.equal(await page.locator(byTest('whatif-error')).getAttribute('data-index'), '1')
      assert.match(await page.locator(byTest('whatif-error')).innerText(), /第 2 项更改有误.*新增一家企业.*投产月份/s)
      assert.match(await page.locator(byTest('whatif-change-1')).getAttribute('class'), /faulty/)
      assert.equal(await page.locator(byTest('error-state')).count(), 0, 'the page itself stays')
      // A malformed firm in the address is left out, without an error.
      await page.goto(`/forecast?as_of=${AS_OF}&change=${encodeURIComponent('firm:x:abc:2024-01')}&change=${encodeURIComponent('firm:%:1:2024-01')}`)
      await page.locator(byTest('whatif-no-changes')).waitFor()
      await settled(page)
      assert.equal(await page.locator(byTest('whatif-error')).count(), 0)
    })
  })

  test('with every target past its deadline, it offers to forecast from before them', async () => {
    assert.ok(api.now.targets.every((t) => t.final || t.deadline < Number(api.now.as_of.slice(0, 4))), 'every target is past its deadline today')
    const date = `${Math.min(...api.now.targets.map((t) => t.deadline)) - 1}-06-30`
    await app.withPage(async (page) => {
      await openCard(page, '/forecast', 'forecast-all-final')
      await page.locator(byTest('forecast-from')).click()
      await page.waitForURL((u) => u.searchParams.get('as_of') === date)
      await page.locator(byTest('forecast-all-final')).waitFor({ state: 'detached' })
      await settled(page)
      const shown = await page.locator(byTest('whatif-base')).evaluateAll((els) => els.map((e) => Number(e.dataset.probability)))
      assert.ok(shown.some((p) => p > 0 && p < 1), `probabilities from ${date}: ${shown}`)
    })
  })

  test('works on a phone: controls above the table, nothing wider than the screen', async () => {
    await app.withPage(
      async (page) => {
        await openCard(page, `/forecast?as_of=${AS_OF}&change=${encodeURIComponent(`cancel:${api.whatIf.project}`)}`, 'whatif-controls')
        await page.locator(byTest('whatif-prob')).first().waitFor()
        const controls = await page.locator(byTest('whatif-controls')).boundingBox()
        const results = await page.locator(byTest('whatif-results')).boundingBox()
        assert.ok(results.y >= controls.y + controls.height - 1, 'the table under the controls')
        const width = await page.evaluate(() => document.scrollingElement.scrollWidth)
        assert.ok(width <= 390, `the page is ${width} px wide`)
        await page.screenshot({ path: path.join(artifacts, 'forecast-whatif-phone-en.png'), fullPage: true })
      },
      { locale: 'en', viewport: { width: 390, height: 844 } },
    )
  })
})
