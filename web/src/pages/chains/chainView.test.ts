import { describe, expect, it } from 'vitest'
import type { Chain, Evidence, LinkVerdict } from '../../api/client'
import { chainFilters, chainReadQuery, chainsForClasses, decidedTexts, evidenceTagType, gapLinks, pickChain, pipelineState, verdictTagType } from './chainView'

describe('chainFilters', () => {
  it('reads the chain, the county, the year and the open link from the address', () => {
    expect(chainFilters({ chain: 'trailer', county: 'meixian', year: '2024', link: 'axle', plan: 'x' })).toEqual({ chain: 'trailer', county: 'meixian', year: 2024, link: 'axle' })
  })
  it('defaults to the first chain, the whole region and the latest year; a malformed year is none', () => {
    expect(chainFilters({})).toEqual({ chain: '', county: '', year: 0, link: '' })
    expect(chainFilters({ year: '20x4', chain: ['a', 'b'] })).toEqual({ chain: '', county: '', year: 0, link: '' })
  })
  it('makes the read with the county and year only when named', () => {
    expect(chainReadQuery({ county: '', year: 0 })).toEqual({ county: undefined, year: undefined })
    expect(chainReadQuery({ county: 'meixian', year: 2024 })).toEqual({ county: 'meixian', year: 2024 })
  })
})

describe('pickChain', () => {
  const chains = [{ id: 'nev' }, { id: 'trailer' }]
  it('shows the chain asked for when the plan has it, else its first', () => {
    expect(pickChain(chains, 'trailer')).toBe('trailer')
    expect(pickChain(chains, '')).toBe('nev')
    expect(pickChain(chains, 'ev-drive')).toBe('nev')
    expect(pickChain([], 'trailer')).toBe('')
  })
})

describe('tags', () => {
  it('colour verdicts green, amber and red', () => {
    expect(['strong', 'weak', 'missing', 'odd'].map(verdictTagType)).toEqual(['success', 'warning', 'danger', 'info'])
  })
  it('colour evidence met green, not met red, unknown amber and the rest quiet', () => {
    expect(['met', 'not-met', 'unknown', 'not-applicable', 'info'].map(evidenceTagType)).toEqual(['success', 'danger', 'warning', 'info', 'primary'])
  })
})

describe('decidedTexts', () => {
  const ev = (measure: string, decided: boolean, zh: string, en: string): Evidence => ({ measure, state: 'not-met', decided, value: null, threshold: null, text: { zh, en } })
  const evidence = [ev('makers', true, '仅一家', 'only one maker'), ev('anchor', false, '有龙头', 'an anchor'), ev('local-supply', true, '无英文', '')]
  it('lists the evidence that decided the verdict in the page’s language, Chinese when there is no English', () => {
    expect(decidedTexts(evidence, 'zh-CN')).toEqual(['仅一家', '无英文'])
    expect(decidedTexts(evidence, 'en')).toEqual(['only one maker', '无英文'])
  })
})

describe('gapLinks', () => {
  it('follows the order of the API’s gaps and skips ids it does not know', () => {
    const links = ['a', 'b', 'c'].map((id) => ({ id }) as LinkVerdict)
    expect(gapLinks({ links, gaps: ['c', 'x', 'a'] }).map((l) => l.id)).toEqual(['c', 'a'])
  })
})

describe('pipelineState', () => {
  it('says whether a project produces, is overdue, is due, or has no date', () => {
    expect(pipelineState({ due: '2022-09', done: true, overdue: false })).toBe('done')
    expect(pipelineState({ due: '2024', done: false, overdue: true })).toBe('overdue')
    expect(pipelineState({ due: '2027-06', done: false, overdue: false })).toBe('planned')
    expect(pipelineState({ due: null, done: false, overdue: false })).toBe('none')
  })
})

describe('chainsForClasses', () => {
  const cls = (code: string) => ({ code, name: { zh: code, en: code } })
  const chains: Chain[] = [
    {
      id: 'trailer',
      name: { zh: '挂车产业链', en: 'Trailer chain' },
      provenance: 'plan §6(2)',
      links: [
        { id: 'axle', name: { zh: '车轴', en: 'Axles' }, classes: [cls('axle')], enterprises: 1 },
        { id: 'axle-parts', name: { zh: '车轴配件', en: 'Axle parts' }, classes: [cls('axle-parts'), cls('axle')], enterprises: 2 },
        { id: 'tyre', name: { zh: '挂车轮胎', en: 'Tyres' }, classes: [cls('tyre')], enterprises: 1 },
      ],
      edges: [],
    },
    { id: 'nev', name: { zh: '三电', en: 'NEV' }, provenance: 'plan §6(3)', links: [{ id: 'foil', name: { zh: '铜箔', en: 'Foil' }, classes: [cls('copper-foil')], enterprises: 2 }], edges: [] },
  ]
  it('finds the chains and links whose classes hold any of the codes, in the plan’s order', () => {
    const m = chainsForClasses(chains, ['axle', 'chassis'])
    expect(m.map((x) => [x.chain.id, x.links.map((l) => l.id)])).toEqual([['trailer', ['axle', 'axle-parts']]])
    expect(chainsForClasses(chains, new Set(['copper-foil', 'tyre'])).map((x) => x.chain.id)).toEqual(['trailer', 'nev'])
  })
  it('finds none for no codes or codes no link holds', () => {
    expect(chainsForClasses(chains, [])).toEqual([])
    expect(chainsForClasses(chains, ['brake'])).toEqual([])
  })
})
