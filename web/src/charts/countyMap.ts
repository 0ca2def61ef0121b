// The county map: each county of the GeoJSON coloured by its output value or its number of
// enterprises. Counties are matched to GeoJSON features by adcode, so the map layer can be any
// GeoJSON of the DataV layout; English names replace the features' Chinese names via nameMap.
import type { EChartsOption } from 'echarts'
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
      formatter: (p) => {
        const one = Array.isArray(p) ? p[0] : p
        const d = one.data as { value: number | null; sample: boolean } | undefined
        if (!d || d.value === null || d.value === undefined) return `${one.name}<br/>${input.labels.noData}`
        const v = formatValue(d.value * scale.divisor, unit, input.locale)
        return `${one.name}<br/>${input.labels.metric}: ${v}${d.sample ? ` · ${input.labels.sample}` : ''}`
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
