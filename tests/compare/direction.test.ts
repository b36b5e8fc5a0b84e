// Direction tests: each reform, applied to a shipped model, moves the metrics the way the
// reform is meant to. Few replications and short horizons keep this fast; the runs are
// seeded, so the outcome is deterministic.
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {compareRuns, getMetric} from '../../src/compare/index.js'
import type {MetricRow} from '../../src/compare/index.js'
import {loadModelSync} from '../../src/model/load.js'
import type {Model} from '../../src/model/types.js'
import {applyReforms} from '../../src/reforms/index.js'
import type {ReformSpec} from '../../src/reforms/index.js'
import {loadScenarioSync} from '../../src/scenario/load.js'
import {simulateModel} from '../../src/sim/index.js'
import type {FlowSummary} from '../../src/sim/api.js'

const root = join(import.meta.dirname, '..', '..')
const SIM = {seed: 7, replications: 4, horizon: 1000, workers: 1}

async function baseline(model: string) {
  const m = loadModelSync(join(root, 'models', `${model}.yaml`)).model
  return {model: m, summary: await simulateModel(m, SIM)}
}

async function compare(base: {model: Model; summary: FlowSummary}, scenario: Model, ids: string[]): Promise<Record<string, MetricRow>> {
  const s = await simulateModel(scenario, SIM)
  const rows = compareRuns({model: base.model, runs: base.summary.runs}, {model: scenario, runs: s.runs}, ids.map((id) => getMetric(id)!))
  return Object.fromEntries(rows.map((r) => [r.id, r]))
}

const shipped = (model: string, name: string) => loadScenarioSync(join(root, 'scenarios', model, `${name}.yaml`)).model

describe('reform directions on the classroom model', () => {
  let base: {model: Model; summary: FlowSummary}
  beforeAll(async () => {
    base = await baseline('classroom')
  })
  const reformed = (reforms: ReformSpec[]) => applyReforms(base.model, reforms).model

  it('the access catalogue lowers community utilisation and raises the issuing departments’ load', async () => {
    const scenario = shipped('classroom', 'access-catalogue')
    const r = await compare(base, scenario, ['community.utilisation', 'department.utilisation'])
    expect(r['community.utilisation'].change).toBeLessThan(-0.2)
    expect(r['community.utilisation'].significant).toBe(true)
    expect(r['department.utilisation'].change).toBeGreaterThan(0)
    // The departments whose tasks were gated do the returned work: their busy hours rise.
    const issuers = new Set(scenario.tasks.filter((t) => t.gate).flatMap((t) => t.issuers).filter((id) => scenario.units.find((u) => u.id === id)?.kind === 'department'))
    const busy = (runs: FlowSummary['runs']) => runs.map((run) => run.units.filter((u) => issuers.has(u.id)).reduce((a, u) => a + u.busyHours, 0))
    const after = busy((await simulateModel(scenario, SIM)).runs)
    const before = busy(base.summary.runs)
    after.forEach((h, i) => expect(h).toBeGreaterThan(before[i]))
  })

  it('flattening removes the relay hop and shortens lead time', async () => {
    const r = await compare(base, shipped('classroom', 'flatten'), ['relayHops', 'community.leadTime'])
    expect(r.relayHops.baseline).toBeGreaterThan(0.1)
    expect(r.relayHops.scenario).toBe(0)
    expect(r['community.leadTime'].change).toBeLessThan(0)
    expect(r['community.leadTime'].significant).toBe(true)
  })

  it('flattening shortens lead time by the hand-overs it removes, even with no staff moved', async () => {
    const r = await compare(base, reformed([{type: 'flatten', params: {tier: 'street', staffTo: 'none'}}]), ['community.leadTime'])
    // One relay and its hand-over (half a working day on average) fewer on each relayed item:
    // about a fifth of the items ending at the community.
    expect(r['community.leadTime'].change).toBeLessThan(-1)
    expect(r['community.leadTime'].significant).toBe(true)
  })

  it('data sharing cuts duplicate household contacts', async () => {
    const r = await compare(base, shipped('classroom', 'data-sharing'), ['duplicates.contacts'])
    expect(r['duplicates.contacts'].baseline).toBeGreaterThan(1000)
    expect(r['duplicates.contacts'].scenario).toBeLessThan(r['duplicates.contacts'].baseline / 10)
  })

  it('the whistle shortens the time to resolve requests when departments report promptly', async () => {
    const r = await compare(base, reformed([{type: 'whistle', params: {responseTime: '30m'}}]), ['requests.meanTimeToResolve', 'escalations', 'summons'])
    expect(r['requests.meanTimeToResolve'].change).toBeLessThan(0)
    // Only items no territory can hand to a holder (the vertically managed fire brigade's)
    // still climb the chain: there is nobody to summon for them.
    expect(r.escalations.scenario).toBeGreaterThan(0)
    expect(r.escalations.scenario).toBeLessThan(r.escalations.baseline / 20)
    expect(r.summons.scenario).toBeGreaterThan(0)
  })

  it('the whistle with its default one-day response beats the chain of hand-overs even where streets are idle', async () => {
    const r = await compare(base, reformed([{type: 'whistle'}]), ['requests.meanTimeToResolve', 'street.utilisation', 'pingPong'])
    // The streets are lightly loaded: escalation is slow for the hand-overs, not for queues.
    expect(r['street.utilisation'].baseline).toBeLessThan(0.5)
    expect(r['requests.meanTimeToResolve'].change).toBeLessThan(0)
    expect(r['requests.meanTimeToResolve'].significant).toBe(true)
    // A summoned department is named by the summons: no buck-passing over it.
    expect(r.pingPong.scenario).toBeLessThan(r.pingPong.baseline)
  })

  it('a responsibility list ends buck-passing over contested items and resolves them sooner', async () => {
    const r = await compare(base, shipped('classroom', 'responsibility-list'), ['pingPong', 'requests.meanTimeToResolve', 'arbitrationShare'])
    expect(r.pingPong.baseline).toBeGreaterThan(10)
    expect(r.pingPong.scenario).toBe(0)
    expect(r.arbitrationShare.scenario).toBe(0)
    expect(r['requests.meanTimeToResolve'].change).toBeLessThan(0)
  })

  it('hotline dispatch sends requests straight to the unit that can act: fewer refusals, faster resolution', async () => {
    const r = await compare(base, shipped('classroom', 'hotline-dispatch'), ['pingPong', 'requests.meanTimeToResolve', 'escalations', 'timeSplit.service'])
    expect(r.pingPong.scenario).toBeLessThan(r.pingPong.baseline)
    expect(r['requests.meanTimeToResolve'].change).toBeLessThan(0)
    expect(r['requests.meanTimeToResolve'].significant).toBe(true)
    expect(r.escalations.scenario).toBeLessThan(r.escalations.baseline)
    // Requests no longer pass through the community desk.
    expect(r['timeSplit.service'].change).toBeLessThan(0)
  })

  it('the responsibility split ends escalation, resolves requests sooner, raises alignment and cuts unresolved items', async () => {
    const r = await compare(base, shipped('classroom', 'responsibility-split'), ['escalations', 'requests.meanTimeToResolve', 'items.unresolved', 'alignment'])
    expect(r.escalations.baseline).toBeGreaterThan(0)
    expect(r.escalations.scenario).toBe(0)
    expect(r['requests.meanTimeToResolve'].change).toBeLessThan(0)
    // Fire hazards need the vertically managed fire brigade: unreachable up the territorial
    // chain (unresolved today), reached through its line under the split.
    expect(r['items.unresolved'].baseline).toBeGreaterThan(0)
    expect(r['items.unresolved'].scenario).toBe(0)
    expect(r.alignment.change).toBeGreaterThan(0)
  })

  it('inspection caps raise the community’s resident-service share', async () => {
    const r = await compare(base, shipped('classroom', 'inspection-cap'), ['timeSplit.service', 'timeSplit.inspection'])
    expect(r['timeSplit.service'].change).toBeGreaterThan(0)
    expect(r['timeSplit.inspection'].change).toBeLessThan(0)
  })

  it('merging communities lowers waits at equal total staff (pooling)', async () => {
    const merged = shipped('classroom', 'merge')
    const staff = (m: Model) => m.units.filter((u) => u.tier === 'community').reduce((a, u) => a + u.staff, 0)
    expect(staff(merged)).toBe(staff(base.model))
    const r = await compare(base, merged, ['community.wait'])
    expect(r['community.wait'].change).toBeLessThan(0)
    expect(r['community.wait'].significant).toBe(true)
  })

  it('merging lowers waits from pooling alone, with the same work arriving', async () => {
    // Tasks reach each unit once, so merged units also get fewer task instances. Resident
    // demand alone scales with the residents pooled: the same hours, the same staff.
    const demandOnly = structuredClone(base.model)
    demandOnly.tasks = []
    demandOnly.demand = demandOnly.demand.map((d) => ({...d, perResidentHour: d.perResidentHour * 6}))
    const before = {model: demandOnly, summary: await simulateModel(demandOnly, SIM)}
    const merged = applyReforms(demandOnly, [{type: 'merge', params: {size: 3}}]).model
    const r = await compare(before, merged, ['community.wait', 'community.utilisation'])
    expect(Math.abs(r['community.utilisation'].change)).toBeLessThan(0.05)
    expect(r['community.wait'].change).toBeLessThan(0)
    expect(r['community.wait'].significant).toBe(true)
  })

  it('sinking staff lowers community utilisation and raises the departments’', async () => {
    const r = await compare(base, shipped('classroom', 'sink-staff'), ['community.utilisation', 'department.utilisation'])
    expect(r['community.utilisation'].change).toBeLessThan(0)
    expect(r['department.utilisation'].change).toBeGreaterThan(0)
  })
})

describe('reform directions on the Shenzhen funnel', () => {
  it('flattening removes the street relay on the large model too', async () => {
    const base = loadModelSync(join(root, 'models', 'shenzhen-funnel.yaml')).model
    const sim = {...SIM, replications: 2, horizon: 300}
    const b = await simulateModel(base, sim)
    const flat = shipped('shenzhen-funnel', 'flatten')
    const s = await simulateModel(flat, sim)
    const [hops] = compareRuns({model: base, runs: b.runs}, {model: flat, runs: s.runs}, [getMetric('relayHops')!])
    expect(hops.baseline).toBeGreaterThan(0.2)
    expect(hops.scenario).toBeLessThan(0.05)
  })
})
