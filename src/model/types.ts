// The resolved model: what the loader produces from YAML and what the graph, metrics,
// simulation and reforms consume. Plain data (no Maps, no classes) so it can be cloned,
// serialised and sent to worker threads. All durations are working hours.

export const TIERS = ['city', 'district', 'street', 'community', 'grid'] as const
export type Tier = (typeof TIERS)[number]

/** Kinds every model may use without declaring them. */
export const BUILTIN_KINDS = [
  'party',
  'government',
  'department',
  'street',
  'community',
  'social-org',
  'grid',
  'owners-committee',
  'property-company',
] as const

/** Built-in kinds that own a territory (blocks, 块): tasks flow down through them. */
export const TERRITORIAL_KINDS = ['government', 'street', 'community', 'grid'] as const

export const TASK_KINDS = [
  'routine',
  'temporary',
  'statistics',
  'inspection',
  'service',
  'enforcement',
  'mediation',
] as const
export type TaskKind = (typeof TASK_KINDS)[number]

export const RELATION_TYPES = ['leads', 'coordinates', 'contracts', 'shares-data', 'summons'] as const
export type RelationType = (typeof RELATION_TYPES)[number]

/** Where a value was written: used by every error and change-log message. */
export interface SourceLocation {
  file: string
  line: number
  column: number
  /** Path inside the file, e.g. `units[3].parent`. */
  path: string
}

export type Distribution =
  | {dist: 'fixed'; value: number}
  | {dist: 'exp'; mean: number}
  | {dist: 'lognormal'; mean: number; sd: number}
  | {dist: 'triangular'; min: number; mode: number; max: number}

export type Arrival =
  /**
   * One instance every `every` hours per issuer, the first at `offset`. Without an offset each
   * issuer's phase is drawn uniformly in [0, every): a monthly report is due monthly, but not
   * every department sends it at the same instant.
   */
  | {type: 'periodic'; every: number; offset?: number}
  /** Poisson arrivals per issuer. */
  | {type: 'poisson'; perHour: number}

export interface Clock {
  hoursPerDay: number
  daysPerYear: number
}

export interface Vocab {
  id: string
  name: string
}

export interface KindDef {
  id: string
  name: string
  /** Whether units of this kind own a territory that tasks flow through. */
  territorial: boolean
}

export interface Source {
  title: string
  url?: string
  note?: string
}

export interface Unit {
  /** Full path id; replicas of `count` get `street-3`, nested ids join with `/`. */
  id: string
  name: string
  kind: string
  tier?: Tier
  parent?: string
  domain?: string
  /** Full-time equivalents: the unit's parallel servers. */
  staff: number
  powers: string[]
  residents: number
  households: number
  labels: string[]
  /** Hand-off delay of hand-overs this unit receives; the model default when absent. */
  handoffDelay?: Distribution
  loc?: SourceLocation
}

export interface Relation {
  type: RelationType
  from: string
  to: string
  /** For `summons`: hours until the summoned department reports. */
  responseTime?: number
  loc?: SourceLocation
}

/** Effort given per `size` households or residents of the unit the work is for. */
export interface EffortPer {
  size: number
  basis: 'households' | 'residents'
}

/** 推诿扯皮: a share of the items has no clear competent department among the candidates. */
export interface Contested {
  share: number
  /** Candidate departments (resolved ids): by default those holding any of the needed powers. */
  candidates: string[]
  /** Named owners (权责清单): a contested item goes straight to the one in scope. */
  owner?: string[]
}

/** Set on a task by an access catalogue: the task is not admitted into `tier`. */
export interface AccessGate {
  tier: Tier
  /** Share of instances still pushed down informally. */
  leakage: number
  otherwise: 'return' | 'abolish'
}

export interface Task {
  id: string
  name: string
  category?: string
  /** Resolved issuing unit ids (the selector's matches). */
  issuers: string[]
  /** Tier where the task is executed. */
  target: Tier
  kind: TaskKind
  arrival: Arrival
  /** Effort per target unit, or per `effortPer` households or residents of the target. */
  effort: Distribution
  effortPer?: EffortPer
  /** Effort a relay spends forwarding one instance; defaults to the model's. */
  relayEffort?: Distribution
  needs: string[]
  collects: string[]
  /** Share of the target's households visited when collecting. */
  contacts: number
  /** How long collected data stays valid (hours). */
  validity?: number
  veto: boolean
  /** Hours from issue to due. */
  deadline?: number
  labels: string[]
  /** Set by the access-catalogue reform. */
  gate?: AccessGate
  /** Set by purchase-services: explicit executing units (replaces target-tier routing). */
  executors?: string[]
  contested?: Contested
  /** Inspections: the window one instance's visits are spread over (hours); the default when absent. */
  spread?: number
  /** Inspections: the inspector's own hours per visit; the default when absent. */
  inspectorEffort?: Distribution
  loc?: SourceLocation
}

export interface Demand {
  id: string
  name: string
  category?: string
  /** Tier where residents raise it. */
  at: Tier
  /** Requests per resident per working hour. */
  perResidentHour: number
  effort: Distribution
  effortPer?: EffortPer
  needs: string[]
  contested?: Contested
  labels: string[]
  loc?: SourceLocation
}

export interface Defaults {
  relayEffort: Distribution
  escalationEffort: Distribution
  /** Share of a task's effort a unit spends on the formal part before escalating. */
  formalShare: number
  /** Residents per household, used when a unit gives residents but not households. */
  householdSize: number
  /** Validity of collected data when a task does not say (hours). */
  collectionValidity: number
  /**
   * Two inspections of one unit in one category closer than this (hours) are redundant.
   * Shorter than a month, so that a monthly inspection's own repeat is not.
   */
  redundancyWindow: number
  /** 公文流转: how long a hand-over between units waits for sign-off and circulation, occupying no one. */
  handoffDelay: Distribution
  /** The window one inspection's visits are spread over (hours). */
  spread: number
  /** The inspector's own hours per visit. */
  inspectorEffort: Distribution
}

/** 推诿扯皮: what happens to contested items. */
export interface BuckPassing {
  /** Probability that a candidate refuses a contested item sent to it. */
  refusal: number
  /** Refusals after which the nearest common superior arbitrates. */
  maxTransfers: number
  /** Effort of the refusing unit per refusal (reading, deciding, sending on). */
  transferEffort: Distribution
  /** Effort of the arbitrating superior. */
  arbitrationEffort: Distribution
}

/** 接诉即办: resident requests are raised at dispatch centres, which send each to the unit able to resolve it. */
export interface Hotline {
  /** The dispatch centres (unit ids); a request goes to the one whose territory holds it. */
  centres: string[]
  /** Effort of the centre per request (taking the call, recording, routing). */
  dispatchEffort: Distribution
  /** Time from dispatch until the receiving unit has the request (replaces hand-offs and hops). */
  dispatchTime: Distribution
  /** Dispatched requests are assessed: due this many hours after they are raised, served in the deadline class. */
  deadline: number
}

export interface Rules {
  /** `territorial` = 属地管理 escalation; `split` = 主管责任+属地责任. */
  responsibility: 'territorial' | 'split'
  /** Effort to discover and report under `split`. */
  reportEffort: Distribution
  /** 吹哨报到: tiers that may summon departments directly, and the response time. */
  whistle?: {from: Tier[]; responseTime: Distribution}
  /** 信息共享平台: fields served from the platform within validity ('all' or a list). */
  dataSharing?: {fields: 'all' | string[]}
  buckPassing: BuckPassing
  hotline?: Hotline
}

export interface Model {
  format: 1
  id: string
  name: string
  description?: string
  sources: Source[]
  clock: Clock
  kinds: KindDef[]
  powers: Vocab[]
  categories: Vocab[]
  units: Unit[]
  relations: Relation[]
  tasks: Task[]
  demand: Demand[]
  defaults: Defaults
  rules: Rules
  /** The root file the model was loaded from. */
  file: string
}

export {DEFAULT_BUCK_PASSING, DEFAULT_CLOCK, DEFAULT_DEFAULTS, DEFAULT_RULES, REDUNDANCY_WINDOW_DAYS} from './defaults.js'
export {meanOf, scaledDistribution} from './distribution.js'

/** Mean arrivals per issuer per working hour. */
export function arrivalsPerHour(a: Arrival): number {
  return a.type === 'periodic' ? 1 / a.every : a.perHour
}

export function hoursPerYear(clock: Clock): number {
  return clock.hoursPerDay * clock.daysPerYear
}
