import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from './api'
import { applySession, session } from './state'
import { loadSession, signIn, signOut } from './session'

// The app's client (api/index.ts) wired to the session state (state.ts): the CSRF token of the
// session goes with every write, a 401 session-expired ends the session.
function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } })
}
const signedIn = { signed_in: true as const, user: { name: 'li.ming', role: 'admin', enterprise: null }, csrf_token: 'tok-1', expires: '2026-12-08T13:00:00Z' }
const expired = { type: '/problems/session-expired', status: 401, code: 'session-expired', message: { zh: '登录已失效，请重新登录', en: 'your session has ended: sign in again' } }
const csrfOf = (call: unknown[]) => new Headers((call[1] as RequestInit).headers).get('X-CSRF-Token')

afterEach(() => {
  vi.unstubAllGlobals()
  applySession({ signed_in: false, setup_needed: false })
  session.ended = false
})

describe('the session of the app', () => {
  it('is read at start; a write then carries its CSRF token', async () => {
    const fetchImpl = vi.fn().mockImplementation((url: string) => Promise.resolve(jsonResponse(url.endsWith('/session') ? signedIn : { meta: {}, value: 1 })))
    vi.stubGlobal('fetch', fetchImpl)
    await loadSession()
    expect(session).toMatchObject({ known: true, user: { name: 'li.ming', role: 'admin' }, csrfToken: 'tok-1', ended: false })
    await api.indicator('count(enterprises)')
    expect(fetchImpl.mock.calls[1][0]).toBe('/api/v1/indicators')
    expect(csrfOf(fetchImpl.mock.calls[1])).toBe('tok-1')
  })
  it('ends on a 401 session-expired: nobody signed in, the user told, no token sent any more', async () => {
    applySession(signedIn)
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(expired, 401))
      .mockResolvedValue(jsonResponse({ meta: {}, value: 1 }))
    vi.stubGlobal('fetch', fetchImpl)
    const err = await api.indicator('count(enterprises)').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'session-expired', status: 401 })
    expect(session).toMatchObject({ user: null, csrfToken: null, ended: true })
    await api.indicator('count(enterprises)')
    expect(csrfOf(fetchImpl.mock.calls[0])).toBe('tok-1')
    expect(csrfOf(fetchImpl.mock.calls[1])).toBeNull()
  })
  it('signs in (the notice of an ended session goes) and out', async () => {
    session.ended = true
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(signedIn))
      .mockResolvedValueOnce(jsonResponse({ signed_in: false, setup_needed: false }))
    vi.stubGlobal('fetch', fetchImpl)
    await signIn('li.ming', 'correct horse battery')
    expect(session).toMatchObject({ user: { name: 'li.ming' }, csrfToken: 'tok-1', ended: false })
    expect(csrfOf(fetchImpl.mock.calls[0])).toBeNull()
    await signOut()
    expect(fetchImpl.mock.calls[1][1]).toMatchObject({ method: 'DELETE' })
    expect(csrfOf(fetchImpl.mock.calls[1])).toBe('tok-1')
    expect(session).toMatchObject({ user: null, csrfToken: null, ended: false })
  })
  it('counts the changes of reader once known (every read runs again), not the first answer', async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(signedIn))
      .mockResolvedValueOnce(jsonResponse({ signed_in: false, setup_needed: false }))
      .mockResolvedValueOnce(jsonResponse(signedIn))
      .mockResolvedValueOnce(jsonResponse(expired, 401))
      .mockResolvedValue(jsonResponse({ meta: {}, targets: [] }))
    vi.stubGlobal('fetch', fetchImpl)
    session.known = false
    session.user = null
    const start = session.epoch
    await loadSession()
    expect(session.epoch).toBe(start)
    await signOut()
    expect(session.epoch).toBe(start + 1)
    await signIn('li.ming', 'correct horse battery')
    expect(session.epoch).toBe(start + 2)
    await api.targets()
    expect(session).toMatchObject({ user: null, ended: true, epoch: start + 3 })
    // Signed out already: another session-expired answer changes no reader.
    applySession({ signed_in: false })
    expect(session.epoch).toBe(start + 3)
  })
  it('knows when the database has no user yet', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse({ signed_in: false, setup_needed: true })))
    await loadSession()
    expect(session).toMatchObject({ known: true, user: null, setupNeeded: true })
  })
  it('is known, with nobody signed in, when it cannot be read at start (no server, an old one)', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('fetch failed')))
    await loadSession()
    expect(session).toMatchObject({ known: true, user: null, csrfToken: null })
  })
})
