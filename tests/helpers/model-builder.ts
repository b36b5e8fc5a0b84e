// Building resolved Models in code, for tests and benchmarks: every field gets the
// loader's default unless given. Durations are hours; `every` and `rate` follow the model
// language (`every` hours per instance, `rate` instances per hour).
import {DEFAULT_CLOCK, DEFAULT_DEFAULTS, DEFAULT_RULES} from '../../src/model/types.js'
import type {AccessGate, Clock, Defaults, Demand, Distribution, Model, Relation, RelationType, Rules, Task, TaskKind, Tier, Unit} from '../../src/model/types.js'

export type UnitSpec = Partial<Unit> & {id: string; kind: string}

export function unit(spec: UnitSpec): Unit {
  return {name: spec.id, staff: 1, powers: [], residents: 0, households: 0, labels: [], ...spec}
}

export interface TaskSpec {
  id: string
  issuers: string[]
  target: Tier
  kind?: TaskKind
  /** Hours between instances per issuer (periodic). */
  every?: number
  /** Instances per hour per issuer (Poisson); used when `every` is absent. */
  rate?: number
  effort?: number | Distribution
  relayEffort?: number | Distribution
  needs?: string[]
  category?: string
  labels?: string[]
  collects?: string[]
  gate?: AccessGate
  executors?: string[]
}

export function dist(d: number | Distribution): Distribution {
  return typeof d === 'number' ? {dist: 'fixed', value: d} : d
}

export function task(spec: TaskSpec): Task {
  const t: Task = {
    id: spec.id,
    name: spec.id,
    issuers: spec.issuers,
    target: spec.target,
    kind: spec.kind ?? 'routine',
    arrival: spec.every !== undefined ? {type: 'periodic', every: spec.every, offset: 0} : {type: 'poisson', perHour: spec.rate ?? 0.01},
    effort: dist(spec.effort ?? 1),
    needs: spec.needs ?? [],
    collects: spec.collects ?? [],
    contacts: 0,
    veto: false,
    labels: spec.labels ?? [],
  }
  if (spec.category !== undefined) t.category = spec.category
  if (spec.relayEffort !== undefined) t.relayEffort = dist(spec.relayEffort)
  if (spec.gate) t.gate = spec.gate
  if (spec.executors) t.executors = spec.executors
  return t
}

export function relation(type: RelationType, from: string, to: string, responseTime?: number): Relation {
  return responseTime === undefined ? {type, from, to} : {type, from, to, responseTime}
}

export function demand(spec: {id: string; at: Tier; perResidentHour: number; effort?: number | Distribution; needs?: string[]}): Demand {
  return {id: spec.id, name: spec.id, at: spec.at, perResidentHour: spec.perResidentHour, effort: dist(spec.effort ?? 1), needs: spec.needs ?? [], labels: []}
}

export interface ModelSpec {
  id?: string
  name?: string
  clock?: Clock
  units: Unit[]
  tasks?: Task[]
  relations?: Relation[]
  demand?: Demand[]
  defaults?: Partial<Defaults>
  rules?: Partial<Rules>
  powers?: string[]
  categories?: string[]
}

export function buildModel(spec: ModelSpec): Model {
  return {
    format: 1,
    id: spec.id ?? 'test',
    name: spec.name ?? spec.id ?? 'test',
    sources: [],
    clock: spec.clock ?? {...DEFAULT_CLOCK},
    kinds: [],
    powers: (spec.powers ?? []).map((id) => ({id, name: id})),
    categories: (spec.categories ?? []).map((id) => ({id, name: id})),
    units: spec.units,
    relations: spec.relations ?? [],
    tasks: spec.tasks ?? [],
    demand: spec.demand ?? [],
    defaults: {...DEFAULT_DEFAULTS, ...spec.defaults},
    rules: {...DEFAULT_RULES, ...spec.rules},
    file: `${spec.id ?? 'test'}.yaml`,
  }
}

/**
 * A district funnel: `district` government with departments (one per domain, each holding
 * `<domain>.power`), `streets` street offices, each with `communities` communities.
 * Ids follow the loader's replica scheme: `district/street-2/community-3`.
 */
export function districtUnits(opts: {
  id?: string
  parent?: string
  tier?: Tier
  domains?: string[]
  streets: number
  communities: number
  residents?: number
  staff?: {district?: number; department?: number; street?: number; community?: number}
}): Unit[] {
  const d = opts.id ?? 'district'
  const staff = opts.staff ?? {}
  const out: Unit[] = [unit({id: d, kind: 'government', tier: opts.tier ?? 'district', staff: staff.district ?? 40, parent: opts.parent})]
  for (const domain of opts.domains ?? []) {
    out.push(unit({id: `${d}/dept-${domain}`, kind: 'department', tier: opts.tier ?? 'district', parent: d, domain, staff: staff.department ?? 30, powers: [`${domain}.power`]}))
  }
  for (let s = 1; s <= opts.streets; s++) {
    const sid = `${d}/street-${s}`
    out.push(unit({id: sid, kind: 'street', tier: 'street', parent: d, staff: staff.street ?? 60}))
    for (let c = 1; c <= opts.communities; c++) {
      out.push(unit({id: `${sid}/community-${c}`, kind: 'community', tier: 'community', parent: sid, staff: staff.community ?? 12, residents: opts.residents ?? 8000}))
    }
  }
  return out
}
