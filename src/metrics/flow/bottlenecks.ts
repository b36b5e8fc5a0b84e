// Bottlenecks: one documented score, used by simulate, its JSON, the report and the dashboard.
// A unit is a bottleneck when it is loaded AND the items' lead time is spent waiting there:
//
//   score = leadShare × loadWeight(utilisation), 0 when leadShare < 1%
//   leadShare = hours waited in the unit's line / hours of lead time of the items completed
//   loadWeight = 0 below 50% utilisation, rising linearly to 1 at 80%, 1 above
//
// So a unit below 50% utilisation, or whose waits are under 1% of the items' lead time, scores
// 0 and never outranks a unit above 80% with real waits (docs/metrics.md, *Bottlenecks*).
import type {Bottleneck, Estimate, FlowUnit, ReplicationResult} from '../../sim/api.js'
import {SHARE, estimate} from './estimate.js'

export const BOTTLENECK_RULE = {
  /** Below this utilisation a unit is no bottleneck, however long its waits. */
  idle: 0.5,
  /** From this utilisation on the unit's waits count in full. */
  loaded: 0.8,
  /** Waits under this share of the items' lead time do not make a bottleneck. */
  minLeadShare: 0.01,
} as const

const SHOWN = 10

/** 0 below `idle`, 1 from `loaded` on, linear between. */
export function loadWeight(utilisation: number): number {
  const {idle, loaded} = BOTTLENECK_RULE
  if (!(utilisation > idle)) return 0
  return utilisation >= loaded ? 1 : (utilisation - idle) / (loaded - idle)
}

/** The score of a unit from its utilisation and the share of the items' lead time spent in its line. */
export function bottleneckScore(utilisation: number, leadShare: number): number {
  if (!(leadShare >= BOTTLENECK_RULE.minLeadShare)) return 0
  return leadShare * loadWeight(utilisation)
}

/** Hours of lead time of the items completed in a replication (the denominator of leadShare). */
export function leadHours(run: ReplicationResult): number {
  let sum = 0
  for (const u of run.units) if (u.itemsEnded > 0 && Number.isFinite(u.meanLeadTime)) sum += u.meanLeadTime * u.itemsEnded
  return sum
}

/** Per unit of one replication: share of all waiting, share of lead time, score. */
export function unitShares(run: ReplicationResult): {waitShare: number[]; leadShare: number[]; score: number[]} {
  const lead = leadHours(run)
  let wait = 0
  for (const u of run.units) wait += u.waitHours
  const waitShare = run.units.map((u) => (wait > 0 ? u.waitHours / wait : 0))
  const leadShare = run.units.map((u) => (lead > 0 ? u.waitHours / lead : 0))
  const score = run.units.map((u, i) => bottleneckScore(u.utilisation, leadShare[i]))
  return {waitShare, leadShare, score}
}

/**
 * Units by mean score (then utilisation, then id), those scoring above 0, at most ten. Scores
 * are taken per replication, so each comes with its confidence interval.
 */
export function rankBottlenecks(
  units: readonly FlowUnit[],
  runs: readonly ReplicationResult[],
  topTasks?: (ids: string[]) => ReadonlyMap<string, NonNullable<Bottleneck['topTasks']>>,
): Bottleneck[] {
  const shares = runs.map(unitShares)
  const of = (pick: (k: number) => number[], range: readonly [number, number]) => (i: number): Estimate => estimate(shares.map((s, k) => pick(k)[i]), range)
  const score = of((k) => shares[k].score, SHARE)
  const waitShare = of((k) => shares[k].waitShare, SHARE)
  const leadShare = of((k) => shares[k].leadShare, SHARE)
  const rows: Bottleneck[] = []
  units.forEach((u, i) => {
    const s = score(i)
    // Scores are per replication; a unit idle on average is left out even if one run was busy.
    if (!(s.mean > 0) || !(u.utilisation.mean > BOTTLENECK_RULE.idle)) return
    rows.push({
      id: u.id,
      name: u.name,
      ...(u.tier ? {tier: u.tier} : {}),
      score: s,
      utilisation: u.utilisation,
      meanWait: u.meanWait,
      waitShare: waitShare(i),
      leadShare: leadShare(i),
    })
  })
  const shown = rows.sort((a, b) => b.score.mean - a.score.mean || b.utilisation.mean - a.utilisation.mean || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, SHOWN)
  // The tasks behind each, asked for the shown units only (a flow analysis over them).
  const tasks = topTasks && shown.length > 0 ? topTasks(shown.map((b) => b.id)) : undefined
  return shown.map((b) => {
    const t = tasks?.get(b.id)
    return t && t.length > 0 ? {...b, topTasks: t} : b
  })
}
