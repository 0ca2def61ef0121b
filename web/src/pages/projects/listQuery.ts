import type { LocationQuery } from 'vue-router'
import type { ProjectQuery } from '../../api/client'

// The projects list's filters as the address states them (?type=…&late=true&page=2), and the API
// read they make: the page and its early read before boot (routes.ts) share them.

export const PROJECT_PAGE_SIZE = 50

export interface ProjectFilters {
  type: string
  status: string
  zone: string
  county: string
  late: boolean
  delayed: boolean
  q: string
  page: number
}

export function projectFilters(q: LocationQuery): ProjectFilters {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '')
  return { type: s('type'), status: s('status'), zone: s('zone'), county: s('county'), late: s('late') === 'true', delayed: s('delayed') === 'true', q: s('q'), page: Math.max(1, Number(s('page')) || 1) }
}

export function projectListQuery(f: ProjectFilters): ProjectQuery {
  return {
    type: f.type || undefined,
    status: f.status || undefined,
    zone: f.zone || undefined,
    county: f.county || undefined,
    late: f.late,
    delayed: f.delayed,
    q: f.q || undefined,
    offset: (f.page - 1) * PROJECT_PAGE_SIZE,
    limit: PROJECT_PAGE_SIZE,
  }
}
