// The custom series (the Gantt chart's bars) and data zoom, registered on first import.
import { use } from 'echarts/core'
import { CustomChart } from 'echarts/charts'
import { DataZoomComponent } from 'echarts/components'

use([CustomChart, DataZoomComponent])
