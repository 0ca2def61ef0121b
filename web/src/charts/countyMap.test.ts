import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { buildCountyMapChart, countyMapData, featurePath, labelPoint, MAP_COLOURS, mapFeatures, mapLabel, mapProjection, NO_DATA_COLOUR, withLabelPoints, type CountyMapInput, type GeoFeature } from './countyMap'
import type { PathMark, TextMark } from './svg'

// The real plans' boundary maps (data/plans/*.geojson), as GET /map serves them: whichever plans
// the repository holds.
const plansDir = new URL('../../../data/plans/', import.meta.url)
const planMaps = readdirSync(plansDir)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => ({ file: f, geo: JSON.parse(readFileSync(new URL(f, plansDir), 'utf8')) as { features: GeoFeature[] } }))

// Three unit squares side by side (lng 116–119, lat 24–25), label points at their middles.
const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 24], [x + 1, 24], [x + 1, 25], [x, 25], [x, 24]]] })
const geo: { features: GeoFeature[] } = {
  features: [
    { properties: { adcode: 990102, name: '青禾区', cp: [116.5, 24.5] }, geometry: square(116) },
    { properties: { adcode: 990103, name: '远山县', cp: [117.5, 24.5] }, geometry: square(117) },
    { properties: { adcode: 990127, name: '白沙县', cp: [118.5, 24.5] }, geometry: square(118) },
  ],
}

const input: CountyMapInput = {
  geo,
  features: mapFeatures(geo),
  counties: [
    { id: 'qinghe', adcode: '990102', name: { zh: '青禾区', en: 'Qinghe District' }, enterprises: 4, output_value: { year: 2025, value: 500000000, sample: true } },
    { id: 'yuanshan', adcode: 990103, name: { zh: '远山县', en: 'Yuanshan County' }, enterprises: 12, output_value: { year: 2025, value: 3200000000 } },
  ],
  metric: 'output',
  locale: 'zh-CN',
  labels: { metric: '工业总产值', sample: '示例', noData: '暂无数据' },
}

describe('mapFeatures', () => {
  it('reads adcodes as strings and names from the GeoJSON', () => {
    expect(mapFeatures(geo)[0]).toEqual({ adcode: '990102', name: '青禾区' })
  })
})

describe('countyMapData', () => {
  it('matches counties to features by adcode and scales output to 亿元', () => {
    const { data, scale } = countyMapData(input)
    expect(scale.unit).toBe('亿元')
    expect(data[0]).toEqual({ name: '青禾区', value: 5, countyId: 'qinghe', sample: true })
    expect(data[1]).toEqual({ name: '远山县', value: 32, countyId: 'yuanshan', sample: false })
  })
  it('leaves counties without a record without a value', () => {
    expect(countyMapData(input).data[2]).toEqual({ name: '白沙县', value: null, countyId: null, sample: false })
  })
  it('colours by enterprise count when asked', () => {
    const { data, max } = countyMapData({ ...input, metric: 'enterprises' })
    expect(data.map((d) => d.value)).toEqual([4, 12, null])
    expect(max).toBe(12)
  })
  it('renames features to English names in English', () => {
    const { data, nameMap } = countyMapData({ ...input, locale: 'en' })
    expect(nameMap).toEqual({ 青禾区: 'Qinghe District', 远山县: 'Yuanshan County' })
    expect(data[1].name).toBe('Yuanshan County')
  })
})

describe('mapLabel', () => {
  it('shortens English county names and leaves Chinese ones alone', () => {
    expect(mapLabel('Qinghe District')).toBe('Qinghe')
    expect(mapLabel('Baisha City')).toBe('Baisha')
    expect(mapLabel('Yuanshan County')).toBe('Yuanshan')
    expect(mapLabel('远山县')).toBe('远山县')
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
    expect(regions[0].tip).toEqual(['青禾区', '工业总产值: 5亿元 · 示例'])
    expect(regions[2].tip).toEqual(['白沙县', '暂无数据'])
    expect(regions.map((r) => !!r.sample)).toEqual([true, false, false])
  })

  it('opens a county on click or Enter; a county without a record opens nothing', () => {
    expect(regions.map((r) => r.click)).toEqual(['qinghe', 'yuanshan', undefined])
    expect(regions.every((r) => r.focus)).toBe(true)
  })

  it('puts each label at its label point, English names shortened', () => {
    const en = buildCountyMapChart({ ...input, locale: 'en' }, 600, 300)
    const t = en.marks.filter((m): m is TextMark => m.kind === 'text')
    expect(t.map((x) => x.text)).toEqual(['Qinghe', 'Yuanshan', '白沙县'])
    expect(labels[0].x).toBeLessThan(labels[1].x)
    expect(labels[0].y).toBeCloseTo(150, 0)
    expect(labels.every((l) => l.halo)).toBe(true)
  })

  it('lists the counties with figures in its table, with the unit and the sample mark', () => {
    expect(chart.table).toEqual({
      unit: '亿元',
      rows: [
        { series: '工业总产值', category: '青禾区', value: '5', sample: true },
        { series: '工业总产值', category: '远山县', value: '32', sample: false },
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

// A feature's polygons (exterior ring, then holes), whether it is a Polygon or a MultiPolygon.
function polygonsOf(f: GeoFeature): number[][][][] {
  const g = f.geometry as { type: string; coordinates: unknown }
  return (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as number[][][][]
}
const insidePolygon = (p: number[], [outer, ...holes]: number[][][]) => inside(p, outer) && !holes.some((h) => inside(p, h))

describe('withLabelPoints', () => {
  // A county that wraps around a small one (a city district inside its county): a square with the
  // small county as its hole. Both rings' centroids fall on the same point, the middle of the small
  // county, so labels placed there overlapped.
  const ring = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
  const small = ring(1.5, 1.5, 2.5, 2.5)
  const wrapped: { features: GeoFeature[] } = {
    features: [
      { properties: { adcode: 990101, name: '内区' }, geometry: { type: 'MultiPolygon', coordinates: [[small]] } },
      { properties: { adcode: 990102, name: '外县' }, geometry: { type: 'MultiPolygon', coordinates: [[ring(0, 0, 4, 4), small]] } },
    ],
  }
  const placed = withLabelPoints(wrapped)

  it('moves the wrapping county\'s label off the small one: well apart, and not inside it', () => {
    expect(Math.hypot(...[0, 1].map((i) => centroid(ring(0, 0, 4, 4))[i] - centroid(small)[i]))).toBeLessThan(1e-9)
    const outer = placed.features[1].properties.cp!
    const inner = placed.features[0].properties.cp!
    expect(Math.hypot(outer[0] - inner[0], outer[1] - inner[1])).toBeGreaterThan(1)
    expect(inside(outer, small)).toBe(false)
    expect(inside(inner, small)).toBe(true)
  })

  it('leaves the input unchanged', () => {
    expect(wrapped.features[0].properties.cp).toBeUndefined()
    expect(placed.features).toHaveLength(2)
  })

  it('puts every label of every plan\'s map inside its own county', () => {
    expect(planMaps.length).toBeGreaterThan(0)
    for (const { file, geo } of planMaps) {
      const features = withLabelPoints(geo).features
      expect(features, file).toHaveLength(geo.features.length)
      for (const f of features) expect(polygonsOf(f).some((p) => insidePolygon(f.properties.cp!, p)), `${file}: ${f.properties.name}`).toBe(true)
    }
  })
})
