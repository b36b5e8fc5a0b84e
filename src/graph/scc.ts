// Strongly connected components (iterative Tarjan, safe on deep graphs), the condensation
// DAG and weak components. Tarjan numbers components in reverse topological order: every
// arc between components goes from a higher to a lower component id.
import type {Digraph} from './command.js'

export interface Condensation {
  /** comp[v] = component of node v. */
  comp: Int32Array
  count: number
  /** Nodes per component. */
  size: Int32Array
  /** Distinct arcs between components, as out- and in-lists. */
  succ: number[][]
  pred: number[][]
}

export function condense(g: Digraph): Condensation {
  const n = g.ids.length
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const comp = new Int32Array(n).fill(-1)
  const onStack = new Uint8Array(n)
  const stack: number[] = []
  const work: number[] = []
  const edgePos = new Int32Array(n)
  let next = 0
  let count = 0
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue
    work.push(s)
    index[s] = low[s] = next++
    stack.push(s)
    onStack[s] = 1
    while (work.length > 0) {
      const v = work[work.length - 1]
      const out = g.out[v]
      if (edgePos[v] < out.length) {
        const w = out[edgePos[v]++]
        if (index[w] === -1) {
          index[w] = low[w] = next++
          stack.push(w)
          onStack[w] = 1
          work.push(w)
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w])
        continue
      }
      work.pop()
      if (work.length > 0) {
        const parent = work[work.length - 1]
        low[parent] = Math.min(low[parent], low[v])
      }
      if (low[v] === index[v]) {
        let w: number
        do {
          w = stack.pop()!
          onStack[w] = 0
          comp[w] = count
        } while (w !== v)
        count++
      }
    }
  }
  const size = new Int32Array(count)
  for (let v = 0; v < n; v++) size[comp[v]]++
  const succSets: Set<number>[] = Array.from({length: count}, () => new Set())
  for (let v = 0; v < n; v++) {
    for (const w of g.out[v]) if (comp[v] !== comp[w]) succSets[comp[v]].add(comp[w])
  }
  const succ = succSets.map((s) => [...s])
  const pred: number[][] = Array.from({length: count}, () => [])
  succ.forEach((list, c) => {
    for (const d of list) pred[d].push(c)
  })
  return {comp, count, size, succ, pred}
}

/** Weak components: root[v] is a representative shared by every node of v's component. */
export function weakComponents(g: Digraph): Int32Array {
  const n = g.ids.length
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }
  for (let v = 0; v < n; v++) {
    for (const w of g.out[v]) {
      const a = find(v)
      const b = find(w)
      if (a !== b) parent[a] = b
    }
  }
  const root = new Int32Array(n)
  for (let v = 0; v < n; v++) root[v] = find(v)
  return root
}
