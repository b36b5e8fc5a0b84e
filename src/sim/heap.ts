// The future-event list, ordered by (time, priority, sequence), in four parts, from the far
// future to the next event (a two-rung ladder queue):
// - far: events beyond the rung, unsorted, appended in push order;
// - the rung: up to RUNG buckets of equal width in time (fewer when few events are pending,
//   so that a bucket holds several), each an unsorted array a push appends to;
//   when every bucket is spent, one pass over the far events spreads the earliest of them
//   (about half, the width adapted) over new buckets;
// - the batch: the next bucket, sorted when its turn comes (by insertion when small, else a
//   counting sort on time and then each small bucket by insertion), which a pop reads in order;
// - a small binary heap for events pushed into buckets already spent or being read; a pop
//   takes the earlier of its top and the batch's head.
// Buckets are chosen by the same arithmetic on time everywhere, so every event of a bucket
// precedes every event of a later one and the order is exact.
//
// Why this shape: at city scale ~10^5 events are pending and each cache miss costs ~200 ns
// here. A push appends at the end of one of a few dozen arrays and a pop reads the batch in
// sequence, so neither misses, and an event is copied a few times in all; the linked buckets
// and the binary heap used before missed on both. No object per entry; only integers cross
// calls on the hot path (a double returned or passed un-inlined is boxed).

import {LiveBoundError} from './bounds.js'
import {bucketStarts, copyRecord, copySorted, scatter, SHORT, sortBuckets, spread, W} from './event-batch.js'
import type {RungSink} from './event-batch.js'
import {TieHeap} from './tie-heap.js'
const SEQ_SPAN = 2 ** 40
/** Buckets in the rung. */
const RUNG = 32
/** Far events per rung bucket a new rung aims at (about half the far events move). */
const PER_BUCKET = 16
/** The narrowest rung, in hours: far below any duration, and far above rounding at a year's times. */
const MIN_WIDTH = 1e-6

export class EventHeap implements RungSink {
  /** The sorted batch: records at W·k for pos ≤ k < end. */
  private near: Float64Array
  private pos = 0
  private end = 0
  /** Events pushed into a spent bucket or the one being read. */
  private readonly side = new TieHeap()
  /** Rung bucket c holds len[c] records at W·k of buckets[c], times in [base + c/inv, base + (c+1)/inv). */
  private readonly buckets: Float64Array[] = []
  private readonly len = new Int32Array(RUNG)
  private base = -Infinity
  private inv = 1
  /** Buckets in the current rung (≤ RUNG); those before `cur` are spent: before the first pop, all. */
  private nr = RUNG
  private cur = RUNG
  private inRung = 0
  /** Far records at W·k, k < farN; the earliest time in farMin. */
  private far: Float64Array
  private farN = 0
  private farMin = Infinity
  /** Width of time a rung covers, adapted so that a pass moves about half the far events. */
  private width = 1
  private counts = new Int32Array(16)
  private readonly earliest = new Float64Array(1)
  /** The `extra` of the event last popped. */
  extra = 0
  /** The time of the event last popped (a field, so that no double is returned). */
  time = 0.5
  /** popDue's bound: events later than this stay. */
  until = 0.5
  /** The time of the next pushAt (a field, so that no double is passed). */
  at = 0.5
  /** Events pending (batch, side heap, rung and far). */
  size = 0
  private seq = 0
  /** Growth past this many pending events throws LiveBoundError (bounds.ts). */
  maxEvents = Infinity

  constructor(capacity = 1024) {
    const cap = Math.max(capacity, 16)
    this.near = new Float64Array(cap * W)
    this.far = new Float64Array(cap * W)
    for (let c = 0; c < RUNG; c++) this.buckets.push(new Float64Array(16 * W))
  }

  get length(): number {
    return this.size
  }

  /** The next event's time, Infinity when empty. */
  topTime(): number {
    if (this.size === 0) return Infinity
    if (this.pos === this.end && this.inRung + this.farN > 0) this.refill()
    return this.nearFirst() ? this.near[this.pos * W] : this.side.topTime()
  }

  /** `extra` (an int) rides with the event: the engine passes the serving unit. */
  push(t: number, priority: number, payload: number, extra = 0): void {
    this.at = t
    this.pushAt(priority, payload, extra)
  }

  /** push at time `at`: the hot path sets the field, so only integers cross the call. */
  pushAt(priority: number, payload: number, extra: number): void {
    const t = this.at
    const tie = priority * SEQ_SPAN + this.seq++
    this.size++
    const x = (t - this.base) * this.inv
    if (x < this.cur) {
      this.side.push(t, tie, payload, extra, this.size, this.maxEvents)
      return
    }
    // Appended in line (a call would box t and tie).
    if (x < this.nr) {
      const c = x | 0
      const n = this.len[c]
      let b = this.buckets[c]
      if ((n + 1) * W > b.length) b = this.grow(c, n + 1)
      const d = n * W
      b[d] = t
      b[d + 1] = tie
      b[d + 2] = payload
      b[d + 3] = extra
      this.len[c] = n + 1
      this.inRung++
      return
    }
    if ((this.farN + 1) * W > this.far.length) this.growFar()
    const d = this.farN++ * W
    const far = this.far
    far[d] = t
    far[d + 1] = tie
    far[d + 2] = payload
    far[d + 3] = extra
    if (t < this.farMin) this.farMin = t
  }

  /**
   * Removes the earliest event if it is due by `until` and returns its payload (its time in
   * `time`, its extra in `extra`); -1, removing nothing, when none is due. Payloads are ≥ 0.
   */
  popDue(): number {
    // The common case, kept small so that the event loop can inline it: the batch has events
    // and the side heap none.
    if (this.pos < this.end && this.side.n === 0) return this.takeNear()
    return this.popOther()
  }

  /** popDue when the batch is spent or the side heap has events. */
  private popOther(): number {
    if (this.size === 0) return -1
    if (this.pos === this.end && this.inRung + this.farN > 0) this.refill()
    if (this.nearFirst()) return this.takeNear()
    const side = this.side
    if (side.topTime() > this.until) return -1
    this.size--
    const p = side.pop()
    this.time = side.time
    this.extra = side.extra
    return p
  }

  /** Takes the batch's head if it is due by `until` (its payload; -1 and nothing taken otherwise). */
  private takeNear(): number {
    const k = this.pos * W
    const near = this.near
    if (near[k] > this.until) return -1
    this.pos++
    this.size--
    this.time = near[k]
    this.extra = near[k + 3] | 0
    return near[k + 2] | 0
  }

  /** Removes the earliest event and returns its payload (its time in `time`). */
  pop(): number {
    const until = this.until
    this.until = Infinity
    const p = this.popDue()
    this.until = until
    return p
  }

  /** Whether the next event is the batch's head rather than the side heap's top (some event is pending, and the batch is refilled). */
  private nearFirst(): boolean {
    const side = this.side
    if (side.n === 0) return true
    if (this.pos === this.end) return false
    const k = this.pos * W
    const t = this.near[k]
    const st = side.topTime()
    return t < st || (t === st && this.near[k + 1] < side.topTie())
  }

  /** Sorts the next non-empty rung bucket into the (spent) batch, spreading far events over a new rung first if none is left. */
  private refill(): void {
    for (;;) {
      while (this.cur < this.nr && this.len[this.cur] === 0) this.cur++
      if (this.cur < this.nr) break
      this.newRung()
    }
    const c = this.cur++
    const n = this.len[c]
    const b = this.buckets[c]
    if (n * W > this.near.length) this.near = new Float64Array(b.length)
    if (n <= SHORT) copySorted(b, this.near, n)
    else {
      let nb = 16
      while (nb < n) nb *= 2
      if (this.counts.length < nb) this.counts = new Int32Array(nb)
      const from = this.base + c / this.inv
      const inv = nb * this.inv
      bucketStarts(b, n, from, inv, nb, this.counts)
      scatter(b, this.near, n, from, inv, nb, this.counts)
      sortBuckets(this.near, nb, this.counts)
    }
    this.len[c] = 0
    this.inRung -= n
    this.pos = 0
    this.end = n
  }

  /** Spreads the earliest far events over a new rung from the earliest far time (the rung is spent). */
  private newRung(): void {
    const total = this.farN
    this.base = this.farMin
    this.nr = Math.max(1, Math.min(RUNG, Math.floor(total / PER_BUCKET)))
    this.inv = this.nr / this.width
    this.cur = 0
    this.farN = spread(this.far, total, this.base, this.inv, this.nr, this, this.earliest)
    this.farMin = this.earliest[0]
    const moved = total - this.farN
    // Only a time that is not finite moves nothing (the earliest event is in bucket 0).
    if (moved === 0) throw new Error(`sim: an event at time ${this.base}`)
    this.inRung += moved
    if (moved * 4 < total) this.width *= 2
    else if (moved * 4 > 3 * total && this.width > MIN_WIDTH) this.width /= 2
  }

  /** Appends far record k to rung bucket c (during a spread). */
  toRung(c: number, far: Float64Array, k: number): void {
    const n = this.len[c]
    let b = this.buckets[c]
    if ((n + 1) * W > b.length) b = this.grow(c, n + 1)
    copyRecord(far, k, b, n)
    this.len[c] = n + 1
  }

  /** Rung bucket c, grown to hold `records` (the bound is checked here). */
  private grow(c: number, records: number): Float64Array {
    if (this.size > this.maxEvents) throw new LiveBoundError('events', this.size)
    const b = new Float64Array(Math.max(records * W, 2 * this.buckets[c].length))
    b.set(this.buckets[c])
    this.buckets[c] = b
    return b
  }

  private growFar(): void {
    if (this.size > this.maxEvents) throw new LiveBoundError('events', this.size)
    const far = new Float64Array(this.far.length * 2)
    far.set(this.far)
    this.far = far
  }
}
