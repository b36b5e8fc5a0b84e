// The public types of the simulation: what the engine returns for one replication, what the
// summary over replications looks like, and the live stepping interface of the dashboard.
// Functions live in their own modules and are re-exported from ./index.ts.

/** All times in working hours. */
export interface SimOptions {
  seed: number
  horizon: number
  warmup: number
}

/** A mean over replications with its 95% Student-t confidence interval. */
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

export interface ReplicationResult {
  seed: number
  events: number
  items: ItemCounts
  overdue: number
  units: UnitRun[]
  duplicates: Record<string, number>
  timeSplit: TimeSplit
  /** Community-tier hours behind timeSplit. */
  communityHours: TimeSplit
  requests: RequestStats
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

export interface Bottleneck {
  id: string
  name: string
  tier?: string
  waitShare: Estimate
  utilisation: Estimate
}

export interface FlowSummary {
  seed: number
  replications: number
  horizon: number
  warmup: number
  items: Record<keyof ItemCounts, Estimate>
  overdue: Estimate
  units: FlowUnit[]
  bottlenecks: Bottleneck[]
  duplicates: Record<string, Estimate>
  timeSplit: {service: Estimate; admin: Estimate; inspection: Estimate}
  requests: Record<string, Estimate>
  /** Structural vs simulated: nominal load against simulated utilisation. */
  check: {spearman: number; topAgree: number}
  runs: ReplicationResult[]
}

export interface SimulateOptions {
  seed: number
  replications: number
  horizon?: number
  warmup?: number
  /** Worker threads; 1 runs in the calling thread. Defaults to the number of cores. */
  workers?: number
  onProgress?: (done: number, total: number) => void
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
  units: Array<{id: string; tier?: string; busy: number; staff: number; queue: number; utilisation: number}>
  duplicates: Record<string, number>
  timeSplit: TimeSplit
  requests: {raised: number; resolved: number; waiting: number}
}
