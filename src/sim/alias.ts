// Drawing a unit in proportion to its weight in O(1): Vose's alias method.

/** Vose's alias table, appended to `out`: entry i keeps unit i with prob[i], else other[i]. */
export function buildAlias(weights: number[], units: number[], out: {prob: number[]; unit: number[]; other: number[]}): void {
  const n = weights.length
  const scaled = weights.map((w) => w * n)
  const prob = new Array<number>(n).fill(1)
  const other = units.slice()
  const small: number[] = []
  const large: number[] = []
  scaled.forEach((w, i) => (w < 1 ? small : large).push(i))
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!
    const l = large.pop()!
    prob[s] = scaled[s]
    other[s] = units[l]
    scaled[l] = scaled[l] + scaled[s] - 1
    ;(scaled[l] < 1 ? small : large).push(l)
  }
  for (let i = 0; i < n; i++) {
    out.prob.push(prob[i])
    out.unit.push(units[i])
    out.other.push(other[i])
  }
}

/** The tables in 16-byte entries (prob at 2k; unit, other at 4k + 2, 4k + 3): one cache line per draw. */
export function aliasRecords(a: {prob: ArrayLike<number>; unit: ArrayLike<number>; other: ArrayLike<number>}): {aliasRecProb: Float64Array; aliasRecUnit: Int32Array} {
  const buf = new ArrayBuffer(a.prob.length * 16)
  const prob = new Float64Array(buf)
  const unit = new Int32Array(buf)
  for (let k = 0; k < a.prob.length; k++) {
    prob[2 * k] = a.prob[k]
    unit[4 * k + 2] = a.unit[k]
    unit[4 * k + 3] = a.other[k]
  }
  return {aliasRecProb: prob, aliasRecUnit: unit}
}
