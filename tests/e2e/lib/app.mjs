// What the browser tests of the web app share: a real `atlas serve` and Chromium for the whole file
// (useApp registers them with node:test's before/after), a page per test that fails on an uncaught
// error in the page, and the selectors and waits every page test uses.
import assert from 'node:assert/strict'
import { after, before } from 'node:test'
import { launchBrowser, newPage, startServer } from './server.mjs'

/** The selector of the element(s) marked data-test="name". */
export const byTest = (name) => `[data-test="${name}"]`

/** Waits until the page's requests are done and no loading state is left. */
export async function settled(page) {
  await page.waitForLoadState('networkidle')
  await page.locator(byTest('loading-state')).first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {})
}

/** Opens `url`, waits for the card marked data-test=`card` and a settled page without an error state; the card. */
export async function openCard(page, url, card) {
  await page.goto(url)
  const found = page.locator(byTest(card))
  await found.waitFor()
  await settled(page)
  assert.equal(await page.locator(byTest('error-state')).count(), 0, 'no error state')
  return found
}

/**
 * Starts a server (options as startServer's) and a browser before the file's tests, then runs
 * `setup(app)` (reads the tests need from the API), and stops them after. Returns {server, browser}
 * (set once started), getJson(path) and withPage(fn, {locale, viewport, signedIn}); both act as the
 * server's account (an analyst by default) unless signedIn is false.
 */
export function useApp(serverOptions, { setup } = {}) {
  const app = { server: null, browser: null }
  before(async () => {
    app.server = await startServer(serverOptions)
    app.browser = await launchBrowser()
    if (setup) await setup(app)
  })
  after(async () => {
    await app.browser?.close()
    await app.server?.stop()
  })
  /** GET an API path, asserting 200, as JSON. */
  app.getJson = async (p) => {
    const res = await fetch(new URL(p, app.server.url), { headers: app.server.auth })
    assert.equal(res.status, 200, `GET ${p}`)
    return res.json()
  }
  /** Runs fn(page) in a fresh context (UI language `locale`, size `viewport`); no uncaught error. */
  app.withPage = async (fn, { locale, viewport, signedIn = true } = {}) => {
    const { context, page, errors } = await newPage(app.browser, app.server.url, { signedIn })
    if (locale) await context.addInitScript((l) => localStorage.setItem('atlas.locale', l), locale)
    if (viewport) await page.setViewportSize(viewport)
    try {
      await fn(page)
      assert.deepEqual(errors, [], 'uncaught errors in the page')
    } finally {
      await context.close()
    }
  }
  return app
}
