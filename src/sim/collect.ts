// Data collection by household (重复上门). A visit of a collecting task asks a uniform random
// sample of k = round(contacts × households) of the target's households, drawn independently
// of every other visit, so a given household is in a visit with probability q = k / households,
// independently across visits. What a visit finds is therefore an exact expectation given the
// visit history: a sampled household holds a valid record from visit i with probability q_i,
// and from none of a set of visits with probability Π (1 − q_i). No household is stored:
// memory grows with the visits still inside their validity, not with items processed.
import type {Compiled} from './compile.js'
import type {Engine} from './engine.js'

/** Completion and issue times of one task's visits at one unit, oldest first. */
interface Visits {
  done: Float64Array
  issued: Float64Array
  head: number
  size: number
}

/** A shared field's records at one unit: expiry and share of households of each live record. */
interface Platform {
  expiry: number[]
  share: number[]
}

const TOLERANCE = 1e-9

export class HouseholdRecords {
  /** Households asked for at least one field. */
  contacts = 0
  /** Households asked again for a field another task collected from them within its validity, or that this task asked before its own period was over. */
  duplicateContacts = 0
  /** Households × fields asked again in that sense. */
  duplicateFields = 0
  /** Households asked again by the same task after its own period, its earlier record still valid (and no duplicate). */
  recollectedContacts = 0
  /** Households × fields served from the data-sharing platform. */
  platformContacts = 0

  /** Collecting sources numbered 0..nCol-1 (col[s], -1 for the others): a unit's slots are adjacent. */
  private readonly nCol: number
  private readonly col: Int32Array
  private readonly visits: Array<Visits | undefined>
  /**
   * Per slot (unit × nCol + col): live visits and the completion time of the oldest. Kept beside
   * the ring buffers so that counting the other tasks' visits at a unit, which every visit does
   * for each overlapping task, reads two adjacent typed-array runs instead of one object each.
   */
  private readonly live: Int32Array
  private readonly oldest: Float64Array
  /** Validity (hours) of each collecting source's records, by col. */
  private readonly validity: Float64Array
  private readonly platform = new Map<number, Platform>()
  /** Per source: its own period (hours), and the other sources asking households for one of its fields. */
  private readonly period: Float64Array
  private readonly overlaps: number[][]
  /** Per field: the sources collecting it without the platform. */
  private readonly collectors: number[][]
  /** Scratch: (1 − q)^valid visits of each source at the unit of the current visit. */
  private readonly none: Float64Array

  constructor(private readonly c: Compiled) {
    this.col = new Int32Array(c.nSources).fill(-1)
    let nCol = 0
    for (let s = 0; s < c.nSources; s++) if (c.srcFieldEnd[s] > c.srcFieldStart[s]) this.col[s] = nCol++
    this.nCol = nCol
    this.visits = new Array<Visits | undefined>(c.nUnits * nCol)
    this.live = new Int32Array(c.nUnits * nCol)
    this.oldest = new Float64Array(c.nUnits * nCol)
    this.validity = new Float64Array(nCol)
    for (let s = 0; s < c.nSources; s++) if (this.col[s] >= 0) this.validity[this.col[s]] = c.srcValidity[s]
    this.period = new Float64Array(c.nSources)
    this.none = new Float64Array(c.nSources)
    this.collectors = Array.from({length: c.nFields}, () => [])
    for (let s = 0; s < c.nSources; s++) {
      const task = s < c.nTasks ? c.model.tasks[s] : undefined
      const a = task?.arrival
      this.period[s] = a === undefined ? Infinity : a.type === 'periodic' ? a.every : a.perHour > 0 ? 1 / a.perHour : Infinity
      for (let i = c.srcFieldStart[s]; i < c.srcFieldEnd[s]; i++) if (c.fieldShared[c.fields[i]] === 0) this.collectors[c.fields[i]].push(s)
    }
    this.overlaps = Array.from({length: c.nSources}, (_, s) => {
      const set = new Set<number>()
      for (let i = c.srcFieldStart[s]; i < c.srcFieldEnd[s]; i++) for (const o of this.collectors[c.fields[i]]) if (o !== s) set.add(o)
      return [...set].sort((a, b) => a - b)
    })
  }

  /** Expected share of the task's household × field pairs the platform serves at the unit now. */
  servedShare(s: number, unit: number, now: number): number {
    const c = this.c
    const from = c.srcFieldStart[s]
    const to = c.srcFieldEnd[s]
    let served = 0
    for (let i = from; i < to; i++) {
      const f = c.fields[i]
      if (c.fieldShared[f] === 1) served += this.valid(unit, f, now)
    }
    return to > from ? served / (to - from) : 0
  }

  /** The visit of task s at unit, issued at `issued`, ending now. */
  visit(s: number, unit: number, now: number, issued: number, counted: boolean): void {
    const c = this.c
    const households = c.households[unit]
    const k = Math.round(c.srcContacts[s] * households)
    if (!(k > 0)) return
    const q = k / households
    let asked = 0
    let shared = 0
    let lacking = 0
    let dupFields = 0
    let dup = 0
    let again = 0
    // Platform fields: a household holding a valid record is served; one lacking it is asked.
    for (let i = c.srcFieldStart[s]; i < c.srcFieldEnd[s]; i++) {
      const f = c.fields[i]
      if (c.fieldShared[f] === 0) {
        asked++
        continue
      }
      shared++
      const p = this.platformOf(unit, f)
      this.expire(p, now)
      let v = 0
      for (const x of p.share) v += x
      if (counted) this.platformContacts += k * v
      if (1 - v > lacking) lacking = 1 - v
      if (v < 1) {
        p.expiry.push(now + c.srcValidity[s])
        p.share.push(q * (1 - v))
      }
    }
    if (asked > 0) {
      const slot = unit * this.nCol + this.col[s]
      const own = this.visitsOf(slot)
      const none = this.none
      for (const o of this.overlaps[s]) none[o] = (1 - this.qOf(o, unit)) ** this.validCount(unit, o, now)
      this.expireVisits(slot, now)
      let within = 0
      const cut = issued - this.period[s] * (1 - TOLERANCE)
      for (let n = 0; n < own.size; n++) if (own.issued[(own.head + n) % own.issued.length] > cut) within++
      const noWithin = (1 - q) ** within
      const noOlder = (1 - q) ** (own.size - within)
      let noOther = 1
      for (const o of this.overlaps[s]) noOther *= none[o]
      dup = 1 - noOther * noWithin
      again = noOther * noWithin * (1 - noOlder)
      for (let i = c.srcFieldStart[s]; i < c.srcFieldEnd[s]; i++) {
        const f = c.fields[i]
        if (c.fieldShared[f] === 1) continue
        let no = noWithin
        for (const o of this.collectors[f]) if (o !== s) no *= none[o]
        dupFields += 1 - no
      }
      this.push(slot, own, now, issued)
    }
    if (!counted) return
    this.contacts += asked > 0 ? k : shared > 0 ? k * lacking : 0
    this.duplicateContacts += k * dup
    this.duplicateFields += k * dupFields
    this.recollectedContacts += k * again
  }

  private qOf(s: number, unit: number): number {
    const h = this.c.households[unit]
    return h > 0 ? Math.round(this.c.srcContacts[s] * h) / h : 0
  }

  private validCount(unit: number, s: number, now: number): number {
    const k = this.col[s]
    const slot = unit * this.nCol + k
    const n = this.live[slot]
    if (n === 0 || now - this.oldest[slot] < this.validity[k]) return n
    this.expireVisits(slot, now)
    return this.live[slot]
  }

  private visitsOf(slot: number): Visits {
    let v = this.visits[slot]
    if (v === undefined) this.visits[slot] = v = {done: new Float64Array(4), issued: new Float64Array(4), head: 0, size: 0}
    return v
  }

  /** Drops the slot's visits whose records have expired (valid while now − done < validity). */
  private expireVisits(slot: number, now: number): void {
    const v = this.visits[slot]
    if (v === undefined) return
    const validity = this.validity[slot % this.nCol]
    while (v.size > 0 && now - v.done[v.head] >= validity) {
      v.head = (v.head + 1) % v.done.length
      v.size--
    }
    this.live[slot] = v.size
    if (v.size > 0) this.oldest[slot] = v.done[v.head]
  }

  private push(slot: number, v: Visits, done: number, issued: number): void {
    if (v.size === v.done.length) {
      const n = v.size * 2
      const d = new Float64Array(n)
      const b = new Float64Array(n)
      for (let i = 0; i < v.size; i++) {
        d[i] = v.done[(v.head + i) % v.size]
        b[i] = v.issued[(v.head + i) % v.size]
      }
      v.done = d
      v.issued = b
      v.head = 0
    }
    const at = (v.head + v.size) % v.done.length
    v.done[at] = done
    v.issued[at] = issued
    v.size++
    this.live[slot] = v.size
    this.oldest[slot] = v.done[v.head]
  }

  private platformOf(unit: number, f: number): Platform {
    const key = unit * this.c.nFields + f
    let p = this.platform.get(key)
    if (p === undefined) this.platform.set(key, (p = {expiry: [], share: []}))
    return p
  }

  private expire(p: Platform, now: number): void {
    let w = 0
    for (let i = 0; i < p.expiry.length; i++) {
      if (p.expiry[i] > now) {
        p.expiry[w] = p.expiry[i]
        p.share[w] = p.share[i]
        w++
      }
    }
    p.expiry.length = w
    p.share.length = w
  }

  /** Share of households holding a valid platform record of field f at the unit. */
  private valid(unit: number, f: number, now: number): number {
    const p = this.platform.get(unit * this.c.nFields + f)
    if (p === undefined) return 0
    let v = 0
    for (let i = 0; i < p.expiry.length; i++) if (p.expiry[i] > now) v += p.share[i]
    return v
  }
}

/**
 * With a data-sharing platform, the work shrinks by the expected share of the task's
 * household × field pairs the platform already holds at the target.
 */
export function collectionScale(e: Engine, s: number, target: number): number {
  return 1 - e.households.servedShare(s, target, e.now)
}

/** The visit of a finished collecting item at its target (issued at `birth`). */
export function collect(e: Engine, s: number, target: number, birth: number): void {
  e.households.visit(s, target, e.now, birth, e.now >= e.warmup)
}
