// Jobs in flight, pooled in parallel typed arrays with a free list: no object per job, and
// memory bounded by the most jobs ever alive at once.

export const FREE = 0
/** Forwarding one instance at a relay; carries every item below the relay node. */
export const RELAY = 1
/** One stage of an item's work plan. */
export const STAGE = 2
/** The inspector's own hours for one inspection; carries no item. */
export const INSPECTOR = 3
/** An item waiting out a summons response time (in no queue). */
export const WAITING = 4

export class JobPool {
  kind = new Uint8Array(0)
  /** The unit whose queue the job is in (or that serves it). */
  unit = new Int32Array(0)
  /** Route node (RELAY) or plan stage (STAGE, WAITING). */
  ref = new Int32Array(0)
  src = new Int32Array(0)
  target = new Int32Array(0)
  issuer = new Int32Array(0)
  cls = new Uint8Array(0)
  items = new Int32Array(0)
  dist = new Int32Array(0)
  next = new Int32Array(0)
  birth = new Float64Array(0)
  due = new Float64Array(0)
  arrive = new Float64Array(0)
  seq = new Float64Array(0)
  scale = new Float64Array(0)
  private freeHead = -1
  capacity = 0
  live = 0

  constructor(capacity = 1024) {
    this.grow(capacity)
  }

  alloc(): number {
    if (this.freeHead < 0) this.grow(this.capacity * 2)
    const j = this.freeHead
    this.freeHead = this.next[j]
    this.next[j] = -1
    this.live++
    return j
  }

  release(j: number): void {
    this.kind[j] = FREE
    this.next[j] = this.freeHead
    this.freeHead = j
    this.live--
  }

  private grow(cap: number): void {
    const old = this.capacity
    this.kind = extend(this.kind, new Uint8Array(cap))
    this.unit = extend(this.unit, new Int32Array(cap))
    this.ref = extend(this.ref, new Int32Array(cap))
    this.src = extend(this.src, new Int32Array(cap))
    this.target = extend(this.target, new Int32Array(cap))
    this.issuer = extend(this.issuer, new Int32Array(cap))
    this.cls = extend(this.cls, new Uint8Array(cap))
    this.items = extend(this.items, new Int32Array(cap))
    this.dist = extend(this.dist, new Int32Array(cap))
    this.next = extend(this.next, new Int32Array(cap))
    this.birth = extend(this.birth, new Float64Array(cap))
    this.due = extend(this.due, new Float64Array(cap))
    this.arrive = extend(this.arrive, new Float64Array(cap))
    this.seq = extend(this.seq, new Float64Array(cap))
    this.scale = extend(this.scale, new Float64Array(cap))
    // New slots join the free list in ascending order so allocation order is deterministic.
    for (let j = cap - 1; j >= old; j--) {
      this.next[j] = this.freeHead
      this.freeHead = j
    }
    this.capacity = cap
  }
}

function extend<T extends Uint8Array | Int32Array | Float64Array>(old: T, fresh: T): T {
  fresh.set(old as never)
  return fresh
}
