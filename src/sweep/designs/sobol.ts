// Saltelli's sampling scheme for Sobol indices (Saltelli 2002; Saltelli et al. 2010): two
// independent N × k sample matrices A and B (here Latin hypercubes, which lower the variance
// against plain Monte Carlo) and, for every factor i, the matrix AB_i: A with column i taken
// from B. The cells come in N blocks of k + 2 points: A_j, B_j, AB_j^1, …, AB_j^k.
import type {Rng} from '../random.js'
import {latinHypercube} from './lhs.js'

export function saltelliPoints(n: number, k: number, rng: Rng): number[][] {
  const a = latinHypercube(n, k, rng)
  const b = latinHypercube(n, k, rng)
  const points: number[][] = []
  for (let j = 0; j < n; j++) {
    points.push(a[j], b[j])
    for (let i = 0; i < k; i++) points.push(a[j].map((x, c) => (c === i ? b[j][i] : x)))
  }
  return points
}
