import { AtlasClient } from './client'
import { lastMeta, settings } from '../state'

/** The app's client: same origin, /api/v1, with the header's plan, as_of and sample switches. */
export const api = new AtlasClient({
  context: () => ({ plan: settings.plan, asOf: settings.asOf, sample: settings.sample }),
  onMeta: (meta) => {
    lastMeta.value = meta
  },
})
