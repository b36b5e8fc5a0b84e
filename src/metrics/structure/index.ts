// `inspectModel`: every structural metric of a model, from its graph, without simulation.
import {buildGraph} from '../../graph/build.js'
import {EDGE_TYPES} from '../../graph/types.js'
import type {EdgeType} from '../../graph/types.js'
import {hoursPerYear} from '../../model/types.js'
import type {Model} from '../../model/types.js'
import {alignment} from './alignment.js'
import type {AlignmentReport} from './alignment.js'
import {relayBetweenness} from './betweenness.js'
import type {BetweennessReport} from './betweenness.js'
import {catalogue} from './catalogue.js'
import type {CatalogueReport} from './catalogue.js'
import {concentration} from './concentration.js'
import type {ConcentrationReport} from './concentration.js'
import {coordination} from './coordination.js'
import type {CoordinationReport} from './coordination.js'
import {chainDepth} from './depth.js'
import type {DepthReport} from './depth.js'
import {flowHierarchy} from './flow-hierarchy.js'
import type {FlowHierarchyReport} from './flow-hierarchy.js'
import {funnel} from './funnel.js'
import type {FunnelRow} from './funnel.js'
import {krackhardtOfModel} from './krackhardt.js'
import type {KrackhardtReport} from './krackhardt.js'
import {principals} from './principals.js'
import type {PrincipalsReport} from './principals.js'

export {alignment, catalogue, chainDepth, concentration, coordination, flowHierarchy, funnel, principals, relayBetweenness}
export {krackhardt, krackhardtOfModel} from './krackhardt.js'
export {brandes} from './betweenness.js'
export {hhi} from './concentration.js'
export {nominalLoad, unitLoads} from './load.js'
export {unitBreakdown} from './unit-breakdown.js'
export type {UnitBreakdown} from './unit-breakdown.js'
export type {UnitLoad} from './load.js'
export type {
  AlignmentReport,
  BetweennessReport,
  CatalogueReport,
  ConcentrationReport,
  CoordinationReport,
  DepthReport,
  FlowHierarchyReport,
  FunnelRow,
  KrackhardtReport,
  PrincipalsReport,
}

export interface StructureReport {
  model: {id: string; name: string; hoursPerYear: number}
  catalogue: CatalogueReport
  structure: {
    depth: DepthReport
    principals: PrincipalsReport
    funnel: FunnelRow[]
    alignment: AlignmentReport
    betweenness: BetweennessReport
    krackhardt: KrackhardtReport
    flowHierarchy: FlowHierarchyReport
    coordination: CoordinationReport
    concentration: ConcentrationReport
  }
  graph: {nodes: number; edges: number; byType: Record<EdgeType, number>}
}

export function inspectModel(model: Model, options: {topRelays?: number} = {}): StructureReport {
  const graph = buildGraph(model)
  const byType = Object.fromEntries(EDGE_TYPES.map((t) => [t, 0])) as Record<EdgeType, number>
  graph.forEachEdge((_e, a) => {
    byType[a.type]++
  })
  return {
    model: {id: model.id, name: model.name, hoursPerYear: hoursPerYear(model.clock)},
    catalogue: catalogue(model),
    structure: {
      depth: chainDepth(model),
      principals: principals(model),
      funnel: funnel(model),
      alignment: alignment(model),
      betweenness: relayBetweenness(model, options.topRelays ?? 10),
      krackhardt: krackhardtOfModel(model),
      flowHierarchy: flowHierarchy(graph),
      coordination: coordination(model),
      concentration: concentration(model),
    },
    graph: {nodes: graph.order, edges: graph.size, byType},
  }
}
