import {describe, expect, it} from 'vitest'
import {SELF, SharedPlanStore} from '../../src/sim/plan-share.js'
import {E_STAGE, E_UNIT, S_END, S_UNIT} from '../../src/sim/plans.js'
import type {SharedPlans} from '../../src/sim/plan-share.js'

// Three units (0, 1: communities; 2: their street) and one needs set: slots 0..2.
// Unit 0's plan: formal part at 0, escalate at 2 (end). Unit 1's: the same with 1 for 0.
// Unit 2's: work at 2 (end). A record is the entry without its first stage (escalations,
// summons, multi, unit, type, end, flags), then stage records (unit, type, end, dist).
const record = (unit: number, stages: number[][]): number[] => [1, 0, 1, unit, stages[0][1], stages[0][2], 0, ...stages.flat()]
const plan0 = record(0, [[0, 1, 0, -1], [2, 2, 5, -1]])
const plan1 = record(1, [[1, 1, 0, -1], [2, 2, 5, -1]])
const plan2 = record(2, [[2, 0, 9, -1]])

/** The stages of a slot's plan with SELF resolved to the slot's unit. */
function stagesOf(s: SharedPlans, slot: number): number[][] {
  const out: number[][] = []
  for (let st = s.planEntry[s.planOf[slot] * 8 + E_STAGE]; ; st++) {
    const r = [...s.plans.stageRec.subarray(st << 2, (st << 2) + 4)]
    if (r[S_UNIT] === SELF) r[S_UNIT] = slot
    out.push(r)
    if (r[S_END] !== 0) return out
  }
}

function share(order: number[]): SharedPlans {
  const store = new SharedPlanStore()
  const plans = [plan0, plan1, plan2]
  const planOf = new Int32Array(3).fill(-1)
  for (const slot of order) planOf[slot] = store.intern(plans[slot], slot)
  return store.finish(planOf)
}

describe('shared plans', () => {
  const shared = share([0, 1, 2])

  it('store plans that differ only in their start unit once, with SELF for it', () => {
    expect([...shared.planOf]).toEqual([0, 0, 1])
    expect(shared.plans.nStages).toBe(3)
    expect([...shared.plans.stageRec.subarray(0, 8)]).toEqual([SELF, 1, 0, -1, 2, 2, 5, -1])
    expect(shared.planEntry[E_UNIT]).toBe(SELF)
    expect(shared.planEntry[8 + E_STAGE]).toBe(2)
  })

  it('give every slot back its own stages', () => {
    expect(stagesOf(shared, 0)).toEqual([[0, 1, 0, -1], [2, 2, 5, -1]])
    expect(stagesOf(shared, 1)).toEqual([[1, 1, 0, -1], [2, 2, 5, -1]])
    // Unit 2 works itself: its own unit is SELF too, and it shares with no one.
    expect(stagesOf(shared, 2)).toEqual([[2, 0, 9, -1]])
  })

  it('number plans by their first slot, whatever order they were built in', () => {
    expect(share([2, 1, 0])).toEqual(shared)
  })

  it('write a second unit as SELF when asked: a template whose start unit the copy also passes', () => {
    const store = new SharedPlanStore()
    // Unit 2's plan copied from unit 0's when 2 also stands in it: both places become SELF.
    const planOf = Int32Array.from([store.intern(plan0, 0), -1, store.intern(plan0, 0, 2)])
    const s = store.finish(planOf)
    expect([...s.planOf]).toEqual([0, -1, 1])
    expect(stagesOf(s, 2)).toEqual([[2, 1, 0, -1], [2, 2, 5, -1]])
  })

  it('keep slots no item starts at empty', () => {
    const store = new SharedPlanStore()
    const s = store.finish(Int32Array.from([store.intern(plan0, 0), -1, store.intern(plan2, 2)]))
    expect([...s.planOf]).toEqual([0, -1, 1])
  })
})
