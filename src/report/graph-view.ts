// Turns the model's graph into what the report draws: large graphs are capped (units of the
// lowest tiers grouped per parent and kind, then only the best-connected nodes), and every
// node gets a deterministic tiered position (y by tier, x in tree order) shared by the
// static drawing and the interactive view.
import {edgeColour, kindColours} from './palette.js'
import type {GraphEdge, GraphNode, ReportGraph} from './types.js'

export interface RawNode {
  id: string
  label: string
  kind: string
  tier?: string
  staff: number
  parent?: string
}

export interface RawEdge {
  source: string
  target: string
  type: string
  hoursPerYear: number
}

export interface GraphViewOptions {
  maxNodes: number
  maxEdges: number
  /** Tier names from top to bottom. */
  tiers: readonly string[]
}

export const GRAPH_DEFAULTS: GraphViewOptions = {
  maxNodes: 800,
  maxEdges: 3000,
  tiers: ['city', 'district', 'street', 'community', 'grid'],
}

interface Group extends RawNode {
  members: number
  /** Layout row: the tier's index; a unit without a tier sits half a row below its parent's tier. */
  slot: number
  /** The tier, or for a unit without one the tier of its nearest tiered ancestor. */
  eff?: string
  /** Ancestors in the view: parents are grouped before their children, even within a row. */
  depth: number
}

const WIDTH = 1000
const ROW = 160
const PER_LINE = 40

export function buildGraphView(nodes: RawNode[], edges: RawEdge[], options: Partial<GraphViewOptions> = {}): ReportGraph {
  const o = {...GRAPH_DEFAULTS, ...options}
  const placed = place(nodes, o.tiers)
  const present = [...new Set(placed.map((n) => n.tier).filter((t): t is string => !!t))].sort((a, b) => o.tiers.indexOf(a) - o.tiers.indexOf(b))

  let grouped: string[] = []
  let view = group(placed, edges, grouped)
  for (let k = present.length - 1; k >= 0 && view.nodes.length > o.maxNodes; k--) {
    grouped = present.slice(k).reverse()
    view = group(placed, edges, grouped)
  }
  let topByDegree: number | undefined
  if (view.nodes.length > o.maxNodes) {
    topByDegree = o.maxNodes
    view = topNodes(view, o.maxNodes)
  }
  const keptEdges = capEdges(view.edges, o.maxEdges)

  const colours = kindColours(view.nodes.map((n) => n.kind))
  const positions = tieredLayout(view.nodes)
  const maxStaff = Math.max(1, ...view.nodes.map((n) => n.staff))
  const outNodes: GraphNode[] = view.nodes.map((n) => ({
    id: n.id,
    label: n.label,
    kind: n.kind,
    tier: n.tier,
    staff: n.staff,
    members: n.members,
    x: positions.get(n.id)!.x,
    y: positions.get(n.id)!.y,
    size: round(3 + 9 * Math.sqrt(n.staff / maxStaff)),
    color: colours.get(n.kind)!,
  }))
  const outEdges: GraphEdge[] = keptEdges.map((e) => ({...e, color: edgeColour(e.type)}))
  return {
    nodes: outNodes,
    edges: outEdges,
    totalNodes: nodes.length,
    totalEdges: edges.length,
    grouped,
    topByDegree,
    kinds: [...colours].map(([kind, color]) => ({kind, color})),
    edgeTypes: [...new Set(outEdges.map((e) => e.type))].map((type) => ({type, color: edgeColour(type)})),
  }
}

/** Each unit's layout row and effective tier (units without a tier follow their parent). */
function place(nodes: RawNode[], tiers: readonly string[]): Group[] {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const eff = new Map<string, string | undefined>()
  const effOf = (n: RawNode): string | undefined => {
    const chain: RawNode[] = []
    let cur: RawNode | undefined = n
    // Walk up to a tiered or already-resolved ancestor; the visited set guards against cycles.
    const seen = new Set<string>()
    while (cur && !cur.tier && !eff.has(cur.id) && !seen.has(cur.id)) {
      seen.add(cur.id)
      chain.push(cur)
      cur = cur.parent ? byId.get(cur.parent) : undefined
    }
    const found = cur ? (cur.tier ?? eff.get(cur.id)) : undefined
    for (const c of chain) eff.set(c.id, found)
    return n.tier ?? found
  }
  const depth = new Map<string, number>()
  const depthOf = (n: RawNode): number => {
    let d = 0
    const seen = new Set<string>([n.id])
    for (let p = n.parent ? byId.get(n.parent) : undefined; p && !seen.has(p.id); p = p.parent ? byId.get(p.parent) : undefined) {
      seen.add(p.id)
      if (depth.has(p.id)) return (d += depth.get(p.id)! + 1)
      d++
    }
    return d
  }
  return nodes.map((n) => {
    const e = effOf(n)
    const slot = e && tiers.includes(e) ? tiers.indexOf(e) + (n.tier ? 0 : 0.5) : tiers.length
    depth.set(n.id, depthOf(n))
    return {...n, members: 1, slot, eff: e, depth: depth.get(n.id)!}
  })
}

/** Groups the units of `tiers` per (grouped parent, kind, row); groups of one stay as they are. */
function group(nodes: Group[], edges: RawEdge[], tiers: string[]) {
  const map = new Map<string, string>()
  const groups = new Map<string, Group>()
  const order = [...nodes].sort((a, b) => a.slot - b.slot || a.depth - b.depth)
  const candidates = new Map<string, Group[]>()
  const keyOf = (n: Group) => `${n.slot}|${n.kind}|${n.parent ? (map.get(n.parent) ?? n.parent) : ''}`
  const layers = new Map<string, Group[]>()
  for (const n of order) layers.set(`${n.slot}|${n.depth}`, [...(layers.get(`${n.slot}|${n.depth}`) ?? []), n])
  // Top-down (by row, then by depth within a row) so a node's parent is mapped before it is keyed.
  for (const inTier of layers.values()) {
    const tier = inTier[0].eff
    if (!tier || !tiers.includes(tier)) {
      for (const n of inTier) map.set(n.id, n.id)
      continue
    }
    candidates.clear()
    for (const n of inTier) candidates.set(keyOf(n), [...(candidates.get(keyOf(n)) ?? []), n])
    for (const [key, members] of candidates) {
      if (members.length === 1) {
        map.set(members[0].id, members[0].id)
        continue
      }
      const id = `group:${key}`
      const first = members[0]
      const parent = first.parent ? (map.get(first.parent) ?? first.parent) : undefined
      const base = commonLabel(members.map((m) => m.label)) || first.kind
      groups.set(id, {id, label: `${members.length} × ${base}`, kind: first.kind, tier: first.tier, parent, slot: first.slot, eff: first.eff, depth: first.depth,
        staff: members.reduce((s, m) => s + m.staff, 0), members: members.length})
      for (const m of members) map.set(m.id, id)
    }
  }
  const out: Group[] = []
  const seen = new Set<string>()
  for (const n of nodes) {
    const id = map.get(n.id) ?? n.id
    if (seen.has(id)) continue
    seen.add(id)
    const g = groups.get(id)
    out.push(g ?? {...n, parent: n.parent ? (map.get(n.parent) ?? n.parent) : undefined})
  }
  const merged = new Map<string, RawEdge>()
  for (const e of edges) {
    const source = map.get(e.source) ?? e.source
    const target = map.get(e.target) ?? e.target
    if (source === target || !seen.has(source) || !seen.has(target)) continue
    const key = `${source}\u0000${target}\u0000${e.type}`
    const m = merged.get(key)
    if (m) m.hoursPerYear += e.hoursPerYear
    else merged.set(key, {source, target, type: e.type, hoursPerYear: e.hoursPerYear})
  }
  return {nodes: out, edges: [...merged.values()]}
}

function topNodes(view: {nodes: Group[]; edges: RawEdge[]}, n: number) {
  const degree = new Map<string, number>()
  for (const e of view.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1)
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1)
  }
  const index = new Map(view.nodes.map((x, i) => [x.id, i]))
  const keep = new Set(
    [...view.nodes]
      .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || index.get(a.id)! - index.get(b.id)!)
      .slice(0, n)
      .map((x) => x.id),
  )
  return {nodes: view.nodes.filter((x) => keep.has(x.id)), edges: view.edges.filter((e) => keep.has(e.source) && keep.has(e.target))}
}

/** Administrative links first, then the heaviest by hours; original order breaks ties. */
function capEdges(edges: RawEdge[], max: number): RawEdge[] {
  if (edges.length <= max) return edges
  const ranked = edges.map((e, i) => ({e, i})).sort((a, b) =>
    Number(isAdmin(b.e)) - Number(isAdmin(a.e)) || b.e.hoursPerYear - a.e.hoursPerYear || a.i - b.i)
  const keep = new Set(ranked.slice(0, max).map((r) => r.i))
  return edges.filter((_e, i) => keep.has(i))
}

/** y by tier (wide tiers wrap onto staggered lines), x by depth-first order of the parent tree. */
function tieredLayout(nodes: Group[]): Map<string, {x: number; y: number}> {
  const ids = new Set(nodes.map((n) => n.id))
  const children = new Map<string, Group[]>()
  const roots: Group[] = []
  for (const n of nodes) {
    if (n.parent && ids.has(n.parent) && n.parent !== n.id) children.set(n.parent, [...(children.get(n.parent) ?? []), n])
    else roots.push(n)
  }
  const dfs = new Map<string, number>()
  const visit = (n: Group) => {
    if (dfs.has(n.id)) return
    dfs.set(n.id, dfs.size)
    for (const c of children.get(n.id) ?? []) visit(c)
  }
  for (const r of roots) visit(r)
  for (const n of nodes) visit(n)

  const rows = new Map<number, Group[]>()
  for (const n of nodes) rows.set(n.slot, [...(rows.get(n.slot) ?? []), n])
  const out = new Map<string, {x: number; y: number}>()
  let y = 0
  let prev: number | undefined
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    // Half rows (units without a tier under their parent's tier) sit closer.
    if (prev !== undefined) y += r - prev < 1 ? ROW * 0.5 : ROW
    prev = r
    const row = rows.get(r)!.sort((a, b) => dfs.get(a.id)! - dfs.get(b.id)!)
    const lines = Math.ceil(row.length / PER_LINE)
    const perLine = Math.ceil(row.length / lines)
    row.forEach((n, i) => {
      const line = Math.floor(i / perLine)
      const inLine = Math.min(perLine, row.length - line * perLine)
      out.set(n.id, {x: round(((i % perLine) + 0.5) * (WIDTH / inLine)), y: round(y + (line * ROW * 0.4) / lines)})
    })
  }
  return out
}

/** What replicas' names share: `第1街道`, `第2街道` → `第…街道`; `社区1`, `社区2` → `社区`. */
export function commonLabel(labels: string[]): string {
  const chars = labels.map((l) => [...l])
  const shortest = Math.min(...chars.map((c) => c.length))
  let p = 0
  while (p < shortest && chars.every((c) => c[p] === chars[0][p])) p++
  let q = 0
  while (q < shortest - p && chars.every((c) => c[c.length - 1 - q] === chars[0][chars[0].length - 1 - q])) q++
  if (p + q === chars[0].length && labels.every((l) => l === labels[0])) return labels[0]
  const prefix = chars[0].slice(0, p).join('').replace(/[\s_-]*\d+$/, '').trimEnd()
  const suffix = chars[0].slice(chars[0].length - q).join('').replace(/^\d+[\s_-]*/, '').trimStart()
  if (!prefix) return ''
  return suffix ? `${prefix}…${suffix}` : prefix
}

const isAdmin = (e: RawEdge) => e.type === 'administers' || e.type === 'parent'

function round(x: number): number {
  return Math.round(x * 100) / 100
}
