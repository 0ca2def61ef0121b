import { reactive, shallowRef } from 'vue'
import type { Meta } from './api/client'

/**
 * The two global read switches of the header. Every page refetches when they change. Their first
 * values can come from the address (`?as_of=2025-06-30&sample=false`) so that a view can be shared.
 */
export interface Settings {
  /** YYYY-MM-DD, or null for today (the server's default). */
  asOf: string | null
  /** false hides sample (illustrative) data. */
  sample: boolean
}

function initialSettings(): Settings {
  const params = new URLSearchParams(globalThis.location?.search ?? '')
  const asOf = params.get('as_of')
  return {
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
    sample: params.get('sample') !== 'false',
  }
}

export const settings = reactive<Settings>(initialSettings())

/** The meta of the last successful read (the header shows its data date). */
export const lastMeta = shallowRef<Meta | null>(null)
