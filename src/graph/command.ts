// The command graph (who directs whom): administration edges (parent → child) and party
// leadership (`leads`), directed top → down, as compact integer adjacency lists for the
// Krackhardt measures. Parallel arcs and self-loops are dropped: they add no command line.
import type {Model} from '../model/types.js'

export interface Digraph {
  /** Node ids; arcs refer to positions in this list. */
  ids: string[]
  /** out[i] = distinct heads of arcs leaving i. */
  out: number[][]
}

export function commandGraph(model: Model): Digraph {
  const ids = model.units.map((u) => u.id)
  const at = new Map(ids.map((id, i) => [id, i]))
  const out: Set<number>[] = ids.map(() => new Set())
  const arc = (from: string | undefined, to: string): void => {
    const a = from === undefined ? undefined : at.get(from)
    const b = at.get(to)
    if (a !== undefined && b !== undefined && a !== b) out[a].add(b)
  }
  for (const u of model.units) arc(u.parent, u.id)
  for (const r of model.relations) if (r.type === 'leads') arc(r.from, r.to)
  return {ids, out: out.map((s) => [...s])}
}

/** A digraph from an explicit arc list (tests and other callers). */
export function digraph(ids: string[], arcs: [string, string][]): Digraph {
  const at = new Map(ids.map((id, i) => [id, i]))
  const out: Set<number>[] = ids.map(() => new Set())
  for (const [a, b] of arcs) {
    const i = at.get(a)
    const j = at.get(b)
    if (i === undefined || j === undefined) throw new Error(`loudou/graph: arc ${a} -> ${b} names an unknown node`)
    if (i !== j) out[i].add(j)
  }
  return {ids, out: out.map((s) => [...s])}
}
