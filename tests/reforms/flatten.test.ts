import {describe, expect, it} from 'vitest'
import {deliveries, indexModel} from '../../src/model/routing.js'
import {apply, paramsSchema} from '../../src/reforms/flatten.js'
import {ReformError} from '../../src/reforms/common.js'
import {taskOf, tinyModel, unitOf, english} from './fixtures.js'

const run = (p: object = {}) => english(apply(tinyModel(), paramsSchema.parse(p)))

describe('flatten', () => {
  it('removes the street tier and re-parents communities and squads to the district', () => {
    const {model} = run()
    expect(model.units.map((u) => u.id)).not.toContain('street-1')
    expect(model.units.map((u) => u.id)).not.toContain('street-2')
    expect(model.units).toHaveLength(11)
    for (const id of ['street-1/c1', 'street-1/c2', 'street-1/c3', 'street-2/c1', 'street-2/c2', 'street-1/squad']) {
      expect(unitOf(model, id).parent).toBe('district')
    }
    // Grids keep their community; the squad keeps its powers.
    expect(unitOf(model, 'street-1/c1/g1').parent).toBe('street-1/c1')
    expect(unitOf(model, 'street-1/squad').powers).toEqual(['enforce.urban'])
    expect(unitOf(model, 'street-1/squad').tier).toBe('district')
  })

  it('splits street staff evenly over the communities in whole people', () => {
    const {model} = run()
    // street-1: 6 over 3 → 2 each; street-2: 5 over 2 → 3 + 2 (largest remainder, first wins).
    expect(['street-1/c1', 'street-1/c2', 'street-1/c3'].map((id) => unitOf(model, id).staff)).toEqual([12, 12, 12])
    expect(unitOf(model, 'street-2/c1').staff).toBe(15)
    expect(unitOf(model, 'street-2/c2').staff).toBe(14)
    expect(unitOf(model, 'district').staff).toBe(10)
  })

  it('sends staff to the parent or drops them when asked', () => {
    expect(unitOf(run({staffTo: 'parent'}).model, 'district').staff).toBe(21)
    const none = run({staffTo: 'none'}).model
    expect(none.units.reduce((a, u) => a + u.staff, 0)).toBe(tinyModel().units.reduce((a, u) => a + u.staff, 0) - 11)
  })

  it('removes the relay step: community tasks go straight from the district', () => {
    const {model, changes} = run()
    const ix = indexModel(model)
    expect(deliveries(ix, taskOf(model, 'census'), 'dept-civil').every((d) => d.relays.length === 0)).toBe(true)
    // Before: census → street-1 relays; grid patrols now pass through the community only.
    const before = indexModel(tinyModel())
    expect(deliveries(before, taskOf(tinyModel(), 'census'), 'dept-civil')[0].relays).toEqual(['street-1'])
    expect(deliveries(ix, taskOf(model, 'patrol-a'), 'dept-urban')[0].relays).toEqual(['street-1/c1'])
    expect(changes).toContain('relay step gone for 5 tasks')
    expect(changes).toContain('street tier removed: 2 units (11 staff)')
    expect(changes).toContain('5 community units re-parented to the district above')
  })

  it('re-targets street tasks to the district and drops self-loop relations', () => {
    const {model, changes} = run()
    expect(taskOf(model, 'street-report').target).toBe('district')
    expect(model.relations).toEqual([{type: 'coordinates', from: 'dept-civil', to: 'district'}])
    expect(changes).toContain('1 task executed at street now executed at district')
    expect(taskOf(run({tasksTo: 'children'}).model, 'street-report').target).toBe('community')
  })

  it('refuses a tier the model lacks and the top tier', () => {
    expect(() => run({tier: 'city'})).toThrow(ReformError)
    try {
      run({tier: 'district'})
    } catch (e) {
      expect((e as ReformError).path).toEqual(['tier'])
      expect((e as ReformError).message).toMatch(/district has no parent/)
    }
    expect(() => run({tier: 'district'})).toThrow(/no parent/)
  })
})
