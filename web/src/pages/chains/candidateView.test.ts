import { describe, expect, it, vi } from 'vitest'
import type { CandidateFeature } from '../../api/client'
import { answerCache, candidateReasons, candidateSummary, formatPoints, formatScore, planSections, reasonLine, scoreBar, weightsLine } from './candidateView'

const feature = (f: string, value: number, weight: number, points: number, zh: string, en: string): CandidateFeature => ({ feature: f, value, weight, points, text: { zh, en } })
// EVE Energy for Meizhou's power batteries (docs/chains.md "Candidates").
const eve = [
  feature('gap', 0.6667, 4, 26.67, '生产动力电池（缺链，下游1个环节依赖）', 'makes Power batteries (a missing link; 1 link downstream depends on it)'),
  feature('ties', 0, 2, 0, '未记录与本地企业的配套或关联', 'no tie to a local enterprise recorded'),
  feature('scale', 0, 1, 0, '规模未录入', 'scale not recorded'),
  feature('region', 1, 2, 20, '总部位于珠三角，规划重点对接的地区', 'head office in 珠三角, a region the plan courts'),
  feature('named', 1, 1, 10, '规划点名（plan §6(3)）', 'named by the plan (plan §6(3))'),
]

describe('scores and points', () => {
  it('shows a score with one decimal, always', () => {
    expect(formatScore(56.67, 'zh-CN')).toBe('56.7')
    expect(formatScore(40, 'en')).toBe('40.0')
    expect(formatScore(100, 'en')).toBe('100.0')
  })
  it('signs the points', () => {
    expect(formatPoints(26.67, 'zh-CN')).toBe('+26.7')
    expect(formatPoints(20, 'en')).toBe('+20')
    expect(formatPoints(0, 'en')).toBe('+0')
  })
  it('draws a bar as wide as the score, a small score still visible', () => {
    expect(scoreBar(56.67)).toBeCloseTo(56.67)
    expect(scoreBar(0.3)).toBe(2)
    expect(scoreBar(0)).toBe(0)
    expect(scoreBar(120)).toBe(100)
    expect(scoreBar(Number.NaN)).toBe(0)
  })
})

describe('candidateReasons', () => {
  it('lists the features that gave points, most first, with their points in the language', () => {
    const { counted } = candidateReasons(eve, 'zh-CN')
    expect(counted.map(reasonLine)).toEqual(['生产动力电池（缺链，下游1个环节依赖）（+26.7）', '总部位于珠三角，规划重点对接的地区（+20）', '规划点名（plan §6(3)）（+10）'])
    expect(candidateReasons(eve, 'en').counted.map(reasonLine)).toEqual([
      'makes Power batteries (a missing link; 1 link downstream depends on it) (+26.7)',
      'head office in 珠三角, a region the plan courts (+20)',
      'named by the plan (plan §6(3)) (+10)',
    ])
  })
  it('keeps the features that gave nothing apart, in the API order, so the reader sees what was not counted', () => {
    const { uncounted } = candidateReasons(eve, 'zh-CN')
    expect(uncounted.map((r) => [r.feature, r.text, r.counted])).toEqual([
      ['ties', '未记录与本地企业的配套或关联', false],
      ['scale', '规模未录入', false],
    ])
    expect(candidateReasons(eve, 'en').uncounted.map((r) => r.text)).toEqual(['no tie to a local enterprise recorded', 'scale not recorded'])
  })
  it('falls back to the other language when a text is missing', () => {
    expect(candidateReasons([feature('region', 1, 2, 20, '总部位于珠三角', '')], 'en').counted[0].text).toBe('总部位于珠三角')
  })
})

describe('the rules', () => {
  it('states the weights in the features order with their labels', () => {
    const label = (f: string) => ({ gap: '缺口', ties: '配套关系', scale: '规模', region: '对接地区', named: '规划点名' })[f] ?? f
    expect(weightsLine({ gap: 4, ties: 2, scale: 1, region: 2, named: 1 }, label, 'zh-CN')).toBe('缺口 4 · 配套关系 2 · 规模 1 · 对接地区 2 · 规划点名 1')
    expect(weightsLine({ gap: 0.5, ties: 0, scale: 1, region: 2, named: 1 }, (f) => f, 'en')).toBe('gap 0.5 · ties 0 · scale 1 · region 2 · named 1')
  })
  it('finds the plan sections a provenance names, once each', () => {
    expect(planSections('regions: plan §6(1), §6(3); weights: design (docs/chains.md)')).toEqual(['plan §6(1)', 'plan §6(3)'])
    expect(planSections('plan §6(3); plan §6(3)')).toEqual(['plan §6(3)'])
    expect(planSections('design')).toEqual([])
  })
})

describe('candidateSummary', () => {
  it('counts the candidates and names the best', () => {
    const list = [
      { name: { zh: '亿纬锂能', en: 'EVE Energy' }, sample: false },
      { name: { zh: '比克电池', en: 'BAK Battery' }, sample: true },
    ]
    expect(candidateSummary(list, 'zh-CN')).toEqual({ count: 2, top: '亿纬锂能', topSample: false })
    expect(candidateSummary(list, 'en')).toEqual({ count: 2, top: 'EVE Energy', topSample: false })
    expect(candidateSummary([], 'en')).toEqual({ count: 0, top: '', topSample: false })
  })
})

describe('answerCache', () => {
  const deferred = <T>() => {
    let resolve!: (v: T) => void
    let reject!: (e: unknown) => void
    const promise = new Promise<T>((res, rej) => {
      resolve = res
      reject = rej
    })
    return { promise, resolve, reject }
  }
  const tick = () => new Promise((r) => setTimeout(r, 0))

  it('fetches a key once and keeps its answer', async () => {
    const cache = answerCache<number>()
    const fetch = vi.fn().mockResolvedValue(7)
    const [a, b] = await Promise.all([cache.get('k', fetch), cache.get('k', fetch)])
    expect([a, b]).toEqual([7, 7])
    expect(await cache.get('k', fetch)).toBe(7)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(cache.peek('k')).toBe(7)
    expect(cache.peek('other')).toBeUndefined()
  })
  it('forgets a failed fetch so it can be tried again', async () => {
    const cache = answerCache<number>()
    const fetch = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(3)
    await expect(cache.get('k', fetch)).rejects.toThrow('down')
    expect(await cache.get('k', fetch)).toBe(3)
    expect(fetch).toHaveBeenCalledTimes(2)
  })
  it('runs queued fetches at most `limit` at a time, in order; unqueued ones at once', async () => {
    const cache = answerCache<string>(2)
    const started: string[] = []
    const gates = new Map<string, ReturnType<typeof deferred<string>>>()
    const fetch = (k: string) => () => {
      started.push(k)
      const d = deferred<string>()
      gates.set(k, d)
      return d.promise
    }
    const ps = ['a', 'b', 'c', 'd'].map((k) => cache.get(k, fetch(k), { queued: true }))
    const failed = expect(ps[1]).rejects.toThrow('x')
    await tick()
    expect(started).toEqual(['a', 'b'])
    const now = cache.get('open', fetch('open'))
    expect(started).toEqual(['a', 'b', 'open'])
    gates.get('a')!.resolve('A')
    await tick()
    expect(started).toEqual(['a', 'b', 'open', 'c'])
    gates.get('b')!.reject(new Error('x'))
    await tick()
    expect(started).toEqual(['a', 'b', 'open', 'c', 'd'])
    gates.get('c')!.resolve('C')
    gates.get('d')!.resolve('D')
    gates.get('open')!.resolve('O')
    expect(await ps[0]).toBe('A')
    await failed
    expect(await ps[3]).toBe('D')
    expect(await now).toBe('O')
  })
  it('lets the oldest answers go past `keep`', async () => {
    const cache = answerCache<number>(2, 2)
    await cache.get('a', () => Promise.resolve(1))
    await cache.get('b', () => Promise.resolve(2))
    await cache.get('c', () => Promise.resolve(3))
    expect(cache.peek('a')).toBeUndefined()
    expect(cache.peek('c')).toBe(3)
    cache.forget('c')
    expect(cache.peek('c')).toBeUndefined()
  })
})
