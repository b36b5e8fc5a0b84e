// Small hand-built models and a deterministic stand-in engine for the dashboard's own tests.
import type {LiveSimulation, LiveSnapshot, SimOptions} from '../../src/sim/api.js'
import {DEFAULT_CLOCK, DEFAULT_DEFAULTS, DEFAULT_RULES, arrivalsPerHour, meanOf} from '../../src/model/types.js'
import type {Model, Task, Tier, Unit} from '../../src/model/types.js'
import type {FunnelRow, SideFrame} from '../../src/dashboard/state/view.js'

const unit = (id: string, kind: string, tier: Tier | undefined, staff: number, parent?: string, extra: Partial<Unit> = {}): Unit => ({
  id,
  name: extra.name ?? id,
  kind,
  ...(tier ? {tier} : {}),
  ...(parent ? {parent} : {}),
  staff,
  powers: [],
  residents: 0,
  households: 0,
  labels: [],
  ...extra,
})

const task = (id: string, issuers: string[], target: Tier, everyHours: number, effortHours: number): Task => ({
  id,
  name: id,
  issuers,
  target,
  kind: 'routine',
  arrival: {type: 'periodic', every: everyHours, offset: 0},
  effort: {dist: 'fixed', value: effortHours},
  needs: [],
  collects: [],
  contacts: 0,
  veto: false,
  labels: [],
})

/** District → street → two communities → grids; communities are overloaded. */
export function tinyModel(): Model {
  return {
    format: 1,
    id: 'tiny',
    name: '小区县 tiny',
    sources: [],
    clock: {...DEFAULT_CLOCK},
    kinds: [],
    powers: [],
    categories: [],
    units: [
      unit('d', 'government', 'district', 5),
      unit('d/civil', 'department', 'district', 6, 'd', {name: '民政局', domain: 'civil-affairs'}),
      unit('d/urban', 'department', 'district', 6, 'd', {name: '城管局', domain: 'urban'}),
      unit('d/s', 'street', 'street', 2, 'd', {name: '街道'}),
      unit('d/s/c1', 'community', 'community', 1, 'd/s', {name: '社区一', residents: 5000}),
      unit('d/s/c2', 'community', 'community', 1, 'd/s', {name: '社区二', residents: 5000}),
      unit('d/s/c1/g', 'grid', 'grid', 1, 'd/s/c1'),
      unit('d/s/c2/g', 'grid', 'grid', 1, 'd/s/c2'),
    ],
    relations: [],
    tasks: [task('forms', ['d/civil'], 'community', 4, 5), task('patrol', ['d/urban'], 'grid', 8, 2), task('report', ['d'], 'street', 8, 1)],
    demand: [],
    defaults: {...DEFAULT_DEFAULTS},
    rules: {...DEFAULT_RULES},
    file: 'tiny.yaml',
  }
}

/**
 * A fluid stand-in for the engine: each unit receives its tasks' hours at a constant rate and
 * serves them with its staff; the excess piles up as a queue. Deterministic and seed-free, so
 * the session and controller tests can assert exact numbers.
 */
export function fakeSimulation(model: Model, _options: SimOptions): LiveSimulation {
  const inflow = new Map<string, number>()
  for (const t of model.tasks) {
    const hours = arrivalsPerHour(t.arrival) * t.issuers.length * meanOf(t.effort)
    for (const u of model.units) if (u.tier === t.target && u.kind !== 'department') inflow.set(u.id, (inflow.get(u.id) ?? 0) + hours)
  }
  const backlog = new Map<string, number>()
  const busyHours = new Map<string, number>()
  let now = 0
  return {
    get now() {
      return now
    },
    advance(hours) {
      for (const u of model.units) {
        const rate = inflow.get(u.id) ?? 0
        const b = backlog.get(u.id) ?? 0
        const served = Math.min(u.staff * hours, b + rate * hours)
        backlog.set(u.id, b + rate * hours - served)
        busyHours.set(u.id, (busyHours.get(u.id) ?? 0) + served)
      }
      now += hours
    },
    snapshot(): LiveSnapshot {
      const units = model.units.map((u) => {
        const rate = inflow.get(u.id) ?? 0
        const queue = Math.floor(backlog.get(u.id) ?? 0)
        return {
          id: u.id,
          ...(u.tier ? {tier: u.tier} : {}),
          staff: u.staff,
          busy: queue > 0 ? u.staff : Math.min(u.staff, rate),
          queue,
          utilisation: now > 0 ? (busyHours.get(u.id) ?? 0) / (u.staff * now) : 0,
          waitHours: queue * now,
        }
      })
      const generated = Math.floor(now / 4)
      return {
        time: now,
        items: {generated, completed: Math.floor(generated / 2), rejected: 0, unresolved: 0, open: generated - Math.floor(generated / 2)},
        units,
        leadHours: 10 * now,
        duplicates: {duplicateContacts: Math.floor(now / 8), escalations: Math.floor(now / 16)},
        timeSplit: {service: 1, admin: 2, inspection: 1},
        requests: {raised: Math.floor(now / 2), resolved: Math.floor(now / 3), waiting: Math.floor(now / 2) - Math.floor(now / 3)},
      }
    },
  }
}

/** A snapshot with given units, for the pure view functions. */
export function snapshot(units: Array<Omit<LiveSnapshot['units'][number], 'waitHours'> & {waitHours?: number}>, extra: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    time: 0,
    items: {generated: 0, completed: 0, rejected: 0, unresolved: 0, open: 0},
    units: units.map((u) => ({waitHours: 0, ...u})),
    leadHours: 0,
    duplicates: {},
    timeSplit: {service: 0, admin: 0, inspection: 0},
    requests: {raised: 0, resolved: 0, waiting: 0},
    ...extra,
  }
}

export const FUNNEL: FunnelRow[] = [
  {tier: 'district', units: 26, staff: 300, busy: 120, load: 0.4, queue: 3},
  {tier: 'street', units: 2, staff: 4, busy: 3, load: 0.75, queue: 17},
  {tier: 'community', units: 6, staff: 24, busy: 23, load: 0.96, queue: 148},
  {tier: 'grid', units: 12, staff: 12, busy: 6, load: 0.5, queue: 2},
]

export function side(overrides: Partial<SideFrame> = {}): SideFrame {
  return {
    funnel: FUNNEL,
    items: {generated: 1200, completed: 900, rejected: 0, unresolved: 40, open: 260},
    duplicates: [
      ['duplicateContacts', 320],
      ['escalations', 41],
    ],
    timeSplit: {service: 0.3, admin: 0.2, inspection: 0.5},
    requests: {raised: 500, resolved: 310, waiting: 190},
    backlog: [0, 10, 20, 40, 80, 120, 150],
    waiting: [0, 5, 8, 12, 15, 18, 19],
    ...overrides,
  }
}
