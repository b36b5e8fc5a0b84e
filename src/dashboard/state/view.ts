// Pure derivations from live snapshots to what the panels draw: funnel rows per tier,
// ranked bottlenecks, time shares. Components receive these as props and only draw.
import {TIERS} from '../../model/types.js'
import type {ItemCounts, LiveSnapshot} from '../../sim/api.js'
import {bottleneckScore} from '../../metrics/flow/bottlenecks.js'

export interface FunnelRow {
  tier: string
  units: number
  staff: number
  busy: number
  /** Live load: busy staff / staff of the tier. */
  load: number
  queue: number
}

export interface Shares {
  service: number
  admin: number
  inspection: number
}

export interface SideFrame {
  funnel: FunnelRow[]
  items: ItemCounts
  duplicates: Array<[string, number]>
  /** Shares of the community's hours (sum 1, or all 0 before any work). */
  timeSplit: Shares
  requests: {raised: number; resolved: number; waiting: number}
  backlog: number[]
  waiting: number[]
}

export interface BottleneckRow {
  id: string
  name: string
  tier?: string
  /** Utilisation so far (not the instantaneous value). */
  utilisation: number
  queue: number
  /** The same unit in the reformed model, when shown side by side (absent if removed). */
  after?: {utilisation: number; queue: number}
}

/** Rows from the top tier down to the tip, each unit in the tier it counts in (the snapshot's tier). */
export function funnelRows(snapshot: LiveSnapshot): FunnelRow[] {
  const rows = new Map<string, FunnelRow>()
  for (const u of snapshot.units) {
    if (u.tier === undefined) continue
    let row = rows.get(u.tier)
    if (!row) rows.set(u.tier, (row = {tier: u.tier, units: 0, staff: 0, busy: 0, load: 0, queue: 0}))
    row.units++
    row.staff += u.staff
    row.busy += u.busy
    row.queue += u.queue
  }
  const order = (t: string): number => {
    const i = (TIERS as readonly string[]).indexOf(t)
    return i < 0 ? TIERS.length : i
  }
  return [...rows.values()]
    .map((r) => ({...r, load: r.staff > 0 ? Math.min(1, r.busy / r.staff) : 0}))
    .sort((a, b) => order(a.tier) - order(b.tier) || a.tier.localeCompare(b.tier))
}

export function timeShares(split: Shares): Shares {
  const total = split.service + split.admin + split.inspection
  if (!(total > 0)) return {service: 0, admin: 0, inspection: 0}
  return {service: split.service / total, admin: split.admin / total, inspection: split.inspection / total}
}

/** A side's snapshot with its utilisation so far per unit (the snapshot's own value if absent). */
export interface StrainInput {
  snapshot: LiveSnapshot
  utilisation?: ReadonlyMap<string, number>
}

/**
 * The `n` units ranked as `simulate` ranks its bottlenecks (src/metrics/flow/bottlenecks.ts):
 * by score, the share of the items' lead time so far spent in the unit's line weighted by its
 * utilisation so far, those scoring above 0. With a reformed side, units are ranked by their
 * worse score of the two, so a unit that becomes a bottleneck after the reform shows up too.
 */
export function bottlenecks(base: StrainInput, names: ReadonlyMap<string, string>, n: number, reformed?: StrainInput): BottleneckRow[] {
  const util = (s: StrainInput, u: {id: string; utilisation: number}): number => s.utilisation?.get(u.id) ?? u.utilisation
  const score = (s: StrainInput, u: LiveSnapshot['units'][number]): number =>
    bottleneckScore(util(s, u), s.snapshot.leadHours > 0 ? (u.waitHours ?? 0) / s.snapshot.leadHours : 0)
  const after = new Map(reformed?.snapshot.units.map((u) => [u.id, {utilisation: util(reformed, u), queue: u.queue, score: score(reformed, u)}]))
  const rows: Array<BottleneckRow & {score: number}> = base.snapshot.units.map((u) => {
    const a = after.get(u.id)
    return {
      id: u.id,
      name: names.get(u.id) ?? u.id,
      tier: u.tier,
      utilisation: util(base, u),
      queue: u.queue,
      score: score(base, u),
      ...(a ? {after: {utilisation: a.utilisation, queue: a.queue}} : {}),
    }
  })
  if (reformed) {
    const known = new Set(base.snapshot.units.map((u) => u.id))
    for (const u of reformed.snapshot.units) {
      if (known.has(u.id)) continue
      const a = after.get(u.id)!
      rows.push({id: u.id, name: names.get(u.id) ?? u.id, tier: u.tier, utilisation: 0, queue: 0, score: 0, after: {utilisation: a.utilisation, queue: a.queue}})
    }
  }
  const strain = (r: (typeof rows)[number]): [number, number] =>
    reformed ? [Math.max(r.score, after.get(r.id)?.score ?? 0), Math.max(r.utilisation, r.after?.utilisation ?? 0)] : [r.score, r.utilisation]
  return rows
    .filter((r) => strain(r)[0] > 0)
    .sort((a, b) => {
      const [sa, ua] = strain(a)
      const [sb, ub] = strain(b)
      return sb - sa || ub - ua || a.id.localeCompare(b.id)
    })
    .slice(0, n)
    .map(({score: _score, ...row}) => row)
}

export function sideFrame(snapshot: LiveSnapshot, backlog: number[], waiting: number[]): SideFrame {
  return {
    funnel: funnelRows(snapshot),
    items: snapshot.items,
    duplicates: Object.entries(snapshot.duplicates),
    timeSplit: timeShares(snapshot.timeSplit),
    requests: snapshot.requests,
    backlog,
    waiting,
  }
}
