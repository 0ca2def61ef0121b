// Target status → colour: met / on-track green, at-risk yellow, missed / off-track red,
// no-data, error (cannot be evaluated) and anything unknown grey. Pure functions, unit-tested.

export type StatusColour = 'green' | 'yellow' | 'red' | 'grey'
export type TagType = 'success' | 'warning' | 'danger' | 'info'

const COLOUR: Record<string, StatusColour> = {
  met: 'green',
  'on-track': 'green',
  'at-risk': 'yellow',
  'off-track': 'red',
  missed: 'red',
  'no-data': 'grey',
  error: 'grey',
}

export const COLOUR_HEX: Record<StatusColour, string> = {
  green: '#67c23a',
  yellow: '#e6a23c',
  red: '#f56c6c',
  grey: '#909399',
}

const TAG: Record<StatusColour, TagType> = { green: 'success', yellow: 'warning', red: 'danger', grey: 'info' }

export function statusColour(status: string | null | undefined): StatusColour {
  return (status && COLOUR[status]) || 'grey'
}

export function statusHex(status: string | null | undefined): string {
  return COLOUR_HEX[statusColour(status)]
}

/** The Element Plus tag type of a status. */
export function statusTagType(status: string | null | undefined): TagType {
  return TAG[statusColour(status)]
}

/** The order of statuses in summaries: worst first. */
export const STATUS_ORDER = ['error', 'missed', 'off-track', 'at-risk', 'on-track', 'met', 'no-data']

/** Counts of targets by status, in STATUS_ORDER, leaving out statuses with none. */
export function countByStatus(statuses: string[]): { status: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1)
  const known = STATUS_ORDER.filter((s) => counts.has(s)).map((s) => ({ status: s, count: counts.get(s)! }))
  const other = [...counts.keys()].filter((s) => !STATUS_ORDER.includes(s)).map((s) => ({ status: s, count: counts.get(s)! }))
  return [...known, ...other]
}
