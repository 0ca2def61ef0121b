import { createRouter, createWebHistory, type RouteComponent, type RouteRecordRaw } from 'vue-router'
import { appRoutes } from './routes'
import { settings } from './state'
import { installSettingsSync } from './url/settingsSync'

// History mode: `atlas serve` answers every path that is not a file or /api with index.html.
// The pages are listed in routes.ts (with the reads boot.ts starts early).
const routes: RouteRecordRaw[] = appRoutes.map(
  (r): RouteRecordRaw => ({
    path: r.path,
    name: r.name,
    component: r.load as () => Promise<RouteComponent>,
    props: r.props ?? false,
    meta: r.nav ? { nav: r.nav } : {},
  }),
)

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

// The header's as-of date and sample switch travel in the address (reload, back, shared links).
installSettingsSync(router, settings)
