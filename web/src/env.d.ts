/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

// polylabel (mapbox/polylabel) ships no types: the pole of inaccessibility of a polygon given as
// rings of [x, y], to within `precision` in the polygon's units.
declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): [number, number] & { distance: number }
}
