// A Morris screening of a shipped model where the answer is evident: the staff of the
// community workstations matter for community waits, the health bureau's staff do not (its
// queue is upstream of nothing a community waits for). And the shipped sweep files load.
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadSweep, runSweep, summariseSweep} from '../../src/sweep/index.js'

const ROOT = join(import.meta.dirname, '..', '..')

describe('shipped sweeps', () => {
  it('community staff matter more than an unrelated department\'s staff for community waits', async () => {
    const sweep = loadSweep(join(ROOT, 'sweeps', 'classroom-staff.yaml'), {samples: 4, replications: 2, horizon: 120})
    expect(sweep.plan.cells).toHaveLength(4 * 3)
    const s = summariseSweep(sweep.plan, await runSweep(sweep, {workers: 1}))
    const wait = (factor: string) => s.sensitivity!.find((r) => r.metric === 'community.wait' && r.factor === factor)!
    const community = wait('community-staff')
    const health = wait('health-staff')
    if (community.method !== 'morris' || health.method !== 'morris') throw new Error('expected Morris indices')
    expect(community.muStarLo).toBeGreaterThan(health.muStarHi)
    expect(community.muStar).toBeGreaterThan(10 * Math.max(health.muStar, 1e-9))
    // More community staff, shorter waits: every elementary effect is negative.
    expect(community.mu).toBeCloseTo(-community.muStar, 9)
  })

  it('every sweep file in sweeps/ loads and checks', () => {
    const files = readdirSync(join(ROOT, 'sweeps')).filter((f) => f.endsWith('.yaml'))
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const f of files) expect(loadSweep(join(ROOT, 'sweeps', f)).plan.cells.length).toBeGreaterThan(0)
  })
})
