// Routes: where one issuer's instance of a task goes, reduced to the distinct channels it
// travels. A route depends only on the issuer, the target tier and whether the task is an
// inspection (or on explicit executors), so it is computed once and shared by every task
// with the same shape: this is what keeps a 3,000-community model fast.
import {deliveries, tierRank} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import type {Task, Tier} from '../model/types.js'

export interface RouteEdge {
  from: string
  to: string
  /** Whether `to` only forwards the instance (二传手) rather than executing it. */
  relay: boolean
  /** Tier bits of the units from the top of the route down to `to`, inclusive: an access
   * gate acts on the edge once the path has entered the gated tier. */
  pathMask: number
}

export interface RouteTarget {
  id: string
  /** Tier bits of the relays and the target of this delivery. */
  mask: number
  hops: number
}

export interface Route {
  issuer: string
  inspection: boolean
  /** Distinct channels, each used once per instance however many targets lie below it. */
  edges: RouteEdge[]
  targets: RouteTarget[]
  /** Tier bits of every unit reached (relays and targets). */
  tierMask: number
}

export function tierBit(tier: Tier | undefined): number {
  return tier === undefined ? 0 : 1 << tierRank(tier)
}

export class RouteCache {
  private readonly memo = new Map<string, Route>()

  constructor(private readonly ix: ModelIndex) {}

  get size(): number {
    return this.memo.size
  }

  route(task: Task, issuer: string): Route {
    const key = task.executors
      ? `x\n${issuer}\n${task.executors.join('\n')}`
      : `${task.kind === 'inspection' ? 'i' : 't'}\n${issuer}\n${task.target}`
    let r = this.memo.get(key)
    if (!r) this.memo.set(key, (r = this.build(task, issuer)))
    return r
  }

  private build(task: Task, issuer: string): Route {
    const edges = new Map<string, RouteEdge>()
    const targets: RouteTarget[] = []
    let tierMask = 0
    for (const d of deliveries(this.ix, task, issuer)) {
      let mask = tierBit(this.ix.byId.get(d.target)?.tier)
      for (const r of d.relays) mask |= tierBit(this.ix.byId.get(r)?.tier)
      tierMask |= mask
      targets.push({id: d.target, mask, hops: d.relays.length})
      // Down a chain every unit has exactly one predecessor, so `to` identifies the edge.
      const last = d.relays.length
      let path = 0
      for (let i = 0; i <= last; i++) {
        const from = i === 0 ? issuer : d.relays[i - 1]
        const to = i === last ? d.target : d.relays[i]
        path |= tierBit(this.ix.byId.get(to)?.tier)
        if (from === to) continue
        if (!edges.has(to)) edges.set(to, {from, to, relay: i < last, pathMask: path})
      }
    }
    return {issuer, inspection: task.kind === 'inspection' && !task.executors, edges: [...edges.values()], targets, tierMask}
  }
}
