import {describe, expect, it} from 'vitest'
import {apply, paramsSchema} from '../../src/reforms/merge.js'
import {ReformError} from '../../src/reforms/common.js'
import {taskOf, tinyModel, unitOf, english} from './fixtures.js'

const run = (p: object = {}) => english(apply(tinyModel(), paramsSchema.parse(p)))

describe('merge', () => {
  it('pools communities in groups of three under each street', () => {
    const {model, changes} = run()
    const communities = model.units.filter((u) => u.tier === 'community')
    expect(communities.map((u) => u.id)).toEqual(['street-1/c1', 'street-2/c1'])
    const big = unitOf(model, 'street-1/c1')
    expect([big.staff, big.residents, big.households]).toEqual([30, 18000, 7200])
    expect(unitOf(model, 'street-2/c1').staff).toBe(24)
    expect(big.name).toBe('street-1/c1 + street-1/c2 + street-1/c3')
    // The community's own task is now issued by the merged unit.
    expect(taskOf(model, 'own-meeting').issuers).toEqual(['street-1/c1'])
    expect(changes[0]).toBe('community tier: 5 units merged into 2 (groups of up to 3 under the same parent)')
  })

  it('keeps total staff and residents', () => {
    const before = tinyModel()
    const {model} = run({size: 2})
    const sum = (m: typeof before, k: 'staff' | 'residents') => m.units.reduce((a, u) => a + u[k], 0)
    expect(sum(model, 'staff')).toBe(sum(before, 'staff'))
    expect(sum(model, 'residents')).toBe(sum(before, 'residents'))
    // size 2: street-1 → {c1,c2}, c3 alone; street-2 → {c1,c2}.
    expect(model.units.filter((u) => u.tier === 'community').map((u) => u.staff)).toEqual([20, 10, 24])
  })

  it('merges explicit groups, with a new id, and re-parents the children', () => {
    const {model} = run({groups: [{id: 'big', name: '大社区', units: ['street-1/c1', 'street-1/c2']}]})
    const big = unitOf(model, 'big')
    expect([big.name, big.staff, big.parent]).toEqual(['大社区', 20, 'street-1'])
    expect(unitOf(model, 'street-1/c1/g1').parent).toBe('big')
    expect(model.units.some((u) => u.id === 'street-1/c1' || u.id === 'street-1/c2')).toBe(false)
    expect(taskOf(model, 'own-meeting').issuers).toEqual(['big'])
  })

  it('locates a group that mixes parents or tiers', () => {
    const err = (p: object) => {
      try {
        run(p)
      } catch (e) {
        return e as ReformError
      }
      throw new Error('no error')
    }
    const mixed = err({groups: [['street-1/c1', 'street-2/c1']]})
    expect(mixed.path).toEqual(['groups', 0, 1])
    expect(mixed.message).toMatch(/parent street-2, not street-1/)
    expect(err({groups: [['street-1/c1', 'street-1']]}).path).toEqual(['groups', 0, 1])
    expect(err({groups: [['street-1/c1', 'nope']]}).message).toBe('no unit with id nope')
    expect(() => paramsSchema.parse({size: 2, groups: [['a', 'b']]})).toThrow(/either `size` or `groups`/)
  })
})
