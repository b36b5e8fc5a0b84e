// The object and event model shared by the OCEL and XES writers: object ids, qualifiers and
// the catalogue of units, tasks and demand taken from the model. Pure.
import type {Model} from '../model/types.js'
import type {TraceActivity, TraceEvent} from '../sim/api.js'

export interface UnitInfo {
  id: string
  name: string
  kind: string
  tier?: string
  parent?: string
  staff?: number
  powers?: string[]
}

export interface SourceInfo {
  id: string
  name: string
  /** `task` for the task catalogue, `demand` for resident requests. */
  type: 'task' | 'demand'
  kind?: string
  category?: string
  /** Powers needed to resolve it. */
  needs?: string[]
}

/** What the writers know about the model beyond the events: names, kinds, tiers, parents. */
export interface Catalogue {
  units: UnitInfo[]
  sources: SourceInfo[]
}

export function catalogueOf(model: Model): Catalogue {
  return {
    units: model.units.map((u) => ({id: u.id, name: u.name, kind: u.kind, tier: u.tier, parent: u.parent, staff: u.staff, powers: u.powers})),
    sources: [
      ...model.tasks.map((t) => ({id: t.id, name: t.name, type: 'task' as const, kind: t.kind, category: t.category, needs: t.needs})),
      ...model.demand.map((d) => ({id: d.id, name: d.name, type: 'demand' as const, category: d.category, needs: d.needs})),
    ],
  }
}

export const ACTIVITIES: readonly TraceActivity[] = [
  'issued', 'relayed', 'handoff', 'queued', 'started', 'escalated', 'reported', 'summoned', 'dispatched', 'refused', 'arbitrated', 'inspected', 'returned', 'completed', 'rejected', 'unresolved',
]

/** Activities after which an item has no further events. */
export const TERMINAL = new Set<TraceActivity>(['completed', 'rejected', 'unresolved'])

/** A resident request has no task instance. */
export function isRequest(e: TraceEvent): boolean {
  return e.instance < 0
}

/** `item-12` for an item of a task instance, `request-12` for a resident request. */
export function itemObjectId(e: TraceEvent): string {
  return `${isRequest(e) ? 'request' : 'item'}-${e.item}`
}

export function instanceObjectId(instance: number): string {
  return `instance-${instance}`
}

/** Unit, task and demand ids live in separate namespaces in the model, so they get a prefix. */
export function unitObjectId(unit: string): string {
  return `unit:${unit}`
}

export function sourceType(e: TraceEvent): 'task' | 'demand' {
  return isRequest(e) ? 'demand' : 'task'
}

export function sourceObjectId(type: 'task' | 'demand', id: string): string {
  return `${type}:${id}`
}

