// Which optional ECharts modules an option needs beyond the common ones (components/echartsSetup.ts):
// 'map' (map series, geo, visual map: components/echartsMap.ts) and 'custom' (custom series, data
// zoom: components/echartsCustom.ts). EChart.vue loads them before it draws the option, so a page
// loads only the chart code it draws.
import type { EChartsOption } from 'echarts'

export type ChartModule = 'map' | 'custom'

function listOf(value: unknown): { type?: unknown }[] {
  if (value == null) return []
  return (Array.isArray(value) ? value : [value]) as { type?: unknown }[]
}

/** The optional modules `option` needs, each once, in a fixed order. */
export function chartModules(option: EChartsOption): ChartModule[] {
  const types = new Set(listOf(option.series).map((s) => s?.type))
  const modules: ChartModule[] = []
  if (types.has('map') || option.geo != null || option.visualMap != null) modules.push('map')
  if (types.has('custom') || option.dataZoom != null) modules.push('custom')
  return modules
}
