import type { LocationQuery } from 'vue-router'
import type { EnterpriseQuery } from '../../api/client'

// The enterprise list's filters as the address states them (?county=…&sort=-output_value&page=2),
// and the API read they make: the page and its early read before boot (routes.ts) share them.

export const PAGE_SIZES = [20, 50, 100]

export interface EnterpriseFilters {
  county: string
  zone: string
  segment: string
  class: string
  q: string
  /** '' all, 'true' outside the region only, 'false' inside only */
  outside: '' | 'true' | 'false'
  sort: 'name' | '-output_value'
  page: number
  size: number
}

export function enterpriseFilters(q: LocationQuery): EnterpriseFilters {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '')
  const size = Number(s('size'))
  return {
    county: s('county'),
    zone: s('zone'),
    segment: s('segment'),
    class: s('class'),
    q: s('q'),
    outside: s('outside') === 'true' || s('outside') === 'false' ? (s('outside') as 'true' | 'false') : '',
    sort: s('sort') === '-output_value' ? '-output_value' : 'name',
    page: Math.max(1, Number(s('page')) || 1),
    size: PAGE_SIZES.includes(size) ? size : 20,
  }
}


/** The address's query for `f` (defaults left out). */
export function enterpriseQuery(f: EnterpriseFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.county) out.county = f.county
  if (f.zone) out.zone = f.zone
  if (f.segment) out.segment = f.segment
  if (f.class) out.class = f.class
  if (f.q) out.q = f.q
  if (f.outside) out.outside = f.outside
  if (f.sort !== 'name') out.sort = f.sort
  if (f.page > 1) out.page = String(f.page)
  if (f.size !== 20) out.size = String(f.size)
  return out
}

export function enterpriseListQuery(f: EnterpriseFilters): EnterpriseQuery {
  return {
    county: f.county || undefined,
    zone: f.zone || undefined,
    segment: f.segment || undefined,
    class: f.class || undefined,
    q: f.q || undefined,
    outside: f.outside ? f.outside === 'true' : undefined,
    sort: f.sort,
    offset: (f.page - 1) * f.size,
    limit: f.size,
  }
}
