// Running a sweep's work units: in the calling thread with one worker, else on worker threads
// through the simulation's pool (src/sim/parallel.ts). A thread is sent a chunk of one cell's
// units at a time, so it compiles that cell once; results come back in work-unit order
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
  const jobs = chunks(units, ctx.plan.replications, workers).map((part, r) => ({r, units: part}))
  let done = 0
  const results = await runPool<{r: number; units: number[]}, UnitResult[]>(new URL('./worker.js', import.meta.url), ctx, jobs, workers, (_d, _t, part) => {
    for (const u of part) o.onProgress?.(++done, units.length, u)
  })
  return results.flat()
}

/**
 * Units grouped by cell, in order. With fewer than two cells per worker, each cell's units are
 * split into near-equal parts so that every worker still has work.
 */
export function chunks(units: readonly number[], replications: number, workers: number): number[][] {
  const cells: number[][] = []
  for (const k of units) {
    const last = cells[cells.length - 1]
    if (last && Math.floor(last[0] / replications) === Math.floor(k / replications)) last.push(k)
    else cells.push([k])
  }
  if (cells.length >= 2 * workers) return cells
  const parts = Math.ceil((2 * workers) / cells.length)
  return cells.flatMap((c) => {
    const size = Math.ceil(c.length / parts)
    const out: number[][] = []
    for (let i = 0; i < c.length; i += size) out.push(c.slice(i, i + size))
    return out
  })
}
