import {describe, expect, it} from 'vitest'
import {apply, paramsSchema} from '../../src/reforms/sink-staff.js'
import {ReformError} from '../../src/reforms/common.js'
import {tinyModel, unitOf, english} from './fixtures.js'

const run = (p: object = {}) => english(apply(tinyModel(), paramsSchema.parse(p)))
const staff = (m: ReturnType<typeof run>['model'], ids: string[]) => ids.map((id) => unitOf(m, id).staff)

describe('sink-staff', () => {
  it('moves a share of district department staff to the communities, equally', () => {
    const {model, changes} = run({from: {kind: 'department', tier: 'district'}, spread: 'equal'})
    // 20% of 20 + 10 = 6 people: 4 from civil affairs, 2 from urban management; 6 over 5 → 2,1,1,1,1.
    expect(staff(model, ['dept-civil', 'dept-urban'])).toEqual([16, 8])
    expect(staff(model, ['street-1/c1', 'street-1/c2', 'street-1/c3', 'street-2/c1', 'street-2/c2'])).toEqual([12, 11, 11, 13, 13])
    expect(changes[0]).toBe('6 of 30 staff (20%) moved from 2 units ({kind: department, tier: district}) to 5 units (community)')
  })

  it('spreads by nominal load when asked (the default)', () => {
    // Half of 30 = 15 over c1 (396 h/y: 305 of tasks, 31 relaying to its grids, 60 of
    // requests) and its grid g1 (124 h/y): 11.42 and 3.58 → 11 and 4.
    const to = ['street-1/c1', 'street-1/c1/g1']
    const load = run({from: {kind: 'department', tier: 'district'}, to, share: 0.5})
    expect(staff(load.model, to)).toEqual([21, 5])
    const equal = run({from: {kind: 'department', tier: 'district'}, to, share: 0.5, spread: 'equal'})
    expect(staff(equal.model, to)).toEqual([18, 8])
  })

  it('keeps total staff and locates bad selectors', () => {
    const before = tinyModel().units.reduce((a, u) => a + u.staff, 0)
    expect(run().model.units.reduce((a, u) => a + u.staff, 0)).toBe(before)
    try {
      run({from: 'nope'})
      expect.unreachable()
    } catch (e) {
      expect((e as ReformError).path).toEqual(['from'])
    }
    expect(() => run({from: 'dept-civil', to: ['dept-civil']})).toThrow(/both give and receive/)
    expect(paramsSchema.safeParse({share: 1}).error?.issues[0].path).toEqual(['share'])
  })
})
