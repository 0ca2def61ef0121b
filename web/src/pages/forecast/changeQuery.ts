// A what-if's changes in the address, so that a scenario is a link (and the router can start the
// page's reads before the app has booted: no framework code here, as groupQuery.ts):
// ?change=cancel:ID&change=delay:6:ID&change=growth:0.15:SEGMENT — the kind, the number for a
// delay or a growth, then the id (which may hold a colon). Pure, unit-tested (forecast.test.ts).
import type { WhatIfChange } from '../../api/client'

/** The API's limit of changes per what-if. */
export const MAX_CHANGES = 32
export const DELAY_MONTHS = { min: 1, max: 120 }
/** A segment's yearly growth in percent (the API's −1 … 10). */
export const GROWTH_PERCENT = { min: -100, max: 1000 }

export function encodeChange(c: WhatIfChange): string {
  if (c.kind === 'delay') return `delay:${c.months}:${c.project}`
  if (c.kind === 'growth') return `growth:${c.growth}:${c.segment}`
  return `cancel:${c.project}`
}

/** A change from the address; null for a malformed one (dropped). Ranges are the server's to judge. */
export function decodeChange(text: string): WhatIfChange | null {
  const m = /^(delay|growth|cancel):(.+)$/.exec(text)
  if (!m) return null
  const [, kind, rest] = m
  if (kind === 'cancel') return rest ? { kind: 'cancel', project: rest } : null
  const at = rest.indexOf(':')
  if (at <= 0 || at === rest.length - 1) return null
  const n = Number(rest.slice(0, at))
  const id = rest.slice(at + 1)
  if (!Number.isFinite(n) || rest.slice(0, at).trim() === '') return null
  return kind === 'delay' ? { kind: 'delay', project: id, months: n } : { kind: 'growth', segment: id, growth: n }
}

/** The changes an address names (`change` once or repeated), in order, at most 32. */
export function changesOf(query: Record<string, unknown>): WhatIfChange[] {
  const raw = query.change
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]
  return list
    .filter((x): x is string => typeof x === 'string')
    .map(decodeChange)
    .filter((c): c is WhatIfChange => c !== null)
    .slice(0, MAX_CHANGES)
}

