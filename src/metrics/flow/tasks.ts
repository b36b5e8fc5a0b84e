// Per-task results over replications: how many items each task or demand type produced and
// how long they took (a benefit approval's lead time), each a mean with its 95% CI.
import type {Model} from '../../model/types.js'
import type {ReplicationResult, TaskFlow} from '../../sim/api.js'
import {estimate, NONNEGATIVE} from './estimate.js'

export function summariseTasks(model: Model, runs: readonly ReplicationResult[]): TaskFlow[] {
  const named = [...model.tasks.map((t) => ({id: t.id, name: t.name, source: 'task' as const})), ...model.demand.map((d) => ({id: d.id, name: d.name, source: 'demand' as const}))]
  return named.map((t, s) => {
    const of = (f: (r: ReplicationResult) => number) => estimate(runs.map(f), NONNEGATIVE)
    return {
      id: t.id,
      name: t.name,
      source: t.source,
      items: of((r) => r.tasks[s].items),
      completed: of((r) => r.tasks[s].completed),
      unresolved: of((r) => r.tasks[s].unresolved),
      meanLeadTime: of((r) => r.tasks[s].meanLeadTime),
      p90LeadTime: of((r) => r.tasks[s].p90LeadTime),
    }
  })
}

/** The tasks whose completed items took longest on average, slowest first. */
export function slowestTasks(tasks: readonly TaskFlow[], n: number): TaskFlow[] {
  return tasks
    .filter((t) => Number.isFinite(t.meanLeadTime.mean))
    .sort((a, b) => b.meanLeadTime.mean - a.meanLeadTime.mean || (a.id < b.id ? -1 : 1))
    .slice(0, n)
}
