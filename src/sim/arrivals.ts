// The arrival streams of a compiled model, filled in place: a city has about 15,000 (one per
// task and issuer), and typed arrays sized once spare the growing lists and the copies into
// typed arrays that compile.ts otherwise made of them.
import type {Compiled} from './compiled.js'

export type ArrivalTables = Pick<Compiled, 'nArrivals' | 'arrSrc' | 'arrTree' | 'arrPeriodic' | 'arrGap' | 'arrOffset' | 'arrRng' | 'arrAliasStart' | 'arrAliasEnd'>

export class Arrivals {
  length = 0
  readonly src: Int32Array
  readonly tree: Int32Array
  readonly aStart: Int32Array
  readonly aEnd: Int32Array
  private readonly periodic: Uint8Array
  private readonly gap: Float64Array
  private readonly offset: Float64Array
  private readonly rng: Int32Array

  /** Room for `capacity` streams: no more can be added. */
  constructor(capacity: number) {
    this.src = new Int32Array(capacity)
    this.tree = new Int32Array(capacity)
    this.aStart = new Int32Array(capacity)
    this.aEnd = new Int32Array(capacity)
    this.periodic = new Uint8Array(capacity)
    this.gap = new Float64Array(capacity)
    this.offset = new Float64Array(capacity)
    this.rng = new Int32Array(capacity)
  }

  /** A stream of source `src` (Compiled's arr* fields: tree -1 and an alias range for demand). */
  add(src: number, tree: number, periodic: boolean, gap: number, offset: number, rng: number, aStart: number, aEnd: number): void {
    const a = this.length++
    this.src[a] = src
    this.tree[a] = tree
    this.periodic[a] = periodic ? 1 : 0
    this.gap[a] = gap
    this.offset[a] = offset
    this.rng[a] = rng
    this.aStart[a] = aStart
    this.aEnd[a] = aEnd
  }

  tables(): ArrivalTables {
    const n = this.length
    return {
      nArrivals: n,
      arrSrc: this.src.slice(0, n),
      arrTree: this.tree.slice(0, n),
      arrPeriodic: this.periodic.slice(0, n),
      arrGap: this.gap.slice(0, n),
      arrOffset: this.offset.slice(0, n),
      arrRng: this.rng.slice(0, n),
      arrAliasStart: this.aStart.slice(0, n),
      arrAliasEnd: this.aEnd.slice(0, n),
    }
  }
}
