// Signing in, in the web app, against the real `atlas serve` (docs/security.md "Sessions"): on a
// database without users the sign-in page says how the first administrator comes; the link the
// server prints opens the setup page, which checks the account rules before the server does,
// shows the server's refusal, creates the administrator, takes the token out of the address and
// lands signed in, the name and role in the header. Signing out brings back 登录; a wrong password
// gets the server's words; the right one goes to the `redirect` page (never to another site). A
// what-if posted while signed in carries the session's CSRF token and succeeds; a session ended on
// the server is said in the page at the next action, with a way back in. On a phone the sign-in
// page fits the screen and who is signed in sits in the menu. A locked account is told until when.
// Screenshots: artifacts/session-*.png.
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import { byTest, settled, useApp } from './lib/app.mjs'
import { addUser, newPage, repoRoot, startServer } from './lib/server.mjs'

const artifacts = path.join(repoRoot, 'tests/e2e/artifacts')
const ADMIN = 'li.ming'
const PASSWORD = 'correct horse battery'
const kPhone = { width: 390, height: 844 }

// A database without users (no account for the tests to act as): atlas serve prints the link.
const app = useApp({ account: null }, { setup: () => mkdir(artifacts, { recursive: true }) })

/** The text field marked data-test=`name` (Element puts the attribute on the <input> itself). */
const field = (page, name) => page.locator(`input${byTest(name)}, ${byTest(name)} input`).first()
const headerPart = (page, name) => page.locator(`${byTest('app-header')} ${byTest(name)}`)
const shot = (page, name, options = {}) => page.screenshot({ path: path.join(artifacts, `session-${name}.png`), ...options })

/** The page's width against the screen's, and what sticks out (as phone.test.mjs measures it). */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getBoundingClientRect().width > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
    return { width, scrollWidth: document.scrollingElement.scrollWidth, wide: wide.slice(0, 4) }
  })
}

/** Signs in through the sign-in page the browser is on. */
async function submitLogin(page, user, password) {
  await field(page, 'login-user').fill(user)
  await field(page, 'login-password').fill(password)
  await page.locator(byTest('login-submit')).click()
}

// One browser, signed in as the administrator from the setup on, through the tests of the first
// describe (they run in order: each builds on the one before).
let desktop = null
after(async () => {
  await desktop?.context.close()
})

describe('the first administrator, signing in and out, and a session that ends', () => {
  test('before any user exists, the sign-in page says how the first administrator comes', async () => {
    await app.withPage(async (page) => {
      await page.goto('/login')
      const note = page.locator(byTest('login-no-user'))
      await note.waitFor()
      assert.equal((await note.innerText()).trim(), '尚无用户：请打开 atlas serve 打印的一次性链接创建首个管理员')
      assert.equal(await headerPart(page, 'sign-in').count(), 0, 'no 登录 link on the sign-in page itself')
      await shot(page, 'login-no-user')
    })
    await app.withPage(
      async (page) => {
        await page.goto('/login')
        await page.locator(byTest('login-no-user')).getByText('No user yet: open the one-time link atlas serve printed to create the first administrator').waitFor()
      },
      { locale: 'en' },
    )
  })

  test('a link with a wrong token gets the server’s refusal, in the page', async () => {
    await app.withPage(async (page) => {
      await page.goto('/setup#token=not-the-token')
      await page.locator(byTest('setup-form')).waitFor()
      await field(page, 'setup-user').fill(ADMIN)
      await field(page, 'setup-password').fill(PASSWORD)
      await field(page, 'setup-confirm').fill(PASSWORD)
      await page.locator(byTest('setup-submit')).click()
      const error = page.locator(byTest('setup-error'))
      await error.waitFor()
      assert.equal(await error.getAttribute('data-code'), 'setup-closed')
      assert.match(await error.innerText(), /首个管理员链接无效或已使用/)
      assert.equal(new URL(page.url()).pathname, '/setup', 'the page stays')
    })
  })

  test('the printed link opens the setup page: the account rules, then the administrator, signed in, the token gone from the address', async () => {
    const token = await app.server.setupToken()
    const link = /(http:\/\/\S+\/setup#token=\S+)/.exec(app.server.stdout())?.[1]
    assert.ok(link && link.endsWith(token) && link.startsWith(app.server.url), `atlas serve printed the link: ${app.server.stdout()}`)
    desktop = await newPage(app.browser, app.server.url)
    const { page } = desktop
    const writes = []
    const listener = (r) => r.method() !== 'GET' && writes.push(`${r.method()} ${new URL(r.url()).pathname}`)
    page.on('request', listener)
    await page.goto(link)
    await page.locator(byTest('setup-form')).waitFor()
    assert.equal(await field(page, 'setup-user').getAttribute('autocomplete'), 'username')
    assert.equal(await field(page, 'setup-password').getAttribute('autocomplete'), 'new-password')
    await shot(page, 'setup')

    // The rules are checked before anything is sent.
    await field(page, 'setup-user').fill('Li Ming')
    await field(page, 'setup-password').fill('too short')
    await field(page, 'setup-confirm').fill('too shorT')
    await page.locator(byTest('setup-submit')).click()
    assert.match(await page.locator(byTest('setup-user-error')).innerText(), /^2–64 个字符/)
    assert.match(await page.locator(byTest('setup-password-error')).innerText(), /至少 10 字节/)
    assert.match(await page.locator(byTest('setup-confirm-error')).innerText(), /两次输入的密码不一致/)
    await shot(page, 'setup-rules')
    // 10 bytes in 4 characters is long enough; a different confirmation is not.
    await field(page, 'setup-password').fill('密码ab12')
    await page.locator(byTest('setup-password-error')).waitFor({ state: 'detached' })
    assert.deepEqual(writes, [], 'nothing was sent while the form was wrong')

    await field(page, 'setup-user').fill(ADMIN)
    await field(page, 'setup-password').fill(PASSWORD)
    await field(page, 'setup-confirm').fill(PASSWORD)
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/setup')
    await page.locator(byTest('setup-submit')).click()
    const answer = await answered
    assert.equal(answer.status(), 200)
    assert.deepEqual(answer.request().postDataJSON(), { token, user: ADMIN, password: PASSWORD })
    await page.waitForURL((u) => u.pathname === '/')
    assert.equal(await page.evaluate(() => location.hash), '', 'the token left the address')
    assert.ok(!page.url().includes(token), page.url())
    await headerPart(page, 'session-user').waitFor()
    assert.equal((await headerPart(page, 'session-user').innerText()).trim(), ADMIN)
    assert.equal((await headerPart(page, 'session-role').innerText()).trim(), '管理员')
    assert.equal(await headerPart(page, 'sign-in').count(), 0)
    await settled(page)
    await page.waitForTimeout(3200) // the "created" message fades
    await shot(page, 'header-desktop', { clip: { x: 0, y: 0, width: 1440, height: 120 } })
    page.off('request', listener)

    assert.deepEqual(await app.getJson('/api/v1/setup'), { setup_needed: false })
    // The link is spent: opened again, the page says so and leads to the sign-in page.
    await page.goto(link)
    await page.locator(byTest('setup-closed')).waitFor()
    assert.equal(await page.locator(byTest('setup-form')).count(), 0)
    assert.equal(await page.locator(`${byTest('setup-login')}`).getAttribute('href'), '/login')
  })

  test('the header’s menu signs out (with the CSRF token): the header offers 登录 again', async () => {
    const { page } = desktop
    await page.goto('/projects')
    await headerPart(page, 'session-user').waitFor()
    await page.locator(`${byTest('session-menu')} .who-button`).click()
    await page.locator(`.el-dropdown-menu ${byTest('sign-out')}`).waitFor()
    await shot(page, 'header-menu', { clip: { x: 0, y: 0, width: 1440, height: 200 } })
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE' && new URL(r.url()).pathname === '/api/v1/session')
    await page.locator(`.el-dropdown-menu ${byTest('sign-out')}`).click()
    const answer = await deleted
    assert.equal(answer.status(), 200)
    assert.ok(answer.request().headers()['x-csrf-token'], 'the sign-out carried the CSRF token')
    const signIn = headerPart(page, 'sign-in')
    await signIn.waitFor()
    assert.equal((await signIn.innerText()).trim(), '登录')
    assert.equal(await headerPart(page, 'session-user').count(), 0)
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).json())
    assert.equal(session.signed_in, false)
  })

  test('a wrong password gets the server’s words; the right one signs in and goes to the `redirect` page', async () => {
    const { page } = desktop
    await headerPart(page, 'sign-in').click()
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === '/projects')
    assert.equal(await field(page, 'login-user').getAttribute('autocomplete'), 'username')
    assert.equal(await field(page, 'login-password').getAttribute('autocomplete'), 'current-password')
    await shot(page, 'login')

    await submitLogin(page, ADMIN, 'not the password')
    const error = page.locator(byTest('login-error'))
    await error.waitFor()
    assert.equal(await error.getAttribute('data-code'), 'wrong-credentials')
    assert.equal((await error.innerText()).trim(), '用户名或密码错误')
    assert.equal(await field(page, 'login-password').inputValue(), '', 'the wrong password is cleared')
    await shot(page, 'login-wrong-password')

    await submitLogin(page, ADMIN, PASSWORD)
    await page.waitForURL((u) => u.pathname === '/projects')
    await headerPart(page, 'session-user').waitFor()
    assert.equal((await headerPart(page, 'session-user').innerText()).trim(), ADMIN)

    // Signed in, the sign-in page offers to go on to its `redirect` — never to another site.
    for (const [redirect, href] of [
      ['/zones?as_of=2024-06-30', '/zones?as_of=2024-06-30'],
      ['//evil.example/x', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
    ]) {
      await page.goto(`/login?redirect=${encodeURIComponent(redirect)}`)
      const go = page.locator(byTest('login-continue'))
      await go.waitFor()
      assert.equal(await go.getAttribute('href'), href, `redirect=${redirect}`)
    }
  })

  test('a what-if posted from the page while signed in carries the CSRF token and succeeds', async () => {
    const { page } = desktop
    const forecast = await app.getJson('/api/v1/forecast?as_of=2023-06-30')
    const project = forecast.targets.flatMap((t) => t.projects)[0]
    assert.ok(project, 'a key project to cancel')
    const csrf = (await page.evaluate(async () => (await fetch('/api/v1/session')).json())).csrf_token
    assert.ok(csrf)
    // The page posts at once, while it is still asking who is signed in: the post waits for the token.
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/v1/forecast/what-if'))
    await page.goto(`/forecast?as_of=2023-06-30&change=${encodeURIComponent(`cancel:${project}`)}`)
    const answer = await posted
    assert.equal(answer.request().headers()['x-csrf-token'], csrf)
    assert.equal(answer.status(), 200)
    await page.locator(byTest('whatif-change-0')).waitFor()
    await settled(page)
    assert.equal(await page.locator(byTest('whatif-error')).count(), 0)
    assert.equal(await page.locator(byTest('error-state')).count(), 0)
  })

  test('a session ended on the server is said at the next action, with a way back in that returns to the page', async () => {
    const { page, context } = desktop
    const cookie = (await context.cookies()).find((c) => c.name === 'atlas_session')
    assert.ok(cookie?.httpOnly, 'the session cookie is HttpOnly')
    const csrf = (await page.evaluate(async () => (await fetch('/api/v1/session')).json())).csrf_token
    const ended = await fetch(new URL('/api/v1/session', app.server.url), {
      method: 'DELETE',
      headers: { Cookie: `atlas_session=${cookie.value}`, 'X-CSRF-Token': csrf },
    })
    assert.equal(ended.status, 200, await ended.text())

    // The next action: another page. Its reads get 401 session-expired, the page says so once.
    await page.locator(byTest('nav-enterprises')).click()
    const message = page.locator(byTest('session-ended'))
    await message.waitFor()
    assert.match(await message.innerText(), /^登录已失效，请重新登录/)
    assert.equal(await page.locator(byTest('session-ended')).count(), 1, 'said once')
    await headerPart(page, 'sign-in').waitFor()
    assert.equal(await headerPart(page, 'session-user').count(), 0)
    // The page's reads were asked again without the session: the register shows.
    await page.locator('[data-test^="enterprise-row-"]').first().waitFor()
    await settled(page)
    assert.equal(await page.locator(byTest('error-state')).count(), 0)
    await shot(page, 'ended')

    await page.locator(byTest('session-ended-sign-in')).click()
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect')?.startsWith('/enterprises'))
    await page.locator(byTest('session-ended')).waitFor({ state: 'detached' })
    await page.locator(byTest('login-ended')).waitFor()
    await submitLogin(page, ADMIN, PASSWORD)
    await page.waitForURL((u) => u.pathname === '/enterprises')
    await headerPart(page, 'session-user').waitFor()
    assert.equal(await page.locator(byTest('login-ended')).count(), 0)
    assert.deepEqual(desktop.errors, [], 'uncaught errors in the page')
  })

  test('on a phone the sign-in page fits the screen, and who is signed in sits in the menu', async () => {
    const cookies = await desktop.context.cookies()
    for (const locale of ['zh-CN', 'en']) {
      const context = await app.browser.newContext({ baseURL: app.server.url, viewport: kPhone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
      context.setDefaultTimeout(15_000)
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('atlas.locale', 'en'))
      const page = await context.newPage()
      const errors = []
      page.on('pageerror', (e) => errors.push(String(e)))
      try {
        await page.goto('/login?redirect=%2Fzones')
        await page.locator(byTest('login-form')).waitFor()
        await settled(page)
        const o = await overflow(page)
        assert.ok(o.scrollWidth <= kPhone.width && o.width === kPhone.width, `the sign-in page is ${o.scrollWidth} px wide in ${o.width}: ${o.wide.join('; ')}`)
        await shot(page, `login-phone-${locale}`)
        await page.goto('/setup')
        await page.locator(byTest('setup-closed')).waitFor()
        assert.ok((await overflow(page)).scrollWidth <= kPhone.width, 'the setup page fits')
        await shot(page, `setup-phone-${locale}`)

        await context.addCookies(cookies)
        await page.goto('/')
        await settled(page)
        assert.equal(await headerPart(page, 'session-control').count(), 0, 'nothing squeezed into the phone’s header')
        await page.locator(byTest('header-menu')).click()
        const drawer = page.locator('.el-drawer')
        await drawer.locator(byTest('session-user')).waitFor()
        await page.waitForTimeout(500) // the drawer slides in
        assert.equal((await drawer.locator(byTest('session-user')).innerText()).trim(), ADMIN)
        assert.equal((await drawer.locator(byTest('session-role')).innerText()).trim(), locale === 'en' ? 'Administrator' : '管理员')
        for (const part of ['session-user', 'sign-out']) {
          const b = await drawer.locator(byTest(part)).boundingBox()
          assert.ok(b && b.x >= 0 && b.x + b.width <= kPhone.width + 1, `${part} is on screen: ${JSON.stringify(b)}`)
        }
        await shot(page, `header-phone-${locale}`)
        assert.deepEqual(errors, [], 'uncaught errors in the page')
      } finally {
        await context.close()
      }
    }
  })
})

describe('what the public sees of an enterprise', () => {
  test('the list says its output figures need a sign-in and offers no sort by them; the profile says why its figures are empty', async () => {
    await app.withPage(async (page) => {
      await page.goto('/enterprises')
      await page.locator(byTest('figure-withheld')).first().waitFor()
      await settled(page)
      const withheld = await page.locator(byTest('figure-withheld')).allTextContents()
      assert.ok(withheld.length > 0 && withheld.every((x) => x.trim() === '登录后可见'), JSON.stringify(withheld))
      await page.locator(byTest('sort')).click()
      await page.locator('.el-select-dropdown__item:visible').first().waitFor()
      const options = await page.locator('.el-select-dropdown__item:visible').allTextContents()
      assert.equal(options.length, 1, `only the sort by name: ${JSON.stringify(options)}`)
      const id = (await app.getJson('/api/v1/enterprises?limit=1')).items[0].id
      await page.goto(`/enterprises/${id}`)
      await page.locator(byTest('enterprise-figures')).waitFor()
      await settled(page)
      assert.match(await page.locator(byTest('enterprise-figures')).textContent(), /企业统计数据不公开/)
    })
  })
})

describe('a locked account', () => {
  test('five wrong passwords in a row lock it: the page says until when, also by the local clock', async () => {
    const server = await startServer({ account: null, prepare: (db) => addUser(db, { name: 'wang.fang', role: 'analyst', password: PASSWORD }) })
    const { context, page, errors } = await newPage(app.browser, server.url)
    try {
      await page.goto('/login')
      await page.locator(byTest('login-form')).waitFor()
      await settled(page)
      assert.equal(await page.locator(byTest('login-no-user')).count(), 0, 'a user exists')
      for (let i = 1; i <= 5; i++) {
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/session')
        await submitLogin(page, 'wang.fang', `wrong password ${i}`)
        await answered
      }
      const error = page.locator(`${byTest('login-error')}[data-code="locked-out"]`)
      await error.waitFor()
      const text = await error.innerText()
      const until = /锁定至 (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)/.exec(text)?.[1]
      assert.ok(until, `the message says until when: ${text}`)
      // The context's clock is Asia/Shanghai (UTC+8).
      const local = new Date(Date.parse(until) + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16)
      assert.match(text, new RegExp(`即本机时间 ${local}`))
      await shot(page, 'login-locked')
      assert.deepEqual(errors, [], 'uncaught errors in the page')
    } finally {
      await context.close()
      await server.stop()
    }
  })
})
