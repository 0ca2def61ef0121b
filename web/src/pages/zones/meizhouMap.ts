// The county map layer: DataV GeoAtlas GeoJSON of Meizhou's 8 counties (see assets/geo/SOURCE.md),
// registered with ECharts once, when this module is first imported.
import meizhouGeo from '../../assets/geo/441400_full.json'
import { registerMap } from '../../components/echartsSetup'
import { mapFeatures } from '../../charts/countyMap'

export const MAP_NAME = 'meizhou'
registerMap(MAP_NAME, meizhouGeo as never)
export const MAP_FEATURES = mapFeatures(meizhouGeo as { features: { properties: { adcode: number; name: string } }[] })
