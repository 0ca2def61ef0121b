// The pure pieces of the sign-in and first-administrator pages: where to go after signing in, the
// account rules of docs/security.md "Accounts" (checked here before the server checks them again),
// the token of the setup link, the server's refusal as a sentence and the time a locked account
// opens again. Unit-tested (account.test.ts).

import type { ApiError } from '../../api/client'

/** 2–64 of a-z 0-9 . _ - @, starting with a letter or digit. */
const NAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/
export const PASSWORD_MIN_BYTES = 10
export const PASSWORD_MAX_BYTES = 1024

/** Whether `name` is a user name the server accepts. */
export function validUserName(name: string): boolean {
  return NAME.test(name)
}

/** A password's length as the server counts it: UTF-8 bytes. */
export function passwordBytes(password: string): number {
  return new TextEncoder().encode(password).length
}

/** What is wrong with a new password: 'short', 'long', or null. */
export function passwordProblem(password: string): 'short' | 'long' | null {
  const n = passwordBytes(password)
  if (n < PASSWORD_MIN_BYTES) return 'short'
  if (n > PASSWORD_MAX_BYTES) return 'long'
  return null
}

/** The pages that are no place to come back to after signing in. */
const SESSION_PAGES = /^\/(login|setup)(?=[/?#]|$)/

/**
 * Where to go after signing in: the `redirect` query parameter when it is a path of this site
 * ("/forecast?as_of=…"), else "/". Never another site: not "//host", not "/\host" (browsers read
 * a backslash as a slash), no control characters, nothing that parses to another origin.
 */
export function safeRedirect(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value
  if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//') || v.includes('\\')) return '/'
  if (/[\u0000-\u001f\u007f]/.test(v)) return '/'
  try {
    const base = 'https://atlas.invalid'
    if (new URL(v, base).origin !== base) return '/'
  } catch {
    return '/'
  }
  return SESSION_PAGES.test(v) ? '/' : v
}

/** The one-time token of the first-administrator link (`/setup#token=…`), or ''. */
export function setupToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? ''
}

/** The time a `locked-out` message says the account opens again (an ISO 8601 UTC time in it), or null. */
export function lockedUntil(message: string): Date | null {
  const m = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?Z/.exec(message)
  if (!m) return null
  const d = new Date(m[0])
  return Number.isNaN(d.getTime()) ? null : d
}

/** A time as the user's clock reads it: "2026-12-08 10:09". */
export function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** The server's message of a refusal in the UI language, as a sentence ("Wrong user name or password"). */
export function serverMessage(e: ApiError, locale: string): string {
  const m = e.messageIn(locale).trim()
  return m.charAt(0).toUpperCase() + m.slice(1)
}
