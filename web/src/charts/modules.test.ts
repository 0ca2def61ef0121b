import { describe, expect, it } from 'vitest'
import { chartModules } from './modules'

describe('chartModules', () => {
  it('needs nothing optional for bar, line and scatter charts', () => {
    expect(chartModules({ series: [{ type: 'bar' }, { type: 'line' }, { type: 'scatter' }] })).toEqual([])
    expect(chartModules({})).toEqual([])
  })
  it('needs the map module for a map series, geo or a visual map', () => {
    expect(chartModules({ series: { type: 'map', map: 'x' } })).toEqual(['map'])
    expect(chartModules({ geo: { map: 'x' } })).toEqual(['map'])
    expect(chartModules({ visualMap: { min: 0, max: 1 }, series: [{ type: 'bar' }] })).toEqual(['map'])
  })
  it('needs the custom module for a custom series or data zoom', () => {
    expect(chartModules({ series: [{ type: 'scatter' }, { type: 'custom', renderItem: () => undefined }] })).toEqual(['custom'])
    expect(chartModules({ dataZoom: [{ type: 'inside' }] })).toEqual(['custom'])
  })
  it('lists each module once, map before custom', () => {
    expect(chartModules({ series: [{ type: 'custom', renderItem: () => undefined }, { type: 'map' }, { type: 'map' }] })).toEqual([
      'map',
      'custom',
    ])
  })
})
