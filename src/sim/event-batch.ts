// The loops of the event list's refill (heap.ts), each in a function of its own that ends by
// returning a local. V8 compiles a long-running loop on the stack (on-stack replacement) before
// the code after it has ever run; code after the loop that reads a field then lacks type
// feedback, and the cached replacement deoptimised there on every refill (44 times in 200 h of
// the city model), running the rest of the refill in the interpreter.

/** Batch records: time, tie, payload, extra, as doubles at W·k. */
export const W = 4
/** A bucket of the counting sort longer than this is sorted by comparison instead; a batch no longer than this is sorted by insertion alone. */
export const SHORT = 24

/** Copies the record at W·s of `from` to W·d of `to` (the same array or another). */
export function copyRecord(from: Float64Array, s: number, to: Float64Array, d: number): void {
  const i = s * W, o = d * W
  to[o] = from[i]
  to[o + 1] = from[i + 1]
  to[o + 2] = from[i + 2]
  to[o + 3] = from[i + 3]
}

/** Where a spread puts the far events that move into the rung. */
export interface RungSink {
  toRung(c: number, far: Float64Array, k: number): void
}

/**
 * Spreads the far records (at W·k, k < n) whose bucket (t - base)·inv is below `rung` into
 * those buckets, in order, and moves the rest to the front; returns how many are left. The
 * earliest time left goes to out[0].
 */
export function spread(far: Float64Array, n: number, base: number, inv: number, rung: number, sink: RungSink, out: Float64Array): number {
  let kept = 0
  let min = Infinity
  for (let k = 0; k < n; k++) {
    const t = far[k * W]
    const x = (t - base) * inv
    if (x < rung) {
      sink.toRung(x | 0, far, k)
      continue
    }
    copyRecord(far, k, far, kept++)
    if (t < min) min = t
  }
  out[0] = min
  return kept
}

/** Counts the n records of `from` in each of nb buckets of time from `base` (counts[b]), then turns the counts into each bucket's first place. */
export function bucketStarts(from: Float64Array, n: number, base: number, inv: number, nb: number, counts: Int32Array): number {
  counts.fill(0, 0, nb)
  for (let k = 0; k < n; k++) counts[bucketOf(from[k * W], base, inv, nb)]++
  let sum = 0
  for (let b = 0; b < nb; b++) {
    const c = counts[b]
    counts[b] = sum
    sum += c
  }
  return sum
}

/** Copies the n records of `from` to their buckets' places in `to` (stable); counts[b] ends as bucket b's end. */
export function scatter(from: Float64Array, to: Float64Array, n: number, base: number, inv: number, nb: number, counts: Int32Array): number {
  for (let k = 0; k < n; k++) copyRecord(from, k, to, counts[bucketOf(from[k * W], base, inv, nb)]++)
  return n
}

/** Sorts each of the nb buckets of `recs` (bucket b ends at counts[b]) by (time, tie). */
export function sortBuckets(recs: Float64Array, nb: number, counts: Int32Array): number {
  let from = 0
  for (let b = 0; b < nb; b++) {
    const to = counts[b]
    if (to - from > SHORT) sortByComparison(recs, from, to)
    else if (to - from > 1) insertionSort(recs, from, to)
    from = to
  }
  return from
}

/** Copies n records of `from` to `to` and sorts them there by (time, tie): a batch too small for the counting sort. */
export function copySorted(from: Float64Array, to: Float64Array, n: number): number {
  for (let k = 0; k < n * W; k++) to[k] = from[k]
  insertionSort(to, 0, n)
  return n
}

function insertionSort(recs: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const t = recs[i * W], tie = recs[i * W + 1]
    let j = i - 1
    if (recs[j * W] < t || (recs[j * W] === t && recs[j * W + 1] < tie)) continue
    const p = recs[i * W + 2], x = recs[i * W + 3]
    for (; j >= from && (recs[j * W] > t || (recs[j * W] === t && recs[j * W + 1] > tie)); j--) copyRecord(recs, j, recs, j + 1)
    const d = (j + 1) * W
    recs[d] = t
    recs[d + 1] = tie
    recs[d + 2] = p
    recs[d + 3] = x
  }
}

/** A crowded bucket (many equal or close times). */
function sortByComparison(recs: Float64Array, from: number, to: number): void {
  const n = to - from
  const idx = Array.from({length: n}, (_, i) => from + i)
  idx.sort((a, b) => recs[a * W] - recs[b * W] || recs[a * W + 1] - recs[b * W + 1])
  const copy = recs.slice(from * W, to * W)
  for (let i = 0; i < n; i++) {
    const s = (idx[i] - from) * W
    recs.set(copy.subarray(s, s + W), (from + i) * W)
  }
}

/** The bucket of time t; clamped, NaN included (t === limit may round to nb). */
function bucketOf(t: number, base: number, inv: number, nb: number): number {
  const x = (t - base) * inv
  return x < nb ? (x > 0 ? x | 0 : 0) : nb - 1
}
