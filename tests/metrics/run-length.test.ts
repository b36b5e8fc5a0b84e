// Run length by hand: the relaxation time of a queue, the plan it gives (warm-up and
// replications), the skewness-corrected interval, the run-length warnings that never repeat an
// overloaded unit's cause, and the tasks shown under a bottleneck.
import {describe, expect, it} from 'vitest'
import {flowWarnings} from '../../src/metrics/flow/warnings.js'
import {meanInterval} from '../../src/metrics/flow/estimate.js'
import {topTasksOf} from '../../src/metrics/flow/top-tasks.js'
import {relaxationTime, slowestQueue, unitRelaxations} from '../../src/metrics/structure/relaxation.js'
import {structureWarnings} from '../../src/cli/structure-warnings.js'
import {planRun, simulateModel} from '../../src/sim/index.js'
import {meanSeriesWarmup} from '../../src/sim/warmup.js'
import {demand, mmc, model, unit} from '../sim/fixtures.js'

const TAU_09 = 1 / (1 - Math.sqrt(0.9)) ** 2 // 379.74 h: M/M/1 at ρ = 0.9, service 1 h

describe('relaxation time τ = s / (c (1 − √ρ)²)', () => {
  it('is exact by hand for M/M/1 and M/M/c, infinite at ρ ≥ 1, 0 without work', () => {
    expect(relaxationTime(0.9, 1, 1)).toBeCloseTo(379.7367, 3)
    // √0.81 = 0.9: 2 / (4 × 0.01) = 50 h.
    expect(relaxationTime(0.81, 2, 4)).toBeCloseTo(50, 9)
    expect(relaxationTime(1, 1, 1)).toBe(Infinity)
    expect(relaxationTime(0, 1, 1)).toBe(0)
    expect(relaxationTime(0.5, 1, 0)).toBe(0)
  })

  it('reads load, mean job length and staff from the structure; the slowest queue lies in (0.5, 1)', () => {
    // 0.9 jobs an hour of 2 h on 3 staff: load 0.6, s = 2, τ = 2 / (3 (1 − √0.6)²).
    const [r] = unitRelaxations(mmc(3, 0.9, 2))
    expect(r).toMatchObject({id: 'c', staff: 3})
    expect(r.load).toBeCloseTo(0.6, 9)
    expect(r.service).toBeCloseTo(2, 9)
    expect(r.hours).toBeCloseTo(2 / (3 * (1 - Math.sqrt(0.6)) ** 2), 9)
    expect(slowestQueue(mmc(1, 0.4, 1), 0.5)).toBeUndefined()
    expect(slowestQueue(mmc(1, 1.2, 1), 0.5)).toBeUndefined()
    const two = model({
      units: [unit('a', {kind: 'community', tier: 'community', staff: 1, residents: 1000}), unit('b', {kind: 'community', tier: 'community', staff: 1, residents: 1000})],
      demand: [demand('d', {perResidentHour: 0.0008})],
    })
    // Both at load 0.8 with 1 h jobs: the first in model order of equal τ.
    expect(slowestQueue(two, 0.5)).toMatchObject({id: 'a'})
  })
})

describe('the run plan', () => {
  const m = mmc(1, 0.9, 1)

  it('warms up 2τ, at most half the horizon, and adds replications for 100τ within the cap and the budget', () => {
    const p = planRun([m], {horizon: 2000, warmup: 'auto'})
    expect(p.warmup).toBeCloseTo(2 * TAU_09, 9)
    expect(p.replications).toBe(31)
    expect(planRun([m], {horizon: 1000, warmup: 'auto'}).warmup).toBe(500)
    // The budget allows 20: 20, still chosen for the queue; it allows 5: the default 10.
    expect(planRun([m], {horizon: 2000, warmup: 'auto', maxReplications: 20})).toMatchObject({replications: 20, replicationsChoice: {method: 'relaxation'}})
    expect(planRun([m], {horizon: 2000, warmup: 'auto', maxReplications: 5})).toMatchObject({replications: 10, replicationsChoice: {method: 'default'}})
  })

  it('keeps what is given and says so', () => {
    const fixed = planRun([m], {horizon: 2000, warmup: 100, replications: 4})
    expect(fixed).toMatchObject({warmup: 100, replications: 4, warmupChoice: {method: 'fixed'}, replicationsChoice: {method: 'fixed', unit: 'c'}})
    expect(fixed.replicationsChoice.relaxations).toBeCloseTo((4 * 1900) / TAU_09, 9)
    // A given warm-up of 100 h: 100τ over 1,900 h windows needs ⌈19.97⌉ = 20 replications.
    expect(planRun([m], {horizon: 2000, warmup: 100}).replications).toBe(20)
  })

  it('needs no warm-up when no queue has a steady state to reach', () => {
    expect(planRun([mmc(1, 0.4, 1)], {horizon: 2000, warmup: 'auto'})).toMatchObject({warmup: 0, replications: 10, warmupChoice: {method: 'light-load'}, replicationsChoice: {method: 'default'}})
    expect(planRun([mmc(1, 1.2, 1)], {horizon: 2000, warmup: 'auto'})).toMatchObject({warmup: 0, replications: 10, warmupChoice: {method: 'overloaded'}})
  })

  it('plans compared models together on the slowest queue of all', () => {
    const p = planRun([mmc(1, 0.4, 1), m], {horizon: 2000, warmup: 'auto'})
    expect(p.warmupChoice).toMatchObject({method: 'relaxation', unit: 'c'})
    expect(p.warmup).toBeCloseTo(2 * TAU_09, 9)
  })
})

describe('--warmup mser: MSER-5 on the mean pilot series', () => {
  it('truncates the mean of the replications, not each one', () => {
    const pilot = (head: number[], tail: number[]) => ({inSystem: [...head, ...tail], step: 2, warmup: 0, limited: false})
    // Means [10 ×5, 1 ×15]: batch means 10, 1, 1, 1; dropping the first batch leaves no spread: 5 samples of 2 h.
    const a = pilot([9, 9, 9, 9, 9], Array(15).fill(0.5))
    const b = pilot([11, 11, 11, 11, 11], Array(15).fill(1.5))
    expect(meanSeriesWarmup([a, b])).toEqual({warmup: 10, limited: false})
    expect(meanSeriesWarmup([])).toEqual({warmup: 0, limited: false})
  })
})

describe('the skewness-corrected interval (Hall 1992)', () => {
  it('is Student t below ten values and without skewness', () => {
    const i = meanInterval([1, 2, 3, 4, 5])
    // mean 3, sd √2.5, t(4) = 2.776.
    expect(i.lo).toBeCloseTo(3 - (2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 9)
    const sym = meanInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(sym.skewness).toBeCloseTo(0, 12)
    expect(sym.hi).toBeCloseTo(5.5 + (2.262 * Math.sqrt(110 / 12)) / Math.sqrt(10), 9)
  })

  it('leans towards the long tail: nine zeros and a ten', () => {
    // mean 1, sd √10, skewness 2.2768; by hand with t(9) = 2.262: [−0.5200, 8.8926] (t: [−1.262, 3.262]).
    const i = meanInterval([0, 0, 0, 0, 0, 0, 0, 0, 0, 10])
    expect(i.skewness).toBeCloseTo(2.276840, 5)
    expect(i.lo).toBeCloseTo(-0.520041, 5)
    expect(i.hi).toBeCloseTo(8.892575, 5)
  })
})

describe('run-length warnings next to the structure warnings', () => {
  it('leave an overloaded unit to its `overloaded` warning', async () => {
    const over = mmc(1, 1.2, 1)
    expect(structureWarnings(over).map((w) => w.code)).toEqual(['overloaded'])
    const s = await simulateModel(over, {seed: 1, replications: 2, horizon: 400, warmup: 'auto', workers: 1})
    // Its backlog makes open items far above 5%, yet the cause has its warning already.
    expect(s.items.open.mean).toBeGreaterThan(0.05 * s.items.generated.mean)
    expect(flowWarnings(over, s)).toEqual([])
  })

  it('warn of a short run at a unit above 0.9 and name the replications it needs', async () => {
    const hot = mmc(1, 0.95, 1)
    const s = await simulateModel(hot, {seed: 1, replications: 2, horizon: 400, warmup: 0, workers: 1})
    const codes = flowWarnings(hot, s).map((w) => w.code)
    expect(codes).toContain('short-run')
    const short = flowWarnings(hot, s, 'zh').find((w) => w.code === 'short-run')!
    expect(short.unit).toBe('c')
    expect(short.hint).toMatch(/^用 --replications \d+/)
  })
})

describe('the tasks that load a bottleneck most', () => {
  it('are its nominal hours a year by task or request type, largest first', () => {
    const m = model({
      units: [unit('c', {kind: 'community', tier: 'community', staff: 2, residents: 1000})],
      demand: [
        demand('small', {perResidentHour: 0.0001, effort: {dist: 'fixed', value: 1}}),
        demand('big', {perResidentHour: 0.0001, effort: {dist: 'fixed', value: 3}}),
        demand('mid', {perResidentHour: 0.0002, effort: {dist: 'fixed', value: 1}}),
      ],
    })
    // 0.1 an hour × 2,000 h × 3 h = 600; 0.2 × 2,000 × 1 = 400; 0.1 × 2,000 × 1 = 200.
    const top = topTasksOf(m, ['c']).get('c')!
    expect(top.map((t) => t.id)).toEqual(['big', 'mid', 'small'])
    expect(top.map((t) => t.hours)).toEqual([600, 400, 200].map((h) => expect.closeTo(h, 6)))
    expect(topTasksOf(m, ['c'], 2).get('c')).toHaveLength(2)
  })
})
