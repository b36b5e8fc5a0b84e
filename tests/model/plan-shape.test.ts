import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {indexModel, planClass, planShape, resolutionPlan} from '../../src/model/routing.js'
import type {ModelIndex, ResolutionPlan} from '../../src/model/routing.js'
import {DEFAULT_RULES} from '../../src/model/types.js'
import type {Distribution, Model, Rules} from '../../src/model/types.js'
import {buildModel, districtUnits, unit} from '../helpers/model-builder.js'

const ROOT = join(import.meta.dirname, '..', '..')

// district (civil, police) → 2 streets → 3 communities; street-1 has a squad holding `fine`,
// community street-2/community-3 its own party branch holding `care`.
function model(): Model {
  const units = districtUnits({domains: ['civil', 'police'], streets: 2, communities: 3})
  units.push(unit({id: 'district/street-1/squad', kind: 'department', parent: 'district/street-1', powers: ['fine']}))
  units.push(unit({id: 'district/street-2/community-3/branch', kind: 'department', parent: 'district/street-2/community-3', powers: ['care']}))
  return buildModel({id: 'shapes', units, tasks: []})
}

const WHISTLE: Rules = {...DEFAULT_RULES, whistle: {from: ['community'], responseTime: {dist: 'fixed', value: 4}}}

/** `plan` with every stage at unit `from` moved to unit `to`. */
function moved(plan: ResolutionPlan, from: string, to: string): ResolutionPlan {
  return {...plan, stages: plan.stages.map((st) => (st.unit === from ? {...st, unit: to} : st))}
}

/** Checks planShape's promise on every unit of a model for each needs list: same shape, same plan up to the start unit. */
function expectShapesHold(ix: ModelIndex, needsLists: readonly string[][], rules: Rules, summonsTime?: (from: string, to: string) => Distribution | undefined): number {
  let shared = 0
  for (const needs of needsLists) {
    const first = new Map<string, string>()
    for (const u of ix.model.units) {
      const shape = planShape(ix, u, needs, rules, summonsTime)
      if (shape === undefined) continue
      const plan = resolutionPlan(ix, u.id, needs, rules, summonsTime)
      const other = first.get(shape)
      if (other === undefined) {
        first.set(shape, u.id)
        continue
      }
      expect(moved(resolutionPlan(ix, other, needs, rules, summonsTime), other, u.id), `${u.id} ${needs.join('+')}`).toEqual(plan)
      shared++
    }
  }
  return shared
}

describe('planShape', () => {
  const needs = [['police.power'], ['fine'], ['care'], ['patrol'], ['civil.power', 'police.power'], []]

  it('gives the communities of a street one shape, and a territory holding the powers itself none', () => {
    const ix = indexModel(model())
    const shape = (id: string, n: string[]) => planShape(ix, ix.byId.get(id), n, DEFAULT_RULES)
    expect(shape('district/street-1/community-1', ['fine'])).toBe(shape('district/street-1/community-2', ['fine']))
    expect(shape('district/street-1/community-1', ['fine'])).not.toBe(shape('district/street-2/community-1', ['fine']))
    expect(shape('district/street-2/community-3', ['care'])).toBeUndefined()
    expect(shape('district/dept-police', ['police.power'])).toBe('work')
  })

  it('keeps plans equal up to the start unit under territorial management, the split and the whistle', () => {
    const ix = indexModel(model())
    expect(expectShapesHold(ix, needs, DEFAULT_RULES)).toBeGreaterThan(20)
    expect(expectShapesHold(indexModel(model()), needs, {...DEFAULT_RULES, responsibility: 'split'})).toBeGreaterThan(20)
    expect(expectShapesHold(indexModel(model()), needs, WHISTLE)).toBeGreaterThan(20)
  })

  it('leaves a community with a summons response time of its own out of its street shape', () => {
    const ix = indexModel(model())
    const own = 'district/street-1/community-2'
    const summons = (from: string, to: string): Distribution | undefined => (from === own && to === 'district/dept-police' ? {dist: 'fixed', value: 9} : undefined)
    expect(planShape(ix, ix.byId.get(own), ['police.power'], WHISTLE, summons)).toBeUndefined()
    expect(planShape(ix, ix.byId.get('district/street-1/community-1'), ['police.power'], WHISTLE, summons)).toBeDefined()
    expectShapesHold(ix, needs, WHISTLE, summons)
  })

  it('holds on the shipped models for every needs list they use', async () => {
    for (const name of ['tongling', 'beijing-street']) {
      const m = await loadModel(join(ROOT, 'models', `${name}.yaml`))
      const lists = [...new Map([...m.tasks, ...m.demand].map((t) => [t.needs.join('+'), t.needs])).values()]
      expect(expectShapesHold(indexModel(m), lists, m.rules), name).toBeGreaterThan(0)
    }
  })
})

describe('planClass', () => {
  const needs = [['police.power'], ['fine'], ['care'], ['patrol'], ['civil.power', 'police.power'], []]

  it('puts the communities of a street in one class, apart from one with a branch of its own', () => {
    const ix = indexModel(model())
    const cls = (id: string) => planClass(ix, ix.byId.get(id)!, DEFAULT_RULES, false)
    expect(cls('district/street-1/community-1')).toBe(cls('district/street-1/community-3'))
    expect(cls('district/street-2/community-1')).toBe(cls('district/street-2/community-2'))
    expect(cls('district/street-2/community-3')).not.toBe(cls('district/street-2/community-1'))
    expect(cls('district/street-1/community-1')).not.toBe(cls('district/street-2/community-1'))
    // Under a whistle, a unit whose summons relations set a response time is its own class.
    expect(planClass(ix, ix.byId.get('district/street-1/community-1')!, WHISTLE, true)).toBeUndefined()
    expect(planClass(ix, ix.byId.get('district/street-1/community-1')!, DEFAULT_RULES, true)).toBeDefined()
  })

  /** Units sharing a class, over all needs lists, checked against the first of their class. */
  function expectClassesHold(ix: ModelIndex, lists: readonly string[][], rules: Rules): number {
    let shared = 0
    for (const n of lists) {
      const first = new Map<string, string | undefined>()
      for (const u of ix.model.units) {
        const cls = planClass(ix, u, rules, false)!
        const shape = planShape(ix, u, n, rules)
        if (!first.has(cls)) first.set(cls, shape)
        else {
          expect(shape, `${u.id} ${n.join('+')}`).toBe(first.get(cls))
          shared++
        }
      }
    }
    return shared
  }

  it('gives every unit of a class the same shape for every needs list', async () => {
    for (const rules of [DEFAULT_RULES, {...DEFAULT_RULES, responsibility: 'split' as const}, WHISTLE]) expect(expectClassesHold(indexModel(model()), needs, rules)).toBeGreaterThan(10)
    const m = await loadModel(join(ROOT, 'models', 'tongling.yaml'))
    const lists = [...new Map([...m.tasks, ...m.demand].map((t) => [t.needs.join('+'), t.needs])).values()]
    expect(expectClassesHold(indexModel(m), lists, m.rules)).toBeGreaterThan(0)
  })
})
