// An event list under test beside a plain reference (an array sorted by time, priority, then
// push order, independent of the engine's code), and a seeded generator for the pushes.
import {EventHeap} from '../../src/sim/heap.js'

/** A linear congruential generator in [0, 1): the same draws on every run. */
export function lcg(seed: number): () => number {
  let x = seed
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32
}

export class PairedLists {
  readonly h = new EventHeap(4)
  readonly got: number[] = []
  readonly want: number[] = []
  private pending: Array<{t: number; p: number; i: number}> = []
  private id = 0

  get left(): number {
    return this.pending.length
  }

  push(t: number, p: number): void {
    this.h.push(t, p, this.id)
    this.pending.push({t, p, i: this.id++})
  }

  /** Pops the next event from both; returns its time. */
  pop(): number {
    this.pending.sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i)
    this.want.push(this.pending.shift()!.i)
    this.got.push(this.h.pop())
    return this.h.time
  }
}
