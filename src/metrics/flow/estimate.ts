// Means over replications with 95% Student-t confidence intervals.
import type {Estimate} from '../../sim/api.js'

// Two-sided 95% quantiles t(0.975, df) for df = 1…30.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
]

/** t(0.975, df): the table up to 30, then a Cornish–Fisher expansion around z. */
export function tQuantile975(df: number): number {
  if (df < 1) return NaN
  if (df <= 30) return T975[Math.floor(df) - 1]
  const z = 1.959963984540054
  const z3 = z * z * z
  const z5 = z3 * z * z
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
}

/** What a metric can be: counts and hours are never negative, shares lie in [0, 1]. */
export const NONNEGATIVE: readonly [number, number] = [0, Infinity]
export const SHARE: readonly [number, number] = [0, 1]

/**
 * Mean, sample sd and 95% CI of the finite values, the interval clipped to the metric's
 * `range` (a t-interval around a share near 1 would otherwise pass 100%). One value gives sd 0
 * and lo = hi = mean; no finite value gives NaN (null in JSON).
 */
export function estimate(values: readonly number[], range: readonly [number, number] = [-Infinity, Infinity]): Estimate {
  const xs = values.filter((v) => Number.isFinite(v))
  const n = xs.length
  if (n === 0) return {mean: NaN, lo: NaN, hi: NaN, sd: NaN, n: 0}
  let sum = 0
  for (const x of xs) sum += x
  const mean = sum / n
  if (n === 1) return {mean, lo: mean, hi: mean, sd: 0, n}
  let ss = 0
  for (const x of xs) ss += (x - mean) * (x - mean)
  const sd = Math.sqrt(ss / (n - 1))
  const half = tQuantile975(n - 1) * (sd / Math.sqrt(n))
  return {mean, lo: Math.max(range[0], mean - half), hi: Math.min(range[1], mean + half), sd, n}
}
