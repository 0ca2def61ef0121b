// The enterprise profile's 产业链位置与上下游 card (GET /enterprises/{id} `chain_links`): for each chain
// link the enterprise makes, its partners directly upstream (who supply it) and downstream (whom it
// supplies). The answer lists a partner once per link of theirs that qualifies (a firm making brake
// drums and wheel hubs supplies an axle maker twice); the card shows each partner once, with all its
// links. Pure: no framework code, so that a unit test can hold it.
import type { EnterpriseChainLink, EnterpriseChainPartner, I18nText, Ref } from '../../api/client'

/** One partner of a side: its relations of the answer merged. */
export interface PartnerEntry {
  id: string
  name: I18nText
  county: Ref | null
  /** The partner's links that make it a partner, each once, in the answer's order. */
  links: Ref[]
  /** The class codes the relations name, each once (empty: none names one). */
  classes: string[]
  local: boolean
  /** Some relation merged here is sample data. */
  sample: boolean
}

/** One row of the card: a link the enterprise makes and its two sides. */
export interface ChainPlaceRow {
  /** `<chain id>/<link id>`: unique among the rows. */
  key: string
  chain: Ref
  link: Ref
  upstream: PartnerEntry[]
  downstream: PartnerEntry[]
}

/**
 * The partners of one side, each once (by id) with its links and classes; local partners first,
 * otherwise in the answer's order.
 */
export function mergePartners(partners: readonly EnterpriseChainPartner[]): PartnerEntry[] {
  const byId = new Map<string, PartnerEntry>()
  for (const p of partners) {
    let entry = byId.get(p.id)
    if (!entry) {
      entry = { id: p.id, name: p.name, county: p.county, links: [], classes: [], local: p.local, sample: false }
      byId.set(p.id, entry)
    }
    if (!entry.links.some((l) => l.id === p.link.id)) entry.links.push(p.link)
    if (p.class !== null && !entry.classes.includes(p.class)) entry.classes.push(p.class)
    entry.county ??= p.county
    entry.sample ||= p.sample
  }
  const all = [...byId.values()]
  return [...all.filter((p) => p.local), ...all.filter((p) => !p.local)]
}

/** The card's rows: one per link the enterprise makes, in the plan's order (the answer's). */
export function chainPlaceRows(links: readonly EnterpriseChainLink[] | null | undefined): ChainPlaceRow[] {
  const rows: ChainPlaceRow[] = []
  const seen = new Set<string>()
  for (const l of links ?? []) {
    const key = `${l.chain.id}/${l.link.id}`
    if (seen.has(key)) continue
    seen.add(key)
    rows.push({ key, chain: l.chain, link: l.link, upstream: mergePartners(l.upstream), downstream: mergePartners(l.downstream) })
  }
  return rows
}

/** What the card says of a partner after its name, in the page's language. */
export interface PartnerWords {
  /** A name in the current language. */
  name: (n: I18nText) => string
  /** A class code's name (the taxonomy's, else the code). */
  className: (code: string) => string
  /** The list separator: "、" / ", ". */
  listSep: string
}

/**
 * The details of a partner, each a short phrase: its links (the parts of the chain it makes), its
 * county when known, the classes the relations name when they name any.
 */
export function partnerDetails(p: PartnerEntry, w: PartnerWords): string[] {
  const out = [p.links.map((l) => w.name(l.name)).join(w.listSep)]
  if (p.county) out.push(w.name(p.county.name))
  if (p.classes.length) out.push(p.classes.map(w.className).join(w.listSep))
  return out.filter((s) => s !== '')
}

/** The query of the Chains page opened on a row's link: `?chain=<chain id>&link=<link id>`. */
export function chainLinkQuery(row: Pick<ChainPlaceRow, 'chain' | 'link'>): { chain: string; link: string } {
  return { chain: row.chain.id, link: row.link.id }
}

