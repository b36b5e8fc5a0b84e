// `--warmup auto`: the warm-up each replication needs, from a pilot run of the same seed.
// The pilot samples the work in system (jobs waiting or in service over all units) at
// SERIES_POINTS instants and MSER-5 picks the truncation; the final run repeats the same
// trajectory (same seed) with statistics counted from there. Models whose every unit is
// lightly loaded skip the pilot: their transient is a few service times, not worth a rerun.
import {nominalLoad} from '../metrics/structure/load.js'
import {mserTruncation} from '../metrics/flow/mser.js'
import type {Model} from '../model/types.js'
import type {SimOptions} from './api.js'
import type {Compiled} from './compile.js'
import {Engine} from './engine.js'
import {sample} from './replication.js'

/** Every staffed unit at or below this nominal load (and no work for unstaffed ones): no pilot. */
export const LIGHT_LOAD = 0.5

export interface PilotResult {
  /** Hours to truncate. */
  warmup: number
  /** MSER-5 truncated at its limit: the series never settled. */
  limited: boolean
}

export function pilotWarmup(c: Compiled, options: SimOptions): PilotResult {
  const e = new Engine(c, options.seed, options.horizon, 0)
  const series = sample(e, c, options.horizon)
  const t = mserTruncation(series.inSystem)
  return {warmup: t.observations * series.step, limited: t.limited}
}

/** Whether the structure alone shows every unit lightly loaded (structural nominal load). */
export function lightlyLoaded(model: Model): boolean {
  for (const load of nominalLoad(model).values()) if (!(load <= LIGHT_LOAD)) return false
  return true
}
