import {describe, expect, it} from 'vitest'
import {deliveries, findResolver, indexModel, resolutionPlan, targetsInScope} from '../../src/model/routing.js'
import {DEFAULT_RULES} from '../../src/model/types.js'
import {buildModel, districtUnits, task, unit} from '../helpers/model-builder.js'

// district (civil, police departments) → 2 streets → 2 communities each; the police
// department's station (a vertically managed unit under the department) alone holds `patrol`;
// street-1 has its own law-enforcement squad holding `fine`.
function model() {
  const units = districtUnits({domains: ['civil', 'police'], streets: 2, communities: 2})
  units.push(unit({id: 'district/dept-police/station', kind: 'department', parent: 'district/dept-police', powers: ['patrol']}))
  units.push(unit({id: 'district/street-1/squad', kind: 'department', parent: 'district/street-1', powers: ['fine']}))
  return buildModel({
    id: 'routing',
    units,
    tasks: [
      task({id: 'census', issuers: ['district/dept-civil'], target: 'community', every: 100}),
      task({id: 'check', issuers: ['district/dept-civil'], target: 'community', kind: 'inspection', every: 100}),
    ],
  })
}

describe('deliveries', () => {
  it('relays a district task through the street of each target community', () => {
    const ix = indexModel(model())
    const d = deliveries(ix, ix.model.tasks[0], 'district/dept-civil')
    expect(d).toEqual([
      {target: 'district/street-1/community-1', relays: ['district/street-1']},
      {target: 'district/street-1/community-2', relays: ['district/street-1']},
      {target: 'district/street-2/community-1', relays: ['district/street-2']},
      {target: 'district/street-2/community-2', relays: ['district/street-2']},
    ])
  })

  it('sends inspections directly to the inspected units', () => {
    const ix = indexModel(model())
    expect(deliveries(ix, ix.model.tasks[1], 'district/dept-civil').every((d) => d.relays.length === 0)).toBe(true)
  })

  it('keeps a street issuer inside its own territory', () => {
    const ix = indexModel(model())
    expect(targetsInScope(ix, 'district/street-2', 'community').map((u) => u.id)).toEqual([
      'district/street-2/community-1',
      'district/street-2/community-2',
    ])
    expect(targetsInScope(ix, 'district/street-1/squad', 'community').map((u) => u.id)).toEqual([
      'district/street-1/community-1',
      'district/street-1/community-2',
    ])
  })
})

describe('findResolver', () => {
  it('finds a power in the own street squad after one hop', () => {
    const ix = indexModel(model())
    expect(findResolver(ix, 'district/street-1/community-2', ['fine'])).toEqual({hops: ['district/street-1'], resolver: 'district/street-1/squad'})
  })

  it('climbs to the district and ends without a resolver when the power sits in a vertical line (属地管理)', () => {
    const ix = indexModel(model())
    expect(findResolver(ix, 'district/street-2/community-1', ['patrol'])).toEqual({hops: ['district/street-2', 'district']})
  })

  it('reaches the competent line, vertical units included, under the responsibility split', () => {
    const ix = indexModel(model())
    expect(findResolver(ix, 'district/street-2/community-1', ['patrol'], 'split')).toEqual({
      hops: ['district/street-2', 'district'],
      resolver: 'district/dept-police/station',
    })
  })
})

describe('resolutionPlan', () => {
  const c = 'district/street-2/community-1'

  it('escalates hop by hop under territorial management', () => {
    const ix = indexModel(model())
    expect(resolutionPlan(ix, c, ['police.power'], DEFAULT_RULES)).toEqual({
      stages: [
        {type: 'formal', unit: c},
        {type: 'handoff', unit: 'district/street-2'},
        {type: 'escalate', unit: 'district/street-2'},
        {type: 'handoff', unit: 'district'},
        {type: 'escalate', unit: 'district'},
        {type: 'handoff', unit: 'district/dept-police'},
        {type: 'work', unit: 'district/dept-police'},
      ],
      outcome: 'completed',
      summons: false,
      dispatched: false,
    })
    expect(resolutionPlan(ix, c, ['patrol'], DEFAULT_RULES).outcome).toBe('unresolved')
  })

  it('reports and hands over under the split, and resolves what territorial management could not', () => {
    const ix = indexModel(model())
    const rules = {...DEFAULT_RULES, responsibility: 'split' as const}
    expect(resolutionPlan(ix, c, ['patrol'], rules)).toEqual({
      stages: [{type: 'report', unit: c}, {type: 'handoff', unit: 'district/dept-police/station'}, {type: 'work', unit: 'district/dept-police/station'}],
      outcome: 'completed',
      summons: false,
      dispatched: false,
    })
  })

  it('summons the holder from a whistle tier after the formal part', () => {
    const ix = indexModel(model())
    const rules = {...DEFAULT_RULES, whistle: {from: ['community' as const], responseTime: {dist: "fixed" as const, value: 4}}}
    expect(resolutionPlan(ix, c, ['police.power'], rules)).toEqual({
      // The response time replaces the hops and their hand-offs: no handoff stage after it.
      stages: [{type: 'formal', unit: c}, {type: 'delay', unit: c, delay: {dist: 'fixed', value: 4}}, {type: 'work', unit: 'district/dept-police'}],
      outcome: 'completed',
      summons: true,
      dispatched: false,
    })
  })

  it('lets a holder do the work itself', () => {
    const ix = indexModel(model())
    expect(resolutionPlan(ix, 'district/dept-police', ['police.power'], DEFAULT_RULES).stages).toEqual([{type: 'work', unit: 'district/dept-police'}])
  })
})
