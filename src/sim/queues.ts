// Per-unit waiting lines. Veto, inspection and ordinary jobs wait in intrusive FIFO lists
// threaded through the job pool; deadline jobs wait in a per-unit heap ordered by
// (due time, sequence). Service is non-preemptive: a line is only read when a server frees.
import {CLASS_DEADLINE} from './compile.js'
import type {JobPool} from './jobs.js'

export class UnitQueues {
  private readonly head: Int32Array
  private readonly tail: Int32Array
  readonly length: Int32Array
  private readonly due: Array<DueHeap | undefined>

  constructor(
    nUnits: number,
    private readonly jobs: JobPool,
  ) {
    this.head = new Int32Array(nUnits * 4).fill(-1)
    this.tail = new Int32Array(nUnits * 4).fill(-1)
    this.length = new Int32Array(nUnits)
    this.due = new Array<DueHeap | undefined>(nUnits)
  }

  push(u: number, j: number): void {
    const cls = this.jobs.cls[j]
    this.length[u]++
    if (cls === CLASS_DEADLINE) {
      let h = this.due[u]
      if (!h) this.due[u] = h = new DueHeap()
      h.push(this.jobs.due[j], this.jobs.seq[j], j)
      return
    }
    const slot = u * 4 + cls
    const next = this.jobs.next
    next[j] = -1
    if (this.head[slot] < 0) this.head[slot] = j
    else next[this.tail[slot]] = j
    this.tail[slot] = j
  }

  /** The next job to serve at unit u, or -1. */
  pop(u: number): number {
    if (this.length[u] === 0) return -1
    this.length[u]--
    const base = u * 4
    for (let c = 0; c < 4; c++) {
      if (c === CLASS_DEADLINE) {
        const h = this.due[u]
        if (h && h.size > 0) return h.pop()
        continue
      }
      const j = this.head[base + c]
      if (j >= 0) {
        const n = this.jobs.next[j]
        this.head[base + c] = n
        if (n < 0) this.tail[base + c] = -1
        return j
      }
    }
    throw new Error('sim/queues: length out of step with lines')
  }
}

/** A growable min-heap of job ids keyed by (due, seq). */
class DueHeap {
  private key = new Float64Array(16)
  private seq = new Float64Array(16)
  private job = new Int32Array(16)
  size = 0

  push(k: number, s: number, j: number): void {
    if (this.size === this.key.length) this.grow()
    const key = this.key, seq = this.seq, job = this.job
    let i = this.size++
    while (i > 0) {
      const p = (i - 1) >> 1
      if (key[p] < k || (key[p] === k && seq[p] < s)) break
      key[i] = key[p]
      seq[i] = seq[p]
      job[i] = job[p]
      i = p
    }
    key[i] = k
    seq[i] = s
    job[i] = j
  }

  pop(): number {
    const key = this.key, seq = this.seq, job = this.job
    const top = job[0]
    const n = --this.size
    if (n === 0) return top
    const k = key[n], s = seq[n], j = job[n]
    let i = 0
    while (2 * i + 1 < n) {
      let c = 2 * i + 1
      if (c + 1 < n && (key[c + 1] < key[c] || (key[c + 1] === key[c] && seq[c + 1] < seq[c]))) c++
      if (k < key[c] || (k === key[c] && s < seq[c])) break
      key[i] = key[c]
      seq[i] = seq[c]
      job[i] = job[c]
      i = c
    }
    key[i] = k
    seq[i] = s
    job[i] = j
    return top
  }

  private grow(): void {
    const cap = this.key.length * 2
    const key = new Float64Array(cap), seq = new Float64Array(cap), job = new Int32Array(cap)
    key.set(this.key)
    seq.set(this.seq)
    job.set(this.job)
    this.key = key
    this.seq = seq
    this.job = job
  }
}
