import { describe, expect, it } from 'vitest'
import {
  buildChainGraph,
  CHAIN_GRAPH,
  chainBoxWidth,
  chainColumns,
  chainGraphHeight,
  chainLayers,
  chainLayout,
  edgePath,
  EDGE_COLOUR,
  MISSING_DASH,
  SAMPLE_TAG,
  SELECTED_COLOUR,
  spaceOut,
  VERDICT_COLOURS,
  type ChainGraphEdge,
  type ChainGraphInput,
  type ChainGraphLink,
} from './chainGraph'
import type { ChartModel, PathMark, TextMark } from './svg'
import { contrast } from '../a11y/contrast'

const paths = (c: ChartModel) => c.marks.filter((m): m is PathMark => m.kind === 'path')
const texts = (c: ChartModel) => c.marks.filter((m): m is TextMark => m.kind === 'text')
/** The link boxes: the marks that take the focus. */
const boxes = (c: ChartModel) => paths(c).filter((p) => p.focus)
const box = (c: ChartModel, id: string) => boxes(c).find((p) => p.click === id)!
/** A rounded box's top-left corner from its path (chainGraph.ts roundedRect: M x+r,y …). */
const corner = (d: string) => {
  const [x, y] = d.match(/^M(-?[\d.]+),(-?[\d.]+)/)!.slice(1).map(Number)
  return { x: x! - 4, y: y! }
}

// Meizhou's trailer chain (data/plans/meizhou-autoparts-2021-2025.toml, plan §6(2)) as the region
// judges it on the embedded data: kingpins and landing legs missing, the axle weak (one maker).
const link = (id: string, verdict: string, makers: number, extra: Partial<ChainGraphLink> = {}): ChainGraphLink => ({ id, name: id, verdict, makers, sample: false, decided: [], ...extra })
const trailer: ChainGraphLink[] = [
  link('moulds', 'weak', 1, { sample: true }),
  link('castings', 'weak', 3, { sample: true }),
  link('brake-drum', 'weak', 2),
  link('wheel-hub', 'weak', 1),
  link('brake-shoe-lining', 'weak', 1),
  link('axle-parts', 'strong', 2, { decided: ['本地生产企业2家（至少需2家）', '龙头企业：BPW（梅州）车轴有限公司（规划点名）'] }),
  link('axle', 'weak', 1, { decided: ['本地生产企业1家（至少需2家），2025年产值合计24.8亿元：仅一家，单点依赖'] }),
  link('tyre', 'weak', 1),
  link('kingpin', 'missing', 0, { decided: ['本地无生产企业'], closes: '2027年6月' }),
  link('landing-leg', 'missing', 0, { decided: ['本地无生产企业'] }),
  link('trailer-assembly', 'weak', 2),
]
const trailerEdges: ChainGraphEdge[] = [
  { from: 'moulds', to: 'castings' },
  { from: 'castings', to: 'brake-drum' },
  { from: 'castings', to: 'wheel-hub' },
  { from: 'castings', to: 'axle-parts' },
  { from: 'brake-drum', to: 'axle' },
  { from: 'wheel-hub', to: 'axle' },
  { from: 'brake-shoe-lining', to: 'axle' },
  { from: 'axle-parts', to: 'axle' },
  { from: 'axle', to: 'trailer-assembly' },
  { from: 'tyre', to: 'trailer-assembly' },
  { from: 'kingpin', to: 'trailer-assembly' },
  { from: 'landing-leg', to: 'trailer-assembly' },
]

const VERDICT: Record<string, string> = { strong: '强链', weak: '弱链', missing: '缺链' }
const labels: ChainGraphInput['labels'] = {
  verdict: (v) => VERDICT[v] ?? v,
  makers: (n) => `${n} 家企业`,
  sample: '示例',
  sampleTip: '含示例数据',
  closes: (when) => `预计 ${when} 补链`,
  makersUnit: '家',
  edge: '上游 → 下游',
}
const input: ChainGraphInput = { links: trailer, edges: trailerEdges, labels }
const build = (i: ChainGraphInput = input, width = 1200) => buildChainGraph(i, width, chainGraphHeight(i.links, i.edges))

describe('chainLayers', () => {
  it('puts each link at the longest path to it from a link nothing supplies', () => {
    const layers = chainLayers(trailer, trailerEdges)
    expect(Object.fromEntries(layers)).toEqual({
      moulds: 0,
      castings: 1,
      'brake-drum': 2,
      'wheel-hub': 2,
      'brake-shoe-lining': 0,
      'axle-parts': 2,
      axle: 3,
      tyre: 0,
      kingpin: 0,
      'landing-leg': 0,
      'trailer-assembly': 4,
    })
  })
  it('ignores edges naming unknown links and never runs away on a cycle', () => {
    const links = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    expect(Object.fromEntries(chainLayers(links, [{ from: 'a', to: 'x' }, { from: 'y', to: 'b' }]))).toEqual({ a: 0, b: 0, c: 0 })
    const cyclic = chainLayers(links, [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }])
    for (const v of cyclic.values()) expect(v).toBeLessThan(links.length)
  })
  it('keeps links without edges in the first column', () => {
    expect(Object.fromEntries(chainLayers([{ id: 'a' }, { id: 'b' }], []))).toEqual({ a: 0, b: 0 })
  })
})

describe('chainLayout', () => {
  const layout = chainLayout(trailer, trailerEdges)
  const item = (key: string) => layout.items.find((it) => it.key === key)!

  it('gives an edge that spans columns a pass of its own in each column between', () => {
    expect(layout.columns).toBe(5)
    const kingpin = layout.routes.find((r) => r.from === 'kingpin')!
    expect(kingpin.keys).toHaveLength(5) // kingpin, passes in columns 1–3, the assembly
    expect(kingpin.keys.slice(1, -1).map((k) => item(k).layer)).toEqual([1, 2, 3])
    expect(kingpin.keys.slice(1, -1).every((k) => item(k).link === '')).toBe(true)
    expect(layout.routes.find((r) => r.from === 'castings' && r.to === 'wheel-hub')!.keys).toEqual(['castings', 'wheel-hub'])
  })

  it('keeps boxes apart in a column, and a pass clear of every box', () => {
    const G = CHAIN_GRAPH
    for (let k = 0; k < layout.columns; k++) {
      const col = layout.items.filter((it) => it.layer === k).sort((a, b) => a.order - b.order)
      for (let i = 1; i < col.length; i++) {
        const [a, b] = [col[i - 1]!, col[i]!]
        const need = ((a.link ? G.boxHeight : 0) + (b.link ? G.boxHeight : 0)) / 2 + (a.link && b.link ? G.boxGap : G.passGap)
        expect(b.y - a.y, `${a.key} / ${b.key}`).toBeGreaterThanOrEqual(need - 0.11)
      }
    }
  })

  it('starts at the top margin and is as tall as its tallest column', () => {
    const tops = layout.items.map((it) => it.y - (it.link ? CHAIN_GRAPH.boxHeight / 2 : 0))
    expect(Math.min(...tops)).toBeCloseTo(CHAIN_GRAPH.padY, 0)
    const bottoms = layout.items.map((it) => it.y + (it.link ? CHAIN_GRAPH.boxHeight / 2 : 0))
    expect(layout.height).toBe(Math.ceil(Math.max(...bottoms) + CHAIN_GRAPH.padY))
    expect(chainGraphHeight(trailer, trailerEdges)).toBe(layout.height)
  })

  it('draws a straight chain on one line', () => {
    const links = ['a', 'b', 'c'].map((id) => ({ id }))
    const l = chainLayout(links, [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }])
    expect(new Set(l.items.map((it) => it.y)).size).toBe(1)
    expect(l.items.map((it) => it.layer)).toEqual([0, 1, 2])
  })

  it('orders a column to avoid crossings', () => {
    // a→d and b→c drawn in the plan's order cross; the layout swaps one column.
    const links = ['a', 'b', 'c', 'd'].map((id) => ({ id }))
    const l = chainLayout(links, [{ from: 'a', to: 'd' }, { from: 'b', to: 'c' }])
    const y = (k: string) => l.items.find((it) => it.key === k)!.y
    expect(Math.sign(y('a') - y('b'))).toBe(Math.sign(y('d') - y('c')))
  })

  it('is empty without links', () => {
    expect(chainLayout([], [])).toEqual({ columns: 0, items: [], routes: [], height: 0 })
    expect(chainGraphHeight([], [])).toBe(120)
  })
})

describe('spaceOut', () => {
  it('keeps the wanted heights when they are far enough apart', () => {
    expect(spaceOut([0, 100, 200], [0, 50, 50])).toEqual([0, 100, 200])
  })
  it('spreads crowded items evenly around where they want to be', () => {
    expect(spaceOut([100, 100, 100], [0, 50, 50])).toEqual([50, 100, 150])
    expect(spaceOut([0, 10], [0, 50])).toEqual([-20, 30])
  })
})

describe('chainColumns', () => {
  it('fills a wide box, boxes no wider than the most and gaps no longer than the most, centred', () => {
    const c = chainColumns(2, 1400)
    expect(c.width).toBe(1400)
    expect(c.box).toBe(CHAIN_GRAPH.maxBox)
    expect(c.x[1]! - c.x[0]! - c.box).toBe(CHAIN_GRAPH.maxGap)
    expect(c.x[0]! - 0).toBeCloseTo(1400 - (c.x[1]! + c.box), 0)
  })
  it('keeps a readable width on a phone: the drawing scrolls in its box', () => {
    const c = chainColumns(5, 340)
    expect(c.box).toBe(CHAIN_GRAPH.minBox)
    expect(c.width).toBe(2 * CHAIN_GRAPH.padX + 5 * CHAIN_GRAPH.minBox + 4 * CHAIN_GRAPH.minGap)
  })
})

describe('buildChainGraph', () => {
  const chart = build()

  it('draws a box per link, upstream columns left of downstream ones', () => {
    expect(boxes(chart)).toHaveLength(trailer.length)
    const x = (id: string) => corner(box(chart, id).d).x
    expect(x('moulds')).toBeLessThan(x('castings'))
    expect(x('castings')).toBeLessThan(x('axle-parts'))
    expect(x('axle-parts')).toBeLessThan(x('axle'))
    expect(x('axle')).toBeLessThan(x('trailer-assembly'))
    expect(x('kingpin')).toBe(x('moulds'))
    expect(x('brake-drum')).toBe(x('wheel-hub'))
  })

  it('colours each box by its verdict, a missing one with a dashed outline too', () => {
    expect(box(chart, 'axle-parts')).toMatchObject({ fill: VERDICT_COLOURS.strong.fill, stroke: VERDICT_COLOURS.strong.stroke, dash: undefined })
    expect(box(chart, 'axle')).toMatchObject({ fill: VERDICT_COLOURS.weak.fill, stroke: VERDICT_COLOURS.weak.stroke, dash: undefined })
    expect(box(chart, 'kingpin')).toMatchObject({ fill: VERDICT_COLOURS.missing.fill, stroke: VERDICT_COLOURS.missing.stroke, dash: MISSING_DASH })
    const odd = build({ ...input, links: [link('x', 'unheard-of', 1)], edges: [] })
    expect(box(odd, 'x')).toMatchObject({ fill: VERDICT_COLOURS.other.fill, stroke: VERDICT_COLOURS.other.stroke })
    expect(texts(odd).map((t) => t.text)).toContain('unheard-of · 1 家企业')
  })

  it("writes each box's name and verdict line in its verdict's colour, readable on its fill", () => {
    const lines = texts(chart)
    expect(lines.find((t) => t.text === 'axle')).toMatchObject({ bold: true })
    expect(lines.find((t) => t.text === '缺链 · 0 家企业')?.colour).toBe(VERDICT_COLOURS.missing.text)
    expect(lines.find((t) => t.text === '强链 · 2 家企业')?.colour).toBe(VERDICT_COLOURS.strong.text)
    for (const c of Object.values(VERDICT_COLOURS)) expect(contrast(c.text, c.fill)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(SAMPLE_TAG.text, SAMPLE_TAG.fill)).toBeGreaterThanOrEqual(4.5)
  })

  it("tooltips name the link, its verdict and makers, the evidence that decided it and when it closes", () => {
    expect(box(chart, 'axle').tip).toEqual(['axle', '弱链 · 1 家企业', '本地生产企业1家（至少需2家），2025年产值合计24.8亿元：仅一家，单点依赖'])
    expect(box(chart, 'kingpin').tip).toEqual(['kingpin', '缺链 · 0 家企业', '本地无生产企业', '预计 2027年6月 补链'])
    expect(box(chart, 'moulds').tip).toEqual(['moulds', '弱链 · 1 家企业', '含示例数据'])
  })

  it('marks a box that rests on sample data with the 示例 tag and data-sample-mark, and no other', () => {
    expect(box(chart, 'moulds').sample).toBe(true)
    expect(box(chart, 'axle').sample).toBeUndefined()
    const tags = paths(chart).filter((p) => p.sample && !p.focus)
    expect(tags).toHaveLength(2) // moulds and castings
    expect(tags.every((t) => t.fill === SAMPLE_TAG.fill && t.dash && t.click)).toBe(true)
    expect(texts(chart).filter((t) => t.text === '示例')).toHaveLength(2)
  })

  it('clicks and focuses the links by their ids', () => {
    expect(boxes(chart).map((b) => b.click).sort()).toEqual(trailer.map((l) => l.id).sort())
  })

  it('draws every edge with an arrowhead at its buyer, in grey, the selected link’s in colour and on top', () => {
    const edges = paths(chart).filter((p) => !p.focus && !p.fill)
    expect(edges).toHaveLength(trailerEdges.length)
    expect(edges.every((e) => e.stroke === EDGE_COLOUR)).toBe(true)
    expect(paths(chart).filter((p) => p.fill === EDGE_COLOUR)).toHaveLength(trailerEdges.length)
    const picked = build({ ...input, selected: 'axle' })
    const coloured = paths(picked).filter((p) => !p.focus && !p.fill && p.stroke === SELECTED_COLOUR)
    // Four suppliers in, the assembly out; and the ring around the box.
    expect(coloured).toHaveLength(6)
    const ring = coloured.find((p) => p.d.includes('a6,6'))!
    expect(ring).toBeTruthy()
    const order = paths(picked).indexOf(coloured.find((p) => p !== ring)!)
    expect(paths(picked).slice(order).filter((p) => !p.focus && !p.fill && p.stroke === EDGE_COLOUR)).toHaveLength(0)
    expect(build({ ...input, selected: 'nowhere' }).marks).toEqual(chart.marks)
  })

  it('routes an edge across the columns it spans, ending at its buyer’s left side', () => {
    const k = corner(box(chart, 'trailer-assembly').d)
    const edges = paths(chart).filter((p) => !p.focus && !p.fill)
    const ends = edges.map((e) => e.d.match(/(-?[\d.]+),(-?[\d.]+)$/)!.slice(1).map(Number))
    // Four edges end at the assembly, spread over its left side.
    const atAssembly = ends.filter(([x]) => x === k.x - CHAIN_GRAPH.arrow)
    expect(atAssembly).toHaveLength(4)
    expect(new Set(atAssembly.map(([, y]) => y)).size).toBe(4)
    for (const [, y] of atAssembly) expect(y).toBeGreaterThan(k.y)
  })

  it('lists every link upstream first, then every edge, in the data table', () => {
    expect(chart.table.unit).toBe('家')
    const rows = chart.table.rows
    expect(rows).toHaveLength(trailer.length + trailerEdges.length)
    expect(rows.slice(0, trailer.length).map((r) => r.category).slice(-1)).toEqual(['trailer-assembly'])
    expect(rows.find((r) => r.category === 'kingpin')).toEqual({ series: '缺链', category: 'kingpin', value: '0', sample: false })
    expect(rows.find((r) => r.category === 'castings')).toEqual({ series: '弱链', category: 'castings', value: '3', sample: true })
    expect(rows.find((r) => r.category === 'kingpin → trailer-assembly')).toEqual({ series: '上游 → 下游', category: 'kingpin → trailer-assembly', value: '—', sample: false })
  })

  it('has a legend of the three verdicts, the missing one dashed', () => {
    expect(chart.legend.map((l) => [l.label, l.symbol])).toEqual([
      ['强链', 'box'],
      ['弱链', 'box'],
      ['缺链', 'dashed-box'],
    ])
    expect(chart.title).toBe('强链 / 弱链 / 缺链')
  })

  it('shortens a long name to its box and keeps the whole name as the title', () => {
    const long = '一个非常非常非常非常非常长的产业链环节名称'
    const c = build({ ...input, links: [link('x', 'weak', 1, { name: long })], edges: [] }, 300)
    const name = texts(c).find((t) => t.bold)!
    expect(name.text.endsWith('…')).toBe(true)
    expect(name.title).toBe(long)
    expect(box(c, 'x').tip![0]).toBe(long)
  })

  it('shows every verdict line whole, however narrow the screen, in either language', () => {
    const en = { ...labels, verdict: (v: string) => ({ strong: 'Strong', weak: 'Weak', missing: 'Missing' })[v] ?? v, makers: (n: number) => (n === 1 ? '1 maker' : `${n} makers`), sample: 'Sample' }
    for (const l of [labels, en]) {
      const c = build({ ...input, labels: l }, 340)
      const lines = texts(c).filter((t) => !t.bold && t.text !== l.sample)
      expect(lines).toHaveLength(trailer.length)
      for (const t of lines) expect(t.text.endsWith('…'), t.text).toBe(false)
      expect(chainBoxWidth(trailer, l)).toBeGreaterThan(CHAIN_GRAPH.minBox - 30)
    }
    expect(chainColumns(5, 340, 150).box).toBe(150)
    expect(chainColumns(5, 340, 999).box).toBe(CHAIN_GRAPH.maxBox)
  })

  it('puts the 示例 tag on the top edge of its box, at the right, clear of the name', () => {
    const b = corner(box(chart, 'moulds').d)
    const tag = paths(chart).find((p) => p.sample && !p.focus && p.click === 'moulds')!
    const t = corner(tag.d)
    expect(t.y).toBe(b.y - 7)
    expect(t.x).toBeGreaterThan(b.x + 40)
  })

  it('is wider than a phone screen, never narrower than its columns need', () => {
    const c = build(input, 340)
    expect(c.width).toBe(chainColumns(5, 340, chainBoxWidth(trailer, labels)).width)
    expect(c.width).toBeGreaterThan(340)
    expect(c.height).toBe(chainGraphHeight(trailer, trailerEdges))
  })
})

describe('edgePath', () => {
  it('curves across a gap and runs straight through a pass', () => {
    expect(edgePath([[0, 10], [40, 30], [164, 30], [200, 10]])).toBe('M0,10C20,10 20,30 40,30L164,30C182,30 182,10 200,10')
    expect(edgePath([])).toBe('')
  })
})
