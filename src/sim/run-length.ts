// The run's length when it is left to loudou (`--warmup auto`, no `--replications`): a warm-up
// and a number of replications read from the relaxation time τ of the slowest queue, the
// time its line takes to forget the empty start (src/metrics/structure/relaxation.ts):
//
//   warm-up       2 τ, at most half the horizon (0 without such a queue)
//   replications  enough for 100 τ observed in all, at least 10 and at most 100
//
// Compared models share one plan (the slowest queue over all of them), so replication r of
// every model counts the same window on the same seed and pairs stay paired.
// Why these numbers: docs/metrics.md, *Run length*.
import {OBSERVED_RELAXATIONS, slowestQueue, unitRelaxations} from '../metrics/structure/relaxation.js'
import type {Model} from '../model/types.js'
import type {ReplicationsChoice, WarmupChoice} from './api.js'

export const RUN_LENGTH = {
  /** Units at or below this nominal load forget their start within a few jobs. */
  lightLoad: 0.5,
  /** Warm-up in relaxation times of the slowest queue. */
  warmupRelaxations: 2,
  /** The warm-up takes at most this share of the horizon. */
  maxWarmupShare: 0.5,
  /** Relaxation times of the slowest queue observed over all replications (Whitt 1989: about ±20% on its mean queue). */
  observedRelaxations: OBSERVED_RELAXATIONS,
  /** The default, and the fewest the plan asks for. */
  replications: 10,
  /** The most the plan asks for; a run still short after them gets the `short-run` warning. */
  maxReplications: 100,
} as const

export interface RunPlan {
  warmup: number
  warmupChoice: WarmupChoice
  replications: number
  replicationsChoice: ReplicationsChoice
}

export interface RunRequest {
  horizon: number
  /** Hours, or 'auto' (2 τ of the slowest queue). */
  warmup: number | 'auto'
  /** Given replications are kept; without, the plan chooses. */
  replications?: number
  /** The most replications the plan may choose (the event budget's); never fewer than the default. */
  maxReplications?: number
}

/** The plan for a run of `models` (one, or a baseline and its scenarios). */
export function planRun(models: readonly Model[], o: RunRequest): RunPlan {
  let slow: {id: string; hours: number} | undefined
  let overloaded = false
  for (const m of models) {
    const q = slowestQueue(m, RUN_LENGTH.lightLoad)
    if (q && (!slow || q.hours > slow.hours)) slow = {id: q.id, hours: q.hours}
    if (!q) overloaded ||= unitRelaxations(m).some((r) => r.load > 1)
  }
  const at = slow ? {unit: slow.id, relaxation: slow.hours} : {}
  let warmup: number
  let warmupChoice: WarmupChoice
  if (o.warmup !== 'auto') {
    warmup = o.warmup
    warmupChoice = {method: 'fixed', perReplication: [], unsettled: 0}
  } else if (!slow) {
    // No queue with a steady state to wait for: every unit lightly loaded, or the loaded ones above 1.
    warmup = 0
    warmupChoice = {method: overloaded ? 'overloaded' : 'light-load', perReplication: [], unsettled: 0}
  } else {
    warmup = Math.min(RUN_LENGTH.warmupRelaxations * slow.hours, RUN_LENGTH.maxWarmupShare * o.horizon)
    warmupChoice = {method: 'relaxation', perReplication: [], unsettled: 0, ...at}
  }
  const window = o.horizon - warmup
  const needed = slow && window > 0 ? Math.ceil((RUN_LENGTH.observedRelaxations * slow.hours) / window) : 0
  const most = Math.max(RUN_LENGTH.replications, Math.min(RUN_LENGTH.maxReplications, o.maxReplications ?? Infinity))
  const replications = o.replications ?? Math.min(most, Math.max(RUN_LENGTH.replications, needed))
  const method = o.replications !== undefined ? 'fixed' : replications > RUN_LENGTH.replications ? 'relaxation' : 'default'
  const relaxations = slow ? (replications * window) / slow.hours : undefined
  return {warmup, warmupChoice, replications, replicationsChoice: {method, ...at, ...(relaxations !== undefined ? {relaxations} : {})}}
}
