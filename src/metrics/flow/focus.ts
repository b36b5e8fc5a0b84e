// What the simulation says about chosen units (`simulate --unit`), item by item: the hours
// their staff spent on each task or request type, how long jobs waited in their lines, and the
// lead time of the items they completed. Summed over the units, per replication, then a mean
// with its 95% CI over replications; hours and counts per year of the observation window.
import {hoursPerYear} from '../../model/types.js'
import type {Model} from '../../model/types.js'
import type {Estimate, ReplicationResult} from '../../sim/api.js'
import {estimate, NONNEGATIVE} from './estimate.js'

export interface FocusTask {
  id: string
  name: string
  type: 'task' | 'request'
  /** Busy hours a year the units spent on it. */
  hoursPerYear: Estimate
  /** Jobs a year the units started on it. */
  startedPerYear: Estimate
  /** Mean hours a job waited in the units' lines before it started. */
  meanWait: Estimate
  /** Items a year completed at the units (they did the final work). */
  completedPerYear: Estimate
  /** Mean lead time, birth to completion, of those items. */
  meanLeadTime: Estimate
}

export interface FocusFlow {
  units: string[]
  tasks: FocusTask[]
}

interface Sums {
  busy: number
  wait: number
  started: number
  completed: number
  lead: number
}

/** Undefined when the runs carry no focus records. */
export function summariseFocus(model: Model, runs: readonly ReplicationResult[], window: {horizon: number; warmup: number}): FocusFlow | undefined {
  if (runs.length === 0 || !runs[0].focus) return undefined
  const perYear = hoursPerYear(model.clock) / Math.max(1e-9, window.horizon - window.warmup)
  const names = new Map<string, {name: string; type: 'task' | 'request'}>()
  for (const d of model.demand) names.set(d.id, {name: d.name, type: 'request'})
  for (const t of model.tasks) names.set(t.id, {name: t.name, type: 'task'})
  const ids = new Set<string>()
  const sums = runs.map((r) => {
    const byTask = new Map<string, Sums>()
    for (const unit of r.focus ?? []) {
      for (const t of unit.tasks) {
        ids.add(t.id)
        let s = byTask.get(t.id)
        if (!s) byTask.set(t.id, (s = {busy: 0, wait: 0, started: 0, completed: 0, lead: 0}))
        s.busy += t.busyHours
        s.wait += t.waitHours
        s.started += t.started
        s.completed += t.completed
        if (t.completed > 0) s.lead += t.meanLeadTime * t.completed
      }
    }
    return byTask
  })
  const of = (id: string, f: (s: Sums) => number) => estimate(sums.map((m) => f(m.get(id) ?? {busy: 0, wait: 0, started: 0, completed: 0, lead: 0})), NONNEGATIVE)
  const tasks = [...ids].map((id): FocusTask => ({
    id,
    name: names.get(id)?.name ?? id,
    type: names.get(id)?.type ?? 'task',
    hoursPerYear: of(id, (s) => s.busy * perYear),
    startedPerYear: of(id, (s) => s.started * perYear),
    meanWait: of(id, (s) => (s.started > 0 ? s.wait / s.started : NaN)),
    completedPerYear: of(id, (s) => s.completed * perYear),
    meanLeadTime: of(id, (s) => (s.completed > 0 ? s.lead / s.completed : NaN)),
  }))
  tasks.sort((a, b) => b.hoursPerYear.mean - a.hoursPerYear.mean || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {units: runs[0].focus!.map((u) => u.id), tasks}
}
