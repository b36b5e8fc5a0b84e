// Latin hypercube sampling in the unit cube: each factor's [0, 1] is cut into n equal strata
// and every stratum holds exactly one point, at a uniform position inside it; the strata are
// matched across factors by independent random permutations (McKay, Beckman & Conover 1979).
import {permutation} from '../random.js'
import type {Rng} from '../random.js'

/** n points × k coordinates. */
export function latinHypercube(n: number, k: number, rng: Rng): number[][] {
  const points = Array.from({length: n}, () => new Array<number>(k))
  for (let j = 0; j < k; j++) {
    const strata = permutation(n, rng)
    for (let i = 0; i < n; i++) points[i][j] = (strata[i] + rng.uniform()) / n
  }
  return points
}
