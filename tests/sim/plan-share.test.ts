import {describe, expect, it} from 'vitest'
import {SELF, sharePlans} from '../../src/sim/plan-share.js'
import {E_STAGE, E_UNIT, S_END, S_UNIT} from '../../src/sim/plans.js'

// Three units (0, 1: communities; 2: their street) and one needs set: slots 0..2.
// Unit 0's plan: formal part at 0, escalate at 2 (end). Unit 1's: the same with 1 for 0.
// Unit 2's: work at 2 (end). Stage records are (unit, type, end, dist).
const stageRec = Int32Array.from([0, 1, 0, -1, 2, 2, 5, -1, 1, 1, 0, -1, 2, 2, 5, -1, 2, 0, 9, -1])
const entry = (first: number, unit: number, type: number, end: number) => [first, 1, 0, 1, unit, type, end, 0]
const planEntry = Int32Array.from([...entry(0, 0, 1, 0), ...entry(2, 1, 1, 0), ...entry(4, 2, 0, 9)])
const planOf = Int32Array.from([0, 1, 2])

/** The stages of a slot's plan with SELF resolved to the slot's unit. */
function stagesOf(s: ReturnType<typeof sharePlans>, slot: number): number[][] {
  const out: number[][] = []
  for (let st = s.planEntry[s.planOf[slot] * 8 + E_STAGE]; ; st++) {
    const r = [...s.plans.stageRec.subarray(st << 2, (st << 2) + 4)]
    if (r[S_UNIT] === SELF) r[S_UNIT] = slot
    out.push(r)
    if (r[S_END] !== 0) return out
  }
}

describe('shared plans', () => {
  const shared = sharePlans(planOf, planEntry, {stageRec, nStages: 5}, 3)

  it('store plans that differ only in their start unit once, with SELF for it', () => {
    expect([...shared.planOf]).toEqual([0, 0, 1])
    expect(shared.plans.nStages).toBe(3)
    expect([...shared.plans.stageRec.subarray(0, 8)]).toEqual([SELF, 1, 0, -1, 2, 2, 5, -1])
    expect(shared.planEntry[E_UNIT]).toBe(SELF)
  })

  it('give every slot back its own stages', () => {
    expect(stagesOf(shared, 0)).toEqual([[0, 1, 0, -1], [2, 2, 5, -1]])
    expect(stagesOf(shared, 1)).toEqual([[1, 1, 0, -1], [2, 2, 5, -1]])
    // Unit 2 works itself: its own unit is SELF too, and it shares with no one.
    expect(stagesOf(shared, 2)).toEqual([[2, 0, 9, -1]])
  })

  it('give a family of plans known to be equal up to their start unit the shared plan of its first', () => {
    const withFamily = sharePlans(planOf, planEntry, {stageRec, nStages: 5}, 3, Int32Array.from([0, 0, 2]))
    expect(withFamily).toEqual(shared)
    // Plan 1 named as its own family is compared record by record, with the same result.
    expect(sharePlans(planOf, planEntry, {stageRec, nStages: 5}, 3, Int32Array.from([0, 1, 2]))).toEqual(shared)
  })

  it('keep slots no item starts at empty', () => {
    const s = sharePlans(Int32Array.from([0, -1, 2]), planEntry, {stageRec, nStages: 5}, 3)
    expect([...s.planOf]).toEqual([0, -1, 1])
  })
})
