// An error as the user reads it, in the UI language: API problems (RFC 9457, by their code and
// field) and transport failures map to the texts of numbers.problem* in the i18n files. The
// server's own words ("id: no enterprise …") and the code are kept for the analysts' 详情 only.
// Pure, unit-tested (problem.test.ts).
import { isApiError } from '../api/client'
import { isZh, unitWords } from './units'

export interface ErrorText {
  /** What the page shows. */
  message: string
  /** "not-found · HTTP 404"; '' when unknown. */
  code: string
  /** The server's message in the UI language, for the details ('' when the same as message). */
  raw: string
}

const FIELD_KEYS: Record<string, 'fieldId'> = { id: 'fieldId' }

function fill(text: string, named: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(named[k] ?? ''))
}

/** The plan a request named (its ?plan=), or ''. */
function planOf(instance: string | undefined): string {
  if (!instance) return ''
  try {
    return new URL(instance, 'http://x').searchParams.get('plan') ?? ''
  } catch {
    return ''
  }
}

/** A Chinese text with no English words in it (codes and field names are English words). */
function cleanChinese(text: string): boolean {
  return /\p{Script=Han}/u.test(text) && !/[A-Za-z]{2,}/.test(text.replace(/HTTP/g, ''))
}

/** An English text that is not a raw "field: detail" of the server's error. */
function cleanEnglish(text: string): boolean {
  return !/\p{Script=Han}/u.test(text) && !/^[a-z_]+: /.test(text)
}

/**
 * The message of an error in the UI language: the server's message for that language when it
 * reads as that language (a Chinese one without English words in it), else the i18n text of its
 * problem code; network failures always get the i18n text.
 */
export function describeError(e: unknown, locale: string): ErrorText {
  const w = unitWords(locale)
  if (isApiError(e) && e.code !== 'network' && e.problem) {
    const own = isZh(locale) ? e.messages.zh : e.messages.en
    if (own && (isZh(locale) ? cleanChinese(own) : cleanEnglish(own))) {
      return { message: own, code: `${e.code}${e.status ? ` · HTTP ${e.status}` : ''}`, raw: '' }
    }
  }
  if (isApiError(e) && e.field === 'plan' && (e.code === 'not-found' || e.code === 'invalid-argument')) {
    // The plan of the address (?plan=) is not in the database, or none is named and none is the default.
    const plan = planOf(e.problem?.instance)
    const message = e.code === 'not-found' && plan ? fill(w.problemUnknownPlan, { plan }) : w.problemNoPlanChosen
    return { message, code: `${e.code}${e.status ? ` · HTTP ${e.status}` : ''}`, raw: isZh(locale) ? e.messages.zh : e.messages.en }
  }
  if (isApiError(e)) {
    const field = e.field ? (FIELD_KEYS[e.field] ? w[FIELD_KEYS[e.field]] : e.field) : ''
    let message: string
    switch (e.code) {
      case 'network':
        message = w.problemNetwork
        break
      case 'not-found':
      case 'unknown-reference':
        message = field && e.field !== 'id' ? fill(w.problemNotFoundField, { field }) : w.problemNotFound
        break
      case 'overloaded':
        message = w.problemBusy
        break
      case 'internal':
        message = w.problemInternal
        break
      case 'malformed-answer':
        message = w.problemMalformed
        break
      case 'invalid-value':
      case 'invalid-argument':
      case 'invalid-date':
      case 'invalid-period':
      case 'invalid-amount':
      case 'unknown-field':
      case 'limit-exceeded':
        message = field ? fill(w.problemInvalid, { field }) : w.problemInvalidPlain
        break
      default:
        message = e.status >= 400 && !e.problem ? fill(w.problemHttp, { status: e.status }) : w.problemGeneric
    }
    const raw = e.code === 'network' ? '' : e.messageIn(locale)
    return { message, code: `${e.code}${e.status ? ` · HTTP ${e.status}` : ''}`, raw: raw === message ? '' : raw }
  }
  if (e instanceof TypeError || (e instanceof Error && /network|fetch/i.test(e.message))) {
    return { message: w.problemNetwork, code: '', raw: e instanceof Error ? e.message : '' }
  }
  return { message: w.problemGeneric, code: '', raw: e instanceof Error ? e.message : String(e ?? '') }
}
