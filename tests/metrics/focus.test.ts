import {describe, expect, it} from 'vitest'
import {summariseFocus} from '../../src/metrics/flow/focus.js'
import type {ReplicationResult} from '../../src/sim/api.js'
import {smallFunnel} from '../helpers/small-funnel.js'

// Two replications of a half-year window (1,000 of the 2,000 working hours a year), two focus
// units each: the per-task sums of the units, scaled to a year, then averaged.
const run = (census: [number, number, number, number, number][], dispute?: [number, number, number, number, number]): ReplicationResult => ({
  focus: [
    {id: 'a', tasks: [{id: 'census', busyHours: census[0][0], waitHours: census[0][1], started: census[0][2], completed: census[0][3], meanLeadTime: census[0][4]}]},
    {id: 'b', tasks: [
      {id: 'census', busyHours: census[1][0], waitHours: census[1][1], started: census[1][2], completed: census[1][3], meanLeadTime: census[1][4]},
      ...(dispute ? [{id: 'dispute', busyHours: dispute[0], waitHours: dispute[1], started: dispute[2], completed: dispute[3], meanLeadTime: dispute[4]}] : []),
    ]},
  ],
}) as unknown as ReplicationResult

describe('summariseFocus', () => {
  it('sums the units per replication, scales to a year and averages over replications', () => {
    const runs = [
      run([[30, 6, 6, 6, 10], [42, 0, 6, 6, 20]], [100, 50, 50, 48, 3]),
      run([[36, 12, 6, 5, 12], [36, 6, 6, 7, 12]]),
    ]
    const f = summariseFocus(smallFunnel(), runs, {horizon: 1500, warmup: 500})!
    expect(f.units).toEqual(['a', 'b'])
    expect(f.tasks.map((t) => t.id)).toEqual(['census', 'dispute'])
    const census = f.tasks[0]
    // Replication 1: 72 h in half a year → 144 h a year; replication 2 the same.
    expect(census.hoursPerYear).toMatchObject({mean: 144, sd: 0, n: 2})
    expect(census.startedPerYear.mean).toBe(24)
    // Waits: (6 + 0) / 12 and (12 + 6) / 12 hours a job.
    expect(census.meanWait.mean).toBeCloseTo((0.5 + 1.5) / 2, 12)
    // Lead times weighted by completions: (6×10 + 6×20) / 12 = 15 and (5×12 + 7×12) / 12 = 12.
    expect(census.meanLeadTime.mean).toBeCloseTo(13.5, 12)
    expect(census.completedPerYear.mean).toBe(24)
    expect(census).toMatchObject({name: 'census', type: 'task'})
    // A request seen in one replication only counts zero hours in the other.
    expect(f.tasks[1]).toMatchObject({type: 'request', hoursPerYear: {mean: 100, n: 2}})
    expect(f.tasks[1].meanWait.n).toBe(1)
  })

  it('says nothing when the runs carry no focus', () => {
    expect(summariseFocus(smallFunnel(), [{} as ReplicationResult], {horizon: 100, warmup: 0})).toBeUndefined()
  })
})
