// Per-unit waiting lines. Veto, inspection and ordinary jobs wait in intrusive FIFO lists
// threaded through the job pool; deadline jobs wait in a per-unit heap ordered by
// (due time, sequence). Service is non-preemptive: a line is only read when a server frees.
// A unit's heads and tails share one 32-byte record; its length lives in the engine's unit
// record, which is already in cache when a server frees.
import {CLASS_DEADLINE} from './compile.js'
import {J_BIRTH, J_NEXT, J_SRC, JF_SHIFT, JI_SHIFT} from './jobs.js'
import type {JobPool} from './jobs.js'
import {TieHeap} from './tie-heap.js'

const STRIDE = 8
const TAIL = 4

export class UnitQueues {
  private readonly q: Int32Array
  private readonly due: Array<TieHeap | undefined>

  constructor(
    nUnits: number,
    private readonly jobs: JobPool,
    /** Unit records of 16 doubles and the slot of the queue length in them. */
    private readonly units: Float64Array,
    private readonly lenSlot: number,
    /** Deadline (hours after birth) by source: a deadline job's due time is birth + this. */
    private readonly deadline: Float64Array,
    /** Priority class by source (read through the job's source, not stored per job). */
    private readonly srcClass: ArrayLike<number>,
  ) {
    this.q = new Int32Array(nUnits * STRIDE).fill(-1)
    this.due = new Array<TieHeap | undefined>(nUnits)
  }

  /** Jobs waiting at unit u. */
  length(u: number): number {
    return this.units[(u << 4) + this.lenSlot]
  }

  /** Job j joins unit u's line; its due time and `seq` order the deadline class. */
  push(u: number, j: number, seq: number): void {
    const ji = this.jobs.i
    const cls = this.srcClass[ji[(j << JI_SHIFT) + J_SRC]]
    const q = this.q
    const base = u * STRIDE
    this.units[(u << 4) + this.lenSlot]++
    if (cls === CLASS_DEADLINE) {
      let h = this.due[u]
      if (!h) this.due[u] = h = new TieHeap(16)
      // Ordered by (due time, sequence); a line's length is bounded by the job pool, not here.
      h.push(this.jobs.f[(j << JF_SHIFT) + J_BIRTH] + this.deadline[ji[(j << JI_SHIFT) + J_SRC]], seq, j)
      return
    }
    ji[(j << JI_SHIFT) + J_NEXT] = -1
    const tail = q[base + TAIL + cls]
    if (tail < 0) q[base + cls] = j
    else ji[(tail << JI_SHIFT) + J_NEXT] = j
    q[base + TAIL + cls] = j
  }

  /** The next job to serve at unit u, or -1. */
  pop(u: number): number {
    const lo = (u << 4) + this.lenSlot
    if (this.units[lo] === 0) return -1
    this.units[lo]--
    const q = this.q
    const base = u * STRIDE
    for (let c = 0; c < 4; c++) {
      if (c === CLASS_DEADLINE) {
        const h = this.due[u]
        if (h && h.n > 0) return h.pop()
        continue
      }
      const j = q[base + c]
      if (j >= 0) {
        const n = this.jobs.i[(j << JI_SHIFT) + J_NEXT]
        q[base + c] = n
        if (n < 0) q[base + TAIL + c] = -1
        return j
      }
    }
    throw new Error('sim/queues: length out of step with lines')
  }
}
