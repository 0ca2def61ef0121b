import type { LocationQuery } from 'vue-router'
import type { Chain, ChainQuery, ChainVerdicts, Evidence, LinkVerdict, PipelineProject } from '../../api/client'

// The Chains page's state as the address states it (?chain=trailer&county=meixian&link=axle, and
// ?year=2024 read too), the API read it makes (the page and its early read before boot, routes.ts,
// share it), and the pure pieces of its display. Also which chains a set of product classes falls
// in, for the links from an enterprise's and a project's page. No framework code.

export interface ChainFilters {
  /** The chain asked for ('' : the plan's first). */
  chain: string
  /** A county of the plan ('' : the whole region). */
  county: string
  /** The year of output (0: the API's default, the last complete year). */
  year: number
  /** The link whose detail is open ('' : none). */
  link: string
}

export function chainFilters(q: LocationQuery): ChainFilters {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '')
  const year = /^\d{4}$/.test(s('year')) ? Number(s('year')) : 0
  return { chain: s('chain'), county: s('county'), year, link: s('link') }
}

/** The read's parameters: the county and year when the address names them. */
export function chainReadQuery(f: Pick<ChainFilters, 'county' | 'year'>): ChainQuery {
  return { county: f.county || undefined, year: f.year || undefined }
}

/** The chain shown: the one asked for when the plan has it, else the plan's first ('' without chains). */
export function pickChain(chains: readonly Pick<Chain, 'id'>[], wanted: string): string {
  if (wanted && chains.some((c) => c.id === wanted)) return wanted
  return chains[0]?.id ?? ''
}

/** The Element Plus tag type of a verdict: strong green, weak amber, missing red. */
export function verdictTagType(verdict: string): 'success' | 'warning' | 'danger' | 'info' {
  return verdict === 'strong' ? 'success' : verdict === 'weak' ? 'warning' : verdict === 'missing' ? 'danger' : 'info'
}

/** The tag type of a piece of evidence's state: met green, not met red, unknown amber, the rest grey. */
export function evidenceTagType(state: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (state) {
    case 'met':
      return 'success'
    case 'not-met':
      return 'danger'
    case 'unknown':
      return 'warning'
    case 'info':
      return 'primary'
    default:
      return 'info'
  }
}

/** A text in the page's language (the other one when it is empty). */
export function textIn(text: { zh: string; en: string }, locale: string): string {
  return (locale === 'en' ? text.en || text.zh : text.zh || text.en) || ''
}

/** The evidence that decided a link's verdict, in the page's language. */
export function decidedTexts(evidence: readonly Evidence[], locale: string): string[] {
  return evidence.filter((e) => e.decided).map((e) => textIn(e.text, locale))
}

/** The weak and missing links in the order of the API's `gaps` (by importance). */
export function gapLinks(chain: Pick<ChainVerdicts, 'links' | 'gaps'>): LinkVerdict[] {
  const byId = new Map(chain.links.map((l) => [l.id, l]))
  return chain.gaps.map((id) => byId.get(id)).filter((l): l is LinkVerdict => !!l)
}

/** Where a key project stands for the link: producing, overdue, due, or without a date. */
export function pipelineState(p: Pick<PipelineProject, 'due' | 'done' | 'overdue'>): 'done' | 'overdue' | 'planned' | 'none' {
  if (!p.due) return 'none'
  if (p.done) return 'done'
  return p.overdue ? 'overdue' : 'planned'
}

/** A chain whose links hold some of the given product classes, with those links. */
export interface ChainMatch {
  chain: Chain
  links: Chain['links']
}

/**
 * The chains (and their links) whose link classes hold any of `codes` — an enterprise's products
 * with every node of their taxonomy paths (a link of a subsystem holds its classes), or a
 * project's product classes. In the plan's order.
 */
export function chainsForClasses(chains: readonly Chain[], codes: Iterable<string>): ChainMatch[] {
  const want = new Set(codes)
  if (!want.size) return []
  const out: ChainMatch[] = []
  for (const chain of chains) {
    const links = chain.links.filter((l) => l.classes.some((c) => want.has(c.code)))
    if (links.length) out.push({ chain, links })
  }
  return out
}
