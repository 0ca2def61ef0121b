import { describe, expect, it } from 'vitest'
import { Fragment, createCommentVNode, h, type Component } from 'vue'
import Column from './DataColumn'
import { columnsOf, nextOrder, sortRows, treeRows, type Row } from './dataTable'
import { byRaw } from '../export/sort'

// As a compiled template passes them: attribute names as written, a bare boolean as ''.
const DataColumn = Column as Component

describe('columnsOf', () => {
  it('reads each column as a template writes it: kebab-case attributes, bare booleans, v-if and v-for', () => {
    const byValue = (a: Row, b: Row) => Number(a.v) - Number(b.v)
    const cell = () => 'cell'
    const nodes = [
      h(DataColumn, { type: 'index', width: 50 }),
      h(DataColumn, { label: '名称', 'min-width': '280', sortable: '', 'sort-method': byValue }, { default: cell }),
      createCommentVNode('v-if', true),
      h(Fragment, [h(DataColumn, { label: 'A', prop: 'a', sortable: true }), h(DataColumn, { label: 'B', align: 'right', 'show-overflow-tooltip': '', 'class-name': 'x' })]),
      h('span', 'not a column'),
    ]
    const cols = columnsOf(nodes, DataColumn)
    expect(cols.map((c) => c.label)).toEqual(['', '名称', 'A', 'B'])
    expect(cols.map((c) => c.key)).toEqual([0, 1, 2, 3])
    expect(cols[0]).toMatchObject({ index: true, width: 50, sort: undefined })
    expect(cols[1]).toMatchObject({ minWidth: 280, align: 'left', sort: byValue, ellipsis: false })
    expect(cols[1].cell?.({ row: {}, $index: 0 })).toBe('cell')
    expect(cols[3]).toMatchObject({ align: 'right', ellipsis: true, className: 'x', sort: undefined })
    // A sortable column with a prop and no method compares the prop's raw values.
    expect(sortRows([{ a: 3 }, { a: null }, { a: 1 }], cols[2].sort, 'ascending')).toEqual([{ a: 1 }, { a: 3 }, { a: null }])
  })
})

describe('sortRows', () => {
  const rows = [
    { id: 'a', v: 2 },
    { id: 'b', v: 1 },
    { id: 'c', v: 2 },
    { id: 'd', v: null },
  ]
  const byV = byRaw<(typeof rows)[number]>((r) => r.v)
  it('keeps the given order without a sort and does not change its input', () => {
    expect(sortRows(rows, byV, null).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(sortRows(rows, undefined, 'ascending').map((r) => r.id)).toEqual(['a', 'b', 'c', 'd'])
    sortRows(rows, byV, 'descending')
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd'])
  })
  it('is stable both ways; a value-less row goes last ascending and first descending', () => {
    expect(sortRows(rows, byV, 'ascending').map((r) => r.id)).toEqual(['b', 'a', 'c', 'd'])
    expect(sortRows(rows, byV, 'descending').map((r) => r.id)).toEqual(['d', 'a', 'c', 'b'])
  })
  it('cycles none → ascending → descending → none', () => {
    expect(nextOrder(null)).toBe('ascending')
    expect(nextOrder('ascending')).toBe('descending')
    expect(nextOrder('descending')).toBe(null)
  })
})

describe('treeRows', () => {
  const tree = [
    { id: 'p', n: 2, children: [{ id: 'c2', n: 9 }, { id: 'c1', n: 1, children: [{ id: 'g', n: 0 }] }] },
    { id: 'q', n: 1, children: [] },
  ]
  type Z = { id: string; n: number; children?: Z[] }
  const byN = byRaw<Z>((z) => z.n)
  it('lists each row before its children with its depth, sorting siblings among themselves', () => {
    const shown = treeRows<Z>(tree, (z) => z.id, 'children', byN, 'ascending', new Set())
    expect(shown.map((r) => `${r.key}@${r.depth}${r.hasChildren ? '+' : ''}`)).toEqual(['q@0', 'p@0+', 'c1@1+', 'g@2', 'c2@1'])
    const unsorted = treeRows<Z>(tree, (z) => z.id, 'children', undefined, null, new Set())
    expect(unsorted.map((r) => r.key)).toEqual(['p', 'c2', 'c1', 'g', 'q'])
  })
  it('leaves out the descendants of a folded row', () => {
    const shown = treeRows<Z>(tree, (z) => z.id, 'children', undefined, null, new Set(['c1']))
    expect(shown.map((r) => r.key)).toEqual(['p', 'c2', 'c1', 'q'])
    expect(treeRows<Z>(tree, (z) => z.id, 'children', undefined, null, new Set(['p'])).map((r) => r.key)).toEqual(['p', 'q'])
  })
})
