// A chain's links as a graph (an SVG: charts/svg.ts): each link a box, laid out upstream →
// downstream in columns (a link's column is the longest path to it from a link nothing supplies),
// each edge an arrow from the supplier to its buyer. A box is coloured by its verdict: strong
// green, weak amber, missing red — and a missing link has a dashed outline too, so that the colour
// is not the only cue. A box that rests on sample data carries the 示例 mark (a small dashed tag, as
// the app's SampleTag) and data-sample-mark. A click on a box emits the link's id; a box takes the
// focus (Tab), its tooltip names the verdict, the makers and the evidence that decided it.
//
// Layout (a small Sugiyama): layers by longest path; an edge that spans several columns passes
// through a slot of its own in each column between (so it never runs under a box); the order in
// each column by barycentre sweeps, keeping the order with the fewest crossings; the heights by
// least squares towards the neighbours' heights under the columns' spacing (pool-adjacent-
// violators), a few sweeps down and up. Heights do not depend on the width: the page sizes the
// chart's box with chainGraphHeight before it is measured.
import type { ChartTableRow } from './chartTable'
import { fitText, r1, textWidth, type ChartModel, type LegendItem, type Mark } from './svg'

export type Verdict = 'strong' | 'weak' | 'missing'

export interface ChainGraphLink {
  id: string
  name: string
  /** strong | weak | missing; anything else is drawn grey. */
  verdict: Verdict | string
  /** Local makers counted for the verdict. */
  makers: number
  /** The verdict rests on sample data. */
  sample: boolean
  /** The evidence that decided the verdict, in the page's language. */
  decided: string[]
  /** A missing link: when a project is due to fill it, as the page writes a date ('' or absent: none). */
  closes?: string
}

export interface ChainGraphEdge {
  from: string
  to: string
}

export interface ChainGraphLabels {
  /** 强链 / 弱链 / 缺链 */
  verdict: (verdict: string) => string
  /** "1 家企业" / "1 maker" */
  makers: (n: number) => string
  /** 示例 */
  sample: string
  /** The tooltip line of a sample box ("含示例数据"). */
  sampleTip: string
  /** "预计 2027年6月 补链" */
  closes: (when: string) => string
  /** The table's unit of the makers' count ("家"). */
  makersUnit: string
  /** The series of the table's edge rows ("上游 → 下游"). */
  edge: string
}

export interface ChainGraphInput {
  links: ChainGraphLink[]
  edges: ChainGraphEdge[]
  /** The link whose detail is shown: ringed, its edges highlighted. */
  selected?: string | null
  labels: ChainGraphLabels
}

/** Box fill, outline and the verdict's text colour (≥ 4.5:1 on the fill: chainGraph.test.ts). */
export const VERDICT_COLOURS: Record<Verdict | 'other', { fill: string; stroke: string; text: string }> = {
  strong: { fill: '#f0f9eb', stroke: '#67c23a', text: '#2b6a12' },
  weak: { fill: '#fdf6ec', stroke: '#e6a23c', text: '#8f5000' },
  missing: { fill: '#fef0f0', stroke: '#f56c6c', text: '#b42318' },
  other: { fill: '#f4f4f5', stroke: '#909399', text: '#555a63' },
}
/** The 示例 tag's colours (styles.css --atlas-sample-*). */
export const SAMPLE_TAG = { fill: '#fdf6ec', stroke: '#c4862f', text: '#8f5000' }
export const EDGE_COLOUR = '#a8abb2'
export const SELECTED_COLOUR = '#1d4ed8'
export const NAME_COLOUR = '#303133'
/** The dash of a missing link's outline. */
export const MISSING_DASH = '5 3'

/** Geometry in px: box height, spacing, margins, the box width's range and the least gap between columns. */
export const CHAIN_GRAPH = {
  boxHeight: 48,
  boxGap: 16,
  passGap: 10,
  padX: 8,
  padY: 12,
  minBox: 124,
  maxBox: 210,
  minGap: 32,
  maxGap: 120,
  arrow: 7,
}

export function verdictColours(verdict: string) {
  return VERDICT_COLOURS[verdict as Verdict] ?? VERDICT_COLOURS.other
}

/**
 * Each link's column: the longest path to it from a link nothing supplies (0). Edges naming an
 * unknown link are ignored; a cycle (the import refuses one) cannot run away: no layer passes the
 * number of links.
 */
export function chainLayers(links: { id: string }[], edges: ChainGraphEdge[]): Map<string, number> {
  const layer = new Map(links.map((l) => [l.id, 0]))
  const known = edges.filter((e) => layer.has(e.from) && layer.has(e.to) && e.from !== e.to)
  for (let round = 0; round < links.length; round++) {
    let changed = false
    for (const e of known) {
      const want = Math.min(layer.get(e.from)! + 1, links.length - 1)
      if (want > layer.get(e.to)!) {
        layer.set(e.to, want)
        changed = true
      }
    }
    if (!changed) break
  }
  return layer
}

/** A box or a pass (an edge's slot in a column it crosses) in the layout. */
export interface LayoutItem {
  key: string
  /** The link's id; '' for a pass. */
  link: string
  layer: number
  /** Position in its column, from the top. */
  order: number
  /** The centre's height in px. */
  y: number
}

/** An edge through its passes: the items' keys from the supplier's box to the buyer's. */
export interface LayoutRoute {
  from: string
  to: string
  keys: string[]
}

export interface ChainLayout {
  columns: number
  items: LayoutItem[]
  routes: LayoutRoute[]
  height: number
}

const passKey = (e: ChainGraphEdge, layer: number) => `${e.from}\u2192${e.to}#${layer}`

/** Crossings between the segments of two adjacent columns at the given positions. */
function crossings(segments: [string, string][], pos: Map<string, number>): number {
  let n = 0
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const [a, b] = segments[i]!
      const [c, d] = segments[j]!
      if ((pos.get(a)! - pos.get(c)!) * (pos.get(b)! - pos.get(d)!) < 0) n++
    }
  }
  return n
}

/** Least-squares heights `y` near `want`, in order, each at least `sep[i]` below the one before (sep[0] unused). */
export function spaceOut(want: number[], sep: number[]): number[] {
  // z_i = y_i − S_i (S: the cumulative spacing) must not decrease: an isotonic regression of
  // want_i − S_i (pool adjacent violators), then back to heights.
  const S: number[] = []
  want.forEach((_, i) => S.push(i === 0 ? 0 : S[i - 1]! + sep[i]!))
  const blocks: { sum: number; n: number }[] = []
  want.forEach((w, i) => {
    blocks.push({ sum: w - S[i]!, n: 1 })
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!
      const prev = blocks[blocks.length - 2]!
      if (prev.sum / prev.n <= last.sum / last.n) break
      prev.sum += last.sum
      prev.n += last.n
      blocks.pop()
    }
  })
  const z: number[] = []
  for (const b of blocks) for (let k = 0; k < b.n; k++) z.push(b.sum / b.n)
  return z.map((v, i) => v + S[i]!)
}

/** Where every link and pass goes, and how tall the drawing is (independent of the width). */
export function chainLayout(links: { id: string }[], edges: ChainGraphEdge[]): ChainLayout {
  const G = CHAIN_GRAPH
  const layer = chainLayers(links, edges)
  const columns = links.length ? Math.max(...layer.values()) + 1 : 0
  const byKey = new Map<string, LayoutItem>()
  const cols: LayoutItem[][] = Array.from({ length: columns }, () => [])
  for (const l of links) {
    const item = { key: l.id, link: l.id, layer: layer.get(l.id)!, order: 0, y: 0 }
    byKey.set(item.key, item)
    cols[item.layer]!.push(item)
  }
  // Edges through their passes; segments join items of adjacent columns.
  const routes: LayoutRoute[] = []
  const up = new Map<string, string[]>()
  const down = new Map<string, string[]>()
  const segmentsAt: [string, string][][] = Array.from({ length: Math.max(columns - 1, 0) }, () => [])
  const seen = new Set<string>()
  for (const e of edges) {
    if (!layer.has(e.from) || !layer.has(e.to) || e.from === e.to || seen.has(`${e.from}\n${e.to}`)) continue
    const a = layer.get(e.from)!
    const b = layer.get(e.to)!
    if (b <= a) continue // only a cycle's closing edge: not drawn
    seen.add(`${e.from}\n${e.to}`)
    const keys = [e.from]
    for (let k = a + 1; k < b; k++) {
      const pass = { key: passKey(e, k), link: '', layer: k, order: 0, y: 0 }
      byKey.set(pass.key, pass)
      cols[k]!.push(pass)
      keys.push(pass.key)
    }
    keys.push(e.to)
    routes.push({ from: e.from, to: e.to, keys })
    for (let i = 0; i + 1 < keys.length; i++) {
      const [s, t] = [keys[i]!, keys[i + 1]!]
      down.set(s, [...(down.get(s) ?? []), t])
      up.set(t, [...(up.get(t) ?? []), s])
      segmentsAt[byKey.get(s)!.layer]!.push([s, t])
    }
  }

  // Order: the plan's order first (passes after the boxes, by their supplier's position), then
  // barycentre sweeps down and up; the order with the fewest crossings wins.
  const pos = new Map<string, number>()
  const setOrder = (col: LayoutItem[]) => col.forEach((it, i) => pos.set(it.key, i))
  cols.forEach(setOrder)
  const mean = (keys: string[] | undefined, fallback: number) => (keys?.length ? keys.reduce((s, k) => s + pos.get(k)!, 0) / keys.length : fallback)
  const sortBy = (col: LayoutItem[], neighbours: Map<string, string[]>) => {
    const bary = new Map(col.map((it) => [it.key, mean(neighbours.get(it.key), pos.get(it.key)!)]))
    col.sort((x, y) => bary.get(x.key)! - bary.get(y.key)! || pos.get(x.key)! - pos.get(y.key)!)
    setOrder(col)
  }
  const total = () => segmentsAt.reduce((s, segs) => s + crossings(segs, pos), 0)
  let best = cols.map((c) => [...c])
  let bestCrossings = total()
  for (let round = 0; round < 6 && bestCrossings > 0; round++) {
    for (let k = 1; k < columns; k++) sortBy(cols[k]!, up)
    for (let k = columns - 2; k >= 0; k--) sortBy(cols[k]!, down)
    const now = total()
    if (now < bestCrossings) {
      bestCrossings = now
      best = cols.map((c) => [...c])
    }
  }
  best.forEach((col, k) => {
    cols[k] = col
    setOrder(col)
  })
  cols.forEach((col) => col.forEach((it, i) => (it.order = i)))

  // Heights: stacked, then pulled towards the neighbours' heights, sweeping down and up.
  const size = (it: LayoutItem) => (it.link ? G.boxHeight : 0)
  const sepOf = (col: LayoutItem[]) => col.map((it, i) => (i === 0 ? 0 : (size(col[i - 1]!) + size(it)) / 2 + (it.link && col[i - 1]!.link ? G.boxGap : G.passGap)))
  const place = (col: LayoutItem[], want: number[]) => spaceOut(want, sepOf(col)).forEach((y, i) => (col[i]!.y = y))
  for (const col of cols) place(col, col.map(() => 0))
  const yMean = (keys: string[] | undefined, fallback: number) => (keys?.length ? keys.reduce((s, k) => s + byKey.get(k)!.y, 0) / keys.length : fallback)
  for (let round = 0; round < 4; round++) {
    for (let k = 1; k < columns; k++) place(cols[k]!, cols[k]!.map((it) => yMean(up.get(it.key), it.y)))
    for (let k = columns - 2; k >= 0; k--) place(cols[k]!, cols[k]!.map((it) => yMean(down.get(it.key), it.y)))
  }
  const items = cols.flat()
  const top = items.length ? Math.min(...items.map((it) => it.y - size(it) / 2)) : 0
  for (const it of items) it.y = r1(it.y - top + G.padY)
  const bottom = items.length ? Math.max(...items.map((it) => it.y + size(it) / 2)) : 0
  return { columns, items, routes, height: items.length ? Math.ceil(bottom + G.padY) : 0 }
}

/** The chart's height in px for these links and edges (the page sizes the chart's box with it). */
export function chainGraphHeight(links: { id: string }[], edges: ChainGraphEdge[]): number {
  return Math.max(120, chainLayout(links, edges).height)
}

/**
 * The columns' left edges, the boxes' width and the drawing's width for `width` px; a box is at
 * least `minBox` wide (what its verdict line needs: chainBoxWidth).
 */
export function chainColumns(columns: number, width: number, minBox: number = CHAIN_GRAPH.minBox): { x: number[]; box: number; width: number } {
  const G = CHAIN_GRAPH
  const n = Math.max(columns, 1)
  const least = Math.max(G.minBox, Math.min(G.maxBox, Math.ceil(minBox)))
  const w = Math.max(width, 2 * G.padX + n * least + (n - 1) * G.minGap)
  const box = Math.max(least, Math.min(G.maxBox, Math.floor((w - 2 * G.padX - (n - 1) * G.minGap) / n)))
  const gap = n > 1 ? Math.min(G.maxGap, Math.max(G.minGap, (w - 2 * G.padX - n * box) / (n - 1))) : 0
  const used = n * box + (n - 1) * gap
  const left = Math.max(G.padX, (w - used) / 2)
  return { x: Array.from({ length: n }, (_, k) => r1(left + k * (box + gap))), box, width: w }
}

/** The verdict line of a box ("弱链 · 1 家企业"). */
const verdictLine = (l: ChainGraphLink, labels: ChainGraphLabels) => `${labels.verdict(l.verdict)} · ${labels.makers(l.makers)}`

/** The least box width that shows every link's verdict line whole (names may be shortened). */
export function chainBoxWidth(links: ChainGraphLink[], labels: ChainGraphLabels): number {
  return Math.ceil(Math.max(0, ...links.map((l) => textWidth(verdictLine(l, labels), 12))) + 16)
}

/** A rectangle with rounded corners as a path. */
export function roundedRect(x: number, y: number, w: number, h: number, r = 4): string {
  return `M${r1(x + r)},${r1(y)}h${r1(w - 2 * r)}a${r},${r} 0 0 1 ${r},${r}v${r1(h - 2 * r)}a${r},${r} 0 0 1 ${-r},${r}h${r1(-(w - 2 * r))}a${r},${r} 0 0 1 ${-r},${-r}v${r1(-(h - 2 * r))}a${r},${r} 0 0 1 ${r},${-r}Z`
}

/** A smooth edge through `points` (left to right): a curve across each gap, straight through a pass. */
export function edgePath(points: [number, number][]): string {
  const [first, ...rest] = points
  if (!first) return ''
  let d = `M${r1(first[0])},${r1(first[1])}`
  let [x0, y0] = first
  for (const [x1, y1] of rest) {
    if (y1 === y0) d += `L${r1(x1)},${r1(y1)}`
    else {
      const mx = r1(x0 + (x1 - x0) / 2)
      d += `C${mx},${r1(y0)} ${mx},${r1(y1)} ${r1(x1)},${r1(y1)}`
    }
    ;[x0, y0] = [x1, y1]
  }
  return d
}

/** Where the edges leave and enter each box: spread over its side, ordered by the other end's height. */
function ports(routes: LayoutRoute[], items: Map<string, LayoutItem>): { out: Map<LayoutRoute, number>; in: Map<LayoutRoute, number> } {
  const G = CHAIN_GRAPH
  const out = new Map<LayoutRoute, number>()
  const inn = new Map<LayoutRoute, number>()
  const spread = (side: Map<LayoutRoute, number>, groups: Map<string, LayoutRoute[]>, other: (r: LayoutRoute) => number) => {
    for (const [key, rs] of groups) {
      const y = items.get(key)!.y
      const step = rs.length > 1 ? Math.min(8, (G.boxHeight - 16) / (rs.length - 1)) : 0
      rs.sort((a, b) => other(a) - other(b))
      rs.forEach((r, i) => side.set(r, r1(y + (i - (rs.length - 1) / 2) * step)))
    }
  }
  const group = (key: (r: LayoutRoute) => string) => {
    const m = new Map<string, LayoutRoute[]>()
    for (const r of routes) m.set(key(r), [...(m.get(key(r)) ?? []), r])
    return m
  }
  spread(out, group((r) => r.from), (r) => items.get(r.keys[1]!)!.y)
  spread(inn, group((r) => r.to), (r) => items.get(r.keys[r.keys.length - 2]!)!.y)
  return { out, in: inn }
}

export function buildChainGraph(input: ChainGraphInput, width: number, height: number): ChartModel {
  const G = CHAIN_GRAPH
  const { labels } = input
  const layout = chainLayout(input.links, input.edges)
  const cols = chainColumns(layout.columns, width, chainBoxWidth(input.links, labels))
  const items = new Map(layout.items.map((it) => [it.key, it]))
  const link = new Map(input.links.map((l) => [l.id, l]))
  const selected = input.selected && link.has(input.selected) ? input.selected : null
  const marks: Mark[] = []

  // Edges first (under the boxes), the selected link's last and in colour; an arrowhead at the buyer.
  const { out, in: inn } = ports(layout.routes, items)
  const routes = [...layout.routes].sort((a, b) => Number(a.from === selected || a.to === selected) - Number(b.from === selected || b.to === selected))
  for (const r of routes) {
    const points: [number, number][] = [[cols.x[items.get(r.from)!.layer]! + cols.box, out.get(r)!]]
    for (const key of r.keys.slice(1, -1)) {
      const pass = items.get(key)!
      points.push([cols.x[pass.layer]!, pass.y], [cols.x[pass.layer]! + cols.box, pass.y])
    }
    const end = inn.get(r)!
    const tx = cols.x[items.get(r.to)!.layer]!
    points.push([tx - G.arrow, end])
    const on = r.from === selected || r.to === selected
    const colour = on ? SELECTED_COLOUR : EDGE_COLOUR
    marks.push({ kind: 'path', d: edgePath(points), stroke: colour, width: on ? 2 : 1.5 })
    marks.push({ kind: 'path', d: `M${r1(tx)},${r1(end)}L${r1(tx - G.arrow)},${r1(end - 4)}L${r1(tx - G.arrow)},${r1(end + 4)}Z`, fill: colour })
  }

  for (const it of layout.items) {
    if (!it.link) continue
    const l = link.get(it.link)!
    const c = verdictColours(l.verdict)
    const x = cols.x[it.layer]!
    const y = it.y - G.boxHeight / 2
    const line = verdictLine(l, labels)
    const tip = [l.name, line, ...l.decided, ...(l.closes ? [labels.closes(l.closes)] : []), ...(l.sample ? [labels.sampleTip] : [])]
    if (l.id === selected) marks.push({ kind: 'path', d: roundedRect(x - 4, y - 4, cols.box + 8, G.boxHeight + 8, 6), stroke: SELECTED_COLOUR, width: 2 })
    marks.push({
      kind: 'path',
      d: roundedRect(x, y, cols.box, G.boxHeight),
      fill: c.fill,
      stroke: c.stroke,
      width: l.verdict === 'missing' ? 2 : 1.5,
      dash: l.verdict === 'missing' ? MISSING_DASH : undefined,
      sample: l.sample || undefined,
      tip,
      focus: true,
      click: l.id,
    })
    const name = fitText(l.name, cols.box - 16, 13)
    marks.push({ kind: 'text', x: x + 8, y: y + 16, text: name, colour: NAME_COLOUR, size: 13, bold: true, title: name !== l.name ? l.name : undefined })
    marks.push({ kind: 'text', x: x + 8, y: y + 35, text: fitText(line, cols.box - 16, 12), colour: c.text, size: 12 })
    if (l.sample) {
      // The 示例 mark: a small dashed tag on the box's top edge, at its right (hovering it is hovering the box).
      const tw = Math.ceil(textWidth(labels.sample, 10) + 10)
      const tx = x + cols.box - 8 - tw
      marks.push({ kind: 'path', d: roundedRect(tx, y - 7, tw, 14, 2), fill: SAMPLE_TAG.fill, stroke: SAMPLE_TAG.stroke, width: 1, dash: '2 1.5', sample: true, tip, click: l.id })
      marks.push({ kind: 'text', x: tx + tw / 2, y, text: labels.sample, anchor: 'middle', colour: SAMPLE_TAG.text, size: 10 })
    }
  }

  const legend: LegendItem[] = (['strong', 'weak', 'missing'] as const).map((v) => ({
    label: labels.verdict(v),
    colour: VERDICT_COLOURS[v].stroke,
    fill: VERDICT_COLOURS[v].fill,
    symbol: v === 'missing' ? 'dashed-box' : 'box',
  }))
  return {
    width: cols.width,
    height: Math.max(height, layout.height),
    marks,
    legend,
    legendAt: 'top',
    table: { unit: labels.makersUnit, rows: tableRows(input, layout) },
    title: legend.map((l) => l.label).join(' / '),
  }
}

/** The text alternative: each link upstream first (its verdict, name and makers), then each edge. */
function tableRows(input: ChainGraphInput, layout: ChainLayout): ChartTableRow[] {
  const link = new Map(input.links.map((l) => [l.id, l]))
  const boxes = layout.items.filter((it) => it.link).sort((a, b) => a.layer - b.layer || a.order - b.order)
  const rows: ChartTableRow[] = boxes.map((it) => {
    const l = link.get(it.link)!
    return { series: input.labels.verdict(l.verdict), category: l.name, value: String(l.makers), sample: l.sample }
  })
  for (const r of layout.routes) {
    rows.push({ series: input.labels.edge, category: `${link.get(r.from)!.name} → ${link.get(r.to)!.name}`, value: '—', sample: false })
  }
  return rows
}
