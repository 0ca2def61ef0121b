import { describe, expect, it } from 'vitest'
import type { EnterpriseChainLink, EnterpriseChainPartner } from '../../api/client'
import { chainLinkQuery, chainPlaceRows, mergePartners, partnerDetails, type PartnerEntry } from './chainPlace'

const n = (zh: string, en = '') => ({ zh, en })
const link = (id: string, zh: string, en = '') => ({ id, name: n(zh, en) })
const meixian = { id: 'meixian', name: n('梅县区', 'Meixian District') }
const partner = (id: string, linkId: string, linkZh: string, over: Partial<EnterpriseChainPartner> = {}): EnterpriseChainPartner => ({
  id,
  name: n(`${id}公司`, `${id} Co.`),
  county: null,
  class: null,
  link: link(linkId, linkZh),
  local: true,
  sample: false,
  ...over,
})

describe('mergePartners', () => {
  it('shows a partner named for two of its links once, with both links', () => {
    const merged = mergePartners([partner('fude-metal', 'brake-drum', '制动鼓'), partner('fude-metal', 'wheel-hub', '轮毂')])
    expect(merged).toHaveLength(1)
    expect(merged[0]!.id).toBe('fude-metal')
    expect(merged[0]!.links.map((l) => l.id)).toEqual(['brake-drum', 'wheel-hub'])
  })

  it('keeps each link and class once, the first county known, and the sample mark of any relation', () => {
    const merged = mergePartners([
      partner('a', 'castings', '铸件', { class: '1001' }),
      partner('a', 'castings', '铸件', { class: '1001', county: meixian, sample: true }),
      partner('a', 'forgings', '锻件', { class: '1002' }),
    ])
    expect(merged).toEqual([{ id: 'a', name: n('a公司', 'a Co.'), county: meixian, links: [link('castings', '铸件'), link('forgings', '锻件')], classes: ['1001', '1002'], local: true, sample: true }])
  })

  it('lists local partners first, otherwise in the answer’s order', () => {
    const merged = mergePartners([partner('far', 'x', 'X', { local: false }), partner('b', 'x', 'X'), partner('c', 'y', 'Y'), partner('far2', 'y', 'Y', { local: false }), partner('b', 'y', 'Y')])
    expect(merged.map((p) => p.id)).toEqual(['b', 'c', 'far', 'far2'])
    expect(merged.find((p) => p.id === 'far')!.local).toBe(false)
    expect(merged.find((p) => p.id === 'b')!.links.map((l) => l.id)).toEqual(['x', 'y'])
  })

  it('leaves an empty side empty', () => {
    expect(mergePartners([])).toEqual([])
  })
})

describe('chainPlaceRows', () => {
  const trailer = link('trailer', '挂车产业链', 'Trailer chain')
  const answer: EnterpriseChainLink[] = [
    { chain: trailer, link: link('axle-parts', '车轴配件'), upstream: [partner('hongyu', 'castings', '铸造零部件')], downstream: [] },
    { chain: trailer, link: link('axle', '车轴'), upstream: [partner('fude-metal', 'brake-drum', '制动鼓'), partner('fude-metal', 'wheel-hub', '轮毂')], downstream: [partner('haolong', 'trailer-assembly', '挂车整车')] },
  ]

  it('makes one row per link the enterprise makes, in the answer’s order, with both sides merged', () => {
    const rows = chainPlaceRows(answer)
    expect(rows.map((r) => r.key)).toEqual(['trailer/axle-parts', 'trailer/axle'])
    expect(rows[0]!.chain).toBe(trailer)
    expect(rows[0]!.upstream.map((p) => p.id)).toEqual(['hongyu'])
    expect(rows[0]!.downstream).toEqual([])
    expect(rows[1]!.upstream.map((p) => [p.id, p.links.length])).toEqual([['fude-metal', 2]])
    expect(rows[1]!.downstream.map((p) => p.id)).toEqual(['haolong'])
  })

  it('makes no row of an absent or empty answer, and no second row of a repeated link', () => {
    expect(chainPlaceRows(undefined)).toEqual([])
    expect(chainPlaceRows([])).toEqual([])
    expect(chainPlaceRows([answer[0]!, answer[0]!])).toHaveLength(1)
  })

  it('links a row to the Chains page opened on its chain and link', () => {
    expect(chainLinkQuery(chainPlaceRows(answer)[1]!)).toEqual({ chain: 'trailer', link: 'axle' })
  })
})

describe('partnerDetails', () => {
  const entry = (over: Partial<PartnerEntry> = {}): PartnerEntry => ({ id: 'p', name: n('甲'), county: null, links: [link('brake-drum', '制动鼓', 'Brake drums'), link('wheel-hub', '轮毂', 'Wheel hubs')], classes: [], local: true, sample: false, ...over })
  const zh = { name: (x: { zh: string; en: string }) => x.zh, className: (c: string) => (c === '1001' ? '制动鼓总成' : c), listSep: '、' }
  const en = { name: (x: { zh: string; en: string }) => x.en || x.zh, className: (c: string) => c, listSep: ', ' }

  it('names the partner’s links in the page’s language, joined its way', () => {
    expect(partnerDetails(entry(), zh)).toEqual(['制动鼓、轮毂'])
    expect(partnerDetails(entry(), en)).toEqual(['Brake drums, Wheel hubs'])
  })

  it('adds the county when known and the classes when the relations name any', () => {
    expect(partnerDetails(entry({ county: meixian, classes: ['1001', '9999'] }), zh)).toEqual(['制动鼓、轮毂', '梅县区', '制动鼓总成、9999'])
    expect(partnerDetails(entry({ county: meixian }), en)).toEqual(['Brake drums, Wheel hubs', 'Meixian District'])
  })
})
