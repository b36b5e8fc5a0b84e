// Aggregates that make a loaded tier visible when each of its units is small alone: per tier
// (every unit counted in its tier, src/metrics/structure/tiers.ts) and per group of replicas of
// one model entry (ids that differ only in their `-N` replica numbers, e.g. `street-*/community-*`).
import {TIERS} from '../../model/types.js'
import type {Model} from '../../model/types.js'
import type {Estimate, ReplicationResult, UnitAggregate} from '../../sim/api.js'
import {unitTiers} from '../structure/tiers.js'
import {bottleneckScore, unitShares} from './bottlenecks.js'
import {NONNEGATIVE, SHARE, estimate} from './estimate.js'

/** Utilisation above which a unit counts as running hot in `above90`. */
export const HOT = 0.9

/** The id pattern shared by replicas of one entry: every `-N` replica suffix becomes `-*`. */
export function replicaPattern(id: string): string {
  return id.replace(/-\d+(?=\/|$)/g, '-*')
}

export function tierAggregates(model: Model, runs: readonly ReplicationResult[]): UnitAggregate[] {
  const tiers = unitTiers(model)
  const keys = TIERS.filter((t) => tiers.includes(t))
  return keys.map((tier) => aggregate(model, runs, tier, tier, tiers.flatMap((t, i) => (t === tier ? [i] : []))))
}

/** Groups of two or more replicas, by summed score (then mean utilisation), as bottlenecks rank. */
export function replicaGroups(model: Model, runs: readonly ReplicationResult[]): UnitAggregate[] {
  const members = new Map<string, number[]>()
  model.units.forEach((u, i) => {
    const key = replicaPattern(u.id)
    if (key === u.id) return
    let list = members.get(key)
    if (!list) members.set(key, (list = []))
    list.push(i)
  })
  const tiers = unitTiers(model)
  return [...members]
    .filter(([, idx]) => idx.length > 1)
    .map(([key, idx]) => aggregate(model, runs, key, tiers[idx[0]], idx))
    .sort((a, b) => b.score.mean - a.score.mean || b.utilisation.mean.mean - a.utilisation.mean.mean || (a.key < b.key ? -1 : 1))
}

type Shares = ReturnType<typeof unitShares>

/** unitShares of each run, once: a city model has hundreds of groups, each reading every run's. */
const sharesOf = new WeakMap<ReplicationResult, Shares>()

function runShares(r: ReplicationResult): Shares {
  let s = sharesOf.get(r)
  if (!s) sharesOf.set(r, (s = unitShares(r)))
  return s
}

function aggregate(model: Model, runs: readonly ReplicationResult[], key: string, tier: string | undefined, idx: number[]): UnitAggregate {
  const staffed = idx.filter((i) => model.units[i].staff > 0)
  const staff = idx.reduce((s, i) => s + model.units[i].staff, 0)
  const staffedSum = staffed.reduce((s, i) => s + model.units[i].staff, 0)
  const per = runs.map((r) => {
    const shares = runShares(r)
    let busy = 0
    let max = 0
    let hot = 0
    let wait = 0
    let started = 0
    let waitShare = 0
    let leadShare = 0
    for (const i of staffed) {
      const u = r.units[i]
      busy += model.units[i].staff * u.utilisation
      if (u.utilisation > max) max = u.utilisation
      if (u.utilisation > HOT) hot++
    }
    for (const i of idx) {
      wait += r.units[i].waitHours
      started += r.units[i].started
      waitShare += shares.waitShare[i]
      leadShare += shares.leadShare[i]
    }
    const mean = staffedSum > 0 ? busy / staffedSum : NaN
    return {mean, max, hot, wait: started > 0 ? wait / started : 0, waitShare, leadShare, score: bottleneckScore(mean, leadShare)}
  })
  const of = (f: (p: (typeof per)[number]) => number, range: readonly [number, number] = NONNEGATIVE): Estimate => estimate(per.map(f), range)
  return {
    key,
    name: model.units[idx[0]].name,
    ...(tier ? {tier} : {}),
    units: idx.length,
    staff,
    utilisation: {mean: of((p) => p.mean, SHARE), max: of((p) => p.max, SHARE), above90: of((p) => p.hot)},
    meanWait: of((p) => p.wait),
    waitShare: of((p) => p.waitShare, SHARE),
    leadShare: of((p) => p.leadShare),
    score: of((p) => p.score),
  }
}
