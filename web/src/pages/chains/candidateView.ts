import type { Candidate, CandidateFeature, CandidateRules } from '../../api/client'
import { formatNumber } from '../../format/number'
import { textIn } from './chainView'

// The pure pieces of the attraction candidates of a link (GET /chains/{id}/links/{link}/candidates,
// docs/chains.md "Candidates"): a score and its points in words, the reasons that counted and those
// that did not, the plan's weights, the one-line summary of a gap's candidates, and a small cache
// with a queue so the gap list can read its links' candidates lazily, a few at a time, each once.
// No framework code.

/** The features in the order of the API and of the plan's weights. */
export const CANDIDATE_FEATURES = ['gap', 'ties', 'scale', 'region', 'named'] as const

/** A score, one decimal ("56.7"; "40" stays "40.0" so the column lines up). */
export function formatScore(score: number, locale: string): string {
  return formatNumber(score, locale, 1, 1)
}

/** Points as a signed figure: "+26.7", "+0". */
export function formatPoints(points: number, locale: string): string {
  return points > 0 ? `+${formatNumber(points, locale, 1)}` : '+0'
}

/** A reason: the feature's words and its points; `counted` when it gave points. */
export interface Reason {
  feature: string
  text: string
  points: number
  /** "（+26.7）" / " (+26.7)". */
  pointsText: string
  counted: boolean
}

/**
 * A candidate's features as reasons: those that gave points (most first), and those that did not
 * (in the API's order), shown muted so the reader sees what was not counted ("规模未录入").
 */
export function candidateReasons(features: readonly CandidateFeature[], locale: string): { counted: Reason[]; uncounted: Reason[] } {
  const reasons: Reason[] = features.map((f) => ({
    feature: f.feature,
    text: textIn(f.text, locale),
    points: f.points,
    pointsText: locale === 'en' ? ` (${formatPoints(f.points, locale)})` : `（${formatPoints(f.points, locale)}）`,
    counted: f.points > 0,
  }))
  return { counted: reasons.filter((r) => r.counted).sort((a, b) => b.points - a.points), uncounted: reasons.filter((r) => !r.counted) }
}

/** A reason as one line of text: "text (+points)". */
export function reasonLine(r: Reason): string {
  return `${r.text}${r.pointsText}`
}

/** The plan sections a provenance names ("regions: plan §6(1), §6(3); …" → ["plan §6(1)", "plan §6(3)"]). */
export function planSections(provenance: string): string[] {
  const out: string[] = []
  for (const m of provenance.matchAll(/(?:plan\s*)?§[0-9A-Za-z.]*(?:\([0-9A-Za-z]+\)[0-9A-Za-z]*)*/g)) {
    const section = `plan ${m[0].replace(/^plan\s*/, '')}`
    if (!out.includes(section)) out.push(section)
  }
  return out
}

/** The plan's weights, each with its feature's label: "缺口 4 · 配套关系 2 …". */
export function weightsLine(rules: Pick<CandidateRules, (typeof CANDIDATE_FEATURES)[number]>, label: (feature: string) => string, locale: string): string {
  return CANDIDATE_FEATURES.map((f) => `${label(f)} ${formatNumber(rules[f], locale, 2)}`).join(' · ')
}

/** The width of a score's bar, in percent of the track (0–100, a score above 0 at least 2 so it shows). */
export function scoreBar(score: number): number {
  if (!(score > 0)) return 0
  return Math.max(2, Math.min(100, score))
}

/** What the gap list says of a link's candidates: how many, and the best one's name. */
export interface CandidateSummary {
  count: number
  top: string
  topSample: boolean
}

export function candidateSummary(candidates: readonly Pick<Candidate, 'name' | 'sample'>[], locale: string): CandidateSummary {
  const top = candidates[0]
  return { count: candidates.length, top: top ? textIn(top.name, locale) : '', topSample: !!top?.sample }
}

/**
 * Answers kept by key (a read's URL, which holds the plan, the date and the sample switch), each
 * fetched once while it is kept; a failed fetch is forgotten so it can be tried again. `queued`
 * fetches run at most `limit` at a time, in the order asked (the gap list's rows as they come into
 * view); the rest (the open link's) go at once. The oldest answers go past `keep`.
 */
export interface AnswerCache<T> {
  get(key: string, fetch: () => Promise<T>, opts?: { queued?: boolean }): Promise<T>
  /** The answer when it has come (undefined otherwise). */
  peek(key: string): T | undefined
  forget(key: string): void
}

export function answerCache<T>(limit = 2, keep = 100): AnswerCache<T> {
  const promises = new Map<string, Promise<T>>()
  const answers = new Map<string, T>()
  const waiting: (() => void)[] = []
  let running = 0

  const next = () => {
    while (running < limit && waiting.length) {
      running++
      waiting.shift()!()
    }
  }
  const slot = <R>(run: () => Promise<R>): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      waiting.push(() => {
        run()
          .then(resolve, reject)
          .finally(() => {
            running--
            next()
          })
      })
      next()
    })

  return {
    get(key, fetch, opts = {}) {
      const had = promises.get(key)
      if (had) return had
      const p = (opts.queued ? slot(fetch) : fetch()).then(
        (value) => {
          if (promises.get(key) === p) answers.set(key, value)
          return value
        },
        (e: unknown) => {
          if (promises.get(key) === p) promises.delete(key)
          throw e
        },
      )
      promises.set(key, p)
      while (promises.size > keep) {
        const oldest = promises.keys().next().value as string
        promises.delete(oldest)
        answers.delete(oldest)
      }
      return p
    },
    peek: (key) => answers.get(key),
    forget(key) {
      promises.delete(key)
      answers.delete(key)
    },
  }
}
