import { describe, expect, it } from 'vitest'
import { connectMaps, provideMap } from './maps'

describe('provideMap', () => {
  it('keeps shapes until ECharts connects, then registers them and every later one at once', () => {
    const registered: [string, unknown][] = []
    provideMap('a', { features: [1] })
    provideMap('b', { features: [2] })
    expect(registered).toEqual([])
    connectMaps((name, geo) => registered.push([name, geo]))
    expect(registered).toEqual([
      ['a', { features: [1] }],
      ['b', { features: [2] }],
    ])
    provideMap('c', { features: [3] })
    expect(registered[2]).toEqual(['c', { features: [3] }])
  })
})
