// Krackhardt's (1994) four dimensions of hierarchy of the command graph. Each is
// 1 − V/max(V), V counting violations of one axiom of an out-tree, so a pure out-tree
// (one chain of command, no shortcuts, no reciprocity) scores 1 on all four.
import {commandGraph} from '../../graph/command.js'
import type {Digraph} from '../../graph/command.js'
import {condense, weakComponents} from '../../graph/scc.js'
import type {Condensation} from '../../graph/scc.js'
import type {Model} from '../../model/types.js'
import {lubViolations, upward} from './lubness.js'

export interface Violations {
  violations: number
  max: number
}

export interface KrackhardtReport {
  nodes: number
  arcs: number
  connectedness: number
  hierarchy: number
  efficiency: number
  lubness: number
  counts: {connectedness: Violations; hierarchy: Violations; efficiency: Violations; lubness: Violations}
  /** Set when LUB-ness was estimated from a sample of source units (very large graphs). */
  sampled?: {sources: number; of: number}
}

export function krackhardtOfModel(model: Model): KrackhardtReport {
  return krackhardt(commandGraph(model))
}

export function krackhardt(g: Digraph): KrackhardtReport {
  const weak = weakComponents(g)
  const weakSizes = new Map<number, number>()
  for (const r of weak) weakSizes.set(r, (weakSizes.get(r) ?? 0) + 1)
  const cond = condense(g)
  const compWeak = new Int32Array(cond.count)
  for (let v = 0; v < g.ids.length; v++) compWeak[cond.comp[v]] = weak[v]

  const conn = connectedness(g.ids.length, weakSizes)
  const hier = hierarchyCounts(cond)
  const eff = efficiencyCounts(g, weakSizes)
  const lub = lubViolations(cond, compWeak, weakSizes)
  const report: KrackhardtReport = {
    nodes: g.ids.length,
    arcs: g.out.reduce((n, o) => n + o.length, 0),
    connectedness: score(conn),
    hierarchy: score(hier),
    efficiency: score(eff),
    lubness: score(lub),
    counts: {connectedness: conn, hierarchy: hier, efficiency: eff, lubness: {violations: lub.violations, max: lub.max}},
  }
  if (lub.sampled) report.sampled = lub.sampled
  return report
}

/** 1 − V/max; with nothing that could be violated (max = 0) the axiom holds: 1. */
function score(v: Violations): number {
  // Clamped: a sampled LUB estimate may overshoot its bound slightly.
  return v.max > 0 ? Math.min(1, Math.max(0, 1 - v.violations / v.max)) : 1
}

/** V = unordered pairs not joined in the symmetrised graph; max = N(N−1)/2. */
function connectedness(n: number, weakSizes: Map<number, number>): Violations {
  const max = (n * (n - 1)) / 2
  let joined = 0
  for (const s of weakSizes.values()) joined += (s * (s - 1)) / 2
  return {violations: max - joined, max}
}

/**
 * V = unordered pairs reachable both ways; max = unordered pairs reachable at least one way.
 * Reachable pairs are counted from ancestor sets, which stay small in a command graph.
 */
function hierarchyCounts(c: Condensation): Violations {
  const above = new Float64Array(c.count)
  let orderedReachable = 0
  let orderedMutual = 0
  for (let v = c.count - 1; v >= 0; v--) {
    const s = c.size[v]
    const preds = c.pred[v]
    if (preds.length === 0) above[v] = s
    else if (preds.length === 1) above[v] = s + above[preds[0]]
    else above[v] = upward(c, v).reduce((sum, a) => sum + c.size[a], 0)
    // Each of the s nodes is reached by every other node of its own ancestor set.
    orderedReachable += s * (above[v] - 1)
    orderedMutual += s * (s - 1)
  }
  const mutual = orderedMutual / 2
  const oneWay = orderedReachable - orderedMutual
  return {violations: mutual, max: mutual + oneWay}
}

/**
 * V = lines of the underlying undirected graph beyond the Nᵢ−1 needed to join each weak
 * component; max = Σ (Nᵢ−1)(Nᵢ−2)/2, the most such extra lines a component can have.
 */
function efficiencyCounts(g: Digraph, weakSizes: Map<number, number>): Violations {
  const arcs = new Set<string>()
  g.out.forEach((out, a) => out.forEach((b) => arcs.add(`${a},${b}`)))
  let lines = 0
  g.out.forEach((out, a) => {
    for (const b of out) if (a < b || !arcs.has(`${b},${a}`)) lines++
  })
  let needed = 0
  let max = 0
  for (const n of weakSizes.values()) {
    needed += n - 1
    max += ((n - 1) * (n - 2)) / 2
  }
  return {violations: lines - needed, max}
}
