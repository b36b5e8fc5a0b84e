// The future-event list, ordered by (time, priority, sequence). Events due by `limit` sit in
// a binary min-heap; later ones wait unsorted in an overflow list and move into the heap, in
// one sequential pass, when the heap runs empty. Every heap event precedes every overflow
// event, so the order is exact, while the heap stays small enough for the L2 cache (the city
// model keeps ~10^5 events pending; a heap of all of them missed the cache at every level).
// The heap keeps its fields in parallel typed arrays (times, ties, payload and extra), 1-based:
// a sift compares times only, and 8 of them share a cache line, so the comparisons of a pop
// touch a quarter of the memory that 32-byte records did (the sift's loads were its cost).
// No object per entry: STYLE.md measured 3.4× against object heaps. (A 4-ary heap with
// interleaved keys measured slower.) Only integers cross calls on the hot path: a double
// returned or passed un-inlined is boxed (GC). Overflow entries are 32-byte records, scanned in
// order.

import {LiveBoundError} from './bounds.js'
const SEQ_SPAN = 2 ** 40
const W = 4
/** Below this many heap events the overflow list is not used (small models: a plain heap). */
const SPILL = 16384

export class EventHeap {
  /** Heap entries k = 1..n: time, tie (priority × 2^40 + sequence), payload and extra (at 2k, 2k + 1). */
  private ht: Float64Array
  private hk: Float64Array
  private hx: Int32Array
  private n = 0
  /** Overflow records at W·k for k = 0..m-1, all later than `limit`: time, tie, payload, extra. */
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
    this.ht = new Float64Array(capacity + 1)
    this.hk = new Float64Array(capacity + 1)
    this.hx = new Int32Array(2 * (capacity + 1))
    this.o = new Float64Array(capacity * W)
  }

  get length(): number {
    return this.size
  }

  /** The next event's time, Infinity when empty. */
  topTime(): number {
    if (this.size === 0) return Infinity
    if (this.n === 0) this.refill()
    return this.ht[1]
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
      if (this.n + 2 > this.ht.length) this.grow()
      this.siftUp(++this.n, t, tie, payload, extra)
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

  /** Places an entry at hole i, moving parents down while they are later. */
  private siftUp(i: number, t: number, tie: number, payload: number, extra: number): void {
    const ht = this.ht, hk = this.hk, hx = this.hx
    while (i > 1) {
      const q = i >> 1
      const qt = ht[q]
      if (qt < t || (qt === t && hk[q] < tie)) break
      ht[i] = qt
      hk[i] = hk[q]
      hx[2 * i] = hx[2 * q]
      hx[2 * i + 1] = hx[2 * q + 1]
      i = q
    }
    ht[i] = t
    hk[i] = tie
    hx[2 * i] = payload
    hx[2 * i + 1] = extra
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
    const t = this.ht[1]
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
    const ht = this.ht, hk = this.hk, hx = this.hx
    const top = hx[2]
    this.extra = hx[3]
    const n = this.n--
    if (n === 1) return top
    const t = ht[n], tie = hk[n], p = hx[2 * n], x = hx[2 * n + 1]
    const m = n - 1
    let i = 1
    while (2 * i <= m) {
      let c = 2 * i
      if (c < m && (ht[c + 1] < ht[c] || (ht[c + 1] === ht[c] && hk[c + 1] < hk[c]))) c++
      ht[i] = ht[c]
      hk[i] = hk[c]
      hx[2 * i] = hx[2 * c]
      hx[2 * i + 1] = hx[2 * c + 1]
      i = c
    }
    this.siftUp(i, t, tie, p, x)
    return top
  }

  /** Doubles the heap's arrays (the bound is checked in grown). */
  private grow(): void {
    const ht = this.grown(this.ht)
    const hk = new Float64Array(ht.length)
    hk.set(this.hk)
    const hx = new Int32Array(2 * ht.length)
    hx.set(this.hx)
    this.ht = ht
    this.hk = hk
    this.hx = hx
  }

  /** A growth point, the only place the bound is checked. */
  private grown(a: Float64Array): Float64Array {
    if (this.size > this.maxEvents) throw new LiveBoundError('events', this.size)
    const b = new Float64Array(a.length * 2)
    b.set(a)
    return b
  }

  /**
   * The heap has grown large: from now on only events due by a limit stay in it. Later ones
   * move to the overflow list and the rest is heapified again (once per run).
   */
  private spill(): void {
    this.spilled = true
    const ht = this.ht, hk = this.hk, hx = this.hx
    this.limit = ht[1] + this.span
    let kept = 0
    for (let k = 1; k <= this.n; k++) {
      if (ht[k] > this.limit) {
        this.defer(ht[k], hk[k], hx[2 * k], hx[2 * k + 1])
        continue
      }
      const keep = ++kept
      ht[keep] = ht[k]
      hk[keep] = hk[k]
      hx[2 * keep] = hx[2 * k]
      hx[2 * keep + 1] = hx[2 * k + 1]
    }
    this.n = kept
    for (let i = kept >> 1; i >= 1; i--) this.siftDown(i)
  }

  /** Sifts entry i down (heapify). */
  private siftDown(i: number): void {
    const ht = this.ht, hk = this.hk, hx = this.hx
    const n = this.n
    const t = ht[i], tie = hk[i], p = hx[2 * i], x = hx[2 * i + 1]
    while (2 * i <= n) {
      let c = 2 * i
      if (c < n && (ht[c + 1] < ht[c] || (ht[c + 1] === ht[c] && hk[c + 1] < hk[c]))) c++
      if (t < ht[c] || (t === ht[c] && tie < hk[c])) break
      ht[i] = ht[c]
      hk[i] = hk[c]
      hx[2 * i] = hx[2 * c]
      hx[2 * i + 1] = hx[2 * c + 1]
      i = c
    }
    ht[i] = t
    hk[i] = tie
    hx[2 * i] = p
    hx[2 * i + 1] = x
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
        if (this.n + 2 > this.ht.length) this.grow()
        this.siftUp(++this.n, t, o[ko + 1], o[ko + 2], o[ko + 3])
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
