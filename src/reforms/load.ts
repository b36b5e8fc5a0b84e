// Where a task's instances go, as the reforms need it: how many reach each unit per year and
// how many hours that demands at the targets. Per-unit nominal load is inspect's
// (src/metrics/structure/load.ts).
import {deliveries} from '../model/routing.js'
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

/** Total nominal hours per year a task demands at its targets. */
export function taskTargetHours(ix: ModelIndex, task: Task): number {
  let n = 0
  for (const v of taskReach(ix, task).targets.values()) n += v
  return n * meanOf(task.effort)
}
