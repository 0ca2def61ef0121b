import { afterEach, describe, expect, it, vi } from 'vitest'
import { AtlasClient } from './client'
import { clearEarly, EARLY_TTL_MS, startEarly, takeEarly } from './early'

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  clearEarly()
  vi.useRealTimers()
})

describe('early reads', () => {
  it('answer the client from a read started before boot, without a second request', async () => {
    const early = vi.fn(async () => json({ meta: { as_of: '2025-12-31' }, id: 'qinghe' }))
    const client = new AtlasClient({ fetch: vi.fn(async () => json({ id: 'late' })) as never, context: () => ({ asOf: null, sample: true }) })
    startEarly('/api/v1/plan?sample=true', early)
    const plan = await client.plan()
    expect(plan.id).toBe('qinghe')
    expect(early).toHaveBeenCalledTimes(1)
  })

  it('serve every reader of the same URL (the shell and the page both read the plan)', async () => {
    const early = vi.fn(async () => json({ id: 'qinghe' }))
    const later = vi.fn(async () => json({ id: 'late' }))
    const client = new AtlasClient({ fetch: later as never, context: () => ({ asOf: null, sample: true }) })
    startEarly('/api/v1/plan?sample=true', early)
    const [a, b] = await Promise.all([client.plan(), client.plan()])
    expect([a.id, b.id]).toEqual(['qinghe', 'qinghe'])
    expect(later).not.toHaveBeenCalled()
  })

  it('are used only for the same URL: other settings or parameters go to the network', async () => {
    const early = vi.fn(async () => json({ id: 'early' }))
    const later = vi.fn(async () => json({ id: 'network' }))
    startEarly('/api/v1/plan?sample=true', early)
    const client = new AtlasClient({ fetch: later as never, context: () => ({ asOf: null, sample: false }) })
    expect((await client.plan()).id).toBe('network')
    expect(later).toHaveBeenCalledWith('/api/v1/plan?sample=false', expect.anything())
  })

  it('expire: a read after the first load asks the server', async () => {
    vi.useFakeTimers()
    startEarly('/api/v1/plan?sample=true', vi.fn(async () => json({ id: 'early' })))
    expect(takeEarly('/api/v1/plan?sample=true')).toBeDefined()
    vi.advanceTimersByTime(EARLY_TTL_MS + 1)
    expect(takeEarly('/api/v1/plan?sample=true')).toBeUndefined()
  })

  it('that failed are reported once, then asked again', async () => {
    const later = vi.fn(async () => json({ id: 'retried' }))
    const client = new AtlasClient({ fetch: later as never, context: () => ({ asOf: null, sample: true }) })
    startEarly('/api/v1/targets?sample=true', async () => json({ code: 'overloaded', status: 503, message: { zh: '忙', en: 'busy' } }, 503))
    await expect(client.targets()).rejects.toMatchObject({ status: 503, code: 'overloaded' })
    expect((await client.targets()) as unknown).toEqual({ id: 'retried' })
  })

  it('that could not reach the server fall back to the network', async () => {
    const later = vi.fn(async () => json({ id: 'network' }))
    const client = new AtlasClient({ fetch: later as never, context: () => ({ asOf: null, sample: true }) })
    startEarly('/api/v1/plan?sample=true', async () => {
      throw new TypeError('Failed to fetch')
    })
    expect((await client.plan()).id).toBe('network')
  })

  it('are never used for a POST', async () => {
    const later = vi.fn(async () => json({ has_value: true, value: 1 }))
    const client = new AtlasClient({ fetch: later as never, context: () => ({ asOf: null, sample: true }) })
    startEarly('/api/v1/indicators', async () => json({ has_value: false }))
    expect((await client.indicator('sum(output_value)')).has_value).toBe(true)
  })
})
