import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {commandGraph, digraph} from '../../src/graph/command.js'
import {condense, weakComponents} from '../../src/graph/scc.js'
import {krackhardt, krackhardtOfModel} from '../../src/metrics/structure/krackhardt.js'
import {lubViolations} from '../../src/metrics/structure/lubness.js'
import {relation} from '../helpers/model-builder.js'
import {smallFunnel} from '../helpers/small-funnel.js'

const k = (ids: string, arcs: string) =>
  krackhardt(digraph(ids.split(''), arcs ? arcs.split(' ').map((a) => [a[0], a[1]] as [string, string]) : []))

describe('krackhardt: textbook graphs, values worked out by hand', () => {
  it('scores a pure out-tree 1 on all four', () => {
    const r = k('abcde', 'ab ac bd be')
    expect([r.connectedness, r.hierarchy, r.efficiency, r.lubness]).toEqual([1, 1, 1, 1])
    // Reachable pairs: a reaches 4, b reaches 2 → 6, none both ways.
    expect(r.counts.hierarchy).toEqual({violations: 0, max: 6})
  })

  it('a 3-cycle: every pair reachable both ways, one line too many', () => {
    const r = k('abc', 'ab bc ca')
    expect(r.hierarchy).toBe(0)
    expect(r.counts.efficiency).toEqual({violations: 1, max: 1})
    expect(r.efficiency).toBe(0)
    expect(r.connectedness).toBe(1)
    // Mutually reachable units bound each other: every pair has a least upper bound.
    expect(r.lubness).toBe(1)
  })

  it('a shortcut a→c beside a→b→c costs efficiency only', () => {
    const r = k('abc', 'ab bc ac')
    expect([r.connectedness, r.hierarchy, r.efficiency, r.lubness]).toEqual([1, 1, 0, 1])
  })

  it('an in-star (three bosses of one unit) has no upper bound for any pair of bosses', () => {
    const r = k('abcd', 'ba ca da')
    // (N−1)(N−2)/2 = 3 pairs {b,c} {b,d} {c,d} lack an upper bound: the worst case.
    expect(r.counts.lubness).toEqual({violations: 3, max: 3})
    expect(r.lubness).toBe(0)
    expect(r.hierarchy).toBe(1)
  })

  it('two roots sharing a subordinate', () => {
    // r1→x, r2→x, r1→y: {r1,r2} and {r2,y} have no common superior; 4 nodes → max 3.
    const r = krackhardt(digraph(['r1', 'r2', 'x', 'y'], [['r1', 'x'], ['r2', 'x'], ['r1', 'y']]))
    expect(r.counts.lubness).toEqual({violations: 2, max: 3})
    expect(r.lubness).toBeCloseTo(1 / 3, 12)
    expect(r.efficiency).toBe(1)
  })

  it('two upper bounds, neither below the other: no least one', () => {
    // a→c, a→d, b→c, b→d: {c,d} has upper bounds a and b, unordered.
    const r = k('abcd', 'ac ad bc bd')
    // Pairs without a LUB: {a,b} (no bound at all) and {c,d}.
    expect(r.counts.lubness).toEqual({violations: 2, max: 3})
    expect(r.counts.efficiency).toEqual({violations: 1, max: 3})
  })

  it('two separate trees: connectedness counts joined pairs, the rest per component', () => {
    const r = k('abcd', 'ab cd')
    expect(r.counts.connectedness).toEqual({violations: 4, max: 6})
    expect(r.connectedness).toBeCloseTo(1 / 3, 12)
    expect([r.hierarchy, r.efficiency, r.lubness]).toEqual([1, 1, 1])
  })

  it('a mutual pair inside a tree: one symmetric pair of three reachable ones', () => {
    const r = k('abc', 'ab ba bc')
    // Reachable unordered pairs: {a,b} both ways, {a,c}, {b,c} one way.
    expect(r.counts.hierarchy).toEqual({violations: 1, max: 3})
    expect(r.counts.efficiency).toEqual({violations: 0, max: 1})
  })

  it('reads the command graph of a model: administration plus party leadership', () => {
    const m = smallFunnel()
    const r = krackhardtOfModel(m)
    expect(r.nodes).toBe(12)
    expect(r.arcs).toBe(11)
    expect([r.connectedness, r.hierarchy, r.efficiency, r.lubness]).toEqual([1, 1, 1, 1])
    // The party also leads the first street directly: a second superior, one line too many.
    m.relations.push(relation('leads', 'district-party', 'district/street-1'))
    const r2 = krackhardtOfModel(m)
    expect(r2.counts.efficiency).toEqual({violations: 1, max: 55})
    expect(r2.lubness).toBe(1)
    expect(commandGraph(m).out.flat().length).toBe(12)
  })
})

/** The definitions applied literally on the reachability matrix: O(N³), for comparison. */
function bruteForce(n: number, arcs: [number, number][]) {
  const reach = Array.from({length: n}, (_, i) => Array.from({length: n}, (_, j) => i === j))
  for (const [a, b] of arcs) reach[a][b] = true
  for (let m = 0; m < n; m++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i][m] && reach[m][j]) reach[i][j] = true
  const weak = Array.from({length: n}, (_, i) => Array.from({length: n}, (_, j) => i === j))
  for (const [a, b] of arcs) weak[a][b] = weak[b][a] = true
  for (let m = 0; m < n; m++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (weak[i][m] && weak[m][j]) weak[i][j] = true
  let disconnected = 0, mutual = 0, oneWay = 0, noLub = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (!weak[i][j]) disconnected++
      if (reach[i][j] && reach[j][i]) mutual++
      else if (reach[i][j] || reach[j][i]) oneWay++
      if (!weak[i][j]) continue
      const ub = [...Array(n).keys()].filter((x) => reach[x][i] && reach[x][j])
      if (!ub.some((l) => ub.every((x) => reach[x][l]))) noLub++
    }
  }
  const lines = new Set(arcs.filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? `${a},${b}` : `${b},${a}`))).size
  const sizes = [...new Set([...Array(n).keys()].map((i) => weak[i].findIndex(Boolean)))].map((r) => weak[r].filter(Boolean).length)
  return {
    connectedness: {violations: disconnected, max: (n * (n - 1)) / 2},
    hierarchy: {violations: mutual, max: mutual + oneWay},
    efficiency: {violations: lines - sizes.reduce((s, x) => s + x - 1, 0), max: sizes.reduce((s, x) => s + ((x - 1) * (x - 2)) / 2, 0)},
    lubness: {violations: noLub, max: sizes.reduce((s, x) => s + ((x - 1) * (x - 2)) / 2, 0)},
  }
}

const graphs = fc.integer({min: 1, max: 9}).chain((n) =>
  fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.integer({min: 0, max: n - 1}), fc.integer({min: 0, max: n - 1})), {maxLength: 16})),
)

describe('krackhardt agrees with the literal definitions', () => {
  it('on random digraphs (cycles, parallel arcs and self-loops included)', () => {
    fc.assert(
      fc.property(graphs, ([n, arcs]) => {
        const ids = [...Array(n).keys()].map(String)
        const r = krackhardt(digraph(ids, arcs.map(([a, b]) => [String(a), String(b)])))
        expect(r.counts).toEqual(bruteForce(n, arcs))
      }),
      {numRuns: 400, seed: 1994},
    )
  })
})

describe('lubViolations sampling', () => {
  it('sweeps a sample of key units when over budget and says so', () => {
    // A ladder where every unit but the two roots has two superiors: all 12 are keys, and a
    // sweep costs keys × (keys + arcs into keys) = 12 × 32 = 384 steps.
    const ids = [...Array(12).keys()].map(String)
    const arcs: [string, string][] = []
    for (let i = 2; i < 12; i++) arcs.push([String(i - 1), String(i)], [String(i - 2), String(i)])
    const g = digraph(ids, arcs)
    const weak = weakComponents(g)
    const c = condense(g)
    const compWeak = new Int32Array(c.count)
    for (let v = 0; v < 12; v++) compWeak[c.comp[v]] = weak[v]
    const sizes = new Map([[weak[0], 12]])
    const exact = lubViolations(c, compWeak, sizes)
    expect(exact.sampled).toBeUndefined()
    const sampled = lubViolations(c, compWeak, sizes, 130)
    // Stride ⌈384/130⌉ = 3: keys 0, 3, 6 and 9 are swept.
    expect(sampled.sampled).toEqual({sources: 4, of: 12})
    expect(sampled.max).toBe(exact.max)
    expect(sampled.violations).toBeGreaterThanOrEqual(0)
    expect(sampled.violations).toBeLessThanOrEqual(sampled.max)
  })
})
