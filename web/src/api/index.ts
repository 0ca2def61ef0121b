import { AtlasClient } from './client'
import { applySession, endSession, lastMeta, session, sessionKnown, settings } from '../state'

/** How long a write waits for the session's first read before it goes without a CSRF token. */
const SESSION_WAIT_MS = 5000

/**
 * The app's client: same origin, /api/v1, with the header's plan, as_of and sample switches, and
 * the session (state.ts): its CSRF token on every write, its end on a 401 `session-expired`.
 */
export const api: AtlasClient = new AtlasClient({
  context: () => ({ plan: settings.plan, asOf: settings.asOf, sample: settings.sample }),
  onMeta: (meta) => {
    lastMeta.value = meta
  },
  // A write made while the page is still asking who is signed in (the what-if a link opens with)
  // waits for the answer, so that it carries the token.
  csrfToken: async () => {
    if (!session.known) await Promise.race([sessionKnown, new Promise((r) => setTimeout(r, SESSION_WAIT_MS))])
    return session.user ? session.csrfToken : null
  },
  onSessionExpired: () => endSession(),
  // A write refused for its token (another tab signed in or out): who is signed in now.
  refreshSession: async (): Promise<void> => applySession(await api.session()),
})
