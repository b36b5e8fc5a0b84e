import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {dispatchPlan, indexModel, resolutionPlan} from '../../src/model/routing.js'
import type {Distribution} from '../../src/model/types.js'
import {compileModel} from '../../src/sim/compile.js'
import {SELF} from '../../src/sim/plan-share.js'
import {E_FLAGS, E_STAGE, E_UNIT, F_DISPATCHED, S_END, S_TYPE, S_UNIT} from '../../src/sim/plans.js'

const ROOT = join(import.meta.dirname, '..', '..')
const TYPES: Record<string, number> = {work: 0, formal: 1, escalate: 2, report: 3, handoff: 5, dispatch: 6}

// Plans of the same shape are copied from the first one built, and slots whose plans differ
// only in their start unit share one plan naming it SELF: every slot must still hold the
// stages routing.ts gives its own unit, hand-overs with no delay left out.
describe('compiled plans', () => {
  it('give every (needs, unit) slot the stages of its own plan', async () => {
    for (const name of ['beijing-street', 'tongling', 'handan-fuxing']) {
      const model = await loadModel(join(ROOT, 'models', `${name}.yaml`))
      const c = compileModel(model)
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
          .map((st) => [st.unit, st.type === 'delay' ? (dispatched ? 7 : 4) : TYPES[st.type]])
        const got: (string | number)[][] = []
        for (let st = c.planEntry[e + E_STAGE]; ; st++) {
          got.push([c.unitIds[own(c.plans.stageRec[(st << 2) + S_UNIT])], c.plans.stageRec[(st << 2) + S_TYPE]])
          if (c.plans.stageRec[(st << 2) + S_END] !== 0) break
        }
        expect(got, `${name} ${unitId} ${needs.join('+')}`).toEqual(want)
        expect(c.unitIds[own(c.planEntry[e + E_UNIT])]).toBe(want[0][0])
        checked++
      }
      expect(checked, name).toBeGreaterThan(50)
      // Slots of the same shape share one plan: far fewer plans than slots.
      expect(c.planEntry.length / 8, name).toBeLessThan(checked / 2)
    }
  })
})
