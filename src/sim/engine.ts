// The discrete-event core: the event loop, units as parallel servers, and the counters the
// flow metrics are read from. What happens to items between services is in ./items.ts.
// Pure: no clock, no IO; randomness comes from the seeded stream bank.
import {BINS, binOf, LogHistogram} from '../metrics/flow/quantile.js'
import {TIERS} from '../model/types.js'
import type {TraceSink} from './api.js'
import type {Compiled} from './compile.js'
import {sample} from './dist.js'
import {DeferredCounts} from './deferred-counts.js'
import {EventHeap} from './heap.js'
import {ARBITRATE, FREE, INSPECTOR, RELAY, J_ARRIVE, J_BIRTH, J_DIST, J_KIND, J_REF, J_SCALE, J_SRC, J_UNIT, JF_SHIFT, JI_SHIFT, JobPool, STAGE, TRANSFER, VISIT, WAIT_RELAY} from './jobs.js'
import {StreamBank} from './prng.js'
import {UnitQueues} from './queues.js'
import {HouseholdRecords} from './collect.js'
import {firstArrivals, onArrival} from './items.js'
import {completeJob, resumeAfterDelay} from './stages.js'
import {Tally} from './tally.js'
import {Tracer} from './trace.js'

/** Event kinds (low two bits of the payload) double as same-time priorities. */
export const EV_SERVICE_END = 0
export const EV_DELAY_END = 1
export const EV_ARRIVAL = 2

const COMMUNITY = TIERS.indexOf('community')

/** A unit's counters share one record of 16 doubles at u << 4 (one or two cache lines). */
export const U_BUSY = 0
export const U_IN_SYSTEM = 1
export const U_BUSY_HOURS = 2
export const U_WAIT_HOURS = 3
/** Jobs that started service after the warm-up. */
export const U_WAIT_COUNT = 4
export const U_ARRIVED = 5
export const U_SERVED = 6
export const U_SOJOURN_HOURS = 7
/** Time integral of jobs at the unit (queue + service), for Little's law. */
export const U_AREA = 8
export const U_LAST_CHANGE = 9
/** Lead times of the items ended at the unit (which has just served them, so in cache). */
export const L_HOURS = 10
export const L_COUNT = 11
/** Jobs waiting in the unit's lines (kept by UnitQueues), here so an empty line costs no miss. */
export const U_QUEUE_LENGTH = 12
const L_MIN = 13
const L_MAX = 14
const U_SPEED = 15

export class Engine {
  readonly rng: StreamBank
  readonly heap = new EventHeap(4096)
  readonly jobs = new JobPool(4096)
  readonly queues: UnitQueues
  now = 0
  events = 0
  private seqNo = 0
  readonly horizon: number
  readonly warmup: number
  /** Null unless SimOptions.trace is set. */
  readonly tracer: Tracer | null
  /** Per-unit records (U_*). */
  readonly units: Float64Array
  /** Lead-time histograms of the items ended at each unit, BINS counts per unit. */
  private readonly leadBins: DeferredCounts
  readonly communityHours = new Float64Array(3)

  // Items (counted when born at or after the warm-up).
  generated = 0
  completed = 0
  rejected = 0
  unresolved = 0
  overdue = 0
  returned = 0
  // Duplicated handling.
  inspections = 0
  redundantInspections = 0
  multiUnitItems = 0
  relayHops = 0
  escalations = 0
  summons = 0
  // Buck-passing (推诿扯皮).
  contested = 0
  pingPong = 0
  arbitrations = 0
  // Resident requests.
  raised = 0
  resolved = 0
  requestsEnded = 0
  requestHops = 0
  resolveHours = 0
  readonly resolveHist = new LogHistogram()
  /** Household records of collected fields; last inspection per unit and category. */
  readonly households: HouseholdRecords
  readonly lastInspection: Float64Array
  /** Per-task counts and lead times; per-task hours of the focus units. */
  readonly tally: Tally

  constructor(
    readonly c: Compiled,
    seed: number,
    horizon: number,
    warmup: number,
    trace?: TraceSink,
    focus?: readonly string[],
  ) {
    this.tracer = trace ? new Tracer(c, trace) : null
    this.tally = new Tally(c, focus)
    this.horizon = horizon
    this.warmup = warmup
    this.rng = new StreamBank(seed, c.streamKeys)
    const n = c.nUnits
    this.units = new Float64Array(n << 4)
    for (let u = 0; u < n; u++) {
      this.units[(u << 4) + U_SPEED] = c.speed[u]
      this.units[(u << 4) + L_MIN] = Infinity
      this.units[(u << 4) + L_MAX] = -Infinity
    }
    this.queues = new UnitQueues(n, this.jobs, this.units, U_QUEUE_LENGTH, c.srcDeadline, c.srcClass)
    this.leadBins = new DeferredCounts(n * BINS)
    this.households = new HouseholdRecords(c)
    this.lastInspection = new Float64Array(n * c.nInspectionCats).fill(-Infinity)
    firstArrivals(this)
  }

  /** Processes every event up to and including time t, then sets the clock to t. */
  runUntil(t: number): void {
    const heap = this.heap
    heap.until = t
    for (;;) {
      // No double crosses a call here: the time comes back in a field (a return would box it).
      const p = heap.popDue()
      if (p < 0) break
      this.now = heap.time
      this.events++
      const kind = p & 3
      if (kind === EV_SERVICE_END) this.endService(p >> 2, heap.extra | 0)
      else if (kind === EV_ARRIVAL) onArrival(this, p >> 2)
      else resumeAfterDelay(this, p >> 2)
    }
    if (t > this.now) this.now = t
  }

  schedule(t: number, kind: number, ref: number): void {
    this.heap.at = t
    this.heap.pushAt(kind, (ref << 2) | kind, 0)
  }

  /** Job j joins unit u's line, or starts at once if a server is free. */
  enqueue(j: number, u: number): void {
    const ji = this.jobs.i
    const now = this.now
    ji[(j << JI_SHIFT) + J_UNIT] = u
    this.jobs.f[(j << JF_SHIFT) + J_ARRIVE] = now
    const seq = this.seqNo++
    const us = this.units
    const o = u << 4
    this.touch(o)
    us[o + U_IN_SYSTEM]++
    if (now >= this.warmup) us[o + U_ARRIVED]++
    if (us[o + U_BUSY] < this.c.servers[u]) this.startService(j, u)
    else this.queues.push(u, j, seq)
  }

  private startService(j: number, u: number): void {
    const jf = this.jobs.f
    const ji = this.jobs.i
    const fo = j << JF_SHIFT
    const io = j << JI_SHIFT
    const c = this.c
    const us = this.units
    const o = u << 4
    const now = this.now
    us[o + U_BUSY]++
    if (now >= this.warmup) {
      us[o + U_WAIT_HOURS] += now - jf[fo + J_ARRIVE]
      us[o + U_WAIT_COUNT]++
    }
    const src = ji[io + J_SRC]
    const effort = sample(c.dists, ji[io + J_DIST], this.rng, c.srcEffortRng[src]) * jf[fo + J_SCALE]
    const end = now + effort / us[o + U_SPEED]
    const lo = now > this.warmup ? now : this.warmup
    const hi = end < this.horizon ? end : this.horizon
    if (hi > lo) {
      us[o + U_BUSY_HOURS] += hi - lo
      if (c.unitTier[u] === COMMUNITY) this.communityHours[c.srcSplit[src]] += hi - lo
    }
    const k = this.tally.focusOf[u]
    if (k >= 0 && now >= this.warmup) this.tally.service(k, src, now - jf[fo + J_ARRIVE], hi > lo ? hi - lo : 0)
    this.heap.at = end
    this.heap.pushAt(EV_SERVICE_END, (j << 2) | EV_SERVICE_END, u)
    if (this.tracer !== null && jf[fo + J_BIRTH] >= this.warmup) {
      const kind = ji[io + J_KIND]
      if (kind === STAGE || kind === TRANSFER || kind === ARBITRATE) this.tracer.emit(now, 'started', this.jobs.item[j], this.jobs.inst[j], u, src)
    }
  }

  /** n items of source s are born (after the warm-up). */
  born(s: number, n: number): void {
    this.generated += n
    this.tally.born(s, n)
  }

  /** Job j ends service at unit u (carried by the event, so the job's and the unit's records load in parallel). */
  private endService(j: number, u: number): void {
    const arrive = this.jobs.f[(j << JF_SHIFT) + J_ARRIVE]
    const us = this.units
    const o = u << 4
    this.touch(o)
    us[o + U_IN_SYSTEM]--
    us[o + U_BUSY]--
    if (this.now >= this.warmup) {
      us[o + U_SERVED]++
      us[o + U_SOJOURN_HOURS] += this.now - arrive
    }
    // The next in line starts before j's consequences join any line (no overtaking).
    const next = this.queues.pop(u)
    if (next >= 0) this.startService(next, u)
    completeJob(this, j)
  }

  /** Advances the time integral of jobs present at the unit at record o, clipped to the window. */
  private touch(o: number): void {
    const us = this.units
    const last = us[o + U_LAST_CHANGE]
    const from = last > this.warmup ? last : this.warmup
    if (this.now > from) us[o + U_AREA] += us[o + U_IN_SYSTEM] * (this.now - from)
    us[o + U_LAST_CHANGE] = this.now
  }

  /** Records a finished item's lead time at the unit where it ended. */
  recordLead(u: number, hours: number): void {
    const l = this.units
    const o = u << 4
    l[o + L_HOURS] += hours
    l[o + L_COUNT]++
    this.leadBins.add(u * BINS + binOf(hours))
    if (hours < l[o + L_MIN]) l[o + L_MIN] = hours
    if (hours > l[o + L_MAX]) l[o + L_MAX] = hours
  }

  /** A unit's lead-time statistic (L_HOURS, L_COUNT). */
  leadStat(u: number, field: number): number {
    return this.units[(u << 4) + field]
  }

  /** A unit's counter (U_*). */
  stat(u: number, field: number): number {
    return this.units[(u << 4) + field]
  }

  /** The lead-time histogram of unit u, undefined when no item ended there. */
  leadHistogram(u: number): LogHistogram | undefined {
    const o = u << 4
    const l = this.units
    if (l[o + L_COUNT] === 0) return undefined
    const h = new LogHistogram()
    h.counts.set(this.leadBins.read(u * BINS, (u + 1) * BINS))
    h.n = l[o + L_COUNT]
    h.min = l[o + L_MIN]
    h.max = l[o + L_MAX]
    return h
  }

  /** Closes the time integrals at the current clock. */
  closeAreas(): void {
    for (let u = 0; u < this.c.nUnits; u++) this.touch(u << 4)
  }

  /** Items and overdue items still in flight (born after the warm-up), by scanning the jobs. */
  scanOpen(): {open: number; overdue: number} {
    const jobs = this.jobs
    let open = 0
    let overdue = 0
    for (let j = 0; j < jobs.capacity; j++) {
      const io = j << JI_SHIFT
      const birth = jobs.f[(j << JF_SHIFT) + J_BIRTH]
      if (jobs.i[io + J_KIND] === FREE || birth < this.warmup) continue
      const kind = jobs.i[io + J_KIND]
      // Pending campaign visits are not items yet; a relay carries every item below it.
      const items = kind === RELAY || kind === WAIT_RELAY ? this.c.routes.nodeItems[jobs.i[io + J_REF]] : kind === INSPECTOR || kind === VISIT ? 0 : 1
      open += items
      if (birth + this.c.srcDeadline[jobs.i[io + J_SRC]] < this.now) overdue += items
    }
    return {open, overdue}
  }
}
