// Map shapes (GeoJSON) for the map series, by name. A page provides its shapes when its module
// loads, without loading ECharts; components/echartsMap.ts registers them with ECharts when a map
// chart is first drawn (and every shape provided after that at once).

type Register = (name: string, geoJson: unknown) => void

const pending = new Map<string, unknown>()
let register: Register | null = null

/** Makes `geoJson` the shape of the map called `name` (now, or as soon as ECharts' map loads). */
export function provideMap(name: string, geoJson: unknown): void {
  if (register) register(name, geoJson)
  else pending.set(name, geoJson)
}

/** Called once by the ECharts map module: registers every pending shape and all later ones. */
export function connectMaps(r: Register): void {
  register = r
  for (const [name, geoJson] of pending) r(name, geoJson)
  pending.clear()
}
