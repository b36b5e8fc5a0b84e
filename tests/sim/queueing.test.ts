// Validation against queueing theory: Erlang C for M/M/1 and M/M/c, Jackson networks for a
// tandem of relays, and Little's law per unit. Each check uses the replications' own 95% CI
// (a single run's mean wait has a standard deviation of several per cent).
import {describe, expect, it} from 'vitest'
import {estimate} from '../../src/metrics/flow/estimate.js'
import {replicationSeed} from '../../src/sim/prng.js'
import {runReplication} from '../../src/sim/replication.js'
import type {ReplicationResult} from '../../src/sim/api.js'
import type {Model} from '../../src/model/types.js'
import {erlangCWait, mmc, tandem} from './fixtures.js'

function replicate(m: Model, n: number, horizon: number, warmup: number): ReplicationResult[] {
  return Array.from({length: n}, (_, r) => runReplication(m, {seed: replicationSeed(11, r), horizon, warmup}))
}

describe('single-unit queues match Erlang C', () => {
  const cases = [
    {c: 1, lambda: 0.8, mean: 1, horizon: 40_000},
    {c: 3, lambda: 2.4, mean: 1, horizon: 40_000},
    {c: 15, lambda: 13.5, mean: 1, horizon: 10_000},
  ]
  for (const {c, lambda, mean, horizon} of cases) {
    it(`M/M/${c} at utilisation ${((lambda * mean) / c).toFixed(2)}`, () => {
      const runs = replicate(mmc(c, lambda, mean), 12, horizon, 1_000)
      const wq = estimate(runs.map((r) => r.units[0].meanWait))
      const expected = erlangCWait(c, lambda, mean)
      expect(wq.lo).toBeLessThanOrEqual(expected)
      expect(wq.hi).toBeGreaterThanOrEqual(expected)
      expect(Math.abs(wq.mean - expected) / expected).toBeLessThan(0.1)
      const util = estimate(runs.map((r) => r.units[0].utilisation))
      expect(Math.abs(util.mean - (lambda * mean) / c)).toBeLessThan(0.01)
    })
  }

  it('gives Erlang C for 1 server: Wq = rho / (mu - lambda)', () => {
    expect(erlangCWait(1, 0.8, 1)).toBeCloseTo(4, 10)
  })
})

describe('a tandem of relays is a Jackson network', () => {
  it('has the sum of the M/M/1 sojourn times as item lead time', () => {
    // district and street relays (mean 1 h) then the community (mean 1.5 h), lambda 0.5/h:
    // 1/(1-0.5) + 1/(1-0.5) + 1/(1/1.5-0.5) = 2 + 2 + 6 = 10 h.
    const runs = replicate(tandem(0.5, 1, 1.5), 10, 40_000, 2_000)
    const lead = estimate(runs.map((r) => r.units[3].meanLeadTime))
    expect(lead.lo).toBeLessThanOrEqual(10)
    expect(lead.hi).toBeGreaterThanOrEqual(10)
    for (const [u, sojourn] of [[1, 2], [2, 2], [3, 6]] as const) {
      const s = estimate(runs.map((r) => r.units[u].meanSojourn))
      expect(Math.abs(s.mean - sojourn) / sojourn).toBeLessThan(0.08)
    }
    // The issuer only issues: no hours.
    expect(runs[0].units[0].busyHours).toBe(0)
  })
})

describe("Little's law", () => {
  it('holds per unit: time-average jobs present = arrival rate × mean sojourn', () => {
    const horizon = 100_000
    const run = runReplication(tandem(0.5, 1, 1.5), {seed: 5, horizon, warmup: 0})
    for (const u of run.units.slice(1)) {
      const lambda = u.arrived / horizon
      expect(u.meanInSystem).toBeGreaterThan(0)
      expect(Math.abs(u.meanInSystem - lambda * u.meanSojourn) / u.meanInSystem).toBeLessThan(0.01)
    }
  })

  it('holds on an overloaded unit once the jobs still present are accounted for', () => {
    const horizon = 5_000
    const run = runReplication(mmc(1, 1.2, 1), {seed: 3, horizon, warmup: 0})
    const u = run.units[0]
    expect(u.backlog).toBeGreaterThan(100)
    // Jobs served contributed their whole sojourn; the rest of the area belongs to jobs still there.
    expect(u.meanInSystem * horizon).toBeGreaterThan(u.served * u.meanSojourn)
  })
})
