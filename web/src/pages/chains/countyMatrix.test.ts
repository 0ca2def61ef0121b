import { describe, expect, it } from 'vitest'
import type { ChainCounties, ChainCountyRow } from '../../api/client'
import { sortRows } from '../../components/dataTable'
import { compareStrength, countyMatrixRows, linkSort, matrixQuery, matrixSort, verdictRank, type MatrixRow } from './countyMatrix'

const links = ['castings', 'axle', 'kingpin'].map((id) => ({ id, name: { zh: id, en: id } }))
function county(id: string, verdicts: string[], output: number | null, sample = false): ChainCountyRow {
  const n = (v: string) => verdicts.filter((x) => x === v).length
  return {
    county: { id, name: { zh: `${id}区`, en: id } },
    present: verdicts.filter((v) => v !== 'missing').length,
    strong: n('strong'),
    weak: n('weak'),
    missing: n('missing'),
    area_output: output,
    sample,
    verdicts,
    gaps: links.filter((_, i) => verdicts[i] !== 'strong').map((l) => l.id),
  }
}
// In the answer's order: meijiang, meixian, xingning, pingyuan.
const answer: Pick<ChainCounties, 'links' | 'counties'> = {
  links,
  counties: [
    county('meijiang', ['strong', 'weak', 'missing'], 5_000_000_000),
    county('meixian', ['strong', 'strong', 'missing'], 24_800_000_000, true),
    county('xingning', ['missing', 'missing', 'missing'], null),
    county('pingyuan', ['weak', 'weak', 'missing'], 900_000_000),
  ],
}
const rows = countyMatrixRows(answer)
const ids = (rs: readonly MatrixRow[]) => rs.map((r) => r.id)

describe('countyMatrixRows', () => {
  it('makes a row per county in the answer’s order with its counts, output, sample mark and gaps', () => {
    expect(ids(rows)).toEqual(['meijiang', 'meixian', 'xingning', 'pingyuan'])
    expect(rows[1]).toMatchObject({ id: 'meixian', name: { zh: 'meixian区', en: 'meixian' }, present: 2, strong: 2, weak: 0, missing: 1, output: 24_800_000_000, sample: true, gaps: ['kingpin'] })
    expect(rows[2]).toMatchObject({ output: null, sample: false, strong: 0, missing: 3 })
  })
  it('gives every row one cell per link, in the order of the links, with the county’s verdict', () => {
    expect(rows[0].cells).toEqual([
      { link: 'castings', verdict: 'strong' },
      { link: 'axle', verdict: 'weak' },
      { link: 'kingpin', verdict: 'missing' },
    ])
    for (const r of rows) expect(r.cells.map((c) => c.link)).toEqual(['castings', 'axle', 'kingpin'])
  })
  it('fills a verdict the answer lacks with nothing and drops one too many', () => {
    const odd = countyMatrixRows({ links: links.slice(0, 2), counties: [county('a', ['weak'], 1), county('b', ['strong', 'weak', 'missing'], 1)] })
    expect(odd.map((r) => r.cells.map((c) => c.verdict))).toEqual([
      ['weak', ''],
      ['strong', 'weak'],
    ])
  })
  it('follows the plan’s order of counties when given one, counties it does not name last in the answer’s order', () => {
    expect(ids(countyMatrixRows(answer, ['pingyuan', 'meixian', 'meijiang', 'xingning']))).toEqual(['pingyuan', 'meixian', 'meijiang', 'xingning'])
    expect(ids(countyMatrixRows(answer, ['xingning', 'meijiang']))).toEqual(['xingning', 'meijiang', 'meixian', 'pingyuan'])
    expect(ids(countyMatrixRows(answer, ['nowhere']))).toEqual(ids(rows))
    expect(countyMatrixRows(answer, ['meixian'])[0].cells.map((c) => c.verdict)).toEqual(['strong', 'strong', 'missing'])
  })
  it('makes no rows for a plan without counties', () => {
    expect(countyMatrixRows({ links, counties: [] })).toEqual([])
  })
})

describe('sorting', () => {
  const asc = (cmp: (a: MatrixRow, b: MatrixRow) => number) => ids(sortRows(rows, cmp, 'ascending'))
  const desc = (cmp: (a: MatrixRow, b: MatrixRow) => number) => ids(sortRows(rows, cmp, 'descending'))
  it('ranks verdicts strong over weak over missing, an unknown one last', () => {
    expect(['missing', 'strong', '', 'weak'].map(verdictRank)).toEqual([1, 3, 0, 2])
  })
  it('sorts by strength: strong links, then weak ones, then fewer missing', () => {
    expect(asc(compareStrength)).toEqual(['xingning', 'pingyuan', 'meijiang', 'meixian'])
    expect(asc(matrixSort('strong'))).toEqual(['xingning', 'pingyuan', 'meijiang', 'meixian'])
    expect(desc(matrixSort('strong'))).toEqual(['meixian', 'meijiang', 'pingyuan', 'xingning'])
  })
  it('sorts by weak links, then weakest first; by missing links, then strongest first', () => {
    expect(asc(matrixSort('weak'))).toEqual(['xingning', 'meixian', 'meijiang', 'pingyuan'])
    expect(asc(matrixSort('missing'))).toEqual(['meixian', 'meijiang', 'pingyuan', 'xingning'])
    expect(desc(matrixSort('missing'))).toEqual(['xingning', 'pingyuan', 'meijiang', 'meixian'])
  })
  it('sorts by output, a county without output after the others ascending', () => {
    expect(asc(matrixSort('output'))).toEqual(['pingyuan', 'meijiang', 'meixian', 'xingning'])
    expect(desc(matrixSort('output'))[0]).toBe('xingning')
    expect(desc(matrixSort('output')).slice(1)).toEqual(['meixian', 'meijiang', 'pingyuan'])
  })
  it('sorts a link’s column by the county’s verdict of it, then by strength', () => {
    expect(asc(linkSort('castings'))).toEqual(['xingning', 'pingyuan', 'meijiang', 'meixian'])
    expect(desc(linkSort('axle'))).toEqual(['meixian', 'meijiang', 'pingyuan', 'xingning'])
    // Every county misses kingpins, and none has a verdict of a link the answer lacks: by strength alone.
    expect(asc(linkSort('kingpin'))).toEqual(asc(compareStrength))
    expect(asc(linkSort('tyre'))).toEqual(asc(compareStrength))
  })
  it('keeps equal counties in the plan’s order both ways round', () => {
    const twins = countyMatrixRows({ links, counties: [county('b', ['weak', 'weak', 'weak'], 1), county('a', ['weak', 'weak', 'weak'], 1)] })
    for (const order of ['ascending', 'descending'] as const) {
      for (const key of ['strong', 'weak', 'missing', 'output'] as const) expect(ids(sortRows(twins, matrixSort(key), order))).toEqual(['b', 'a'])
      expect(ids(sortRows(twins, linkSort('axle'), order))).toEqual(['b', 'a'])
    }
  })
})

describe('matrixQuery', () => {
  it('opens a county, keeping the chain, the year and the link open', () => {
    expect(matrixQuery({ chain: 'trailer', year: '2024', link: 'axle', plan: 'p' }, 'meixian')).toEqual({ chain: 'trailer', year: '2024', link: 'axle', plan: 'p', county: 'meixian' })
  })
  it('opens a county and a link from a cell', () => {
    expect(matrixQuery({ chain: 'trailer', link: 'axle' }, 'xingning', 'kingpin')).toEqual({ chain: 'trailer', link: 'kingpin', county: 'xingning' })
    expect(matrixQuery({}, 'meixian', 'axle')).toEqual({ county: 'meixian', link: 'axle' })
  })
})
