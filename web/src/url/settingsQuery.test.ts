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
})
