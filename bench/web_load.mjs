// Web app first-load benchmark (not a test): for every page of the app, in Debian's Chromium with an
// empty cache, the bytes transferred (as sent on the wire, compressed, headers included) and the
// time from navigation to the page's data being visible, locally and on a throttled link (Chrome
// DevTools Protocol network emulation, default 9 Mbit/s both ways and 60 ms latency). The figures
// go to docs/performance.md ("Web app: first load"). Usually run by scripts/bench/web_load.sh,
// which starts a fresh `atlas serve`.
//
//   node bench/web_load.mjs --url http://127.0.0.1:8103/ [--runs 3] [--mbit 9] [--latency 60]
//                           [--json FILE] [--pages targets,zones]
//
// Per page and link: the median of --runs cold loads (a new browser context each time) of
//   transferred   every response until the network is idle (500 ms without a request), by kind
//                 (js, css, api, other), from Network.loadingFinished's encodedDataLength;
//   before data   of that, what had finished loading when the data became visible (the critical
//                 path: chart code loads after it);
//   data          navigation start → the page's data element is in the DOM (performance.now()
//                 in the page, polled every animation frame);
//   chart         navigation start → the page's chart SVG has drawn marks (pages with a chart).
// playwright-core comes from tests/e2e/node_modules (`cd tests/e2e && npm ci`); Chromium is
// /usr/bin/chromium or $CHROMIUM.
import { createRequire } from 'node:module'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { chromium } = createRequire(path.join(repo, 'tests/e2e/package.json'))('playwright-core')

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '3' },
    mbit: { type: 'string', default: '9' },
    latency: { type: 'string', default: '60' },
    json: { type: 'string' },
    pages: { type: 'string' },
  },
})
if (!args.url) {
  console.error('usage: node bench/web_load.mjs --url http://127.0.0.1:PORT/ [--runs 3] [--mbit 9] [--latency 60] [--json FILE]')
  process.exit(2)
}
const base = args.url.endsWith('/') ? args.url : `${args.url}/`
const runs = Number(args.runs)
const links = [
  { name: 'local', conditions: null },
  {
    name: `${args.mbit} Mbit/s, ${args.latency} ms`,
    conditions: {
      offline: false,
      latency: Number(args.latency),
      downloadThroughput: (Number(args.mbit) * 1e6) / 8,
      uploadThroughput: (Number(args.mbit) * 1e6) / 8,
    },
  },
]

const byTest = (name) => `[data-test="${name}"]`
const byTestPrefix = (prefix) => `[data-test^="${prefix}"]`

async function getJson(p) {
  const res = await fetch(new URL(p, base))
  if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status}`)
  return res.json()
}

// The pages and what shows that each has its data (the selectors of tests/e2e/app.test.mjs).
async function pageList() {
  const [targets, enterprises, projects] = await Promise.all([
    getJson('api/v1/targets'),
    getJson('api/v1/enterprises?limit=1'),
    getJson('api/v1/projects?limit=1'),
  ])
  const list = [
    { name: 'targets', url: '', data: byTestPrefix('target-card-') },
    { name: 'target', url: `targets/${encodeURIComponent(targets.targets[0].id)}`, data: byTest('contributors'), chart: byTest('trajectory') },
    { name: 'enterprises', url: 'enterprises', data: byTestPrefix('enterprise-row-') },
    { name: 'enterprise', url: `enterprises/${encodeURIComponent(enterprises.items[0].id)}`, data: byTest('enterprise-basics') },
    { name: 'projects', url: 'projects', data: byTestPrefix('project-row-'), chart: byTest('project-gantt') },
    { name: 'project', url: `projects/${encodeURIComponent(projects.items[0].id)}`, data: byTest('project-milestones') },
    { name: 'zones', url: 'zones', data: byTest('county-map'), chart: byTest('county-map') },
    { name: 'taxonomy', url: 'taxonomy', data: byTest('taxonomy-tree') },
  ]
  const only = args.pages?.split(',')
  return only ? list.filter((p) => only.includes(p.name)) : list
}

function kindOf(url, mime) {
  const p = new URL(url).pathname
  if (p.startsWith('/api/')) return 'api'
  if (/javascript/.test(mime) || p.endsWith('.js')) return 'js'
  if (/css/.test(mime) || p.endsWith('.css')) return 'css'
  return 'other'
}

async function loadOnce(browser, page, link) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  try {
    const tab = await context.newPage()
    const cdp = await context.newCDPSession(tab)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    if (link.conditions) await cdp.send('Network.emulateNetworkConditions', link.conditions)
    const kinds = new Map()
    const bytes = { js: 0, css: 0, api: 0, other: 0 }
    let requests = 0
    let lastActivity = Date.now()
    let inFlight = 0
    cdp.on('Network.requestWillBeSent', () => {
      inFlight += 1
      requests += 1
      lastActivity = Date.now()
    })
    cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, kindOf(e.response.url, e.response.mimeType)))
    cdp.on('Network.loadingFinished', (e) => {
      inFlight -= 1
      lastActivity = Date.now()
      bytes[kinds.get(e.requestId) ?? 'other'] += e.encodedDataLength
    })
    cdp.on('Network.loadingFailed', () => {
      inFlight -= 1
      lastActivity = Date.now()
    })
    await tab.goto(new URL(page.url, base).href, { waitUntil: 'commit', timeout: 60_000 })
    const data = await (
      await tab.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : 0), page.data, { polling: 'raf', timeout: 60_000 })
    ).jsonValue()
    const beforeData = bytes.js + bytes.css + bytes.api + bytes.other
    let chart = null
    if (page.chart) {
      chart = await (
        await tab.waitForFunction(
          (sel) => {
            // The chart's SVG has drawn marks (components/SvgChart.vue: data-mark on each).
            const svg = document.querySelector(`${sel} svg.chart-svg`)
            if (!svg) return 0
            for (const el of svg.querySelectorAll('[data-mark]')) {
              const b = el.getBBox()
              if (b.width > 0 || b.height > 0) return performance.now()
            }
            return 0
          },
          page.chart,
          { polling: 'raf', timeout: 60_000 },
        )
      ).jsonValue()
    }
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < 500)) await new Promise((r) => setTimeout(r, 50))
    const total = bytes.js + bytes.css + bytes.api + bytes.other
    return { data, chart, total, beforeData, ...bytes, requests }
  } finally {
    await context.close()
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const kb = (n) => (n / 1024).toFixed(0)
const sec = (ms) => (ms == null ? '—' : (ms / 1000).toFixed(2))

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
})
const results = []
try {
  for (const page of await pageList()) {
    for (const link of links) {
      const samples = []
      for (let i = 0; i < runs; i++) samples.push(await loadOnce(browser, page, link))
      const pick = (key) => (samples[0][key] == null ? null : median(samples.map((s) => s[key])))
      const row = { page: page.name, link: link.name, runs }
      for (const key of ['total', 'beforeData', 'js', 'css', 'api', 'other', 'requests', 'data', 'chart']) row[key] = pick(key)
      results.push(row)
      console.error(`${page.name.padEnd(12)} ${link.name.padEnd(18)} ${kb(row.total).padStart(5)} KB  data ${sec(row.data)} s  chart ${sec(row.chart)} s`)
    }
  }
} finally {
  await browser.close()
}

const lines = [
  `| page | link | transferred KB (js / css / api / other) | KB before data visible | requests | data visible s | chart drawn s |`,
  `| --- | --- | --- | --- | --- | --- | --- |`,
  ...results.map(
    (r) => `| ${r.page} | ${r.link} | **${kb(r.total)}** (${kb(r.js)} / ${kb(r.css)} / ${kb(r.api)} / ${kb(r.other)}) | ${kb(r.beforeData)} | ${r.requests} | ${sec(r.data)} | ${sec(r.chart)} |`,
  ),
]
console.log(lines.join('\n'))
if (args.json) await writeFile(args.json, JSON.stringify({ url: base, runs, mbit: Number(args.mbit), latency: Number(args.latency), results }, null, 2))
