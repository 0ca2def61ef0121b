import { reactive, shallowRef } from 'vue'
import type { Meta, Plan, SessionAnswer, SessionUser } from './api/client'
import { settingsFromSearch } from './url/settingsQuery'

/**
 * The global read switches of the header. Every page refetches when they change. They live in the
 * address too (`?plan=…&as_of=2025-06-30&sample=0`, url/settingsSync.ts), so that a reload, the
 * back button and a shared link show the same view.
 */
export interface Settings {
  /** The plan shown, or null for the server's default plan (the only one, or the one marked default). */
  plan: string | null
  /** YYYY-MM-DD, or null for today (the server's default). */
  asOf: string | null
  /** false hides sample (illustrative) data. */
  sample: boolean
}

export const settings = reactive<Settings>({ plan: null, ...settingsFromSearch(globalThis.location?.search ?? '') })

/** The meta of the last successful read (the header shows its data date). */
export const lastMeta = shallowRef<Meta | null>(null)

/**
 * The plan the header shows (GET /plan, read by App.vue), shared so that every page names the
 * plan's words (its vocabularies) without reading the plan again; null until it has arrived, and
 * from a switch of plan until the new one has.
 */
export const currentPlan = shallowRef<Plan | null>(null)

/**
 * Who is signed in (GET /api/v1/session, read at start by session.ts). The client sends the CSRF
 * token with every write while someone is signed in (api/index.ts).
 */
export interface SessionState {
  /** false until the first GET /session has answered (or failed). */
  known: boolean
  user: SessionUser | null
  csrfToken: string | null
  /** When the session ends at the latest (ISO 8601). */
  expires: string | null
  /** The database has no user yet (its first administrator comes through `atlas serve`'s link). */
  setupNeeded: boolean
  /** A session ended under the user (a 401 `session-expired`); cleared by the next sign-in. */
  ended: boolean
  /**
   * Counts the changes of who is signed in once the page knew it (a sign-in, a sign-out, a session
   * that ended): every read runs again for its new reader (composables/useLoad.ts).
   */
  epoch: number
}

export const session = reactive<SessionState>({ known: false, user: null, csrfToken: null, expires: null, setupNeeded: false, ended: false, epoch: 0 })

/** A new reader: not at the first answer (the page's reads are made for it already). */
function readerChanged(before: string | null, after: string | null): void {
  if (session.known && before !== after) session.epoch++
}

let markKnown: () => void = () => undefined
/** Settles once the session is known (the first GET /session answered or failed). */
export const sessionKnown = new Promise<void>((resolve) => {
  markKnown = resolve
})

/** Takes an answer of GET, POST or DELETE /session or of POST /setup. */
export function applySession(answer: SessionAnswer): void {
  const before = session.user?.name ?? null
  readerChanged(before, answer.signed_in ? answer.user.name : null)
  if (answer.signed_in) {
    session.user = { ...answer.user }
    session.csrfToken = answer.csrf_token
    session.expires = answer.expires
    session.setupNeeded = false
    session.ended = false
  } else {
    session.user = null
    session.csrfToken = null
    session.expires = null
    session.setupNeeded = answer.setup_needed === true
  }
  session.known = true
  markKnown()
}

/** The session could not be read (no server, an old one): nobody is taken to be signed in. */
export function sessionUnknown(): void {
  session.known = true
  markKnown()
}

/** The server said the session's cookie names no live session (401 `session-expired`). */
export function endSession(): void {
  readerChanged(session.user?.name ?? null, null)
  session.user = null
  session.csrfToken = null
  session.expires = null
  // Stays true until the next sign-in: the reads that get the same answer at the same moment
  // change nothing (App.vue tells the user once, when it turns true).
  session.ended = true
  session.known = true
  markKnown()
}
