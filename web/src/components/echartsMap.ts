// The map series and the visual map (a colour scale), registered on first import, and the map
// shapes that pages provided before ECharts was loaded (charts/maps.ts).
import { registerMap, use } from 'echarts/core'
import { MapChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'
import { connectMaps } from '../charts/maps'

use([MapChart, VisualMapComponent])
connectMaps((name, geoJson) => registerMap(name, geoJson as Parameters<typeof registerMap>[1]))
