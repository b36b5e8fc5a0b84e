// The discrete-event core: the event loop, units as parallel servers, and the counters the
// flow metrics are read from. What happens to items between services is in ./items.ts.
// Pure: no clock, no IO; randomness comes from the seeded stream bank.
import {LogHistogram} from '../metrics/flow/quantile.js'
import {TIERS} from '../model/types.js'
import type {Compiled} from './compile.js'
import {sample} from './dist.js'
import {EventHeap} from './heap.js'
import {FREE, JobPool} from './jobs.js'
import {StreamBank} from './prng.js'
import {UnitQueues} from './queues.js'
import {completeJob, firstArrivals, onArrival, resumeAfterDelay} from './items.js'

/** Event kinds (low two bits of the payload) double as same-time priorities. */
export const EV_SERVICE_END = 0
export const EV_DELAY_END = 1
export const EV_ARRIVAL = 2

const COMMUNITY = TIERS.indexOf('community')

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

  // Per unit.
  readonly busy: Int32Array
  readonly inSystem: Int32Array
  readonly busyHours: Float64Array
  readonly waitHours: Float64Array
  readonly waitCount: Float64Array
  readonly arrived: Float64Array
  readonly served: Float64Array
  readonly sojournHours: Float64Array
  /** Time integral of jobs at the unit (queue + service), for Little's law. */
  readonly area: Float64Array
  readonly lastChange: Float64Array
  readonly leadHours: Float64Array
  readonly leadCount: Float64Array
  readonly leadHist: Array<LogHistogram | undefined>
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
  contacts = 0
  duplicateContacts = 0
  platformContacts = 0
  multiUnitItems = 0
  relayHops = 0
  escalations = 0
  summons = 0
  // Resident requests.
  raised = 0
  resolved = 0
  requestsEnded = 0
  requestHops = 0
  resolveHours = 0
  readonly resolveHist = new LogHistogram()
  /** Expiry of each collected field at each unit; last inspection per unit and category. */
  readonly fieldExpiry: Float64Array
  readonly lastInspection: Float64Array

  constructor(
    readonly c: Compiled,
    seed: number,
    horizon: number,
    warmup: number,
  ) {
    this.horizon = horizon
    this.warmup = warmup
    this.rng = new StreamBank(seed, c.streamKeys)
    const n = c.nUnits
    this.queues = new UnitQueues(n, this.jobs)
    this.busy = new Int32Array(n)
    this.inSystem = new Int32Array(n)
    this.busyHours = new Float64Array(n)
    this.waitHours = new Float64Array(n)
    this.waitCount = new Float64Array(n)
    this.arrived = new Float64Array(n)
    this.served = new Float64Array(n)
    this.sojournHours = new Float64Array(n)
    this.area = new Float64Array(n)
    this.lastChange = new Float64Array(n)
    this.leadHours = new Float64Array(n)
    this.leadCount = new Float64Array(n)
    this.leadHist = new Array<LogHistogram | undefined>(n)
    this.fieldExpiry = new Float64Array(n * c.nFields).fill(-Infinity)
    this.lastInspection = new Float64Array(n * c.nInspectionCats).fill(-Infinity)
    firstArrivals(this)
  }

  /** Processes every event up to and including time t, then sets the clock to t. */
  runUntil(t: number): void {
    const heap = this.heap
    while (heap.size > 0) {
      const next = heap.time[0]
      if (next > t) break
      this.now = next
      const p = heap.pop()
      this.events++
      const kind = p & 3
      if (kind === EV_SERVICE_END) this.endService(p >> 2)
      else if (kind === EV_ARRIVAL) onArrival(this, p >> 2)
      else resumeAfterDelay(this, p >> 2)
    }
    if (t > this.now) this.now = t
  }

  schedule(t: number, kind: number, ref: number): void {
    this.heap.push(t, kind, (ref << 2) | kind)
  }

  /** Job j joins unit u's line, or starts at once if a server is free. */
  enqueue(j: number, u: number): void {
    const jobs = this.jobs
    jobs.unit[j] = u
    jobs.arrive[j] = this.now
    jobs.seq[j] = this.seqNo++
    this.touch(u)
    this.inSystem[u]++
    if (this.now >= this.warmup) this.arrived[u]++
    if (this.busy[u] < this.c.servers[u]) this.startService(j, u)
    else this.queues.push(u, j)
  }

  private startService(j: number, u: number): void {
    const jobs = this.jobs
    const c = this.c
    const now = this.now
    this.busy[u]++
    if (now >= this.warmup) {
      this.waitHours[u] += now - jobs.arrive[j]
      this.waitCount[u]++
    }
    const src = jobs.src[j]
    const effort = sample(c.dists, jobs.dist[j], this.rng, c.srcEffortRng[src]) * jobs.scale[j]
    const end = now + effort / c.speed[u]
    const lo = now > this.warmup ? now : this.warmup
    const hi = end < this.horizon ? end : this.horizon
    if (hi > lo) {
      this.busyHours[u] += hi - lo
      if (c.unitTier[u] === COMMUNITY) this.communityHours[c.srcSplit[src]] += hi - lo
    }
    this.schedule(end, EV_SERVICE_END, j)
  }

  private endService(j: number): void {
    const jobs = this.jobs
    const u = jobs.unit[j]
    this.touch(u)
    this.inSystem[u]--
    this.busy[u]--
    if (this.now >= this.warmup) {
      this.served[u]++
      this.sojournHours[u] += this.now - jobs.arrive[j]
    }
    // The next in line starts before j's consequences join any line (no overtaking).
    const next = this.queues.pop(u)
    if (next >= 0) this.startService(next, u)
    completeJob(this, j)
  }

  /** Advances unit u's time integral of jobs present, clipped to the observation window. */
  private touch(u: number): void {
    const from = this.lastChange[u] > this.warmup ? this.lastChange[u] : this.warmup
    if (this.now > from) this.area[u] += this.inSystem[u] * (this.now - from)
    this.lastChange[u] = this.now
  }

  /** Records a finished item's lead time at the unit where it ended. */
  recordLead(u: number, hours: number): void {
    this.leadHours[u] += hours
    this.leadCount[u]++
    let h = this.leadHist[u]
    if (!h) this.leadHist[u] = h = new LogHistogram()
    h.record(hours)
  }

  /** Closes the time integrals at the current clock. */
  closeAreas(): void {
    for (let u = 0; u < this.c.nUnits; u++) this.touch(u)
  }

  /** Items and overdue items still in flight (born after the warm-up), by scanning the jobs. */
  scanOpen(): {open: number; overdue: number} {
    const jobs = this.jobs
    let open = 0
    let overdue = 0
    for (let j = 0; j < jobs.capacity; j++) {
      if (jobs.kind[j] === FREE || jobs.birth[j] < this.warmup) continue
      open += jobs.items[j]
      if (jobs.due[j] < this.now) overdue += jobs.items[j]
    }
    return {open, overdue}
  }
}
