import {describe, expect, it} from 'vitest'
import {buildGraph} from '../../src/graph/build.js'
import {
  alignment, catalogue, chainDepth, concentration, coordination, flowHierarchy, funnel, hhi, inspectModel, nominalLoad, principals, unitLoads,
} from '../../src/metrics/structure/index.js'
import {buildModel, districtUnits, relation, task, unit} from '../helpers/model-builder.js'
import {smallFunnel} from '../helpers/small-funnel.js'

// Per community and year (see tests/helpers/small-funnel.ts): census 12 × 6 h = 72,
// inspections 2 × 4 × 4 h = 32, disputes 96 × 2 h = 192, and patrol 50 × 2 h = 100 that needs
// a power communities lack: under 属地管理 the community does the formal part (0.25 × 100 =
// 25 h) and escalates; each patrol costs 1 h at the street and 1 h at the district government
// before the urban department (which holds the power) does the 2 h of work.
// Per street: relaying census 12 × 0.5 + patrol 50 × 0.5 = 31 h, escalating 3 × 50 × 1 h = 150 h.
const COMMUNITY = 72 + 25 + 32 + 192
const STREET_ESCALATION = 3 * 50
// District tier: the government escalates 6 × 50 h, the urban department works 6 × 100 h on
// patrols and spends 6 × 2 × 4 × 2 h inspecting (the inspector's default 2 h on site per visit,
// beside the 4 h of preparation each inspected community spends).
const DISTRICT = 6 * 50 + 6 * 100 + 6 * 16

describe('funnel', () => {
  it('profiles each tier: units, staff, issuers above, items, hours and nominal load', () => {
    const rows = funnel(smallFunnel())
    expect(rows.map((r) => r.tier)).toEqual(['district', 'street', 'community'])
    const [district, street, community] = rows
    expect(district).toMatchObject({tier: 'district', units: 4, staff: 110, issuersAbove: 0, taskItems: 0, availableHours: 220_000})
    expect(district.demandedHours).toBeCloseTo(DISTRICT, 9)
    expect(district.nominalLoad).toBeCloseTo(DISTRICT / 220_000, 12)
    expect(street).toMatchObject({units: 2, staff: 120, issuersAbove: 2, taskItems: 2, availableHours: 240_000})
    expect(street.demandedHours).toBeCloseTo(2 * (31 + STREET_ESCALATION), 9)
    expect(community).toMatchObject({units: 6, staff: 72, issuersAbove: 2, taskItems: 4, availableHours: 144_000})
    expect(community.demandedHours).toBeCloseTo(6 * COMMUNITY, 9)
    expect(community.nominalLoad).toBeCloseTo((6 * COMMUNITY) / 144_000, 12)
  })

  it('reports null load for a tier without staff that still gets work', () => {
    const m = smallFunnel()
    for (const u of m.units) if (u.tier === 'street') u.staff = 0
    expect(funnel(m)[1].nominalLoad).toBeNull()
  })
})

describe('per-unit nominal load', () => {
  it('divides demanded by available hours', () => {
    const m = smallFunnel()
    const load = nominalLoad(m)
    expect(load.get('district/street-1/community-2')).toBeCloseTo(COMMUNITY / (12 * 2000), 12)
    expect(load.get('district/street-1')).toBeCloseTo((31 + STREET_ESCALATION) / (60 * 2000), 12)
    expect(load.get('district')).toBeCloseTo((6 * 50) / (unitLoads(m).get('district')!.availableHours), 12)
    expect(unitLoads(m).get('district/street-2')).toMatchObject({availableHours: 120_000})
  })
})

describe('principals', () => {
  it('counts distinct issuers reaching each community', () => {
    expect(principals(smallFunnel())).toEqual({tier: 'community', units: 6, mean: 2, median: 2, min: 2, max: 2, distribution: [{principals: 2, units: 6}]})
  })

  it('gives the distribution when communities differ', () => {
    const m = smallFunnel()
    // The first street issues its own task to its communities: 3 of 6 get a third principal.
    m.tasks.push(task({id: 'street-task', issuers: ['district/street-1'], target: 'community', every: 100}))
    const p = principals(m)
    expect(p).toMatchObject({mean: 2.5, median: 2.5, min: 2, max: 3})
    expect(p.distribution).toEqual([{principals: 2, units: 3}, {principals: 3, units: 3}])
  })
})

describe('alignment', () => {
  it('is the share of resolution hours on units holding the needed powers', () => {
    const a = alignment(smallFunnel())
    // Patrol's formal part (25 h per community) and its escalation hops (150 h per street,
    // 300 h at the district) are spent without the power; its 600 h of work by the urban
    // department are aligned.
    const total = 6 * COMMUNITY + 2 * STREET_ESCALATION + 300 + 600
    const aligned = 6 * (COMMUNITY - 25) + 600
    expect(a.resolutionHours).toBeCloseTo(total, 9)
    expect(a.alignedHours).toBeCloseTo(aligned, 9)
    expect(a.rate).toBeCloseTo(aligned / total, 12)
    expect(a.byTier.map((t) => t.tier)).toEqual(['district', 'street', 'community'])
  })

  it('rises under the responsibility split: the territory only reports, the holder works', () => {
    const m = smallFunnel()
    m.rules = {...m.rules, responsibility: 'split'}
    const a = alignment(m)
    // Each patrol: 0.5 h report at the community, 2 h of work at the urban department.
    const total = 6 * (COMMUNITY - 25 + 25) + 600
    const aligned = 6 * (COMMUNITY - 25) + 600
    expect(a.resolutionHours).toBeCloseTo(total, 9)
    expect(a.alignedHours).toBeCloseTo(aligned, 9)
    expect(a.rate).toBeGreaterThan(alignment(smallFunnel()).rate)
  })

  it('counts work returned by an access catalogue as aligned when the issuer holds the power', () => {
    const m = smallFunnel()
    const patrol = m.tasks.find((t) => t.id === 'patrol')!
    patrol.gate = {tier: 'community', leakage: 0, otherwise: 'return'}
    const a = alignment(m)
    // 100 h per community now done by the urban department, which holds urban.power.
    expect(a.rate).toBe(1)
    expect(a.byTier.map((t) => t.tier)).toEqual(['district', 'community'])
  })

  it('is 1 when there is no work at all', () => {
    expect(alignment(buildModel({units: [unit({id: 'x', kind: 'community', tier: 'community'})]})).rate).toBe(1)
  })
})

describe('chain depth', () => {
  it('counts levels, territorial levels and relay hops', () => {
    // district → street → community; inspections (2 items × 4 a year per community) skip relays.
    const d = chainDepth(smallFunnel())
    expect(d.levels).toBe(3)
    expect(d.territorialLevels).toBe(3)
    expect(d.relayHops.max).toBe(1)
    expect(d.relayHops.mean).toBeCloseTo((6 * 12 + 6 * 50) / (6 * 12 + 6 * 50 + 6 * 8), 12)
  })
})

describe('concentration', () => {
  it('is the HHI of hours by issuer per community', () => {
    // civil-affairs 72 h, urban 100 + 32 = 132 h.
    const share = 72 / 204
    const c = concentration(smallFunnel())
    expect(c.units).toBe(6)
    expect(c.mean).toBeCloseTo(share ** 2 + (1 - share) ** 2, 12)
    expect(c.max).toBeCloseTo(c.mean, 12)
    expect(c.meanEquivalentIssuers).toBeCloseTo(1 / c.mean, 12)
    expect(hhi([1, 1, 1, 1])).toBe(0.25)
    expect(hhi([])).toBe(0)
  })
})

describe('coordination', () => {
  it('is the density of coordinating department pairs', () => {
    const units = districtUnits({domains: ['a', 'b', 'c', 'd'], streets: 1, communities: 1})
    const m = buildModel({
      units,
      relations: [
        relation('coordinates', 'district/dept-a', 'district/dept-b'),
        relation('coordinates', 'district/dept-b', 'district/dept-a'),
        relation('coordinates', 'district/dept-c', 'district/dept-d'),
        relation('coordinates', 'district/dept-c', 'district/street-1'),
        relation('leads', 'district/dept-a', 'district/dept-c'),
      ],
    })
    // 2 of the 6 pairs among 4 departments.
    expect(coordination(m)).toEqual({departments: 4, pairs: 2, density: 2 / 6})
  })
})

describe('catalogue', () => {
  it('counts items by category, kind and label', () => {
    const c = catalogue(smallFunnel())
    expect(c).toEqual({
      items: 4,
      categories: {count: 2, items: {urban: 3, civil: 1}, uncategorised: 0},
      byKind: {inspection: 2, enforcement: 1, statistics: 1},
      byLabel: {'long-term': 2},
    })
  })
})

describe('flow hierarchy', () => {
  it('is the share of edges on no cycle', () => {
    const m = smallFunnel()
    expect(flowHierarchy(buildGraph(m))).toEqual({value: 1, edges: 28, edgesInCycles: 0})
    // A summons from a street back to the department closes cycles: dept → street → dept.
    m.relations.push(relation('summons', 'district/street-1', 'district/dept-urban', 4))
    const f = flowHierarchy(buildGraph(m))
    // In the cycle: the summons, the dept → street task channel.
    expect(f).toEqual({value: 1 - 2 / 29, edges: 29, edgesInCycles: 2})
  })
})

describe('inspectModel', () => {
  it('gathers every block and the graph size', () => {
    const r = inspectModel(smallFunnel())
    expect(Object.keys(r)).toEqual(['model', 'catalogue', 'structure', 'graph'])
    expect(Object.keys(r.structure)).toEqual(['depth', 'principals', 'funnel', 'alignment', 'betweenness', 'krackhardt', 'flowHierarchy', 'coordination', 'concentration'])
    expect(r.graph).toEqual({nodes: 12, edges: 28, byType: {administers: 10, task: 10, inspects: 6, leads: 1, coordinates: 1, contracts: 0, 'shares-data': 0, summons: 0}})
    expect(r.model).toEqual({id: 'small-funnel', name: 'small-funnel', hoursPerYear: 2000})
  })
})
