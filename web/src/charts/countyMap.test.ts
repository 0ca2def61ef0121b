import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { buildCountyMapChart, countyMapData, featurePath, labelPoint, MAP_COLOURS, mapFeatures, mapLabel, mapProjection, NO_DATA_COLOUR, withLabelPoints, type CountyMapInput, type GeoFeature } from './countyMap'
import type { PathMark, TextMark } from './svg'

// A real plan's boundary map (the embedded Meizhou plan's, data/plans/), as GET /map serves it.
const meizhouGeo: unknown = JSON.parse(readFileSync(new URL('../../../data/plans/meizhou-autoparts-2021-2025.geojson', import.meta.url), 'utf8'))

// Three unit squares side by side (lng 116–119, lat 24–25), label points at their middles.
const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 24], [x + 1, 24], [x + 1, 25], [x, 25], [x, 24]]] })
const geo: { features: GeoFeature[] } = {
  features: [
    { properties: { adcode: 441402, name: '梅江区', cp: [116.5, 24.5] }, geometry: square(116) },
    { properties: { adcode: 441403, name: '梅县区', cp: [117.5, 24.5] }, geometry: square(117) },
    { properties: { adcode: 441427, name: '蕉岭县', cp: [118.5, 24.5] }, geometry: square(118) },
  ],
}

const input: CountyMapInput = {
  geo,
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

describe('buildCountyMapChart', () => {
  const chart = buildCountyMapChart(input, 600, 300)
  const regions = chart.marks.filter((m): m is PathMark => m.kind === 'path')
  const labels = chart.marks.filter((m): m is TextMark => m.kind === 'text')

  it('colours counties on a continuous scale up to the largest value, counties without figures grey', () => {
    expect(regions.map((r) => r.fill)).toEqual([expect.stringMatching(/^rgb/), 'rgb(19, 49, 143)', NO_DATA_COLOUR])
    expect(MAP_COLOURS.at(-1)).toBe('#13318f')
    expect(chart.ramp).toEqual({ colours: MAP_COLOURS, low: '0', high: '32亿元', caption: '工业总产值' })
  })

  it('shows the value and the sample mark in the tooltip, and marks the sample county', () => {
    expect(regions[0].tip).toEqual(['梅江区', '工业总产值: 5亿元 · 示例'])
    expect(regions[2].tip).toEqual(['蕉岭县', '暂无数据'])
    expect(regions.map((r) => !!r.sample)).toEqual([true, false, false])
  })

  it('opens a county on click or Enter; a county without a record opens nothing', () => {
    expect(regions.map((r) => r.click)).toEqual(['meijiang', 'meixian', undefined])
    expect(regions.every((r) => r.focus)).toBe(true)
  })

  it('puts each label at its label point, English names shortened', () => {
    const en = buildCountyMapChart({ ...input, locale: 'en' }, 600, 300)
    const t = en.marks.filter((m): m is TextMark => m.kind === 'text')
    expect(t.map((x) => x.text)).toEqual(['Meijiang', 'Meixian', '蕉岭县'])
    expect(labels[0].x).toBeLessThan(labels[1].x)
    expect(labels[0].y).toBeCloseTo(150, 0)
    expect(labels.every((l) => l.halo)).toBe(true)
  })

  it('lists the counties with figures in its table, with the unit and the sample mark', () => {
    expect(chart.table).toEqual({
      unit: '亿元',
      rows: [
        { series: '工业总产值', category: '梅江区', value: '5', sample: true },
        { series: '工业总产值', category: '梅县区', value: '32', sample: false },
      ],
    })
    expect(buildCountyMapChart({ ...input, metric: 'enterprises' }, 600, 300).table.unit).toBe('')
  })
})

describe('mapProjection', () => {
  it('fits the map in its box, north up, keeping its shape', () => {
    const p = mapProjection(geo.features, 600, 100, 0)
    const [x0, y0] = p([116, 25])
    const [x1, y1] = p([119, 24])
    expect(y0).toBeCloseTo(0)
    expect(y1).toBeCloseTo(100)
    // 3° of longitude at 24.5° N are 3·cos(24.5°) ≈ 2.73 times a degree of latitude
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(3 * Math.cos((24.5 * Math.PI) / 180), 3)
    expect((x0 + x1) / 2).toBeCloseTo(300)
  })
  it('draws every ring of a feature, holes included', () => {
    const f: GeoFeature = { properties: { adcode: 1, name: 'x' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 0]], [[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 0.5]]] } }
    expect(featurePath(f, ([x, y]) => [x, y])).toBe('M0,0L2,0L2,2L0,0ZM0.5,0.5L1,0.5L1,1L0.5,0.5Z')
  })
})

// A ring's area-weighted centroid (where ECharts puts a label by default).
function centroid(ring: number[][]): [number, number] {
  let [a, cx, cy] = [0, 0, 0]
  for (let i = 0; i < ring.length - 1; i++) {
    const c = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
    a += c
    cx += (ring[i][0] + ring[i + 1][0]) * c
    cy += (ring[i][1] + ring[i + 1][1]) * c
  }
  return [cx / (3 * a), cy / (3 * a)]
}

function inside([x, y]: number[], ring: number[][]): boolean {
  let c = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    if (ring[i][1] > y !== ring[j][1] > y && x < ((ring[j][0] - ring[i][0]) * (y - ring[i][1])) / (ring[j][1] - ring[i][1]) + ring[i][0]) c = !c
  }
  return c
}

describe('labelPoint', () => {
  it('is the middle of a square', () => {
    const [x, y] = labelPoint([
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    ])
    expect(x).toBeCloseTo(1, 1)
    expect(y).toBeCloseTo(1, 1)
  })

  it('lies inside a U-shaped region whose centroid falls in the notch', () => {
    // A U: two arms joined at the bottom; the notch between the arms is outside.
    const u = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ]
    expect(inside(centroid(u), u)).toBe(false)
    expect(inside(labelPoint([u]), u)).toBe(true)
  })

  it('keeps out of holes', () => {
    const outer = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ]
    const hole = [
      [1, 1],
      [3, 1],
      [3, 3],
      [1, 3],
      [1, 1],
    ]
    const p = labelPoint([outer, hole])
    expect(inside(p, outer) && !inside(p, hole)).toBe(true)
  })
})

describe('withLabelPoints on the Meizhou map', () => {
  const geo = meizhouGeo as unknown as { features: (GeoFeature & { geometry: { coordinates: number[][][][] } })[] }
  const placed = withLabelPoints(geo)
  const feature = (name: string) => placed.features.find((f) => f.properties.name === name)!
  const ring = (name: string) => feature(name).geometry!.coordinates[0][0]

  it('puts every label inside its own county', () => {
    for (const f of placed.features) expect(inside(f.properties.cp!, f.geometry.coordinates[0][0]), f.properties.name).toBe(true)
  })

  it('moves 梅县区 off 梅江区: well apart, and not inside 梅江区', () => {
    // The default centroids are about 0.12° apart — one label height on the page: they overlapped.
    const dist = (a: number[], b: number[]) => Math.hypot((a[0] - b[0]) * Math.cos((24.3 * Math.PI) / 180), a[1] - b[1])
    expect(dist(centroid(ring('梅县区')), centroid(ring('梅江区')))).toBeLessThan(0.13)
    const meixian = feature('梅县区').properties.cp!
    const meijiang = feature('梅江区').properties.cp!
    expect(dist(meixian, meijiang)).toBeGreaterThan(0.2)
    expect(inside(meixian, ring('梅江区'))).toBe(false)
  })

  it('leaves the input unchanged', () => {
    expect((geo.features[0].properties as { cp?: unknown }).cp).toBeUndefined()
    expect(placed.features).toHaveLength(geo.features.length)
  })
})
