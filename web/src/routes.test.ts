import { describe, expect, it } from 'vitest'
import { AtlasClient, reads } from './api/client'
import { appRoutes, matchRoute } from './routes'
import { enterpriseFilters, enterpriseListQuery } from './pages/enterprises/listQuery'
import { projectFilters, projectListQuery } from './pages/projects/listQuery'
import { chainFilters, chainReadQuery } from './pages/chains/chainView'
import { groupByOf, groupFields, pickGroupBy } from './pages/targets/groupQuery'

const client = new AtlasClient({ context: () => ({ asOf: '2024-06-30', sample: false }), fetch: async () => new Response('{}') })
const urls = (path: string, search = '') => {
  const m = matchRoute(path)
  if (!m) return null
  const query = Object.fromEntries(new URLSearchParams(search))
  return { name: m.route.name, urls: (m.route.reads?.({ params: m.params, query }) ?? []).map((r) => client.readUrl(r)) }
}

describe('matchRoute', () => {
  it('finds each page by its address, with its parameters decoded', () => {
    expect(matchRoute('/')?.route.name).toBe('targets')
    expect(matchRoute('/targets/total-output')).toMatchObject({ route: { name: 'target' }, params: { id: 'total-output' } })
    expect(matchRoute('/enterprises/')?.route.name).toBe('enterprises')
    expect(matchRoute('/enterprises/%E5%8D%9A%E5%A8%81')?.params).toEqual({ id: '博威' })
    expect(matchRoute('/projects/axle-works-phase2')?.route.name).toBe('project')
    expect(matchRoute('/zones')?.route.name).toBe('zones')
    expect(matchRoute('/chains')?.route.name).toBe('chains')
  })
  it('sends anything else to the not-found page, a malformed escape included', () => {
    expect(matchRoute('/nowhere/at/all')?.route.name).toBe('not-found')
    expect(matchRoute('/targets/%E0%A4%A')?.route.name).toBe('not-found')
  })
  it('knows every page of the router', () => {
    expect(appRoutes.map((r) => r.name)).toEqual(['targets', 'target', 'forecast', 'enterprises', 'enterprise', 'projects', 'project', 'zones', 'taxonomy', 'chains', 'login', 'setup', 'not-found'])
  })
})

describe("a page's early reads", () => {
  it('are the URLs the page itself reads, with the address settings', () => {
    expect(urls('/')?.urls).toEqual(['/api/v1/targets?as_of=2024-06-30&sample=false', '/api/v1/plan?as_of=2024-06-30&sample=false'])
    expect(urls('/targets/a%2Fb')?.urls).toEqual(['/api/v1/targets/a%2Fb?limit=100&as_of=2024-06-30&sample=false'])
    // The 分组 card's field, when the address names it, as the card reads it.
    expect(urls('/targets/total-output', 'by=zone')?.urls).toEqual([
      '/api/v1/targets/total-output?limit=100&as_of=2024-06-30&sample=false',
      client.readUrl(reads.targetGroups('total-output', { by: pickGroupBy(groupFields('enterprises'), groupByOf({ by: 'zone' })) })),
    ])
    expect(client.readUrl(reads.targetGroups('total-output', { by: 'zone' }))).toBe('/api/v1/targets/total-output/groups?by=zone&as_of=2024-06-30&sample=false')
  })
  it('of the list pages follow the filters in the address, as the page reads them', () => {
    const search = 'county=hillside&sort=-output_value&page=3&size=50'
    const page = client.readUrl(reads.enterprises(enterpriseListQuery(enterpriseFilters(Object.fromEntries(new URLSearchParams(search))))))
    expect(urls('/enterprises', search)?.urls).toContain(page)
    expect(page).toContain('offset=100&limit=50')
    const p = urls('/projects', 'late=true&page=2')?.urls ?? []
    expect(p).toContain(client.readUrl(reads.projects(projectListQuery(projectFilters({ late: 'true', page: '2' })))))
    expect(p.join(' ')).toContain('late=true')
    expect(p.join(' ')).toContain('offset=50')
  })
  it("of the chains page are the list of chains and the chain the address names, for its county and year", () => {
    expect(urls('/chains')?.urls).toEqual(['/api/v1/chains?as_of=2024-06-30&sample=false'])
    expect(urls('/chains', 'chain=trailer&county=meixian&link=axle')?.urls).toEqual([
      '/api/v1/chains?as_of=2024-06-30&sample=false',
      '/api/v1/chains/trailer?county=meixian&as_of=2024-06-30&sample=false',
    ])
    expect(urls('/chains', 'chain=a%2Fb&year=2024')?.urls).toContain('/api/v1/chains/a%2Fb?year=2024&as_of=2024-06-30&sample=false')
    // The same URL the page reads.
    expect(urls('/chains', 'chain=trailer&county=meixian')?.urls).toContain(client.readUrl(reads.chain('trailer', chainReadQuery(chainFilters({ chain: 'trailer', county: 'meixian' })))))
  })
  it('of the forecast page are the base forecast, the targets and the key projects; with changes in the address, no base read', () => {
    expect(matchRoute('/forecast')?.route.name).toBe('forecast')
    expect(urls('/forecast')?.urls).toEqual([
      '/api/v1/forecast?as_of=2024-06-30&sample=false',
      '/api/v1/targets?as_of=2024-06-30&sample=false',
      '/api/v1/projects?limit=500&as_of=2024-06-30&sample=false',
    ])
    expect(urls('/forecast', 'change=cancel%3Ap1')?.urls).toEqual(['/api/v1/targets?as_of=2024-06-30&sample=false', '/api/v1/projects?limit=500&as_of=2024-06-30&sample=false'])
  })
  it('are none for the not-found page', () => {
    expect(urls('/nowhere')?.urls).toEqual([])
  })
  it('are none for the sign-in and first-administrator pages', () => {
    expect(urls('/login', 'redirect=%2Fforecast')).toEqual({ name: 'login', urls: [] })
    expect(urls('/setup')).toEqual({ name: 'setup', urls: [] })
  })
})
