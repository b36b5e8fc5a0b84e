import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModel, loadModelWithWarnings} from '../../src/model/load.js'
import {DEFAULT_RULES} from '../../src/model/types.js'
import {FIXTURES, tempModel} from './helpers.js'

describe('loadModel on the classroom fixture', () => {
  const file = join(FIXTURES, 'valid', 'classroom.yaml')

  it('resolves every section, with includes merged after the root file', async () => {
    const m = await loadModel(file)
    expect(m.format).toBe(1)
    expect(m.id).toBe('classroom')
    expect(m.file).toBe(resolve(file))
    expect(m.units.map((u) => u.id)).toEqual([
      'district',
      'district/dept-civil',
      'district/street-1',
      'district/street-1/community-1',
      'district/street-1/community-2',
      'district/street-1/community-3',
      'district/street-2',
      'district/street-2/community-1',
      'district/street-2/community-2',
      'district/street-2/community-3',
      'ngo',
      'volunteers',
      'district-party',
      'dept-urban',
    ])
    expect(m.kinds).toEqual([{id: 'volunteer-team', name: '志愿服务队', territorial: false}])
    expect(m.powers.map((p) => p.id)).toEqual(['enforce.urban-management', 'mediate', 'register.population'])
    expect(m.categories).toEqual([
      {id: 'civil-affairs', name: '民政'},
      {id: 'urban', name: 'urban'},
    ])
    expect(m.sources[0].note).toBe('seed 003')
  })

  it('fills unit defaults: parent from nesting, staff 1, households from residents', async () => {
    const m = await loadModel(file)
    const c = m.units.find((u) => u.id === 'district/street-2/community-3')!
    expect(c).toMatchObject({parent: 'district/street-2', kind: 'community', tier: 'community', staff: 12, residents: 8000, labels: ['old-town']})
    expect(c.households).toBe(3200) // 8000 / 2.5
    expect(m.units.find((u) => u.id === 'volunteers')).toMatchObject({staff: 1, name: 'volunteers', parent: 'district/street-1', residents: 0, households: 0})
    expect(m.units.find((u) => u.id === 'district/street-2')!.name).toBe('街道2')
    expect(c.name).toBe('community-3')
  })

  it('converts durations and rates with the clock', async () => {
    const m = await loadModel(file)
    const census = m.tasks.find((t) => t.id === 'census-update')!
    expect(census.arrival).toEqual({type: 'periodic', every: 2000 / 12}) // no offset: the simulation draws each issuer's phase
    expect(census.effort).toEqual({dist: 'fixed', value: 6})
    expect(census.validity).toBe(1000)
    expect(census.deadline).toBe(40)
    expect(census.contacts).toBe(0.3)
    expect(census.issuers).toEqual(['district/dept-civil'])
    const campaign = m.tasks.find((t) => t.id === 'campaign-2')!
    expect(campaign.arrival).toEqual({type: 'poisson', perHour: 6 / 2000})
    expect(campaign.effort).toEqual({dist: 'lognormal', mean: 6, sd: 3})
    expect(campaign.issuers).toEqual(['dept-urban'])
    expect(m.demand[0].perResidentHour).toBeCloseTo(3 / 1000 / (2000 / 12), 12)
    expect(m.defaults.relayEffort).toEqual({dist: 'fixed', value: 0.5})
    expect(m.rules).toEqual(DEFAULT_RULES)
  })

  it('replicates tasks with count (ids task-1..N)', async () => {
    const m = await loadModel(file)
    expect(m.tasks.map((t) => t.id)).toEqual(['census-update', 'campaign-1', 'campaign-2'])
    expect(m.tasks[2].name).toBe('campaign 2')
  })

  it('expands relation selectors to every pair', async () => {
    const m = await loadModel(file)
    expect(m.relations.map((r) => `${r.type} ${r.from} ${r.to} ${r.responseTime ?? ''}`)).toEqual([
      'leads district-party district ',
      'summons district/street-1 dept-urban 4',
      'summons district/street-2 dept-urban 4',
    ])
  })

  it('locates every unit, task, relation and demand, naming the included file', async () => {
    const m = await loadModel(file)
    const community = m.units.find((u) => u.id === 'district/street-1/community-2')!
    expect(community.loc).toMatchObject({line: 43, column: 13, path: 'units[0].children[1].children[0]'})
    expect(community.loc!.file).toBe(file)
    const urban = m.units.find((u) => u.id === 'dept-urban')!
    expect(urban.loc).toMatchObject({file: join(FIXTURES, 'valid', 'departments.yaml'), line: 4, path: 'units[1]'})
    expect(m.tasks[0].loc).toMatchObject({line: 53, column: 5, path: 'tasks[0]'})
    expect(m.relations[1].loc).toMatchObject({line: 50, path: 'relations[1]'})
    expect(m.demand[0].loc).toMatchObject({line: 75, path: 'demand[0]'})
  })

  it('has no warnings', async () => {
    const {warnings} = await loadModelWithWarnings(file)
    expect(warnings).toEqual([])
  })
})

describe('defaults, rules and custom kinds', () => {
  it('reads defaults and rules with durations in the model clock', async () => {
    const file = tempModel(`
clock: {hoursPerDay: 7.5, daysPerYear: 240}
defaults:
  relayEffort: {dist: triangular, min: 10m, mode: 30m, max: 1h}
  escalationEffort: 2h
  formalShare: 0.4
  householdSize: 3
  collectionValidity: 1y
  redundancyWindow: 1w
  handoffDelay: {dist: exp, mean: 2d}
  spread: 1w
  inspectorEffort: 3h
rules:
  responsibility: split
  reportEffort: {dist: exp, mean: 1d}
  whistle: {from: [street, community], responseTime: {dist: triangular, min: 1h, mode: 1d, max: 2d}}
  dataSharing: {fields: [household.size]}
  buckPassing: {refusal: 0.3, maxTransfers: 3, transferEffort: 1h}
units:
  - {id: c, kind: community, tier: community, residents: 100}
`)
    const m = await loadModel(file)
    expect(m.clock).toEqual({hoursPerDay: 7.5, daysPerYear: 240})
    expect(m.defaults).toEqual({
      relayEffort: {dist: 'triangular', min: 1 / 6, mode: 0.5, max: 1},
      escalationEffort: {dist: 'fixed', value: 2},
      formalShare: 0.4,
      householdSize: 3,
      collectionValidity: 1800,
      redundancyWindow: 37.5,
      handoffDelay: {dist: 'exp', mean: 15},
      spread: 37.5,
      inspectorEffort: {dist: 'fixed', value: 3},
    })
    expect(m.rules).toEqual({
      responsibility: 'split',
      reportEffort: {dist: 'exp', mean: 7.5},
      whistle: {from: ['street', 'community'], responseTime: {dist: 'triangular', min: 1, mode: 7.5, max: 15}},
      dataSharing: {fields: ['household.size']},
      buckPassing: {refusal: 0.3, maxTransfers: 3, transferEffort: {dist: 'fixed', value: 1}, arbitrationEffort: {dist: 'fixed', value: 1}},
    })
    expect(m.units[0].households).toBe(33) // round(100 / 3)
  })

  it('defaults the redundancy window to 10 working days of the model clock', async () => {
    const m = await loadModel(tempModel(`
clock: {hoursPerDay: 7.5}
units:
  - {id: c, kind: community, tier: community}
`))
    expect(m.defaults.redundancyWindow).toBe(75)
  })

  it('accepts custom kinds, territorial ones included, as strings or mappings', async () => {
    const file = tempModel(`
kinds: [team, {id: zone, name: 片区, territorial: true}]
units:
  - {id: z, kind: zone, tier: grid}
  - {id: t, kind: team, parent: z}
`)
    const m = await loadModel(file)
    expect(m.kinds).toEqual([
      {id: 'team', name: 'team', territorial: false},
      {id: 'zone', name: '片区', territorial: true},
    ])
  })

  it('defaults the name to the id and keeps the description', async () => {
    const m = await loadModel(tempModel('description: hello\n'))
    expect(m).toMatchObject({id: 'test', name: 'test', description: 'hello', units: [], tasks: []})
  })
})
