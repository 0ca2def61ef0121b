import { describe, expect, it } from 'vitest'
import type { FirmChange, WhatIfAnswerChange } from '../../api/client'
import { withChange } from '../../format/forecast'
import { candidateGroups, candidateScale, countedIn, firmMonths, firmOf, monthAfter, monthProblem, outputYuan, sameFirm, utf8Bytes, yiInput } from './firm'

describe('a firm’s output in 亿元', () => {
  it('is yuan a year, whole', () => {
    expect(outputYuan('5')).toBe(5e8)
    expect(outputYuan('12.5')).toBe(1.25e9)
    expect(outputYuan(' 0.1 ')).toBe(1e7)
    expect(outputYuan('.5')).toBe(5e7)
    expect(outputYuan('1,000')).toBe(1e11)
    expect(outputYuan('０．５')).toBe(5e7)
    expect(outputYuan('100000')).toBe(1e13)
  })
  it('is above 0 and at most 1e13 yuan', () => {
    for (const bad of ['', '0', '-1', '100000.01', 'abc', '1e3', '5亿', '--1', '0.000000001']) expect(outputYuan(bad), bad).toBeNull()
  })
  it('is written back in 亿元', () => {
    expect(yiInput(1.25e9)).toBe('12.5')
    expect(yiInput(123456789)).toBe('1.2346')
    expect(outputYuan(yiInput(3.3e9))).toBe(3.3e9)
  })
})

describe('a firm’s month', () => {
  it('defaults to the month after the as-of date', () => {
    expect(monthAfter('2023-06-30')).toBe('2023-07')
    expect(monthAfter('2023-12-31')).toBe('2024-01')
    expect(monthAfter('')).toBeNull()
    expect(monthAfter(null)).toBeNull()
  })
  it('runs from the as-of month to December 30 years later', () => {
    expect(firmMonths('2023-06-30')).toEqual({ first: '2023-06', last: '2053-12' })
    expect(monthProblem('2023-06', '2023-06-30')).toBeNull()
    expect(monthProblem('2053-12', '2023-06-30')).toBeNull()
    expect(monthProblem('2023-05', '2023-06-30')).toBe('early')
    expect(monthProblem('2054-01', '2023-06-30')).toBe('late')
    expect(monthProblem('', '2023-06-30')).toBe('missing')
    expect(monthProblem(null, '2023-06-30')).toBe('missing')
    expect(monthProblem('2023-13', '2023-06-30')).toBe('shape')
    expect(monthProblem('2023-6', null)).toBe('shape')
    expect(monthProblem('1999-01', null)).toBeNull()
  })
})

describe('the firm the form describes', () => {
  it('needs a segment, an output and a month; leaves empty fields out', () => {
    expect(firmOf({ segment: 's', output: 5e8, from: '2024-01', zone: '', county: null, candidate: '', name: '  ' })).toEqual({ kind: 'firm', segment: 's', output: 5e8, from: '2024-01' })
    expect(firmOf({ segment: 's', output: 5e8, from: '2024-01', zone: 'z', county: 'c', candidate: 'k', name: ' 甲 ' })).toEqual({ kind: 'firm', segment: 's', output: 5e8, from: '2024-01', zone: 'z', county: 'c', candidate: 'k', name: '甲' })
    expect(firmOf({ segment: '', output: 5e8, from: '2024-01' })).toBeNull()
    expect(firmOf({ segment: 's', output: null, from: '2024-01' })).toBeNull()
    expect(firmOf({ segment: 's', output: 5e8, from: null })).toBeNull()
  })
  it('measures its name in bytes', () => {
    expect(utf8Bytes('abc')).toBe(3)
    expect(utf8Bytes('新能源')).toBe(9)
  })
  it('replaces the same firm, sits beside another', () => {
    const a: FirmChange = { kind: 'firm', segment: 's', output: 5e8, from: '2024-01' }
    expect(withChange([a], { ...a })).toEqual([a])
    expect(withChange([a], { ...a, name: 'b' })).toHaveLength(2)
    expect(withChange([{ kind: 'growth', segment: 's', growth: 0.1 }], a)).toHaveLength(2)
  })
})

describe('the targets that count a firm', () => {
  const a: FirmChange = { kind: 'firm', segment: 's', output: 5e8, from: '2024-01' }
  const b: FirmChange = { kind: 'firm', segment: 't', output: 1e9, from: '2025-01', name: 'B' }
  it('come from the answer’s firms, after its other changes, in order', () => {
    const answer: WhatIfAnswerChange[] = [
      { kind: 'cancel', project: 'p' },
      { ...a, counted_in: ['x', 'y'] },
      { ...b, counted_in: [] },
    ]
    const m = countedIn([a, { kind: 'cancel', project: 'p' }, b], answer)
    expect([...m.entries()]).toEqual([
      [0, ['x', 'y']],
      [2, []],
    ])
  })
  it('are not claimed from an answer to another list', () => {
    expect(countedIn([b, a], [{ ...a, counted_in: ['x'] }, { ...b, counted_in: ['y'] }]).size).toBe(0)
    expect(countedIn([a], null).size).toBe(0)
    expect(countedIn([a], []).size).toBe(0)
    expect(sameFirm(a, { ...a, zone: 'z' })).toBe(false)
  })
})

describe('the chain candidates', () => {
  it('give their size when known', () => {
    expect(candidateScale({ scale: 2.5e9 })).toBe(2.5e9)
    expect(candidateScale({ scale: null })).toBeNull()
    expect(candidateScale({ scale: 0 })).toBeNull()
    expect(candidateScale({})).toBeNull()
  })
  it('are grouped by chain, best first, each once', () => {
    const cand = (id: string, score: number, zh = id) => ({ id, name: { zh, en: id }, score, features: [], sample: false })
    const chains = [
      { id: 'c1', name: { zh: '链一', en: 'one' }, links: [{ id: 'l1', name: { zh: '甲', en: 'A' } }, { id: 'l2', name: { zh: '乙', en: 'B' } }] },
      { id: 'c2', name: { zh: '链二', en: 'two' }, links: [{ id: 'l3', name: { zh: '丙', en: 'C' } }] },
      { id: 'c3', name: { zh: '链三', en: 'three' }, links: [{ id: 'l4', name: { zh: '丁', en: 'D' } }] },
    ]
    const groups = candidateGroups(chains as never, [[{ candidates: [cand('x', 40), cand('y', 60)] } as never, { candidates: [cand('x', 50)] } as never], [{ candidates: [cand('x', 90), cand('z', 10)] } as never], [null]])
    expect(groups.map((g) => g.chain.id)).toEqual(['c1', 'c2'])
    expect(groups[0].candidates.map((c) => [c.id, c.score, c.links.map((l) => l.en)])).toEqual([
      ['y', 60, ['A']],
      ['x', 50, ['A', 'B']],
    ])
    expect(groups[1].candidates.map((c) => c.id)).toEqual(['z'])
  })
})
