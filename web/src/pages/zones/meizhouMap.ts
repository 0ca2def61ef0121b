// The county map layer: DataV GeoAtlas GeoJSON of Meizhou's 8 counties (see assets/geo/SOURCE.md).
// Each county's label is placed at its label point (withLabelPoints), so that 梅县区's label does
// not sit on 梅江区's.
import meizhouGeo from '../../assets/geo/441400_full.json'
import { mapFeatures, withLabelPoints, type GeoFeature } from '../../charts/countyMap'

/**
 * The map review number (审图号) of the boundary data, when its source states one. DataV GeoAtlas
 * as republished in anzhou99/GeoJsons states none (assets/geo/SOURCE.md): null, and the page says
 * it is not recorded.
 */
export const MAP_REVIEW_NUMBER: string | null = null
export const MAP_GEO = withLabelPoints(meizhouGeo as unknown as { features: GeoFeature[] })
export const MAP_FEATURES = mapFeatures(meizhouGeo as { features: { properties: { adcode: number; name: string } }[] })
