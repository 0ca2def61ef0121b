import { describe, expect, it } from 'vitest'
import { buildCountyMapOption, countyMapData, mapFeatures, mapLabel, type CountyMapInput } from './countyMap'

type Any = any

const geo = {
  features: [
    { properties: { adcode: 441402, name: '梅江区' } },
    { properties: { adcode: 441403, name: '梅县区' } },
    { properties: { adcode: 441427, name: '蕉岭县' } },
  ],
}

const input: CountyMapInput = {
  mapName: 'meizhou',
  features: mapFeatures(geo),
  counties: [
    { id: 'meijiang', adcode: '441402', name: { zh: '梅江区', en: 'Meijiang District' }, enterprises: 4, output_value: { year: 2025, value: 500000000, sample: true } },
    { id: 'meixian', adcode: 441403, name: { zh: '梅县区', en: 'Meixian District' }, enterprises: 12, output_value: { year: 2025, value: 3200000000 } },
  ],
  metric: 'output',
  locale: 'zh-CN',
  labels: { metric: '工业总产值', sample: '示例', noData: '暂无数据' },
}

describe('mapFeatures', () => {
  it('reads adcodes as strings and names from the GeoJSON', () => {
    expect(mapFeatures(geo)[0]).toEqual({ adcode: '441402', name: '梅江区' })
  })
})

describe('countyMapData', () => {
  it('matches counties to features by adcode and scales output to 亿元', () => {
    const { data, scale } = countyMapData(input)
    expect(scale.unit).toBe('亿元')
    expect(data[0]).toEqual({ name: '梅江区', value: 5, countyId: 'meijiang', sample: true })
    expect(data[1]).toEqual({ name: '梅县区', value: 32, countyId: 'meixian', sample: false })
  })
  it('leaves counties without a record without a value', () => {
    expect(countyMapData(input).data[2]).toEqual({ name: '蕉岭县', value: null, countyId: null, sample: false })
  })
  it('colours by enterprise count when asked', () => {
    const { data, max } = countyMapData({ ...input, metric: 'enterprises' })
    expect(data.map((d) => d.value)).toEqual([4, 12, null])
    expect(max).toBe(12)
  })
  it('renames features to English names in English', () => {
    const { data, nameMap } = countyMapData({ ...input, locale: 'en' })
    expect(nameMap).toEqual({ 梅江区: 'Meijiang District', 梅县区: 'Meixian District' })
    expect(data[1].name).toBe('Meixian District')
  })
})

describe('mapLabel', () => {
  it('shortens English county names and leaves Chinese ones alone', () => {
    expect(mapLabel('Meixian District')).toBe('Meixian')
    expect(mapLabel('Xingning City')).toBe('Xingning')
    expect(mapLabel('Dabu County')).toBe('Dabu')
    expect(mapLabel('梅县区')).toBe('梅县区')
  })
})

describe('buildCountyMapOption', () => {
  const option = buildCountyMapOption(input)
  const series = (option.series as Any[])[0]

  it('draws the registered map with a continuous colour scale', () => {
    expect(series.type).toBe('map')
    expect(series.map).toBe('meizhou')
    expect((option.visualMap as Any).max).toBe(32)
  })
  it('shows the value and the sample mark in the tooltip', () => {
    const fmt = (option.tooltip as Any).formatter
    expect(fmt({ name: '梅江区', data: series.data[0] })).toBe('梅江区<br/>工业总产值: 5亿元 · 示例')
    expect(fmt({ name: '蕉岭县', data: series.data[2] })).toBe('蕉岭县<br/>暂无数据')
  })
})
