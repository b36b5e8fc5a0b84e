// Trace events: exact sequences on tiny models, and consistency with the replication result.
import {describe, expect, it} from 'vitest'
import {createSimulation, runReplication} from '../../src/sim/replication.js'
import type {TraceEvent} from '../../src/sim/api.js'
import type {Model, Task} from '../../src/model/types.js'
import {demand, fixed, model, powersModel, relayModel as relayFixture, task, unit} from './fixtures.js'


function traced(m: Model, horizon = 250, warmup = 0, seed = 1): TraceEvent[] {
  const events: TraceEvent[] = []
  runReplication(m, {seed, horizon, warmup, trace: (e) => events.push(e)})
  return events
}

/** A compact form: time activity item/instance unit. */
const line = (e: TraceEvent) => `${e.time} ${e.activity} ${e.item}/${e.instance} ${e.unit}`
const ofItem = (events: TraceEvent[], item: number) => events.filter((e) => e.item === item).map(line)

/** The shared relay model with 500 residents per community (requests are traced too). */
const relayModel = (over: Partial<Task> = {}): Model => relayFixture(over, 500)


describe('trace: exact sequences', () => {
  it('a relayed instance: issued per item, relayed once at the street, then each target', () => {
    const ev = traced(relayModel()).filter((e) => e.instance === 0)
    expect(ev.map(line)).toEqual([
      '0 issued 0/0 d/civil',
      '0 issued 1/0 d/civil',
      '0.5 relayed -1/0 d/s',
      '0.5 queued 0/0 d/s/c1',
      '0.5 started 0/0 d/s/c1',
      '0.5 queued 1/0 d/s/c2',
      '0.5 started 1/0 d/s/c2',
      '2.5 completed 0/0 d/s/c1',
      '2.5 completed 1/0 d/s/c2',
    ])
    expect(new Set(ev.map((e) => e.source))).toEqual(new Set(['t']))
  })

  it('one item escalated under 属地管理: formal part, a hop at street and district, the resolver', () => {
    expect(ofItem(traced(powersModel()), 0)).toEqual([
      '0 issued 0/0 d/s',
      '0 queued 0/0 d/s/c',
      '0 started 0/0 d/s/c',
      '1 escalated 0/0 d/s',
      '1 queued 0/0 d/s',
      '1 started 0/0 d/s',
      '2 escalated 0/0 d',
      '2 queued 0/0 d',
      '2 started 0/0 d',
      '3 queued 0/0 d/urban',
      '3 started 0/0 d/urban',
      '7 completed 0/0 d/urban',
    ])
  })

  it('reports under split responsibility and summons under the whistle', () => {
    const split = ofItem(traced(powersModel({responsibility: 'split', reportEffort: fixed(0.5)})), 0)
    expect(split.slice(1, 4)).toEqual(['0 reported 0/0 d/s/c', '0 queued 0/0 d/s/c', '0 started 0/0 d/s/c'])
    expect(split.at(-1)).toBe('4.5 completed 0/0 d/urban')
    const whistle = ofItem(traced(powersModel({whistle: {from: ['community'], responseTime: {dist: 'fixed', value: 8}}})), 0)
    expect(whistle.filter((l) => l.includes('summoned'))).toHaveLength(1)
    expect(whistle.some((l) => l.includes('escalated'))).toBe(false)
  })

  it('an inspection is inspected at the inspected unit and at the inspector', () => {
    const ev = traced(relayModel({kind: 'inspection', category: 'safety'}))
    const item0 = ofItem(ev, 0)
    expect(item0[0]).toBe('0 issued 0/0 d/civil')
    expect(item0).toContain('0 inspected 0/0 d/s/c1')
    expect(item0.filter((l) => l.includes('inspected') && l.endsWith(' d/civil'))).toHaveLength(1)
    expect(item0.at(-1)).toMatch(/ completed 0\/0 d\/s\/c1$/)
    expect(ev.some((e) => e.activity === 'relayed')).toBe(false)
  })

  it('an abolished gate rejects each item where it is refused', () => {
    const ev = traced(relayModel({gate: {tier: 'community', leakage: 0, otherwise: 'abolish'}}))
    expect(ofItem(ev, 0)).toEqual(['0 issued 0/0 d/civil', '0.5 rejected 0/0 d/s/c1'])
  })

  it('a returned item is returned, then queued, started and completed at the issuer', () => {
    const ev = traced(relayModel({gate: {tier: 'community', leakage: 0, otherwise: 'return'}}))
    expect(ofItem(ev, 1)).toEqual([
      '0 issued 1/0 d/civil',
      '0.5 returned 1/0 d/s/c2',
      '0.5 queued 1/0 d/civil',
      '2.5 started 1/0 d/civil',
      '4.5 completed 1/0 d/civil',
    ])
  })

  it('a resident request has no instance and starts where it is raised', () => {
    const m = relayModel()
    m.tasks = []
    m.demand = [demand('req', {at: 'community', perResidentHour: 0.001})]
    const ev = traced(m, 100)
    const first = ev.filter((e) => e.item === ev[0].item)
    expect(first.map((e) => e.activity)).toEqual(['issued', 'queued', 'started', 'completed'])
    expect(first.every((e) => e.instance === -1 && e.source === 'req' && e.unit === first[0].unit)).toBe(true)
    expect(first[3].time - first[2].time).toBe(1)
  })
})

/** Random efforts, Poisson arrivals, a gate, escalation and demand together. */
function busyModel(): Model {
  const m = powersModel()
  m.units.push(unit('d/s/c2', {kind: 'community', tier: 'community', parent: 'd/s', residents: 800}))
  m.tasks = [
    task('t', {issuers: ['d/s'], arrival: {type: 'poisson', perHour: 0.3}, effort: {dist: 'exp', mean: 0.8}, needs: ['enforce']}),
    task('g', {issuers: ['d/urban'], arrival: {type: 'poisson', perHour: 0.2}, effort: {dist: 'exp', mean: 0.5}, gate: {tier: 'community', leakage: 0.5, otherwise: 'abolish'}}),
    task('i', {issuers: ['d'], kind: 'inspection', arrival: {type: 'periodic', every: 30}, effort: fixed(1)}),
    task('n', {issuers: ['d/s'], arrival: {type: 'poisson', perHour: 0.05}, effort: fixed(1), needs: ['absent']}),
  ]
  m.demand = [demand('r', {perResidentHour: 0.0005, effort: {dist: 'exp', mean: 1}})]
  return m
}

describe('trace: consistency with the replication result', () => {
  const options = {seed: 7, horizon: 600, warmup: 100}
  const events: TraceEvent[] = []
  const withTrace = runReplication(busyModel(), {...options, trace: (e) => events.push(e)})

  it('does not change the result', () => {
    expect(JSON.stringify(runReplication(busyModel(), options))).toBe(JSON.stringify(withTrace))
  })

  it('counts issued and terminal events as the result counts items', () => {
    const count = (a: string) => events.filter((e) => e.activity === a).length
    expect(count('issued')).toBe(withTrace.items.generated)
    expect(count('completed')).toBe(withTrace.items.completed)
    expect(count('rejected')).toBe(withTrace.items.rejected)
    expect(count('unresolved')).toBe(withTrace.items.unresolved)
    expect(withTrace.items.completed * withTrace.items.rejected * withTrace.items.unresolved * withTrace.items.open).toBeGreaterThan(0)
  })

  it('ends every item with at most one terminal event; the rest are open', () => {
    const terminal = new Map<number, number>()
    for (const e of events) if (['completed', 'rejected', 'unresolved'].includes(e.activity)) terminal.set(e.item, (terminal.get(e.item) ?? 0) + 1)
    expect([...terminal.values()].every((n) => n === 1)).toBe(true)
    const issued = new Set(events.filter((e) => e.activity === 'issued').map((e) => e.item))
    expect(issued.size).toBe(withTrace.items.generated)
    expect([...issued].filter((i) => !terminal.has(i)).length).toBe(withTrace.items.open)
  })

  it('emits in time order, only for items born after the warm-up', () => {
    expect(events.every((e, k) => k === 0 || e.time >= events[k - 1].time)).toBe(true)
    expect(events[0].time).toBeGreaterThanOrEqual(100)
  })

  it('gives the same events when stepped live', () => {
    const live: TraceEvent[] = []
    const sim = createSimulation(busyModel(), {...options, trace: (e) => live.push(e)})
    while (sim.now < options.horizon) sim.advance(37)
    expect(live).toEqual(events)
  })
})
