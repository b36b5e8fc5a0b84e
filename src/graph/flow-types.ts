// The results of the structural flow analysis (./flows.ts): channels, per-unit flows and the
// bookings a tap receives, and the helpers that read them.
import type {ModelIndex, StageType} from '../model/routing.js'
import type {Tier} from '../model/types.js'

export interface Channel {
  type: 'task' | 'inspects'
  from: string
  to: string
  tasksPerYear: number
  hoursPerYear: number
  /** Distinct catalogue items travelling the channel. */
  items: number
}

export interface UnitFlow {
  /** Effort executing tasks and inspections that reach the unit as a target. */
  taskHours: number
  /** Effort forwarding instances to the units below (二传手). */
  relayHours: number
  /** Effort on requests raised by the unit's residents. */
  demandHours: number
  /** Effort on items an access catalogue sent back to the unit as their issuer. */
  returnedHours: number
  /** Inspector's own effort on the inspections it issues (both sides spend the hours). */
  inspectorHours: number
  /** Formal part, reporting and escalation hops on items needing powers a unit lacks. */
  escalationHours: number
  /** Work on items escalated, reported or summoned to the unit because it holds the power. */
  resolvedHours: number
  /** Hours spent resolving items (tasks, returned tasks, requests): the base of alignment. */
  resolutionHours: number
  /** Of resolutionHours, those on items the unit holds every needed power for. */
  alignedHours: number
  /** Jobs per year behind the hours: one per item and step of its plan at the unit, per instance relayed, per inspection (their mean length: src/metrics/structure/relaxation.ts). */
  jobs: number
  /** Distinct issuing units whose tasks reach the unit (itself excluded). */
  issuers: Set<string>
  /** Task and relay hours arriving at the unit, by original issuer. */
  inflowByIssuer: Map<string, number>
}

export interface FlowAnalysis {
  hoursPerYear: number
  ix: ModelIndex
  channels: Channel[]
  /** Only units that receive or do some work have an entry: use flowOf(). */
  units: Map<string, UnitFlow>
  /** Distinct task ids reaching units of each tier. */
  tierItems: Map<Tier, Set<string>>
  deliveries: {perYear: number; hopsPerYear: number; maxHops: number}
}

/** Where booked hours come from: one issuer's instances of a task, or a demand type. */
export type FlowSource = {task: number; issuer: string} | {demand: number}

/** The UnitFlow fields that add up to a unit's demanded hours. */
export type LoadComponent = 'taskHours' | 'relayHours' | 'demandHours' | 'returnedHours' | 'inspectorHours' | 'escalationHours' | 'resolvedHours'

/** Receives every booking on the watched units, item by item of the catalogue. */
export interface FlowTap {
  units: ReadonlySet<string>
  /** `stage` is the resolution-plan step (work, formal, report, escalate) when there is one. */
  record(unit: string, source: FlowSource, component: LoadComponent, hours: number, itemsPerYear: number, stage?: StageType): void
}

export function demandedHours(f: UnitFlow): number {
  return f.taskHours + f.relayHours + f.demandHours + f.returnedHours + f.inspectorHours + f.escalationHours + f.resolvedHours
}

/** A unit no work reaches. */
export const EMPTY_FLOW: UnitFlow = Object.freeze({
  taskHours: 0,
  relayHours: 0,
  demandHours: 0,
  returnedHours: 0,
  inspectorHours: 0,
  escalationHours: 0,
  resolvedHours: 0,
  resolutionHours: 0,
  alignedHours: 0,
  jobs: 0,
  issuers: new Set<string>(),
  inflowByIssuer: new Map<string, number>(),
}) as UnitFlow

export function flowOf(a: FlowAnalysis, id: string): UnitFlow {
  return a.units.get(id) ?? EMPTY_FLOW
}
