// Hand-computed runs of the governance rules: hand-off delays (公文流转), contested items and
// buck-passing (推诿扯皮), the hotline's dispatch (接诉即办), inspection campaigns, effort per
// household under merging, and per-task results.
import {describe, expect, it} from 'vitest'
import {runReplication} from '../../src/sim/replication.js'
import type {ReplicationResult, TraceEvent} from '../../src/sim/api.js'
import type {Defaults, Model, Rules, Task} from '../../src/model/types.js'
import {DEFAULT_BUCK_PASSING, DEFAULT_RULES} from '../../src/model/types.js'
import {analyseFlows, demandedHours, flowOf} from '../../src/graph/flows.js'
import {applyReforms} from '../../src/reforms/index.js'
import {demand, fixed, model, NO_DELAYS, powersModel, relayModel, task, unit} from './fixtures.js'

const run = (m: Model, horizon = 250, focus?: string[]): ReplicationResult => runReplication(m, {seed: 1, horizon, warmup: 0, focus})
const at = (r: ReplicationResult, id: string) => r.units.find((u) => u.id === id)!
const withDefaults = (m: Model, d: Partial<Defaults>): Model => ({...m, defaults: {...m.defaults, ...d}})

describe('hand-off delays', () => {
  it('add the receiving unit’s delay at every hand-over down a relay chain, occupying no one', () => {
    // d/civil → d/s (2 h wait, 0.5 h relay) → each community (2 h wait, 2 h work): 6.5 h.
    const r = run(withDefaults(relayModel(), {handoffDelay: fixed(2)}))
    expect(r.items).toEqual({generated: 6, completed: 6, rejected: 0, unresolved: 0, open: 0})
    expect(at(r, 'd/s/c1').meanLeadTime).toBe(6.5)
    expect(at(r, 'd/s').busyHours).toBe(1.5)
    expect(at(r, 'd/s/c1').busyHours).toBe(6)
  })

  it('take a unit’s own delay over the default', () => {
    const m = withDefaults(relayModel(), {handoffDelay: fixed(2)})
    m.units = m.units.map((u) => (u.id === 'd/s/c2' ? {...u, handoffDelay: fixed(5)} : u))
    const r = run(m)
    expect(at(r, 'd/s/c1').meanLeadTime).toBe(6.5)
    expect(at(r, 'd/s/c2').meanLeadTime).toBe(9.5)
  })

  it('wait at each escalation hop: street → community, then community → street → district → department', () => {
    // Four hand-overs of 1 h on top of the 7 h of work along the plan.
    const r = run(withDefaults(powersModel(), {handoffDelay: fixed(1)}))
    expect(at(r, 'd/urban').meanLeadTime).toBe(11)
    expect(r.tasks[0]).toMatchObject({id: 't', items: 3, completed: 3, meanLeadTime: 11, p90LeadTime: 11})
  })

  it('are replaced by the whistle’s response time, which may be a distribution', () => {
    // After the formal part (1 h) the community waits the response (no hops, no hand-offs).
    const m = withDefaults(powersModel({whistle: {from: ['community'], responseTime: {dist: 'triangular', min: 3, mode: 3, max: 3}}}), {handoffDelay: fixed(1)})
    // 1 h hand-over to the community, 1 h formal part, 3 h response, 4 h work.
    expect(at(run(m), 'd/urban').meanLeadTime).toBe(9)
    const exp = withDefaults(powersModel({whistle: {from: ['community'], responseTime: {dist: 'exp', mean: 8}}}), {handoffDelay: fixed(0)})
    exp.tasks = [{...exp.tasks[0], arrival: {type: 'periodic', every: 20, offset: 0}}]
    const lead = at(run(exp, 40_000), 'd/urban').meanLeadTime
    // 2,000 responses of mean 8 h: the mean lead time is 1 + 8 + 4 within a few standard errors.
    expect(Math.abs(lead - 13)).toBeLessThan(0.6)
  })
})

/** powersModel with a second candidate department (market) beside urban, which holds the power. */
function contestedModel(rules: Partial<Rules> = {}, over: Partial<Task['contested']> = {}): Model {
  const m = powersModel(rules)
  m.units.push(unit('d/market', {kind: 'department', tier: 'district', parent: 'd'}))
  m.tasks = [{...m.tasks[0], contested: {share: 1, candidates: ['d/urban', 'd/market'], ...over}}]
  return m
}

describe('contested items and buck-passing', () => {
  it('are refused twice, then arbitrated by the common superior, whose assignee must accept', () => {
    const m = contestedModel({buckPassing: {...DEFAULT_BUCK_PASSING, refusal: 1}})
    const r = run(m)
    // 7 h along the plan, two refusals of 0.5 h, 1 h of arbitration at the district government.
    expect(at(r, 'd/urban').meanLeadTime).toBe(9)
    expect(r.duplicates).toMatchObject({pingPong: 6, contestedItems: 3, transfersPerContested: 2, arbitrationShare: 1})
    // Each candidate refused each item once; urban, the power holder, then did the work.
    expect(at(r, 'd/urban').busyHours).toBe(3 * (0.5 + 4))
    expect(at(r, 'd/market').busyHours).toBe(3 * 0.5)
    // The district government's hop and its arbitration.
    expect(at(r, 'd').busyHours).toBe(3 * (1 + 1))
  })

  it('traces the refusals, the ruling and the hand-overs', () => {
    const events: TraceEvent[] = []
    const m = withDefaults(contestedModel({buckPassing: {...DEFAULT_BUCK_PASSING, refusal: 1}}), {handoffDelay: fixed(1)})
    runReplication(m, {seed: 1, horizon: 50, warmup: 0, trace: (e) => events.push(e)})
    const acts = events.filter((e) => e.item === 0 && ['refused', 'arbitrated', 'completed'].includes(e.activity)).map((e) => `${e.activity}@${e.unit}`)
    expect(acts).toHaveLength(4)
    expect(acts.slice(2)).toEqual(['arbitrated@d', 'completed@d/urban'])
    expect(new Set(acts.slice(0, 2))).toEqual(new Set(['refused@d/urban', 'refused@d/market']))
    // Seven hand-overs: to the community, street, district, urban; then after each refusal and the ruling.
    expect(events.filter((e) => e.item === 0 && e.activity === 'handoff')).toHaveLength(7)
    expect(events.find((e) => e.item === 0 && e.activity === 'completed')!.time).toBe(9 + 7)
  })

  it('are taken at once by a candidate when nobody refuses, and never contested under a share of 0', () => {
    const none = run(contestedModel({buckPassing: {...DEFAULT_BUCK_PASSING, refusal: 0}}))
    expect(none.duplicates).toMatchObject({pingPong: 0, contestedItems: 3, arbitrationShare: 0})
    const clear = run(contestedModel({buckPassing: {...DEFAULT_BUCK_PASSING, refusal: 1}}, {share: 0}))
    expect(clear.duplicates).toMatchObject({pingPong: 0, contestedItems: 0})
    expect(at(clear, 'd/urban').meanLeadTime).toBe(7)
  })

  it('go straight to a named owner (权责清单): no refusal, no ruling', () => {
    const m = contestedModel({buckPassing: {...DEFAULT_BUCK_PASSING, refusal: 1}})
    const {model: listed, changes} = applyReforms(m, [{type: 'responsibility-list'}])
    expect(changes[0].lines[0]).toBe('1 contested task and 0 contested demand types get a named owner: contested items go straight to it, with no refusal')
    const r = run(listed)
    expect(r.duplicates).toMatchObject({pingPong: 0, contestedItems: 3, arbitrationShare: 0})
    expect(at(r, 'd/urban').meanLeadTime).toBe(7)
    expect(at(r, 'd/market').busyHours).toBe(0)
  })

  it('are not disputed when the whistle summons the holder', () => {
    const r = run(contestedModel({buckPassing: {...DEFAULT_BUCK_PASSING, refusal: 1}, whistle: {from: ['community'], responseTime: fixed(2)}}))
    expect(r.duplicates).toMatchObject({pingPong: 0, contestedItems: 0, summons: 3})
  })

  it('are booked in expectation by the structural flows: refusals over the candidates, a ruling with probability p^m', () => {
    const m = contestedModel({buckPassing: {...DEFAULT_BUCK_PASSING, refusal: 0.5}})
    const f = analyseFlows(m)
    // 3 items a year here (every 100 h of 2,000 h gives 20): p + p² = 0.75 refusals of 0.5 h, split over 2 candidates;
    // a ruling with p² = 0.25; the work, 4 h, accepted by either candidate (0.75 of it), or the assignee after the ruling.
    const n = 20
    expect(demandedHours(flowOf(f, 'd/market'))).toBeCloseTo((n * 0.75 * 0.5) / 2 + (n * 4 * 0.75) / 2, 9)
    expect(demandedHours(flowOf(f, 'd/urban'))).toBeCloseTo((n * 0.75 * 0.5) / 2 + (n * 4 * 0.75) / 2 + n * 4 * 0.25, 9)
    expect(demandedHours(flowOf(f, 'd'))).toBeCloseTo(n * 1 + n * 0.25 * 1, 9)
  })
})

/** A district with an urban department, a street and a community; requests need `enforce`. */
function requestModel(rules: Partial<Rules> = {}): Model {
  return model({
    units: [
      unit('d', {kind: 'government', tier: 'district', staff: 10}),
      unit('d/urban', {kind: 'department', tier: 'district', parent: 'd', powers: ['enforce'], staff: 10}),
      unit('d/market', {kind: 'department', tier: 'district', parent: 'd', staff: 10}),
      unit('d/s', {kind: 'street', tier: 'street', parent: 'd', staff: 10}),
      unit('d/s/c', {kind: 'community', tier: 'community', parent: 'd/s', residents: 1000, staff: 10}),
    ],
    demand: [demand('r', {perResidentHour: 0.01 / 1000, effort: fixed(4), needs: ['enforce']})],
    rules: {...DEFAULT_RULES, ...rules},
  })
}

describe('hotline dispatch (接诉即办)', () => {
  it('raises requests at the centre, which dispatches them to the holder: no formal part, no hops', () => {
    const {model: m, changes} = applyReforms(requestModel(), [{type: 'hotline-dispatch', params: {staff: 10, dispatchEffort: '15m', dispatchTime: '1h'}}])
    expect(changes[0].lines[0]).toBe('1 dispatch centre (12345) added at the district tier, 10 staff each')
    const r = run(m, 20_000)
    // 0.25 h at the centre, 1 h dispatch time, 4 h of work at the department.
    expect(r.requests.meanTimeToResolve).toBeCloseTo(5.25, 9)
    expect(r.duplicates.escalations).toBe(0)
    expect(at(r, 'd/s/c').busyHours).toBe(0)
    expect(at(r, 'd/hotline').busyHours).toBeCloseTo(r.requests.raised * 0.25, 6)
    expect(r.requests.meanHops).toBe(1)
  })

  it('rules on a contested request at its first refusal', () => {
    const base = requestModel({buckPassing: {...DEFAULT_BUCK_PASSING, refusal: 1}})
    base.demand = [{...base.demand[0], contested: {share: 1, candidates: ['d/urban', 'd/market']}}]
    const {model: m} = applyReforms(base, [{type: 'hotline-dispatch', params: {dispatchEffort: '15m', dispatchTime: '1h'}}])
    const r = run(m, 20_000)
    // One refusal (0.5 h), the centre's ruling (1 h), then the assignee's 4 h.
    expect(r.requests.meanTimeToResolve).toBeCloseTo(6.75, 9)
    expect(r.duplicates.transfersPerContested).toBe(1)
    expect(r.duplicates.arbitrationShare).toBe(1)
  })
})

describe('inspection campaigns', () => {
  /** d/urban inspects both communities every 100 h with 3 h of preparation each. */
  function inspections(spread: number, inspectorEffort = fixed(1)): Model {
    const m = relayModel()
    m.units = [...m.units, unit('d/urban', {kind: 'department', tier: 'district', parent: 'd'})]
    m.tasks = [task('insp', {issuers: ['d/urban'], kind: 'inspection', effort: fixed(3), spread, inspectorEffort})]
    return m
  }

  it('visit each inspected unit once, spread over the window; the inspector spends its own hours per visit', () => {
    const events: TraceEvent[] = []
    const r = runReplication(inspections(40), {seed: 3, horizon: 300, warmup: 0, trace: (e) => events.push(e)})
    const visits = events.filter((e) => e.activity === 'inspected' && e.unit !== 'd/urban')
    expect(visits).toHaveLength(6)
    for (const v of visits) expect(v.time % 100).toBeLessThan(40)
    expect(new Set(visits.map((v) => v.time)).size).toBe(6)
    expect(r.duplicates.inspections).toBe(6)
    expect(at(r, 'd/s/c1').busyHours).toBe(9)
    expect(at(r, 'd/urban').busyHours).toBe(6)
  })

  it('are born at the visit, so a visit after the horizon is no item', () => {
    // Instances at 0, 100, 200; the last one's visits fall in [200, 240), the horizon is 210.
    const r = runReplication(inspections(40), {seed: 3, horizon: 210, warmup: 0})
    const {generated, completed, open} = r.items
    expect(generated).toBeGreaterThanOrEqual(4)
    expect(generated).toBeLessThan(6)
    expect(completed + open).toBe(generated)
  })

  it('land all at once with a spread of 0', () => {
    const events: TraceEvent[] = []
    runReplication(inspections(0), {seed: 3, horizon: 150, warmup: 0, trace: (e) => events.push(e)})
    expect(events.filter((e) => e.activity === 'inspected' && e.unit !== 'd/urban').map((e) => e.time)).toEqual([0, 0, 100, 100])
  })
})

describe('effort per household', () => {
  /** Three communities of 1,000, 2,000 and 3,000 households; a survey of 2 h per 1,000 households. */
  function survey(): Model {
    const m = relayModel()
    m.units = [
      ...m.units.filter((u) => u.tier !== 'community'),
      ...[1, 2, 3].map((k) => unit(`d/s/c${k}`, {kind: 'community', tier: 'community', parent: 'd/s', households: 1000 * k, staff: 5})),
    ]
    m.tasks = [{...m.tasks[0], effort: fixed(2), effortPer: {size: 1000, basis: 'households'}}]
    return m
  }

  it('scales each target’s work by its households', () => {
    const r = run(survey())
    expect([1, 2, 3].map((k) => at(r, `d/s/c${k}`).busyHours)).toEqual([6, 12, 18])
  })

  it('pools the same total work when merging (大社区), in simulation and in the structural flows', () => {
    const before = survey()
    const {model: after} = applyReforms(before, [{type: 'merge', params: {tier: 'community', groups: [['d/s/c1', 'd/s/c2', 'd/s/c3']]}}])
    const hours = (r: ReplicationResult) => r.units.filter((u) => u.id.startsWith('d/s/c')).reduce((s, u) => s + u.busyHours, 0)
    expect(hours(run(after))).toBe(hours(run(before)))
    const tier = (m: Model) => m.units.filter((u) => u.tier === 'community').reduce((s, u) => s + demandedHours(flowOf(analyseFlows(m), u.id)), 0)
    expect(tier(after)).toBeCloseTo(tier(before), 9)
    // Without `per`, the merged community does one unit's work per instance: a third of it.
    const flat = survey()
    flat.tasks = [{...flat.tasks[0], effortPer: undefined}]
    const {model: flatAfter} = applyReforms(flat, [{type: 'merge', params: {tier: 'community', groups: [['d/s/c1', 'd/s/c2', 'd/s/c3']]}}])
    expect(tier(flatAfter)).toBeCloseTo(tier(flat) / 3, 9)
  })
})

describe('per-task results and focus units', () => {
  it('count each task’s items and lead times, and a focus unit’s hours by task', () => {
    const r = run(powersModel(), 250, ['d/urban'])
    expect(r.tasks).toEqual([{id: 't', items: 3, completed: 3, unresolved: 0, meanLeadTime: 7, p90LeadTime: 7}])
    expect(r.focus).toEqual([{id: 'd/urban', tasks: [{id: 't', busyHours: 12, waitHours: 0, started: 3, completed: 3, meanLeadTime: 7}]}])
  })
})

it('keeps the fixtures’ hand-offs and campaigns off unless a test turns them on', () => {
  expect(NO_DELAYS.handoffDelay).toEqual(fixed(0))
  expect(NO_DELAYS.spread).toBe(0)
})
