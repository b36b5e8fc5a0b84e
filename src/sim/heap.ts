// The future-event list: a binary min-heap over parallel typed arrays ordered by
// (time, priority, sequence). No object per entry: STYLE.md measured 3.4× against object
// heaps. (A 4-ary heap with interleaved keys measured slower here on 16 to 100,000 events.)

const SEQ_SPAN = 2 ** 40

export class EventHeap {
  /** Event times; time[0] is the next event's when size > 0. */
  time: Float64Array
  /** priority × 2^40 + sequence: one comparison settles equal times deterministically. */
  private tie: Float64Array
  private payload: Int32Array
  size = 0
  private seq = 0

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity)
    this.tie = new Float64Array(capacity)
    this.payload = new Int32Array(capacity)
  }

  get length(): number {
    return this.size
  }

  topTime(): number {
    return this.size > 0 ? this.time[0] : Infinity
  }

  push(t: number, priority: number, payload: number): void {
    if (this.size === this.time.length) this.grow()
    const tie = priority * SEQ_SPAN + this.seq++
    const time = this.time, ties = this.tie, pay = this.payload
    let i = this.size++
    while (i > 0) {
      const p = (i - 1) >> 1
      const pt = time[p]
      if (pt < t || (pt === t && ties[p] < tie)) break
      time[i] = pt
      ties[i] = ties[p]
      pay[i] = pay[p]
      i = p
    }
    time[i] = t
    ties[i] = tie
    pay[i] = payload
  }

  /** Removes the earliest event and returns its payload. */
  pop(): number {
    const time = this.time, ties = this.tie, pay = this.payload
    const top = pay[0]
    const n = --this.size
    if (n === 0) return top
    const t = time[n], tie = ties[n], p = pay[n]
    let i = 0
    const half = n >> 1
    while (i < half) {
      let c = 2 * i + 1
      const r = c + 1
      if (r < n && (time[r] < time[c] || (time[r] === time[c] && ties[r] < ties[c]))) c = r
      const ct = time[c]
      if (t < ct || (t === ct && tie < ties[c])) break
      time[i] = ct
      ties[i] = ties[c]
      pay[i] = pay[c]
      i = c
    }
    time[i] = t
    ties[i] = tie
    pay[i] = p
    return top
  }

  private grow(): void {
    const cap = this.time.length * 2
    const time = new Float64Array(cap)
    const tie = new Float64Array(cap)
    const payload = new Int32Array(cap)
    time.set(this.time)
    tie.set(this.tie)
    payload.set(this.payload)
    this.time = time
    this.tie = tie
    this.payload = payload
  }
}
