import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { settings } from './state'
import { installSettingsSync } from './url/settingsSync'

// History mode: `atlas serve` answers every path that is not a file or /api with index.html.
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'targets', component: () => import('./pages/targets/TargetsPage.vue'), meta: { nav: '/' } },
  { path: '/targets/:id', name: 'target', component: () => import('./pages/targets/TargetDetailPage.vue'), props: true, meta: { nav: '/' } },
  { path: '/enterprises', name: 'enterprises', component: () => import('./pages/enterprises/EnterprisesPage.vue'), meta: { nav: '/enterprises' } },
  {
    path: '/enterprises/:id',
    name: 'enterprise',
    component: () => import('./pages/enterprises/EnterpriseProfilePage.vue'),
    props: true,
    meta: { nav: '/enterprises' },
  },
  { path: '/projects', name: 'projects', component: () => import('./pages/projects/ProjectsPage.vue'), meta: { nav: '/projects' } },
  { path: '/projects/:id', name: 'project', component: () => import('./pages/projects/ProjectDetailPage.vue'), props: true, meta: { nav: '/projects' } },
  { path: '/zones', name: 'zones', component: () => import('./pages/zones/ZonesPage.vue'), meta: { nav: '/zones' } },
  { path: '/taxonomy', name: 'taxonomy', component: () => import('./pages/taxonomy/TaxonomyPage.vue'), meta: { nav: '/taxonomy' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/notfound/NotFoundPage.vue') },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

// The header's as-of date and sample switch travel in the address (reload, back, shared links).
installSettingsSync(router, settings)
