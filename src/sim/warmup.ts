// `--warmup mser`: the warm-up read from the run itself. Each replication is first run as a
// pilot (same seed, so the same trajectory) sampling the work in system (jobs waiting or in
// service over all units) at SERIES_POINTS instants; MSER-5 on the mean of these series over
// the replications (Hoad, Robinson & Davies 2010) gives one truncation for all. Averaging
// first keeps one replication's long busy period from being taken for the transient, which a
// per-replication truncation (and the maximum of those) does. The default, `--warmup auto`,
// needs no pilot: src/sim/run-length.ts.
import {mserTruncation} from '../metrics/flow/mser.js'
import type {Series, SimOptions} from './api.js'
import type {Compiled} from './compile.js'
import {Engine} from './engine.js'
import {sample} from './replication.js'

export interface PilotResult {
  /** The replication's work in system, sampled. */
  inSystem: number[]
  step: number
  /** Its own MSER-5 truncation in hours, and whether it hit the limit. */
  warmup: number
  limited: boolean
}

export function pilotWarmup(c: Compiled, options: SimOptions): PilotResult {
  const e = new Engine(c, options.seed, options.horizon, 0)
  const series: Series = sample(e, c, options.horizon)
  const t = mserTruncation(series.inSystem)
  return {inSystem: series.inSystem, step: series.step, warmup: t.observations * series.step, limited: t.limited}
}

/** MSER-5 on the mean series of the pilots: hours to truncate, and whether that hit its limit. */
export function meanSeriesWarmup(pilots: readonly PilotResult[]): {warmup: number; limited: boolean} {
  if (pilots.length === 0) return {warmup: 0, limited: false}
  const n = pilots[0].inSystem.length
  const mean = new Float64Array(n)
  for (const p of pilots) for (let k = 0; k < n; k++) mean[k] += p.inSystem[k] / pilots.length
  const t = mserTruncation(mean)
  return {warmup: t.observations * pilots[0].step, limited: t.limited}
}
