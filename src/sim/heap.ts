// The future-event list, ordered by (time, priority, sequence). Events due by `limit` sit in
// a binary min-heap; later ones wait unsorted in an overflow list and move into the heap, in
// one sequential pass, when the heap runs empty. Every heap event precedes every overflow
// event, so the order is exact, while the heap stays small enough for the L2 cache (the city
// model keeps ~10^5 events pending; a heap of all of them missed the cache at every level).
// Entries are 32-byte records (time, tie, payload, extra) in one Float64Array, the heap
// 1-based so that siblings share a cache line. No object per entry: STYLE.md measured 3.4×
// against object heaps. (A 4-ary heap with interleaved keys measured slower.) Only integers
// cross calls on the hot path: a double returned or passed un-inlined is boxed (GC).

import {LiveBoundError} from './bounds.js'
const SEQ_SPAN = 2 ** 40
const W = 4
/** Below this many heap events the overflow list is not used (small models: a plain heap). */
const SPILL = 16384

export class EventHeap {
  /** Heap records at W·k for k = 1..n: time, tie (priority × 2^40 + sequence), payload, extra. */
  private h: Float64Array
  private n = 0
  /** Overflow records at W·k for k = 0..m-1, all later than `limit`. */
  private o: Float64Array
  private m = 0
  private limit = Infinity
  private spilled = false
  private overflowMin = Infinity
  /** Span of time moved into the heap per refill, adapted to keep the heap a fair share. */
  private span = 1
  /** The `extra` of the event last popped. */
  extra = 0
  /** The time of the event last popped by popDue (a field, so that no double is returned). */
  time = 0.5
  /** popDue's bound: events later than this stay. */
  until = 0.5
  /** The time of the next pushAt (a field, so that no double is passed). */
  at = 0.5
  /** Events pending (heap and overflow). */
  size = 0
  private seq = 0
  /** Growth past this many pending events throws LiveBoundError (bounds.ts). */
  maxEvents = Infinity

  constructor(capacity = 1024) {
    this.h = new Float64Array((capacity + 1) * W)
    this.o = new Float64Array(capacity * W)
  }

  get length(): number {
    return this.size
  }

  /** The next event's time, Infinity when empty. */
  topTime(): number {
    if (this.size === 0) return Infinity
    if (this.n === 0) this.refill()
    return this.h[W]
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
      if ((this.n + 2) * W > this.h.length) this.h = this.grown(this.h)
      const h = this.h
      let i = ++this.n
      while (i > 1) {
        const q = i >> 1
        const qo = q * W
        const qt = h[qo]
        if (qt < t || (qt === t && h[qo + 1] < tie)) break
        const io = i * W
        h[io] = qt
        h[io + 1] = h[qo + 1]
        h[io + 2] = h[qo + 2]
        h[io + 3] = h[qo + 3]
        i = q
      }
      const io = i * W
      h[io] = t
      h[io + 1] = tie
      h[io + 2] = payload
      h[io + 3] = extra
      if (this.n > SPILL && !this.spilled) this.spill()
      return
    }
    // Deferred in line (a call would box t and tie).
    if ((this.m + 1) * W > this.o.length) this.o = this.grown(this.o)
    const o = this.o
    const k = this.m++ * W
    o[k] = t
    o[k + 1] = tie
    o[k + 2] = payload
    o[k + 3] = extra
    if (t < this.overflowMin) this.overflowMin = t
  }

  private defer(t: number, tie: number, payload: number, extra: number): void {
    if ((this.m + 1) * W > this.o.length) this.o = this.grown(this.o)
    const k = this.m++ * W
    this.o.set([t, tie, payload, extra], k)
    if (t < this.overflowMin) this.overflowMin = t
  }

  /**
   * Removes the earliest event if it is due by `until` and returns its payload (its time in
   * `time`, its extra in `extra`); -1, removing nothing, when none is due. Payloads are ≥ 0.
   */
  popDue(): number {
    if (this.size === 0) return -1
    if (this.n === 0) this.refill()
    const t = this.h[W]
    if (t > this.until) return -1
    this.time = t
    return this.pop()
  }

  /**
   * Removes the earliest event and returns its payload. Bottom-up: the hole left at the root
   * sinks to a leaf by the smaller child (one comparison per level), then the last entry,
   * which belongs near the bottom, rises from there. Ties are unique, so the order is exact.
   */
  pop(): number {
    if (this.n === 0) this.refill()
    this.size--
    const h = this.h
    // As int32, so that the payload returns as a small integer, not a boxed double.
    const top = h[W + 2] | 0
    this.extra = h[W + 3] | 0
    const n = this.n--
    if (n === 1) return top
    const lo = n * W
    const t = h[lo], tie = h[lo + 1], p = h[lo + 2], x = h[lo + 3]
    const m = n - 1
    let i = 1
    while (2 * i <= m) {
      let c = 2 * i
      let co = c * W
      if (c < m) {
        const ro = co + W
        if (h[ro] < h[co] || (h[ro] === h[co] && h[ro + 1] < h[co + 1])) {
          c++
          co = ro
        }
      }
      const io = i * W
      h[io] = h[co]
      h[io + 1] = h[co + 1]
      h[io + 2] = h[co + 2]
      h[io + 3] = h[co + 3]
      i = c
    }
    while (i > 1) {
      const q = i >> 1
      const qo = q * W
      const qt = h[qo]
      if (qt < t || (qt === t && h[qo + 1] < tie)) break
      const io = i * W
      h[io] = qt
      h[io + 1] = h[qo + 1]
      h[io + 2] = h[qo + 2]
      h[io + 3] = h[qo + 3]
      i = q
    }
    const io = i * W
    h[io] = t
    h[io + 1] = tie
    h[io + 2] = p
    h[io + 3] = x
    return top
  }

  /** A growth point, the only place the bound is checked. */
  private grown(a: Float64Array): Float64Array {
    if (this.size > this.maxEvents) throw new LiveBoundError('events', this.size)
    const b = new Float64Array(a.length * 2)
    b.set(a)
    return b
  }
  /** Moves overflow record k into the heap (refill only; ints cross the call, not doubles). */
  private moveIn(k: number): void {
    const o = this.o
    const ko = k * W
    const t = o[ko], tie = o[ko + 1]
    if ((this.n + 2) * W > this.h.length) this.h = this.grown(this.h)
    const h = this.h
    let i = ++this.n
    while (i > 1) {
      const q = i >> 1
      const qo = q * W
      const qt = h[qo]
      if (qt < t || (qt === t && h[qo + 1] < tie)) break
      const io = i * W
      h[io] = qt
      h[io + 1] = h[qo + 1]
      h[io + 2] = h[qo + 2]
      h[io + 3] = h[qo + 3]
      i = q
    }
    const io = i * W
    h[io] = t
    h[io + 1] = tie
    h[io + 2] = o[ko + 2]
    h[io + 3] = o[ko + 3]
  }

  /**
   * The heap has grown large: from now on only events due by a limit stay in it. Later ones
   * move to the overflow list and the rest is heapified again (once per run).
   */
  private spill(): void {
    this.spilled = true
    const h = this.h
    this.limit = h[W] + this.span
    let kept = 0
    for (let k = 1; k <= this.n; k++) {
      const ko = k * W
      if (h[ko] > this.limit) {
        this.defer(h[ko], h[ko + 1], h[ko + 2], h[ko + 3])
        continue
      }
      const keep = ++kept * W
      h[keep] = h[ko]
      h[keep + 1] = h[ko + 1]
      h[keep + 2] = h[ko + 2]
      h[keep + 3] = h[ko + 3]
    }
    this.n = kept
    for (let i = kept >> 1; i >= 1; i--) this.siftDown(i)
  }

  /** Sifts record i down (heapify). */
  private siftDown(i: number): void {
    const h = this.h
    const n = this.n
    const io0 = i * W
    const t = h[io0], tie = h[io0 + 1], p = h[io0 + 2], x = h[io0 + 3]
    while (2 * i <= n) {
      let c = 2 * i
      let co = c * W
      if (c < n) {
        const ro = co + W
        if (h[ro] < h[co] || (h[ro] === h[co] && h[ro + 1] < h[co + 1])) {
          c++
          co = ro
        }
      }
      if (t < h[co] || (t === h[co] && tie < h[co + 1])) break
      const io = i * W
      h[io] = h[co]
      h[io + 1] = h[co + 1]
      h[io + 2] = h[co + 2]
      h[io + 3] = h[co + 3]
      i = c
    }
    const io = i * W
    h[io] = t
    h[io + 1] = tie
    h[io + 2] = p
    h[io + 3] = x
  }

  /** Moves the overflow events due by a new limit into the (empty) heap. */
  private refill(): void {
    const o = this.o
    const total = this.m
    this.limit = this.overflowMin + this.span
    let kept = 0
    let min = Infinity
    for (let k = 0; k < total; k++) {
      const ko = k * W
      const t = o[ko]
      if (t <= this.limit) {
        this.moveIn(k)
        continue
      }
      const keep = kept++ * W
      o[keep] = t
      o[keep + 1] = o[ko + 1]
      o[keep + 2] = o[ko + 2]
      o[keep + 3] = o[ko + 3]
      if (t < min) min = t
    }
    this.m = kept
    this.overflowMin = min
    // Aim at moving about a quarter of the pending events per pass.
    const moved = total - kept
    if (moved * 8 < total) this.span *= 2
    else if (moved * 2 > total) this.span /= 2
  }
}
