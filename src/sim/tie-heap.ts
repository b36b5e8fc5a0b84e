// A binary min-heap of events or jobs ordered by (time, tie), in parallel typed arrays. The
// event list's side heap holds events pushed into a rung bucket already spent or being read (a
// tenth of pushes at city scale, a quarter on the benchmark network; never more than a few
// dozen pending there, so it stays in the cache); a unit's deadline line holds its jobs by
// (due time, sequence).
import {LiveBoundError} from './bounds.js'

export class TieHeap {
  private t: Float64Array
  private k: Float64Array
  private p: Int32Array
  private x: Int32Array
  n = 0
  /** The time and extra of the event last popped. */
  time = 0
  extra = 0

  constructor(capacity = 64) {
    this.t = new Float64Array(capacity)
    this.k = new Float64Array(capacity)
    this.p = new Int32Array(capacity)
    this.x = new Int32Array(capacity)
  }

  /** The earliest event's time and tie (n > 0). */
  topTime(): number {
    return this.t[0]
  }

  topTie(): number {
    return this.k[0]
  }

  /** `pending` and `bound` are the event list's pending count and limit: growth past it throws LiveBoundError. */
  push(time: number, tie: number, payload: number, extra = 0, pending = 0, bound = Infinity): void {
    if (this.n === this.t.length) this.grow(pending, bound)
    const t = this.t, k = this.k, p = this.p, x = this.x
    let i = this.n++
    while (i > 0) {
      const up = (i - 1) >> 1
      const ut = t[up]
      if (ut < time || (ut === time && k[up] < tie)) break
      t[i] = ut
      k[i] = k[up]
      p[i] = p[up]
      x[i] = x[up]
      i = up
    }
    t[i] = time
    k[i] = tie
    p[i] = payload
    x[i] = extra
  }

  /** Removes the earliest event and returns its payload (its time and extra in fields). */
  pop(): number {
    const t = this.t, k = this.k, p = this.p, x = this.x
    const payload = p[0]
    this.time = t[0]
    this.extra = x[0]
    const n = --this.n
    if (n === 0) return payload
    const lt = t[n], lk = k[n], lp = p[n], lx = x[n]
    let i = 0
    for (;;) {
      let c = 2 * i + 1
      if (c >= n) break
      if (c + 1 < n && (t[c + 1] < t[c] || (t[c + 1] === t[c] && k[c + 1] < k[c]))) c++
      if (lt < t[c] || (lt === t[c] && lk < k[c])) break
      t[i] = t[c]
      k[i] = k[c]
      p[i] = p[c]
      x[i] = x[c]
      i = c
    }
    t[i] = lt
    k[i] = lk
    p[i] = lp
    x[i] = lx
    return payload
  }

  private grow(pending: number, bound: number): void {
    if (pending > bound) throw new LiveBoundError('events', pending)
    const size = this.t.length * 2
    const t = new Float64Array(size), k = new Float64Array(size), p = new Int32Array(size), x = new Int32Array(size)
    t.set(this.t)
    k.set(this.k)
    p.set(this.p)
    x.set(this.x)
    this.t = t
    this.k = k
    this.p = p
    this.x = x
  }
}
