// Nominal workload, as the reforms need it: how many instances of a task reach each unit per
// year and how many hours that demands. Routing goes through routing.ts so the reforms see
// the same flows as the simulation; escalations are left out (they depend on the run).
import {deliveries, isTerritorial} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import {arrivalsPerHour, hoursPerYear, meanOf} from '../model/types.js'
import type {Task} from '../model/types.js'

export interface TaskReach {
  /** Instances per year arriving at each target unit (a unit may be a target repeatedly). */
  targets: Map<string, number>
  /** Instances per year passing through each relay unit (once per issued instance). */
  relays: Map<string, number>
}

function add(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v)
}

/** Where one task's instances go in a year, summed over its issuers. */
export function taskReach(ix: ModelIndex, task: Task): TaskReach {
  const perYear = arrivalsPerHour(task.arrival) * hoursPerYear(ix.model.clock)
  const targets = new Map<string, number>()
  const relays = new Map<string, number>()
  for (const issuer of task.issuers) {
    const ds = deliveries(ix, task, issuer)
    for (const d of ds) add(targets, d.target, perYear)
    for (const r of new Set(ds.flatMap((d) => d.relays))) add(relays, r, perYear)
  }
  return {targets, relays}
}

/** Nominal hours per year demanded of each unit by tasks (targets and relays) and resident demand. */
export function nominalLoad(ix: ModelIndex): Map<string, number> {
  const {model} = ix
  const load = new Map<string, number>()
  for (const task of model.tasks) {
    const effort = meanOf(task.effort)
    const relay = meanOf(task.relayEffort ?? model.defaults.relayEffort)
    const reach = taskReach(ix, task)
    for (const [id, n] of reach.targets) add(load, id, n * effort)
    for (const [id, n] of reach.relays) add(load, id, n * relay)
  }
  const year = hoursPerYear(model.clock)
  for (const d of model.demand) {
    const effort = meanOf(d.effort)
    for (const u of model.units) {
      if (u.tier !== d.at || !isTerritorial(ix, u)) continue
      add(load, u.id, u.residents * d.perResidentHour * year * effort)
    }
  }
  return load
}

/** Total nominal hours per year a task demands at its targets. */
export function taskTargetHours(ix: ModelIndex, task: Task): number {
  let n = 0
  for (const v of taskReach(ix, task).targets.values()) n += v
  return n * meanOf(task.effort)
}
