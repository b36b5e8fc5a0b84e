import {describe, expect, it} from 'vitest'
import {NONNEGATIVE, SHARE, estimate, tQuantile975} from '../../src/metrics/flow/estimate.js'
import {nominalLoad} from '../../src/metrics/structure/load.js'
import {BINS, LogHistogram, binBounds, binOf} from '../../src/metrics/flow/quantile.js'
import {ranks, spearman, topOverlap} from '../../src/metrics/flow/spearman.js'
import {structuralCheck, summarise} from '../../src/metrics/flow/summarise.js'
import {DEFAULT_RULES} from '../../src/model/types.js'
import {replicationSeed} from '../../src/sim/prng.js'
import {runReplication} from '../../src/sim/replication.js'
import {model, mmc, task, unit} from './fixtures.js'

describe('estimates over replications', () => {
  it('gives mean, sample sd and a Student-t 95% interval', () => {
    const e = estimate([1, 2, 3, 4, 5])
    expect(e.mean).toBe(3)
    expect(e.sd).toBeCloseTo(Math.sqrt(2.5), 12)
    expect(e.hi - e.mean).toBeCloseTo(2.776 * Math.sqrt(2.5 / 5), 12)
    expect(e.lo).toBeCloseTo(3 - 1.96293, 4)
    expect(e.n).toBe(5)
  })

  it('handles one value and skips non-finite values', () => {
    expect(estimate([7])).toEqual({mean: 7, lo: 7, hi: 7, sd: 0, n: 1})
    expect(estimate([NaN, 2, 4]).n).toBe(2)
    expect(estimate([NaN]).n).toBe(0)
  })

  it("keeps the interval within the metric's range", () => {
    // Shares 0.9 and 1.0: mean 0.95, half-width 12.706 × 0.0707/√2 ≈ 0.635, clipped at 1.
    const share = estimate([0.9, 1], SHARE)
    expect(share.mean).toBeCloseTo(0.95, 12)
    expect(share.hi).toBe(1)
    expect(share.lo).toBeCloseTo(0.95 - 12.706 * (Math.sqrt(0.005) / Math.SQRT2), 9)
    expect(estimate([0, 1], NONNEGATIVE).lo).toBe(0)
    expect(estimate([0, 1]).lo).toBeLessThan(0)
  })

  it('uses t quantiles from the table and a close expansion beyond it', () => {
    expect(tQuantile975(1)).toBe(12.706)
    expect(tQuantile975(30)).toBe(2.042)
    expect(tQuantile975(40)).toBeCloseTo(2.021075, 3)
    expect(tQuantile975(120)).toBeCloseTo(1.97993, 3)
  })
})

describe('rank correlation', () => {
  it('is 1 for the same order, -1 for the reverse, and averages tied ranks', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12)
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12)
    expect(ranks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4])
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12)
    expect(spearman([1, 1], [1, 2])).toBeNaN()
  })

  it('measures the overlap of the top k', () => {
    expect(topOverlap([5, 4, 3, 2, 1, 0], [5, 4, 3, 2, 0, 1], 5)).toBe(4 / 5)
    expect(topOverlap([1, 2], [2, 1], 5)).toBe(1)
  })
})

describe('streaming quantiles', () => {
  it('estimates within the bin width and is exact for constant values', () => {
    const h = new LogHistogram()
    for (let v = 1; v <= 1000; v++) h.record(v)
    expect(Math.abs(h.quantile(0.95) - 950) / 950).toBeLessThan(0.022)
    expect(Math.abs(h.quantile(0.5) - 500) / 500).toBeLessThan(0.022)
    const c = new LogHistogram()
    for (let i = 0; i < 10; i++) c.record(2.5)
    expect(c.quantile(0.95)).toBe(2.5)
    expect(new LogHistogram().quantile(0.5)).toBeNaN()
  })

  it('keeps a fixed memory whatever the number of values', () => {
    const h = new LogHistogram()
    const size = h.counts.length
    for (let i = 0; i < 100_000; i++) h.record(i * 0.37)
    expect(h.counts.length).toBe(size)
    expect(h.n).toBe(100_000)
  })
})

describe('nominal load and the structural check', () => {
  const m = model({
    units: [
      unit('d', {kind: 'government', tier: 'district'}),
      unit('d/urban', {kind: 'department', tier: 'district', parent: 'd', powers: ['enforce'], staff: 2}),
      unit('d/s', {kind: 'street', tier: 'street', parent: 'd'}),
      unit('d/s/c', {kind: 'community', tier: 'community', parent: 'd/s'}),
    ],
    tasks: [
      task('t', {issuers: ['d'], effort: {dist: 'fixed', value: 4}, needs: ['enforce']}),
      task('g', {issuers: ['d/urban'], effort: {dist: 'exp', mean: 2}, gate: {tier: 'community', leakage: 0.25, otherwise: 'return'}}),
    ],
    rules: DEFAULT_RULES,
  })

  it('follows the same routes and plans as the engine, gates in expectation', () => {
    const byId = nominalLoad(m)
    const load = m.units.map((u) => byId.get(u.id)!)
    // t every 100 h: street relay 0.5; community formal part 1; escalation hops at the street
    // and the district 1 each; d/urban does the work, 4 (staff 2).
    // g every 100 h: street relay 0.5; community 2 × 0.25; back at d/urban 2 × 0.75.
    expect(load[2]).toBeCloseTo((0.5 + 1 + 0.5) / 100, 12)
    expect(load[3]).toBeCloseTo((1 + 0.5) / 100, 12)
    expect(load[0]).toBeCloseTo(1 / 100, 12)
    expect(load[1]).toBeCloseTo((4 + 1.5) / 100 / 2, 12)
  })

  it('ranks nominal load against simulated utilisation over loaded units', () => {
    expect(structuralCheck([0.1, 0.5, 0, 0.9], [0.12, 0.4, 0, 0.95])).toEqual({spearman: expect.closeTo(1, 12), topAgree: 1})
  })

  it('summarises runs into estimates, bottlenecks ranked by their share of waiting', () => {
    const mm = mmc(1, 0.8, 1)
    const runs = [0, 1, 2].map((r) => runReplication(mm, {seed: replicationSeed(3, r), horizon: 5000, warmup: 0}))
    const s = summarise(mm, runs, 3, {seed: 3, horizon: 5000, warmup: 0})
    expect(s.items.generated.n).toBe(3)
    expect(s.bottlenecks.map((b) => b.id)).toEqual(['c'])
    expect(s.bottlenecks[0].waitShare.mean).toBe(1)
    expect(s.units[0].utilisation.mean).toBeCloseTo(0.8, 1)
    expect(s.requests.raised.mean).toBe(s.items.generated.mean)
  })
})

describe('histogram bins', () => {
  it('puts each value inside its bin bounds', () => {
    for (const v of [0.004, 0.0039, 1, 1.0625, 1.07, 2.5, 3, 1000, 123456.7]) {
      const [lo, hi] = binBounds(binOf(v))
      expect(v >= lo && v < hi).toBe(true)
    }
    expect(binOf(0)).toBe(0)
    expect(binOf(2 ** 30)).toBe(BINS - 1)
  })
})
