// Means over replications with 95% confidence intervals that allow for skewness.
//
// Replication means of waits and lead times at a loaded unit are skewed to the right (a few
// replications hold the long busy periods), and then the plain Student-t interval is too often
// too low: a low mean comes with a small sd. Hall's (1992) transformation of the t statistic
// removes the first-order effect of skewness and stays monotone, so it can be inverted:
//
//   T = √n (x̄ − μ) / s,   g(T) = T + γ T² / (3√n) + γ² T³ / (27 n) + γ / (6√n)
//
// γ the sample skewness. With −t ≤ g(T) ≤ t (t the Student quantile) the interval is
//
//   [x̄ − s/√n · g⁻¹(t),  x̄ − s/√n · g⁻¹(−t)],   g⁻¹(y) = (3√n/γ) ((1 + γ (y − γ/(6√n)) / √n)^(1/3) − 1)
//
// It is the t interval when γ = 0 and leans towards the long tail otherwise. Below ten values
// the sample skewness is too rough to correct with (its standard error, about √(6/n), passes
// 0.8) and the interval is Student's t.
// docs/metrics.md, *Confidence intervals*, gives the coverage measured on M/M/1 queues.
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

/** The fewest values whose skewness the interval corrects for. */
export const SKEW_MIN_N = 10

export interface MeanInterval {
  mean: number
  /** Sample standard deviation (n − 1). */
  sd: number
  /** Sample skewness m₃ / s³, m₃ the mean cubed deviation; 0 when sd is 0. */
  skewness: number
  lo: number
  hi: number
}

/** Mean and 95% interval of n ≥ 2 finite values, skewness-corrected from SKEW_MIN_N values on (Hall 1992). */
export function meanInterval(xs: readonly number[]): MeanInterval {
  const n = xs.length
  let sum = 0
  for (const x of xs) sum += x
  const mean = sum / n
  let ss = 0
  let s3 = 0
  for (const x of xs) {
    const d = x - mean
    ss += d * d
    s3 += d * d * d
  }
  const sd = Math.sqrt(ss / (n - 1))
  // Rounding can leave a tiny sd for identical values: no spread, no skewness.
  const skewness = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? s3 / n / (sd * sd * sd) : 0
  const t = tQuantile975(n - 1)
  const se = sd / Math.sqrt(n)
  if (skewness === 0 || n < SKEW_MIN_N) return {mean, sd, skewness, lo: mean - t * se, hi: mean + t * se}
  const rn = Math.sqrt(n)
  const inverse = (y: number): number => ((3 * rn) / skewness) * (Math.cbrt(1 + (skewness * (y - skewness / (6 * rn))) / rn) - 1)
  return {mean, sd, skewness, lo: mean - se * inverse(t), hi: mean - se * inverse(-t)}
}

/**
 * Mean, sample sd and 95% CI of the finite values (meanInterval), the interval clipped to the
 * metric's `range` (an interval around a share near 1 would otherwise pass 100%). One value
 * gives sd 0 and lo = hi = mean; no finite value gives NaN (null in JSON).
 */
export function estimate(values: readonly number[], range: readonly [number, number] = [-Infinity, Infinity]): Estimate {
  const xs = values.filter((v) => Number.isFinite(v))
  const n = xs.length
  if (n === 0) return {mean: NaN, lo: NaN, hi: NaN, sd: NaN, n: 0}
  if (n === 1) return {mean: xs[0], lo: xs[0], hi: xs[0], sd: 0, n}
  const {mean, sd, lo, hi} = meanInterval(xs)
  return {mean, lo: Math.max(range[0], lo), hi: Math.min(range[1], hi), sd, n}
}
