import type { LocationQuery } from 'vue-router'
import { reads, type Read } from './api/client'
import { enterpriseFilters, enterpriseListQuery } from './pages/enterprises/listQuery'
import { projectFilters, projectListQuery } from './pages/projects/listQuery'
import { chainFilters, chainReadQuery } from './pages/chains/chainView'
import { groupByOf } from './pages/targets/groupQuery'
import { changesOf } from './pages/forecast/changeQuery'

// The app's pages: address, code (loaded when first shown) and the API reads the page makes as
// soon as it opens. router.ts builds the router from this table; boot.ts uses it before the app
// has booted, to fetch the first page's code and data in parallel with the framework
// (docs/performance.md, "Web app: first load"). This module imports no framework code.

export interface RouteTarget {
  params: Record<string, string>
  query: LocationQuery
}

export interface AppRoute {
  path: string
  name: string
  load: () => Promise<unknown>
  /** Route parameters become the page's props. */
  props?: boolean
  /** The header's navigation entry that is active on this page. */
  nav?: string
  /** The reads the page makes when it opens (the same descriptions the page sends). */
  reads?: (to: RouteTarget) => Read<unknown>[]
}

export const appRoutes: AppRoute[] = [
  { path: '/', name: 'targets', load: () => import('./pages/targets/TargetsPage.vue'), nav: '/', reads: () => [reads.targets(), reads.plan()] },
  {
    path: '/targets/:id',
    name: 'target',
    load: () => import('./pages/targets/TargetDetailPage.vue'),
    props: true,
    nav: '/',
    // The 分组 card's default field depends on the target's records, known once it is read; a
    // field the address names (?by=zone) is read at once beside the target.
    reads: (to) => {
      const by = groupByOf(to.query)
      return [reads.target(to.params.id ?? '', { limit: 100 }), ...(by ? [reads.targetGroups(to.params.id ?? '', { by })] : [])]
    },
  },
  {
    path: '/forecast',
    name: 'forecast',
    load: () => import('./pages/forecast/ForecastPage.vue'),
    nav: '/forecast',
    // The base forecast when the address names no change (with changes the page posts a what-if),
    // beside the targets (their units) and the key projects (their names).
    reads: (to) => [...(changesOf(to.query).length ? [] : [reads.forecast()]), reads.targets(), reads.projects({ limit: 500 })],
  },
  {
    path: '/enterprises',
    name: 'enterprises',
    load: () => import('./pages/enterprises/EnterprisesPage.vue'),
    nav: '/enterprises',
    reads: (to) => [reads.zones({}), reads.taxonomy(), reads.enterprises(enterpriseListQuery(enterpriseFilters(to.query)))],
  },
  {
    path: '/enterprises/:id',
    name: 'enterprise',
    load: () => import('./pages/enterprises/EnterpriseProfilePage.vue'),
    props: true,
    nav: '/enterprises',
    reads: (to) => [reads.enterprise(to.params.id ?? '')],
  },
  {
    path: '/projects',
    name: 'projects',
    load: () => import('./pages/projects/ProjectsPage.vue'),
    nav: '/projects',
    reads: (to) => [reads.zones({}), reads.projects(projectListQuery(projectFilters(to.query)))],
  },
  {
    path: '/projects/:id',
    name: 'project',
    load: () => import('./pages/projects/ProjectDetailPage.vue'),
    props: true,
    nav: '/projects',
    reads: (to) => [reads.project(to.params.id ?? '')],
  },
  { path: '/zones', name: 'zones', load: () => import('./pages/zones/ZonesPage.vue'), nav: '/zones', reads: () => [reads.zones({}), reads.targets(), reads.plan()] },
  { path: '/taxonomy', name: 'taxonomy', load: () => import('./pages/taxonomy/TaxonomyPage.vue'), nav: '/taxonomy', reads: () => [reads.taxonomy()] },
  {
    path: '/chains',
    name: 'chains',
    load: () => import('./pages/chains/ChainsPage.vue'),
    nav: '/chains',
    // The list names the plan's chains; the chain named in the address is read at once beside it
    // (the page shows the plan's first chain when the address names none).
    reads: (to) => {
      const f = chainFilters(to.query)
      return [reads.chains(), ...(f.chain ? [reads.chain(f.chain, chainReadQuery(f))] : [])]
    },
  },
  // Signing in and the first administrator (docs/security.md "Sessions"): not in the header's
  // navigation; they read nothing of the plan.
  { path: '/login', name: 'login', load: () => import('./pages/session/LoginPage.vue') },
  { path: '/setup', name: 'setup', load: () => import('./pages/session/SetupPage.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', load: () => import('./pages/notfound/NotFoundPage.vue') },
]

/** Reads every page makes whatever it shows (the header's plan title). */
export const shellReads = (): Read<unknown>[] => [reads.plans(), reads.plan()]

/**
 * The route of a path, with its parameters: static segments and `:name` segments (one non-empty
 * segment each); the catch-all matches anything. A small stand-in for vue-router's matcher, for
 * the table above, before vue-router has loaded.
 */
export function matchRoute(pathname: string, routes: AppRoute[] = appRoutes): { route: AppRoute; params: Record<string, string> } | null {
  const parts = pathname.split('/').filter(Boolean)
  for (const route of routes) {
    if (route.path.startsWith('/:pathMatch')) return { route, params: {} }
    const pattern = route.path.split('/').filter(Boolean)
    if (pattern.length !== parts.length) continue
    const params: Record<string, string> = {}
    let ok = true
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i]!
      if (p.startsWith(':')) {
        try {
          params[p.slice(1)] = decodeURIComponent(parts[i]!)
        } catch {
          ok = false
        }
      } else ok = p === parts[i]
    }
    if (ok) return { route, params }
  }
  return null
}
