// Elementary effects (Morris 1991; μ* from Campolongo, Cariboni & Saltelli 2007). Along each
// trajectory, the step that moves factor i by ±Δ (in the unit cube) gives one elementary
// effect EE_i = (y(after) − y(before)) / (x_i(after) − x_i(before)). Over the r trajectories:
// μ = mean EE, μ* = mean |EE|, σ = standard deviation of EE (n − 1). Effects are per unit of
// the factor's whole range, so for y = c·x on a range of width w, μ* = |c|·w.
import {interval95} from './quantile.js'
import type {Rng} from '../random.js'

export interface MorrisIndex {
  mu: number
  muStar: number
  sigma: number
  /** 95% percentile bootstrap interval of μ*, resampling trajectories. */
  muStarLo: number
  muStarHi: number
  /** Elementary effects that entered (trajectories whose outputs were finite). */
  n: number
}

/** Elementary effects per factor from the trajectory points and their outputs. */
export function elementaryEffects(points: readonly (readonly number[])[], y: readonly number[], k: number): number[][] {
  const effects: number[][] = Array.from({length: k}, () => [])
  const r = points.length / (k + 1)
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const a = t * (k + 1) + s
      const before = points[a]
      const after = points[a + 1]
      const i = before.findIndex((x, j) => x !== after[j])
      if (i < 0) continue
      effects[i].push((y[a + 1] - y[a]) / (after[i] - before[i]))
    }
  }
  return effects
}

export function morrisIndices(points: readonly (readonly number[])[], y: readonly number[], k: number, bootstrap: number, rng: Rng): MorrisIndex[] {
  return elementaryEffects(points, y, k).map((all) => {
    const ee = all.filter((e) => Number.isFinite(e))
    const n = ee.length
    if (n === 0) return {mu: NaN, muStar: NaN, sigma: NaN, muStarLo: NaN, muStarHi: NaN, n}
    const mu = ee.reduce((s, e) => s + e, 0) / n
    const muStar = ee.reduce((s, e) => s + Math.abs(e), 0) / n
    const sigma = n > 1 ? Math.sqrt(ee.reduce((s, e) => s + (e - mu) ** 2, 0) / (n - 1)) : NaN
    const boot: number[] = []
    for (let b = 0; b < bootstrap; b++) {
      let sum = 0
      for (let i = 0; i < n; i++) sum += Math.abs(ee[rng.int(n)])
      boot.push(sum / n)
    }
    const ci = interval95(boot)
    return {mu, muStar, sigma, muStarLo: ci.lo, muStarHi: ci.hi, n}
  })
}
