import { describe, expect, it, vi } from 'vitest'
import { ApiError, AtlasClient, buildQuery, problemToError, type ReadContext, type SessionAnswer } from './client'
import { clearEarly, startEarly } from './early'

const problem = {
  type: '/problems/unknown-reference',
  title: 'Unknown reference',
  status: 400,
  detail: 'county: no county "xx" (did you mean "hillside"?)',
  instance: '/api/v1/enterprises?county=xx',
  code: 'unknown-reference',
  field: 'county',
  column: 0,
  message: { zh: '参数 county 引用了不存在的对象：xx', en: 'county: no county "xx" (did you mean "hillside"?)' },
}

function jsonResponse(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

function clientWith(fetchImpl: ReturnType<typeof vi.fn>, ctx: ReadContext = { asOf: null, sample: true }) {
  return new AtlasClient({ fetch: fetchImpl as never, context: () => ctx })
}

describe('buildQuery', () => {
  it('adds as_of when set and sample always', () => {
    expect(buildQuery({}, { asOf: '2024-06-30', sample: true })).toBe('as_of=2024-06-30&sample=true')
    expect(buildQuery({}, { asOf: null, sample: false })).toBe('sample=false')
  })
  it('drops empty parameters and keeps the others in order', () => {
    const q = buildQuery({ county: 'hillside', zone: '', q: undefined, limit: 20, class: null }, { asOf: '', sample: true })
    expect(q).toBe('county=hillside&limit=20&sample=true')
  })
  it('encodes names and the sort minus sign safely', () => {
    const q = buildQuery({ q: '青禾 ABC', sort: '-output_value' }, { asOf: null, sample: true })
    expect(new URLSearchParams(q).get('q')).toBe('青禾 ABC')
    expect(new URLSearchParams(q).get('sort')).toBe('-output_value')
  })
})

describe('problemToError', () => {
  it('keeps the Chinese and English messages, the code and the field', () => {
    const e = problemToError(400, problem)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(400)
    expect(e.code).toBe('unknown-reference')
    expect(e.field).toBe('county')
    expect(e.messageIn('zh-CN')).toBe('参数 county 引用了不存在的对象：xx')
    expect(e.messageIn('en')).toBe('county: no county "xx" (did you mean "hillside"?)')
  })
  it('takes the code from the type when the code member is missing', () => {
    const e = problemToError(404, { type: '/problems/not-found', title: 'Not found', status: 404 })
    expect(e.code).toBe('not-found')
    expect(e.messageIn('zh-CN')).toBe('Not found')
  })
  it('falls back to the other language when one message is empty', () => {
    const e = problemToError(400, { code: 'syntax-error', message: { zh: '', en: 'unexpected token' }, column: 7 })
    expect(e.messageIn('zh-CN')).toBe('unexpected token')
    expect(e.column).toBe(7)
  })
  it('gives a readable message in both languages for a body that is not a problem', () => {
    const e = problemToError(502, '<html>Bad gateway</html>')
    expect(e.code).toBe('http-502')
    expect(e.messageIn('zh-CN')).toContain('HTTP 502')
    expect(e.messageIn('en')).toContain('HTTP 502')
  })
})

describe('AtlasClient', () => {
  it('sends as_of and sample from the context with every GET', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse({ meta: {}, total: 0, offset: 0, limit: 50, items: [] }))
    await clientWith(fetchImpl, { asOf: '2025-12-31', sample: false }).enterprises({ county: 'hillside', sort: '-output_value' })
    expect(fetchImpl).toHaveBeenCalledTimes(1)
    const url = fetchImpl.mock.calls[0][0] as string
    expect(url).toBe('/api/v1/enterprises?county=hillside&sort=-output_value&as_of=2025-12-31&sample=false')
  })
  it('reads the context at each request, so a switch applies to the next one', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, targets: [] })))
    const ctx: ReadContext = { asOf: null, sample: true }
    const client = clientWith(fetchImpl, ctx)
    await client.targets()
    ctx.sample = false
    await client.targets()
    expect(fetchImpl.mock.calls[0][0]).toBe('/api/v1/targets?sample=true')
    expect(fetchImpl.mock.calls[1][0]).toBe('/api/v1/targets?sample=false')
  })
  it('sends late=true only when asked for late projects', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, items: [], summary: [] })))
    const client = clientWith(fetchImpl)
    await client.projects({ late: true, type: 'relocation' })
    await client.projects({ late: false })
    expect(fetchImpl.mock.calls[0][0]).toBe('/api/v1/projects?type=relocation&late=true&sample=true')
    expect(fetchImpl.mock.calls[1][0]).toBe('/api/v1/projects?sample=true')
  })
  it('sends delayed=true only when asked for delayed projects', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, items: [], summary: [] })))
    const client = clientWith(fetchImpl)
    await client.projects({ delayed: true })
    await client.projects({ delayed: false, late: false })
    expect(fetchImpl.mock.calls[0][0]).toBe('/api/v1/projects?delayed=true&sample=true')
    expect(fetchImpl.mock.calls[1][0]).toBe('/api/v1/projects?sample=true')
  })
  it("reads a chain's verdicts for the region or a county and a year", async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, chain: {} })))
    const client = clientWith(fetchImpl, { plan: 'riverbend-ev-2024-2027', asOf: null, sample: true })
    await client.chain('ev-drive')
    await client.chain('trailer', { county: 'meixian', year: 2024 })
    await client.chain('a/b', { county: '' })
    expect(fetchImpl.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/chains/ev-drive?plan=riverbend-ev-2024-2027&sample=true',
      '/api/v1/chains/trailer?county=meixian&year=2024&plan=riverbend-ev-2024-2027&sample=true',
      '/api/v1/chains/a%2Fb?plan=riverbend-ev-2024-2027&sample=true',
    ])
  })
  it("reads every county's verdicts of a chain, for a year, never with a county", async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, links: [], counties: [] })))
    const client = clientWith(fetchImpl, { plan: 'meizhou-autoparts-2021-2025', asOf: '2024-06-30', sample: false })
    await client.chainCounties('trailer')
    await client.chainCounties('a/b', { year: 2024 })
    // The server answers a county with a 400 (unknown parameter): one slipped in is not sent.
    await client.chainCounties('trailer', { county: 'meixian' } as { year?: number })
    expect(fetchImpl.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/chains/trailer/counties?plan=meizhou-autoparts-2021-2025&as_of=2024-06-30&sample=false',
      '/api/v1/chains/a%2Fb/counties?year=2024&plan=meizhou-autoparts-2021-2025&as_of=2024-06-30&sample=false',
      '/api/v1/chains/trailer/counties?plan=meizhou-autoparts-2021-2025&as_of=2024-06-30&sample=false',
    ])
  })
  it('links a catalogue download with the plan, date and sample switch, and the area', () => {
    const client = clientWith(vi.fn(), { plan: 'meizhou-autoparts-2021-2025', asOf: '2024-06-30', sample: false })
    expect(client.catalogueUrl('key-development', { format: 'xlsx' })).toBe(
      '/api/v1/catalogues/key-development?format=xlsx&plan=meizhou-autoparts-2021-2025&as_of=2024-06-30&sample=false',
    )
    expect(client.catalogueUrl('target-enterprise', { format: 'csv', county: 'meixian', year: 2024 })).toBe(
      '/api/v1/catalogues/target-enterprise?format=csv&county=meixian&year=2024&plan=meizhou-autoparts-2021-2025&as_of=2024-06-30&sample=false',
    )
  })
  it("reads a link's attraction candidates for the region or a county", async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, candidates: [] })))
    const client = clientWith(fetchImpl, { plan: 'meizhou-autoparts-2021-2025', asOf: '2024-06-30', sample: false })
    await client.linkCandidates('nev-three-electric', 'power-battery')
    await client.linkCandidates('trailer', 'a/b', { county: 'meixian', year: 2024 })
    expect(fetchImpl.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/chains/nev-three-electric/links/power-battery/candidates?plan=meizhou-autoparts-2021-2025&as_of=2024-06-30&sample=false',
      '/api/v1/chains/trailer/links/a%2Fb/candidates?county=meixian&year=2024&plan=meizhou-autoparts-2021-2025&as_of=2024-06-30&sample=false',
    ])
  })
  it('escapes ids in paths', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse({ meta: {} }))
    await clientWith(fetchImpl).enterprise('a/b')
    expect(fetchImpl.mock.calls[0][0]).toBe('/api/v1/enterprises/a%2Fb?sample=true')
  })
  it('throws an ApiError with the problem of a failed answer', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse(problem, 400, 'application/problem+json'))
    const err = await clientWith(fetchImpl).enterprises({ county: 'xx' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).field).toBe('county')
    expect((err as ApiError).messageIn('zh-CN')).toBe(problem.message.zh)
  })
  it('turns a network failure into an ApiError with a message in both languages', async () => {
    const fetchImpl = vi.fn().mockRejectedValue(new TypeError('fetch failed'))
    const err = (await clientWith(fetchImpl).plan().catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('network')
    expect(err.messageIn('zh-CN')).toContain('无法连接服务器')
    expect(err.messageIn('en')).toContain('Cannot reach the server')
  })
  it('reports the meta of each answer', async () => {
    const meta = { snapshot_version: 3, as_of: '2026-11-27', data_as_of: '2026-10-31', sample: true }
    const onMeta = vi.fn()
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse({ meta, targets: [] }))
    await new AtlasClient({ fetch: fetchImpl as never, context: () => ({ asOf: null, sample: true }), onMeta }).targets()
    expect(onMeta).toHaveBeenCalledWith(meta)
  })
  it('posts an indicator with the global as_of and sample in the body', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse({ meta: {}, value: 1 }))
    await clientWith(fetchImpl, { asOf: '2025-06-30', sample: false }).indicator('sum(output_value) in 2025')
    const [url, init] = fetchImpl.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/v1/indicators')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string)).toEqual({ expression: 'sum(output_value) in 2025', sample: false, as_of: '2025-06-30' })
  })
  it('names the header\'s plan on every read and on the indicator POST', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, targets: [], value: 1 })))
    const client = clientWith(fetchImpl, { plan: 'riverbend-ev-2024-2027', asOf: '2025-06-30', sample: true })
    await client.targets()
    await client.indicator('count(enterprises)')
    expect(fetchImpl.mock.calls[0][0]).toBe('/api/v1/targets?plan=riverbend-ev-2024-2027&as_of=2025-06-30&sample=true')
    expect(fetchImpl.mock.calls[1][0]).toBe('/api/v1/indicators?plan=riverbend-ev-2024-2027')
  })
})

describe('AtlasClient and the session', () => {
  const expired = {
    type: '/problems/session-expired',
    title: 'Signed out',
    status: 401,
    code: 'session-expired',
    field: '',
    message: { zh: '登录已失效（已退出、过期、长时间未操作或账号已变更），请重新登录', en: 'your session has ended: sign in again' },
  }
  const csrfProblem = (code: string) => ({ type: `/problems/${code}`, status: 403, code, field: 'X-CSRF-Token', message: { zh: '缺少令牌', en: 'token missing' } })
  const signedIn: SessionAnswer = { signed_in: true, user: { name: 'li.ming', role: 'admin', enterprise: null }, csrf_token: 'tok-1', expires: '2026-12-08T13:00:00Z' }
  const ctx = (): ReadContext => ({ plan: 'p', asOf: '2025-06-30', sample: true })
  const headersOf = (call: unknown[]) => new Headers((call[1] as RequestInit).headers)

  it('sends the CSRF token with every POST and DELETE while signed in, and with no GET', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, targets: [], value: 1, signed_in: false })))
    const client = new AtlasClient({ fetch: fetchImpl as never, context: ctx, csrfToken: () => 'tok-1' })
    await client.indicator('count(enterprises)')
    await client.whatIf([{ kind: 'cancel', project: 'p1' }])
    await client.signOut()
    await client.targets()
    await client.session()
    const calls = fetchImpl.mock.calls
    expect(calls.map((c) => [(c[1] as RequestInit).method, headersOf(c).get('X-CSRF-Token')])).toEqual([
      ['POST', 'tok-1'],
      ['POST', 'tok-1'],
      ['DELETE', 'tok-1'],
      ['GET', null],
      ['GET', null],
    ])
    // A DELETE has no body and says no content type; a POST says JSON.
    expect((calls[2][1] as RequestInit).body).toBeUndefined()
    expect(headersOf(calls[2]).get('Content-Type')).toBeNull()
    expect(headersOf(calls[0]).get('Content-Type')).toBe('application/json')
  })
  it('sends no CSRF header when nobody is signed in, and waits for a token still being read', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse({ meta: {}, value: 1 })))
    await new AtlasClient({ fetch: fetchImpl as never, context: ctx, csrfToken: () => null }).indicator('count(enterprises)')
    expect(headersOf(fetchImpl.mock.calls[0]).has('X-CSRF-Token')).toBe(false)
    let known: (t: string) => void = () => undefined
    const later = new Promise<string>((r) => (known = r))
    const client = new AtlasClient({ fetch: fetchImpl as never, context: ctx, csrfToken: () => later })
    const sent = client.indicator('count(enterprises)')
    await new Promise((r) => setTimeout(r, 10))
    expect(fetchImpl).toHaveBeenCalledTimes(1)
    known('tok-late')
    await sent
    expect(headersOf(fetchImpl.mock.calls[1]).get('X-CSRF-Token')).toBe('tok-late')
  })
  it('reads and writes the session without plan, as_of or sample (the server refuses unknown parameters)', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse(signedIn)))
    const client = new AtlasClient({ fetch: fetchImpl as never, context: ctx })
    expect(await client.session()).toEqual(signedIn)
    await client.signIn('li.ming', 'correct horse battery')
    await client.setupStatus()
    await client.setup('abc', 'li.ming', 'correct horse battery')
    expect(fetchImpl.mock.calls.map((c) => `${(c[1] as RequestInit).method} ${c[0]}`)).toEqual([
      'GET /api/v1/session',
      'POST /api/v1/session',
      'GET /api/v1/setup',
      'POST /api/v1/setup',
    ])
    expect(JSON.parse((fetchImpl.mock.calls[1][1] as RequestInit).body as string)).toEqual({ user: 'li.ming', password: 'correct horse battery' })
    expect(JSON.parse((fetchImpl.mock.calls[3][1] as RequestInit).body as string)).toEqual({ token: 'abc', user: 'li.ming', password: 'correct horse battery' })
  })
  it('on a 401 session-expired ends the session, then reads again once without it', async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(expired, 401, 'application/problem+json'))
      .mockResolvedValueOnce(jsonResponse({ meta: {}, targets: [] }))
    const onSessionExpired = vi.fn()
    const answer = await new AtlasClient({ fetch: fetchImpl as never, context: ctx, onSessionExpired }).targets()
    expect(answer).toEqual({ meta: {}, targets: [] })
    expect(onSessionExpired).toHaveBeenCalledTimes(1)
    expect((onSessionExpired.mock.calls[0][0] as ApiError).code).toBe('session-expired')
    expect(fetchImpl).toHaveBeenCalledTimes(2)
    expect(fetchImpl.mock.calls[1][0]).toBe(fetchImpl.mock.calls[0][0])
  })
  it('on a 401 session-expired of a read started early, asks the network again', async () => {
    clearEarly()
    const early = vi.fn().mockResolvedValue(jsonResponse(expired, 401, 'application/problem+json'))
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse({ meta: {}, targets: [] }))
    const onSessionExpired = vi.fn()
    const client = new AtlasClient({ fetch: fetchImpl as never, context: ctx, onSessionExpired })
    startEarly(client.readUrl({ path: '/targets', params: {} }), early as never)
    await client.targets()
    expect(onSessionExpired).toHaveBeenCalledTimes(1)
    expect(fetchImpl).toHaveBeenCalledTimes(1)
    clearEarly()
  })
  it('on a 401 session-expired of a write ends the session and throws, without sending the write again', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse(expired, 401, 'application/problem+json'))
    const onSessionExpired = vi.fn()
    const err = (await new AtlasClient({ fetch: fetchImpl as never, context: ctx, onSessionExpired, csrfToken: () => 'tok-1' })
      .whatIf([{ kind: 'cancel', project: 'p1' }])
      .catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(401)
    expect(err.code).toBe('session-expired')
    expect(err.messageIn('zh-CN')).toContain('请重新登录')
    expect(onSessionExpired).toHaveBeenCalledTimes(1)
    expect(fetchImpl).toHaveBeenCalledTimes(1)
  })
  it('a 401 that is not session-expired (wrong credentials) is only thrown', async () => {
    const wrong = { type: '/problems/wrong-credentials', status: 401, code: 'wrong-credentials', message: { zh: '用户名或密码错误', en: 'wrong user name or password' } }
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse(wrong, 401, 'application/problem+json'))
    const onSessionExpired = vi.fn()
    const err = (await new AtlasClient({ fetch: fetchImpl as never, context: ctx, onSessionExpired }).signIn('li.ming', 'nope').catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('wrong-credentials')
    expect(err.messageIn('zh-CN')).toBe('用户名或密码错误')
    expect(onSessionExpired).not.toHaveBeenCalled()
    expect(fetchImpl).toHaveBeenCalledTimes(1)
  })
  it('a write refused for its CSRF token reads the session again and is sent once more with the new token', async () => {
    let token = 'old'
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(csrfProblem('csrf-token-invalid'), 403, 'application/problem+json'))
      .mockResolvedValueOnce(jsonResponse({ meta: {}, value: 1 }))
    const refreshSession = vi.fn().mockImplementation(async () => {
      token = 'new'
    })
    await new AtlasClient({ fetch: fetchImpl as never, context: ctx, csrfToken: () => token, refreshSession }).indicator('count(enterprises)')
    expect(refreshSession).toHaveBeenCalledTimes(1)
    expect(fetchImpl.mock.calls.map((c) => headersOf(c).get('X-CSRF-Token'))).toEqual(['old', 'new'])
  })
  it('a write refused for its CSRF token is not sent again when the token is the same', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse(csrfProblem('csrf-token-missing'), 403, 'application/problem+json'))
    const refreshSession = vi.fn().mockResolvedValue(undefined)
    const err = (await new AtlasClient({ fetch: fetchImpl as never, context: ctx, csrfToken: () => null, refreshSession })
      .indicator('count(enterprises)')
      .catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('csrf-token-missing')
    expect(refreshSession).toHaveBeenCalledTimes(1)
    expect(fetchImpl).toHaveBeenCalledTimes(1)
  })
})
