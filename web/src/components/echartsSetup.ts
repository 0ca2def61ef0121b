// Registers the ECharts pieces every chart of the app may use (tree-shaken build), once, on first
// import: the canvas renderer, bar, line and scatter series and the common components. The map
// series (echartsMap.ts) and the custom series (echartsCustom.ts) are heavier and used by one or
// two pages: EChart.vue loads them only for an option that needs them (charts/modules.ts).
// Locales: echarts/core itself registers 'ZH' and 'EN' (lib/core/locale.js), the two the app uses;
// EChartView.vue picks one per language through init({ locale }) (charts/locale.ts).
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components'

use([
  CanvasRenderer,
  BarChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
])
