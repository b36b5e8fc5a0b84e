// Percentile bootstrap intervals: the 2.5% and 97.5% quantiles of the resampled statistic
// (linear interpolation between order statistics, as R's type 7).

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN
  const h = (sorted.length - 1) * q
  const lo = Math.floor(h)
  const hi = Math.min(sorted.length - 1, lo + 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}

/** The 95% percentile interval of finite resampled values; NaN when none are finite. */
export function interval95(values: readonly number[]): {lo: number; hi: number} {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  return {lo: quantile(xs, 0.025), hi: quantile(xs, 0.975)}
}
