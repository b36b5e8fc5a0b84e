import {describe, expect, it} from 'vitest'
import {DEFAULT_METRICS} from '../../src/compare/index.js'
import {loadModel} from '../../src/model/load.js'
import type {Model} from '../../src/model/types.js'
import {assembleReport, tierLoad} from '../../src/report/assemble.js'
import {compareFlows} from '../../src/report/compare-flows.js'
import type {FlowSummary, ReplicationResult} from '../../src/sim/api.js'

// Two communities (staff 2 and 6) and a street; runs built by hand so every number is known.
const model = {
  units: [
    {id: 's', name: 'S', kind: 'street', tier: 'street', staff: 4},
    {id: 'c1', name: 'C1', kind: 'community', tier: 'community', staff: 2},
    {id: 'c2', name: 'C2', kind: 'community', tier: 'community', staff: 6},
  ],
  kinds: [],
} as unknown as Model

function run(seed: number, completed: number, util: [number, number, number], inspection: number): ReplicationResult {
  return {
    seed, warmup: 0, events: 0, overdue: 0,
    items: {generated: 100, completed, rejected: 0, unresolved: 0, open: 100 - completed},
    units: util.map((u, i) => ({id: model.units[i].id, utilisation: u, meanWait: 0, p95LeadTime: 0, backlog: 0, arrived: 0, served: 0, busyHours: 0,
      waitHours: 0, started: 0, meanSojourn: 0, meanInSystem: 0, itemsEnded: 0, meanLeadTime: 0})),
    duplicates: {duplicateContacts: 0},
    timeSplit: {service: 1 - inspection, admin: 0, inspection},
    communityHours: {service: 0, admin: 0, inspection: 0},
    requests: {raised: 0, resolved: 0, resolutionRate: 1, meanTimeToResolve: 0, p90TimeToResolve: 0, meanHops: 0},
    tasks: [],
  }
}
const flow = (runs: ReplicationResult[]) => ({runs}) as unknown as FlowSummary

describe('tierLoad', () => {
  it('weights utilisation by staff within the tier, per replication', () => {
    const runs = [run(1, 80, [0.5, 1, 0.6], 0.5), run(2, 80, [0.5, 0.5, 0.9], 0.5)]
    // (2·1 + 6·0.6)/8 = 0.7 and (2·0.5 + 6·0.9)/8 = 0.8.
    const e = tierLoad(model, runs, 'community')
    expect(e.mean).toBeCloseTo(0.75, 12)
    expect(e.n).toBe(2)
    expect(tierLoad(model, runs, 'street').mean).toBe(0.5)
  })
})

describe('compareFlows', () => {
  const base = flow([run(1, 80, [0.5, 1, 0.6], 0.5), run(2, 70, [0.5, 0.5, 0.9], 0.4), run(3, 75, [0.5, 0.8, 0.8], 0.45)])
  const reform = flow([run(1, 82, [0.5, 0.5, 0.5], 0.2), run(2, 73, [0.5, 0.5, 0.5], 0.1), run(3, 76, [0.5, 0.5, 0.5], 0.15)])
  // The structural metric (alignment) needs a whole model; the flow metrics are what is tested.
  const ids = DEFAULT_METRICS.filter((id) => id !== 'alignment')
  const rows = compareFlows(model, base, model, reform, ids)
  const row = (key: string) => rows.find((r) => r.key === key)!

  it('takes the difference run by run (common random numbers) and adds each side its own CI', () => {
    const completed = row('items.completed')
    // Paired differences 2, 3, 1: mean 2, sd 1, half-width t(0.975, 2)·1/√3 = 4.303/√3.
    expect(completed.diff.mean).toBe(2)
    expect(completed.diff.hi - completed.diff.mean).toBeCloseTo(4.303 / Math.sqrt(3), 9)
    expect(completed.significant).toBe(false)
    // Baseline 80, 70, 75: mean 75, sd 5.
    expect(completed.baseline.mean).toBe(75)
    expect(completed.baseline.hi - 75).toBeCloseTo((4.303 * 5) / Math.sqrt(3), 9)
    expect(completed).toMatchObject({better: 'higher', unit: 'count', label: {en: 'Items completed', zh: '办结事项'}})
  })

  it('judges the direction of a significant change', () => {
    const inspection = row('timeSplit.inspection')
    // −0.3 in every pair: sd 0, a zero-width CI that excludes zero.
    expect(inspection.diff.mean).toBeCloseTo(-0.3, 12)
    expect(inspection.significant).toBe(true)
    expect(inspection.better).toBe('lower')
    // Community utilisation: the mean over the tier's units, (1+0.6)/2, (0.5+0.9)/2, (0.8+0.8)/2,
    // averaged over runs: 2.3/3; the reform's is 0.5 throughout.
    expect(row('community.utilisation').baseline.mean).toBeCloseTo(2.3 / 3, 12)
    expect(row('community.utilisation').scenario.mean).toBeCloseTo(0.5, 12)
    // Admin time is zero on both sides here, so it is left out.
    expect(row('timeSplit.admin')).toBeUndefined()
  })

  it('leaves out metrics that are zero or missing on both sides', () => {
    const keys = rows.map((r) => r.key)
    expect(keys).not.toContain('items.rejected')
    expect(keys).not.toContain('duplicates.contacts')
    expect(keys).not.toContain('community.wait')
    expect(keys).toContain('items.open')
  })

  it('refuses runs that were not made on the same seeds', () => {
    const other = flow(reform.runs.map((r) => ({...r, seed: r.seed + 10})))
    expect(() => compareFlows(model, base, model, other, ids)).toThrow(/different seeds/)
  })
})

describe('assembleReport', () => {
  it('takes the funnel, structure and graph of a shipped model', async () => {
    const m = await loadModel('models/classroom.yaml')
    const data = assembleReport({model: m, scenarios: []})
    expect(data.funnel.map((f) => f.tier)).toEqual(['district', 'street', 'community', 'grid'])
    expect(data.funnel.every((f) => f.simulatedLoad === undefined)).toBe(true)
    expect(data.graph.nodes).toHaveLength(m.units.length)
    expect(data.model.staff).toBe(m.units.reduce((s, u) => s + u.staff, 0))
    expect(data.structure.depth).toBeGreaterThan(2)
    expect(data.flow).toBeUndefined()
  })
})
