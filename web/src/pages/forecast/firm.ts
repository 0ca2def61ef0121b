// The pure pieces of a what-if's hypothetical attracted firm (POST /forecast/what-if, kind "firm";
// docs/forecast.md): its output as the planner types it (亿元) in yuan, the months it may start in,
// its name's length in bytes, the plan's chain candidates to pick it from (their size, when
// known, as its output), and which targets count it in an answer. No framework code; unit-tested
// (firm.test.ts).
import type { Chain, FirmChange, I18nText, LinkCandidates, WhatIfAnswerChange, WhatIfChange } from '../../api/client'

/** 1亿 yuan: the unit the form takes the output in. */
export const YI = 1e8
/** The API's limits of a firm: its output in yuan, the years after the as-of year it may start in, its name's bytes. */
export const FIRM_LIMITS = { maxOutput: 1e13, years: 30, nameBytes: 200 }

/**
 * An output typed in 亿元 ("12.5", "1,000", "０．５") as yuan a year, whole yuan; null when it is no
 * number, not above 0 or above the API's 1e13 yuan (100000亿).
 */
export function outputYuan(yiText: string): number | null {
  const s = yiText
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，\s]/g, '')
    .replace(/^＋/, '+')
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null
  const yuan = Math.round(Number(s) * YI)
  return yuan >= 1 && yuan <= FIRM_LIMITS.maxOutput ? yuan : null
}

/** Yuan as the form's 亿元 field writes it: up to four decimals, no grouping ("12.5"). */
export function yiInput(yuan: number): string {
  return String(Math.round((yuan / YI) * 1e4) / 1e4)
}

/** The month after a date's ("2023-06-30" → "2023-07", "2023-12-31" → "2024-01"); null for no date. */
export function monthAfter(date: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})/.exec(date ?? '')
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  if (mo < 1 || mo > 12) return null
  return mo === 12 ? `${y + 1}-01` : `${m[1]}-${String(mo + 1).padStart(2, '0')}`
}

/** The months a firm may start in at an as-of date: from its month to December 30 years later. */
export function firmMonths(asOf: string): { first: string; last: string } | null {
  const m = /^(\d{4})-(\d{2})/.exec(asOf)
  if (!m) return null
  return { first: `${m[1]}-${m[2]}`, last: `${Number(m[1]) + FIRM_LIMITS.years}-12` }
}

/** What is wrong with a firm's month: none given, not YYYY-MM, before the as-of month or too late; null when fine. */
export type MonthProblem = 'missing' | 'shape' | 'early' | 'late'

export function monthProblem(month: string | null | undefined, asOf: string | null | undefined): MonthProblem | null {
  if (!month) return 'missing'
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return 'shape'
  const range = asOf ? firmMonths(asOf) : null
  if (range && month < range.first) return 'early'
  if (range && month > range.last) return 'late'
  return null
}

/** A text's length in UTF-8 bytes (the API limits a firm's name to 200). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length
}

/**
 * The firm the form describes; null without a segment, a valid output or a month. Empty optional
 * fields are left out, the name trimmed.
 */
export function firmOf(fields: { segment: string; output: number | null; from: string | null; zone?: string | null; county?: string | null; candidate?: string | null; name?: string | null }): FirmChange | null {
  if (!fields.segment || fields.output === null || !fields.from) return null
  const firm: FirmChange = { kind: 'firm', segment: fields.segment, output: fields.output, from: fields.from }
  if (fields.zone) firm.zone = fields.zone
  if (fields.county) firm.county = fields.county
  if (fields.candidate) firm.candidate = fields.candidate
  const name = fields.name?.trim()
  if (name) firm.name = name
  return firm
}

/** Whether two firms are the same firm (an answer echoes the request's). */
export function sameFirm(a: FirmChange, b: FirmChange): boolean {
  return (
    a.segment === b.segment &&
    a.output === b.output &&
    a.from === b.from &&
    (a.zone ?? '') === (b.zone ?? '') &&
    (a.county ?? '') === (b.county ?? '') &&
    (a.candidate ?? '') === (b.candidate ?? '') &&
    (a.name ?? '') === (b.name ?? '')
  )
}

/**
 * The targets that count each firm of `changes`, by the index of the change: the answer echoes the
 * firms after the other changes, in their order, each with `counted_in`. A firm the answer does not
 * echo as it is (an answer to an older list) has no entry.
 */
export function countedIn(changes: readonly WhatIfChange[], answer: readonly WhatIfAnswerChange[] | null | undefined): Map<number, string[]> {
  const out = new Map<number, string[]>()
  const echoed = (answer ?? []).filter((c) => c.kind === 'firm')
  let k = 0
  changes.forEach((c, i) => {
    if (c.kind !== 'firm') return
    const e = echoed[k++]
    if (e && e.kind === 'firm' && sameFirm(c, e) && Array.isArray(e.counted_in)) out.set(i, e.counted_in)
  })
  return out
}

/** A candidate's size in yuan (the answer's `scale`: its revenue in a recent year), to prefill a firm's output; null when not recorded. */
export function candidateScale(c: { scale?: number | null }): number | null {
  return typeof c.scale === 'number' && Number.isFinite(c.scale) && c.scale > 0 ? Math.round(c.scale) : null
}

/** A chain candidate as the firm form offers it. */
export interface CandidateChoice {
  id: string
  name: I18nText
  /** The links of the chain it would fill, by name. */
  links: I18nText[]
  score: number
  /** Yuan a year, when known (candidateScale). */
  scale: number | null
  sample: boolean
}

/** The candidates of one chain, best first. */
export interface CandidateGroup {
  chain: { id: string; name: I18nText }
  candidates: CandidateChoice[]
}

/**
 * The plan's chain candidates from the candidates of each link of each chain (`answers[i][j]`: of
 * link j of chain i; null when not read), by chain, best score first, each once: a candidate of
 * several links lists them all, one of several chains stays with the first. Chains without one are left out.
 */
export function candidateGroups(chains: readonly Pick<Chain, 'id' | 'name' | 'links'>[], answers: readonly (readonly (Pick<LinkCandidates, 'candidates'> | null)[])[]): CandidateGroup[] {
  const seen = new Set<string>()
  const groups: CandidateGroup[] = []
  chains.forEach((chain, i) => {
    const mine = new Map<string, CandidateChoice>()
    chain.links.forEach((link, j) => {
      for (const c of answers[i]?.[j]?.candidates ?? []) {
        if (seen.has(c.id) && !mine.has(c.id)) continue
        const had = mine.get(c.id)
        if (had) {
          if (!had.links.some((l) => l === link.name)) had.links.push(link.name)
          had.score = Math.max(had.score, c.score)
          continue
        }
        seen.add(c.id)
        mine.set(c.id, { id: c.id, name: c.name, links: [link.name], score: c.score, scale: candidateScale(c), sample: c.sample })
      }
    })
    const candidates = [...mine.values()].sort((a, b) => b.score - a.score || a.name.zh.localeCompare(b.name.zh, 'zh-CN') || a.id.localeCompare(b.id))
    if (candidates.length) groups.push({ chain: { id: chain.id, name: chain.name }, candidates })
  })
  return groups
}
