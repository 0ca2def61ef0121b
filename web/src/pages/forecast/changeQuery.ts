// A what-if's changes in the address, so that a scenario is a link (and the router can start the
// page's reads before the app has booted: no framework code here, as groupQuery.ts):
// ?change=cancel:ID&change=delay:6:ID&change=growth:0.15:SEGMENT — the kind, the number for a
// delay or a growth, then the id (which may hold a colon);
// ?change=firm:SEGMENT:OUTPUT:YYYY-MM[:zone=ID][:county=ID][:candidate=ID][:name=TEXT] — a
// hypothetical firm: its segment, its output in yuan a year, the month it starts, then what else
// it names, each `key=value` once, in that order. In a firm every text (the segment and the values)
// has its '%' written %25 and its ':' written %3A, so a name may hold colons, '=' or any script.
// Pure, unit-tested (changeQuery.test.ts, forecast.test.ts).
import type { FirmChange, WhatIfChange } from '../../api/client'

/** The API's limit of changes per what-if. */
export const MAX_CHANGES = 32
export const DELAY_MONTHS = { min: 1, max: 120 }
/** A segment's yearly growth in percent (the API's −1 … 10). */
export const GROWTH_PERCENT = { min: -100, max: 1000 }

/** What a firm may name besides its segment, output and month, in the order the address writes them. */
const FIRM_OPTIONS = ['zone', 'county', 'candidate', 'name'] as const
type FirmOption = (typeof FIRM_OPTIONS)[number]

/** A text inside a firm's part of the address: its '%' and ':' escaped. */
function escapePart(text: string): string {
  return text.replace(/%/g, '%25').replace(/:/g, '%3A')
}

/** The text of an escaped part; null for a broken escape ("%", "%zz"). */
function unescapePart(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

function encodeFirm(c: FirmChange): string {
  const parts = [escapePart(c.segment), String(c.output), c.from]
  for (const key of FIRM_OPTIONS) {
    const value = c[key]
    if (value) parts.push(`${key}=${escapePart(value)}`)
  }
  return `firm:${parts.join(':')}`
}

function decodeFirm(rest: string): FirmChange | null {
  const parts = rest.split(':')
  if (parts.length < 3) return null
  const [seg, out, from, ...options] = parts
  const segment = unescapePart(seg)
  if (!segment) return null
  if (out.trim() === '' || !/^[-+0-9.eE]+$/.test(out)) return null
  const output = Number(out)
  if (!Number.isFinite(output)) return null
  if (!/^\d{4}-\d{2}$/.test(from)) return null
  const firm: FirmChange = { kind: 'firm', segment, output, from }
  let last = -1
  for (const option of options) {
    const at = option.indexOf('=')
    if (at <= 0) return null
    const key = option.slice(0, at) as FirmOption
    const order = FIRM_OPTIONS.indexOf(key)
    // An unknown key, or one given twice or out of order: not an address the app wrote.
    if (order <= last) return null
    last = order
    const value = unescapePart(option.slice(at + 1))
    if (!value) return null
    firm[key] = value
  }
  return firm
}

export function encodeChange(c: WhatIfChange): string {
  if (c.kind === 'delay') return `delay:${c.months}:${c.project}`
  if (c.kind === 'growth') return `growth:${c.growth}:${c.segment}`
  if (c.kind === 'firm') return encodeFirm(c)
  return `cancel:${c.project}`
}

/** A change from the address; null for a malformed one (dropped). Ranges are the server's to judge. */
export function decodeChange(text: string): WhatIfChange | null {
  if (text.startsWith('firm:')) return decodeFirm(text.slice('firm:'.length))
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
