import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { nextTick, reactive } from 'vue'
import { completeQuery, isIsoDate, readQuerySettings, writeQuerySettings } from './settingsQuery'
import { installSettingsSync } from './settingsSync'

describe('readQuerySettings', () => {
  it('reads a date and the sample switch', () => {
    expect(readQuerySettings({ as_of: '2022-06-30', sample: '0' })).toEqual({ asOf: '2022-06-30', sample: false })
    expect(readQuerySettings({ sample: 'false' })).toEqual({ sample: false })
    expect(readQuerySettings({ sample: '1' })).toEqual({ sample: true })
    expect(readQuerySettings({})).toEqual({})
  })
  it('ignores what it does not understand', () => {
    expect(readQuerySettings({ as_of: '2022-02-30', sample: 'maybe' })).toEqual({})
    expect(readQuerySettings({ as_of: 'yesterday' })).toEqual({})
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
  })
})

describe('the plan in the address', () => {
  it('reads a plan id and ignores what is not one', () => {
    expect(readQuerySettings({ plan: 'riverbend-ev-2024-2027' })).toEqual({ plan: 'riverbend-ev-2024-2027' })
    expect(readQuerySettings({ plan: '<script>' })).toEqual({})
    expect(readQuerySettings({ plan: 'Upper-Case' })).toEqual({})
  })
  it('writes it first-class beside the other switches, and leaves it out for the default plan', () => {
    expect(writeQuerySettings({ q: 'x', plan: 'old' }, { plan: 'riverbend', asOf: null, sample: true })).toEqual({ q: 'x', plan: 'riverbend' })
    expect(writeQuerySettings({ plan: 'old' }, { plan: null, asOf: null, sample: true })).toEqual({})
    expect(completeQuery({ county: 'a' }, { plan: 'riverbend', asOf: null, sample: true })).toEqual({ county: 'a', plan: 'riverbend' })
  })
})

describe('writeQuerySettings', () => {
  it('keeps other keys and leaves defaults out', () => {
    expect(writeQuerySettings({ q: 'x', as_of: '2020-01-01' }, { asOf: null, sample: true })).toEqual({ q: 'x' })
    expect(writeQuerySettings({ q: 'x' }, { asOf: '2022-06-30', sample: false })).toEqual({ q: 'x', as_of: '2022-06-30', sample: '0' })
  })
})

describe('completeQuery', () => {
  it('fills what a link leaves out and keeps what it states', () => {
    const current = { asOf: '2022-06-30', sample: false }
    expect(completeQuery({ county: 'a' }, current)).toEqual({ county: 'a', as_of: '2022-06-30', sample: '0' })
    expect(completeQuery({ as_of: '2021-12-31', sample: '0' }, current)).toBeNull()
    expect(completeQuery({ as_of: 'bad' }, { asOf: null, sample: true })).toEqual({})
    expect(completeQuery({}, { asOf: null, sample: true })).toBeNull()
  })
})

describe('installSettingsSync', () => {
  async function setup(start: string, initial = { asOf: null as string | null, sample: true }) {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: { render: () => null } },
        { path: '/other', component: { render: () => null } },
      ],
    })
    const settings = reactive({ ...initial })
    installSettingsSync(router, settings)
    await router.push(start)
    return { router, settings }
  }
  const settle = async () => {
    await nextTick()
    await new Promise((r) => setTimeout(r, 0))
  }

  it('a shared link sets the switches', async () => {
    const { settings } = await setup('/?as_of=2022-06-30&sample=0')
    expect(settings).toEqual({ asOf: '2022-06-30', sample: false })
  })
  it('a change in the header goes into the address; links to other pages keep it; back undoes it', async () => {
    const { router, settings } = await setup('/')
    settings.asOf = '2022-06-30'
    settings.sample = false
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/?as_of=2022-06-30&sample=0')
    await router.push('/other?x=1')
    expect(router.currentRoute.value.query).toEqual({ x: '1', as_of: '2022-06-30', sample: '0' })
    router.back()
    await settle()
    expect(router.currentRoute.value.path).toBe('/')
    expect(settings).toEqual({ asOf: '2022-06-30', sample: false })
    settings.sample = true
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/?as_of=2022-06-30')
    router.back()
    await settle()
    expect(settings.sample).toBe(false)
  })
  it('a switch set while the first page is still loading applies to that page, not to "/"', async () => {
    let release: () => void = () => undefined
    const slow = new Promise<{ render: () => null }>((r) => {
      release = () => r({ render: () => null })
    })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: { render: () => null } },
        { path: '/zones', component: () => slow },
      ],
    })
    const settings = reactive({ plan: null as string | null, asOf: null as string | null, sample: true })
    installSettingsSync(router, settings)
    const first = router.push('/zones')
    await settle() // its guards have run; its page's code has not arrived yet
    settings.plan = 'riverbend'
    await settle()
    release()
    await first
    await settle()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/zones?plan=riverbend')
  })
})
