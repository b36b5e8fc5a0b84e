import {describe, expect, it} from 'vitest'
import {funnel, unitBreakdown, unitLoads} from '../../src/metrics/structure/index.js'
import {loadModel} from '../../src/model/load.js'
import {buildModel, districtUnits, task} from '../helpers/model-builder.js'
import {smallFunnel} from '../helpers/small-funnel.js'

// Hours per year in tests/helpers/small-funnel.ts (2,000 working hours a year):
// a community: disputes 96 × 2 h = 192, census 12 × 6 h = 72, patrol's formal part
// 0.25 × 50 × 2 h = 25 (it lacks the power), two inspections 4 × 4 h = 16 each: 321 h.
// a street: relays census 12 × 0.5 h and patrol 50 × 0.5 h, escalates 3 communities × 50
// patrols × 1 h: 181 h. The urban department: 6 × 50 patrols × 2 h = 600 h of work escalated
// to it, and 6 communities × 32 h of inspecting.
const C1 = 'district/street-1/community-1'

describe('unitBreakdown', () => {
  it('splits a community\'s hours by item, issuer, kind and category', () => {
    const b = unitBreakdown(smallFunnel(), [C1])
    expect(b.demandedHours).toBeCloseTo(321, 9)
    expect(b.availableHours).toBe(24_000)
    expect(b.load).toBeCloseTo(321 / 24_000, 12)
    expect(b.byTask.map((r) => [r.id, Math.round(r.hoursPerYear * 1e6) / 1e6, r.itemsPerYear, r.roles])).toEqual([
      ['dispute', 192, 96, ['work']],
      ['census', 72, 12, ['work']],
      ['patrol', 25, 50, ['formal']],
      ['check-1', 16, 4, ['work']],
      ['check-2', 16, 4, ['work']],
    ])
    expect(b.byTask[0]).toMatchObject({type: 'request', kind: 'request', issuers: []})
    expect(b.byTask[2]).toMatchObject({type: 'task', kind: 'enforcement', category: 'urban', issuers: ['district/dept-urban']})
    expect(b.byIssuer.map((r) => [r.id, r.hoursPerYear, r.tasks, r.principal, r.tier])).toEqual([
      ['district/dept-civil', expect.closeTo(72, 9), 1, true, 'district'],
      ['district/dept-urban', 57, 3, true, 'district'],
    ])
    expect(b.byKind.map((r) => [r.id, Math.round(r.hoursPerYear)])).toEqual([['request', 192], ['statistics', 72], ['inspection', 32], ['enforcement', 25]])
    expect(b.byCategory.map((r) => [r.id, Math.round(r.hoursPerYear)])).toEqual([['civil', 72], ['urban', 57]])
    expect(b.byTask.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12)
    expect(b.components).toMatchObject({taskHours: expect.closeTo(129, 9), demandHours: 192, relayHours: 0, escalationHours: 0})
    expect(b.chain.map((c) => c.id)).toEqual(['district/street-1', 'district'])
  })

  it('names the power a community lacks, what needs it and who resolves it', () => {
    const b = unitBreakdown(smallFunnel(), [C1])
    expect(b.lacks).toEqual([{
      power: 'urban.power', name: 'urban.power', items: [{id: 'patrol', name: 'patrol'}],
      itemsPerYear: 50, hoursPerYear: 25, resolvers: [{id: 'district/dept-urban', name: 'district/dept-urban'}], unresolvedPerYear: 0,
    }])
  })

  it('shows a street relaying and escalating, and the department resolving and inspecting', () => {
    const m = smallFunnel()
    const street = unitBreakdown(m, ['district/street-1'])
    expect(street.demandedHours).toBeCloseTo(181, 9)
    expect(street.byTask.map((r) => [r.id, r.hoursPerYear, r.itemsPerYear, r.roles])).toEqual([
      ['patrol', 25 + 150, 50 + 150, ['relay', 'escalate']],
      ['census', 6, 12, ['relay']],
    ])
    expect(street.components).toMatchObject({relayHours: 31, escalationHours: 150})
    expect(street.lacks).toEqual([])
    const urban = unitBreakdown(m, ['district/dept-urban'])
    // The inspector's own 2 h on site per visit: 6 communities × 4 a year × 2 h.
    expect(urban.byTask.map((r) => [r.id, r.hoursPerYear, r.roles])).toEqual([['patrol', 600, ['resolve']], ['check-1', 48, ['inspect']], ['check-2', 48, ['inspect']]])
    // Its own tasks come back to it: it is their issuer, not a principal above itself.
    expect(urban.byIssuer).toMatchObject([{id: 'district/dept-urban', principal: false, tasks: 3}])
  })

  it('adds up over the units a selector matched, and agrees with the funnel and the nominal load', () => {
    const m = smallFunnel()
    const communities = m.units.filter((u) => u.tier === 'community').map((u) => u.id)
    const all = unitBreakdown(m, communities)
    expect(all.units).toHaveLength(6)
    expect(all.staff).toBe(72)
    expect(all.demandedHours).toBeCloseTo(funnel(m).find((r) => r.tier === 'community')!.demandedHours, 9)
    expect(all.byTask.find((r) => r.id === 'census')!.itemsPerYear).toBeCloseTo(72, 9)
    const loads = unitLoads(m)
    for (const u of m.units) {
      const b = unitBreakdown(m, [u.id])
      expect(b.demandedHours).toBeCloseTo(loads.get(u.id)!.demandedHours, 9)
      expect(b.byTask.reduce((s, r) => s + r.hoursPerYear, 0)).toBeCloseTo(b.demandedHours, 9)
    }
  })

  it('books the refused share of a gated task on its issuer as returned work', () => {
    const units = districtUnits({domains: ['civil'], streets: 1, communities: 2})
    const gate = {tier: 'community' as const, leakage: 0.25, otherwise: 'return' as const}
    const m = buildModel({units, tasks: [task({id: 't', issuers: ['district/dept-civil'], target: 'community', every: 100, effort: 4, gate})]})
    // 20/y: 5 leak to each community (20 h); the department does the other 15 for each: 120 h.
    const dept = unitBreakdown(m, ['district/dept-civil'])
    expect(dept.byTask).toMatchObject([{id: 't', hoursPerYear: 120, itemsPerYear: 30, roles: ['returned']}])
    expect(dept.components.returnedHours).toBe(120)
    expect(unitBreakdown(m, [`district/street-1/community-1`]).byTask).toMatchObject([{id: 't', hoursPerYear: 20, itemsPerYear: 5}])
  })

  it('agrees with the funnel tier by tier on a shipped model', async () => {
    const m = await loadModel('models/classroom.yaml')
    for (const row of funnel(m)) {
      const b = unitBreakdown(m, m.units.filter((u) => u.tier === row.tier).map((u) => u.id))
      expect(b.demandedHours).toBeCloseTo(row.demandedHours, 6)
      expect(b.byTask.reduce((s, r) => s + r.hoursPerYear, 0)).toBeCloseTo(row.demandedHours, 6)
      expect(b.byIssuer.reduce((s, r) => s + r.hoursPerYear, 0) + (b.byKind.find((k) => k.id === 'request')?.hoursPerYear ?? 0)).toBeCloseTo(row.demandedHours, 6)
    }
  })
})
