import { watch } from 'vue'
import type { Router } from 'vue-router'
import { completeQuery, querySays, readQuerySettings, writeQuerySettings, type QuerySettings } from './settingsQuery'

/**
 * Keeps the header's settings and the address in step:
 * - every navigation lands on an address that carries them (a link to another page, or a page
 *   that rewrites its own filters, does not drop them);
 * - an address that states them (a shared link, the back button) sets them;
 * - a change in the header becomes a new history entry, so back undoes it.
 */
export function installSettingsSync(router: Router, settings: QuerySettings): void {
  router.beforeEach((to) => {
    const query = completeQuery(to.query, settings)
    return query ? { path: to.path, query, hash: to.hash } : true
  })
  router.afterEach((to, _from, failure) => {
    if (failure) return
    Object.assign(settings, readQuerySettings(to.query))
  })
  watch(
    () => ({ plan: settings.plan ?? null, asOf: settings.asOf, sample: settings.sample }),
    (s) => {
      // A switch set while the first navigation is still under way (the header picks a plan as
      // soon as the list of plans arrives) applies to the page being opened, not to "/".
      void router.isReady().then(() => {
        const route = router.currentRoute.value
        if (querySays(route.query, s)) return
        void router.push({ path: route.path, query: writeQuerySettings(route.query, s), hash: route.hash })
      })
    },
  )
}
