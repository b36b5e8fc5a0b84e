// Running a sweep's work units: in the calling thread with one worker, else on worker threads
// through the simulation's pool (src/sim/parallel.ts). Results come back in work-unit order
// whatever the number of workers, so the rows are the same bytes.
import {availableParallelism} from 'node:os'
import {runPool} from '../sim/parallel.js'
import {createUnitRunner} from './runner.js'
import type {RunContext, UnitResult} from './runner.js'
import {shardUnits} from './shard.js'
import type {Shard} from './shard.js'
import {workUnits} from './plan.js'

export interface RunOptions {
  workers?: number
  shard?: Shard
  /** After each unit: units done, units in this run, and the unit's result. */
  onProgress?: (done: number, total: number, unit: UnitResult) => void
}

export async function runSweep(ctx: RunContext, o: RunOptions = {}): Promise<UnitResult[]> {
  const units = shardUnits(workUnits(ctx.plan), o.shard)
  const workers = Math.max(1, Math.min(Math.floor(o.workers ?? availableParallelism()), units.length))
  if (workers === 1) {
    const run = createUnitRunner(ctx)
    const out: UnitResult[] = []
    for (const k of units) {
      out.push(run(k))
      o.onProgress?.(out.length, units.length, out[out.length - 1])
      // Let a progress line and signals through between units.
      if (out.length % 4 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    return out
  }
  const jobs = units.map((k, r) => ({r, k}))
  return runPool<{r: number; k: number}, UnitResult>(new URL('./worker.js', import.meta.url), ctx, jobs, workers, o.onProgress)
}
