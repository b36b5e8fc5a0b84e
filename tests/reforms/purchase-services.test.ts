import {describe, expect, it} from 'vitest'
import {deliveries, indexModel} from '../../src/model/routing.js'
import {apply, paramsSchema} from '../../src/reforms/purchase-services.js'
import {ReformError} from '../../src/reforms/common.js'
import {taskOf, tinyModel, unitOf, english} from './fixtures.js'

const run = (p: object) => english(apply(tinyModel(), paramsSchema.parse(p)))

describe('purchase-services', () => {
  it('creates one provider per street and routes each former target to it', () => {
    const {model, changes} = run({categories: ['civil-affairs']})
    const p1 = unitOf(model, 'street-1/social-service')
    expect([p1.kind, p1.tier, p1.parent, p1.staff]).toEqual(['social-org', 'street', 'street-1', 5])
    const census = taskOf(model, 'census')
    expect(census.executors).toEqual([
      'street-1/social-service',
      'street-1/social-service',
      'street-1/social-service',
      'street-2/social-service',
      'street-2/social-service',
    ])
    // The work leaves the communities: every delivery lands on a provider, without relays.
    const ds = deliveries(indexModel(model), census, 'dept-civil')
    expect(ds.every((d) => d.target.endsWith('social-service') && d.relays.length === 0)).toBe(true)
    // The street-level report is not below the providers' tier and stays.
    expect(taskOf(model, 'street-report').executors).toBeUndefined()
    const contracts = model.relations.filter((r) => r.type === 'contracts').map((r) => `${r.from}>${r.to}`)
    expect(contracts).toEqual(['dept-civil>street-1/social-service', 'dept-civil>street-2/social-service', 'street-1/c2>street-1/social-service'])
    expect(changes[1]).toBe('2 social-service units created, one per street served, with 5 staff each (10 staff)')
  })

  it('uses selected providers, and locates gaps in their coverage', () => {
    const {model} = run({categories: ['urban'], provider: 'dept-urban', at: 'district'})
    expect(taskOf(model, 'enforce').executors).toEqual(Array(5).fill('dept-urban'))
    expect(taskOf(model, 'patrol-a').executors).toEqual(['dept-urban', 'dept-urban'])
    try {
      run({categories: ['urban'], provider: 'street-1/squad'})
      expect.unreachable()
    } catch (e) {
      expect((e as ReformError).path).toEqual(['provider'])
      expect((e as ReformError).message).toBe('no provider covers street-2/c1')
    }
    expect(() => run({categories: ['nope']})).toThrow('unknown category nope')
  })
})
