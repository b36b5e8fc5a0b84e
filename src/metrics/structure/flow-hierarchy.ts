// Flow hierarchy (Luo & Magee 2011): the share of edges that lie on no directed cycle.
// Computed on the whole graph (command, task, inspection and horizontal relations):
// a purely top-down structure scores 1; coordination loops and bottom-up channels such as
// 吹哨报到 summons lower it.
import {digraph} from '../../graph/command.js'
import {condense} from '../../graph/scc.js'
import type {LoudouGraph} from '../../graph/types.js'

export interface FlowHierarchyReport {
  /** 1 − edgesInCycles / edges; 1 for a graph without edges. */
  value: number
  edges: number
  edgesInCycles: number
}

export function flowHierarchy(graph: LoudouGraph): FlowHierarchyReport {
  const arcs: [string, string][] = []
  graph.forEachEdge((_e, _a, source, target) => {
    arcs.push([source, target])
  })
  const g = digraph(graph.nodes(), arcs)
  const {comp} = condense(g)
  const at = new Map(g.ids.map((id, i) => [id, i]))
  let inCycles = 0
  // An edge lies on a cycle exactly when both ends are in the same strong component.
  for (const [a, b] of arcs) if (comp[at.get(a)!] === comp[at.get(b)!]) inCycles++
  const edges = arcs.length
  return {value: edges > 0 ? 1 - inCycles / edges : 1, edges, edgesInCycles: inCycles}
}
