// Sorting of table columns on the raw values (integer yuan, counts, names), never on the
// formatted strings ("9,500万元" would sort before "1.05亿元"). Values without a figure go last.
// Pure, unit-tested (sort.test.ts).

export type SortValue = string | number | boolean | null | undefined

export function compareRaw(a: SortValue, b: SortValue): number {
  const an = a === null || a === undefined || a === '' || (typeof a === 'number' && Number.isNaN(a))
  const bn = b === null || b === undefined || b === '' || (typeof b === 'number' && Number.isNaN(b))
  if (an || bn) return an === bn ? 0 : an ? 1 : -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b)
  return String(a).localeCompare(String(b), 'zh-CN')
}

/** A DataColumn sort-method comparing `value(row)`. */
export function byRaw<T>(value: (row: T) => SortValue): (a: T, b: T) => number {
  return (a, b) => compareRaw(value(a), value(b))
}
