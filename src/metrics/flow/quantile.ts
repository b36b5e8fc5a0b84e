// A streaming quantile estimator with fixed memory: a histogram binned by the bits of the
// IEEE-754 double (the exponent, then the top four mantissa bits: 16 bins per doubling,
// each at most 6.25% wide, interpolated linearly) plus the exact minimum and maximum.
// Memory does not grow with the number of values; binning needs no logarithm.

const SUB_BITS = 4
const SUB = 1 << SUB_BITS
const MIN_EXP = -8 // 2^-8 h ≈ 14 s: shorter values share the first bin
const MAX_EXP = 22 // 2^22 h: beyond any horizon; longer values share the last bin
export const BINS = (MAX_EXP - MIN_EXP) * SUB + 2
const MIN = 2 ** MIN_EXP

const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)
// The high word of a double is u32[1] on little-endian hosts, u32[0] on big-endian ones.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0

export class LogHistogram {
  readonly counts = new Uint32Array(BINS)
  n = 0
  min = Infinity
  max = -Infinity

  record(v: number): void {
    this.counts[binOf(v)]++
    this.n++
    if (v < this.min) this.min = v
    if (v > this.max) this.max = v
  }

  /** The q-quantile (0 ≤ q ≤ 1), NaN when empty; exact when all values are equal. */
  quantile(q: number): number {
    if (this.n === 0) return NaN
    const rank = q * this.n
    let seen = 0
    for (let b = 0; b < BINS; b++) {
      const c = this.counts[b]
      if (c === 0) continue
      if (seen + c >= rank) {
        const f = Math.min(1, Math.max(0, (rank - seen) / c))
        const [lo, hi] = binBounds(b)
        return Math.min(this.max, Math.max(this.min, lo + f * (hi - lo)))
      }
      seen += c
    }
    return this.max
  }
}

export function binOf(v: number): number {
  if (!(v >= MIN)) return 0
  f64[0] = v
  const hi = u32[HI]
  const b = 1 + (((hi >>> 20) - 1023 - MIN_EXP) << SUB_BITS) + ((hi >>> (20 - SUB_BITS)) & (SUB - 1))
  return b < BINS - 1 ? b : BINS - 1
}

export function binBounds(b: number): [number, number] {
  if (b === 0) return [0, MIN]
  if (b === BINS - 1) return [2 ** MAX_EXP, Infinity]
  const e = MIN_EXP + ((b - 1) >> SUB_BITS)
  const m = (b - 1) & (SUB - 1)
  return [2 ** e * (1 + m / SUB), 2 ** e * (1 + (m + 1) / SUB)]
}
