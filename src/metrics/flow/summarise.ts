// Flow metrics over replications: every per-run number becomes a mean with a 95% CI;
// bottlenecks are ranked by one score (./bottlenecks.ts), tiers and replica groups summed up; the structural check compares the
// nominal load with simulated utilisation.
import type {Model} from '../../model/types.js'
import type {Estimate, FlowSummary, FlowUnit, ItemCounts, ReplicationResult, SimOptions} from '../../sim/api.js'
import {rankBottlenecks} from './bottlenecks.js'
import {topTasksOf} from './top-tasks.js'
import {replicaGroups, tierAggregates} from './groups.js'
import {NONNEGATIVE, SHARE, estimate} from './estimate.js'

/** Replication metrics that are shares: their intervals stay within [0, 1]. */
const SHARE_KEYS = new Set(['resolutionRate', 'arbitrationShare'])
import {nominalLoad} from '../structure/load.js'
import {spearman, topOverlap} from './spearman.js'
import {summariseTasks} from './tasks.js'

const TOP_K = 5
const ITEM_KEYS: Array<keyof ItemCounts> = ['generated', 'completed', 'rejected', 'unresolved', 'open']

export function summarise(model: Model, runs: ReplicationResult[], seed: number, options: SimOptions): Omit<FlowSummary, 'warmupChoice' | 'replicationsChoice'> {
  const of = (f: (r: ReplicationResult) => number, range = NONNEGATIVE): Estimate => estimate(runs.map(f), range)
  const items = Object.fromEntries(ITEM_KEYS.map((k) => [k, of((r) => r.items[k])])) as Record<keyof ItemCounts, Estimate>
  const units: FlowUnit[] = model.units.map((u, i) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    ...(u.tier ? {tier: u.tier} : {}),
    staff: u.staff,
    utilisation: of((r) => r.units[i].utilisation, SHARE),
    meanWait: of((r) => r.units[i].meanWait),
    p95LeadTime: of((r) => r.units[i].p95LeadTime),
    backlog: of((r) => r.units[i].backlog),
  }))
  // Each bottleneck with the tasks that load it most, from the structure (top-tasks.ts).
  const ranked = rankBottlenecks(units, runs, (ids) => topTasksOf(model, ids))
  const keys = (pick: (r: ReplicationResult) => Record<string, number>): Record<string, Estimate> =>
    Object.fromEntries(Object.keys(runs.length > 0 ? pick(runs[0]) : {}).map((k) => [k, of((r) => pick(r)[k], SHARE_KEYS.has(k) ? SHARE : NONNEGATIVE)]))
  return {
    seed,
    replications: runs.length,
    horizon: options.horizon,
    warmup: options.warmup,
    items,
    overdue: of((r) => r.overdue),
    units,
    bottlenecks: ranked,
    tiers: tierAggregates(model, runs),
    groups: replicaGroups(model, runs),
    duplicates: keys((r) => r.duplicates),
    timeSplit: {service: of((r) => r.timeSplit.service, SHARE), admin: of((r) => r.timeSplit.admin, SHARE), inspection: of((r) => r.timeSplit.inspection, SHARE)},
    requests: keys((r) => r.requests as unknown as Record<string, number>),
    tasks: summariseTasks(model, runs),
    check: structuralCheck(nominalOf(model), units.map((u) => u.utilisation.mean)),
    runs,
  }
}

/**
 * Does the nominal load rank the same units as simulation? Over staffed units with some
 * nominal or simulated load (idle units would only add ties): Spearman's rho and the share of
 * the top five both rankings name.
 */
export function structuralCheck(nominal: readonly number[], utilisation: readonly number[]): {spearman: number; topAgree: number} {
  const keep: number[] = []
  for (let i = 0; i < nominal.length; i++) {
    if (Number.isFinite(nominal[i]) && (nominal[i] > 0 || utilisation[i] > 0)) keep.push(i)
  }
  const xs = keep.map((i) => nominal[i])
  const ys = keep.map((i) => utilisation[i])
  return {spearman: spearman(xs, ys), topAgree: topOverlap(xs, ys, TOP_K)}
}

/** inspect's nominal load (demanded / available hours) in the order of model.units. */
function nominalOf(model: Model): number[] {
  const load = nominalLoad(model)
  return model.units.map((u) => load.get(u.id) ?? 0)
}
