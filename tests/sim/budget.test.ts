// Budgets before a run (items and events estimated from rates, fan-out, plan stages, horizon
// and replications) and the live-job bound during it.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {BudgetError, RunawayError, checkBudget, compileModel, estimateBudget, runCompiled, simulateModel} from '../../src/sim/index.js'
import {explainRunError} from '../../src/cli/run-errors.js'
import {UserError} from '../../src/cli/output.js'
import {ROOT} from '../helpers/run-command.js'

const FIX = join(ROOT, 'tests/fixtures/model/runaway')

describe('estimateBudget', () => {
  it('counts arrivals × fan-out × horizon × replications, by hand', async () => {
    const c = compileModel(await loadModel(join(FIX, 'flood.yaml')))
    const b = estimateBudget(c, {horizon: 10, replications: 2})
    expect(b.sources).toHaveLength(1)
    const s = b.sources[0]
    expect(s).toMatchObject({source: 'report', kind: 'task', perHour: 1_000_000, fanOut: 3})
    // 10^6 instances an hour × 3 items × 10 h × 2 replications.
    expect(b.items).toBeCloseTo(6e7, -1)
    // Per item: arrival and end (2) + 2 per stage (≥ 1 stage) + 2 for the relay share.
    expect(b.events / b.items).toBeGreaterThanOrEqual(6)
    expect(b.events / b.items).toBeLessThan(20)
  })

  it('is within a factor of three of the events the shipped models process', async () => {
    for (const name of ['classroom', 'handan-fuxing']) {
      const c = compileModel(await loadModel(join(ROOT, 'models', `${name}.yaml`)))
      const actual = runCompiled(c, {seed: 1, horizon: 400, warmup: 0}).events
      const est = estimateBudget(c, {horizon: 400, replications: 1}).events
      expect(est / actual, name).toBeGreaterThan(1 / 3)
      expect(est / actual, name).toBeLessThan(3)
    }
  })

  it('refuses a million arrivals an hour and a quadrillion residents, naming the source', async () => {
    const flood = compileModel(await loadModel(join(FIX, 'flood.yaml')))
    expect(() => checkBudget(flood, {horizon: 2000, replications: 10})).toThrow(BudgetError)
    const crowd = compileModel(await loadModel(join(FIX, 'crowd.yaml')))
    let caught: unknown
    try {
      checkBudget(crowd, {horizon: 2000, replications: 1})
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(BudgetError)
    const user = explainRunError(caught, crowd.model) as UserError
    expect(user.en).toMatch(/demand `repair` arises .* times a working hour over all residents/)
    expect(user.zh).toMatch(/诉求 `repair`/)
  })

  it('refuses results that would not fit in memory', async () => {
    const c = compileModel(await loadModel(join(ROOT, 'models/classroom.yaml')))
    expect(() => checkBudget(c, {horizon: 1, replications: 1e6, maxEvents: Infinity})).toThrow(/replications/)
  })
})

describe('live-job bound', () => {
  it('stops an overloaded run naming the unit with the longest line, in this thread and on workers', async () => {
    const model = await loadModel(join(FIX, 'overload.yaml'))
    for (const workers of [1, 2]) {
      let caught: unknown
      try {
        await simulateModel(model, {seed: 1, replications: 2, horizon: 2000, workers, maxLiveJobs: 16384})
      } catch (error) {
        caught = error
      }
      expect(caught, `workers ${workers}`).toBeInstanceOf(RunawayError)
      const r = caught as RunawayError
      expect(r.unit).toBe('district/community')
      expect(r.inSystem).toBeGreaterThan(4096)
      const user = explainRunError(r, model) as UserError
      expect(user.en).toMatch(/at `district\/community`, whose nominal load is 3000%/)
      expect(user.hint?.en).toMatch(/more staff/)
      expect(user.zh).toMatch(/名义负荷为 3000%/)
    }
  })

  it('leaves runs under the bound exactly as they were', async () => {
    const c = compileModel(await loadModel(join(ROOT, 'models/classroom.yaml')))
    const free = runCompiled(c, {seed: 3, horizon: 300, warmup: 10})
    const bounded = runCompiled(c, {seed: 3, horizon: 300, warmup: 10, maxLiveJobs: 8192})
    expect(bounded).toEqual(free)
  })
})
