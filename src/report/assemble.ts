// Assembling what the report shows from the loaded model, its inspection, its simulation and
// the scenarios compared with it. No IO: the command loads and simulates, this only reshapes.
import {buildGraph} from '../graph/build.js'
import {SHARE, estimate} from '../metrics/flow/estimate.js'
import {inspectModel} from '../metrics/structure/index.js'
import {unitTiers} from '../metrics/structure/tiers.js'
import type {Model} from '../model/types.js'
import type {ReformChanges} from '../reforms/index.js'
import type {Estimate, FlowSummary, ReplicationResult} from '../sim/api.js'
import {compareFlows} from './compare-flows.js'
import {overTime} from './series.js'
import {buildGraphView, type GraphViewOptions, type RawEdge, type RawNode} from './graph-view.js'
import type {Definition, Est, FlowFacts, FunnelTier, ReportData, ScenarioComparison, StructureFacts} from './types.js'

export interface ScenarioRun {
  id: string
  name: string
  model: Model
  changes: ReformChanges[]
  flow?: FlowSummary
}

export interface AssembleInput {
  /** The baseline model: the first argument, or the base of a scenario given first. */
  model: Model
  flow?: FlowSummary
  scenarios: ScenarioRun[]
  definitions?: Definition
  glossary?: Definition
  generated?: string
  graph?: Partial<GraphViewOptions>
  /** The baseline's name in the charts over time (default: “Baseline” in the page's language). */
  baselineLabel?: string
}

export function assembleReport(input: AssembleInput): ReportData {
  const {model, flow} = input
  const inspection = inspectModel(model)
  const s = inspection.structure
  const funnel: FunnelTier[] = s.funnel.map((f) => ({
    tier: f.tier,
    units: f.units,
    staff: f.staff,
    issuersAbove: f.issuersAbove,
    taskItems: f.taskItems,
    demandedHours: f.demandedHours,
    availableHours: f.availableHours,
    nominalLoad: f.nominalLoad ?? NaN,
    ...(flow ? {simulatedLoad: est(tierLoad(model, flow.runs, f.tier))} : {}),
  }))
  const structure: StructureFacts = {
    depth: s.depth.levels,
    principals: s.principals.units > 0 ? {mean: s.principals.mean, max: s.principals.max} : undefined,
    alignment: s.alignment.rate,
    krackhardt: s.krackhardt,
    coordination: s.coordination.departments > 1 ? s.coordination.density : undefined,
    concentration: s.concentration.units > 0 ? s.concentration.meanEquivalentIssuers : undefined,
  }
  const comparisons: ScenarioComparison[] = input.scenarios.map((sc) => ({
    id: sc.id,
    name: sc.name,
    changes: sc.changes.map((c) => ({reform: c.reform, messages: c.messages})),
    rows: flow && sc.flow ? compareFlows(model, flow, sc.model, sc.flow) : [],
    ...(sc.flow ? {timeSplit: splitOf(sc.flow)} : {}),
  }))
  return {
    model: {
      id: model.id,
      name: model.name,
      description: model.description,
      file: model.file,
      sources: model.sources,
      units: model.units.length,
      staff: model.units.reduce((sum, u) => sum + u.staff, 0),
      tasks: model.tasks.length,
      demand: model.demand.length,
    },
    generated: input.generated,
    funnel,
    funnelBasis: 'staff',
    structure,
    graph: graphOf(model, input.graph),
    flow: flow ? flowFacts(flow) : undefined,
    comparisons,
    ...overTimeOf(input),
    glossary: input.glossary,
    definitions: input.definitions,
  }
}

export function est(e: Estimate): Est {
  return {mean: e.mean, lo: e.lo, hi: e.hi, n: e.n}
}

/** Staff-weighted utilisation of a tier's units (every unit counted in its tier), per replication. */
export function tierLoad(model: Model, runs: ReplicationResult[], tier: string): Estimate {
  const tiers = unitTiers(model)
  const idx = model.units.flatMap((u, i) => (tiers[i] === tier && u.staff > 0 ? [i] : []))
  const staff = idx.reduce((sum, i) => sum + model.units[i].staff, 0)
  return estimate(runs.map((r) => (staff > 0 ? idx.reduce((sum, i) => sum + model.units[i].staff * r.units[i].utilisation, 0) / staff : NaN)), SHARE)
}

function splitOf(f: FlowSummary) {
  return {service: est(f.timeSplit.service), admin: est(f.timeSplit.admin), inspection: est(f.timeSplit.inspection)}
}

/** The kinds of duplicated handling charted; the rest of `flow.duplicates` is volume context. */
export const DUPLICATE_KEYS = ['duplicateContacts', 'redundantInspections', 'multiUnitItems', 'escalations', 'summons', 'returned', 'pingPong']

function flowFacts(f: FlowSummary): FlowFacts {
  const dupKeys = [...DUPLICATE_KEYS.filter((k) => k in f.duplicates)]
  return {
    seed: f.seed,
    replications: f.replications,
    horizon: f.horizon,
    warmup: f.warmup,
    items: {generated: est(f.items.generated), completed: est(f.items.completed), rejected: est(f.items.rejected), unresolved: est(f.items.unresolved), open: est(f.items.open)},
    bottlenecks: f.bottlenecks.map((b) => ({
      id: b.id,
      name: b.name,
      tier: b.tier,
      score: est(b.score),
      waitShare: est(b.waitShare),
      leadShare: est(b.leadShare),
      utilisation: est(b.utilisation),
      meanWait: est(b.meanWait),
      ...(b.topTasks ? {topTasks: b.topTasks} : {}),
    })),
    groups: f.groups.filter((g) => g.score.mean > 0).map((g) => ({
      key: g.key,
      name: g.name,
      tier: g.tier,
      units: g.units,
      staff: g.staff,
      utilisation: {mean: est(g.utilisation.mean), max: est(g.utilisation.max), above90: est(g.utilisation.above90)},
      meanWait: est(g.meanWait),
      leadShare: est(g.leadShare),
      score: est(g.score),
    })),
    duplicates: dupKeys.map((key) => ({key, value: est(f.duplicates[key])})),
    duplicateContext: Object.keys(f.duplicates).filter((k) => !dupKeys.includes(k)).map((key) => ({key, value: est(f.duplicates[key])})),
    timeSplit: splitOf(f),
    requests: Object.entries(f.requests).map(([key, value]) => ({key, value: est(value)})),
    check: f.check,
  }
}

function graphOf(model: Model, options: Partial<GraphViewOptions> = {}) {
  const g = buildGraph(model)
  const nodes: RawNode[] = []
  g.forEachNode((id, a) => nodes.push({id, label: a.label, kind: a.kind, tier: a.tier, staff: a.staff, parent: a.parent}))
  const edges: RawEdge[] = []
  g.forEachEdge((_key, a, source, target) => edges.push({source, target, type: a.type, hoursPerYear: a.hoursPerYear}))
  return buildGraphView(nodes, edges, options)
}

/** Baseline and scenarios over time, when every run was sampled (SimulateOptions.series). */
function overTimeOf(input: AssembleInput): Pick<ReportData, 'overTime' | 'hoursPerDay'> {
  const base = input.flow && overTime(input.baselineLabel ?? '', input.flow)
  if (!base) return {}
  const lines = input.scenarios.flatMap((s) => (s.flow ? [overTime(s.name, s.flow)].filter((x) => x !== undefined) : []))
  return {overTime: [base, ...lines], hoursPerDay: input.model.clock.hoursPerDay}
}
