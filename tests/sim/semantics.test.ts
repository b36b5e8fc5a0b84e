// Hand-computed runs of tiny models with fixed efforts and periodic arrivals.
import {describe, expect, it} from 'vitest'
import {runReplication} from '../../src/sim/replication.js'
import type {ReplicationResult} from '../../src/sim/api.js'
import type {Model, Task} from '../../src/model/types.js'
import {DEFAULT_RULES} from '../../src/model/types.js'
import {demand, fixed, model, powersModel, relayModel, task, unit} from './fixtures.js'

const run = (m: Model, horizon = 250, warmup = 0): ReplicationResult => runReplication(m, {seed: 1, horizon, warmup})
const at = (r: ReplicationResult, id: string) => r.units.find((u) => u.id === id)!


describe('relay and fan-out', () => {
  it('relays once per instance, then works at every target', () => {
    // Instances at 0, 100, 200; the street forwards (0.5 h), each community works 2 h.
    const r = run(relayModel())
    expect(r.items).toEqual({generated: 6, completed: 6, rejected: 0, unresolved: 0, open: 0})
    expect(at(r, 'd/s').busyHours).toBe(1.5)
    expect(at(r, 'd/s').served).toBe(3)
    expect(at(r, 'd/s/c1').busyHours).toBe(6)
    expect(at(r, 'd/s/c1').p95LeadTime).toBe(2.5)
    expect(at(r, 'd/s/c1').meanLeadTime).toBe(2.5)
    expect(r.duplicates.relayHopsPerItem).toBe(1)
    expect(r.duplicates.multiUnitItems).toBe(0)
  })

  it('leaves an instance still in a relay open at the horizon', () => {
    const r = run(relayModel({arrival: {type: 'periodic', every: 100, offset: 49.8}}), 250)
    // Instances at 49.8, 149.8, 249.8: the last is still being forwarded at 250.
    expect(r.items).toEqual({generated: 6, completed: 4, rejected: 0, unresolved: 0, open: 2})
    expect(at(r, 'd/s').backlog).toBe(1)
  })
})

describe('access-catalogue gate', () => {
  it('abolishes refused items at the gate tier: rejected, no community hours', () => {
    const r = run(relayModel({gate: {tier: 'community', leakage: 0, otherwise: 'abolish'}}))
    expect(r.items).toEqual({generated: 6, completed: 0, rejected: 6, unresolved: 0, open: 0})
    expect(at(r, 'd/s').busyHours).toBe(1.5)
    expect(at(r, 'd/s/c1').busyHours).toBe(0)
  })

  it('returns refused items to the issuer, who does the work itself', () => {
    const r = run(relayModel({gate: {tier: 'community', leakage: 0, otherwise: 'return'}}))
    expect(r.items).toEqual({generated: 6, completed: 6, rejected: 0, unresolved: 0, open: 0})
    expect(r.duplicates.returned).toBe(6)
    // Two items per instance at the one-person department: done after 2.5 h and 4.5 h.
    expect(at(r, 'd/civil').busyHours).toBe(12)
    expect(at(r, 'd/civil').meanLeadTime).toBe(3.5)
    expect(at(r, 'd/s/c1').busyHours).toBe(0)
  })

  it('refuses at a relay tier before the relay spends anything', () => {
    const r = run(relayModel({gate: {tier: 'street', leakage: 0, otherwise: 'abolish'}}))
    expect(r.items.rejected).toBe(6)
    expect(at(r, 'd/s').busyHours).toBe(0)
  })

  it('lets everything through with leakage 1', () => {
    const r = run(relayModel({gate: {tier: 'community', leakage: 1, otherwise: 'abolish'}}))
    expect(r.items.completed).toBe(6)
  })
})

/** district with an urban-management department holding `enforce`; street; community. */

describe('powers and escalation', () => {
  it('under 属地管理: formal part, a hop at street and district, then the department works', () => {
    // 0.25 × 4 h at the community, 1 h at the street, 1 h at the district, 4 h at d/urban.
    const r = run(powersModel())
    expect(r.items).toEqual({generated: 3, completed: 3, rejected: 0, unresolved: 0, open: 0})
    expect(at(r, 'd/urban').meanLeadTime).toBe(7)
    expect(at(r, 'd/s/c').busyHours).toBe(3)
    expect(at(r, 'd/s').busyHours).toBe(3)
    expect(at(r, 'd').busyHours).toBe(3)
    expect(at(r, 'd/urban').busyHours).toBe(12)
    expect(r.duplicates.escalations).toBe(6)
    expect(r.duplicates.multiUnitItems).toBe(3)
  })

  it('ends unresolved when no unit in scope holds the power, after climbing the chain', () => {
    const r = run(powersModel({}, []))
    expect(r.items).toEqual({generated: 3, completed: 0, rejected: 0, unresolved: 3, open: 0})
    expect(at(r, 'd').busyHours).toBe(3)
  })

  it('under split responsibility: report, then the department acts directly', () => {
    const r = run(powersModel({responsibility: 'split', reportEffort: fixed(0.5)}))
    expect(at(r, 'd/urban').meanLeadTime).toBe(4.5)
    expect(at(r, 'd/s').busyHours).toBe(0)
    expect(r.duplicates.escalations).toBe(0)
  })

  it('with the whistle: formal part, the response time, then the department', () => {
    const r = run(powersModel({whistle: {from: ['community'], responseTime: {dist: 'fixed', value: 8}}}))
    expect(at(r, 'd/urban').meanLeadTime).toBe(1 + 8 + 4)
    expect(r.duplicates.summons).toBe(3)
    expect(r.duplicates.escalations).toBe(0)
    expect(at(r, 'd/s').busyHours).toBe(0)
  })

  it('counts resident requests: resolution, time to resolve and hops', () => {
    const m = powersModel()
    m.tasks = []
    m.demand = [demand('noise', {perResidentHour: 0.01 / 1000, effort: fixed(4), needs: ['enforce']})]
    const r = run(m, 200_000)
    expect(r.requests.raised).toBeGreaterThan(1500)
    expect(r.requests.raised).toBe(r.items.generated)
    expect(r.requests.resolved).toBe(r.items.completed)
    // Community → street → district → department: three hops, at least 7 h each.
    expect(r.requests.meanHops).toBe(3)
    expect(r.requests.meanTimeToResolve).toBeGreaterThanOrEqual(7)
    expect(r.timeSplit).toEqual({service: 1, admin: 0, inspection: 0})
  })
})

describe('inspections', () => {
  it('take both sides’ hours and count repeats inside the redundancy window as redundant', () => {
    const m = relayModel({kind: 'inspection', category: 'safety', arrival: {type: 'periodic', every: 40, offset: 0}})
    const r = run(m)
    // Instances at 0, 40, …, 240 reach both communities directly: 14 inspections, all but
    // the first per community within the default window (10 days = 80 h) of the previous one.
    expect(m.defaults.redundancyWindow).toBe(80)
    expect(r.items.completed).toBe(14)
    expect(r.duplicates.inspections).toBe(14)
    expect(r.duplicates.redundantInspections).toBe(12)
    expect(at(r, 'd/civil').busyHours).toBe(28)
    expect(at(r, 'd/s/c1').busyHours).toBe(14)
    expect(at(r, 'd/s').busyHours).toBe(0)
    expect(r.timeSplit.inspection).toBe(1)
  })

  const month = 2000 / 12
  const monthly = {kind: 'inspection' as const, category: 'safety', arrival: {type: 'periodic' as const, every: month, offset: 0}}

  it('never counts the periodic repeat of one monthly inspection as redundant', () => {
    const r = run(relayModel(monthly), 990)
    // Months start at 0, 166.7, …, 833.3 (the horizon is 990 h): six inspections per community, 166.7 h apart.
    expect(r.duplicates.inspections).toBe(12)
    expect(r.duplicates.redundantInspections).toBe(0)
  })

  it('counts a second inspection of the same category in the same week by another inspector', () => {
    const m = relayModel(monthly)
    m.units.push(unit('d/safety', {kind: 'department', tier: 'district', parent: 'd', domain: 'safety'}))
    m.tasks.push(task('t2', {...monthly, issuers: ['d/safety'], arrival: {type: 'periodic', every: month, offset: 16}, effort: fixed(2)}))
    const r = run(m, 990)
    // Each month the second inspection comes 16 h (two days) after the first: redundant; the
    // next month's first comes 150.7 h after it, outside the 80 h window.
    expect(r.duplicates.inspections).toBe(24)
    expect(r.duplicates.redundantInspections).toBe(12)
  })

  it('takes the window from defaults.redundancyWindow', () => {
    const m = relayModel(monthly)
    m.defaults = {...m.defaults, redundancyWindow: 200}
    expect(run(m, 990).duplicates.redundantInspections).toBe(10)
  })
})

describe('data collection by household', () => {
  const collecting = {kind: 'statistics' as const, collects: ['a', 'b'], contacts: 0.5}
  const near = (x: number, y: number) => expect(x).toBeCloseTo(y, 9)

  it('does not count a task’s own periodic re-collection as a duplicate, but as a re-collection', () => {
    const r = run(relayModel(collecting))
    // Per community: visits issued at 0, 100, 200 (the task's own period) of 50 of 100 households.
    // The second finds half its households on record (25), the third 1 − 0.5² of them (37.5).
    expect(r.duplicates.householdContacts).toBe(300)
    expect(r.duplicates.duplicateContacts).toBe(0)
    expect(r.duplicates.duplicateFields).toBe(0)
    near(r.duplicates.recollectedContacts, 2 * (25 + 37.5))
  })

  const twoTasks = (): Model => {
    const m = relayModel({collects: ['x'], contacts: 0.3})
    m.tasks.push(task('u', {issuers: ['d/civil'], arrival: {type: 'periodic', every: 100, offset: 10}, effort: fixed(2), relayEffort: fixed(0.5), collects: ['x'], contacts: 0.5}))
    return m
  }

  it('counts households another task asked for the same field: two tasks, one field, overlapping samples', () => {
    // t asks 30 of 100 households at 2.5 h; u asks 50 at 12.5 h: each of u's households was in
    // t's sample with probability 0.3, so 15 duplicate contacts per community.
    const r = run(twoTasks(), 50)
    near(r.duplicates.duplicateContacts, 2 * 15)
    near(r.duplicates.duplicateFields, 2 * 15)
    expect(r.duplicates.householdContacts).toBe(2 * 80)
    expect(r.duplicates.recollectedContacts).toBe(0)
  })

  it('keeps counting across repeats: other tasks’ records make duplicates, its own older ones re-collections', () => {
    const r = run(twoTasks(), 150)
    // t again at 102.5: u's record with probability 0.5 → 15; of the rest, 0.3 of its own → 4.5.
    // u again at 112.5: t's two visits miss with 0.7² = 0.49 → 0.51 × 50 = 25.5; re-collected
    // 0.49 × 0.5 × 50 = 12.25.
    near(r.duplicates.duplicateContacts, 2 * (15 + 15 + 25.5))
    near(r.duplicates.recollectedContacts, 2 * (4.5 + 12.25))
  })

  it('counts the same task back before its own period is over as a duplicate', () => {
    // Issued by two units at the same moment: the second visit finds half its households asked.
    const m = relayModel({...collecting, issuers: ['d/civil', 'd']})
    const r = run(m, 50)
    near(r.duplicates.duplicateContacts, 2 * 25)
    near(r.duplicates.duplicateFields, 2 * 25 * 2)
  })

  it('serves households on record from the platform with data sharing: no duplicate, less work', () => {
    const m = relayModel(collecting)
    m.rules = {...DEFAULT_RULES, dataSharing: {fields: 'all'}}
    const r = run(m)
    // Per community, the platform holds 0, 0.5, 0.75 of the households for both fields: served
    // 50 × (0 + 0.5 + 0.75) × 2 fields; asked 50 × (1 + 0.5 + 0.25); work 2 h × (1, 0.5, 0.25).
    expect(r.duplicates.duplicateContacts).toBe(0)
    near(r.duplicates.platformContacts, 2 * 125)
    near(r.duplicates.householdContacts, 2 * 87.5)
    expect(at(r, 'd/s/c1').busyHours).toBe(3.5)
  })

  it('shares only the listed fields', () => {
    const m = relayModel(collecting)
    m.rules = {...DEFAULT_RULES, dataSharing: {fields: ['a']}}
    const r = run(m)
    // Field b is still asked of every sampled household; a is served for 0, 0.5, 0.75 of them.
    expect(r.duplicates.householdContacts).toBe(300)
    expect(r.duplicates.duplicateContacts).toBe(0)
    near(r.duplicates.platformContacts, 2 * 62.5)
    near(r.duplicates.recollectedContacts, 2 * 62.5)
    // Work 2 h × (1 − served share of the two fields): 2, 1.5, 1.25.
    expect(at(r, 'd/s/c1').busyHours).toBe(4.75)
  })
})

describe('priorities, deadlines and warm-up', () => {
  it('serves veto, then inspection, then deadlines by due time, then the rest', () => {
    // A 10 h blocker at 0; at 1 h arrive, in this order: rest, deadline 13 h, deadline 12 h,
    // inspection, veto. Served from 10 h in priority order, each due exactly when it ends.
    const one = (id: string, over: Partial<Task>) =>
      task(id, {issuers: ['d/s'], arrival: {type: 'periodic', every: 1000, offset: 1}, effort: fixed(1), ...over})
    const m = model({
      units: [
        unit('d', {kind: 'government', tier: 'district'}),
        unit('d/s', {kind: 'street', tier: 'street', parent: 'd'}),
        unit('d/s/c', {kind: 'community', tier: 'community', parent: 'd/s'}),
      ],
      tasks: [
        task('blocker', {issuers: ['d/s'], arrival: {type: 'periodic', every: 1000, offset: 0}, effort: fixed(10)}),
        one('rest', {}),
        one('late', {deadline: 13}),
        one('early', {deadline: 12}),
        one('inspect', {kind: 'inspection', deadline: 11}),
        one('veto', {veto: true, deadline: 10}),
      ],
    })
    const r = run(m, 100)
    expect(r.items.completed).toBe(6)
    expect(r.overdue).toBe(0)
    expect(at(r, 'd/s/c').meanWait).toBeCloseTo((0 + 9 + 10 + 11 + 12 + 13) / 6, 12)
  })

  it('counts an item overdue when it ends after its due time, or is still open past it', () => {
    const r = run(relayModel({deadline: 2}))
    expect(r.overdue).toBe(6)
    const open = run(relayModel({deadline: 0.1, effort: fixed(1000)}), 250)
    expect(open.items.open).toBe(6)
    expect(open.overdue).toBe(6)
  })

  it('counts only items born after the warm-up', () => {
    const r = run(relayModel(), 250, 50)
    expect(r.items).toEqual({generated: 4, completed: 4, rejected: 0, unresolved: 0, open: 0})
    expect(at(r, 'd/s').busyHours).toBe(1)
    expect(at(r, 'd/s').utilisation).toBe(1 / 200)
  })
})

describe('resident demand', () => {
  it('raises requests at each unit in proportion to its residents', () => {
    const m = model({
      units: [
        unit('s', {kind: 'street', tier: 'street', staff: 5}),
        unit('s/a', {kind: 'community', tier: 'community', parent: 's', staff: 5, residents: 1000}),
        unit('s/b', {kind: 'community', tier: 'community', parent: 's', staff: 5, residents: 3000}),
        unit('s/empty', {kind: 'community', tier: 'community', parent: 's', staff: 5, residents: 0}),
      ],
      demand: [demand('d', {perResidentHour: 0.0005, effort: fixed(0.1)})],
    })
    // 0.0005 × 4,000 residents = 2 requests per hour: 20,000 expected over 10,000 h.
    const r = run(m, 10_000)
    expect(Math.abs(r.requests.raised - 20_000)).toBeLessThan(4 * Math.sqrt(20_000))
    const a = at(r, 's/a').arrived
    const b = at(r, 's/b').arrived
    expect(a + b).toBe(r.requests.raised)
    expect(Math.abs(b / (a + b) - 0.75)).toBeLessThan(0.015)
    expect(at(r, 's/empty').arrived).toBe(0)
    expect(r.requests.resolutionRate).toBeGreaterThan(0.999)
  })
})
