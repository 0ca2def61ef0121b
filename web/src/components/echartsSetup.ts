// Registers the ECharts pieces the app uses (tree-shaken build), once, on first import. Import
// this module before calling registerMap: the map implementation comes with the geo component.
// Locales: echarts/core itself registers 'ZH' and 'EN' (lib/core/locale.js), the two the app uses;
// EChart.vue picks one per language through init({ locale }) (charts/locale.ts).
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, CustomChart, LineChart, MapChart, ScatterChart } from 'echarts/charts'
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'

use([
  CanvasRenderer,
  BarChart,
  CustomChart,
  LineChart,
  MapChart,
  ScatterChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
])

export { registerMap } from 'echarts/core'
