// Morris trajectories (Morris 1991): each of r trajectories starts at a random point of the
// p-level grid {0, 1/(p−1), …, 1} and moves one factor at a time by Δ = p / (2(p − 1)), in a
// random order of factors and a random direction, so k factors cost k + 1 points.
// Trajectory t occupies points t(k+1) … t(k+1)+k; point s+1 differs from point s in exactly
// one coordinate, which is the factor whose elementary effect that step measures.
import {permutation} from '../random.js'
import type {Rng} from '../random.js'

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1))
}

/** r(k+1) points × k coordinates in the unit cube. */
export function morrisTrajectories(k: number, r: number, levels: number, rng: Rng): number[][] {
  const delta = morrisDelta(levels)
  // Levels from which a step of Δ stays inside [0, 1].
  const starts = Array.from({length: levels}, (_, i) => i / (levels - 1)).filter((x) => x + delta <= 1 + 1e-12)
  const points: number[][] = []
  for (let t = 0; t < r; t++) {
    const base = Array.from({length: k}, () => starts[rng.int(starts.length)])
    const up = Array.from({length: k}, () => rng.uniform() < 0.5)
    // Going down starts Δ higher, so every coordinate stays on the grid.
    let x = base.map((b, j) => (up[j] ? b : b + delta))
    points.push(x.map(clean))
    for (const j of permutation(k, rng)) {
      x = [...x]
      x[j] = up[j] ? x[j] + delta : x[j] - delta
      points.push(x.map(clean))
    }
  }
  return points
}

/** Rounds away the last bits of grid arithmetic (so 2/3 + 2/3 lands on 4/3's neighbour 1). */
function clean(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 1e12) / 1e12))
}
