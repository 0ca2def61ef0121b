// The county map: each county of the GeoJSON coloured by its output value or its number of
// enterprises, drawn as SVG paths (charts/svg.ts) in a local equirectangular projection (x scaled
// by the cosine of the map's middle latitude: true to shape for a region of a few hundred km).
// Counties are matched to GeoJSON features by adcode, so the map layer can be any GeoJSON of the
// DataV layout; English names replace the features' Chinese names (nameMap). Each county's label
// sits at its "pole of inaccessibility" (the inside point farthest from its borders), not at the
// centroid: a county that wraps around a small one (a district inside its county) has its centroid
// next to the small one's, and the two labels overlapped. A click on a county emits its id; a county takes the focus (Tab).
import { scaleLinear } from 'd3-scale'
import { tableNumber } from './chartTable'
import { r1, type ChartModel, type Mark } from './svg'
import polylabel from 'polylabel'
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
  /** The map's shapes: GeoJSON features with `properties.cp` at their label points (withLabelPoints). */
  geo: { features: GeoFeature[] }
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

/**
 * The point inside a polygon (exterior ring, then holes; [lng, lat]) farthest from its edges (its
 * pole of inaccessibility), to within 0.5 % of its size: mapbox's polylabel, with longitude scaled
 * by cos(latitude) so that a degree of longitude and of latitude weigh alike. (A grid search did
 * the same in ≈ 0.4 s for a map of eight counties; polylabel takes milliseconds.) Pure.
 */
export function labelPoint(polygon: Polygon, precisionShare = 0.005): [number, number] {
  const xs = polygon[0].map((p) => p[0])
  const ys = polygon[0].map((p) => p[1])
  const kx = Math.cos((((Math.min(...ys) + Math.max(...ys)) / 2) * Math.PI) / 180)
  const size = Math.max((Math.max(...xs) - Math.min(...xs)) * kx, Math.max(...ys) - Math.min(...ys))
  const [x, y] = polylabel(
    polygon.map((ring) => ring.map((p) => [p[0] * kx, p[1]])),
    size * precisionShare,
  )
  return [x / kx, y]
}

function largestPolygon(geometry: GeoFeature['geometry']): Polygon | null {
  if (!geometry) return null
  const polygons = (geometry.type === 'MultiPolygon' ? geometry.coordinates : geometry.type === 'Polygon' ? [geometry.coordinates] : []) as Polygon[]
  let best: Polygon | null = null
  for (const p of polygons) if (p[0]?.length && (!best || ringArea(p[0]) > ringArea(best[0]))) best = p
  return best
}

/**
 * A copy of a GeoJSON collection whose features carry `properties.cp` (where the map centres a
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

/** The colour of a county with no figures (无数据). */
export const NO_DATA_COLOUR = '#eef0f3'

function polygonsOf(geometry: GeoFeature['geometry']): Polygon[] {
  if (!geometry) return []
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Polygon[]
  return geometry.type === 'Polygon' ? [geometry.coordinates as Polygon] : []
}

/**
 * The projection of the map into a width × height box with `pad` px around it: [lng, lat] →
 * [x, y] px, longitude scaled by cos(middle latitude), north up, centred. Pure.
 */
export function mapProjection(features: GeoFeature[], width: number, height: number, pad = 8): (p: Position) => [number, number] {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity]
  for (const f of features)
    for (const poly of polygonsOf(f.geometry))
      for (const [lng, lat] of poly[0]) [x0, x1, y0, y1] = [Math.min(x0, lng), Math.max(x1, lng), Math.min(y0, lat), Math.max(y1, lat)]
  if (!Number.isFinite(x0)) return () => [width / 2, height / 2]
  const kx = Math.cos((((y0 + y1) / 2) * Math.PI) / 180)
  const k = Math.min((width - 2 * pad) / Math.max((x1 - x0) * kx, 1e-9), (height - 2 * pad) / Math.max(y1 - y0, 1e-9))
  const ox = (width - (x1 - x0) * kx * k) / 2
  const oy = (height - (y1 - y0) * k) / 2
  return ([lng, lat]) => [ox + (lng - x0) * kx * k, oy + (y1 - lat) * k]
}

/** A feature's outline as an SVG path (every polygon, holes included: even-odd fill). */
export function featurePath(f: GeoFeature, project: (p: Position) => [number, number]): string {
  return polygonsOf(f.geometry)
    .flatMap((poly) => poly.map((ring) => `M${ring.map((p) => project(p).map(r1).join(',')).join('L')}Z`))
    .join('')
}

export function buildCountyMapChart(input: CountyMapInput, width: number, height: number): ChartModel {
  const { data, scale, max } = countyMapData(input)
  const unit = input.metric === 'output' ? 'yuan' : 'count'
  const colour = scaleLinear<string>()
    .domain(MAP_COLOURS.map((_, i) => (max * i) / (MAP_COLOURS.length - 1)))
    .range(MAP_COLOURS)
    .clamp(true)
  const project = mapProjection(input.geo.features, width, height)
  const marks: Mark[] = []
  const labels: Mark[] = []
  const byAdcode = new Map(input.features.map((f, i) => [f.adcode, data[i]]))
  for (const f of input.geo.features) {
    const d = byAdcode.get(String(f.properties.adcode))
    if (!d) continue
    const value = d.value === null ? null : formatValue(d.value * scale.divisor, unit, input.locale)
    marks.push({
      kind: 'path',
      d: featurePath(f, project),
      fill: d.value === null ? NO_DATA_COLOUR : colour(d.value),
      stroke: '#ffffff',
      width: 1,
      sample: d.sample,
      tip: [d.name, value === null ? input.labels.noData : `${input.labels.metric}: ${value}${d.sample ? ` · ${input.labels.sample}` : ''}`],
      focus: true,
      click: d.countyId ?? undefined,
    })
    const cp = f.properties.cp
    if (cp) {
      const [lx, ly] = project(cp)
      labels.push({ kind: 'text', x: r1(lx), y: r1(ly), text: mapLabel(d.name), anchor: 'middle', colour: '#1f2937', halo: true })
    }
  }
  return {
    width,
    height,
    marks: [...marks, ...labels],
    legend: [],
    ramp: {
      colours: MAP_COLOURS,
      low: '0',
      high: scale.unit ? formatValue(max * scale.divisor, unit, input.locale) : String(max),
      caption: input.labels.metric,
    },
    table: {
      unit: input.metric === 'output' ? scale.unit : '',
      rows: data.flatMap((d) => (d.value === null ? [] : [{ series: input.labels.metric, category: d.name, value: tableNumber(d.value, input.locale), sample: d.sample }])),
    },
    title: input.labels.metric,
  }
}
