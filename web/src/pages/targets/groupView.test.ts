import { describe, expect, it } from 'vitest'
import type { Target, TargetGroup, TargetGroups } from '../../api/client'
import { groupByOf, groupFields, groupValueFormatter, groupView, pickGroupBy } from './groupView'

const target = (indicator: string, unit: Target['unit'], declared: Target['declared_unit'] = null) => ({ id: 't', indicator, unit, declared_unit: declared }) as Target
const ref = (id: string, zh: string, en: string) => ({ id, name: { zh, en } })
const group = (key: TargetGroup['key'], value: number | null, share: number | null, contributors: number, more: Partial<TargetGroup> = {}): TargetGroup => ({
  key,
  value,
  share,
  contributors,
  complete: true,
  period: '2025',
  sample: false,
  ...more,
})
const answer = (more: Partial<TargetGroups>): TargetGroups => ({
  meta: { snapshot_version: 1, as_of: '2026-12-07', data_as_of: '2026-10-31', sample: true },
  target: target('sum(output_value) in 2025', 'yuan'),
  by: 'county',
  expression: 'sum(output_value) in 2025 group by county',
  period: '2025',
  unit: 'yuan',
  total: { value: 7_280_000_000, contributors: 34, complete: true, sample: true },
  groups_overlap: false,
  groups: [],
  ...more,
})

// Total output by county as the server answers it (2025, Meizhou): the plan's counties in its
// order, the enterprises the plan names without a county last.
const byCounty = answer({
  groups: [
    group(ref('dabu', '大埔县', 'Dabu County'), 0, 0, 0),
    group(ref('meixian', '梅县区', 'Meixian District'), 3_435_000_000, 471_841, 6, { sample: true }),
    group(ref('jiaoling', '蕉岭县', ''), 40_000_000, 5_495, 1, { sample: true }),
    group(null, 3_020_000_000, 414_835, 17, { sample: true }),
  ],
})

describe('groupFields', () => {
  it('offers county, zone and segment for enterprises; county, zone and type for projects; kind and level for carriers', () => {
    expect(groupFields('enterprises')).toEqual(['county', 'zone', 'segment'])
    expect(groupFields('projects')).toEqual(['county', 'zone', 'type'])
    expect(groupFields('carriers')).toEqual(['kind', 'level'])
    expect(groupFields('supplier_entries')).toEqual(['class'])
  })
  it('offers nothing for a stated figure or a set it does not know', () => {
    expect(groupFields('enterprises', true)).toEqual([])
    expect(groupFields('villages')).toEqual([])
  })
})

describe('the field read', () => {
  it('is the address’s, else the first offered, else county', () => {
    expect(pickGroupBy(['county', 'zone'], groupByOf({ by: 'zone' }))).toBe('zone')
    expect(pickGroupBy(['kind', 'level'], groupByOf({}))).toBe('kind')
    expect(pickGroupBy([], groupByOf({}))).toBe('county')
    // A field the card does not offer is still asked for: the server says why it cannot be.
    expect(pickGroupBy(['kind', 'level'], groupByOf({ by: 'county' }))).toBe('county')
  })
  it('ignores a malformed or repeated ?by=', () => {
    expect(groupByOf({ by: ['zone', 'county'] })).toBe('')
    expect(groupByOf({ by: 'zone"><x' })).toBe('')
    expect(groupByOf({ by: '' })).toBe('')
  })
})

describe('groupView', () => {
  it('keeps the API’s order and names each group in the language, Chinese when there is no English', () => {
    const zh = groupView(byCounty, { locale: 'zh-CN', notRecorded: '未登记区县' })
    expect(zh.rows.map((r) => r.label)).toEqual(['大埔县', '梅县区', '蕉岭县', '未登记区县'])
    const en = groupView(byCounty, { locale: 'en', notRecorded: 'County not recorded' })
    expect(en.rows.map((r) => r.label)).toEqual(['Dabu County', 'Meixian District', '蕉岭县', 'County not recorded'])
  })
  it('labels the records without a value of the field and keeps their id null', () => {
    const v = groupView(byCounty, { locale: 'zh-CN', notRecorded: '未登记区县' })
    const last = v.rows[3]
    expect(last).toMatchObject({ id: null, unrecorded: true, contributors: 17, contributorsText: '17家', sample: true })
    expect(v.rows[1]).toMatchObject({ id: 'meixian', unrecorded: false })
  })
  it('formats money in one magnitude for the card, the total included', () => {
    const zh = groupView(byCounty, { locale: 'zh-CN', notRecorded: '' })
    expect(zh.rows.map((r) => r.valueText)).toEqual(['0亿元', '34.35亿元', '0.4亿元', '30.2亿元'])
    expect(zh.total.valueText).toBe('72.8亿元')
    const en = groupView(byCounty, { locale: 'en', notRecorded: '' })
    expect(en.rows[1].valueText).toBe('¥3.44 billion')
    expect(en.rows[1].contributorsText).toBe('6 enterprises')
    expect(en.total.contributorsText).toBe('34 enterprises')
  })
  it('gives shares in percent with a bar, and the total 100%', () => {
    const v = groupView(byCounty, { locale: 'zh-CN', notRecorded: '' })
    expect(v.showShares).toBe(true)
    expect(v.rows.map((r) => r.shareText)).toEqual(['0%', '47.2%', '0.5%', '41.5%'])
    expect(v.rows[1].bar).toBeCloseTo(47.1841)
    expect(v.rows[1].share).toBe(471_841)
    expect(v.total.shareText).toBe('100%')
  })
  it('shows no shares when the groups overlap (zones within zones)', () => {
    const zones = answer({
      by: 'zone',
      groups_overlap: true,
      groups: [group(ref('gac-park', '广汽零部件产业园', 'GAC park'), 1_765_000_000, null, 9), group(ref('meizhou-htz', '梅州高新区', 'High-tech Zone'), 1_765_000_000, null, 9), group(null, 2_660_000_000, null, 19)],
    })
    const v = groupView(zones, { locale: 'zh-CN', notRecorded: '未登记园区' })
    expect(v.overlap).toBe(true)
    expect(v.showShares).toBe(false)
    expect(v.rows.every((r) => r.shareText === '' && r.bar === 0 && r.share === null)).toBe(true)
    expect(v.total.shareText).toBe('')
    expect(v.rows[2].label).toBe('未登记园区')
  })
  it('shows no shares when the answer gives none (a total of 0, a ratio)', () => {
    const v = groupView(answer({ total: { value: 0, contributors: 0, complete: true, sample: false }, groups: [group(ref('dabu', '大埔县', 'Dabu County'), 0, null, 0)] }), { locale: 'zh-CN', notRecorded: '' })
    expect(v.showShares).toBe(false)
    expect(v.rows[0].shareText).toBe('')
  })
  it('names the period of an incomplete group and of the total', () => {
    const partial = answer({
      period: '2025-01~05',
      total: { value: 2_825_410_000, contributors: 34, complete: false, sample: true },
      groups: [group(ref('meixian', '梅县区', 'Meixian District'), 1_346_870_000, 476_699, 6, { complete: false, period: '2025-01~05' }), group(ref('dabu', '大埔县', 'Dabu County'), 0, 0, 0)],
    })
    const zh = groupView(partial, { locale: 'zh-CN', notRecorded: '' })
    expect(zh.periodText).toBe('2025年1—5月')
    expect(zh.rows.map((r) => [r.complete, r.incompleteText])).toEqual([
      [false, '2025年1—5月'],
      [true, ''],
    ])
    expect(zh.total).toMatchObject({ complete: false, incompleteText: '2025年1—5月' })
    expect(groupView(partial, { locale: 'en', notRecorded: '' }).rows[0].incompleteText).toBe('2025 Jan–May')
  })
  it('has no period text for an indicator without one (a cumulative count)', () => {
    const v = groupView(answer({ period: null, unit: 'count', target: target('count(projects) where signed in 2021..2025', 'count'), total: { value: 15, contributors: 15, complete: true, sample: true }, groups: [group(ref('meixian', '梅县区', 'Meixian District'), 3, 200_000, 3, { period: null })] }), { locale: 'zh-CN', notRecorded: '' })
    expect(v.periodText).toBe('')
    expect(v.set).toBe('projects')
    expect(v.rows[0]).toMatchObject({ valueText: '3项', contributorsText: '3项', shareText: '20%' })
  })
})

describe('groupValueFormatter', () => {
  const base = { groups: [], total: { value: null, contributors: 0, complete: true, sample: false } }
  it('counts with the plan’s declared unit, else the counted noun', () => {
    const enterprise = { id: 'enterprise', measure: 'count' as const, name: { zh: '家', en: 'enterprise | enterprises' }, scales: [], provenance: null }
    const declared = groupValueFormatter({ ...base, unit: 'count', target: target('count(enterprises) where output_value > 1亿 in 2025', 'count', enterprise) }, 'en')
    expect([declared(1), declared(5)]).toEqual(['1 enterprise', '5 enterprises'])
    const carriers = groupValueFormatter({ ...base, unit: 'count', target: target('count(carriers) where recognized in 2021..2025', 'count') }, 'zh-CN')
    expect(carriers(2)).toBe('2个')
  })
  it('formats shares, tonnes of coal equivalent and missing values', () => {
    const pct = groupValueFormatter({ ...base, unit: 'percent', target: target('ratio(x)', 'percent') }, 'zh-CN')
    expect(pct(185_000)).toBe('18.5%')
    const tce = groupValueFormatter({ ...base, unit: 'tce', target: target('sum(energy) in 2025', 'count') }, 'zh-CN')
    expect(tce(1234.5)).toBe('1,234.5吨标准煤')
    expect(groupValueFormatter({ ...base, unit: 'tce', target: target('sum(energy) in 2025', 'count') }, 'en')(12)).toBe('12 tce')
    expect(tce(null)).toBe('—')
    expect(pct(null)).toBe('—')
  })
})
