// Krackhardt's least-upper-boundedness, computed exactly on forest-like command graphs.
// An upper bound of i and j is a unit that reaches both (a unit reaches itself); it is the
// least one when every other upper bound reaches it. Two facts keep this fast:
// - ancestor sets are small (a unit has a handful of superiors), descendant sets are huge;
// - a unit with exactly one superior p has the same LUB-less partners as p, so the units
//   hanging below a "key" unit (a root, or one with several superiors) in single-superior
//   chains form one segment that shares the key's count.
// Only keys are swept; each sweep visits the keys in topological order.
import type {Condensation} from '../../graph/scc.js'

export interface LubCount {
  /** Unordered pairs in the same weak component without a least upper bound. */
  violations: number
  /** Σ over weak components of (Nᵢ−1)(Nᵢ−2)/2. */
  max: number
  /** Present when only some key units were swept (the count is then an estimate). */
  sampled?: {sources: number; of: number}
}

const EMPTY: number[] = []

export function lubViolations(c: Condensation, compWeak: Int32Array, weakSizes: Map<number, number>, budget = 6e7): LubCount {
  const C = c.count
  const isKey = new Uint8Array(C)
  const segKey = new Int32Array(C)
  const segW = new Float64Array(C)
  const keys: number[] = []
  for (let v = C - 1; v >= 0; v--) {
    // Decreasing ids are a topological order (superiors first).
    if (c.pred[v].length !== 1) {
      isKey[v] = 1
      segKey[v] = v
      keys.push(v)
    } else segKey[v] = segKey[c.pred[v][0]]
    segW[segKey[v]] += c.size[v]
  }
  const keyPos = new Int32Array(C).fill(-1)
  keys.forEach((k, i) => (keyPos[k] = i))
  let arcsIntoKeys = 0
  for (const k of keys) arcsIntoKeys += c.pred[k].length

  let max = 0
  for (const n of weakSizes.values()) max += ((n - 1) * (n - 2)) / 2

  const stride = Math.max(1, Math.ceil((keys.length * (keys.length + arcsIntoKeys)) / budget))
  const state: number[][] = new Array(keys.length)
  const local = new Int32Array(C).fill(-1)
  let sum = 0
  let sampledW = 0
  let totalW = 0
  let sources = 0
  for (let s = 0; s < keys.length; s++) {
    totalW += segW[keys[s]]
    if (s % stride !== 0) continue
    sources++
    const x = keys[s]
    sampledW += segW[x]
    // A*(x): x and everything above it, each with its own ancestors as a local bitset.
    const anc = upward(c, x)
    anc.forEach((a, i) => (local[a] = i))
    const words = (anc.length + 31) >>> 5
    const above = anc.map((a) => {
      const bits = new Uint32Array(words)
      for (const b of upward(c, a)) bits[local[b] >>> 5] |= 1 << (local[b] & 31)
      return bits
    })
    const reaches = (a: number, b: number): boolean => (above[b][a >>> 5] & (1 << (a & 31))) !== 0
    // One shared array per singleton state: most states are a single bound.
    const single = anc.map((_a, i) => [i])
    const parentState = (p: number): number[] => {
      if (isKey[p]) return state[keyPos[p]]
      if (local[segKey[p]] < 0) return state[keyPos[segKey[p]]]
      let q = p
      while (local[q] < 0) q = c.pred[q][0]
      return single[local[q]]
    }
    let noLub = 0
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]
      let st: number[]
      if (local[k] >= 0) st = single[local[k]]
      else {
        const preds = c.pred[k]
        st = EMPTY
        for (const p of preds) st = union(st, parentState(p))
        if (st.length > 1) st = minimal(st, reaches)
      }
      state[i] = st
      if (st.length !== 1 && compWeak[k] === compWeak[x]) noLub += segW[k]
    }
    sum += noLub * segW[x]
    for (const a of anc) local[a] = -1
  }
  const estimate = stride === 1 ? sum : (sum * totalW) / sampledW
  const out: LubCount = {violations: estimate / 2, max}
  if (stride > 1) out.sampled = {sources, of: keys.length}
  return out
}

function union(a: number[], b: number[]): number[] {
  if (a === b || b.length === 0) return a
  if (a.length === 0) return b
  if (a.length === 1 && b.length === 1 && a[0] === b[0]) return a
  const out = a.slice()
  for (const x of b) if (!out.includes(x)) out.push(x)
  return out
}

/** The minimal elements of a set of upper bounds: a is dropped when it reaches another b. */
function minimal(all: number[], reaches: (a: number, b: number) => boolean): number[] {
  return all.filter((a) => !all.some((b) => b !== a && reaches(a, b)))
}

/** x and its ancestors in the condensation. */
export function upward(c: Condensation, x: number): number[] {
  const seen = new Set<number>([x])
  const stack = [x]
  while (stack.length > 0) {
    const v = stack.pop()!
    for (const p of c.pred[v]) {
      if (!seen.has(p)) {
        seen.add(p)
        stack.push(p)
      }
    }
  }
  return [...seen]
}
