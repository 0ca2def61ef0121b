// The harness of the end-to-end tests: a real `atlas serve` process on a free port with a fresh
// database, and Debian's Chromium driven by playwright-core. Builds nothing.
//
//   ATLAS_BINARY  the atlas executable (default <repo>/build/atlas)
//   ATLAS_WEB     the built web app (default <repo>/web/dist)
//   CHROMIUM      the browser (default /usr/bin/chromium; never downloaded)
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const atlasBinary = path.resolve(repoRoot, process.env.ATLAS_BINARY || 'build/atlas')
export const webDir = path.resolve(repoRoot, process.env.ATLAS_WEB || 'web/dist')
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium'

const kBannerTimeoutMs = 60_000
const kHealthTimeoutMs = 30_000
const kStopTimeoutMs = 20_000
const kBanner = /^Cluster Atlas serving (.+) on (http:\/\/127\.0\.0\.1:(\d+)\/)$/

/**
 * Resolves with [the first line `stream` produces, what came after it in the same read]; rejects
 * when `child` exits first or on timeout.
 */
function firstLine(stream, child, stderrText) {
  return new Promise((resolve, reject) => {
    let buffer = ''
    const timer = setTimeout(() => finish(new Error(`atlas serve printed no line in ${kBannerTimeoutMs} ms; stderr:\n${stderrText()}`)), kBannerTimeoutMs)
    function finish(error, line) {
      clearTimeout(timer)
      stream.off('data', onData)
      child.off('exit', onExit)
      error ? reject(error) : resolve(line)
    }
    function onData(chunk) {
      buffer += chunk
      const newline = buffer.indexOf('\n')
      if (newline >= 0) finish(null, [buffer.slice(0, newline), buffer.slice(newline + 1)])
    }
    function onExit(code, signal) {
      finish(new Error(`atlas serve exited (code ${code}, signal ${signal}) before its first line; stderr:\n${stderrText()}`))
    }
    stream.setEncoding('utf8')
    stream.on('data', onData)
    child.on('exit', onExit)
  })
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + kHealthTimeoutMs
  let last = ''
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`atlas serve exited with ${child.exitCode} while waiting for /healthz`)
    try {
      const res = await fetch(new URL('/healthz', url))
      const body = await res.json()
      if (res.status === 200 && body.status === 'ok') return body
      last = `HTTP ${res.status} ${JSON.stringify(body)}`
    } catch (e) {
      last = String(e)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`/healthz did not answer ok within ${kHealthTimeoutMs} ms: ${last}`)
}

/**
 * Runs `atlas ARGS…` to completion; resolves with its stdout, rejects with its exit code, stdout
 * and stderr when it fails.
 */
export async function runAtlas(args) {
  const child = spawn(atlasBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s))
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s))
  const [code, signal] = await once(child, 'exit')
  if (code !== 0) throw new Error(`atlas ${args.join(' ')} exited with ${code} (signal ${signal})\n${stdout}${stderr}`)
  return stdout
}

/**
 * The account browser and API tests act as unless they ask for the public (`account: null`): an
 * analyst sees every figure (docs/security.md), as the pages did before accounts existed.
 */
export const kDefaultAccount = { name: 'e2e-analyst', role: 'analyst', password: 'e2e analyst password' }

/** Servers started here whose tests act as an account: url → {account, cookie, csrf}. */
const signedIn = new Map()

/** Adds `account` to the database with `atlas user add` (the password on standard input). */
export async function addUser(db, { name, role, enterprise, password }) {
  const args = ['user', 'add', name, '--role', role, '--db', db, ...(enterprise ? ['--enterprise', enterprise] : [])]
  const child = spawn(atlasBinary, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (s) => (out += s))
  child.stderr.setEncoding('utf8').on('data', (s) => (out += s))
  child.stdin.end(`${password}\n`)
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`atlas ${args.join(' ')} exited with ${code}: ${out}`)
}

/** Signs `account` in through the API: {cookie: "atlas_session=…", csrf}. */
export async function signIn(url, { name, password }) {
  const res = await fetch(new URL('/api/v1/session', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: name, password }),
  })
  const body = await res.json()
  if (res.status !== 200) throw new Error(`signing ${name} in: HTTP ${res.status} ${JSON.stringify(body)}`)
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: body.csrf_token }
}

/**
 * Starts `atlas serve` on 127.0.0.1:0 with a fresh database in a temporary directory and waits
 * until /healthz answers. `prepare(db)`, when given, runs first and may fill the database (else
 * the server seeds it with the embedded dataset). `account` (default kDefaultAccount; null: none)
 * is added before the start and signed in: `auth` holds its headers for fetch, and pages from
 * newPage on this server are signed in as it. Returns `{url, db, account, auth, stderr(), stdout(),
 * setupToken(), stop()}`; `stop()`
 * sends SIGTERM, waits for the exit and throws unless the exit code is 0, then removes the
 * temporary directory.
 */
export async function startServer({ extraArgs = [], prepare, account = kDefaultAccount } = {}) {
  if (!existsSync(atlasBinary)) throw new Error(`no atlas binary at ${atlasBinary} (set ATLAS_BINARY or build first)`)
  const dir = await mkdtemp(path.join(tmpdir(), 'atlas-e2e-'))
  const db = path.join(dir, 'atlas.db')
  if (prepare || account) {
    try {
      if (prepare) await prepare(db)
      if (account) await addUser(db, account)
    } catch (e) {
      await rm(dir, { recursive: true, force: true })
      throw e
    }
  }
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', webDir, '--no-access-log', ...extraArgs]
  const child = spawn(atlasBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (s) => (stderr += s))
  const stderrText = () => stderr
  const exited = once(child, 'exit')
  try {
    const [line, rest] = await firstLine(child.stdout, child, stderrText)
    const match = kBanner.exec(line)
    if (!match) throw new Error(`unexpected first stdout line of atlas serve: ${JSON.stringify(line)}`)
    if (match[1] !== db) throw new Error(`atlas serve names database ${match[1]}, expected ${db}`)
    const url = match[2]
    let stdout = rest
    child.stdout.on('data', (chunk) => (stdout += chunk))
    await waitForHealth(url, child)
    const auth = account ? await signIn(url, account) : null
    if (auth) signedIn.set(url, { account, ...auth })
    let stopped = false
    return {
      url,
      db,
      stderr: stderrText,
      /** The account the tests act as (null: the public), its cookie and CSRF token. */
      account,
      /** Headers that make a fetch come from that account ({} for the public). */
      auth: auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrf } : {},
      /** What the server printed after its banner (the first-administrator link, on a database without users). */
      stdout: () => stdout,
      /** The one-time first-administrator token `atlas serve` printed (waits for the line). */
      async setupToken() {
        const deadline = Date.now() + kHealthTimeoutMs
        for (;;) {
          const m = /\/setup#token=([A-Za-z0-9_-]+)/.exec(stdout)
          if (m) return m[1]
          if (Date.now() > deadline) throw new Error(`atlas serve printed no setup link; stdout:\n${stdout}`)
          await new Promise((r) => setTimeout(r, 50))
        }
      },
      async stop() {
        if (stopped) return
        stopped = true
        try {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          const timer = setTimeout(() => child.kill('SIGKILL'), kStopTimeoutMs)
          const [code, signal] = await exited
          clearTimeout(timer)
          if (code !== 0) throw new Error(`atlas serve exited with code ${code} (signal ${signal}) after SIGTERM; stderr:\n${stderr}`)
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
      },
    }
  } catch (e) {
    child.kill('SIGKILL')
    await exited
    await rm(dir, { recursive: true, force: true })
    throw e
  }
}

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--no-first-run',
]

/** Launches Debian's Chromium (never a downloaded one). */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM)`)
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 60_000 })
}

/**
 * Gives a browser context the session the server's account signed in with at the start (one
 * sign-in per server: signing in per page would trip the per-address attempt limit).
 */
export async function useSession(context, baseURL) {
  const session = signedIn.get(baseURL)
  if (!session) return
  const value = session.cookie.slice(session.cookie.indexOf('=') + 1)
  await context.addCookies([{ name: 'atlas_session', value, url: baseURL, httpOnly: true, sameSite: 'Strict' }])
}

/** Signs a browser context in as `account` (its cookie jar gets the session cookie). */
export async function signInContext(context, baseURL, { name, password }) {
  const res = await context.request.post(new URL('/api/v1/session', baseURL).href, { data: { user: name, password } })
  if (res.status() !== 200) throw new Error(`signing ${name} in the browser: HTTP ${res.status()} ${await res.text()}`)
}

/**
 * A fresh browser context on `baseURL`: viewport 1440×1000, locale zh-CN; signed in as the
 * server's account unless `signedIn: false` (then: the public). `errors` collects
 * uncaught page errors (a test may assert it stays empty).
 */
export async function newPage(browser, baseURL, { signedIn: asAccount = true } = {}) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const session = asAccount ? signedIn.get(baseURL) : undefined
  if (session) await useSession(context, baseURL)
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}
