// Turns the model's graph into what the report draws: a graph small enough to read is drawn
// unit by unit; above that size it is aggregated into one node per tier and kind (“64 ×
// community”), its links summed per type. Every node gets a deterministic tiered position
// (y by tier, x in tree order) shared by the static drawing and the interactive view.
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
  /** Most units drawn one by one; larger graphs are aggregated by tier and kind. */
  maxNodes: number
  maxEdges: number
  /** Tier names from top to bottom. */
  tiers: readonly string[]
}

export const GRAPH_DEFAULTS: GraphViewOptions = {
  maxNodes: 80,
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
const ROW = 140
/** Nodes per line within a tier: the labels beside them need about a seventh of the width. */
const PER_LINE = 7
/** Vertical distance between the lines of a wide tier. */
const LINE_GAP = 44

export function buildGraphView(nodes: RawNode[], edges: RawEdge[], options: Partial<GraphViewOptions> = {}): ReportGraph {
  const o = {...GRAPH_DEFAULTS, ...options}
  const placed = place(nodes, o.tiers)
  const present = [...new Set(placed.map((n) => n.tier).filter((t): t is string => !!t))].sort((a, b) => o.tiers.indexOf(a) - o.tiers.indexOf(b))

  const aggregated = placed.length > o.maxNodes
  const view = aggregated ? aggregate(placed, edges) : {nodes: placed, edges: edges.filter((e) => e.source !== e.target)}
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
    aggregated,
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

/**
 * One node per layout row (tier) and kind, standing for all its units; links summed per pair
 * and type, links inside a group left out. The group's parent is its first member's parent's
 * group, so the tree order of the layout survives.
 */
function aggregate(nodes: Group[], edges: RawEdge[]): {nodes: Group[]; edges: RawEdge[]} {
  const members = new Map<string, Group[]>()
  const keyOf = (n: Group) => `${n.slot}|${n.kind}`
  for (const n of nodes) members.set(keyOf(n), [...(members.get(keyOf(n)) ?? []), n])
  const groupOf = new Map<string, string>()
  for (const [key, list] of members) for (const m of list) groupOf.set(m.id, list.length === 1 ? m.id : `group:${key}`)
  const out: Group[] = []
  for (const [key, list] of members) {
    const first = list[0]
    const parent = first.parent ? groupOf.get(first.parent) : undefined
    if (list.length === 1) {
      out.push({...first, parent})
      continue
    }
    out.push({id: `group:${key}`, label: commonLabel(list.map((m) => m.label)), kind: first.kind, tier: first.tier ?? first.eff, parent, slot: first.slot, eff: first.eff,
      depth: Math.min(...list.map((m) => m.depth)), staff: list.reduce((s, m) => s + m.staff, 0), members: list.length})
  }
  const merged = new Map<string, RawEdge>()
  for (const e of edges) {
    const source = groupOf.get(e.source)
    const target = groupOf.get(e.target)
    if (!source || !target || source === target) continue
    const key = `${source}\u0000${target}\u0000${e.type}`
    const m = merged.get(key)
    if (m) m.hoursPerYear += e.hoursPerYear
    else merged.set(key, {source, target, type: e.type, hoursPerYear: e.hoursPerYear})
  }
  return {nodes: out, edges: [...merged.values()]}
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
  let prevLines = 1
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    // Half rows (units without a tier under their parent's tier) sit closer; a wide row wraps
    // onto lines of PER_LINE nodes, and the next row starts below its last line.
    if (prev !== undefined) y += (r - prev < 1 ? ROW * 0.5 : ROW) + (prevLines - 1) * LINE_GAP
    prev = r
    const row = rows.get(r)!.sort((a, b) => dfs.get(a.id)! - dfs.get(b.id)!)
    const lines = Math.ceil(row.length / PER_LINE)
    const perLine = Math.ceil(row.length / lines)
    prevLines = lines
    row.forEach((n, i) => {
      const line = Math.floor(i / perLine)
      const inLine = Math.min(perLine, row.length - line * perLine)
      out.set(n.id, {x: round(((i % perLine) + 0.5) * (WIDTH / inLine)), y: round(y + line * LINE_GAP)})
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
