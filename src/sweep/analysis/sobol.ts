// First-order and total Sobol indices from Saltelli's scheme (designs/sobol.ts), with the
// estimators of Saltelli et al. 2010 (Table 2): for factor i over the N blocks,
//   S1_i = mean(f(B) · (f(AB_i) − f(A))) / V      (Saltelli 2010)
//   ST_i = mean((f(A) − f(AB_i))²) / (2V)          (Jansen 1999)
// with V the variance of all f(A) and f(B) values. Confidence intervals: percentile bootstrap
// over the N blocks (the same resampled blocks for every factor).
import {interval95} from './quantile.js'
import type {Rng} from '../random.js'

export interface SobolIndex {
  s1: number
  s1Lo: number
  s1Hi: number
  st: number
  stLo: number
  stHi: number
  /** Blocks that entered (all outputs finite). */
  n: number
}

interface Blocks {
  a: number[]
  b: number[]
  ab: number[][]
}

/** Splits outputs in block order (A_j, B_j, AB_j^1…AB_j^k) into f(A), f(B), f(AB_i); drops blocks with a non-finite output. */
function blocks(y: readonly number[], k: number): Blocks {
  const out: Blocks = {a: [], b: [], ab: Array.from({length: k}, () => [])}
  const n = Math.floor(y.length / (k + 2))
  for (let j = 0; j < n; j++) {
    const block = y.slice(j * (k + 2), (j + 1) * (k + 2))
    if (!block.every((v) => Number.isFinite(v))) continue
    out.a.push(block[0])
    out.b.push(block[1])
    for (let i = 0; i < k; i++) out.ab[i].push(block[2 + i])
  }
  return out
}

function estimate(bl: Blocks, pick: readonly number[]): {s1: number[]; st: number[]} {
  const n = pick.length
  let mean = 0
  for (const j of pick) mean += bl.a[j] + bl.b[j]
  mean /= 2 * n
  let v = 0
  for (const j of pick) v += (bl.a[j] - mean) ** 2 + (bl.b[j] - mean) ** 2
  v /= 2 * n
  const s1: number[] = []
  const st: number[] = []
  for (const ab of bl.ab) {
    let first = 0
    let total = 0
    for (const j of pick) {
      first += bl.b[j] * (ab[j] - bl.a[j])
      total += (bl.a[j] - ab[j]) ** 2
    }
    s1.push(v > 0 ? first / n / v : NaN)
    st.push(v > 0 ? total / (2 * n) / v : NaN)
  }
  return {s1, st}
}

export function sobolIndices(y: readonly number[], k: number, bootstrap: number, rng: Rng): SobolIndex[] {
  const bl = blocks(y, k)
  const n = bl.a.length
  if (n < 2) return Array.from({length: k}, () => ({s1: NaN, s1Lo: NaN, s1Hi: NaN, st: NaN, stLo: NaN, stHi: NaN, n}))
  const all = estimate(bl, Array.from({length: n}, (_, j) => j))
  const bootS1: number[][] = Array.from({length: k}, () => [])
  const bootSt: number[][] = Array.from({length: k}, () => [])
  for (let b = 0; b < bootstrap; b++) {
    const pick = Array.from({length: n}, () => rng.int(n))
    const e = estimate(bl, pick)
    for (let i = 0; i < k; i++) {
      bootS1[i].push(e.s1[i])
      bootSt[i].push(e.st[i])
    }
  }
  return all.s1.map((s1, i) => {
    const c1 = interval95(bootS1[i])
    const ct = interval95(bootSt[i])
    return {s1, s1Lo: c1.lo, s1Hi: c1.hi, st: all.st[i], stLo: ct.lo, stHi: ct.hi, n}
  })
}
