// The loudou graph: units as nodes; administration (parent → child), task channels
// (issuer → relays → targets, aggregated per pair with yearly volumes and hours),
// inspections, and the explicit relations of the model as typed edges.
import {MultiDirectedGraph} from 'graphology'
import type {Model} from '../model/types.js'
import {analyseFlows} from './flows.js'
import {edgeKey} from './types.js'
import type {EdgeAttributes, EdgeType, GraphAttributes, LoudouGraph, NodeAttributes} from './types.js'

export function buildGraph(model: Model): LoudouGraph {
  const graph: LoudouGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({allowSelfLoops: false})
  const flows = analyseFlows(model)
  graph.replaceAttributes({id: model.id, name: model.name, hoursPerYear: flows.hoursPerYear})

  for (const u of model.units) {
    const attrs: NodeAttributes = {
      label: u.name,
      kind: u.kind,
      staff: u.staff,
      residents: u.residents,
      households: u.households,
      powers: [...u.powers],
      labels: [...u.labels],
    }
    if (u.tier !== undefined) attrs.tier = u.tier
    if (u.parent !== undefined) attrs.parent = u.parent
    if (u.domain !== undefined) attrs.domain = u.domain
    graph.addNode(u.id, attrs)
  }

  const add = (type: EdgeType, from: string, to: string, extra: Partial<EdgeAttributes> = {}): void => {
    // Self-loops carry no structure (a unit does not delegate to itself); unknown ends
    // cannot occur in a loaded model but are skipped rather than crashing a hand-built one.
    if (from === to || !graph.hasNode(from) || !graph.hasNode(to)) return
    const key = edgeKey(type, from, to)
    if (graph.hasEdge(key)) return
    graph.addDirectedEdgeWithKey(key, from, to, {type, tasksPerYear: 0, hoursPerYear: 0, items: 0, ...extra})
  }

  for (const u of model.units) if (u.parent !== undefined) add('administers', u.parent, u.id)
  for (const c of flows.channels) {
    add(c.type, c.from, c.to, {tasksPerYear: c.tasksPerYear, hoursPerYear: c.hoursPerYear, items: c.items})
  }
  for (const r of model.relations) {
    add(r.type, r.from, r.to, r.responseTime === undefined ? {} : {responseTime: r.responseTime})
  }
  return graph
}
