// The reforms that switch a simulation rule: responsibility-split, whistle, data-sharing.
import {describe, expect, it} from 'vitest'
import * as split from '../../src/reforms/responsibility-split.js'
import * as whistle from '../../src/reforms/whistle.js'
import * as sharing from '../../src/reforms/data-sharing.js'
import {ReformError} from '../../src/reforms/common.js'
import {tinyModel, english} from './fixtures.js'

describe('responsibility-split', () => {
  it('switches the rule and sets the report effort in the model clock', () => {
    const {model, changes} = english(split.apply(tinyModel(), split.paramsSchema.parse({reportEffort: '1h'})))
    expect(model.rules.responsibility).toBe('split')
    expect(model.rules.reportEffort).toEqual({dist: 'fixed', value: 1})
    expect(changes).toContain('1 task and 1 demand type need powers their executing units lack')
    const days = split.apply({...tinyModel(), clock: {hoursPerDay: 7, daysPerYear: 250}}, split.paramsSchema.parse({reportEffort: {dist: 'exp', mean: '1d'}}))
    expect(days.model.rules.reportEffort).toEqual({dist: 'exp', mean: 7})
  })

  it('keeps the model report effort when none is given', () => {
    expect(split.apply(tinyModel(), split.paramsSchema.parse({})).model.rules.reportEffort).toEqual({dist: 'fixed', value: 0.5})
  })
})

describe('whistle', () => {
  it('sets the rule and adds a summons channel to the nearest department holding the power', () => {
    const {model, changes} = english(whistle.apply(tinyModel(), whistle.paramsSchema.parse({})))
    expect(model.rules.whistle).toEqual({from: ['street', 'community'], responseTime: {dist: 'fixed', value: 8}})
    const summons = model.relations.filter((r) => r.type === 'summons').map((r) => `${r.from}>${r.to}`)
    // street-1 and its communities reach the street's own squad; street-2 has none, so dept-urban.
    expect(summons.sort()).toEqual(
      [
        'street-1>street-1/squad',
        'street-2>dept-urban',
        'street-1/c1>street-1/squad',
        'street-1/c2>street-1/squad',
        'street-1/c3>street-1/squad',
        'street-2/c1>dept-urban',
        'street-2/c2>dept-urban',
      ].sort(),
    )
    // The channels carry no time of their own: the rule's response time applies to each.
    expect(model.relations.find((r) => r.type === 'summons')?.responseTime).toBeUndefined()
    expect(changes[0]).toBe('street, community may summon the department holding the power; response within 1d')
    expect(changes[1]).toBe('7 summons channels added from 7 units to 2 departments')
  })

  it('accepts a response time and a single tier; refuses a tier with no units', () => {
    const {model} = whistle.apply(tinyModel(), whistle.paramsSchema.parse({from: ['street'], responseTime: '4h'}))
    expect(model.rules.whistle).toEqual({from: ['street'], responseTime: {dist: 'fixed', value: 4}})
    const spread = english(whistle.apply(tinyModel(), whistle.paramsSchema.parse({responseTime: {dist: 'exp', mean: '2h'}})))
    expect(spread.model.rules.whistle?.responseTime).toEqual({dist: 'exp', mean: 2})
    expect(spread.changes[0]).toBe('street, community may summon the department holding the power; response within exp, mean 2h')
    expect(model.relations.filter((r) => r.type === 'summons')).toHaveLength(2)
    expect(() => whistle.apply(tinyModel(), whistle.paramsSchema.parse({from: ['street', 'city']}))).toThrow(ReformError)
    expect(whistle.paramsSchema.safeParse({responseTime: 'soon'}).error?.issues[0].path).toEqual(['responseTime'])
  })
})

describe('data-sharing', () => {
  it('shares every field and reports those collected twice', () => {
    const {model, changes} = english(sharing.apply(tinyModel(), sharing.paramsSchema.parse({})))
    expect(model.rules.dataSharing).toEqual({fields: 'all'})
    expect(changes).toEqual([
      'data sharing: all 2 fields served from the platform within their validity',
      '2 tasks collect shared fields; 1 field collected by more than one task (household.size)',
    ])
  })

  it('shares a list of fields and locates an unknown one', () => {
    expect(sharing.apply(tinyModel(), sharing.paramsSchema.parse({fields: ['household.size']})).model.rules.dataSharing).toEqual({fields: ['household.size']})
    try {
      sharing.apply(tinyModel(), sharing.paramsSchema.parse({fields: ['household.size', 'shoe-size']}))
      expect.unreachable()
    } catch (e) {
      expect((e as ReformError).path).toEqual(['fields', 1])
    }
  })
})
