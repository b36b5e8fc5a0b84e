// Jobs in flight, pooled with a free list: no object per job, and memory bounded by the most
// jobs ever alive at once. Each job is one 64-byte record (3 doubles, then 10 int32s) in one
// buffer seen through two views, so touching a job costs one or two cache lines rather than
// one per field: with ~10^5 jobs alive the separate arrays missed the cache on every field.

import {LiveBoundError} from './bounds.js'

export const FREE = 0
/** Forwarding one instance at a relay; carries every item below the relay node. */
export const RELAY = 1
/** One stage of an item's work plan. */
export const STAGE = 2
/** The inspector's own hours for one inspection; carries no item. */
export const INSPECTOR = 3
/** An item waiting out a wait stage of its plan: a hand-off, a summons response, a dispatch time (in no queue). */
export const WAITING = 4
/** A relay job handed over to its relay, waiting out the hand-off delay before joining its line. */
export const WAIT_RELAY = 5
/** An item handed over to its target, waiting out the hand-off delay before its plan starts. */
export const WAIT_LEAF = 6
/** An inspection visit not yet made (a campaign spreads visits over a window); not an item yet. */
export const VISIT = 7
/** A contested item being refused at a candidate (the transfer effort, in its line). */
export const TRANSFER = 8
/** A contested item being arbitrated by the candidates' common superior (in its line). */
export const ARBITRATE = 9
/** A contested item handed over to the next candidate. */
export const WAIT_CANDIDATE = 10
/** A contested item handed over to the candidate the arbiter assigned. */
export const WAIT_ASSIGN = 11
/** An item an access catalogue sent back, handed over to its issuer. */
export const WAIT_RETURN = 12
/** A contested item handed over to the superior who arbitrates. */
export const WAIT_ARBITER = 13

/** Record strides: doubles at (j << 3) + J_*, int32s at (j << 4) + J_*. */
export const JF_SHIFT = 3
export const JI_SHIFT = 4
export const J_BIRTH = 0
export const J_ARRIVE = 1
/** Multiplier of the drawn effort (formal share, data-sharing saving). */
export const J_SCALE = 2
export const J_KIND = 6
/** Buck-passing state of a contested item: contest entry << 8 | refusals so far; -1 otherwise. In the record: a separate array missed the cache once more per stage. */
export const J_AUX = 7
/** The unit whose queue the job is in (or that serves it). */
export const J_UNIT = 8
/** Route node (RELAY) or plan stage (STAGE, WAITING). */
export const J_REF = 9
export const J_SRC = 10
export const J_TARGET = 11
export const J_ISSUER = 12
/** STAGE, WAITING: the stage's end code (plans.ts S_END): 0 when more stages follow. */
export const J_END = 13
export const J_DIST = 14
/** Free list and FIFO line link. */
export const J_NEXT = 15

export class JobPool {
  f = new Float64Array(0)
  i = new Int32Array(0)
  /** Trace ids (written only when tracing): item (a relay's first item) and instance. */
  item = new Int32Array(0)
  inst = new Int32Array(0)
  private freeHead = -1
  capacity = 0
  live = 0
  /** Growth beyond this many jobs throws LiveBoundError (bounds.ts); set by the replication. */
  maxCapacity = Infinity
  /**
   * The unit a job's plan started at where that is not its target: an item an access catalogue
   * sent back to its issuer (plan-share.ts SELF). Rare, so a map rather than a record field.
   */
  private readonly planStarts = new Map<number, number>()

  constructor(capacity = 1024) {
    this.grow(capacity)
  }

  alloc(): number {
    if (this.freeHead < 0) this.grow(this.capacity * 2)
    const j = this.freeHead
    const o = (j << JI_SHIFT) + J_NEXT
    this.freeHead = this.i[o]
    this.i[o] = -1
    this.live++
    return j
  }

  release(j: number): void {
    if (this.planStarts.size !== 0) this.planStarts.delete(j)
    const o = j << JI_SHIFT
    this.i[o + J_KIND] = FREE
    this.i[o + J_NEXT] = this.freeHead
    this.freeHead = j
    this.live--
  }

  /** Job j's plan starts at unit `start`, not at its target. */
  startsAt(j: number, start: number): void {
    this.planStarts.set(j, start)
  }

  /** The unit job j's plan started at: plan-share.ts SELF stands for it. */
  planStart(j: number): number {
    const target = this.i[(j << JI_SHIFT) + J_TARGET]
    return this.planStarts.size === 0 ? target : (this.planStarts.get(j) ?? target)
  }

  kind(j: number): number {
    return this.i[(j << JI_SHIFT) + J_KIND]
  }

  private grow(cap: number): void {
    const old = this.capacity
    if (cap > this.maxCapacity && old > 0) throw new LiveBoundError('jobs', this.live)
    const buf = new ArrayBuffer(cap * 64)
    const f = new Float64Array(buf)
    f.set(this.f)
    this.f = f
    this.i = new Int32Array(buf)
    const item = new Int32Array(cap)
    item.set(this.item)
    this.item = item
    const inst = new Int32Array(cap)
    inst.set(this.inst)
    this.inst = inst
    // New slots join the free list in ascending order so allocation order is deterministic.
    for (let j = cap - 1; j >= old; j--) {
      this.i[(j << JI_SHIFT) + J_NEXT] = this.freeHead
      this.freeHead = j
    }
    this.capacity = cap
  }
}
