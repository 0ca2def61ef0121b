import { AtlasClient } from './api/client'
import { startEarly } from './api/early'
import { matchRoute, shellReads } from './routes'
import { settingsFromSearch } from './url/settingsQuery'

// The app's entry. Before the framework has loaded, it starts what the first page needs: the
// page's code and the page's API reads (routes.ts), so they travel in parallel with Vue, Element
// Plus and the app's shell instead of after them; the client (api/early.ts) then answers the
// page's reads from these. Then it loads the app (main.ts).
const found = matchRoute(globalThis.location.pathname)
if (found) {
  // The router loads the same module again (one fetch) and reports a failure itself.
  found.route.load().catch(() => undefined)
  const settings = settingsFromSearch(globalThis.location.search)
  const client = new AtlasClient({ context: () => settings })
  const query = Object.fromEntries(new URLSearchParams(globalThis.location.search))
  for (const read of [...shellReads(), ...(found.route.reads?.({ params: found.params, query }) ?? [])]) startEarly(client.readUrl(read))
}
void import('./main')
