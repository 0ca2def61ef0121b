import { reactive, shallowRef } from 'vue'
import type { Meta, Plan } from './api/client'
import { settingsFromSearch } from './url/settingsQuery'

/**
 * The global read switches of the header. Every page refetches when they change. They live in the
 * address too (`?plan=…&as_of=2025-06-30&sample=0`, url/settingsSync.ts), so that a reload, the
 * back button and a shared link show the same view.
 */
export interface Settings {
  /** The plan shown, or null for the server's default plan (the only one, or the one marked default). */
  plan: string | null
  /** YYYY-MM-DD, or null for today (the server's default). */
  asOf: string | null
  /** false hides sample (illustrative) data. */
  sample: boolean
}

export const settings = reactive<Settings>({ plan: null, ...settingsFromSearch(globalThis.location?.search ?? '') })

/** The meta of the last successful read (the header shows its data date). */
export const lastMeta = shallowRef<Meta | null>(null)

/**
 * The plan the header shows (GET /plan, read by App.vue), shared so that every page names the
 * plan's words (its vocabularies) without reading the plan again; null until it has arrived, and
 * from a switch of plan until the new one has.
 */
export const currentPlan = shallowRef<Plan | null>(null)
