// Checks every (needs, unit) slot of a compiled model against routing.ts: the stages of its
// plan (SELF resolved, hand-overs with no delay left out, each hand-over with the receiving
// unit's delay) must be those resolutionPlan (or dispatchPlan, for requests under a hotline)
// gives the slot's own unit.
import {expect} from 'vitest'
import {dispatchPlan, indexModel, resolutionPlan} from '../../src/model/routing.js'
import type {Distribution, Model} from '../../src/model/types.js'
import type {Compiled} from '../../src/sim/compile.js'
import {SELF} from '../../src/sim/plan-share.js'
import {E_FLAGS, E_STAGE, E_UNIT, F_DISPATCHED, HANDOFF, S_DIST, S_END, S_TYPE, S_UNIT} from '../../src/sim/plans.js'

const TYPES: Record<string, number> = {work: 0, formal: 1, escalate: 2, report: 3, handoff: 5, dispatch: 6}

/** The number of slots checked. */
export function expectOwnPlans(model: Model, c: Compiled, name: string): number {
  const ix = indexModel(model)
  const summons = new Map(model.relations.filter((r) => r.type === 'summons' && r.responseTime !== undefined).map((r) => [`${r.from} ${r.to}`, r.responseTime!]))
  const summonsTime = (from: string, to: string): Distribution | undefined => {
    const t = summons.get(`${from} ${to}`)
    return t === undefined ? undefined : {dist: 'fixed', value: t}
  }
  const needsOf = new Map<number, readonly string[]>()
  for (let s = 0; s < c.nSources; s++) needsOf.set(c.srcNeeds[s], s < c.nTasks ? model.tasks[s].needs : model.demand[s - c.nTasks].needs)
  let checked = 0
  for (let slot = 0; slot < c.planOf.length; slot++) {
    if (c.planOf[slot] < 0) continue
    const needs = needsOf.get(Math.floor(slot / c.nUnits))!
    const unitId = c.unitIds[slot % c.nUnits]
    const e = c.planOf[slot] * 8
    const unit = slot % c.nUnits
    const own = (u: number): number => (u === SELF ? unit : u)
    const dispatched = (c.planEntry[e + E_FLAGS] & F_DISPATCHED) !== 0
    const plan = dispatched ? dispatchPlan(ix, unitId, needs, model.rules) : resolutionPlan(ix, unitId, needs, model.rules, summonsTime)
    const want = plan.stages
      .filter((st) => st.type !== 'handoff' || c.unitHandoff[c.unitIds.indexOf(st.unit)] >= 0)
      .map((st) => [st.unit, st.type === 'delay' ? (dispatched ? 7 : 4) : TYPES[st.type], st.type === 'handoff' ? c.unitHandoff[c.unitIds.indexOf(st.unit)] : -1])
    const got: (string | number)[][] = []
    for (let st = c.planEntry[e + E_STAGE]; ; st++) {
      const r = c.plans.stageRec.subarray(st << 2, (st << 2) + 4)
      got.push([c.unitIds[own(r[S_UNIT])], r[S_TYPE], r[S_TYPE] === HANDOFF ? r[S_DIST] : -1])
      if (r[S_END] !== 0) break
    }
    expect(got, `${name} ${unitId} ${needs.join('+')}`).toEqual(want)
    expect(c.unitIds[own(c.planEntry[e + E_UNIT])]).toBe(want[0][0])
    checked++
  }
  return checked
}
