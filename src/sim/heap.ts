// The future-event list, ordered by (time, priority, sequence), in three parts. Events later
// than `limit` wait unsorted in an overflow list, appended in push order. When the near
// events run out, a refill moves the overflow events due by a new limit into one contiguous
// batch, sorted there by a counting sort on time followed by an insertion sort, and a pop
// reads that batch in order. Events pushed later but due by the limit go into a small binary
// heap beside it; a pop takes the earlier of the batch's head and the heap's top.
//
// Why this shape: at city scale ~10^5 events are pending and each cache miss costs ~200 ns
// here. A push to the overflow writes at its end and a pop reads the batch in sequence, so
// neither misses; the records of the earlier linked buckets and binary heap missed on both. No
// object per entry; only integers cross calls on the hot path (a double returned or passed
// un-inlined is boxed).

import {LiveBoundError} from './bounds.js'
import {bucketStarts, dropHoles, gatherDue, scatter, sortBuckets, W} from './event-batch.js'
import type {Spare} from './event-batch.js'
import {TieHeap} from './tie-heap.js'
const SEQ_SPAN = 2 ** 40
/** A refill aims at moving between 1/SHARE_LOW and 1/SHARE_HIGH of the pending events. */
const SHARE_LOW = 16
const SHARE_HIGH = 4

export class EventHeap implements Spare {
  /** The sorted batch: records at W·k for pos ≤ k < end. */
  private near: Float64Array
  private pos = 0
  private end = 0
  /** Events due by `limit` pushed after the batch was made. */
  private readonly side = new TieHeap()
  /**
   * Overflow events at k = 0..m-1, all later than `limit`: times in ot[k] (apart, so that a
   * refill's scans read 8 bytes an event), tie, payload and extra at od[3k..3k+2]. A refill
   * leaves a hole (NaN time) where an event moved out, and compacts when holes are half.
   */
  private ot: Float64Array
  private od: Float64Array
  private m = 0
  /** Overflow events that are not holes. */
  private waiting = 0
  /** Events due by this are in the batch or the side heap; before the first pop, none. */
  private limit = -Infinity
  private overflowMin = Infinity
  /** Span of time moved per refill, adapted to keep the batch a fair share of the events. */
  private span = 1
  /** The refill's scratch: the moving events before they are sorted, and bucket counts. */
  spare: Float64Array
  private counts = new Int32Array(0)
  private readonly earliest = new Float64Array(1)
  /** The `extra` of the event last popped. */
  extra = 0
  /** The time of the event last popped (a field, so that no double is returned). */
  time = 0.5
  /** popDue's bound: events later than this stay. */
  until = 0.5
  /** The time of the next pushAt (a field, so that no double is passed). */
  at = 0.5
  /** Events pending (batch, side heap and overflow). */
  size = 0
  private seq = 0
  /** Growth past this many pending events throws LiveBoundError (bounds.ts). */
  maxEvents = Infinity

  constructor(capacity = 1024) {
    const cap = Math.max(capacity, 16)
    this.near = new Float64Array(cap * W)
    this.spare = new Float64Array(cap * W)
    this.ot = new Float64Array(cap)
    this.od = new Float64Array(cap * 3)
  }

  get length(): number {
    return this.size
  }

  /** The next event's time, Infinity when empty. */
  topTime(): number {
    if (this.size === 0) return Infinity
    if (this.pos === this.end && this.waiting > 0) this.refill()
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
    if (t <= this.limit) {
      this.side.push(t, tie, payload, extra, this.size, this.maxEvents)
      return
    }
    // Deferred in line (a call would box t and tie).
    if (this.m === this.ot.length) this.growOverflow()
    const k = this.m++
    this.waiting++
    this.ot[k] = t
    const od = this.od
    od[3 * k] = tie
    od[3 * k + 1] = payload
    od[3 * k + 2] = extra
    if (t < this.overflowMin) this.overflowMin = t
  }

  /**
   * Removes the earliest event if it is due by `until` and returns its payload (its time in
   * `time`, its extra in `extra`); -1, removing nothing, when none is due. Payloads are ≥ 0.
   */
  popDue(): number {
    if (this.size === 0) return -1
    if (this.pos === this.end && this.waiting > 0) this.refill()
    if (this.nearFirst()) {
      const k = this.pos * W
      const near = this.near
      if (near[k] > this.until) return -1
      this.pos++
      this.size--
      this.time = near[k]
      this.extra = near[k + 3] | 0
      return near[k + 2] | 0
    }
    const side = this.side
    if (side.topTime() > this.until) return -1
    this.size--
    const p = side.pop()
    this.time = side.time
    this.extra = side.extra
    return p
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

  /** The growth point of the overflow, where the bound is checked; holes are dropped first. */
  private growOverflow(): void {
    if (this.waiting * 2 <= this.m) {
      this.compact()
      return
    }
    if (this.size > this.maxEvents) throw new LiveBoundError('events', this.size)
    const ot = new Float64Array(this.ot.length * 2)
    const od = new Float64Array(this.od.length * 2)
    ot.set(this.ot)
    od.set(this.od)
    this.ot = ot
    this.od = od
  }

  /** Drops the overflow's holes, keeping the order of the rest. */
  private compact(): void {
    this.m = dropHoles(this.ot, this.od, this.m)
  }

  /** Moves the overflow events due by a new limit into the (spent) batch, sorted. */
  private refill(): void {
    const total = this.waiting
    const base = this.overflowMin
    const limit = base + this.span
    this.limit = limit
    // One scan of the overflow gathers the moving events, in overflow order, into `spare` and
    // leaves holes; a counting sort by time (about one bucket an event) then reads them alone.
    const moving = gatherDue(this.ot, this.od, this.m, limit, this, this.earliest)
    let nb = 16
    while (nb < moving) nb *= 2
    if (this.counts.length < nb) this.counts = new Int32Array(nb)
    const inv = nb / (limit - base)
    bucketStarts(this.spare, moving, base, inv, nb, this.counts)
    if (moving * W > this.near.length) this.near = new Float64Array(this.spare.length)
    scatter(this.spare, this.near, moving, base, inv, nb, this.counts)
    sortBuckets(this.near, nb, this.counts)
    this.pos = 0
    this.end = moving
    this.waiting -= moving
    this.overflowMin = this.earliest[0]
    if (this.waiting * 2 <= this.m) this.compact()
    // Every refill scans the whole overflow, so a batch should be a fair share of it; a large
    // batch sends more later pushes to the side heap.
    if (moving * SHARE_LOW < total) this.span *= 2
    else if (moving * SHARE_HIGH > total) this.span /= 2
  }

  /** Grows the refill's scratch to at least `size` doubles, keeping its records (the bound is checked here). */
  grow(size: number): Float64Array {
    if (this.size > this.maxEvents) throw new LiveBoundError('events', this.size)
    const spare = new Float64Array(Math.max(size, 2 * this.spare.length))
    spare.set(this.spare)
    this.spare = spare
    return spare
  }
}
