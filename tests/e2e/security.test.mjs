// Hostile data in the browser and the security headers. The Meizhou dataset is imported with
// `atlas import --db` after its names, notes and quotes were replaced by markup that would run if
// the app ever put data into the page as HTML (an <img onerror>, a <script> after a closing
// quote, an <svg onload>, a javascript: link). Every page is visited in Chinese and English and
// every chart is hovered all over; nothing may run (window.__xss stays unset, no dialog), no
// element may be made from the data (no <img>/<script>, no on* attribute), the Content Security
// Policy reports no violation (the app itself must work under it), and the hostile text shows as
// text, in the page and in the chart tooltips. Screenshots: artifacts/hostile-*.png.
import assert from 'node:assert/strict'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'
import { launchBrowser, newPage, repoRoot, runAtlas, startServer } from './lib/server.mjs'

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts')
const planFile = 'meizhou-autoparts-2021-2025.toml'

/** Four kinds of markup that run script when taken as HTML; `tag` says which field it came from. */
const FORMS = [
  (tag) => `<img src=x onerror="window.__xss='${tag}'">`,
  (tag) => `"><script>window.__xss='${tag}'</script>`,
  (tag) => `<svg onload="window.__xss='${tag}'"></svg>`,
  (tag) => `javascript:window.__xss='${tag}'`,
]
let formIndex = 0
/** The next hostile string (the forms in turn), labelled with where it goes. */
function hostile(tag) {
  return FORMS[formIndex++ % FORMS.length](tag)
}

// ---- the hostile dataset ----

/** RFC 4180 rows of a CSV text (quoted fields, "" for a quote, newlines inside quotes). */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '')
    else if (c !== '\r') field += c
  }
  if (field || row.length) row.push(field), rows.push(row)
  return rows
}

function toCsv(rows) {
  const cell = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n'
}

/** Rewrites `file` (a CSV table): `edit(record, index)` changes the record (an object by column). */
async function editCsv(file, edit) {
  const [header, ...rows] = parseCsv(await readFile(file, 'utf8'))
  const edited = rows.map((r, i) => {
    const record = Object.fromEntries(header.map((h, j) => [h, r[j] ?? '']))
    edit(record, i)
    // a column the table does not have would be dropped silently, and its hostile text never tested
    const unknown = Object.keys(record).filter((k) => !header.includes(k))
    if (unknown.length) throw new Error(`${path.basename(file)} has no column ${unknown.join(', ')}`)
    return header.map((h) => record[h])
  })
  await writeFile(file, toCsv([header, ...edited]))
}

const toml = (s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

/** The `name = {…}` / `title = {…}` of the plan entry `id` becomes `{ zh, en }`. */
function renameInPlan(text, id, zh, en) {
  const re = new RegExp(`(\\nid = "${id}"\\n(?:name|title) = )\\{[^\\n]*\\}`)
  assert.match(text, re, `plan entry ${id}`)
  return text.replace(re, `$1{ zh = ${toml(zh)}, en = ${toml(en)} }`)
}

/** What was made hostile, by page: the strings each page must show as text. */
const names = {}

/** Copies the Meizhou dataset to `dir` with hostile names; returns the files to import. */
async function writeHostileDataset(dir) {
  await cp(path.join(repoRoot, 'data/plans'), path.join(dir, 'plans'), { recursive: true })
  await cp(path.join(repoRoot, 'data/meizhou'), path.join(dir, 'meizhou'), { recursive: true })
  const plan = path.join(dir, 'plans', planFile)
  let text = await readFile(plan, 'utf8')
  const renamed = (id) => ({ zh: `项目${hostile(`${id}-zh`)}`, en: `Project ${hostile(`${id}-en`)}` })
  names.projects = {}
  for (const id of ['saint-gobain-glass', 'bpw-phase8', 'fude-wheel-hub', 'xionghui-precision-casting', 'gac-springs']) {
    names.projects[id] = renamed(id)
    text = renameInPlan(text, id, names.projects[id].zh, names.projects[id].en)
  }
  names.target = renamed('total-output')
  text = renameInPlan(text, 'total-output', names.target.zh, names.target.en)
  names.zone = renamed('gac-park')
  text = renameInPlan(text, 'gac-park', names.zone.zh, names.zone.en)
  names.chain = renamed('trailer')
  text = renameInPlan(text, 'trailer', names.chain.zh, names.chain.en)
  // The boundary map is imported data too: its source line and its counties' names.
  names.mapSource = `底图 ${hostile('map-source')}`
  assert.match(text, /\nmap = \{ source = "[^"]*"/)
  text = text.replace(/\nmap = \{ source = "[^"]*"/, `\nmap = { source = ${toml(names.mapSource)}`)
  await writeFile(plan, text)
  const mapFile = plan.replace(/\.toml$/, '.geojson')
  const geo = JSON.parse(await readFile(mapFile, 'utf8'))
  names.mapNames = {}
  for (const f of geo.features) {
    f.properties.name = `${f.properties.name}${hostile(`map-${f.properties.adcode}`)}`
    names.mapNames[f.properties.adcode] = f.properties.name
  }
  await writeFile(mapFile, JSON.stringify(geo))

  const csv = (table) => path.join(dir, 'meizhou', `${table}.csv`)
  names.notes = {}
  await editCsv(csv('milestones'), (m, i) => {
    if (!names.projects[m.project]) return
    // the same hostile note in both languages, so that either UI language shows it
    m.note_zh = m.note_en = `note ${i} ${hostile(`milestone-${i}`)}`
    names.notes[`${m.project}/${m.kind}`] ??= m.note_zh
  })
  names.counties = {}
  await editCsv(csv('counties'), (c) => {
    c.name_zh = `${c.name_zh}${hostile(`county-${c.id}-zh`)}`
    c.name_en = `${c.name_en} ${hostile(`county-${c.id}-en`)}`
    names.counties[c.id] = { zh: c.name_zh, en: c.name_en }
  })
  names.enterprises = {}
  await editCsv(csv('enterprises'), (e) => {
    e.name_zh = `${e.name_zh}${hostile(`enterprise-${e.id}-zh`)}`
    e.name_en = `${e.name_en} ${hostile(`enterprise-${e.id}-en`)}`
    names.enterprises[e.id] = { zh: e.name_zh, en: e.name_en }
  })
  names.facts = []
  await editCsv(csv('facts'), (f, i) => {
    f.quote = `${f.quote}${hostile(`fact-quote-${i}`)}`
    f.note_zh = `${f.note_zh} ${hostile(`fact-note-${i}-zh`)}`
    f.note_en = `${f.note_en} ${hostile(`fact-note-${i}-en`)}`
    names.facts.push(f.quote)
  })
  names.taxonomy = {}
  await editCsv(csv('taxonomy'), (t) => {
    if (t.level !== 'category') return
    t.name_zh = `${t.name_zh}${hostile(`taxonomy-${t.code}-zh`)}`
    t.name_en = `${t.name_en} ${hostile(`taxonomy-${t.code}-en`)}`
    names.taxonomy[t.code] = { zh: t.name_zh, en: t.name_en }
  })
  await editCsv(csv('carriers'), (c) => {
    c.name_zh = `${c.name_zh}${hostile(`carrier-${c.id}`)}`
  })
  return [plan, mapFile, path.join(dir, 'meizhou')]
}

// ---- the browser side ----

/**
 * Installed before any script of the page: records what would show that data became markup or
 * script — an element with an on* attribute or a javascript: value, an inline <script>, an
 * <iframe>/<object>/<embed> — and Content-Security-Policy violations, and the text of every
 * chart tooltip shown.
 */
function watchPage() {
  const w = window
  w.__findings = { markup: [], csp: [], tooltips: [] }
  const suspicious = (el) =>
    (el.tagName === 'SCRIPT' && !el.src) ||
    ['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ||
    [...el.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
  const tooltipOf = (node) => {
    for (let el = node?.nodeType === 1 ? node : node?.parentElement; el; el = el.parentElement) {
      if (el.dataset?.test === 'chart-tooltip') return el // a chart's tooltip (components/ChartTooltip.vue)
    }
    return null
  }
  const seen = new Set()
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue
        for (const el of [n, ...n.querySelectorAll('*')]) if (suspicious(el)) w.__findings.markup.push(el.outerHTML.slice(0, 300))
      }
      const tip = tooltipOf(r.target) ?? [...r.addedNodes].map(tooltipOf).find(Boolean)
      if (tip && !seen.has(tip.textContent)) {
        seen.add(tip.textContent)
        w.__findings.tooltips.push(tip.textContent)
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style'] })
  document.addEventListener('securitypolicyviolation', (e) => w.__findings.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
}

let server
let browser
let dataDir

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'atlas-hostile-'))
  const files = await writeHostileDataset(dataDir)
  server = await startServer({ prepare: (db) => runAtlas(['import', '--db', db, ...files]) })
  browser = await launchBrowser()
  const first = await (await fetch(new URL('/api/v1/enterprises', server.url), { headers: server.auth })).json()
  names.firstEnterprise = first.items[0].name
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

async function settled(page) {
  await page.waitForLoadState('networkidle')
  await page.locator('[data-test="loading-state"]').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {})
}

/**
 * Hovers every part of a chart: a pointer event (dispatched in the page, as the browser would) at
 * the centre of every mark of the chart's SVG that has a tooltip (bars, points, rows, counties,
 * years). Returns the number of marks, the texts of the tooltips shown and, for each of `wanted`,
 * a point (CSS px from the drawing's corner) where a tooltip showed it.
 */
async function hoverChart(svg, wanted) {
  return svg.evaluate(
    async (c, { wanted }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()))
      const rect = c.getBoundingClientRect()
      const root = c.parentElement
      const tips = new Set()
      const found = {}
      const marks = [...c.querySelectorAll('path.mark')]
      for (const el of marks) {
        const b = el.getBoundingClientRect()
        const [x, y] = [b.left + b.width / 2, b.top + b.height / 2]
        el.dispatchEvent(new PointerEvent('pointerenter', { clientX: x, clientY: y, view: window }))
        await frame()
        for (const d of root.querySelectorAll('[data-test="chart-tooltip"]')) {
          const text = d.textContent
          if (tips.has(text)) continue
          tips.add(text)
          for (const w of wanted) if (!found[w] && text.includes(w)) found[w] = [x - rect.left, y - rect.top]
        }
      }
      root.dispatchEvent(new PointerEvent('pointerleave', { view: window }))
      return { moves: marks.length, tips: [...tips], found }
    },
    { wanted },
  )
}

/** Hovers every chart on the page (see hoverChart); the sums of what they showed. */
async function hoverCharts(page, wanted) {
  const drawings = page.locator('svg.chart-svg')
  const all = { moves: 0, tips: [], found: {} }
  for (let i = 0; i < (await drawings.count()); i++) {
    const svg = drawings.nth(i)
    await svg.scrollIntoViewIfNeeded()
    // A few real mouse moves too, across the middle of the chart.
    const box = await svg.boundingBox()
    if (!box) continue
    for (let k = 1; k < 20; k++) await page.mouse.move(box.x + (box.width * k) / 20, box.y + box.height / 2)
    const r = await hoverChart(svg, wanted)
    all.moves += r.moves + 19
    all.tips.push(...r.tips)
    for (const [w, at] of Object.entries(r.found)) all.found[w] ??= at
  }
  return all
}

function pages(locale) {
  const l = locale === 'en' ? 'en' : 'zh'
  // A milestone drawn alone (the signing and the start share a date, so one hides the other).
  const note = names.notes['saint-gobain-glass/commissioned']
  return [
    { name: 'targets', url: '/', ready: '[data-test^="target-card-"]', text: [names.target[l]] },
    { name: 'target', url: '/targets/total-output', ready: '[data-test="contributors"]', text: [names.target[l]] },
    {
      name: 'forecast',
      url: '/forecast?change=cancel%3Asaint-gobain-glass',
      ready: '[data-test="whatif-table"]',
      text: [names.target[l], names.projects['saint-gobain-glass'][l]],
    },
    { name: 'enterprises', url: '/enterprises', ready: '[data-test^="enterprise-row-"]', text: [names.firstEnterprise[l]] },
    { name: 'enterprise', url: '/enterprises/bpw-meizhou', ready: '[data-test="enterprise-basics"]', text: [names.enterprises['bpw-meizhou'][l]] },
    {
      name: 'projects',
      url: '/projects',
      ready: '[data-test^="project-row-"]',
      text: Object.values(names.projects).map((n) => n[l]),
      tooltips: [names.projects['saint-gobain-glass'][l], note],
      shot: { container: '[data-test="project-gantt"]', text: note },
    },
    {
      name: 'project',
      url: '/projects/saint-gobain-glass',
      ready: '[data-test="project-milestones"]',
      text: [names.projects['saint-gobain-glass'][l], note],
      tooltips: [note],
    },
    {
      name: 'zones',
      url: '/zones',
      ready: '[data-test="county-map"]',
      text: [names.zone[l], names.mapSource],
      // In Chinese the map names counties from its GeoJSON; in English from the data.
      tooltips: l === 'en' ? [names.counties.meixian.en] : [names.mapNames[441403]],
      shot: l === 'en' ? { container: '[data-test="county-map"]', text: names.counties.meixian.en } : undefined,
    },
    { name: 'taxonomy', url: '/taxonomy', ready: '[data-test="taxonomy-tree"]', text: [names.taxonomy.powertrain[l]] },
  ]
}

describe('hostile names in every page and chart', () => {
  test('the dataset with hostile names imports', () => {
    assert.ok(server.url, 'atlas import and atlas serve ran')
  })

  for (const locale of ['zh-CN', 'en']) {
    test(`no data runs as script and it all shows as text (${locale})`, async (t) => {
      await mkdir(artifacts, { recursive: true })
      const { context, page, errors } = await newPage(browser, server.url)
      const dialogs = []
      const cspConsole = []
      page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss().catch(() => {})))
      page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && cspConsole.push(m.text()))
      await context.addInitScript((l) => localStorage.setItem('atlas.locale', l), locale)
      await context.addInitScript(watchPage)
      const failures = []
      try {
        for (const p of pages(locale)) {
          const where = `${p.name} (${p.url}, ${locale})`
          try {
            await page.goto(p.url)
            await page.locator(p.ready).first().waitFor()
            await settled(page)
            const body = await page.evaluate(() => document.body.textContent)
            for (const s of p.text) if (!body.includes(s)) failures.push(`${where}: does not show ${JSON.stringify(s)} as text`)
            const wanted = [...(p.tooltips ?? []), ...(p.shot ? [p.shot.text] : [])]
            const hovered = await hoverCharts(page, wanted)
            t.diagnostic(`${where}: ${hovered.moves} mouse positions over its charts, ${hovered.tips.length} different tooltips`)
            const found = await page.evaluate(() => ({ xss: window.__xss, ...window.__findings }))
            if (found.xss !== undefined) failures.push(`${where}: script ran: window.__xss = ${found.xss}`)
            for (const m of found.markup) failures.push(`${where}: markup from data: ${m}`)
            for (const v of found.csp) failures.push(`${where}: CSP violation: ${v}`)
            const tips = [...hovered.tips, ...found.tooltips].join('\n')
            for (const s of p.tooltips ?? []) if (!tips.includes(s)) failures.push(`${where}: no tooltip shows ${JSON.stringify(s)} as text`)
            const at = p.shot && hovered.found[p.shot.text]
            if (at) {
              const svg = page.locator(`${p.shot.container} svg.chart-svg`).first()
              await svg.scrollIntoViewIfNeeded()
              const box = await svg.boundingBox()
              await page.mouse.move(box.x + at[0], box.y + at[1])
              await page.waitForTimeout(300)
              await page.screenshot({ path: path.join(artifacts, `hostile-${p.name}-tooltip-${locale}.png`) })
            }
          } catch (e) {
            failures.push(`${where}: ${e.message.split('\n')[0]}`)
          } finally {
            await page.screenshot({ path: path.join(artifacts, `hostile-${p.name}-${locale}.png`), fullPage: true })
          }
        }
      } finally {
        await context.close()
      }
      for (const d of dialogs) failures.push(`a dialog opened: ${d}`)
      for (const m of new Set(cspConsole)) failures.push(`console: ${m.slice(0, 160)}`)
      for (const e of errors) failures.push(`uncaught error: ${e}`)
      assert.deepEqual([...new Set(failures)], [])
    })
  }
})

// ---- headers ----

function expectSecurityHeaders(res, { page }, what) {
  const csp = res.headers.get('content-security-policy') ?? ''
  const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;\s*)default-src ([^;]*)/.exec(csp)?.[1]
  assert.ok(scriptSrc, `${what}: a script policy in ${csp}`)
  assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval|\*|data:/, `${what}: scripts from this origin only`)
  assert.match(csp, /frame-ancestors 'none'/, `${what}: ${csp}`)
  if (page) assert.match(csp, /(^|;\s*)script-src 'self'(;|$)/, `${what}: ${csp}`)
  else assert.match(csp, /^default-src 'none'/, `${what}: ${csp}`)
  assert.equal(res.headers.get('x-frame-options'), 'DENY', what)
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what)
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', what)
}

describe('security headers', () => {
  test('a page, an asset, an API answer, a 304 and a problem carry them', async () => {
    const get = (p, init) => fetch(new URL(p, server.url), init)
    const index = await get('/')
    assert.equal(index.status, 200)
    expectSecurityHeaders(index, { page: true }, 'GET /')
    const html = await index.text()
    assert.doesNotMatch(html.replace(/<script[^>]*\bsrc=[^>]*><\/script>/g, ''), /<script/i, 'index.html has no inline script')
    expectSecurityHeaders(await get('/projects/saint-gobain-glass'), { page: true }, 'an app route')
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    assert.ok(asset, 'index.html loads a script from /assets/')
    const js = await get(asset)
    assert.equal(js.status, 200)
    expectSecurityHeaders(js, { page: false }, asset)
    const plan = await get('/api/v1/plan')
    assert.equal(plan.status, 200)
    expectSecurityHeaders(plan, { page: false }, '/api/v1/plan')
    const etag = plan.headers.get('etag')
    assert.ok(etag, '/api/v1/plan has an ETag')
    const notModified = await get('/api/v1/plan', { headers: { 'If-None-Match': etag } })
    assert.equal(notModified.status, 304)
    expectSecurityHeaders(notModified, { page: false }, '304')
    const problem = await get('/api/v1/enterprises/does-not-exist')
    assert.equal(problem.status, 404)
    assert.equal(problem.headers.get('content-type'), 'application/problem+json')
    expectSecurityHeaders(problem, { page: false }, 'a 404 problem')
    for (const p of ['/healthz', '/metrics', '/assets/missing-0000.js']) expectSecurityHeaders(await get(p), { page: false }, p)
  })

  test('a page cannot be framed: Chromium shows no app in a frame', async () => {
    const { context, page } = await newPage(browser, server.url)
    try {
      await page.setContent(`<iframe src="${new URL('/', server.url).href}" width="800" height="600"></iframe>`)
      await page.waitForTimeout(2000)
      const child = page.frames().find((f) => f !== page.mainFrame())
      assert.ok(child, 'the frame exists')
      const app = await child.evaluate(() => !!document.querySelector('#app')).catch(() => false)
      assert.equal(app, false, `the app loaded in a frame (${child.url()})`)
    } finally {
      await context.close()
    }
  })
})
