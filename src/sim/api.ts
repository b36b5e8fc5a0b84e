// The public types of the simulation: what the engine returns for one replication, the options
// of a run, and the live stepping interface of the dashboard; the summary over replications is
// in ./summary-types.ts, re-exported here. Functions live in their own modules and are
// re-exported from ./index.ts.

export type {WarmupChoice, ReplicationsChoice, FlowUnit, Bottleneck, UnitAggregate, TaskFlow, FlowSummary} from './summary-types.js'

/** All times in working hours. */
export interface SimOptions {
  seed: number
  horizon: number
  warmup: number
  /** Receives every lifecycle event of the run, in time order (for event logs). */
  trace?: TraceSink
  /** Units (ids) whose hours, waits and lead times are also reported by task (`focus` in the result). */
  focus?: readonly string[]
  /** Record the run's time series (ReplicationResult.series), SERIES_POINTS samples over the horizon. */
  series?: boolean
  /** Most jobs alive at once before the run stops with a RunawayError (default: bounds.ts). */
  maxLiveJobs?: number
}

/**
 * Point samples at t = k × step (k = 1 … n) of the whole model: jobs present (waiting or in
 * service, the work in system) and busy servers. Sampling between events changes nothing.
 */
export interface Series {
  step: number
  inSystem: number[]
  busy: number[]
  /** Servers of the model (the denominator of busy / servers). */
  servers: number
}

/**
 * Lifecycle activities of items and task instances. An instance is one issue of a task by one
 * issuer; it fans out into one item per target (relays act on the instance, once per relay).
 */
export type TraceActivity =
  | 'issued' // an item is created (a task instance reaching a target, or a resident request)
  | 'relayed' // a relay forwarded an instance (item = -1)
  | 'queued' // a job entered a unit's queue
  | 'started' // a worker started a job
  | 'escalated' // an item climbed one territorial hop
  | 'reported' // under the responsibility split, the territory reported the item
  | 'summoned' // a department was summoned (吹哨报到)
  | 'inspected' // an inspection was received (or carried out, at the inspector)
  | 'returned' // an access catalogue sent the item back to its issuer
  | 'handoff' // the item was handed over to the unit and waits its hand-off delay (公文流转)
  | 'dispatched' // a hotline centre dispatched the request to the unit (接诉即办)
  | 'refused' // a candidate department refused a contested item (推诿)
  | 'arbitrated' // the candidates' superior ruled on a contested item
  | 'completed'
  | 'rejected'
  | 'unresolved'

export interface TraceEvent {
  time: number
  activity: TraceActivity
  /** Item id, unique within a replication; -1 for an instance-level event (a relay). */
  item: number
  /** Instance id, unique within a replication; -1 for a resident request. */
  instance: number
  /** The unit where it happens. */
  unit: string
  /** The task or demand id. */
  source: string
}

export type TraceSink = (e: TraceEvent) => void

/** A mean over replications with its 95% confidence interval (skewness-corrected t, src/metrics/flow/estimate.ts). */
export interface Estimate {
  mean: number
  lo: number
  hi: number
  sd: number
  n: number
}

export interface ItemCounts {
  generated: number
  completed: number
  rejected: number
  unresolved: number
  open: number
}

export interface UnitRun {
  id: string
  /** Busy server-hours / (staff × observed hours). */
  utilisation: number
  /** Mean hours a job waited in this unit's queue before service. */
  meanWait: number
  /** 95th percentile of job lead time (wait + service) at this unit. */
  p95LeadTime: number
  /** Jobs waiting or in service at the horizon. */
  backlog: number
  /** Jobs that arrived after the warm-up. */
  arrived: number
  /** Jobs whose service finished after the warm-up. */
  served: number
  busyHours: number
  /** Sum of queue waits of jobs that started service after the warm-up. */
  waitHours: number
  /** Jobs that started service after the warm-up (the denominator of meanWait). */
  started: number
  /** Mean hours from joining the line to finishing service, over jobs served. */
  meanSojourn: number
  /** Time-average number of jobs at the unit (waiting or in service): L of Little's law. */
  meanInSystem: number
  /** Items that ended at this unit (completed here), the sample of p95LeadTime. */
  itemsEnded: number
  /** Mean lead time (generation to completion) of the items that ended here. */
  meanLeadTime: number
}

export interface RequestStats {
  raised: number
  resolved: number
  resolutionRate: number
  meanTimeToResolve: number
  p90TimeToResolve: number
  meanHops: number
}

export interface TimeSplit {
  service: number
  admin: number
  inspection: number
}

/** One task's or demand type's items in one replication. */
export interface TaskRun {
  id: string
  /** Items generated (born after the warm-up): task items, or requests raised. */
  items: number
  completed: number
  unresolved: number
  /** Mean and 90th percentile of the lead time of the completed items (NaN when none). */
  meanLeadTime: number
  p90LeadTime: number
}

/** A focus unit's hours, waits and items by task (SimOptions.focus). */
export interface FocusRun {
  id: string
  tasks: Array<{id: string; busyHours: number; waitHours: number; started: number; completed: number; meanLeadTime: number}>
}

export interface ReplicationResult {
  seed: number
  /** The warm-up this replication's statistics start at (hours). */
  warmup: number
  events: number
  items: ItemCounts
  overdue: number
  units: UnitRun[]
  duplicates: Record<string, number>
  timeSplit: TimeSplit
  /** Community-tier hours behind timeSplit. */
  communityHours: TimeSplit
  requests: RequestStats
  tasks: TaskRun[]
  focus?: FocusRun[]
  /** Present when SimOptions.series was set. */
  series?: Series
}

export interface SimulateOptions {
  seed: number
  /** Without it, the run plan's (src/sim/run-length.ts): 10, or more for a slow queue. */
  replications?: number
  horizon?: number
  /**
   * Hours; 'auto', 2 relaxation times of the slowest queue (src/sim/run-length.ts); or 'mser',
   * MSER-5 on a pilot (src/sim/warmup.ts). Default 0.
   */
  warmup?: number | 'auto' | 'mser'
  /** Keep each replication's time series in runs[].series. */
  series?: boolean
  /** Worker threads; 1 runs in the calling thread. Defaults to the number of cores. */
  workers?: number
  /** Units whose hours, waits and lead times each replication also reports by task (runs[].focus). */
  focus?: readonly string[]
  /**
   * How far the run has got, as simulated hours over all replications: called as each
   * replication advances (in steps of 1/PROGRESS_STEPS of the horizon) and finishes. Without
   * it, replications run to the horizon in one go.
   */
  onProgress?: (progress: SimProgress) => void
  /** Refuse runs estimated above this many events (budget.ts; default DEFAULT_MAX_EVENTS). */
  maxEvents?: number
  /** Jobs alive at once over all workers before a RunawayError (bounds.ts). */
  maxLiveJobs?: number
  /** The model already compiled (saves compiling it twice). */
  compiled?: import('./compile.js').Compiled
}

export interface SimProgress {
  replicationsDone: number
  replications: number
  /** Simulated hours run so far, summed over replications (warm-up included). */
  hoursDone: number
  /** replications × horizon. */
  hoursTotal: number
}

/** Live stepping for the dashboard. */
export interface LiveSimulation {
  readonly now: number
  advance(hours: number): void
  snapshot(): LiveSnapshot
}

export interface LiveSnapshot {
  time: number
  items: ItemCounts
  /** `tier` is the tier the unit counts in (its own, else its territory's). */
  units: Array<{id: string; tier?: string; busy: number; staff: number; queue: number; utilisation: number; waitHours: number}>
  /** Lead-time hours of the items completed so far: the denominator of a bottleneck's share of delay. */
  leadHours: number
  duplicates: Record<string, number>
  timeSplit: TimeSplit
  requests: {raised: number; resolved: number; waiting: number}
}
