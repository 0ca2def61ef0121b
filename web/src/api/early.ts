// Reads started before the app has booted. The page's code and its data are fetched in parallel
// with the app's framework (boot.ts): the route's reads start as soon as the address is known,
// instead of after the app has mounted and the page's code has arrived (docs/performance.md, "Web
// app: first load"). The client (client.ts) answers a GET from here when the same URL was started
// early, once per reader, for a few seconds; after that, or for any other URL, it fetches.

/** An answer as the client reads it: status and parsed body. */
export interface EarlyAnswer {
  ok: boolean
  status: number
  body: unknown
}

export type EarlyFetch = (url: string, init: RequestInit) => Promise<Response>

/** How long an early answer may be used: the first load's readers come within this. */
export const EARLY_TTL_MS = 5000

export const JSON_ACCEPT = 'application/json, application/problem+json'

const started = new Map<string, Promise<EarlyAnswer>>()

/** Parses an answer's body: JSON when it is JSON, the text otherwise, undefined when empty. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '')
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Starts a GET of `url` now (at most one per URL); its answer waits in memory for its reader. */
export function startEarly(url: string, fetchImpl: EarlyFetch = (u, i) => globalThis.fetch(u, i)): void {
  if (started.has(url)) return
  const answer = fetchImpl(url, { method: 'GET', headers: { Accept: JSON_ACCEPT } }).then(async (r) => ({
    ok: r.ok,
    status: r.status,
    body: await readBody(r),
  }))
  // A failed early read is not an answer: its reader fetches again (and reports that failure).
  answer.catch(() => started.delete(url))
  started.set(url, answer)
  setTimeout(() => started.delete(url), EARLY_TTL_MS)
}

/**
 * The early answer of `url`, if one was started and is still fresh. A failed (not ok) answer is
 * given once and then forgotten, so that a retry asks the server again.
 */
export function takeEarly(url: string): Promise<EarlyAnswer> | undefined {
  const answer = started.get(url)
  if (!answer) return undefined
  answer.then(
    (a) => {
      if (!a.ok) started.delete(url)
    },
    () => undefined,
  )
  return answer
}

/** Forgets every early read (tests). */
export function clearEarly(): void {
  started.clear()
}
