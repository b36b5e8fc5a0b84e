import {DirectedGraph} from 'graphology'
import {betweenness as betweennessCentrality} from 'graphology-metrics/centrality/index.js'
import {describe, expect, it} from 'vitest'
import {brandes, relayBetweenness} from '../../src/metrics/structure/betweenness.js'
import {smallFunnel} from '../helpers/small-funnel.js'

/** Shortest-path counting with BigInt over all pairs: an independent reference. */
function reference(out: number[][], vertices: number[]): Map<number, number> {
  const n = out.length
  const bfs = (s: number) => {
    const dist: number[] = Array(n).fill(-1)
    const sigma: bigint[] = Array(n).fill(0n)
    dist[s] = 0
    sigma[s] = 1n
    const q = [s]
    for (let h = 0; h < q.length; h++) {
      const v = q[h]
      for (const w of out[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1
          q.push(w)
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v]
      }
    }
    return {dist, sigma}
  }
  const all = [...Array(n).keys()].map(bfs)
  const cb = new Map<number, number>()
  for (const v of vertices) {
    cb.set(v, 0)
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < n; t++) {
        if (s === t || all[s].dist[t] < 0) continue
        if (v === s || v === t || all[s].dist[v] < 0 || all[v].dist[t] < 0) continue
        if (all[s].dist[v] + all[v].dist[t] !== all[s].dist[t]) continue
        // σ_st(v) / σ_st, exact in BigInt then scaled to a float.
        const num = all[s].sigma[v] * all[v].sigma[t]
        cb.set(v, cb.get(v)! + Number((num * 10n ** 12n) / all[s].sigma[t]) / 1e12)
      }
    }
  }
  return cb
}

describe('brandes', () => {
  it('on a directed path a→b→c→d: b lies on a→c, a→d; c on a→d, b→d', () => {
    expect([...brandes([[1], [2], [3], []])]).toEqual([0, 2, 2, 0])
  })

  it('on a diamond s→{a,b}→t: each middle unit carries half of s→t', () => {
    expect([...brandes([[1, 2], [3], [3], []])]).toEqual([0, 0.5, 0.5, 0])
  })

  it('matches graphology-metrics on a tree-like task graph', () => {
    const out = [[1, 2], [3, 4, 5], [6, 7], [], [], [], [], []]
    const g = new DirectedGraph()
    out.forEach((_o, i) => g.addNode(String(i)))
    out.forEach((o, i) => o.forEach((j) => g.addEdge(String(i), String(j))))
    const theirs = betweennessCentrality(g, {getEdgeWeight: null, normalized: false})
    expect([...brandes(out)]).toEqual(out.map((_o, i) => theirs[String(i)]))
  })

  it('stays exact on a 19×19 bidirected grid, where path counts exceed 32 bits', () => {
    const side = 19
    const id = (r: number, c: number) => r * side + c
    const out: number[][] = []
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const o: number[] = []
        if (r > 0) o.push(id(r - 1, c))
        if (r + 1 < side) o.push(id(r + 1, c))
        if (c > 0) o.push(id(r, c - 1))
        if (c + 1 < side) o.push(id(r, c + 1))
        out.push(o)
      }
    }
    // Corner to corner there are C(36, 18) ≈ 9.1·10⁹ > 2³² shortest paths.
    const ours = brandes(out)
    const sample = [0, 1, 20, id(9, 9), id(9, 0), id(18, 17), id(4, 13)]
    for (const [v, ref] of reference(out, sample)) expect(ours[v]).toBeCloseTo(ref, 4)
  })
})

describe('relayBetweenness', () => {
  it('ranks the street offices that relay department work', () => {
    const r = relayBetweenness(smallFunnel())
    // Each street relays both departments' work to its 3 communities: 2 × 3 pairs.
    expect(r.relays).toBe(2)
    expect(r.top.map((t) => [t.id, t.value])).toEqual([
      ['district/street-1', 6],
      ['district/street-2', 6],
    ])
    // n = 12 units: normalised by (n−1)(n−2) = 110.
    expect(r.top[0].normalized).toBeCloseTo(6 / 110, 12)
    expect(relayBetweenness(smallFunnel(), 1).top).toHaveLength(1)
  })
})
