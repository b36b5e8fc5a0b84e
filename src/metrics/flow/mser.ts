// MSER-5 (White 1997; White, Cobb & Spratt 2000): where to truncate the initial transient of
// an output series. The series is averaged in batches of five; the truncation d* (in batches)
// minimises the squared standard error of the mean of what is left,
//
//   MSER(d) = Σ_{j > d} (z_j − z̄_d)² / (m − d)²,   d = 0 … ⌊m/2⌋,
//
// z the m batch means and z̄_d the mean of the batches after d. d* at its limit ⌊m/2⌋ means
// the series never settled: the run is too short for the statistic to be trusted.

export const MSER_BATCH = 5

export interface Truncation {
  /** Observations to drop from the start (a multiple of the batch size). */
  observations: number
  /** d* reached ⌊m/2⌋: no steady state was found in the series. */
  limited: boolean
}

export function mserTruncation(series: ArrayLike<number>, batch = MSER_BATCH): Truncation {
  const m = Math.floor(series.length / batch)
  if (m < 2) return {observations: 0, limited: false}
  const z = new Float64Array(m)
  for (let j = 0; j < m; j++) {
    let s = 0
    for (let i = 0; i < batch; i++) s += series[j * batch + i]
    z[j] = s / batch
  }
  // Suffix sums give every MSER(d) in one backward pass.
  const limit = Math.floor(m / 2)
  let sum = 0
  let sq = 0
  let best = Infinity
  let bestD = 0
  for (let d = m - 1; d >= 0; d--) {
    sum += z[d]
    sq += z[d] * z[d]
    const n = m - d
    if (d > limit) continue
    const mean = sum / n
    const mser = Math.max(0, sq - n * mean * mean) / (n * n)
    // Ties go to the earlier truncation (less data thrown away).
    if (mser <= best) {
      best = mser
      bestD = d
    }
  }
  return {observations: bestD * batch, limited: bestD === limit}
}
