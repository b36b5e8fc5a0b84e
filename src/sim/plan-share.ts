// The plan tables the engine reads, with plans that differ only in their start unit stored
// once. Every community of a street (and every street of a district) has the same plan for the
// same needs up to its own index: written with SELF in place of the start unit, the city
// model's 45,000 plan slots share a few thousand plans. What an item starts then reads a
// 4-byte slot and a plan record that other communities keep in the cache, instead of a
// 32-byte record and stage records of its own, which were a cache miss per plan started and
// per stage (an eighth of the city model's engine time). Plans are stored shared as they are
// built (plans.ts), never as one copy per slot.
import {E_STAGE, R_STAGES, R_UNIT, S_UNIT} from './plans.js'
import type {PlanTables} from './plans.js'

/** In a shared plan, the unit the plan starts at (the item's target, or the issuer it was returned to). */
export const SELF = -2

export interface SharedPlans {
  /** Per (needs, unit) slot: its plan, -1 where no item can start one. */
  planOf: Int32Array
  /** Per plan: 8 numbers (plans.ts E_*), E_UNIT possibly SELF. */
  planEntry: Int32Array
  /** Stage records (plans.ts S_*), S_UNIT possibly SELF. */
  plans: PlanTables
}

/**
 * The distinct plans, each stored once with SELF for its start unit. Ids are given as plans
 * are first met and renumbered by `finish` in the order of their first slot, so that the
 * tables do not depend on the order slots were built in.
 */
export class SharedPlanStore {
  private readonly entries: number[] = []
  private readonly stages: number[] = []
  /** Plans by a hash of their records; collisions are told apart by comparing the records. */
  private readonly byHash = new Map<number, number | number[]>()
  private readonly rec: number[] = []
  private readonly raw: number[] = []

  /** The shared plan of record `raw` (R_*) started at unit `self`; `also`, when given, is written as SELF too. */
  intern(raw: readonly number[], self: number, also = self): number {
    const rec = this.rec
    rec.length = raw.length
    let h = raw.length
    for (let k = 0; k < raw.length; k++) {
      const x = isUnitField(k) && (raw[k] === self || raw[k] === also) ? SELF : raw[k]
      rec[k] = x
      h = (Math.imul(h ^ x, 0x9e3779b1) + 0x7f4a7c15) | 0
    }
    // A small integer key: a hash beyond 30 bits would be a heap number, slower as a map key.
    h &= 0x3fffffff
    const known = this.byHash.get(h)
    if (typeof known === 'number' && this.same(known, rec)) return known
    if (Array.isArray(known)) for (const p of known) if (this.same(p, rec)) return p
    const id = this.entries.length >> 3
    this.entries.push(this.stages.length >> 2)
    for (let k = 0; k < R_STAGES; k++) this.entries.push(rec[k])
    for (let k = R_STAGES; k < rec.length; k++) this.stages.push(rec[k])
    if (known === undefined) this.byHash.set(h, id)
    else if (typeof known === 'number') this.byHash.set(h, [known, id])
    else known.push(id)
    return id
  }

  /**
   * Plan p with every unit whose depth-first place (`place`) is in [from, to), a subtree,
   * moved by `shift`: the plan of a twin territory's unit from its counterpart's (twins.ts).
   */
  shifted(p: number, place: Int32Array, from: number, to: number, shift: number): number {
    const e = this.entries
    const end = this.stagesEnd(p)
    const raw = this.raw
    raw.length = 0
    for (let k = 1; k < 8; k++) raw.push(e[p * 8 + k])
    for (let k = e[p * 8 + E_STAGE] << 2; k < end; k++) raw.push(this.stages[k])
    let moved = false
    for (let k = 0; k < raw.length; k++) {
      if (isUnitField(k) && raw[k] >= 0 && place[raw[k]] >= from && place[raw[k]] < to) {
        raw[k] += shift
        moved = true
      }
    }
    // Nothing but the start unit in the subtree (a community's plan, for its twin): the same plan.
    return moved ? this.intern(raw, SELF) : p
  }

  /** Whether plan p has the record `rec`. */
  private same(p: number, rec: readonly number[]): boolean {
    const e = this.entries
    for (let k = 0; k < R_STAGES; k++) if (e[p * 8 + 1 + k] !== rec[k]) return false
    const from = e[p * 8 + E_STAGE] << 2
    if (this.stagesEnd(p) - from !== rec.length - R_STAGES) return false
    for (let k = R_STAGES; k < rec.length; k++) if (this.stages[from + k - R_STAGES] !== rec[k]) return false
    return true
  }

  /** The tables, with `planOf` (the ids intern gave, -1 for no plan) renumbered in place in order of first slot. */
  finish(planOf: Int32Array): SharedPlans {
    const n = this.entries.length >> 3
    const renamed = new Int32Array(n).fill(-1)
    const order = new Int32Array(n)
    let next = 0
    for (let slot = 0; slot < planOf.length; slot++) {
      const p = planOf[slot]
      if (p < 0) continue
      if (renamed[p] < 0) order[(renamed[p] = next++)] = p
      planOf[slot] = renamed[p]
    }
    const entry = new Int32Array(next * 8)
    const e = this.entries
    let fields = 0
    for (let f = 0; f < next; f++) fields += this.stagesEnd(order[f]) - (e[order[f] * 8 + E_STAGE] << 2)
    const stageRec = new Int32Array(fields)
    for (let f = 0, at = 0; f < next; f++) {
      const p = order[f]
      const from = e[p * 8 + E_STAGE] << 2
      const count = this.stagesEnd(p) - from
      entry[f * 8 + E_STAGE] = at >> 2
      for (let k = 1; k < 8; k++) entry[f * 8 + k] = e[p * 8 + k]
      for (let k = 0; k < count; k++) stageRec[at + k] = this.stages[from + k]
      at += count
    }
    return {planOf, planEntry: entry, plans: {stageRec, nStages: fields >> 2}}
  }

  /** Where plan p's stage fields end: where the next plan's begin. */
  private stagesEnd(p: number): number {
    return p * 8 + 8 < this.entries.length ? this.entries[p * 8 + 8 + E_STAGE] << 2 : this.stages.length
  }
}

/** Whether field k of a plan record (R_*) names a unit: the plan's unit, or a stage's (S_UNIT, the first of its 4). */
function isUnitField(k: number): boolean {
  return k === R_UNIT || (k >= R_STAGES && ((k - R_STAGES) & 3) === S_UNIT)
}
