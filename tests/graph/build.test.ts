import {describe, expect, it} from 'vitest'
import {buildGraph} from '../../src/graph/build.js'
import {analyseFlows, flowOf} from '../../src/graph/flows.js'
import {buildModel, districtUnits, relation, task, unit} from '../helpers/model-builder.js'
import {smallFunnel} from '../helpers/small-funnel.js'

const S1 = 'district/street-1'
const C11 = 'district/street-1/community-1'

describe('buildGraph', () => {
  const g = buildGraph(smallFunnel())

  it('has one node per unit with its attributes', () => {
    expect(g.order).toBe(12)
    expect(g.getNodeAttributes('district/dept-civil')).toEqual({
      label: 'district/dept-civil', kind: 'department', tier: 'district', parent: 'district', domain: 'civil',
      staff: 30, residents: 0, households: 0, powers: ['civil.power'], labels: [],
    })
    expect(g.getNodeAttribute(C11, 'residents')).toBe(8000)
  })

  it('types every edge and counts them per type', () => {
    const byType: Record<string, number> = {}
    g.forEachEdge((_e, a) => (byType[a.type] = (byType[a.type] ?? 0) + 1))
    // 10 parent links; 2 departments × 2 streets + 6 street → community channels; 6 inspections.
    expect(byType).toEqual({administers: 10, task: 10, inspects: 6, leads: 1, coordinates: 1})
    expect(g.size).toBe(28)
  })

  it('carries yearly volumes and hours on task channels', () => {
    // patrol: 50/y; the street forwards each instance once (0.5 h); the community works 2 h.
    expect(g.getEdgeAttributes('task:district/dept-urban->district/street-1')).toMatchObject({tasksPerYear: 50, hoursPerYear: 25, items: 1})
    // street → community carries census (12/y × 6 h) and patrol (50/y × 2 h).
    const e = g.getEdgeAttributes(`task:${S1}->${C11}`)
    expect(e.tasksPerYear).toBeCloseTo(62, 9)
    expect(e.hoursPerYear).toBeCloseTo(172, 9)
    expect(e.items).toBe(2)
    // Two inspection items share one channel: 2 × 4/y × 4 h.
    expect(g.getEdgeAttributes(`inspects:district/dept-urban->${C11}`)).toMatchObject({tasksPerYear: 8, hoursPerYear: 32, items: 2})
    expect(g.getEdgeAttributes('administers:district->district/street-1')).toMatchObject({tasksPerYear: 0, hoursPerYear: 0, items: 0})
  })

  it('keeps relation attributes and drops self-loops', () => {
    const m = smallFunnel()
    m.relations.push(relation('summons', S1, 'district/dept-urban', 4), relation('coordinates', S1, S1))
    const g2 = buildGraph(m)
    expect(g2.getEdgeAttributes('summons:district/street-1->district/dept-urban').responseTime).toBe(4)
    expect(g2.hasEdge('coordinates:district/street-1->district/street-1')).toBe(false)
  })
})

describe('analyseFlows', () => {
  it('routes a city bureau through the district department of its line, then the street', () => {
    const units = [
      unit({id: 'city', kind: 'government', tier: 'city'}),
      unit({id: 'city/bureau', kind: 'department', tier: 'city', parent: 'city', domain: 'civil'}),
      ...districtUnits({id: 'city/d', parent: 'city', domains: ['civil'], streets: 1, communities: 2}),
    ]
    const m = buildModel({units, tasks: [task({id: 't', issuers: ['city/bureau'], target: 'community', every: 100, effort: 3, relayEffort: 1})]})
    const g = buildGraph(m)
    const task1 = (from: string, to: string) => g.getEdgeAttributes(`task:${from}->${to}`)
    expect(task1('city/bureau', 'city/d/dept-civil')).toMatchObject({tasksPerYear: 20, hoursPerYear: 20})
    expect(task1('city/d/dept-civil', 'city/d/street-1')).toMatchObject({tasksPerYear: 20, hoursPerYear: 20})
    expect(task1('city/d/street-1', 'city/d/street-1/community-2')).toMatchObject({tasksPerYear: 20, hoursPerYear: 60})
    const f = analyseFlows(m)
    expect(flowOf(f, 'city/d/street-1').relayHours).toBe(20)
    expect([...flowOf(f, 'city/d/street-1/community-1').issuers]).toEqual(['city/bureau'])
    expect(f.deliveries).toEqual({perYear: 40, hopsPerYear: 80, maxHops: 2})
  })

  it('applies an access gate: leakage passes, the rest returns to the issuer', () => {
    const units = districtUnits({domains: ['civil'], streets: 1, communities: 2})
    const gate = {tier: 'community' as const, leakage: 0.25, otherwise: 'return' as const}
    const m = buildModel({units, tasks: [task({id: 't', issuers: ['district/dept-civil'], target: 'community', every: 100, effort: 4, gate})]})
    const f = analyseFlows(m)
    // 20/y × 0.25 leak through; each community does 5 × 4 h, the department 15 × 4 h for each.
    // The gate acts where the item would enter the community tier: the street still relays
    // all 20 instances (0.5 h each), as the simulation does.
    expect(flowOf(f, 'district/street-1/community-1').taskHours).toBe(20)
    expect(flowOf(f, 'district/street-1').relayHours).toBe(10)
    expect(flowOf(f, 'district/dept-civil').returnedHours).toBe(120)
    const abolished = buildModel({units, tasks: [task({id: 't', issuers: ['district/dept-civil'], target: 'community', every: 100, gate: {...gate, leakage: 0, otherwise: 'abolish'}})]})
    const g = buildGraph(abolished)
    // Abolished at the community: only the department → street channel remains, nothing enters
    // the community tier.
    const tasks: string[] = []
    g.forEachEdge((_e, a, from, to) => a.type === 'task' && tasks.push(`${from}->${to}`))
    expect(tasks).toEqual(['district/dept-civil->district/street-1'])
    expect(analyseFlows(abolished).tierItems.get('community')!.size).toBe(0)
  })

  it('sends tasks with executors straight to them and keeps own-tier work off the graph', () => {
    const units = [...districtUnits({domains: ['civil'], streets: 1, communities: 1}), unit({id: 'ngo', kind: 'social-org', parent: 'district', staff: 5})]
    const m = buildModel({
      units,
      tasks: [
        {...task({id: 'bought', issuers: ['district/dept-civil'], target: 'community', every: 200, effort: 5}), executors: ['ngo']},
        task({id: 'own', issuers: ['district/street-1'], target: 'street', every: 100, effort: 1}),
      ],
    })
    const g = buildGraph(m)
    expect(g.getEdgeAttributes('task:district/dept-civil->ngo')).toMatchObject({tasksPerYear: 10, hoursPerYear: 50})
    expect(g.hasEdge('task:district/street-1->district/street-1')).toBe(false)
    const f = analyseFlows(m)
    expect(flowOf(f, 'district/street-1').taskHours).toBe(20)
    expect(flowOf(f, 'district/street-1').issuers.size).toBe(0)
  })

  it('memoises the analysis per model object', () => {
    const m = smallFunnel()
    expect(analyseFlows(m)).toBe(analyseFlows(m))
    expect(analyseFlows(smallFunnel())).not.toBe(analyseFlows(m))
  })
})
