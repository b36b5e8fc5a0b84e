// What the HTML report shows: plain data assembled from the model, its inspection, the
// simulation and the comparisons (src/report/assemble.ts) and turned into HTML by the pure
// renderer (src/report/render.ts). Kept independent of the engine's own types so the page
// can be rendered from fixtures.
import type {Message} from '../i18n/message.js'
import type {FunnelRow} from '../metrics/structure/funnel.js'

/** A mean over replications with its 95% confidence interval. */
export interface Est {
  mean: number
  lo: number
  hi: number
  n: number
}

/** A tier of the funnel: inspect's row (no-staff tiers have a NaN load) and the simulated load. */
export interface FunnelTier extends Omit<FunnelRow, 'tier' | 'nominalLoad'> {
  tier: string
  nominalLoad: number
  /** Staff-weighted utilisation of the tier's units from the simulation. */
  simulatedLoad?: Est
}

export interface StructureFacts {
  depth?: number
  principals?: {mean: number; max: number}
  alignment?: number
  krackhardt?: {connectedness: number; hierarchy: number; efficiency: number; lubness: number}
  coordination?: number
  concentration?: number
}

export interface GraphNode {
  id: string
  /** The unit's name; for a group what its members' names share (may be empty). */
  label: string
  kind: string
  tier?: string
  staff: number
  /** How many units this node stands for (>1 when grouped for size). */
  members: number
  x: number
  y: number
  size: number
  color: string
}

export interface GraphEdge {
  source: string
  target: string
  type: string
  hoursPerYear: number
  color: string
}

export interface ReportGraph {
  nodes: GraphNode[]
  edges: GraphEdge[]
  /** Units and links in the model before capping. */
  totalNodes: number
  totalEdges: number
  /** Whether nodes stand for all units of a tier and kind (the graph was too large to read). */
  aggregated: boolean
  /** Node kinds drawn, with their colours, for the legend. */
  kinds: Array<{kind: string; color: string}>
  edgeTypes: Array<{type: string; color: string}>
}

export interface BottleneckRow {
  id: string
  name: string
  tier?: string
  /** The ranking score (docs/metrics.md, *Bottlenecks*); absent in older fixtures. */
  score?: Est
  waitShare: Est
  /** Share of the items' lead time spent waiting here. */
  leadShare?: Est
  utilisation: Est
  /** Mean wait in hours. */
  meanWait?: Est
  topTasks?: Array<{id: string; hours: number}>
}

/** A tier or a group of replicas: utilisation across its units, and its share of delay. */
export interface AggregateRow {
  key: string
  name: string
  tier?: string
  units: number
  staff: number
  utilisation: {mean: Est; max: Est; above90: Est}
  meanWait: Est
  leadShare: Est
  score: Est
}

export interface TimeSplitEst {
  service: Est
  admin: Est
  inspection: Est
}

export interface FlowFacts {
  seed: number
  replications: number
  horizon: number
  warmup: number
  items: {generated: Est; completed: Est; rejected: Est; unresolved: Est; open: Est}
  bottlenecks: BottleneckRow[]
  /** Replica groups ranked like bottlenecks (those with a score). */
  groups?: AggregateRow[]
  duplicates: Array<{key: string; value: Est}>
  /** Volumes that put the duplicates in proportion (all household contacts, inspections…). */
  duplicateContext?: Array<{key: string; value: Est}>
  timeSplit: TimeSplitEst
  requests: Array<{key: string; value: Est}>
  check?: {spearman: number; topAgree: number}
}

export interface ComparisonRow {
  /** Metric key, e.g. `items.completed` or `timeSplit.service`; labelled through i18n. */
  key: string
  /** The metric's name as the comparison module gives it; else looked up by key. */
  label?: {en: string; zh: string}
  /** How to format values: shares as percentages, the rest as numbers. */
  unit?: 'share' | 'hours' | 'count' | 'ratio'
  baseline: Est
  scenario: Est
  /** Paired difference scenario − baseline. */
  diff: Est
  /** Which direction is an improvement, if any. */
  better?: 'lower' | 'higher'
  /** Whether the CI of the difference excludes zero. */
  significant: boolean
  /** Equal on both sides in every replication: shown as no change, never significant. */
  noChange?: boolean
}

export interface ScenarioComparison {
  id: string
  name: string
  /** What each reform changed, worded in the page's language when rendered. */
  changes: Array<{reform: string; messages: Message[]}>
  rows: ComparisonRow[]
  timeSplit?: TimeSplitEst
}

export interface Definition {
  /** Markdown source of the definitions (a small subset is rendered). */
  markdown: string
  /** Where it came from, shown under the section. */
  source: string
}

/** A quantity over the simulated period: the mean over replications and their range. */
export interface SeriesBand {
  mean: number[]
  lo: number[]
  hi: number[]
}

/** One model's backlog and utilisation over time; point k stands for the block ending at (k + 1) × stepHours. */
export interface OverTime {
  label: string
  stepHours: number
  /** Items in the structure, waiting or being worked on. */
  backlog: SeriesBand
  /** Share of all staff busy. */
  utilisation: SeriesBand
}

export interface ReportData {
  model: {
    id: string
    name: string
    description?: string
    file: string
    sources: Array<{title: string; url?: string; note?: string}>
    units: number
    staff: number
    tasks: number
    demand: number
  }
  /** Free text shown under the title, e.g. the date, passed in by the command. */
  generated?: string
  funnel: FunnelTier[]
  /** What the funnel band width is proportional to. */
  funnelBasis: 'units' | 'staff'
  structure: StructureFacts
  graph: ReportGraph
  flow?: FlowFacts
  comparisons: ScenarioComparison[]
  /** The baseline, then each scenario, when the runs were sampled over time. */
  overTime?: OverTime[]
  /** Working hours a day, for the time axis in days. */
  hoursPerDay?: number
  /** Plain-language definitions for the reader (docs/glossary.md). */
  glossary?: Definition
  /** Technical definitions, shown in the appendix (docs/metrics.md, docs/simulation.md). */
  definitions?: Definition
}
