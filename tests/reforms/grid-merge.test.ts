import {describe, expect, it} from 'vitest'
import {deliveries, indexModel} from '../../src/model/routing.js'
import {apply, paramsSchema} from '../../src/reforms/grid-merge.js'
import {taskOf, tinyModel, unitOf, english} from './fixtures.js'

const run = (p: object = {}) => english(apply(tinyModel(), paramsSchema.parse(p)))

describe('grid-merge', () => {
  it("merges a community's grids into one comprehensive grid", () => {
    const {model, changes} = run()
    expect(model.units.filter((u) => u.tier === 'grid').map((u) => u.id)).toEqual(['street-1/c1/g1'])
    const g = unitOf(model, 'street-1/c1/g1')
    expect([g.staff, g.residents, g.households]).toEqual([3, 6000, 2400])
    expect(g.labels).toContain('comprehensive-grid')
    expect(changes[0]).toBe('grid tier: 2 grids merged into 1 comprehensive grid (one per parent); staff 3 → 3 (sum)')
    expect(changes[1]).toBe('tasks targeting the grid tier now reach 1 grid instead of 2')
    expect(deliveries(indexModel(model), taskOf(model, 'patrol-a'), 'dept-urban').map((d) => d.target)).toEqual(['street-1/c1/g1'])
    expect(run({staff: 'keep'}).model.units.find((u) => u.id === 'street-1/c1/g1')?.staff).toBe(2)
  })

  it('merges duplicate patrols of one category from different issuers into the most frequent', () => {
    const {model, changes} = run()
    expect(model.tasks.map((t) => t.id)).not.toContain('patrol-b')
    const a = taskOf(model, 'patrol-a')
    expect(a.issuers).toEqual(['dept-urban'])
    expect(a.arrival).toEqual({type: 'periodic', every: 40, offset: 0})
    expect(a.deadline).toBe(16)
    expect(changes[2]).toBe('2 duplicate patrol tasks merged into 1 (same category and kind, same territory, different issuers): urban')
  })

  it('leaves non-patrol kinds alone', () => {
    expect(run({patrolKinds: ['inspection']}).model.tasks.map((t) => t.id)).toContain('patrol-b')
  })
})
