// Factor values written into a cell's model: hand-computed expectations per kind of target,
// and the base model never touched.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModelSync} from '../../src/model/load.js'
import type {Model} from '../../src/model/types.js'
import {cellModel} from '../../src/sweep/index.js'
import {resolveTarget, splitPath} from '../../src/sweep/targets.js'
import type {Target} from '../../src/sweep/targets.js'
import {withMean} from '../../src/sweep/apply.js'

const base = loadModelSync(join(import.meta.dirname, 'fixtures', 'mini.yaml')).model
const reforms = [{type: 'access-catalogue', params: {tier: 'community', allow: {tasks: [], categories: ['urban'], labels: [], kinds: []}, leakage: 0.1, otherwise: 'return'}}]

function target(path: string, select?: unknown, withReforms = false): Target {
  const r = resolveTarget(path, select as never, {model: base, reforms: withReforms ? reforms : undefined})
  if (!r.ok) throw new Error(r.message)
  return r.target
}

function cell(path: string, value: number | string, o: {select?: unknown; mode?: 'set' | 'scale'; reforms?: boolean} = {}): Model {
  return cellModel({baseline: base, reforms: o.reforms ? reforms : [], factors: [{target: target(path, o.select, o.reforms), mode: o.mode ?? 'set'}]}, [value]).model
}

describe('factor paths', () => {
  it('split into keys and indices', () => {
    expect(splitPath('reforms[0].allow.kinds')).toEqual(['reforms', 0, 'allow', 'kinds'])
    expect(splitPath('reforms.whistle.responseTime')).toEqual(['reforms', 'whistle', 'responseTime'])
  })

  it('unit staff over a selector, set and scaled; the base is unchanged', () => {
    const before = JSON.stringify(base)
    const set = cell('units.staff', 9, {select: {kind: 'community'}})
    expect(set.units.filter((u) => u.kind === 'community').map((u) => u.staff)).toEqual([9, 9, 9, 9])
    expect(set.units.find((u) => u.id === 'district/civil')!.staff).toBe(20)
    const scaled = cell('units.staff', 1.5, {select: 'district/street-*', mode: 'scale'})
    expect(scaled.units.filter((u) => u.kind === 'street').map((u) => u.staff)).toEqual([6, 6])
    expect(JSON.stringify(base)).toBe(before)
  })

  it('residents keep the household size', () => {
    const m = cell('units.residents', 5000, {select: {kind: 'community'}})
    const u = m.units.find((x) => x.kind === 'community')!
    expect([u.residents, u.households]).toEqual([5000, 2000])
  })

  it('task effort keeps the distribution shape; a periodic task\'s rate sets its period', () => {
    expect(withMean({dist: 'triangular', min: 1, mode: 2, max: 3}, 'set', 4)).toEqual({dist: 'triangular', min: 2, mode: 4, max: 6})
    expect(withMean({dist: 'lognormal', mean: 2, sd: 1}, 'scale', 3)).toEqual({dist: 'lognormal', mean: 6, sd: 3})
    const m = cell('tasks.effort', 9, {select: 'census'})
    expect(m.tasks.find((t) => t.id === 'census')!.effort).toEqual({dist: 'fixed', value: 9})
    expect(m.tasks.find((t) => t.id === 'check')!.effort).toEqual(base.tasks.find((t) => t.id === 'check')!.effort)
    // `every: 1mo` is 2000/12 hours; twice the rate halves the period.
    const r = cell('tasks.rate', 2, {select: 'census', mode: 'scale'})
    expect(r.tasks.find((t) => t.id === 'census')!.arrival).toMatchObject({type: 'periodic', every: expect.closeTo(2000 / 24, 9)})
  })

  it('demand rate per resident-hour, defaults and rules', () => {
    const d = cell('demand.rate', 2, {mode: 'scale'})
    expect(d.demand[0].perResidentHour).toBeCloseTo(base.demand[0].perResidentHour * 2, 15)
    expect(cell('defaults.formalShare', 0.5).defaults.formalShare).toBe(0.5)
    expect(cell('defaults.relayEffort', 2).defaults.relayEffort).toEqual({dist: 'fixed', value: 2})
    expect(cell('rules.responsibility', 'split').rules.responsibility).toBe('split')
  })

  it('a reform parameter is set before the reform applies', () => {
    const m = cell('reforms[0].leakage', 0.4, {reforms: true})
    expect(m.tasks.find((t) => t.id === 'census')!.gate).toEqual({tier: 'community', leakage: 0.4, otherwise: 'return'})
    expect(cell('reforms.access-catalogue.leakage', 0.3, {reforms: true}).tasks.find((t) => t.id === 'census')!.gate!.leakage).toBe(0.3)
  })
})
