// Betweenness of units on the task-channel graph (Freeman 1977): how much of the flow of
// commands between issuers and executors must pass through a unit, i.e. which relays
// (二传手) the funnel depends on. Brandes' algorithm, written here with Float64 path
// counts: graphology-metrics keeps them in a Uint32Array, which silently overflows on
// graphs with very many equal shortest paths.
import {analyseFlows} from '../../graph/flows.js'
import type {Model, Tier} from '../../model/types.js'

export interface RelayScore {
  id: string
  label: string
  tier?: Tier
  /** Σ over ordered pairs (s,t) of the share of shortest s→t paths through the unit. */
  value: number
  /** value / ((n−1)(n−2)), n = units in the model. */
  normalized: number
}

export interface BetweennessReport {
  /** Units with positive betweenness. */
  relays: number
  top: RelayScore[]
}

/** Directed, unweighted betweenness; `out` lists successors by index. */
export function brandes(out: number[][]): Float64Array {
  const n = out.length
  const cb = new Float64Array(n)
  const sigma = new Float64Array(n)
  const dist = new Int32Array(n)
  const delta = new Float64Array(n)
  const order = new Int32Array(n)
  const preds: number[][] = Array.from({length: n}, () => [])
  for (let s = 0; s < n; s++) {
    if (out[s].length === 0) continue
    sigma.fill(0)
    dist.fill(-1)
    delta.fill(0)
    sigma[s] = 1
    dist[s] = 0
    let head = 0
    let tail = 0
    order[tail++] = s
    while (head < tail) {
      const v = order[head++]
      for (const w of out[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1
          order[tail++] = w
          preds[w].length = 0
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v]
          preds[w].push(v)
        }
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]
      const coeff = (1 + delta[w]) / sigma[w]
      for (const v of preds[w]) delta[v] += sigma[v] * coeff
      cb[w] += delta[w]
    }
  }
  return cb
}

export function relayBetweenness(model: Model, top = 10): BetweennessReport {
  const flows = analyseFlows(model)
  const ids = model.units.map((u) => u.id)
  const at = new Map(ids.map((id, i) => [id, i]))
  const out: Set<number>[] = ids.map(() => new Set())
  for (const c of flows.channels) {
    if (c.type !== 'task') continue
    const a = at.get(c.from)
    const b = at.get(c.to)
    if (a !== undefined && b !== undefined && a !== b) out[a].add(b)
  }
  const cb = brandes(out.map((s) => [...s]))
  const n = ids.length
  const norm = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0
  const scores: RelayScore[] = []
  model.units.forEach((u, i) => {
    if (cb[i] <= 0) return
    const s: RelayScore = {id: u.id, label: u.name, value: cb[i], normalized: cb[i] * norm}
    if (u.tier) s.tier = u.tier
    scores.push(s)
  })
  scores.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1))
  return {relays: scores.length, top: scores.slice(0, top)}
}
