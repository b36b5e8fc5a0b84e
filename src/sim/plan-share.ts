// The plan tables the engine reads, with plans that differ only in their start unit stored
// once. Every community of a street (and every street of a district) has the same plan for the
// same needs up to its own index: written with SELF in place of the start unit, the city
// model's 160,000 plan slots share a few thousand plans. What an item starts then reads a
// 4-byte slot and a plan record that other communities keep in the cache, instead of a
// 32-byte record and stage records of its own, which were a cache miss per plan started and
// per stage (an eighth of the city model's engine time).
import {E_STAGE, E_UNIT, S_END, S_UNIT} from './plans.js'
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
 * Shares the per-slot plans: `planEntry` has 8 numbers per plan of `planOf` (one plan per
 * slot), whose stage records in `tables` name the slot's own unit. Two slots share a plan when
 * their entries and stages are equal once the slot's unit is written as SELF, so resolving
 * SELF to the slot's unit gives back exactly the slot's own stages. `family`, when given, names
 * per plan one known to be equal to it in that way (plans.ts): a family's later slots take the
 * shared plan of its first without comparing records.
 */
export function sharePlans(planOf: Int32Array, planEntry: Int32Array, tables: PlanTables, nUnits: number, family?: Int32Array): SharedPlans {
  const sr = tables.stageRec
  const outOf = new Int32Array(planOf.length).fill(-1)
  const sharedOf = family === undefined ? undefined : new Int32Array(family.length).fill(-1)
  const entries: number[] = []
  const stages: number[] = []
  /** Plans by a hash of their records; collisions are told apart by comparing the records. */
  const byHash = new Map<number, number[]>()
  const rec: number[] = []
  for (let slot = 0; slot < planOf.length; slot++) {
    if (planOf[slot] < 0) continue
    const known = sharedOf === undefined ? -1 : sharedOf[family![planOf[slot]]]
    if (known >= 0) {
      outOf[slot] = known
      continue
    }
    const unit = slot % nUnits
    const e = planOf[slot] * 8
    // The slot's entry without its first-stage index, then its stage records, unit as SELF.
    rec.length = 0
    for (let k = 0; k < 8; k++) if (k !== E_STAGE) rec.push(k === E_UNIT && planEntry[e + k] === unit ? SELF : planEntry[e + k])
    for (let st = planEntry[e + E_STAGE]; ; st++) {
      const o = st << 2
      rec.push(sr[o + S_UNIT] === unit ? SELF : sr[o + S_UNIT], sr[o + 1], sr[o + 2], sr[o + 3])
      if (sr[o + S_END] !== 0) break
    }
    let h = rec.length
    for (const x of rec) h = (Math.imul(h ^ x, 0x9e3779b1) + 0x7f4a7c15) | 0
    let bucket = byHash.get(h)
    if (bucket === undefined) byHash.set(h, (bucket = []))
    let id = bucket.find((p) => same(p, rec, entries, stages))
    if (id === undefined) {
      id = entries.length >> 3
      const first = stages.length >> 2
      entries.push(first, ...rec.slice(0, 7))
      for (let k = 7; k < rec.length; k++) stages.push(rec[k])
      bucket.push(id)
    }
    outOf[slot] = id
    if (sharedOf !== undefined) sharedOf[family![planOf[slot]]] = id
  }
  return {planOf: outOf, planEntry: Int32Array.from(entries), plans: {stageRec: Int32Array.from(stages), nStages: stages.length >> 2}}
}

/** Whether shared plan p has the records `rec` (entry without E_STAGE, then stages). */
function same(p: number, rec: readonly number[], entries: readonly number[], stages: readonly number[]): boolean {
  for (let k = 0; k < 7; k++) if (entries[p * 8 + 1 + k] !== rec[k]) return false
  const from = entries[p * 8 + E_STAGE] << 2
  // Equal records are equal lengths too: only a plan's last stage has an end code.
  for (let k = 7; k < rec.length; k++) if (stages[from + k - 7] !== rec[k]) return false
  return true
}
