import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ChainCounties, I18nText } from '../../api/client'
import { compareRaw } from '../../export/sort'

// The Chains page's 各县区环节概览 card (GET /api/v1/chains/{id}/counties): the answer turned into
// one row per county — its counts, its output and one cell per link of the chain — the sorts of
// its columns, and the address a county or a cell opens. Pure functions, no framework code
// (countyMatrix.test.ts).

/** One link of one county: the link's id and the county's verdict of it ('' when the answer has none). */
export interface MatrixCell {
  link: string
  verdict: string
}

export interface MatrixRow {
  id: string
  name: I18nText
  present: number
  strong: number
  weak: number
  missing: number
  /** Every enterprise of the county in the year (yuan); null without output. */
  output: number | null
  sample: boolean
  /** One per link of the chain, in the answer's order of links. */
  cells: MatrixCell[]
  /** Weak and missing link ids by importance. */
  gaps: string[]
}

/**
 * The rows of the matrix, each with exactly one cell per link of the answer (a verdict the answer
 * lacks is '', one too many is dropped). In the order of `order` — the plan's counties as the area
 * picker lists them (GET /plan's scope, the plan file's order) — when given, counties it does not
 * name after those it does, in the answer's order; else in the answer's order.
 */
export function countyMatrixRows(answer: Pick<ChainCounties, 'links' | 'counties'>, order: readonly string[] = []): MatrixRow[] {
  const rows = answer.counties.map((c) => ({
    id: c.county.id,
    name: c.county.name,
    present: c.present,
    strong: c.strong,
    weak: c.weak,
    missing: c.missing,
    output: c.area_output,
    sample: c.sample,
    cells: answer.links.map((l, i) => ({ link: l.id, verdict: c.verdicts[i] ?? '' })),
    gaps: c.gaps,
  }))
  if (!order.length) return rows
  const place = new Map(order.map((id, i) => [id, i]))
  const at = (r: MatrixRow, i: number) => place.get(r.id) ?? order.length + i
  return rows
    .map((r, i) => ({ r, k: at(r, i) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r)
}

/** A verdict's strength: strong 3, weak 2, missing 1, anything else 0 (sorts below missing). */
export function verdictRank(verdict: string): number {
  return verdict === 'strong' ? 3 : verdict === 'weak' ? 2 : verdict === 'missing' ? 1 : 0
}

type Compare = (a: MatrixRow, b: MatrixRow) => number

// The sorts never break ties by the plan's order themselves: the table's sort is stable in both
// directions (components/dataTable.ts sortRows), so equal counties stay in the plan's order.

/**
 * How strong a county's chain is, weakest first: fewer strong links, then fewer weak ones, then
 * more missing ones.
 */
export const compareStrength: Compare = (a, b) => a.strong - b.strong || a.weak - b.weak || b.missing - a.missing

export type MatrixSortKey = 'strong' | 'weak' | 'missing' | 'output'

/**
 * The sort method of a column of counts or of the output (ascending; the table reverses it).
 * Strong sorts by strength (compareStrength); weak by its count, then weakest first; missing by
 * its count, then strongest first (ascending, the best county first); the output by its amount,
 * a county without one after those with one (export/sort.ts compareRaw).
 */
export function matrixSort(key: MatrixSortKey): Compare {
  switch (key) {
    case 'strong':
      return compareStrength
    case 'weak':
      return (a, b) => a.weak - b.weak || compareStrength(a, b)
    case 'missing':
      return (a, b) => a.missing - b.missing || compareStrength(b, a)
    case 'output':
      return (a, b) => compareRaw(a.output, b.output)
  }
}

/** The sort method of a link's column: by the county's verdict of that link, weakest first, then by strength. */
export function linkSort(link: string): Compare {
  const rank = (r: MatrixRow) => verdictRank(r.cells.find((c) => c.link === link)?.verdict ?? '')
  return (a, b) => rank(a) - rank(b) || compareStrength(a, b)
}

/**
 * The address a county of the matrix opens: the page's query with that county (the whole region's
 * view becomes the county's), and with `link` that link opened too; without `link` the link open
 * stays open, as when the area picker changes the county.
 */
export function matrixQuery(query: LocationQuery, county: string, link?: string): LocationQueryRaw {
  const next: LocationQueryRaw = { ...query, county }
  if (link) next.link = link
  return next
}
