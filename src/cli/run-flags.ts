// The flags every simulating command shares (simulate, compare, report), their parsing into
// working hours, and the progress bar on stderr over one or several runs.
import {Errors, Flags} from '@oclif/core'
import {parseDuration} from '../model/duration.js'
import type {Clock, Model} from '../model/types.js'
import {t} from '../i18n/index.js'
import {DEFAULT_MAX_EVENTS, MAX_REPLICATIONS} from '../sim/bounds.js'
import type {Lang} from './base.js'
import type {SimProgress} from '../sim/api.js'
import type {RunPlan} from '../sim/run-length.js'
import type {Compiled} from '../sim/compile.js'
import {progressBar, type ProgressOptions} from './progress.js'

export const runFlags = {
  seed: Flags.integer({default: 1, min: 0, max: 4294967295, description: 'seed of the run; replication seeds derive from it, and compared models share them'}),
  replications: Flags.integer({char: 'r', min: 1, max: MAX_REPLICATIONS, description: `independent replications, at most ${MAX_REPLICATIONS} (default: 10, or more when a queue is slow to settle, enough to observe it over 100 relaxation times)`}),
  horizon: Flags.string({description: 'simulated working time, e.g. 1y, 6mo, 2w or 2000 (hours); default 1y'}),
  warmup: Flags.string({description: 'working time excluded from the statistics at the start; auto: two relaxation times of the slowest queue (default); mser: MSER-5 on a pilot of the replications'}),
  workers: Flags.integer({min: 1, description: 'worker threads (default: one per core)'}),
  'max-events': Flags.integer({min: 1, default: DEFAULT_MAX_EVENTS, description: 'refuse a run estimated to process more events than this, over all replications (docs/simulation.md, Budgets)'}),
}

/** A duration flag in the model's working hours (a bare number is hours); a usage error (exit 2) if unreadable. */
export function durationFlag(text: string | undefined, flag: string, clock: Clock, lang: Lang): number | undefined {
  if (text === undefined) return undefined
  const h = parseDuration(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text, clock)
  if (h === undefined) throw new Errors.CLIError(t(lang, 'cli.badDuration', {flag, value: text}), {exit: 2})
  return h
}

/** `--xlsx` names a workbook: a name without .xlsx is a usage error, before anything is loaded or run. */
export function checkWorkbookName(file: string | undefined, lang: Lang): void {
  if (file !== undefined && !/\.xlsx$/i.test(file)) throw new Errors.CLIError(t(lang, 'usage.xlsxName', {value: file}), {exit: 2})
}

/** Horizon and warm-up in hours (or 'auto', the default, or 'mser'), checked; the horizon defaults to a year. */
export function runWindow(flags: {horizon?: string; warmup?: string}, clock: Clock, lang: Lang): {horizon: number; warmup: number | 'auto' | 'mser'} {
  const horizon = durationFlag(flags.horizon, '--horizon', clock, lang) ?? clock.hoursPerDay * clock.daysPerYear
  const warmup = flags.warmup === undefined || flags.warmup === 'auto' ? 'auto' : flags.warmup === 'mser' ? 'mser' : durationFlag(flags.warmup, '--warmup', clock, lang)!
  if (!(horizon > 0)) throw new Errors.CLIError(t(lang, 'usage.horizonZero'), {exit: 2})
  if (typeof warmup === 'number' && warmup >= horizon) throw new Errors.CLIError(t(lang, 'usage.warmupLong'), {exit: 2})
  return {horizon, warmup}
}

/**
 * One run plan for every model simulated together (src/sim/run-length.ts): the same warm-up and
 * replications for all, so replication r of each counts the same window on the same seed.
 * Every model's budget is checked for the planned replications (`extra` more: an event log's)
 * before anything runs; with `mser`, the pilots run here. The models come back compiled.
 */
export async function planModels(
  models: readonly Model[],
  window: {horizon: number; warmup: number | 'auto' | 'mser'},
  o: {seed: number; replications?: number; workers?: number; maxEvents?: number; extra?: number},
): Promise<{plan: RunPlan; compiled: Compiled[]}> {
  const [{planRun, mserWarmup, checkBudget, compileModel, estimateBudget, DEFAULT_MAX_EVENTS}, {explainRunError}] = await Promise.all([import('../sim/index.js'), import('./run-errors.js')])
  const compiled = models.map((m) => compileModel(m))
  // Replications the plan adds for a slow queue stop at the event budget: the short-run warning then says what is missing.
  const perReplication = Math.max(1, ...compiled.map((c) => estimateBudget(c, {horizon: window.horizon, replications: 1}).events))
  const maxReplications = Math.floor((o.maxEvents ?? DEFAULT_MAX_EVENTS) / perReplication) - (o.extra ?? 0)
  const plan = planRun(models, {horizon: window.horizon, warmup: window.warmup === 'mser' ? 'auto' : window.warmup, replications: o.replications, maxReplications})
  compiled.forEach((c, i) => {
    const m = models[i]
    try {
      checkBudget(c, {horizon: window.horizon, replications: plan.replications + (o.extra ?? 0), maxEvents: o.maxEvents})
    } catch (error) {
      throw explainRunError(error, m)
    }
  })
  if (window.warmup !== 'mser') return {plan, compiled}
  const {warmup, choice} = await mserWarmup(models, {seed: o.seed, workers: o.workers, horizon: window.horizon, replications: plan.replications}, compiled).catch((error: unknown) => {
    throw explainRunError(error, models[0])
  })
  return {plan: {...plan, warmup, warmupChoice: choice, replicationsChoice: {...plan.replicationsChoice, ...relaxationsAt(plan, window.horizon - warmup)}}, compiled}
}

/** The slowest queue's relaxation times observed with another window (after an MSER warm-up). */
function relaxationsAt(plan: RunPlan, window: number): {relaxations?: number} {
  const tau = plan.replicationsChoice.relaxation
  return tau !== undefined && tau > 0 ? {relaxations: (plan.replications * window) / tau} : {}
}

/**
 * One progress bar over `runs` consecutive simulateModel calls (compare and report run several
 * models): `forRun(k)` is the onProgress of run k; `done()` erases the bar.
 */
export function runsProgress(runs: number, o: ProgressOptions): {forRun(k: number): (p: SimProgress) => void; done(): void} {
  const bar = progressBar(o)
  return {
    forRun: (k) => (p) => bar.update((k + p.hoursDone / p.hoursTotal) / runs),
    done: () => bar.done(),
  }
}
