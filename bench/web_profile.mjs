// Where a page's first load spends its time (a tool, not a test): loads one page of the app in
// Debian's Chromium with an empty cache, records a CPU profile (Chrome DevTools Protocol) from
// navigation until the page's data is visible, and prints
//   - the time to data visible and when the last script and API answer finished arriving;
//   - the profile's self time by script file and by function (top N), so that one can see whether
//     the framework, a component library, the page's own code or the browser ("(program)": style,
//     layout, compilation) holds the time.
// Used for docs/performance.md ("Web app: first load"); start a server first (scripts/bench/web_load.sh
// does, or `build/atlas serve --db /tmp/x.db --web web/dist --listen 127.0.0.1:8103`).
//
//   node bench/web_profile.mjs --url http://127.0.0.1:8103/projects --data '[data-test^="project-row-"]'
//                              [--runs 3] [--top 25]
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { chromium } = createRequire(path.join(repo, 'tests/e2e/package.json'))('playwright-core')

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    data: { type: 'string' },
    runs: { type: 'string', default: '3' },
    top: { type: 'string', default: '25' },
  },
})
if (!args.url || !args.data) {
  console.error("usage: node bench/web_profile.mjs --url URL --data 'CSS selector of the data' [--runs 3] [--top 25]")
  process.exit(2)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
})

const byFile = new Map()
const byFunction = new Map()
const times = []
try {
  for (let run = 0; run < Number(args.runs); run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const tab = await context.newPage()
    const cdp = await context.newCDPSession(tab)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await tab.goto(args.url, { waitUntil: 'commit' })
    const data = await (await tab.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : 0), args.data, { polling: 'raf', timeout: 60_000 })).jsonValue()
    const { profile } = await cdp.send('Profiler.stop')
    const arrivals = await tab.evaluate(() => {
      const entries = performance.getEntriesByType('resource')
      const end = (re) => Math.max(0, ...entries.filter((e) => re.test(e.name)).map((e) => e.responseEnd))
      return { js: end(/\.js(\?|$)/), api: end(/\/api\//), requests: entries.length }
    })
    times.push({ data, ...arrivals })
    // Self time per node: samples × the interval between them.
    const self = new Map()
    for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    for (const node of profile.nodes) {
      const ms = self.get(node.id) ?? 0
      if (!ms) continue
      const f = node.callFrame
      const file = f.url ? new URL(f.url).pathname.replace(/^\/assets\//, '') : f.functionName || '(native)'
      byFile.set(file, (byFile.get(file) ?? 0) + ms)
      const fn = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms)
    }
    await context.close()
  }
} finally {
  await browser.close()
}

const runs = Number(args.runs)
const ms = (x) => `${Math.round(x)} ms`
console.log(`${args.url}: ${runs} runs`)
for (const t of times) console.log(`  data visible ${ms(t.data)}; last script arrived ${ms(t.js)}, last API answer ${ms(t.api)}; ${t.requests} requests`)
const top = (map) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(args.top))
    .map(([k, v]) => `  ${ms(v / runs).padStart(8)}  ${k}`)
    .join('\n')
console.log(`self time by file (mean per load, navigation → data visible):\n${top(byFile)}`)
console.log(`self time by function:\n${top(byFunction)}`)
