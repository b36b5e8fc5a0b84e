// Bottleneck score, ranking and group aggregates on hand-made replication results.
import {describe, expect, it} from 'vitest'
import {bottleneckScore, loadWeight, rankBottlenecks} from '../../src/metrics/flow/bottlenecks.js'
import {replicaGroups, replicaPattern, tierAggregates} from '../../src/metrics/flow/groups.js'
import {summarise} from '../../src/metrics/flow/summarise.js'
import type {ReplicationResult, UnitRun} from '../../src/sim/api.js'
import {model, unit} from '../sim/fixtures.js'

function unitRun(id: string, utilisation: number, waitHours: number, started: number, lead = 0, ended = 0): UnitRun {
  return {
    id, utilisation, meanWait: started > 0 ? waitHours / started : 0, p95LeadTime: NaN, backlog: 0, arrived: started, served: started,
    busyHours: 0, waitHours, started, meanSojourn: 0, meanInSystem: 0, itemsEnded: ended, meanLeadTime: ended > 0 ? lead / ended : NaN,
  }
}

function result(units: UnitRun[]): ReplicationResult {
  return {
    seed: 1, warmup: 0, events: 0, items: {generated: 0, completed: 0, rejected: 0, unresolved: 0, open: 0}, overdue: 0, units, duplicates: {},
    timeSplit: {service: 0, admin: 0, inspection: 0}, communityHours: {service: 0, admin: 0, inspection: 0},
    requests: {raised: 0, resolved: 0, resolutionRate: 0, meanTimeToResolve: NaN, p90TimeToResolve: NaN, meanHops: 0},
    tasks: [],
  }
}

// A district office at 30% with long waits; four communities at 85% with moderate waits; a
// street at 65%; a grid at 95% whose waits are 0.5% of lead time. Items' lead time: 2,000 h.
const m = model({
  units: [
    unit('d', {kind: 'government', tier: 'district', staff: 2}),
    unit('d/s', {kind: 'street', tier: 'street', parent: 'd', staff: 4}),
    ...[1, 2, 3, 4].map((n) => unit(`d/s/c-${n}`, {kind: 'community', tier: 'community', parent: 'd/s', staff: 10})),
    unit('d/s/g', {kind: 'grid', tier: 'grid', parent: 'd/s'}),
    unit('d/dept', {kind: 'department', parent: 'd', staff: 6}),
  ],
})
const run = result([
  unitRun('d', 0.3, 500, 10),
  unitRun('d/s', 0.65, 600, 100),
  ...[1, 2, 3, 4].map((n) => unitRun(`d/s/c-${n}`, 0.85, 100, 50, 500, 100)),
  unitRun('d/s/g', 0.95, 10, 10),
  unitRun('d/dept', 0.4, 0, 5),
])

describe('bottleneck score', () => {
  it('weights the share of delay by load: 0 below 50%, linear to 1 at 80%', () => {
    expect(loadWeight(0.5)).toBe(0)
    expect(loadWeight(0.65)).toBeCloseTo(0.5, 12)
    expect(loadWeight(0.8)).toBe(1)
    expect(bottleneckScore(0.9, 0.2)).toBe(0.2)
    expect(bottleneckScore(0.95, 0.009)).toBe(0)
  })

  it('never ranks a lightly loaded unit with long waits above a loaded tier', () => {
    const ranked = rankBottlenecks(summarise(m, [run], 1, {seed: 1, horizon: 100, warmup: 0}).units, [run])
    // Shares of the 2,000 lead-time hours: street 0.3 × weight 0.5 = 0.15; each community 0.05.
    // The district office waits 25% of lead time at 30% utilisation: score 0, not listed.
    expect(ranked.map((b) => b.id)).toEqual(['d/s', 'd/s/c-1', 'd/s/c-2', 'd/s/c-3', 'd/s/c-4'])
    expect(ranked[0].score.mean).toBeCloseTo(0.15, 12)
    expect(ranked[1].leadShare.mean).toBeCloseTo(0.05, 12)
    expect(ranked[1].meanWait.mean).toBe(2)
    // The former key keeps its meaning: share of all 1,510 waiting hours.
    expect(ranked[1].waitShare.mean).toBeCloseTo(100 / 1510, 12)
  })

  it('sums up replicas of one entry, so a loaded tier shows as one group', () => {
    expect(replicaPattern('district-2/street-3/community-7')).toBe('district-*/street-*/community-*')
    const [g] = replicaGroups(m, [run])
    expect(g.key).toBe('d/s/c-*')
    expect(g.units).toBe(4)
    expect(g.leadShare.mean).toBeCloseTo(0.2, 12)
    expect(g.score.mean).toBeCloseTo(0.2, 12)
    expect(g.utilisation.mean.mean).toBeCloseTo(0.85, 12)
    expect(g.utilisation.above90.mean).toBe(0)
  })

  it('counts every unit in a tier: an untiered department in its territory’s, staff adding up', () => {
    const tiers = tierAggregates(m, [run])
    expect(tiers.map((t) => [t.key, t.units, t.staff])).toEqual([['district', 2, 8], ['street', 1, 4], ['community', 4, 40], ['grid', 1, 1]])
    // District: staff-weighted (2 × 0.3 + 6 × 0.4) / 8; mean wait (500 + 0) / 15 jobs.
    expect(tiers[0].utilisation.mean.mean).toBeCloseTo(0.375, 12)
    expect(tiers[0].meanWait.mean).toBeCloseTo(500 / 15, 12)
    expect(tiers[0].utilisation.max.mean).toBe(0.4)
  })
})
