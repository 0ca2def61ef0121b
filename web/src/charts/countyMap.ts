// The county map: each county of the GeoJSON coloured by its output value or its number of
// enterprises. Counties are matched to GeoJSON features by adcode, so the map layer can be any
// GeoJSON of the DataV layout; English names replace the features' Chinese names via nameMap.
// Each county's label sits at its "pole of inaccessibility" (the inside point farthest from its
// borders), not at ECharts' default centroid: 梅县区 wraps around the small 梅江区, so its centroid
// falls next to 梅江区's and the two labels overlapped.
import type { EChartsOption } from 'echarts'
import { tooltipLines } from '../format/html'
import { formatValue, moneyScale, scaled } from '../format/money'

export type CountyMetric = 'output' | 'enterprises'

export interface MapFeature {
  adcode: string
  /** The feature's name in the GeoJSON (Chinese). */
  name: string
}

export interface MapCounty {
  id: string
  adcode: string | number
  name: { zh: string; en: string }
  enterprises: number
  output_value: { year: number; value: number; sample?: boolean } | null
}

export interface CountyMapLabels {
  metric: string
  sample: string
  noData: string
}

export interface CountyMapInput {
  mapName: string
  features: MapFeature[]
  counties: MapCounty[]
  metric: CountyMetric
  locale: string
  labels: CountyMapLabels
}

export const MAP_COLOURS = ['#e0ecff', '#93b8f5', '#4a85e8', '#1d4ed8', '#13318f']

type Position = number[]
type Ring = Position[]
type Polygon = Ring[]

export interface GeoFeature {
  properties: { adcode: number | string; name: string; cp?: [number, number]; [key: string]: unknown }
  geometry?: { type: string; coordinates: unknown }
  [key: string]: unknown
}

function ringArea(ring: Ring): number {
  let a = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1])
  return Math.abs(a / 2)
}

function insideRing(x: number, y: number, ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

// Distance from (x, y) to the nearest edge of `polygon`, negative outside it; x is scaled by
// `kx` (cos latitude) so that a degree of longitude and of latitude weigh alike.
function signedDistance(x: number, y: number, polygon: Polygon, kx: number): number {
  let best = Infinity
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = ring[j][0] * kx
      const ay = ring[j][1]
      const dx = ring[i][0] * kx - ax
      const dy = ring[i][1] - ay
      const px = x * kx
      const len = dx * dx + dy * dy
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (y - ay) * dy) / len))
      best = Math.min(best, Math.hypot(px - ax - t * dx, y - ay - t * dy))
    }
  }
  const inside = insideRing(x, y, polygon[0]) && polygon.slice(1).every((hole) => !insideRing(x, y, hole))
  return inside ? best : -best
}

/**
 * The point inside a polygon (exterior ring, then holes; [lng, lat]) farthest from its edges, to
 * within a small fraction of its size: a grid search over the bounding box, refined three times
 * around the best cell. Pure.
 */
export function labelPoint(polygon: Polygon, steps = 24): [number, number] {
  const xs = polygon[0].map((p) => p[0])
  const ys = polygon[0].map((p) => p[1])
  const kx = Math.cos((((Math.min(...ys) + Math.max(...ys)) / 2) * Math.PI) / 180)
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  let best: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2]
  let bestDistance = signedDistance(best[0], best[1], polygon, kx)
  for (let round = 0; round < 4; round++) {
    const [cw, ch] = [(x1 - x0) / steps, (y1 - y0) / steps]
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const [x, y] = [x0 + i * cw, y0 + j * ch]
        const d = signedDistance(x, y, polygon, kx)
        if (d > bestDistance) [best, bestDistance] = [[x, y], d]
      }
    }
    ;[x0, x1, y0, y1] = [best[0] - 2 * cw, best[0] + 2 * cw, best[1] - 2 * ch, best[1] + 2 * ch]
  }
  return best
}

function largestPolygon(geometry: GeoFeature['geometry']): Polygon | null {
  if (!geometry) return null
  const polygons = (geometry.type === 'MultiPolygon' ? geometry.coordinates : geometry.type === 'Polygon' ? [geometry.coordinates] : []) as Polygon[]
  let best: Polygon | null = null
  for (const p of polygons) if (p[0]?.length && (!best || ringArea(p[0]) > ringArea(best[0]))) best = p
  return best
}

/**
 * A copy of a GeoJSON collection whose features carry `properties.cp` (where ECharts centres a
 * region's label) at the label point of their largest polygon. Features that already have a cp,
 * or no polygon, are left as they are. Pure: the input is not changed.
 */
export function withLabelPoints<G extends { features: GeoFeature[] }>(geo: G): G {
  const features = geo.features.map((f) => {
    const polygon = f.properties.cp ? null : largestPolygon(f.geometry)
    return polygon ? { ...f, properties: { ...f.properties, cp: labelPoint(polygon) } } : f
  })
  return { ...geo, features }
}

/** The GeoJSON features' adcodes and names. */
export function mapFeatures(geo: { features: { properties: { adcode: number | string; name: string } }[] }): MapFeature[] {
  return geo.features.map((f) => ({ adcode: String(f.properties.adcode), name: f.properties.name }))
}

function displayName(c: MapCounty | undefined, feature: MapFeature, locale: string): string {
  if (!c) return feature.name
  return locale === 'en' ? c.name.en || c.name.zh || feature.name : feature.name
}

export function countyMapData(input: CountyMapInput) {
  const byAdcode = new Map(input.counties.map((c) => [String(c.adcode), c]))
  const values = input.counties.map((c) => (input.metric === 'output' ? (c.output_value?.value ?? 0) : c.enterprises))
  const scale = input.metric === 'output' ? moneyScale(Math.max(0, ...values), input.locale) : { divisor: 1, unit: '' }
  const nameMap: Record<string, string> = {}
  const data = input.features.map((f) => {
    const c = byAdcode.get(f.adcode)
    const name = displayName(c, f, input.locale)
    if (name !== f.name) nameMap[f.name] = name
    if (!c) return { name, value: null, countyId: null, sample: false }
    if (input.metric === 'output') {
      const v = c.output_value?.value
      return { name, value: v === undefined ? null : scaled(v, scale), countyId: c.id, sample: !!c.output_value?.sample }
    }
    return { name, value: c.enterprises, countyId: c.id, sample: false }
  })
  const max = Math.max(1, ...data.map((d) => d.value ?? 0))
  return { data, nameMap, scale, max }
}

/** A county's map label: English names lose " County" / " District" / " City" to fit the map. */
export function mapLabel(name: string): string {
  return name.replace(/\s+(County|District|City)$/, '')
}

export function buildCountyMapOption(input: CountyMapInput): EChartsOption {
  const { data, nameMap, scale, max } = countyMapData(input)
  const unit = input.metric === 'output' ? 'yuan' : 'count'
  return {
    tooltip: {
      trigger: 'item',
      confine: true, // long names stay inside the chart
      formatter: (p) => {
        const one = Array.isArray(p) ? p[0] : p
        const d = one.data as { value: number | null; sample: boolean } | undefined
        if (!d || d.value === null || d.value === undefined) return tooltipLines([one.name, input.labels.noData])
        const v = formatValue(d.value * scale.divisor, unit, input.locale)
        return tooltipLines([one.name, `${input.labels.metric}: ${v}${d.sample ? ` · ${input.labels.sample}` : ''}`])
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 16,
      bottom: 16,
      text: [scale.unit ? `${formatValue(max * scale.divisor, unit, input.locale)}` : String(max), '0'],
      calculable: false,
      inRange: { color: MAP_COLOURS },
      formatter: (v) => (typeof v === 'number' ? formatValue(v * scale.divisor, unit, input.locale) : String(v)),
    },
    series: [
      {
        name: input.labels.metric,
        type: 'map',
        map: input.mapName,
        nameMap,
        roam: false,
        selectedMode: false,
        layoutCenter: ['55%', '50%'],
        layoutSize: '98%',
        label: {
          show: true,
          fontSize: 12,
          color: '#1f2937',
          textBorderColor: '#ffffff',
          textBorderWidth: 2,
          formatter: (p: { name: string }) => mapLabel(p.name),
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#eef0f3' },
        emphasis: { label: { color: '#000' }, itemStyle: { areaColor: '#fbbf24' } },
        // null values (no figures) draw in the base colour; ECharts' types do not list null.
        data: data as never,
      },
    ],
  }
}
