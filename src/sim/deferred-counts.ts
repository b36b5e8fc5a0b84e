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
    const counts = this.counts
    const log = this.log
    for (let k = 0; k < this.n; k++) counts[log[k]]++
    this.n = 0
  }
}
