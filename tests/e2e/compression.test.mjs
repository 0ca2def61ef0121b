// The web app's first load (issue 8, "Speed"): `atlas serve` sends the gzip or brotli file that
// Vite built beside each asset when the browser accepts it, labelled (Content-Encoding, Vary), and
// the start page's first load in Chromium transfers at most 300 KB; pages without a chart load no
// ECharts. The full figures per page come from bench/web_load.mjs (docs/performance.md).
import assert from 'node:assert/strict'
import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, test } from 'node:test'
import { newPage } from './lib/server.mjs'
import { useApp } from './lib/app.mjs'

const app = useApp()

const kFirstLoadBudget = 300 * 1024


/** GET `p` with the given Accept-Encoding (null: none), without decoding: {status, headers, body}. */
function rawGet(p, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding }
    http
      .get(new URL(p, app.server.url), { headers }, (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

/** The bytes each response of a first load of `p` took on the wire, until the network is idle. */
async function firstLoad(p) {
  const { context, page, errors } = await newPage(app.browser, app.server.url)
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const urls = new Map()
    const loaded = []
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url))
    cdp.on('Network.loadingFinished', (e) => loaded.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength }))
    await page.goto(p, { waitUntil: 'networkidle' })
    assert.deepEqual(errors, [], 'uncaught errors in the page')
    return loaded
  } finally {
    await context.close()
  }
}

describe('precompressed assets', () => {
  test('index.html and every script and style sheet it and its entry name come as br or gzip, as accepted, and decode to the plain file', async () => {
    const index = await rawGet('/', null)
    assert.equal(index.status, 200)
    assert.equal(index.headers['content-encoding'], undefined, 'no Accept-Encoding: the plain file')
    const named = [...index.body.toString('utf8').matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])
    assert.ok(named.length >= 1, `index.html names the entry script: ${named}`)
    // The entry (web/src/boot.ts) loads the rest: the chunks and style sheets it names.
    const entry = await rawGet(named[0], 'identity')
    const loaded = [...entry.body.toString('utf8').matchAll(/"(assets\/[^"]+\.(?:js|css))"/g)].map((m) => `/${m[1]}`)
    const assets = [...new Set([...named, ...loaded])]
    assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')), `scripts and style sheets: ${assets}`)
    for (const p of ['/', ...assets]) {
      const plain = await rawGet(p, 'identity')
      assert.equal(plain.status, 200, p)
      assert.equal(plain.headers['content-encoding'], undefined, p)
      assert.equal(plain.headers.vary, 'Accept-Encoding', p)

      const br = await rawGet(p, 'gzip, deflate, br, zstd')
      // A file so small that compression would not shrink it (a 52-byte style sheet) has no
      // compressed sibling for that encoding (the build skips it) and goes plain.
      if (plain.body.length < 256 && br.headers['content-encoding'] === undefined) {
        assert.deepEqual(br.body, plain.body, p)
        continue
      }
      assert.equal(br.headers['content-encoding'], 'br', p)
      assert.equal(br.headers.vary, 'Accept-Encoding', p)
      assert.equal(br.headers['content-type'], plain.headers['content-type'], p)
      assert.equal(Number(br.headers['content-length']), br.body.length, p)
      assert.ok(br.body.length < plain.body.length, `${p}: brotli is smaller`)
      assert.deepEqual(brotliDecompressSync(br.body), plain.body, `${p}: brotli decodes to the file`)

      const gz = await rawGet(p, 'gzip;q=1, br;q=0.5')
      if (plain.body.length < 256 && gz.headers['content-encoding'] === undefined) {
        assert.deepEqual(gz.body, plain.body, `${p}: too small for gzip to shrink`)
        continue
      }
      assert.equal(gz.headers['content-encoding'], 'gzip', p)
      assert.deepEqual(gunzipSync(gz.body), plain.body, `${p}: gzip decodes to the file`)
    }
  })

  test('an app route gets index.html compressed too', async () => {
    const r = await rawGet('/enterprises', 'br')
    assert.equal(r.status, 200)
    assert.equal(r.headers['content-encoding'], 'br')
    assert.match(brotliDecompressSync(r.body).toString('utf8'), /<div id="app">/)
  })
})

// The charts' shared code (components/SvgChart.vue with the d3 modules it draws with) is built
// into a chunk of its own, loaded only by pages that draw a chart.
const kChartCode = /\/assets\/SvgChart-[^/]*\.js/

describe('first load', () => {
  test(`the start page transfers at most ${kFirstLoadBudget / 1024} KB and loads no chart code`, async () => {
    const loaded = await firstLoad('/')
    const total = loaded.reduce((s, r) => s + r.bytes, 0)
    const listing = loaded.map((r) => `${r.bytes} ${r.url}`).join('\n')
    assert.ok(total <= kFirstLoadBudget, `start page transferred ${total} bytes:\n${listing}`)
    assert.ok(!loaded.some((r) => kChartCode.test(r.url ?? '')), `no chart code on the start page:\n${listing}`)
  })

  test('pages without a chart load no chart code; a page with one does', async () => {
    for (const p of ['/enterprises', '/taxonomy']) {
      const loaded = await firstLoad(p)
      const listing = loaded.map((r) => `${r.bytes} ${r.url}`).join('\n')
      assert.ok(!loaded.some((r) => kChartCode.test(r.url ?? '')), `no chart code on ${p}:\n${listing}`)
    }
    // The pattern names the chart chunk as the build writes it: a chart page loads it.
    const loaded = await firstLoad('/projects')
    assert.ok(
      loaded.some((r) => kChartCode.test(r.url ?? '')),
      `the projects page loads the chart code:\n${loaded.map((r) => `${r.bytes} ${r.url}`).join('\n')}`,
    )
  })
})
