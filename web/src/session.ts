import { api } from './api'
import { applySession, session, sessionUnknown } from './state'

// The session's actions (docs/api.md "Sessions"): the app reads who is signed in once at start
// (main.ts), signs in and out, and creates the first administrator. The state they change lives in
// state.ts; the client (api/index.ts) sends its CSRF token with every write.

/** Reads who is signed in (GET /session); a failure leaves nobody signed in. */
export async function loadSession(): Promise<void> {
  try {
    applySession(await api.session())
  } catch {
    sessionUnknown()
  }
}

/** Signs in; throws the server's refusal (an ApiError: wrong-credentials, locked-out …). */
export async function signIn(user: string, password: string): Promise<void> {
  applySession(await api.signIn(user, password))
}

/** Signs out; the session is over here whatever the server answered (it is read again when unsure). */
export async function signOut(): Promise<void> {
  try {
    applySession(await api.signOut())
  } catch (e) {
    await loadSession()
    if (session.user) throw e
  }
}

/** Creates the first administrator with the one-time token of `atlas serve`'s link, signed in. */
export async function setUpFirstAdministrator(token: string, user: string, password: string): Promise<void> {
  applySession(await api.setup(token, user, password))
}
