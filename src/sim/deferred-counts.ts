// A large table of counts whose increments are logged and applied in batches. The lead-time
// histograms (482 bins per unit: 22 MB at city scale) are incremented at random places; one
// at a time, each increment missed the cache and stalled the event loop, while a batch of
// them overlaps its misses. Nothing reads the table before `read` applies what is logged.
const BATCH = 4096

export class DeferredCounts {
  private readonly counts: Uint32Array
  private readonly log = new Int32Array(BATCH)
  private n = 0

  constructor(size: number) {
    this.counts = new Uint32Array(size)
  }

  /** Counts one at index i (applied later). */
  add(i: number): void {
    this.log[this.n++] = i
    if (this.n === BATCH) this.flush()
  }

  /** The counts at from..to-1, every logged increment applied. */
  read(from: number, to: number): Uint32Array {
    this.flush()
    return this.counts.subarray(from, to)
  }

  private flush(): void {
    this.n = apply(this.counts, this.log, this.n)
  }
}

/**
 * Applies the first n logged increments and returns 0. A loop of its own that ends by returning
 * a local: a method that stored a field after the loop was deoptimised at that store on almost
 * every flush (V8's on-stack replacement compiles the loop before the code after it has run).
 */
function apply(counts: Uint32Array, log: Int32Array, n: number): number {
  for (let k = 0; k < n; k++) counts[log[k]]++
  return 0
}
