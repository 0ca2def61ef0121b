import type { LocationQuery } from 'vue-router'
import type { GroupField } from '../../api/client'

// The 分组 card's field: which fields a target's records can be grouped by, and the one the
// address asks for (?by=zone). No imports but types: routes.ts (loaded before the app boots)
// starts the card's read with it when the address names a field.

/** The fields the card offers for a target's record set, the first the default. */
export function groupFields(set: string, statedFigure = false): GroupField[] {
  // A figure stated whole has no records to group: nothing to offer (the server says why).
  if (statedFigure) return []
  switch (set) {
    case 'enterprises':
      return ['county', 'zone', 'segment']
    case 'projects':
      return ['county', 'zone', 'type']
    case 'carriers':
      return ['kind', 'level']
    case 'supplier_entries':
      return ['class']
    default:
      return []
  }
}

/** The field the address names (?by=zone), or ''. */
export function groupByOf(q: LocationQuery): string {
  const by = q.by
  return typeof by === 'string' && /^[a-z_]{1,32}$/.test(by) ? by : ''
}

/**
 * The field read: the address's when it names one (even one the card does not offer: the server
 * then says why it cannot group by it), else the first offered, else county.
 */
export function pickGroupBy(fields: readonly string[], wanted: string): string {
  return wanted || fields[0] || 'county'
}
