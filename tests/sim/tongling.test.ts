// Tongling's reform (docs/sources.md): a benefit approval took about two weeks before the
// 2010-11 reform and about two days after (a ratio of 7). The baseline is calibrated from the
// model's defaults alone (defaults.handoffDelay); the reform is applied as reported, nothing
// tuned for the result.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModelOrScenario} from '../../src/scenario/load.js'
import {simulateModel} from '../../src/sim/index.js'

const ROOT = join(import.meta.dirname, '..', '..')
const DAY = 8

async function approval(file: string): Promise<number> {
  const {model} = await loadModelOrScenario(join(ROOT, file))
  const s = await simulateModel(model, {seed: 1, replications: 4})
  return s.tasks.find((t) => t.id === 'benefits')!.meanLeadTime.mean
}

describe('the Tongling reform (撤街并社)', () => {
  it('takes about two weeks for a benefit approval before, and 3.5 to 14 times less after', async () => {
    const before = await approval('models/tongling.yaml')
    const after = await approval('scenarios/tongling/reform.yaml')
    // 10 working days ± 30%.
    expect(before).toBeGreaterThan(7 * DAY)
    expect(before).toBeLessThan(13 * DAY)
    expect(before / after).toBeGreaterThan(3.5)
    expect(before / after).toBeLessThan(14)
  })
})
