// Paired differences under common random numbers: replication r of the scenario is compared
// with replication r of the baseline (same seed), so the noise they share cancels and the
// confidence interval is that of the mean of the differences (a paired t interval, corrected for
// the skewness of the differences from ten pairs on: src/metrics/flow/estimate.ts).
import {meanInterval} from '../metrics/flow/estimate.js'

export interface PairedDifference {
  /** Means over each side's finite values (a side may have none: a tier a reform removed). */
  baseline: number
  scenario: number
  /** Mean of scenario − baseline. */
  change: number
  /** 95% paired confidence interval of the change (skewness-corrected t); NaN with fewer than two pairs. */
  lo: number
  hi: number
  /** Sample standard deviation of the differences. */
  sd: number
  /** Pairs used. */
  n: number
  /** The interval excludes zero (never when noChange). */
  significant: boolean
  /** Both sides equal in every replication (to rounding): no change, whatever the interval. */
  noChange: boolean
}

/** Two values closer than this, relative to their size, are equal (floating-point rounding). */
export const SAME = 1e-9

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b))
}

export function pairedDifference(baseline: readonly number[], scenario: readonly number[]): PairedDifference {
  if (baseline.length !== scenario.length) {
    throw new RangeError(`paired samples differ in length: ${baseline.length} and ${scenario.length}`)
  }
  const b: number[] = []
  const s: number[] = []
  for (let i = 0; i < baseline.length; i++) {
    if (Number.isFinite(baseline[i]) && Number.isFinite(scenario[i])) {
      b.push(baseline[i])
      s.push(scenario[i])
    }
  }
  const n = b.length
  const mean = (xs: readonly number[]) => {
    const f = xs.filter((x) => Number.isFinite(x))
    return f.length === 0 ? NaN : f.reduce((a, x) => a + x, 0) / f.length
  }
  const sides = {baseline: mean(baseline), scenario: mean(scenario)}
  if (n === 0) return {...sides, change: NaN, lo: NaN, hi: NaN, sd: NaN, n: 0, significant: false, noChange: false}
  // Identical in every replication: no change, and no interval can make it significant.
  if (b.every((x, i) => same(x, s[i]))) return {...sides, change: 0, lo: 0, hi: 0, sd: 0, n, significant: false, noChange: true}
  const d = s.map((x, i) => x - b[i])
  const change = mean(d)
  if (n === 1) return {...sides, change, lo: NaN, hi: NaN, sd: NaN, n, significant: false, noChange: false}
  const {sd, lo, hi} = meanInterval(d)
  return {...sides, change, lo, hi, sd, n, significant: lo > 0 || hi < 0, noChange: false}
}

/** A difference known exactly (a structural metric): a zero-width interval. */
export function exactDifference(baseline: number, scenario: number): PairedDifference {
  const change = scenario - baseline
  const ok = Number.isFinite(change)
  if (ok && same(baseline, scenario)) return {baseline, scenario, change: 0, lo: 0, hi: 0, sd: 0, n: 1, significant: false, noChange: true}
  return {
    baseline,
    scenario,
    change,
    lo: change,
    hi: change,
    sd: ok ? 0 : NaN,
    n: 1,
    significant: ok,
    noChange: false,
  }
}
