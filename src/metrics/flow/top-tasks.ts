// The tasks that load a bottleneck most: its nominal hours a year by catalogue task or request
// type, booked by the same flow analysis as its nominal load and `inspect --unit`
// (src/metrics/structure/unit-breakdown.ts), so they name where its work comes from whatever
// the replications happened to draw. Every issuer of a task counts towards the task.
import {traceFlows} from '../../graph/flows.js'
import type {Model} from '../../model/types.js'

/** Tasks shown per bottleneck. */
export const TOP_TASKS = 3

/** For each unit id: its top `k` tasks or request types by nominal hours a year, largest first (ties by id). */
export function topTasksOf(model: Model, ids: readonly string[], k = TOP_TASKS): Map<string, Array<{id: string; hours: number}>> {
  const hours = new Map<string, Map<string, number>>(ids.map((id) => [id, new Map()]))
  if (ids.length === 0) return new Map()
  traceFlows(model, {
    units: new Set(ids),
    record(unit, source, _component, h) {
      const by = hours.get(unit)
      if (!by || !(h > 0)) return
      const id = 'task' in source ? model.tasks[source.task].id : model.demand[source.demand].id
      by.set(id, (by.get(id) ?? 0) + h)
    },
  })
  const out = new Map<string, Array<{id: string; hours: number}>>()
  for (const [unit, by] of hours) {
    const rows = [...by].map(([id, h]) => ({id, hours: h}))
    rows.sort((a, b) => b.hours - a.hours || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    out.set(unit, rows.slice(0, k))
  }
  return out
}
