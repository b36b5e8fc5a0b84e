// Run length on an M/M/1 queue at ρ = 0.9: the default run (`--warmup auto`, replications
// left to the plan) has a 95% interval covering the Erlang C wait for at least 34 of 40 seeds
// (issue 10). The plan reads the queue's relaxation time τ = 1 / (1 − √0.9)² ≈ 379.7 h: the
// warm-up is 2τ and the replications observe 100τ in all (docs/metrics.md, *Run length*).
import {describe, expect, it} from 'vitest'
import {planRun, simulateModel} from '../../src/sim/index.js'
import {erlangCWait, mmc} from './fixtures.js'

describe('run length: the default run on M/M/1 at ρ = 0.9', () => {
  const model = mmc(1, 0.9, 1)
  const truth = erlangCWait(1, 0.9, 1)
  const tau = 1 / (1 - Math.sqrt(0.9)) ** 2

  it('plans a warm-up of two relaxation times and replications for 100 of them', () => {
    const plan = planRun([model], {horizon: 2000, warmup: 'auto'})
    expect(plan.warmup).toBeCloseTo(2 * tau, 9)
    // 100 τ over windows of 2000 − 2τ ≈ 1241 h: 30.6, so 31 replications.
    expect(plan.replications).toBe(31)
    expect(plan.replicationsChoice).toMatchObject({method: 'relaxation', unit: 'c'})
    expect(plan.replicationsChoice.relaxations).toBeCloseTo((31 * (2000 - 2 * tau)) / tau, 9)
    expect(plan.warmupChoice).toMatchObject({method: 'relaxation', unit: 'c'})
    expect(plan.warmupChoice.relaxation).toBeCloseTo(tau, 9)
  })

  it('covers the Erlang C wait in at least 34 of 40 seeds', async () => {
    expect(truth).toBeCloseTo(9, 12)
    let covered = 0
    let sum = 0
    let replications = 0
    for (let seed = 1; seed <= 40; seed++) {
      const s = await simulateModel(model, {seed, warmup: 'auto', workers: 1})
      const w = s.units[0].meanWait
      if (w.lo <= truth && truth <= w.hi) covered++
      sum += w.mean * s.replications
      replications += s.replications
    }
    console.log(`M/M/1 rho 0.9, default run over 40 seeds: ${covered}/40 covered, mean wait ${(sum / replications).toFixed(2)} h (Erlang C 9 h)`)
    expect(covered).toBeGreaterThanOrEqual(34)
    // 1,240 replications: the pooled mean's standard error is about 0.13 h; the warm-up leaves no visible bias.
    expect(Math.abs(sum / replications - truth)).toBeLessThan(0.4)
  }, 300_000)
})
