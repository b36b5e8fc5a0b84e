import {describe, expect, it} from 'vitest'
import {apply, paramsSchema} from '../../src/reforms/inspection-cap.js'
import {taskOf, tinyModel, english} from './fixtures.js'

const run = (p: object = {}) => english(apply(tinyModel(), paramsSchema.parse(p)))

// Each community expects urban-check 50/y + urban-check-2 25/y + safety-check 12/y = 87 a year.
describe('inspection-cap', () => {
  it('merges an issuer’s same-category inspections, then caps per unit proportionally', () => {
    const {model, changes} = run({perUnitYear: 31})
    expect(model.tasks.map((t) => t.id)).not.toContain('urban-check-2')
    const urban = taskOf(model, 'urban-check')
    // Merged: the most frequent schedule (50/y) carrying both tasks' hours, 50×2 + 25×3 = 175 h
    // a year per community, so 3.5 h a visit; then 62/y → cap 31: factor 0.5.
    expect(urban.effort).toEqual({dist: 'fixed', value: 3.5})
    expect(urban.arrival).toEqual({type: 'periodic', every: 80, offset: 0})
    expect((taskOf(model, 'safety-check').arrival as {every: number}).every).toBeCloseTo(2000 / 6, 9)
    expect(changes).toEqual([
      'merged: 2 inspection tasks into 1 joint inspection (same issuers, tier and category)',
      'cap: 31 inspections per unit and year; 2 inspection tasks made less frequent',
      'inspections reaching each inspected unit per year: mean 87, max 87 → mean 31, max 31',
    ])
  })

  it('cuts every inspection by a share without merging', () => {
    const {model, changes} = run({cut: 0.5, perUnitYear: 'none', merge: false})
    expect(taskOf(model, 'urban-check').arrival).toEqual({type: 'periodic', every: 80, offset: 0})
    expect(taskOf(model, 'urban-check-2').arrival).toEqual({type: 'periodic', every: 160, offset: 0})
    expect(changes.at(-1)).toBe('inspections reaching each inspected unit per year: mean 87, max 87 → mean 43.5, max 43.5')
    // Non-inspection tasks are untouched.
    expect(taskOf(model, 'enforce').arrival).toEqual({type: 'poisson', perHour: 0.01})
  })

  it('leaves units under the cap alone and rejects a full cut', () => {
    expect(run({perUnitYear: 100, merge: false}).changes[0]).toBe('cap: 100 inspections per unit and year; 0 inspection tasks made less frequent')
    expect(paramsSchema.safeParse({cut: 1}).error?.issues[0].path).toEqual(['cut'])
  })
})
