import type { TargetGroups } from '../../api/client'
import { formatNumber } from '../../format/number'
import { formatPeriod } from '../../format/period'
import { columnMagnitude, formatCountOf, formatDeclared, formatMoneyIn, formatShare, indicatorSet, isZh, nounOfSet, unitWords } from '../../format/units'

export { groupByOf, groupFields, pickGroupBy } from './groupQuery'

// The target page's 分组 card (GET /api/v1/targets/{id}/groups): the API's answer turned into the
// rows the card shows — label, value in the target's unit (money in ONE magnitude for the whole
// card), share of the total with its bar, contributors, 示例 and an incomplete period. Which fields
// to offer and the address's field: groupQuery.ts. Pure functions, no framework code
// (groupView.test.ts).

export interface GroupRow {
  /** The group's id; null for the records without a value of the field. */
  id: string | null
  label: string
  /** The records without a value of the field (未登记区县). */
  unrecorded: boolean
  value: number | null
  valueText: string
  /** Millionths of the total; null when the answer gives none. */
  share: number | null
  /** "47.2%"; '' without a share. */
  shareText: string
  /** The bar's length in percent of the card's bar (0–100). */
  bar: number
  contributors: number
  contributorsText: string
  complete: boolean
  /** The period an incomplete group covers ("2025年1—5月"); '' when complete. */
  incompleteText: string
  sample: boolean
}

export interface GroupTotal {
  valueText: string
  /** "100%" when the rows show shares, else ''. */
  shareText: string
  contributorsText: string
  complete: boolean
  incompleteText: string
  sample: boolean
}

export interface GroupView {
  by: string
  rows: GroupRow[]
  total: GroupTotal
  /** A record may count in several groups: no shares, and the card says so. */
  overlap: boolean
  /** Some row has a share (not overlapping, not a ratio, a total above 0). */
  showShares: boolean
  /** The span the figures cover ("2025年"); '' for an indicator without one. */
  periodText: string
  /** The record set counted (enterprises, projects, carriers, supplier_entries). */
  set: string
}

export interface GroupViewOptions {
  locale: string
  /** The label of the records without a value of the field ("未登记区县"). */
  notRecorded: string
}

function textIn(text: { zh: string; en: string }, locale: string): string {
  return (isZh(locale) ? text.zh || text.en : text.en || text.zh) || ''
}

/** A value of the answer in its unit: money in the card's magnitude, a declared unit, a count with its noun, a share, tce. */
export function groupValueFormatter(answer: Pick<TargetGroups, 'unit' | 'target' | 'groups' | 'total'>, locale: string): (v: number | null | undefined) => string {
  const set = indicatorSet(answer.target.indicator)
  const declared = answer.target.declared_unit ?? null
  switch (answer.unit) {
    case 'yuan': {
      const m = columnMagnitude([answer.total.value, ...answer.groups.map((g) => g.value)], locale)
      return (v) => formatMoneyIn(v, m, locale)
    }
    case 'percent':
      return (v) => formatShare(v, locale)
    case 'tce':
      return (v) => {
        if (v === null || v === undefined || Number.isNaN(v)) return '—'
        const n = formatNumber(v, locale, 2)
        return isZh(locale) ? `${n}${unitWords(locale).unitTce}` : `${n} ${unitWords(locale).unitTce}`
      }
    default:
      if (declared && declared.measure === 'count') return (v) => formatDeclared(v, declared, locale)
      return (v) => formatCountOf(v, nounOfSet(set), locale)
  }
}

function shareBar(share: number | null): number {
  if (share === null || !Number.isFinite(share)) return 0
  return Math.min(100, Math.max(0, share / 1e4))
}

/** The card's rows, in the API's order (the plan's; the records without a value last). */
export function groupView(answer: TargetGroups, o: GroupViewOptions): GroupView {
  const { locale } = o
  const set = indicatorSet(answer.target.indicator)
  const noun = nounOfSet(set)
  const value = groupValueFormatter(answer, locale)
  const overlap = answer.groups_overlap
  const showShares = !overlap && answer.groups.some((g) => g.share !== null)
  const incomplete = (complete: boolean, period: string | null) => (complete ? '' : period ? formatPeriod(period, locale) : '')
  const rows: GroupRow[] = answer.groups.map((g) => ({
    id: g.key?.id ?? null,
    label: g.key ? textIn(g.key.name, locale) || g.key.id : o.notRecorded,
    unrecorded: !g.key,
    value: g.value,
    valueText: value(g.value),
    share: overlap ? null : g.share,
    shareText: !overlap && g.share !== null ? formatShare(g.share, locale, 1) : '',
    bar: overlap ? 0 : shareBar(g.share),
    contributors: g.contributors,
    contributorsText: formatCountOf(g.contributors, noun, locale),
    complete: g.complete,
    incompleteText: incomplete(g.complete, g.period),
    sample: g.sample,
  }))
  return {
    by: answer.by,
    rows,
    total: {
      valueText: value(answer.total.value),
      shareText: showShares ? formatShare(1e6, locale) : '',
      contributorsText: formatCountOf(answer.total.contributors, noun, locale),
      complete: answer.total.complete,
      incompleteText: incomplete(answer.total.complete, answer.period),
      sample: answer.total.sample,
    },
    overlap,
    showShares,
    periodText: answer.period ? formatPeriod(answer.period, locale) : '',
    set,
  }
}
