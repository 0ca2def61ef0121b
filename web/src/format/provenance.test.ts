import { describe, expect, it } from 'vitest'
import { parseProvenance, provenanceItems } from './provenance'

describe('parseProvenance', () => {
  it('reads a section of the plan', () => {
    expect(parseProvenance('plan §3(1)2')).toEqual({ kind: 'plan', detail: '§3(1)2', raw: 'plan §3(1)2' })
  })
  it('reads a public source, keeping the source for the tooltip', () => {
    const p = parseProvenance('public: qinghe.gov.example post_2450003 (copy at mirror.example; 掌上青禾)')
    expect(p.kind).toBe('public')
    expect(p.detail).toBe('qinghe.gov.example post_2450003 (copy at mirror.example; 掌上青禾)')
  })
  it('reads sample data with and without a note', () => {
    expect(parseProvenance('sample')).toMatchObject({ kind: 'sample', detail: '' })
    expect(parseProvenance('sample: illustrative split')).toMatchObject({ kind: 'sample', detail: 'illustrative split' })
  })
  it('reads a user entry and a statistics table', () => {
    expect(parseProvenance('user: cluster-atlas (NBS indicator)')).toMatchObject({ kind: 'user', detail: 'cluster-atlas (NBS indicator)' })
    expect(parseProvenance('stats: 青禾统计年鉴 表5-3')).toMatchObject({ kind: 'stats', detail: '青禾统计年鉴 表5-3' })
  })
  it('keeps anything else as it is', () => {
    expect(parseProvenance('DataV GeoAtlas')).toEqual({ kind: 'other', detail: 'DataV GeoAtlas', raw: 'DataV GeoAtlas' })
  })
})

describe('provenanceItems', () => {
  it('accepts one string, a list or nothing', () => {
    expect(provenanceItems(null)).toEqual([])
    expect(provenanceItems('plan §4').map((i) => i.kind)).toEqual(['plan'])
    expect(provenanceItems(['plan §4', 'plan §5(1)', 'plan §4']).map((i) => i.detail)).toEqual(['§4', '§5(1)'])
  })
  it('merges every sample source into one mark with their notes', () => {
    const items = provenanceItems(['sample: a', 'plan §4', 'sample', 'sample: b', 'sample: a'])
    expect(items.map((i) => i.kind)).toEqual(['sample', 'plan'])
    expect(items[0].detail).toBe('a；b')
  })
  it('gathers the public reports of a record into one item listing each source', () => {
    const items = provenanceItems(['plan §5(3)', 'public: glass.example (玻璃网)', 'public: qinghe.gov.example post_2450003', 'public: glass.example (玻璃网)'])
    expect(items.map((i) => i.kind)).toEqual(['plan', 'public'])
    expect(items[1].details).toEqual(['glass.example (玻璃网)', 'qinghe.gov.example post_2450003'])
  })

  it('splits a cell of several sources ("; " as in the CSV tables) into its sources', () => {
    const items = provenanceItems('plan §3(1)1; plan §3(1)2; public: news.example/2022/0117/33917.html (青禾日报)')
    expect(items.map((i) => [i.kind, i.detail])).toEqual([
      ['plan', '§3(1)1'],
      ['plan', '§3(1)2'],
      ['public', 'news.example/2022/0117/33917.html (青禾日报)'],
    ])
    expect(provenanceItems(['plan §6(2)；plan §5(2)', 'plan §6(2)']).map((i) => i.detail)).toEqual(['§6(2)', '§5(2)'])
  })
})
