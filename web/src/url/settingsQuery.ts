import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/**
 * The header's read switches as they appear in the address, so that a reload, the back button
 * and a shared link show the same data: `plan=<id>` (absent: the server's default plan),
 * `as_of=YYYY-MM-DD` (absent: today) and `sample=0` (absent: sample data shown). Pure functions;
 * settingsSync.ts wires them to the router.
 */
export interface QuerySettings {
  /** The plan shown (a plan id), or null/absent for the server's default plan. */
  plan?: string | null
  asOf: string | null
  sample: boolean
}

export const AS_OF_KEY = 'as_of'
export const SAMPLE_KEY = 'sample'
export const PLAN_KEY = 'plan'

/** A plan id as docs/formats.md defines ids: a lowercase slug. */
const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,127}$/

const DATE = /^\d{4}-\d{2}-\d{2}$/

function first(v: LocationQuery[string] | undefined): string | null {
  if (Array.isArray(v)) return v[0] ?? null
  return v ?? null
}

/** A real calendar date in YYYY-MM-DD form (2025-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!DATE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * The settings the query states; a key that is absent or not understood is left out (undefined),
 * so that the caller keeps its current value. `sample` reads 0/false as off and 1/true as on.
 */
export function readQuerySettings(query: LocationQuery): Partial<QuerySettings> {
  const out: Partial<QuerySettings> = {}
  const plan = first(query[PLAN_KEY])
  if (plan !== null && PLAN_ID.test(plan)) out.plan = plan
  const asOf = first(query[AS_OF_KEY])
  if (asOf !== null && isIsoDate(asOf)) out.asOf = asOf
  const sample = first(query[SAMPLE_KEY])
  if (sample === '0' || sample === 'false') out.sample = false
  else if (sample === '1' || sample === 'true') out.sample = true
  return out
}

/** The settings a page opens with: today and sample data shown, unless its address says otherwise. */
export function settingsFromSearch(search: string): QuerySettings {
  const query = Object.fromEntries(new URLSearchParams(search))
  return { plan: null, asOf: null, sample: true, ...readQuerySettings(query) }
}

/**
 * `query` with the settings written in their one canonical form (defaults leave their key out),
 * every other key kept as it is.
 */
export function writeQuerySettings(query: LocationQuery, s: QuerySettings): LocationQueryRaw {
  const out: LocationQueryRaw = { ...query }
  delete out[AS_OF_KEY]
  delete out[SAMPLE_KEY]
  delete out[PLAN_KEY]
  if (s.plan) out[PLAN_KEY] = s.plan
  if (s.asOf) out[AS_OF_KEY] = s.asOf
  if (!s.sample) out[SAMPLE_KEY] = '0'
  return out
}

/**
 * The query a navigation should land on: what `to` states wins, what it leaves out (an in-app link
 * to another page) is filled from `current`. Null when `to` already has exactly that.
 */
export function completeQuery(query: LocationQuery, current: QuerySettings): LocationQueryRaw | null {
  const wanted = { ...current, ...readQuerySettings(query) }
  const next = writeQuerySettings(query, wanted)
  return sameQuery(query, next) ? null : next
}

function sameQuery(a: LocationQueryRaw, b: LocationQueryRaw): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== undefined)
  const kb = Object.keys(b).filter((k) => b[k] !== undefined)
  if (ka.length !== kb.length) return false
  return ka.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]))
}

/** True when the address already carries exactly these settings. */
export function querySays(query: LocationQuery, s: QuerySettings): boolean {
  return sameQuery(query, writeQuerySettings(query, s))
}
