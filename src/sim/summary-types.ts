// The summary over replications that simulateModel returns (src/metrics/flow/summarise.ts):
// estimates with their 95% intervals per unit, tier, bottleneck and task, and how the run's
// length was chosen. Re-exported from ./api.ts.
import type {Estimate, ItemCounts, ReplicationResult} from './api.js'

/** How the warm-up was chosen (docs/metrics.md, *Run length*). */
export interface WarmupChoice {
  /**
   * `relaxation`: 2 relaxation times of the slowest queue (`--warmup auto`); `mser-5`: MSER-5 on
   * the mean over replications of a pilot's work in system (`--warmup mser`); `light-load`: no
   * unit above half load, no warm-up; `overloaded`: the only loaded units are above 1, no steady
   * state to wait for, no warm-up; `fixed`: as given.
   */
  method: 'relaxation' | 'mser-5' | 'light-load' | 'overloaded' | 'fixed'
  /** mser-5: each replication's own MSER-5 truncation (hours), for inspection; empty otherwise. */
  perReplication: number[]
  /** mser-5: replications whose series never settled (truncation at its limit); 0 otherwise. */
  unsettled: number
  /** relaxation: the unit with the slowest queue and its relaxation time (hours). */
  unit?: string
  relaxation?: number
}

/** How the number of replications was chosen (docs/metrics.md, *Run length*). */
export interface ReplicationsChoice {
  /** `default`: 10; `relaxation`: more, for 100 relaxation times of the slowest queue; `fixed`: as given. */
  method: 'default' | 'relaxation' | 'fixed'
  /** The slowest queue (largest relaxation time among units loaded above half and below 1), if any. */
  unit?: string
  /** Its relaxation time in hours. */
  relaxation?: number
  /** Its relaxation times observed over all replications: replications × (horizon − warm-up) / relaxation. */
  relaxations?: number
}

export interface FlowUnit {
  id: string
  name: string
  kind: string
  tier?: string
  staff: number
  utilisation: Estimate
  meanWait: Estimate
  p95LeadTime: Estimate
  backlog: Estimate
}

/** A ranked bottleneck (src/metrics/flow/bottlenecks.ts, docs/metrics.md). */
export interface Bottleneck {
  id: string
  name: string
  tier?: string
  /** leadShare × loadWeight(utilisation); what the ranking sorts by. */
  score: Estimate
  utilisation: Estimate
  meanWait: Estimate
  /** The unit's share of all hours waited in any line (the former ranking key, same meaning). */
  waitShare: Estimate
  /** Hours waited in the unit's line / lead-time hours of the items completed: its share of delay. */
  leadShare: Estimate
  /** The tasks (or request types) that load the unit most: nominal hours a year, largest first, at most 3 (src/metrics/flow/top-tasks.ts). */
  topTasks?: Array<{id: string; hours: number}>
}

/** A tier, or a group of replicas of one entry, summed up (src/metrics/flow/groups.ts). */
export interface UnitAggregate {
  /** The tier, or the id pattern of the replicas (each `-N` replaced by `-*`). */
  key: string
  /** The first member's name. */
  name: string
  tier?: string
  units: number
  staff: number
  /** Staff-weighted mean, the largest, and how many units are above 0.9. */
  utilisation: {mean: Estimate; max: Estimate; above90: Estimate}
  /** Mean wait of the jobs started at the members. */
  meanWait: Estimate
  waitShare: Estimate
  leadShare: Estimate
  /** The bottleneck score of the group as one unit (summed leadShare, mean utilisation). */
  score: Estimate
}

/** One task's or demand type's items over replications (`flow.tasks[]`). */
export interface TaskFlow {
  id: string
  name: string
  source: 'task' | 'demand'
  items: Estimate
  completed: Estimate
  unresolved: Estimate
  meanLeadTime: Estimate
  p90LeadTime: Estimate
}

export interface FlowSummary {
  seed: number
  replications: number
  horizon: number
  warmup: number
  warmupChoice: WarmupChoice
  replicationsChoice: ReplicationsChoice
  items: Record<keyof ItemCounts, Estimate>
  overdue: Estimate
  units: FlowUnit[]
  bottlenecks: Bottleneck[]
  /** Every unit counted in its tier (declared, else its territory's), top tier first. */
  tiers: UnitAggregate[]
  /** Groups of replicas of one entry, by score. */
  groups: UnitAggregate[]
  duplicates: Record<string, Estimate>
  timeSplit: {service: Estimate; admin: Estimate; inspection: Estimate}
  requests: Record<string, Estimate>
  tasks: TaskFlow[]
  /** Structural vs simulated: nominal load against simulated utilisation. */
  check: {spearman: number; topAgree: number}
  runs: ReplicationResult[]
}
