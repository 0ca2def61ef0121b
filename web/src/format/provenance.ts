// Where a record comes from (docs/formats.md "Provenance"), parsed for display: a section of the
// plan ("plan §3(1)2"), a public report ("public: <source>"), a statistics table ("stats: <table>"),
// a user's entry ("user: <who>"), or illustrative data ("sample", "sample: <note>"). Pure, unit-tested.

export type ProvenanceKind = 'plan' | 'public' | 'stats' | 'user' | 'sample' | 'other'

export interface ProvenanceItem {
  kind: ProvenanceKind
  /** plan: the section ("§3(1)2"); public / stats / user: the source; sample: its note ('' if none); other: the raw text. */
  detail: string
  /** The provenance as written (for a key and a tooltip). */
  raw: string
}

const PREFIXED: [ProvenanceKind, RegExp][] = [
  ['public', /^public\s*:\s*/i],
  ['stats', /^stats\s*:\s*/i],
  ['user', /^user\s*:\s*/i],
]

/** One provenance string. */
export function parseProvenance(raw: string): ProvenanceItem {
  const p = raw.trim()
  if (/^sample\b/i.test(p)) return { kind: 'sample', detail: p.replace(/^sample\s*:?\s*/i, ''), raw: p }
  if (/^plan\s*§/i.test(p)) return { kind: 'plan', detail: p.replace(/^plan\s*/i, ''), raw: p }
  for (const [kind, re] of PREFIXED) if (re.test(p)) return { kind, detail: p.replace(re, ''), raw: p }
  return { kind: 'other', detail: p, raw: p }
}

/** Display items: one per plan section, and one per other kind, all sources of that kind together. */
export interface ProvenanceGroup {
  kind: ProvenanceKind
  /** plan: the section; sample: the notes joined by "；"; other kinds: the first source. */
  detail: string
  /** Every source of this item (the tooltip), in order, without duplicates ('' dropped). */
  details: string[]
  /** A stable key. */
  raw: string
}

/**
 * A record's provenance (one string, a list, or strings of sources separated by "; ") as display items, in order of first appearance:
 * each plan section on its own (they are short and visible), and one item per other kind with all
 * its sources — all sample sources become one 示例 mark, all public reports one 公开资料 tag.
 */
export function provenanceItems(value: string | readonly string[] | null | undefined): ProvenanceGroup[] {
  // A table's cell may hold several sources as one string, "plan §3(1)1; public: …" (the CSV
  // list separator): each is an item of its own.
  const list = ((Array.isArray(value) ? value : value ? [value] : []) as string[]).flatMap((p) => p.split(/;\s+|；/))
  const out: ProvenanceGroup[] = []
  const byKey = new Map<string, ProvenanceGroup>()
  for (const item of list.filter((p) => p.trim()).map(parseProvenance)) {
    const key = item.kind === 'plan' || item.kind === 'other' ? item.raw : item.kind
    let group = byKey.get(key)
    if (!group) {
      group = { kind: item.kind, detail: item.detail, details: [], raw: key }
      byKey.set(key, group)
      out.push(group)
    }
    if (item.detail && !group.details.includes(item.detail)) group.details.push(item.detail)
  }
  for (const g of out) if (g.kind === 'sample') g.detail = g.details.join('；')
  return out
}
