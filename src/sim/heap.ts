// The future-event list, ordered by (time, priority, sequence), in two levels. Events due by
// `limit` sit in a bucket queue: a calendar queue over [base, limit] without wrap-around, about
// one bucket per event, each a list sorted by (time, tie) that a push usually joins at its tail;
// a pop takes the head of the first non-empty bucket. A binary heap of the same events cost
// about twice as much per event (a dozen unpredictable comparisons per pop). Later events wait
// unsorted in an overflow list and move in, in one pass, when the buckets run empty: every
// bucket event precedes every overflow event, so the order is exact. Records are 32 bytes in
// one buffer; no object per entry, and only integers cross calls on the hot path (a double
// returned or passed un-inlined is boxed).

import {LiveBoundError} from './bounds.js'
const SEQ_SPAN = 2 ** 40
/** Overflow records: time, tie, payload, extra. */
const W = 4
const MIN_BUCKETS = 16
/** A refill aims at moving between 1/SHARE_LOW and 1/SHARE_HIGH of the pending events. */
const SHARE_LOW = 4
const SHARE_HIGH = 1.5
/** Record fields: doubles at 4r + (R_TIME, R_TIE); int32s at 8r + (R_PAYLOAD, R_EXTRA, R_NEXT). */
const R_TIME = 0
const R_TIE = 1
const R_PAYLOAD = 4
const R_EXTRA = 5
const R_NEXT = 6
const B_HEAD = 2
const B_TAIL = 3

export class EventHeap {
  /** Records of the events in buckets, and free ones (linked by R_NEXT from `free`). */
  private rf: Float64Array
  private ri: Int32Array
  private free = -1
  /**
   * Buckets, 16 bytes each (one cache line for what a push or pop reads of it): the time of
   * its last event at bf[2b], its first and last record at bi[4b + B_HEAD | B_TAIL], -1 when empty.
   */
  private bf: Float64Array
  private bi: Int32Array
  private nb = MIN_BUCKETS
  private base = 0
  private inv = 1
  /** Buckets before `cur` are empty. */
  private cur = 0
  /** Events in buckets. */
  private n = 0
  /** Overflow records at W·k for k = 0..m-1, all later than `limit`: time, tie, payload, extra. */
  private o: Float64Array
  private m = 0
  /** Events due by this go into buckets; before the first pop, none. */
  private limit = -Infinity
  private overflowMin = Infinity
  /** Span of time moved into the buckets per refill, adapted to keep them a fair share. */
  private span = 1
  /** Events the last refill moved. */
  private moved = 0
  /** The `extra` of the event last popped. */
  extra = 0
  /** The time of the event last popped by popDue (a field, so that no double is returned). */
  time = 0.5
  /** popDue's bound: events later than this stay. */
  until = 0.5
  /** The time of the next pushAt (a field, so that no double is passed). */
  at = 0.5
  /** Events pending (buckets and overflow). */
  size = 0
  private seq = 0
  /** Growth past this many pending events throws LiveBoundError (bounds.ts). */
  maxEvents = Infinity

  constructor(capacity = 1024) {
    const cap = Math.max(capacity, 16)
    const buf = new ArrayBuffer(cap * 32)
    this.rf = new Float64Array(buf)
    this.ri = new Int32Array(buf)
    this.freeFrom(0, cap)
    this.bf = new Float64Array(2 * MIN_BUCKETS)
    this.bi = new Int32Array(this.bf.buffer).fill(-1)
    this.o = new Float64Array(cap * W)
  }

  get length(): number {
    return this.size
  }

  /** The next event's time, Infinity when empty. */
  topTime(): number {
    if (this.size === 0) return Infinity
    if (this.n === 0) this.refill()
    return this.rf[this.first() << 2]
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
      this.insert(t, tie, payload, extra)
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

  /**
   * Removes the earliest event if it is due by `until` and returns its payload (its time in
   * `time`, its extra in `extra`); -1, removing nothing, when none is due. Payloads are ≥ 0.
   */
  popDue(): number {
    if (this.size === 0) return -1
    if (this.n === 0) this.refill()
    const r = this.first()
    if (this.rf[r << 2] > this.until) return -1
    return this.take(r)
  }

  /** Removes the earliest event and returns its payload (its time in `time`). */
  pop(): number {
    if (this.n === 0) this.refill()
    return this.take(this.first())
  }

  /** The first record of the first non-empty bucket (there is one: n > 0). */
  private first(): number {
    const bi = this.bi
    let b = this.cur
    while (bi[(b << 2) + B_HEAD] < 0) b++
    this.cur = b
    return bi[(b << 2) + B_HEAD]
  }

  /** Unlinks record r, the head of bucket `cur`, and returns its payload. */
  private take(r: number): number {
    const ri = this.ri
    const next = ri[(r << 3) + R_NEXT]
    this.bi[(this.cur << 2) + B_HEAD] = next
    if (next < 0) this.bi[(this.cur << 2) + B_TAIL] = -1
    ri[(r << 3) + R_NEXT] = this.free
    this.free = r
    this.n--
    this.size--
    this.time = this.rf[(r << 2) + R_TIME]
    this.extra = ri[(r << 3) + R_EXTRA]
    return ri[(r << 3) + R_PAYLOAD]
  }

  /** Puts an event due by `limit` into its bucket, after every equal or earlier one there. */
  private insert(t: number, tie: number, payload: number, extra: number): void {
    if (this.free < 0) this.growRecords()
    const rf = this.rf, ri = this.ri
    const r = this.free
    this.free = ri[(r << 3) + R_NEXT]
    rf[(r << 2) + R_TIME] = t
    rf[(r << 2) + R_TIE] = tie
    ri[(r << 3) + R_PAYLOAD] = payload
    ri[(r << 3) + R_EXTRA] = extra
    const x = (t - this.base) * this.inv
    // Clamped, NaN included: t === limit may round to nb; a zero-width span gives NaN.
    const b = x < this.nb ? (x > 0 ? x | 0 : 0) : this.nb - 1
    if (b < this.cur) this.cur = b
    const bi = this.bi
    const last = bi[(b << 2) + B_TAIL]
    // The tail's time is kept in the bucket: a push at the tail reads no record.
    const lastTime = this.bf[b << 1]
    if (last < 0 || lastTime < t || (lastTime === t && rf[(last << 2) + R_TIE] < tie)) this.linkTail(r, b)
    else {
      let prev = -1
      let q = bi[(b << 2) + B_HEAD]
      while (rf[q << 2] < t || (rf[q << 2] === t && rf[(q << 2) + R_TIE] < tie)) {
        prev = q
        q = ri[(q << 3) + R_NEXT]
      }
      ri[(r << 3) + R_NEXT] = q
      if (prev < 0) bi[(b << 2) + B_HEAD] = r
      else ri[(prev << 3) + R_NEXT] = r
    }
    // Far more events than buckets: spread them over twice as many.
    if (++this.n > 4 * this.nb) this.rebucket(this.nb * 2)
  }

  /** Re-spreads the bucket events over `nb` buckets from the earliest one to `limit`. */
  private rebucket(nb: number): void {
    // Walking the buckets in order yields the events sorted: re-inserted, each goes to a tail.
    const order = new Int32Array(this.n)
    let k = 0
    for (let b = this.cur; b < this.nb; b++) for (let r = this.bi[(b << 2) + B_HEAD]; r >= 0; r = this.ri[(r << 3) + R_NEXT]) order[k++] = r
    this.resetBuckets(nb, this.rf[order[0] << 2])
    for (const r of order) this.append(r)
  }

  /** Appends record r, later than every bucket event, to its bucket. */
  private append(r: number): void {
    const x = (this.rf[r << 2] - this.base) * this.inv
    this.linkTail(r, x < this.nb ? (x > 0 ? x | 0 : 0) : this.nb - 1)
    this.n++
  }

  /** Links record r after every event of bucket b. */
  private linkTail(r: number, b: number): void {
    const bi = this.bi
    const last = bi[(b << 2) + B_TAIL]
    if (last < 0) bi[(b << 2) + B_HEAD] = r
    else this.ri[(last << 3) + R_NEXT] = r
    this.ri[(r << 3) + R_NEXT] = -1
    bi[(b << 2) + B_TAIL] = r
    this.bf[b << 1] = this.rf[r << 2]
  }

  /** Empty buckets, `nb` of them, over [base, limit]. */
  private resetBuckets(nb: number, base: number): void {
    if (this.bf.length < 2 * nb) {
      this.bf = new Float64Array(2 * nb)
      this.bi = new Int32Array(this.bf.buffer)
    }
    // Heads and tails -1; the tail times are written with the first event.
    this.bi.fill(-1, 0, 4 * nb)
    this.nb = nb
    this.base = base
    this.inv = nb / (this.limit - base)
    this.cur = 0
    this.n = 0
  }

  /** Doubles the record buffer (the bound is checked in grown). */
  private growRecords(): void {
    const cap = this.ri.length >> 3
    if (this.size > this.maxEvents) throw new LiveBoundError('events', this.size)
    const buf = new ArrayBuffer(cap * 64)
    const rf = new Float64Array(buf)
    rf.set(this.rf)
    this.rf = rf
    this.ri = new Int32Array(buf)
    this.freeFrom(cap, cap * 2)
  }

  /** Records from..to-1 join the free list, lowest first. */
  private freeFrom(from: number, to: number): void {
    for (let r = to - 1; r >= from; r--) {
      this.ri[(r << 3) + R_NEXT] = this.free
      this.free = r
    }
  }

  /** A growth point, the only place the bound is checked. */
  private grown(a: Float64Array): Float64Array {
    if (this.size > this.maxEvents) throw new LiveBoundError('events', this.size)
    const b = new Float64Array(a.length * 2)
    b.set(a)
    return b
  }

  /** Moves the overflow events due by a new limit into the (empty) buckets. */
  private refill(): void {
    const o = this.o
    const total = this.m
    const limit = this.overflowMin + this.span
    // As many buckets as the last pass moved (one pass: insert spreads a surplus).
    let nb = MIN_BUCKETS
    while (nb < this.moved) nb *= 2
    this.limit = limit
    this.resetBuckets(nb, this.overflowMin)
    let kept = 0
    let min = Infinity
    for (let k = 0; k < total; k++) {
      const ko = k * W
      const t = o[ko]
      if (t <= limit) {
        this.insert(t, o[ko + 1], o[ko + 2], o[ko + 3])
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
    const moving = total - kept
    this.moved = moving
    // Bucket events cost the same however many there are, so a pass moves a large share:
    // every pass reads the whole overflow.
    if (moving * SHARE_LOW < total) this.span *= 2
    else if (moving * SHARE_HIGH > total) this.span /= 2
  }
}
