// The model behind components/DataTable.vue, pure and unit-tested (dataTable.test.ts): the
// columns a table declares as <DataColumn> children, the order of its rows under a column's sort,
// and the rows of a tree (zones within zones) in display order with their depth.
import { Comment, Fragment, camelize, type Slot, type VNode, type VNodeNormalizedChildren } from 'vue'
import type { ColumnAlign } from './DataColumn'
import { compareRaw, type SortValue } from '../export/sort'

export type SortOrder = 'ascending' | 'descending'
export type Row = Record<string, unknown>

export interface ColumnSpec {
  /** Stable within the table: the column's position among the declared columns. */
  key: number
  label: string
  prop?: string
  width?: number
  minWidth?: number
  align: ColumnAlign
  sort?: (a: Row, b: Row) => number
  ellipsis: boolean
  className?: string
  index: boolean
  cell?: Slot
}

/** A boolean attribute as written in a template: `sortable` alone arrives as ''. */
function flag(v: unknown): boolean {
  return v === '' || v === true || v === 'true'
}

function px(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined
  const n = typeof v === 'number' ? v : parseFloat(String(v))
  return Number.isFinite(n) && n > 0 ? n : undefined
}

/** Column vnodes of a default slot: v-if'd columns are comments, v-for'd ones fragments. */
function flatten(nodes: VNode[], marker: unknown, out: VNode[]): VNode[] {
  for (const n of nodes) {
    if (n.type === Comment) continue
    if (n.type === Fragment && Array.isArray(n.children)) flatten(n.children as VNode[], marker, out)
    else if (n.type === marker) out.push(n)
  }
  return out
}

/**
 * The columns declared by the vnodes of a DataTable's default slot (`marker`: the DataColumn
 * component). A sortable column without a sort method compares its `prop` raw.
 */
export function columnsOf(nodes: VNode[], marker: unknown): ColumnSpec[] {
  return flatten(nodes, marker, []).map((n, key) => {
    const raw: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(n.props ?? {})) raw[camelize(k)] = v
    const children = n.children as VNodeNormalizedChildren
    const cell = children && typeof children === 'object' && !Array.isArray(children) ? ((children as Record<string, unknown>).default as Slot | undefined) : undefined
    const prop = typeof raw.prop === 'string' ? raw.prop : undefined
    let sort: ((a: Row, b: Row) => number) | undefined
    if (flag(raw.sortable)) {
      if (typeof raw.sortMethod === 'function') sort = raw.sortMethod as (a: Row, b: Row) => number
      else if (prop) sort = (a, b) => compareRaw(a[prop] as SortValue, b[prop] as SortValue)
    }
    const align = raw.align === 'right' || raw.align === 'center' ? raw.align : 'left'
    return {
      key,
      label: raw.label === undefined || raw.label === null ? '' : String(raw.label),
      prop,
      width: px(raw.width),
      minWidth: px(raw.minWidth),
      align,
      sort,
      ellipsis: flag(raw.showOverflowTooltip),
      className: typeof raw.className === 'string' ? raw.className : undefined,
      index: raw.type === 'index',
      cell,
    }
  })
}

/**
 * The rows in the order a column's sort gives, stable (equal rows keep their order); descending
 * reverses the comparison, not the result, so equal rows keep their order there too. Without a
 * sort the rows as given.
 */
export function sortRows<T>(rows: readonly T[], compare: ((a: T, b: T) => number) | undefined, order: SortOrder | null): T[] {
  if (!compare || !order) return rows.slice()
  const sign = order === 'descending' ? -1 : 1
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => sign * compare(x.row, y.row) || x.i - y.i)
    .map((x) => x.row)
}

/** The next sort of a column whose header is clicked: none → ascending → descending → none. */
export function nextOrder(current: SortOrder | null): SortOrder | null {
  return current === null ? 'ascending' : current === 'ascending' ? 'descending' : null
}

export interface TreeRow<T> {
  row: T
  depth: number
  hasChildren: boolean
  key: string
}

/**
 * Rows of a tree in display order: each row followed by its children (`childrenKey`), sorted
 * among their siblings, skipping the children of collapsed rows. `keyOf` names a row.
 */
export function treeRows<T extends object>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  childrenKey: string,
  compare: ((a: T, b: T) => number) | undefined,
  order: SortOrder | null,
  collapsed: ReadonlySet<string>,
  depth = 0,
  out: TreeRow<T>[] = [],
): TreeRow<T>[] {
  for (const row of sortRows(rows, compare, order)) {
    const children = (row as Record<string, unknown>)[childrenKey]
    const kids = Array.isArray(children) ? (children as T[]) : []
    const key = keyOf(row)
    out.push({ row, depth, hasChildren: kids.length > 0, key })
    if (kids.length && !collapsed.has(key)) treeRows(kids, keyOf, childrenKey, compare, order, collapsed, depth + 1, out)
  }
  return out
}
